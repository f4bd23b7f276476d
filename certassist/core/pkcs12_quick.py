"""A quick reader for the usual PKCS#12 layout, so opening a PFX does not cost 50 ms.

cryptography's `load_pkcs12` checks an RSA private key by testing its primes, about 45 ms for a
2048-bit key, and has no way to skip that; pk12util and Windows do no such test. This reader
handles what Windows ("AES256-SHA256"), OpenSSL 3 and NSS write by default:

- password integrity: an HMAC (SHA-1 or SHA-2) keyed with the PKCS#12 key derivation (RFC 7292,
  appendix B), checked before anything is decrypted;
- certificates in a plain safe or one encrypted with PBES2 (PBKDF2 + AES-CBC) or with PKCS#12's
  own SHA-1 + 3DES (Windows' "TripleDES-SHA1" export);
- at most one key, in a PKCS#8 shrouded key bag encrypted the same ways, loaded by cryptography
  without the prime test.

It never decides a failure. Anything else (no MAC, a MAC that does not verify, RC2, an
empty password, a second key, more than 100,000 rounds of PKCS#12's key derivation, any
structure it does not expect) gives None, and the caller reads the file with cryptography,
which then names the problem (wrong password, damaged, unsupported). A file it accepts has
proved the password through the MAC; its key is checked against the certificate by
`order_bundle`, exactly as for files cryptography reads.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import BlockCipherAlgorithm, Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from certassist.core import ber, der

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
MAX_ITERATIONS = 10_000_000  # PBKDF2 (in C): a hostile file must not make it spin for hours
# PKCS#12's own key derivation runs in Python here: fine for the usual 2,000 rounds (1 ms),
# slower than cryptography above this many, so such files go to cryptography instead.
MAX_PYTHON_KDF_ROUNDS = 100_000


class _NotQuick(Exception):
    """This file is not the usual layout: let cryptography read it."""


@dataclass(frozen=True)
class QuickPkcs12:
    certificates: tuple[x509.Certificate, ...]
    key: PrivateKeyTypes | None
    friendly_name: str | None  # of the certificate bag that shares the key's localKeyID


def read_quick(data: bytes, password: str | None) -> QuickPkcs12 | None:
    """The file's certificates and key, or None when cryptography must read it (see above)."""
    if not password:
        return None  # empty and absent passwords differ subtly between writers
    try:
        return _read(data, password)
    except (_NotQuick, der.DerError, ValueError, TypeError, UnicodeError, ImportError):
        return None  # ImportError: a cryptography without the decrepit ciphers (3DES)


def _read(data: bytes, password: str) -> QuickPkcs12:
    outer = ber.parse_single(data)
    if outer.tag != der.SEQUENCE or len(outer.children) != 3:
        raise _NotQuick("no MAC")
    _, auth_safe, mac_data = outer.children
    content = _data_content(auth_safe)
    _check_mac(mac_data, content, password)
    certs: list[tuple[x509.Certificate, bytes | None, str | None]] = []
    keys: list[tuple[PrivateKeyTypes, bytes | None]] = []
    for info in _children(ber.parse_single(content), der.SEQUENCE):
        safe = _safe_contents(info, password)
        for bag in _children(ber.parse_single(safe), der.SEQUENCE):
            _read_bag(bag, password, certs, keys)
    if len(keys) > 1 or not certs:
        raise _NotQuick("several keys or no certificate")
    key, key_id = keys[0] if keys else (None, None)
    friendly = next((name for _, bag_id, name in certs if key_id and bag_id == key_id), None)
    return QuickPkcs12(tuple(cert for cert, _, _ in certs), key, friendly)


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


def _data_content(content_info: ber.Node) -> bytes:
    """The OCTET STRING inside a ContentInfo of type data."""
    content_type, explicit = _children(content_info, der.SEQUENCE)
    if _oid(content_type) != _DATA or len(_children(explicit, der.CONTEXT_0)) != 1:
        raise _NotQuick("not a data ContentInfo")
    return explicit.children[0].octets()


def _check_mac(mac_data: ber.Node, content: bytes, password: str) -> None:
    fields = _children(mac_data, der.SEQUENCE)
    digest_info = _children(fields[0], der.SEQUENCE)
    algorithm = _children(digest_info[0], der.SEQUENCE)
    name = _DIGESTS.get(_oid(algorithm[0]))
    if name is None:
        raise _NotQuick("MAC digest not handled here")
    salt = fields[1].octets()
    iterations = _integer(fields[2]) if len(fields) > 2 else 1
    if not 0 < iterations <= MAX_PYTHON_KDF_ROUNDS:
        raise _NotQuick("MAC iterations out of this reader's range")
    key = _pkcs12_mac_key(name, _bmp_secret(password), salt, iterations)
    if not hmac.compare_digest(hmac.new(key, content, name).digest(), digest_info[1].octets()):
        raise _NotQuick("MAC does not verify (most likely a wrong password)")


def _pkcs12_mac_key(name: str, secret: bytes, salt: bytes, iterations: int) -> bytes:
    return pkcs12_kdf(name, secret, salt, _ID_MAC, iterations, getattr(hashlib, name)().digest_size)


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


