"""The strict DER reader: object identifiers must be minimally encoded, as DER demands."""

from __future__ import annotations

import pytest

from certassist.core import der


def test_an_oid_decodes_to_its_dotted_form() -> None:
    assert der.decode_oid(bytes.fromhex("2a864886f70d010915")) == "1.2.840.113549.1.9.21"


@pytest.mark.parametrize(
    "encoded",
    [
        "2a864886f70d80010915",  # a leading 0x80 before an arc (non-minimal)
        "2a80864886f70d010915",  # the same at the start of the second arc
        "2a864886f70d0109158f",  # the last arc never ends
    ],
)
def test_a_non_minimal_or_unfinished_oid_is_refused(encoded: str) -> None:
    """OpenSSL refuses these; a reader that accepted them would read what OpenSSL calls damage."""
    with pytest.raises(der.DerError):
        der.decode_oid(bytes.fromhex(encoded))
