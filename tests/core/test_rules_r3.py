"""R3: a system certificate cannot log in to the website, so it never goes to a browser."""

from __future__ import annotations

from datetime import date

import pytest

from certassist.core.models import Action, Kind, Owner, StoreKind, StoreTarget
from certassist.core.rules import check
from tests.core.rules_helpers import (
    CONTACT,
    FIREFOX,
    MACHINE,
    NSSDB,
    OWN_WINDOWS,
    PFX_FOLDER,
    TODAY,
    holder_actor,
    ids,
    make_cert,
)

SYSTEM = make_cert(Kind.VECOZO_SYSTEM, expiry=date(2028, 1, 31))


@pytest.mark.parametrize("target", [FIREFOX, NSSDB])
@pytest.mark.parametrize("action", [Action.INSTALL, Action.RENEW, Action.RESTORE, Action.COPY])
def test_R3_system_certificate_into_a_browser_is_refused(
    target: StoreTarget, action: Action
) -> None:
    verdict = check(SYSTEM, CONTACT, action, target, TODAY)
    assert not verdict.allowed
    assert ids(verdict.by_rule("R3")) == ["E-R3-system-in-browser"]


def test_R3_refusal_offers_the_windows_store_or_a_pkcs12_file() -> None:
    verdict = check(SYSTEM, CONTACT, Action.RESTORE, FIREFOX, TODAY)
    nl = verdict.refusals[0].render("nl")
    en = verdict.refusals[0].render("en")
    assert "Windows" in nl and "PKCS#12" in nl and "R3" in nl
    assert "Windows" in en and "PKCS#12" in en


RAW_KINDS = [str(k) for k in StoreKind]  # "firefox", "nssdb", "windows-machine", ...


@pytest.mark.parametrize("target", [FIREFOX, NSSDB])
def test_R3_refusal_reads_well_in_dutch_and_english(target: StoreTarget) -> None:
    (refusal,) = check(SYSTEM, CONTACT, Action.INSTALL, target, TODAY).refusals
    assert refusal.params["store"] == target.kind.value  # kept for JSON and the audit log
    nl, en = refusal.render("nl"), refusal.render("en")
    assert nl.startswith("Een systeemcertificaat hoort niet in een browser zoals Firefox:")
    assert en.startswith("A system certificate does not belong in a browser such as Firefox:")
    assert not [k for k in RAW_KINDS if f"({k})" in nl or f"({k})" in en]
    allowed = check(SYSTEM, CONTACT, Action.INSTALL, MACHINE, TODAY).by_rule("R3")[0]
    assert allowed.render("en") == "A system certificate may go here: this is not a browser."


@pytest.mark.parametrize("target", [OWN_WINDOWS, MACHINE, PFX_FOLDER])
def test_R3_windows_store_and_files_are_fine(target: StoreTarget) -> None:
    verdict = check(SYSTEM, CONTACT, Action.INSTALL, target, TODAY)
    assert verdict.allowed
    assert ids(verdict.by_rule("R3")) == ["A-R3-not-a-browser"]


def test_R3_firefox_of_another_user_is_refused_too() -> None:
    target = StoreTarget(StoreKind.FIREFOX, Owner.OTHER_USER)
    assert not check(SYSTEM, CONTACT, Action.COPY, target, TODAY).allowed


def test_R3_personal_certificate_may_go_to_firefox() -> None:
    personal = make_cert(Kind.VECOZO_PERSONAL, expiry=date(2028, 1, 31))
    verdict = check(personal, holder_actor(), Action.COPY, FIREFOX, TODAY)
    assert verdict.allowed
    assert verdict.by_rule("R3") == ()


def test_R3_backup_of_system_certificate_to_a_file_is_fine() -> None:
    verdict = check(SYSTEM, CONTACT, Action.BACKUP, PFX_FOLDER, TODAY)
    assert verdict.allowed
