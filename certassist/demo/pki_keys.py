"""Where a made-up PKI gets its keys and serial numbers: a `KeySource`.

Two sources, chosen explicitly by whoever makes the PKI (`TestPKI(today, keys=...)`):
- `KeyPool` (the default, for the test suite): fresh random keys from one process-wide list
  that grows on demand, so the suite does not spend minutes on keygen, and random serials.
  Two `TestPKI` instances reuse the same keys (for different certificates), while within one
  instance every certificate gets its own key, so `mismatched()` really mismatches.
- `seeded.SeededKeys` (the demo and the screenshots): the same keys and serials every time.
"""

from __future__ import annotations

import secrets
import threading
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

_SHARED: list[rsa.RSAPrivateKey] = []
_LOCK = threading.Lock()


class KeySource(Protocol):
    """Keys and serial numbers for one made-up PKI; every `take()` a key not yet handed out."""

    def take(self) -> rsa.RSAPrivateKey: ...

    def ca_serial(self) -> int: ...

    def leaf_serial(self) -> int: ...


def _shared_key(index: int) -> rsa.RSAPrivateKey:
    with _LOCK:
        while len(_SHARED) <= index:
            _SHARED.append(rsa.generate_private_key(public_exponent=65537, key_size=2048))
        return _SHARED[index]


class KeyPool:
    """Distinct random keys for one PKI instance, drawn from the shared list; random serials."""

    def __init__(self) -> None:
        self._next = 0
        self._lock = threading.Lock()

    def take(self) -> rsa.RSAPrivateKey:
        with self._lock:
            index = self._next
            self._next += 1
        return _shared_key(index)

    def ca_serial(self) -> int:
        return x509.random_serial_number()

    def leaf_serial(self) -> int:
        return int.from_bytes(secrets.token_bytes(15), "big") | 1 << 118
