"""Text from a certificate or a file name, made safe to print on one terminal line.

A subject can carry a newline (and forge an `[E-…]` line under it), an escape sequence (colour,
cursor moves, a terminal title) or a right-to-left override; a file name from an old USB stick
can hold bytes that are not UTF-8. Text output shows them escaped (`\\x1b`, `\\n`, `\\u202e`,
`\\xe9` for such a byte); JSON output stays exact (its own escapes are unambiguous).
"""

from __future__ import annotations

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A)) | {0x200E, 0x200F}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _unsafe(char: str) -> bool:
    code = ord(char)
    return code < 0x20 or 0x7F <= code <= 0x9F or code in _BIDI or 0xD800 <= code <= 0xDFFF


def shown(text: str) -> str:
    """`text` for one line of text output: control characters and the like escaped."""
    if text.isprintable() and not any(ord(c) in _BIDI for c in text):
        return text
    return "".join(_escape(c) if _unsafe(c) else c for c in text)
