"""A kind the screens do not know by name is shown by its catalog name or its id, never an error."""

from __future__ import annotations

from certassist.gui.labels import kind_and_environment, kind_label


def test_a_kind_without_a_short_name_gets_a_plain_label() -> None:
    assert kind_label("from-a-newer-version") == "from-a-newer-version"
    assert kind_and_environment("from-a-newer-version", "production") == "from-a-newer-version"
    assert kind_label("uzi-card") != "uzi-card"
