"""Practice settings: validated on load with clear ids, written atomically, no secrets."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Environment, Kind
from certassist.core.settings import (
    PendingRequest,
    PracticeSettings,
    SettingsFile,
    default_settings_path,
    load_settings,
    parse_settings,
    save_settings,
    to_document,
)


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def _error_id(raw: object) -> str:
    with pytest.raises(CertassistError) as caught:
        parse_settings(raw)
    return caught.value.message_id


def test_missing_file_means_empty_settings(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "nope.json") == PracticeSettings()


def test_round_trip_keeps_everything(tmp_path: Path) -> None:
    settings = PracticeSettings(
        practice_name="Huisartsenpraktijk De Linde (VERZONNEN)",
        agb_code="01234567",
        subscriber_number="12345678",
        oin="00000001234567890000",
        contract_holder="Dr. P. Linde",
        card_holder="Dr. P. Linde",
        vendor_id="promedico-asp",
        contact_person="Anna de Vries",
        backup_folders=(tmp_path / "usb",),
        pending_requests=(
            PendingRequest(
                Kind.VECOZO_PERSONAL, "Anna de Vries", Environment.ACCEPTANCE, date(2026, 11, 1)
            ),
        ),
        uzi_issuing_weeks=10,
    )
    path = tmp_path / "cfg" / "settings.json"
    save_settings(settings, path)
    assert load_settings(path) == settings
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]  # no temp file left


def test_default_path_is_in_the_user_config_dir(tmp_path: Path) -> None:
    path = default_settings_path()
    assert path.name == "settings.json"
    assert "certassist" in path.parts
    SettingsFile(path).save(PracticeSettings(practice_name="X"))
    assert SettingsFile(path).load().practice_name == "X"


@pytest.mark.parametrize(
    ("raw", "message_id"),
    [
        ({"agb_code": "1234567"}, "E-settings-agb"),
        ({"agb_code": "1234567a"}, "E-settings-agb"),
        ({"subscriber_number": "123456789"}, "E-settings-subscriber"),
        ({"subscriber_number": "1" * 19}, "E-settings-subscriber"),
        ({"vendor_id": "acme-his"}, "E-settings-vendor"),
        ({"pin": "12345"}, "E-settings-unknown-field"),
        ({"uzi_issuing_weeks": 60}, "E-settings-weeks"),
        ({"uzi_issuing_weeks": True}, "E-settings-weeks"),
        ({"uzi_issuing_weeks": 0}, "E-settings-weeks"),  # request date = portal date
        ({"subscriber_number": "0" * 7 + "1234567890000"}, "E-settings-subscriber-is-oin"),
        ({"oin": "12345678"}, "E-settings-oin"),
        ({"backup_folders": "E:/"}, "E-settings-type"),
        ([], "E-settings-type"),
        (
            {"pending_requests": [{"kind": "uzi-card", "holder": "x", "issued_on": "2026-01-01"}]},
            "E-settings-choice",
        ),
        (
            {"pending_requests": [{"kind": "vecozo-personal", "issued_on": "2026-01-01"}]},
            "E-settings-missing",
        ),
        (
            {
                "pending_requests": [
                    {"kind": "vecozo-personal", "holder": "A", "issued_on": "1-1-26"}
                ]
            },
            "E-settings-date",
        ),
        (
            {
                "pending_requests": [
                    {
                        "kind": "vecozo-personal",
                        "holder": "A",
                        "issued_on": "2026-01-01",
                        "environment": "tst",
                    }
                ]
            },
            "E-settings-choice",
        ),
        (
            {
                "pending_requests": [
                    {
                        "kind": "vecozo-system",
                        "holder": "A",
                        "issued_on": "2026-01-01",
                        "pincode": "1234",
                    }
                ]
            },
            "E-settings-unknown-field",
        ),
    ],
)
def test_invalid_settings_are_refused_with_an_id(raw: object, message_id: str) -> None:
    assert _error_id(raw) == message_id


def test_subscriber_number_is_the_8_digit_ura_and_an_oin_has_its_own_field() -> None:
    assert parse_settings({"subscriber_number": "1234 5678"}).subscriber_number == "12345678"
    oin = "00000001234567890000"
    settings = parse_settings({"subscriber_number": "12345678", "oin": oin})
    assert settings.oin == oin and settings.facts().subscriber_number == "12345678"


def test_settings_from_before_the_R11_correction_become_cautious_issuing_weeks() -> None:
    """The old field counted weeks before *expiry*; it never makes the request later now."""
    assert parse_settings({"uzi_recommend_weeks": 8}).uzi_issuing_weeks == 6  # the default
    assert parse_settings({"uzi_recommend_weeks": 2}).uzi_issuing_weeks == 6
    assert parse_settings({"uzi_recommend_weeks": 14}).uzi_issuing_weeks == 10
    assert "uzi_recommend_weeks" not in to_document(parse_settings({"uzi_recommend_weeks": 8}))


def test_a_change_of_practice_data_warns_about_the_uzi_certificate() -> None:
    from certassist.core.settings import practice_change_warning, practice_changes

    old = PracticeSettings(practice_name="De Linde", subscriber_number="12345678")
    assert practice_changes(PracticeSettings(), old) == ()  # a first entry is no change
    new = replace(old, practice_name="De Eik", card_holder="Dr. Eik")
    assert practice_changes(old, new) == ("practice_name",)
    text = practice_change_warning(old, new, "nl")
    assert "praktijknaam" in text and "ongeldig" in text
    assert "uwzorgonline.atlassian.net/servicedesk/customer/portal/9" in text
    assert practice_change_warning(old, replace(old, agb_code="01234567"), "nl") == ""


def test_every_vendor_of_the_r12_data_is_accepted() -> None:
    from certassist.core.vendors import all_vendors

    for vendor in all_vendors():
        assert parse_settings({"vendor_id": vendor.id}).vendor_id == vendor.id


def test_damaged_file_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{\n  "agb_code": \n}', encoding="utf-8")
    with pytest.raises(CertassistError) as caught:
        load_settings(path)
    assert caught.value.message_id == "E-settings-syntax"
    assert caught.value.params["line"] == 3
    assert "regel 3" in caught.value.text("nl")


def test_error_texts_exist_in_both_languages(tmp_path: Path) -> None:
    path = _write(tmp_path / "settings.json", {"agb_code": "12"})
    with pytest.raises(CertassistError) as caught:
        load_settings(path)
    assert "8 cijfers" in caught.value.text("nl")
    assert "8 digits" in caught.value.text("en")


def test_pending_requests_add_and_remove() -> None:
    request = PendingRequest(
        Kind.VECOZO_SYSTEM, "De Linde", Environment.PRODUCTION, date(2026, 10, 1)
    )
    settings = PracticeSettings().with_pending(request).with_pending(request)
    assert settings.pending_requests == (request,)
    assert settings.without_pending(request.key).pending_requests == ()
    with pytest.raises(CertassistError) as caught:
        settings.without_pending("nothing")
    assert caught.value.message_id == "E-settings-pending-unknown"


def test_saved_file_contains_no_secret_fields(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(PracticeSettings(agb_code="01234567"), path)
    text = path.read_text(encoding="utf-8").lower()
    for word in ("password", "wachtwoord", "pin", "key"):
        assert f'"{word}' not in text
