"""A quick reader for the usual PKCS#12 layout, so opening a PFX does not cost 50 ms.

cryptography's `load_pkcs12` checks an RSA private key by testing its primes, about 45 ms for a
2048-bit key, and has no way to skip that; pk12util and Windows do no such test. This reader
handles what Windows ("AES256-SHA256" and "TripleDES-SHA1"), OpenSSL 3 and certassist's own
backups write:

- password integrity: an HMAC (SHA-1 or SHA-2) keyed with the PKCS#12 key derivation (RFC 7292,
  appendix B), checked before anything is decrypted;
- certificates in a plain safe or one encrypted with PBES2 (PBKDF2 + AES-CBC) or with PKCS#12's
  own SHA-1 + 3DES;
- at most one key, in a PKCS#8 shrouded key bag encrypted the same ways, of a type cryptography
  accepts in PKCS#12; an RSA key gets OpenSSL's consistency checks except the prime test.

It never decides a failure. Anything else (no MAC, a MAC that does not verify, RC2, an empty
password, a second key, a structure it does not expect exactly, more key-derivation work than
a usual file needs) gives None, and the caller reads the file with cryptography, which then
names the problem (wrong password, damaged, unsupported). So the quick path is strict where
cryptography is strict, and takes the friendly name from the certificate that matches the
key, as OpenSSL does. Its key is checked against the certificate by `order_bundle`, exactly
as for files cryptography reads. Certificates are decoded completely here (cryptography
decodes lazily), so one that fails later in classification goes to cryptography instead.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import BlockCipherAlgorithm, Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from certassist.core import ber, der
from certassist.core.x509_decode import UndecodableCertificate, load_der

_DATA = "1.2.840.113549.1.7.1"
_ENCRYPTED_DATA = "1.2.840.113549.1.7.6"
_PBES2 = "1.2.840.113549.1.5.13"
_PBE_SHA1_3DES = "1.2.840.113549.1.12.1.3"
_ID_KEY, _ID_IV, _ID_MAC = 1, 2, 3  # RFC 7292 B.3
_PBKDF2 = "1.2.840.113549.1.5.12"
_SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2"
_CERT_BAG = "1.2.840.113549.1.12.10.1.3"
_X509_CERTIFICATE = "1.2.840.113549.1.9.22.1"
_FRIENDLY_NAME = "1.2.840.113549.1.9.20"
_LOCAL_KEY_ID = "1.2.840.113549.1.9.21"
_NULL = 0x05
_BMP_STRING = 0x1E
_SET = 0x31
_IMPLICIT_0_PRIMITIVE = 0x80

_DIGESTS = {  # MAC digest OIDs
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
}
_PRFS = {  # PBKDF2 pseudo-random functions; absent means HMAC-SHA-1
    "1.2.840.113549.2.7": "sha1",
    "1.2.840.113549.2.9": "sha256",
    "1.2.840.113549.2.10": "sha384",
    "1.2.840.113549.2.11": "sha512",
}
_AES_KEY_BYTES = {
    "2.16.840.1.101.3.4.1.2": 16,
    "2.16.840.1.101.3.4.1.22": 24,
    "2.16.840.1.101.3.4.1.42": 32,
}
# Key types cryptography's PKCS#12 reader accepts; others (X25519, ML-DSA) it refuses.
_KEY_TYPES = (
    rsa.RSAPrivateKey,
    dsa.DSAPrivateKey,
    ec.EllipticCurvePrivateKey,
    ed25519.Ed25519PrivateKey,
    ed448.Ed448PrivateKey,
)
# Work budgets per file. PKCS#12's own key derivation runs in Python here, about 7x slower
# than cryptography's C: fine for the usual 3 x 2,048 rounds (a few ms), so above this total a
# file goes to cryptography (NSS's 600,000-round MAC does). PBKDF2 runs in cryptography's C;
# certassist's backups take 2 x 600,000 rounds.
MAX_PYTHON_KDF_ROUNDS = 100_000
MAX_PYTHON_KDF_ROUNDS_FOR_PROOF = 1_000_000
MAX_PBKDF2_ROUNDS = 2_000_000


class _NotQuick(Exception):
    """This file is not the usual layout: let cryptography read it."""


@dataclass(frozen=True)
class QuickPkcs12:
    certificates: tuple[x509.Certificate, ...]
    key: PrivateKeyTypes | None
    friendly_name: str | None  # of the first certificate that matches the key


def read_quick(data: bytes, password: str | None) -> QuickPkcs12 | None:
    """The file's certificates and key, or None when cryptography must read it (see above)."""
    if not password or "\0" in password:
        return None  # empty and absent passwords differ subtly between writers
    try:
        return _Reader(password).read(data)
    except Exception:  # whatever it is, cryptography reads the file and names it
        return None