def _safe_contents(info: ber.Node, password: str) -> bytes:
    """A SafeContents, from a plain data ContentInfo or an encrypted one."""
    content_type = _oid(_children(info, der.SEQUENCE)[0])
    if content_type == _DATA:
        return _data_content(info)
    if content_type != _ENCRYPTED_DATA:
        raise _NotQuick("enveloped or unknown safe")
    (encrypted_data,) = _children(info.children[1], der.CONTEXT_0)
    _, encrypted_content_info = _children(encrypted_data, der.SEQUENCE)
    fields = _children(encrypted_content_info, der.SEQUENCE)
    if len(fields) != 3 or fields[2].tag not in (_IMPLICIT_0_PRIMITIVE, der.CONTEXT_0):
        raise _NotQuick("no encrypted content")
    return _decrypt(fields[1], fields[2].octets(), password)


def _decrypt(algorithm: ber.Node, ciphertext: bytes, password: str) -> bytes:
    """PBES2 (PBKDF2 + AES-CBC) or PKCS#12's own 3DES; RC2 and the rest go to cryptography."""
    oid, params = _children(algorithm, der.SEQUENCE)
    scheme = _oid(oid)
    if scheme == _PBES2:
        return _pbes2_decrypt(params, ciphertext, password)
    if scheme == _PBE_SHA1_3DES:
        return _pbe_3des_decrypt(params, ciphertext, password)
    raise _NotQuick("RC2 or another cipher: cryptography reads those")


def _pbe_3des_decrypt(params: ber.Node, ciphertext: bytes, password: str) -> bytes:
    """pbeWithSHAAnd3-KeyTripleDES-CBC: Windows' "TripleDES-SHA1" export, older NSS files."""
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES  # rarely needed

    salt, count = _children(params, der.SEQUENCE)
    rounds = _integer(count)
    if not 0 < rounds <= MAX_PYTHON_KDF_ROUNDS:
        raise _NotQuick("PBE iterations out of this reader's range")
    secret = _bmp_secret(password)
    key = pkcs12_kdf("sha1", secret, salt.content, _ID_KEY, rounds, 24)
    iv = pkcs12_kdf("sha1", secret, salt.content, _ID_IV, rounds, 8)
    return _cbc_decrypt(TripleDES(key), iv, ciphertext)


def _pbes2_decrypt(params: ber.Node, ciphertext: bytes, password: str) -> bytes:
    kdf, scheme = _children(params, der.SEQUENCE)
    kdf_oid, kdf_params = _children(kdf, der.SEQUENCE)
    if _oid(kdf_oid) != _PBKDF2:
        raise _NotQuick("not PBKDF2")
    salt, count, *rest = _children(kdf_params, der.SEQUENCE)
    prf = "sha1"
    for extra in rest:
        if extra.tag == der.SEQUENCE:
            prf = _PRFS.get(_oid(extra.children[0]), "")
    cipher_oid, iv = _children(scheme, der.SEQUENCE)
    key_bytes = _AES_KEY_BYTES.get(_oid(cipher_oid))
    iterations = _integer(count)
    if not prf or key_bytes is None or not 0 < iterations <= MAX_ITERATIONS:
        raise _NotQuick("PBES2 parameters not handled here")
    # cryptography's PBKDF2, not hashlib's: twice as fast here (600,000 rounds: 100 vs 230 ms)
    derivation = PBKDF2HMAC(getattr(hashes, prf.upper())(), key_bytes, salt.content, iterations)
    key = derivation.derive(password.encode("utf-8"))
    return _cbc_decrypt(algorithms.AES(key), iv.content, ciphertext)


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


def _bmp_secret(password: str) -> bytes:
    return (password + "\0").encode("utf-16-be")  # BMPString with its terminating NUL


def _read_bag(
    bag: ber.Node,
    password: str,
    certs: list[tuple[x509.Certificate, bytes | None, str | None]],
    keys: list[tuple[PrivateKeyTypes, bytes | None]],
) -> None:
    fields = _children(bag, der.SEQUENCE)
    bag_type = _oid(fields[0])
    (value,) = _children(fields[1], der.CONTEXT_0)
    key_id, friendly = _attributes(fields[2]) if len(fields) > 2 else (None, None)
    if bag_type == _CERT_BAG:
        cert_type, explicit = _children(value, der.SEQUENCE)
        if _oid(cert_type) != _X509_CERTIFICATE:
            raise _NotQuick("not an X.509 certificate bag")
        (octets,) = _children(explicit, der.CONTEXT_0)
        certs.append((x509.load_der_x509_certificate(octets.octets()), key_id, friendly))
    elif bag_type == _SHROUDED_KEY_BAG:
        algorithm, encrypted = _children(value, der.SEQUENCE)  # EncryptedPrivateKeyInfo
        key = serialization.load_der_private_key(
            _decrypt(algorithm, encrypted.octets(), password),
            None,
            unsafe_skip_rsa_key_validation=True,  # the point of this module; see above
        )
        keys.append((key, key_id))
    else:
        raise _NotQuick("a bag this reader does not handle")


def _attributes(attributes: ber.Node) -> tuple[bytes | None, str | None]:
    key_id: bytes | None = None
    friendly: str | None = None
    for attribute in _children(attributes, _SET):
        oid, values = _children(attribute, der.SEQUENCE)
        if values.tag != _SET or not values.children:
            continue
        kind = _oid(oid)
        if kind == _FRIENDLY_NAME and values.children[0].tag == _BMP_STRING:
            friendly = values.children[0].content.decode("utf-16-be")
        elif kind == "1.2.840.113549.1.9.21":  # localKeyID
            key_id = values.children[0].octets()
    return key_id, friendly
