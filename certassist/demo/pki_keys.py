"""A process-wide pool of RSA-2048 keys, so the test suite does not spend minutes on keygen.

Each `KeyPool` hands out keys in order from one shared list that grows on demand; two
`TestPKI` instances therefore reuse the same keys (for different certificates), while within
one instance every certificate gets its own key, so `mismatched()` really mismatches.
"""

from __future__ import annotations

import threading

from cryptography.hazmat.primitives.asymmetric import rsa

_SHARED: list[rsa.RSAPrivateKey] = []
_LOCK = threading.Lock()


def _shared_key(index: int) -> rsa.RSAPrivateKey:
    with _LOCK:
        while len(_SHARED) <= index:
            _SHARED.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
        return _SHARED[index]


class KeyPool:
    """Distinct keys for one PKI instance, drawn from the shared list."""

    def __init__(self) -> None:
        self._next = 0
        self._lock = threading.Lock()

    def take(self) -> rsa.RSAPrivateKey:
        with self._lock:
            index = self._next
            self._next += 1
        return _shared_key(index)
