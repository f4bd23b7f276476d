"""The demo's one source of made-up randomness: seeded RSA keys, serial numbers and ids.

`certassist --demo` and the screenshots draw from here, so a fresh demo folder made on the same
day holds the same certificates with the same fingerprints, and an unchanged GUI gives the same
pictures. Every value comes from a labelled, numbered stream (`stream(label, n)`): the same label
and number, the same value, on every machine. Made-up demo keys only (VERZONNEN): anyone can
make them again, so they must never protect anything real.

The test suite keeps its fast random pool (`pki_keys.KeyPool`); `TestPKI(today, keys=...)`
says which source a made-up PKI draws from.
"""

from __future__ import annotations

import hashlib
import random
import threading

from cryptography.hazmat.primitives.asymmetric import rsa

from certassist.demo.seeded_primes import DEMO_PRIMES

PRIMES = tuple((int(p, 16), int(q, 16)) for p, q in DEMO_PRIMES)

# Labels of the streams. They are the names the screenshot script first used, kept so the
# committed screenshots stay the same; any fixed text would do.
KEY_LABEL = "key:certassist.demo.pki_keys"
CA_SERIAL_LABEL = "serial"
LEAF_SERIAL_LABEL = "bytes:certassist.demo.pki_ca"
PUBLIC_EXPONENT = 65537
KEY_SIZE = 2048

_KEYS: dict[tuple[str, int, int], rsa.RSAPrivateKey] = {}  # made once per process
_LOCK = threading.Lock()


def stream(label: str, index: int) -> random.Random:
    """The `index`-th seeded generator of `label`."""
    seed = hashlib.sha256(f"{label}:{index}".encode()).digest()
    return random.Random(int.from_bytes(seed, "big"))


def seeded_key(label: str, index: int, key_size: int = KEY_SIZE) -> rsa.RSAPrivateKey:
    """The RSA key of stream `label` number `index` (cached: a key is made once per process)."""
    with _LOCK:
        key: rsa.RSAPrivateKey | None = _KEYS.get((label, index, key_size))
        if key is None and label == KEY_LABEL and key_size == KEY_SIZE and index < len(PRIMES):
            key = _from_primes(*PRIMES[index], PUBLIC_EXPONENT)  # the same key, made fast
        if key is None:
            key = generated_key(label, index, key_size)
        _KEYS[(label, index, key_size)] = key
        return key


def generated_key(label: str, index: int, key_size: int = KEY_SIZE) -> rsa.RSAPrivateKey:
    """The key `seeded_key` gives, always made from the seed (about a second; no table)."""
    return _rsa_key(stream(label, index), PUBLIC_EXPONENT, key_size)


def ca_serial(index: int) -> int:
    """A CA's serial number: 159 random bits, high bit set (like `x509.random_serial_number`)."""
    return stream(CA_SERIAL_LABEL, index).getrandbits(159) | 1 << 150


def leaf_serial(index: int) -> int:
    """A leaf's serial number: 15 random bytes with bit 118 set (never short, never zero)."""
    return int.from_bytes(stream(LEAF_SERIAL_LABEL, index).randbytes(15), "big") | 1 << 118


class SeededKeys:
    """A made-up PKI's keys and serial numbers from the seeded streams, counted from zero.

    Two instances give the same keys and serials in the same order: the demo's certificates
    are the same in every fresh demo folder (given the same day)."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def _next(self, label: str) -> int:
        with self._lock:
            index = self._counts.get(label, 0)
            self._counts[label] = index + 1
            return index

    def take(self) -> rsa.RSAPrivateKey:
        return seeded_key(KEY_LABEL, self._next(KEY_LABEL))

    def ca_serial(self) -> int:
        return ca_serial(self._next(CA_SERIAL_LABEL))

    def leaf_serial(self) -> int:
        return leaf_serial(self._next(LEAF_SERIAL_LABEL))


def _rsa_key(rng: random.Random, e: int, bits: int) -> rsa.RSAPrivateKey:
    """An RSA key from a seeded generator (Miller-Rabin primes): the same seed, the same key."""

    def prime(size: int) -> int:
        while True:
            n = rng.getrandbits(size) | (3 << (size - 2)) | 1
            if all(n % p for p in _SMALL_PRIMES) and _probably_prime(n, rng):
                if (n - 1) % e:
                    return n

    while True:
        p, q = prime(bits // 2), prime(bits // 2)
        if p != q:
            break
    return _from_primes(max(p, q), min(p, q), e)


def _from_primes(p: int, q: int, e: int) -> rsa.RSAPrivateKey:
    d = pow(e, -1, (p - 1) * (q - 1))
    numbers = rsa.RSAPrivateNumbers(
        p, q, d, d % (p - 1), d % (q - 1), pow(q, -1, p), rsa.RSAPublicNumbers(e, p * q)
    )
    return numbers.private_key()


_SMALL_PRIMES = [n for n in range(3, 2000, 2) if all(n % d for d in range(3, int(n**0.5) + 1, 2))]


def _probably_prime(n: int, rng: random.Random, rounds: int = 24) -> bool:
    d, r = n - 1, 0
    while d % 2 == 0:
        d, r = d // 2, r + 1
    for _ in range(rounds):
        x = pow(rng.randrange(2, n - 2), d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
