"""Issue #11 point 1 in the GUI: the start page asks once which kind a VECOZO-like certificate is,
and the answer is kept as a local profile (the same as `certassist classify`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pytestqt.qtbot import QtBot

from certassist.core.classify import classify
from certassist.core.models import Bundle, Kind, StoreKind, StoreTarget
from certassist.core.profiles import user_profiles_dir
from certassist.gui.kind_question import KindQuestion
from certassist.ops.overview import scan_stores
from certassist.stores.fake import FakeStore
from tests.foreign import make_foreign_pki

pytestmark = pytest.mark.linux_tools
TODAY = date(2026, 12, 3)


def _in_a_store(
    tmp_path: Path, org: str, name: str, subject: str
) -> tuple[x509.Certificate, FakeStore]:
    """A certificate with its key from an issuer `org` the project never saw (OpenSSL's CLI
    made it), in a store of its own."""
    pki = make_foreign_pki(tmp_path / "pki", org=org)
    cert_path, key_path = pki.leaf(name, subject)
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    key = serialization.load_pem_private_key(key_path.read_bytes(), None)
    store = FakeStore("fake", "Demo", StoreTarget(StoreKind.FAKE))
    store.put(Bundle(cert, (), key))  # type: ignore[arg-type]
    return cert, store


def test_the_start_page_strip_asks_and_remembers(qtbot: QtBot, tmp_path: Path) -> None:
    cert, store = _in_a_store(tmp_path, "VECOZO Uitgifte", "anna",
                              "/C=NL/O=Praktijk Oost/GN=Anna/SN=Smit/CN=Anna Smit")  # fmt: skip
    groups = scan_stores([store], TODAY, backups={}).groups

    strip = KindQuestion(lambda: TODAY)
    qtbot.addWidget(strip)
    strip.show_for(groups)
    assert not strip.isHidden() and "Anna Smit" in strip.question.text()
    with qtbot.waitSignal(strip.answered) as answered:
        strip.buttons[Kind.VECOZO_PERSONAL].click()
    assert answered.args == [groups[0].fingerprint]
    assert strip.isHidden()
    assert len(list(user_profiles_dir().glob("*.toml"))) == 1
    assert classify(cert).kind is Kind.VECOZO_PERSONAL
    strip.show_for(scan_stores([store], TODAY, backups={}).groups)
    assert strip.isHidden()  # asked once: known now


def test_later_hides_it_for_this_session_only(qtbot: QtBot, tmp_path: Path) -> None:
    _, store = _in_a_store(tmp_path, "Vecozo Test", "sys", "/C=NL/O=Praktijk Oost/CN=Praktijk Oost")
    groups = scan_stores([store], TODAY, backups={}).groups
    strip = KindQuestion(lambda: TODAY)
    qtbot.addWidget(strip)
    strip.show_for(groups)
    strip.buttons[None].click()
    strip.show_for(groups)
    assert strip.isHidden()
    assert not user_profiles_dir().exists()
