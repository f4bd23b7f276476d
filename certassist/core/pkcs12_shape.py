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
