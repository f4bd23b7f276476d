"""Tell a damaged PKCS#12 file apart from a wrong password before asking for one.

cryptography reports a wrong password and a damaged file with similar errors; a strict walk of
the outer PFX structure (RFC 7292: SEQUENCE { version 3, authSafe ContentInfo, macData? }) tells
the two apart for truncated, cut or garbled files, so the user is not sent to retype a password
for a file that can never open. The walk accepts BER, which NSS (Firefox, pk12util) writes.
"""

from __future__ import annotations

from enum import StrEnum

from certassist.core import ber, der

_PKCS7_DATA = "1.2.840.113549.1.7.1"
_PKCS7_SIGNED = "1.2.840.113549.1.7.2"
_OCTET_STRINGS = (der.OCTET_STRING, der.OCTET_STRING | ber.CONSTRUCTED)


class Pkcs12Shape(StrEnum):
    NOT_PKCS12 = "not-pkcs12"  # does not even start like a PFX
    DAMAGED = "damaged"  # starts like a PFX, but the structure is broken or cut off
    WELL_FORMED = "well-formed"


def looks_like_pkcs12(data: bytes) -> bool:
    """SEQUENCE header followed by INTEGER 3: the first bytes of every PFX."""
    if len(data) < 5 or data[0] != der.SEQUENCE:
        return False
    first = data[1]
    header = 2 if first <= 0x80 else 2 + (first & 0x7F)
    return data[header : header + 3] == b"\x02\x01\x03"


def pkcs12_shape(data: bytes) -> Pkcs12Shape:
    if not looks_like_pkcs12(data):
        return Pkcs12Shape.NOT_PKCS12
    try:
        outer = ber.parse_single(data)
        parts = outer.children
        if outer.tag != der.SEQUENCE or len(parts) not in (2, 3) or parts[0].tag != der.INTEGER:
            return Pkcs12Shape.DAMAGED
        _check_auth_safe(parts[1])
        if len(parts) == 3:
            _check_mac_data(parts[2])
    except der.DerError:
        return Pkcs12Shape.DAMAGED
    return Pkcs12Shape.WELL_FORMED


def _check_auth_safe(content_info: ber.Node) -> None:
    fields = content_info.children
    if content_info.tag != der.SEQUENCE or len(fields) != 2:
        raise der.DerError("authSafe ContentInfo malformed")
    if fields[0].tag != der.OID or fields[1].tag != der.CONTEXT_0 or len(fields[1].children) != 1:
        raise der.DerError("authSafe ContentInfo malformed")
    content_type = der.decode_oid(fields[0].content)
    if content_type not in (_PKCS7_DATA, _PKCS7_SIGNED):
        raise der.DerError("unexpected authSafe content type")
    inner = fields[1].children[0]
    if content_type == _PKCS7_DATA:
        if inner.tag not in _OCTET_STRINGS:
            raise der.DerError("authSafe data is not an OCTET STRING")
        safe = ber.parse_single(inner.octets())  # AuthenticatedSafe
        if safe.tag != der.SEQUENCE or any(c.tag != der.SEQUENCE for c in safe.children):
            raise der.DerError("AuthenticatedSafe malformed")


def _check_mac_data(mac_data: ber.Node) -> None:
    fields = mac_data.children
    if mac_data.tag != der.SEQUENCE or len(fields) not in (2, 3):
        raise der.DerError("macData malformed")
    if fields[0].tag != der.SEQUENCE or fields[1].tag not in _OCTET_STRINGS:
        raise der.DerError("macData malformed")


# -- work a file asks for before anything is decrypted -------------------------------------