def password_proven(data: bytes, password: str | None) -> bool:
    """Whether `password` is the file's: its MAC verifies, or (a MAC whose iteration count or
    value was tampered with) its encrypted content decrypts to certificates and a key that
    decode. Then a file cryptography cannot read is damaged, not opened with a typo.

    Asked only after a failure, so it may spend the time NSS's 600,000-round MAC takes here.
    """
    if not password or "\0" in password:
        return False
    try:
        _Reader(password, python_budget=MAX_PYTHON_KDF_ROUNDS_FOR_PROOF).verified_content(data)
    except Exception:
        pass
    else:
        return True
    try:
        reader = _Reader(password, python_budget=MAX_PYTHON_KDF_ROUNDS_FOR_PROOF, check_mac=False)
        reader.read(data)
    except Exception:
        return False
    return reader.decrypted > 0  # a plain part decodes under any password; proof is decryption


@dataclass
class _Bag:
    cert: x509.Certificate
    friendly_name: str | None


@dataclass
class _Reader:
    password: str
    python_budget: int = MAX_PYTHON_KDF_ROUNDS
    check_mac: bool = True  # False only to prove a password when the MAC itself is damaged
    python_rounds: int = 0
    pbkdf2_rounds: int = 0
    decrypted: int = 0  # parts that decrypted and decoded under the password
    certs: list[_Bag] = field(default_factory=list)
    keys: list[PrivateKeyTypes] = field(default_factory=list)

    def verified_content(self, data: bytes) -> bytes:
        """The AuthenticatedSafe's bytes, after its MAC has verified under the password."""
        outer = ber.parse_single(data)
        if outer.tag != der.SEQUENCE or len(outer.children) != 3:
            raise _NotQuick("no MAC")
        _, auth_safe, mac_data = outer.children
        content = _data_content(auth_safe)
        if self.check_mac:
            self._check_mac(mac_data, content)
        return content

    def read(self, data: bytes) -> QuickPkcs12:
        content = self.verified_content(data)
        for info in _children(ber.parse_single(content), der.SEQUENCE):
            for bag in _children(ber.parse_single(self._safe_contents(info)), der.SEQUENCE):
                self._read_bag(bag)
        if not self.certs:
            raise _NotQuick("no certificate")
        key = self.keys[0] if self.keys else None
        return QuickPkcs12(tuple(b.cert for b in self.certs), key, self._friendly_name(key))

    def _friendly_name(self, key: PrivateKeyTypes | None) -> str | None:
        """OpenSSL's choice: the name of the first certificate whose public key is the key's."""
        if key is None:
            return None
        wanted = _spki(key.public_key())
        return next((b.friendly_name for b in self.certs if _spki(b.cert.public_key()) == wanted),
                    None)  # fmt: skip

    # -- budgets
    def _spend_python(self, rounds: int) -> None:
        self.python_rounds += rounds
        if rounds <= 0 or self.python_rounds > self.python_budget:
            raise _NotQuick("more PKCS#12 key derivation than a usual file needs")

    def _spend_pbkdf2(self, rounds: int) -> None:
        self.pbkdf2_rounds += rounds
        if rounds <= 0 or self.pbkdf2_rounds > MAX_PBKDF2_ROUNDS:
            raise _NotQuick("more PBKDF2 than a usual file needs")

    # -- integrity
    def _check_mac(self, mac_data: ber.Node, content: bytes) -> None:
        fields = _children(mac_data, der.SEQUENCE)
        if len(fields) not in (2, 3):
            raise _NotQuick("macData malformed")
        digest_info = _children(fields[0], der.SEQUENCE)
        if len(digest_info) != 2:
            raise _NotQuick("digestInfo malformed")
        name = _DIGESTS.get(_algorithm_without_parameters(digest_info[0]))
        if name is None:
            raise _NotQuick("MAC digest not handled here")
        salt = _octets(fields[1])
        iterations = _integer(fields[2]) if len(fields) == 3 else 1
        self._spend_python(iterations)
        size = getattr(hashlib, name)().digest_size
        key = pkcs12_kdf(name, bmp_password(self.password), salt, _ID_MAC, iterations, size)
        if not hmac.compare_digest(hmac.new(key, content, name).digest(), _octets(digest_info[1])):
            raise _NotQuick("MAC does not verify (most likely a wrong password)")

    # -- safes and bags
    def _safe_contents(self, info: ber.Node) -> bytes:
        """A SafeContents, from a plain data ContentInfo or an encrypted one."""
        content_type, explicit = _children(info, der.SEQUENCE)
        kind = _oid(content_type)
        if kind == _DATA:
            return _data_content(info)
        if kind != _ENCRYPTED_DATA:
            raise _NotQuick("enveloped or unknown safe")
        (encrypted_data,) = _children(explicit, der.CONTEXT_0)
        version, encrypted_content_info = _children(encrypted_data, der.SEQUENCE)
        if _integer(version) != 0:
            raise _NotQuick("EncryptedData version")
        inner_type, algorithm, content = _children(encrypted_content_info, der.SEQUENCE)
        if _oid(inner_type) != _DATA or content.tag not in (_IMPLICIT_0_PRIMITIVE, der.CONTEXT_0):
            raise _NotQuick("encrypted content malformed")
        return self._decrypt(algorithm, content.octets())

    def _read_bag(self, bag: ber.Node) -> None:
        fields = _children(bag, der.SEQUENCE)
        if len(fields) not in (2, 3):
            raise _NotQuick("SafeBag malformed")
        bag_type = _oid(fields[0])
        (value,) = _children(fields[1], der.CONTEXT_0)
        friendly = _friendly_attribute(fields[2]) if len(fields) == 3 else None
        if bag_type == _CERT_BAG:
            cert_type, explicit = _children(value, der.SEQUENCE)
            if _oid(cert_type) != _X509_CERTIFICATE:
                raise _NotQuick("not an X.509 certificate bag")
            (octets,) = _children(explicit, der.CONTEXT_0)
            self.certs.append(_Bag(_load_certificate(_octets(octets)), friendly))
        elif bag_type == _SHROUDED_KEY_BAG:
            if self.keys:
                raise _NotQuick("a second key")  # before spending time decrypting it
            algorithm, encrypted = _children(value, der.SEQUENCE)  # EncryptedPrivateKeyInfo
            key = serialization.load_der_private_key(
                self._decrypt(algorithm, _octets(encrypted)),
                None,
                unsafe_skip_rsa_key_validation=True,  # the point of this module; see above
            )
            if not isinstance(key, _KEY_TYPES):
                raise _NotQuick("a key type cryptography refuses in PKCS#12")
            if isinstance(key, rsa.RSAPrivateKey):
                _check_rsa(key)
            self.keys.append(key)
        else:
            raise _NotQuick("a bag this reader does not handle")

    # -- decryption
    def _decrypt(self, algorithm: ber.Node, ciphertext: bytes) -> bytes:
        """PBES2 (PBKDF2 + AES-CBC) or PKCS#12's own 3DES; RC2 and the rest: cryptography."""
        oid, params = _children(algorithm, der.SEQUENCE)
        scheme = _oid(oid)
        if scheme == _PBES2:
            plain = self._pbes2_decrypt(params, ciphertext)
        elif scheme == _PBE_SHA1_3DES:
            plain = self._pbe_3des_decrypt(params, ciphertext)
        else:
            raise _NotQuick("RC2 or another cipher: cryptography reads those")
        self.decrypted += 1
        return plain

    def _pbe_3des_decrypt(self, params: ber.Node, ciphertext: bytes) -> bytes:
        """pbeWithSHAAnd3-KeyTripleDES-CBC: Windows' "TripleDES-SHA1" export, older NSS."""
        from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES  # rarely needed

        salt, count = _children(params, der.SEQUENCE)
        rounds = _integer(count)
        self._spend_python(2 * rounds)  # a key and an IV
        secret = bmp_password(self.password)
        key = pkcs12_kdf("sha1", secret, _octets(salt), _ID_KEY, rounds, 24)
        iv = pkcs12_kdf("sha1", secret, _octets(salt), _ID_IV, rounds, 8)
        return _cbc_decrypt(TripleDES(key), iv, ciphertext)

    def _pbes2_decrypt(self, params: ber.Node, ciphertext: bytes) -> bytes:
        kdf, scheme = _children(params, der.SEQUENCE)
        kdf_oid, kdf_params = _children(kdf, der.SEQUENCE)
        if _oid(kdf_oid) != _PBKDF2:
            raise _NotQuick("not PBKDF2")
        salt, count, *rest = _children(kdf_params, der.SEQUENCE)
        key_length: int | None = None
        prf = "sha1"
        for extra in rest:  # keyLength INTEGER OPTIONAL, prf AlgorithmIdentifier DEFAULT SHA-1
            if extra.tag == der.INTEGER and key_length is None and prf == "sha1":
                key_length = _integer(extra)
            elif extra.tag == der.SEQUENCE and extra is rest[-1]:
                prf = _PRFS.get(_algorithm_without_parameters(extra), "")
            else:
                raise _NotQuick("PBKDF2 parameters malformed")
        cipher_oid, iv = _children(scheme, der.SEQUENCE)
        key_bytes = _AES_KEY_BYTES.get(_oid(cipher_oid))
        iterations = _integer(count)
        if not prf or key_bytes is None or key_length not in (None, key_bytes):
            raise _NotQuick("PBES2 parameters not handled here")
        self._spend_pbkdf2(iterations)
        # cryptography's PBKDF2, not hashlib's: twice as fast here (600,000 rounds: 100/230 ms)
        derivation = PBKDF2HMAC(getattr(hashes, prf.upper())(), key_bytes, _octets(salt),
                                iterations)  # fmt: skip
        key = derivation.derive(self.password.encode("utf-8"))
        return _cbc_decrypt(algorithms.AES(key), _octets(iv), ciphertext)


