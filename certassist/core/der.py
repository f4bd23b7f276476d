"""A tiny strict DER reader: enough to walk PKCS#12 structure and decode otherName values.

Strict on purpose: every length must fit its parent, so truncated or damaged files are told
apart from a wrong password, and UZI otherName values are decoded, never stripped by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

SEQUENCE = 0x30
INTEGER = 0x02
OCTET_STRING = 0x04
OID = 0x06
UTF8_STRING = 0x0C
PRINTABLE_STRING = 0x13
IA5_STRING = 0x16
CONTEXT_0 = 0xA0


class DerError(ValueError):
    """The bytes are not well-formed DER."""


@dataclass(frozen=True)
class Tlv:
    tag: int
    value: bytes
    end: int  # offset just after this element in the buffer it was read from


def read_length(data: bytes, pos: int) -> tuple[int | None, int]:
    """The length octets at `pos`: (length, where the value starts). None is BER's indefinite
    form (0x80), which only ber.py accepts; lengths over four octets are refused."""
    if pos >= len(data):
        raise DerError("truncated length")
    first = data[pos]
    if first < 0x80:
        return first, pos + 1
    if first == 0x80:
        return None, pos + 1
    count = first & 0x7F
    if count > 4 or pos + 1 + count > len(data):
        raise DerError("bad length")
    return int.from_bytes(data[pos + 1 : pos + 1 + count], "big"), pos + 1 + count


def read_header(data: bytes, pos: int, limit: int) -> tuple[int, int | None, int]:
    """The tag and length at `pos` (an element must start before `limit`): (tag, length, where
    the value starts); the length is None for BER's indefinite form."""
    if pos + 2 > limit:
        raise DerError("truncated header")
    tag = data[pos]
    if tag & 0x1F == 0x1F:
        raise DerError("high tag numbers are not used here")
    length, start = read_length(data, pos + 1)
    return tag, length, start


def read_tlv(data: bytes, offset: int = 0) -> Tlv:
    tag, length, pos = read_header(data, offset, len(data))
    if length is None:
        raise DerError("bad length")  # indefinite: BER, not DER
    end = pos + length
    if end > len(data):
        raise DerError("truncated value")
    return Tlv(tag, data[pos:end], end)


def read_single(data: bytes, expected_tag: int | None = None) -> Tlv:
    """Exactly one element filling `data`: trailing bytes are damage, not padding."""
    tlv = read_tlv(data)
    if tlv.end != len(data):
        raise DerError("trailing bytes")
    if expected_tag is not None and tlv.tag != expected_tag:
        raise DerError(f"expected tag {expected_tag:#x}, got {tlv.tag:#x}")
    return tlv


def children(value: bytes) -> list[Tlv]:
    """The elements of a constructed value; they must fill it exactly."""
    items: list[Tlv] = []
    pos = 0
    while pos < len(value):
        tlv = read_tlv(value, pos)
        items.append(tlv)
        pos = tlv.end
    return items


def decode_oid(value: bytes) -> str:
    if not value:
        raise DerError("empty OID")
    arcs: list[int] = []
    current = 0
    starts_arc = True
    for byte in value:
        if starts_arc and byte == 0x80:
            raise DerError("OID arc not minimally encoded")  # DER: no leading 0x80 bytes
        starts_arc = not byte & 0x80
        current = (current << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(current)
            current = 0
    if value[-1] & 0x80:
        raise DerError("unterminated OID arc")
    first = arcs[0]
    head = [min(first // 40, 2), first - 40 * min(first // 40, 2)]
    return ".".join(str(a) for a in head + arcs[1:])


def decode_string(tlv: Tlv) -> str:
    if tlv.tag == IA5_STRING or tlv.tag == PRINTABLE_STRING:
        try:
            return tlv.value.decode("ascii")
        except UnicodeDecodeError as exc:
            raise DerError("non-ASCII in IA5String") from exc
    if tlv.tag == UTF8_STRING:
        return tlv.value.decode("utf-8")
    raise DerError(f"not a string tag: {tlv.tag:#x}")
