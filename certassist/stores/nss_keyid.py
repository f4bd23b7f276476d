"""NSS's key id (CKA_ID) of a certificate's public key, computed in Python.

NSS links a certificate to its private key through this id (pk11_mkcertKeyID →
PK11_MakeIDFromPubKey: SHA-1 of the RSA modulus without leading zeros, of the EC point, of the
DSA public value; values of 20 bytes or less are used as they are). Computing it here lets a
listing read the token's key ids once instead of searching the token for every certificate
(500 certificates: one pass instead of 500 searches). None means "ask NSS the slow way".
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from certassist.core.x509_decode import UndecodableCertificate, load_der

SHA1_LENGTH = 20


def _unsigned(value: int) -> bytes:
    return value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big")


def nss_key_id(der: bytes) -> bytes | None:
    try:
        key = load_der(der).public_key()  # the total decoder: a damaged one is asked of NSS
    except UndecodableCertificate:
        return None
    if isinstance(key, rsa.RSAPublicKey):
        raw = _unsigned(key.public_numbers().n)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        raw = key.public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)
    elif isinstance(key, dsa.DSAPublicKey):
        raw = _unsigned(key.public_numbers().y)
    else:
        return None
    return raw if len(raw) <= SHA1_LENGTH else hashlib.sha1(raw).digest()  # NSS's id
