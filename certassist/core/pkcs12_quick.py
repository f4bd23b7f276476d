"""A quick reader for the usual PKCS#12 layout, so opening a PFX does not cost 50 ms.

cryptography's `load_pkcs12` checks an RSA private key by testing its primes, about 45 ms for a
2048-bit key, and has no way to skip that; pk12util and Windows do no such test. This reader
handles what Windows ("AES256-SHA256"), OpenSSL 3 and NSS write by default:

- password integrity: an HMAC (SHA-1 or SHA-2) keyed with the PKCS#12 key derivation (RFC 7292,
  appendix B), checked before anything is decrypted;
- certificates in a plain or a PBES2 (PBKDF2 + AES-CBC) encrypted safe;
- at most one key, in a PKCS#8 shrouded key bag, decrypted by cryptography without the prime test.

It never decides a failure. Anything else (no MAC, a MAC that does not verify, 3DES or RC2, an
empty password, a second key, a key no certificate matches, any structure it does not expect)
gives None, and the caller reads the file with cryptography, which then names the problem
(wrong password, damaged, unsupported). A file it accepts has proved the password through the
MAC, and its key is checked against the certificate by `order_bundle` as before.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from certassist.core import ber, der

_DATA = "1.2.840.113549.1.7.1"
_ENCRYPTED_DATA = "1.2.840.113549.1.7.6"
_PBES2 = "1.2.840.113549.1.5.13"
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
MAX_ITERATIONS = 10_000_000  # a hostile file must not make the reader spin for hours


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
    except (_NotQuick, der.DerError, ValueError, TypeError, UnicodeError):
        return None


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
            _read_bag(bag, safe, password, certs, keys)
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
    if not 0 < iterations <= MAX_ITERATIONS:
        raise _NotQuick("MAC iterations out of range")
    secret = (password + "\0").encode("utf-16-be")  # BMPString with its terminating NUL
    key = _pkcs12_mac_key(name, secret, salt, iterations)
    if not hmac.compare_digest(hmac.new(key, content, name).digest(), digest_info[1].octets()):
        raise _NotQuick("MAC does not verify (most likely a wrong password)")


def _pkcs12_mac_key(name: str, secret: bytes, salt: bytes, iterations: int) -> bytes:
    """RFC 7292 B.2 with ID 3 (MAC key), one hash-length of output: all an HMAC key needs."""
    new = getattr(hashlib, name)
    block: int = new().block_size

    def fill(value: bytes) -> bytes:
        if not value:
            return b""
        size = block * -(-len(value) // block)
        return (value * (size // len(value) + 1))[:size]

    result = new(bytes([3]) * block + fill(salt) + fill(secret)).digest()
    for _ in range(iterations - 1):
        result = new(result).digest()
    return bytes(result)


def _safe_contents(info: ber.Node, password: str) -> bytes:
    """A SafeContents, from a plain data ContentInfo or a PBES2-encrypted one."""
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
    return _pbes2_decrypt(fields[1], fields[2].octets(), password)


def _pbes2_decrypt(algorithm: ber.Node, ciphertext: bytes, password: str) -> bytes:
    oid, params = _children(algorithm, der.SEQUENCE)
    if _oid(oid) != _PBES2:
        raise _NotQuick("not PBES2 (3DES or RC2: cryptography reads those)")
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
    if len(ciphertext) % 16 or not ciphertext or len(iv.content) != 16:
        raise _NotQuick("ciphertext is not whole AES blocks")
    key = hashlib.pbkdf2_hmac(prf, password.encode("utf-8"), salt.content, iterations, key_bytes)
    decryptor = Cipher(algorithms.AES(key), modes.CBC(iv.content)).decryptor()
    plain = decryptor.update(ciphertext) + decryptor.finalize()
    pad = plain[-1]
    if not 1 <= pad <= 16 or plain[-pad:] != bytes([pad]) * pad:
        raise _NotQuick("bad padding")
    return plain[:-pad]


def _read_bag(
    bag: ber.Node,
    safe: bytes,
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
        key = serialization.load_der_private_key(  # BER forms fail here and go to cryptography
            safe[value.start : value.end],
            password.encode("utf-8"),
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
