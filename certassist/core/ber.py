"""A strict BER walker for the outer structure of PKCS#12 files.

NSS (Firefox, pk12util) writes PKCS#12 in BER with indefinite lengths and constructed OCTET
STRINGs; Windows and OpenSSL write DER. Telling a damaged file from a wrong password must work for
both, so this walker accepts BER's forms but insists that every element is complete and that
nothing trails the outer element.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from certassist.core.der import DerError, read_header

MAX_DEPTH = 32
CONSTRUCTED = 0x20


@dataclass(frozen=True)
class Node:
    tag: int
    content: bytes  # primitive content; empty for constructed elements
    children: tuple[Node, ...] = field(default=())
    end: int = 0

    @property
    def constructed(self) -> bool:
        return bool(self.tag & CONSTRUCTED)

    def octets(self) -> bytes:
        """The bytes of an OCTET STRING, whether primitive or constructed from chunks."""
        if not self.constructed:
            return self.content
        return b"".join(child.octets() for child in self.children)


def _parse(data: bytes, pos: int, limit: int, depth: int) -> Node:
    if depth > MAX_DEPTH:
        raise DerError("nested too deeply")
    tag, length, start = read_header(data, pos, limit)
    if length is None:
        if not tag & CONSTRUCTED:
            raise DerError("indefinite length on a primitive element")
        children: list[Node] = []
        cursor = start
        while True:
            if cursor + 2 > limit:
                raise DerError("missing end-of-contents")
            if data[cursor] == 0 and data[cursor + 1] == 0:
                return Node(tag, b"", tuple(children), cursor + 2)
            child = _parse(data, cursor, limit, depth + 1)
            children.append(child)
            cursor = child.end
    end = start + length
    if end > limit:
        raise DerError("truncated value")
    if not tag & CONSTRUCTED:
        return Node(tag, data[start:end], (), end)
    children = []
    cursor = start
    while cursor < end:
        child = _parse(data, cursor, end, depth + 1)
        children.append(child)
        cursor = child.end
    return Node(tag, b"", tuple(children), end)


def parse_single(data: bytes) -> Node:
    """Exactly one complete element filling `data`."""
    node = _parse(data, 0, len(data), 0)
    if node.end != len(data):
        raise DerError("trailing bytes")
    return node