# Iteration counts real writers use: Windows 2,000 (AES) / 2,000 (3DES), OpenSSL 2,048, NSS and
# Firefox 600,000 (its newest default), cryptography whatever the caller sets (certassist's own
# backups: 600,000). A count above this is no backup anybody made: refused before computing.
MAX_ITERATIONS = 5_000_000  # 8x NSS
MAX_TOTAL_ITERATIONS = 20_000_000  # a file may carry several encrypted parts
_PBES2 = "1.2.840.113549.1.5.13"
_PBKDF2 = "1.2.840.113549.1.5.12"
_PBE_PREFIXES = ("1.2.840.113549.1.12.1.", "1.2.840.113549.1.5.")  # PKCS#12 PBE, PBES1
_ENCRYPTED_DATA = "1.2.840.113549.1.7.6"
_SHROUDED_KEY_BAG = "1.2.840.113549.1.12.10.1.2"


def _integer(node: ber.Node) -> int:
    if node.tag != der.INTEGER or not node.content:
        raise der.DerError("expected an INTEGER")
    return int.from_bytes(node.content, "big", signed=True)


def pbe_iterations(algorithm: ber.Node) -> list[int]:
    """The iteration count of a password-based AlgorithmIdentifier (PBES2/PBKDF2, PKCS#12
    PBE, PBES1); [] for anything else (scrypt's memory is bounded by OpenSSL itself)."""
    parts = algorithm.children
    if algorithm.tag != der.SEQUENCE or len(parts) != 2 or parts[0].tag != der.OID:
        return []
    oid = der.decode_oid(parts[0].content)
    params = parts[1].children
    if oid == _PBES2 and len(params) == 2 and len(params[0].children) == 2:
        kdf_oid, kdf_params = params[0].children
        if kdf_oid.tag == der.OID and der.decode_oid(kdf_oid.content) == _PBKDF2:
            fields = kdf_params.children
            return [_integer(fields[1])] if len(fields) >= 2 else []
        return []
    if oid.startswith(_PBE_PREFIXES) and len(params) == 2:
        return [_integer(params[1])]
    return []


def pkcs8_iterations(data: bytes) -> list[int]:
    """The iteration count of an EncryptedPrivateKeyInfo (DER); [] when it is not one."""
    try:
        info = ber.parse_single(data)
        if info.tag != der.SEQUENCE or len(info.children) != 2:
            return []
        return pbe_iterations(info.children[0])
    except der.DerError:
        return []


def pkcs12_iterations(data: bytes) -> list[int]:
    """Every iteration count a PFX shows without a password: the MAC's, each encrypted safe's
    and each shrouded key bag in a plain safe. Called on a WELL_FORMED file."""
    counts: list[int] = []
    outer = ber.parse_single(data).children
    if len(outer) == 3 and len(outer[2].children) == 3:
        counts.append(_integer(outer[2].children[2]))
    elif len(outer) == 3:
        counts.append(1)  # RFC 7292: iterations DEFAULT 1
    auth = outer[1].children
    if der.decode_oid(auth[0].content) != _PKCS7_DATA:
        return counts
    for info in ber.parse_single(auth[1].children[0].octets()).children:
        parts = info.children
        if len(parts) != 2 or parts[0].tag != der.OID or len(parts[1].children) != 1:
            continue
        kind, content = der.decode_oid(parts[0].content), parts[1].children[0]
        if kind == _ENCRYPTED_DATA and len(content.children) == 2:
            encrypted_info = content.children[1].children
            if len(encrypted_info) >= 2:
                counts.extend(pbe_iterations(encrypted_info[1]))
        elif kind == _PKCS7_DATA and content.tag in _OCTET_STRINGS:
            counts.extend(_shrouded_key_iterations(content.octets()))
    return counts


def _shrouded_key_iterations(safe_contents: bytes) -> list[int]:
    counts: list[int] = []
    for bag in ber.parse_single(safe_contents).children:
        parts = bag.children
        if len(parts) < 2 or parts[0].tag != der.OID or len(parts[1].children) != 1:
            continue
        if der.decode_oid(parts[0].content) == _SHROUDED_KEY_BAG:
            value = parts[1].children[0].children
            if value:
                counts.extend(pbe_iterations(value[0]))
    return counts


def too_much_work(counts: list[int]) -> bool:
    """More than any real writer asks for: refuse, do not compute."""
    return any(c > MAX_ITERATIONS for c in counts) or sum(counts) > MAX_TOTAL_ITERATIONS
