"""A linear PEM scanner: the blocks of a file, whatever text OpenSSL wrote around them.

`openssl pkcs12 -nokeys` / `-nocerts` write "Bag Attributes" and "Key Attributes" lines (and
`subject=` / `issuer=` lines) before each block; `openssl x509 -text` writes a whole text dump.
Text outside blocks is skipped. One pass over the lines, no backtracking regular expression
(a regex with a lazy `.*?` and a back-reference took minutes on a 1 MB file), so the work is
proportional to the file's size.
"""

from __future__ import annotations

from dataclasses import dataclass

_BEGIN = b"-----BEGIN "
_DASHES = b"-----"


class PemError(ValueError):
    """A block was opened and not closed, or closed with another label: a cut or mixed file."""


@dataclass(frozen=True)
class PemBlock:
    label: bytes  # b"CERTIFICATE", b"ENCRYPTED PRIVATE KEY", …
    text: bytes  # the block itself, BEGIN to END line, with "\n" line ends
    line: int  # where the BEGIN line is (1-based), for messages


def looks_like_pem(data: bytes) -> bool:
    """Text with a BEGIN line; a DER file (starts with SEQUENCE, 0x30) is never read as PEM."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] != b"\x30" and _BEGIN in data


def _label(line: bytes, start: bytes) -> bytes | None:
    if not line.startswith(start) or not line.endswith(_DASHES):
        return None
    label = line[len(start) : -len(_DASHES)]
    if not label or not all(c == 0x20 or 0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A for c in label):
        return None
    return label


def pem_blocks(data: bytes) -> list[PemBlock]:
    blocks: list[PemBlock] = []
    label: bytes | None = None
    body: list[bytes] = []
    start = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.strip(b" \t\r\xef\xbb\xbf")
        if label is None:
            opened = _label(line, _BEGIN)
            if opened is not None:
                label, body, start = opened, [line], number
            continue  # attribute lines and other text between blocks
        if line.startswith(_DASHES):
            if _label(line, b"-----END ") != label:
                raise PemError(f"block opened on line {start} not closed properly")
            body.append(line)
            blocks.append(PemBlock(label, b"\n".join(body) + b"\n", start))
            label = None
            continue
        body.append(line)
    if label is not None:
        raise PemError(f"block opened on line {start} has no END line")
    return blocks
