"""Hand-built PKCS#12 files with a valid MAC, for layouts no tool writes on purpose.

Only for tests of the readers: each piece is a DER element built from bytes, so a test can put
an attribute on the wrong bag or an element too many, and still give the file a MAC that
verifies under the password.
"""

from __future__ import annotations

import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from certassist.core.pkcs12_quick import bmp_password, pkcs12_kdf
from certassist.demo.pki_names import der_oid as oid
from certassist.demo.pki_names import der_sequence as seq
from certassist.demo.pki_names import der_tlv as tlv

DATA = "1.2.840.113549.1.7.1"
NULL = b"\x05\x00"


def set_of(*parts: bytes) -> bytes:
    return tlv(0x31, b"".join(parts))


def octets(data: bytes) -> bytes:
    return tlv(0x04, data)


def integer(value: int) -> bytes:
    return tlv(0x02, value.to_bytes(max(1, (value.bit_length() + 8) // 8), "big", signed=True))


def explicit0(content: bytes) -> bytes:
    return tlv(0xA0, content)


def friendly_name(name: str) -> bytes:
    return seq(oid("1.2.840.113549.1.9.20"), set_of(tlv(0x1E, name.encode("utf-16-be"))))


def local_key_id(value: bytes) -> bytes:
    return seq(oid("1.2.840.113549.1.9.21"), set_of(octets(value)))


def _pbes2(password: str, plain: bytes) -> tuple[bytes, bytes]:
    salt, iv = os.urandom(8), os.urandom(16)
    key = PBKDF2HMAC(hashes.SHA256(), 32, salt, 2048).derive(password.encode())
    pad = 16 - len(plain) % 16
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(plain + bytes([pad]) * pad) + encryptor.finalize()
    kdf = seq(oid("1.2.840.113549.1.5.12"), seq(octets(salt), integer(2048),
                                                seq(oid("1.2.840.113549.2.9"), NULL)))  # fmt: skip
    scheme = seq(oid("2.16.840.1.101.3.4.1.42"), octets(iv))
    return seq(oid("1.2.840.113549.1.5.13"), seq(kdf, scheme)), ciphertext


def cert_bag(der: bytes, *attributes: bytes, extra: bytes = b"") -> bytes:
    value = explicit0(seq(oid("1.2.840.113549.1.9.22.1"), explicit0(octets(der))))
    attrs = set_of(*attributes) if attributes else b""
    return seq(oid("1.2.840.113549.1.12.10.1.3"), value, attrs, extra)


def key_bag(key: PrivateKeyTypes, password: str, *attributes: bytes) -> bytes:
    pkcs8 = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    algorithm, ciphertext = _pbes2(password, pkcs8)
    value = explicit0(seq(algorithm, octets(ciphertext)))
    attrs = set_of(*attributes) if attributes else b""
    return seq(oid("1.2.840.113549.1.12.10.1.2"), value, attrs)


def plain_safe(*bags: bytes) -> bytes:
    return seq(oid(DATA), explicit0(octets(seq(*bags))))


def pfx(password: str, *safes: bytes) -> bytes:
    """The file, with an HMAC-SHA256 over the AuthenticatedSafe that verifies under password."""
    return pfx_around(password, seq(*safes))


def pfx_around(password: str, content: bytes) -> bytes:
    """A file around any AuthenticatedSafe bytes (even broken ones), with a MAC that verifies."""
    salt = os.urandom(8)
    secret = bmp_password(password)
    mac_key = pkcs12_kdf("sha256", secret, salt, 3, 2048, 32)
    mac = hmac.new(mac_key, content, hashlib.sha256).digest()
    digest_info = seq(seq(oid("2.16.840.1.101.3.4.2.1"), NULL), octets(mac))
    mac_data = seq(digest_info, octets(salt), integer(2048))
    return seq(integer(3), seq(oid(DATA), explicit0(octets(content))), mac_data)
