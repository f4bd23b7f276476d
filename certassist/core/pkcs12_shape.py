"""Tell a damaged PKCS#12 file apart from a wrong password before asking for one.

cryptography reports a wrong password and a damaged file with similar errors; a strict walk of
the outer PFX structure (RFC 7292: SEQUENCE { version 3, authSafe ContentInfo, macData? }) tells
the two apart for truncated, cut or garbled files, so the user is not sent to retype a password
for a file that can never open.
"""

from __future__ import annotations

from enum import StrEnum

from certassist.core import der

_PKCS7_DATA = "1.2.840.113549.1.7.1"
_PKCS7_SIGNED = "1.2.840.113549.1.7.2"


class Pkcs12Shape(StrEnum):
    NOT_PKCS12 = "not-pkcs12"  # does not even start like a PFX
    DAMAGED = "damaged"  # starts like a PFX, but the structure is broken or cut off
    WELL_FORMED = "well-formed"


def looks_like_pkcs12(data: bytes) -> bool:
    """SEQUENCE header followed by INTEGER 3: the first bytes of every PFX."""
    if len(data) < 5 or data[0] != der.SEQUENCE:
        return False
    first = data[1]
    header = 2 if first < 0x80 else 2 + (first & 0x7F)
    return data[header : header + 3] == b"\x02\x01\x03"


def pkcs12_shape(data: bytes) -> Pkcs12Shape:
    if not looks_like_pkcs12(data):
        return Pkcs12Shape.NOT_PKCS12
    try:
        outer = der.read_single(data, der.SEQUENCE)
        parts = der.children(outer.value)
        if len(parts) not in (2, 3) or parts[0].tag != der.INTEGER:
            return Pkcs12Shape.DAMAGED
        _check_auth_safe(parts[1])
        if len(parts) == 3:
            _check_mac_data(parts[2])
    except der.DerError:
        return Pkcs12Shape.DAMAGED
    return Pkcs12Shape.WELL_FORMED


def _check_auth_safe(content_info: der.Tlv) -> None:
    if content_info.tag != der.SEQUENCE:
        raise der.DerError("authSafe is not a SEQUENCE")
    fields = der.children(content_info.value)
    if len(fields) != 2 or fields[0].tag != der.OID or fields[1].tag != der.CONTEXT_0:
        raise der.DerError("authSafe ContentInfo malformed")
    content_type = der.decode_oid(fields[0].value)
    if content_type not in (_PKCS7_DATA, _PKCS7_SIGNED):
        raise der.DerError("unexpected authSafe content type")
    inner = der.read_single(fields[1].value)
    if content_type == _PKCS7_DATA:
        if inner.tag != der.OCTET_STRING:
            raise der.DerError("authSafe data is not an OCTET STRING")
        safe = der.read_single(inner.value, der.SEQUENCE)  # AuthenticatedSafe
        for info in der.children(safe.value):
            if info.tag != der.SEQUENCE:
                raise der.DerError("AuthenticatedSafe element is not a ContentInfo")
            der.children(info.value)


def _check_mac_data(mac_data: der.Tlv) -> None:
    if mac_data.tag != der.SEQUENCE:
        raise der.DerError("macData is not a SEQUENCE")
    fields = der.children(mac_data.value)
    if len(fields) not in (2, 3) or fields[0].tag != der.SEQUENCE:
        raise der.DerError("macData malformed")
    if fields[1].tag != der.OCTET_STRING:
        raise der.DerError("macData salt missing")