def pkcs12_kdf(
    name: str, secret: bytes, salt: bytes, purpose: int, rounds: int, size: int
) -> bytes:
    """RFC 7292 appendix B.2: `size` bytes for `purpose` (1 key, 2 IV, 3 MAC key).

    `secret` is the password as a BMPString with its terminating NUL.
    """
    new = getattr(hashlib, name)
    block: int = new().block_size

    def fill(value: bytes, length: int) -> bytes:
        return (value * (length // len(value) + 1))[:length] if value else b""

    diversifier = bytes([purpose]) * block
    state = bytearray(
        fill(salt, block * -(-len(salt) // block)) + fill(secret, block * -(-len(secret) // block))
    )
    out = b""
    while True:
        digest: bytes = new(diversifier + bytes(state)).digest()
        for _ in range(rounds - 1):
            digest = new(digest).digest()
        out += digest
        if len(out) >= size:
            return out[:size]
        addend = int.from_bytes(fill(digest, block), "big") + 1
        modulus = 1 << 8 * block
        for start in range(0, len(state), block):
            chunk = (int.from_bytes(state[start : start + block], "big") + addend) % modulus
            state[start : start + block] = chunk.to_bytes(block, "big")


# -- small readers -------------------------------------------------------------------------


def _children(node: ber.Node, tag: int) -> tuple[ber.Node, ...]:
    if node.tag != tag:
        raise _NotQuick(f"expected tag {tag:#x}")
    return node.children


def _oid(node: ber.Node) -> str:
    if node.tag != der.OID:
        raise _NotQuick("expected an OID")
    return der.decode_oid(node.content)


def _integer(node: ber.Node) -> int:
    if node.tag != der.INTEGER or not node.content:
        raise _NotQuick("expected an INTEGER")
    return int.from_bytes(node.content, "big", signed=True)


def _octets(node: ber.Node) -> bytes:
    """A primitive OCTET STRING (salts, IVs, digests, certificates, key ids)."""
    if node.tag != der.OCTET_STRING:
        raise _NotQuick("expected an OCTET STRING")
    return node.content


def _algorithm_without_parameters(node: ber.Node) -> str:
    """The OID of an AlgorithmIdentifier whose parameters are absent or NULL."""
    parts = _children(node, der.SEQUENCE)
    if len(parts) == 2 and (parts[1].tag != _NULL or parts[1].content):
        raise _NotQuick("unexpected algorithm parameters")
    if len(parts) not in (1, 2):
        raise _NotQuick("AlgorithmIdentifier malformed")
    return _oid(parts[0])


def _data_content(content_info: ber.Node) -> bytes:
    """The OCTET STRING (BER chunks joined, as cryptography does) of a data ContentInfo."""
    content_type, explicit = _children(content_info, der.SEQUENCE)
    (octets,) = _children(explicit, der.CONTEXT_0)
    if _oid(content_type) != _DATA or octets.tag not in (der.OCTET_STRING, 0x24):
        raise _NotQuick("not a data ContentInfo")
    return octets.octets()


def _friendly_attribute(attributes: ber.Node) -> str | None:
    """The bag's friendlyName; unusual forms (several, not a BMPString, beyond the BMP) are
    left to cryptography, which reads or refuses them its own way."""
    friendly: str | None = None
    seen: set[str] = set()
    for attribute in _children(attributes, _SET):
        oid, values = _children(attribute, der.SEQUENCE)
        kind = _oid(oid)
        if kind in seen or values.tag != _SET or len(values.children) != 1:
            raise _NotQuick("attribute repeated or malformed")
        seen.add(kind)
        (value,) = values.children
        if kind == _FRIENDLY_NAME:
            if value.tag != _BMP_STRING or len(value.content) % 2:
                raise _NotQuick("friendlyName is not a BMPString")
            raw = value.content
            if any(0xD8 <= raw[i] <= 0xDF for i in range(0, len(raw), 2)):
                raise _NotQuick("friendlyName beyond the BMP")
            friendly = raw.decode("utf-16-be") or None
        elif kind == _LOCAL_KEY_ID:
            _octets(value)
    return friendly


def _load_certificate(der_bytes: bytes) -> x509.Certificate:
    """A certificate whose every part certassist reads decodes now, not later (x509_decode)."""
    try:
        return load_der(der_bytes)
    except UndecodableCertificate as exc:
        raise _NotQuick("certificate does not decode completely") from exc


def _spki(public_key: Any) -> bytes:
    encoded: bytes = public_key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return encoded


def _check_rsa(key: rsa.RSAPrivateKey) -> None:
    """What OpenSSL's RSA key check tests apart from primality: the numbers belong together.

    Microseconds of integer arithmetic instead of the 45 ms prime test. A key whose CRT values
    are off would sign wrongly in NSS or Windows; such a file goes to cryptography, which
    calls it damaged.
    """
    private = key.private_numbers()
    p, q, d = private.p, private.q, private.d
    e, n = private.public_numbers.e, private.public_numbers.n
    lam = (p - 1) * (q - 1) // math.gcd(p - 1, q - 1)
    consistent = (
        p > 1
        and q > 1
        and p * q == n
        and 1 < e < n
        and (e * d - 1) % lam == 0
        and private.dmp1 == d % (p - 1)
        and private.dmq1 == d % (q - 1)
        and (private.iqmp * q) % p == 1
    )
    if not consistent:
        raise _NotQuick("RSA numbers do not belong together")


def _cbc_decrypt(cipher: BlockCipherAlgorithm, iv: bytes, ciphertext: bytes) -> bytes:
    size = cipher.block_size // 8
    if not ciphertext or len(ciphertext) % size or len(iv) != size:
        raise _NotQuick("ciphertext is not whole blocks")
    decryptor = Cipher(cipher, modes.CBC(iv)).decryptor()
    plain = decryptor.update(ciphertext) + decryptor.finalize()
    pad = plain[-1]
    if not 1 <= pad <= size or plain[-pad:] != bytes([pad]) * pad:
        raise _NotQuick("bad padding")
    return plain[:-pad]


def bmp_password(password: str) -> bytes:
    """A password as PKCS#12 wants it for its own key derivation: a BMPString ending in NUL."""
    return (password + "\0").encode("utf-16-be")
