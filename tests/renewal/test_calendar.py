"""The .ics export: parsed back with the `icalendar` package, stable UIDs, alarms, R10 labels."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar

from certassist.core.models import Environment, Kind
from certassist.core.rules import add_months, install_deadline
from certassist.core.settings import PendingRequest, PracticeSettings
from certassist.ops.calendar_export import build_calendar, write_calendar
from certassist.ops.check import run_check
from certassist.stores.fake import FakeStore
from tests.pki import TestPKI

from .conftest import TODAY

NOW = datetime(2026, 11, 28, 8, 30, tzinfo=UTC)


def _events(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def _export(pki: TestPKI, tmp_path: Path) -> tuple[str, dict[str, object]]:
    store = FakeStore()
    vecozo = pki.expiring_in(100, Kind.VECOZO_PERSONAL, name="José Müller, arts; test")
    uzi = pki.expiring_in(100, Kind.UZI_SERVER)
    acceptance = pki.expiring_in(50, Kind.VECOZO_SYSTEM, environment=Environment.ACCEPTANCE)
    for bundle in (vecozo, uzi, acceptance):
        store.put(bundle)
    settings = PracticeSettings(
        pending_requests=(
            PendingRequest(Kind.VECOZO_SYSTEM, "De Linde", Environment.PRODUCTION, TODAY),
        )
    )
    report = run_check([store], [], settings, TODAY)
    path = write_calendar(build_calendar(report, NOW), tmp_path / "agenda" / "certassist.ics")
    later = build_calendar(run_check([store], [], settings, TODAY + timedelta(days=3)), NOW)
    text = path.read_bytes().decode("utf-8")  # keep the CRLF line ends
    return text, {"vecozo": vecozo, "uzi": uzi, "acc": acceptance, "later": later}


def test_calendar_parses_and_has_every_date(pki: TestPKI, tmp_path: Path) -> None:
    text, bundles = _export(pki, tmp_path)
    events = _events(text)
    expiry = TODAY + timedelta(days=100)
    by_day: dict[date, list[str]] = {}
    for event in events:
        start = event.decoded("DTSTART")
        assert type(start) is date  # all-day events
        assert event.decoded("DTEND") == start + timedelta(days=1)
        by_day.setdefault(start, []).append(str(event["SUMMARY"]))
    assert add_months(expiry, -1) in by_day  # R7 window opens
    portal_by = expiry - timedelta(days=28)
    assert portal_by - timedelta(weeks=6) in by_day  # R11 request by (default issuing time)
    assert portal_by in by_day  # R11 new certificate with the portal by
    assert expiry - timedelta(days=7) in by_day  # R11 DigiD goes off
    assert install_deadline(TODAY) in by_day  # R5
    backups = [e for e in events if str(e["UID"]).endswith("-backup@certassist")]
    assert len(events) - len(backups) == 2 + 4 + 2 + 1
    # R9: none of the three has a backup; each gets a to-do on the day of the export
    assert len(backups) == 3 and {e.decoded("DTSTART") for e in backups} == {TODAY}
    assert all(len(list(e.walk("VALARM"))) == 2 for e in events)
    triggers = {str(a.decoded("TRIGGER")) for a in events[0].walk("VALARM")}
    assert triggers == {str(timedelta(days=-7)), str(timedelta(hours=9))}


def test_text_is_escaped_and_lines_are_folded(pki: TestPKI, tmp_path: Path) -> None:
    text, _ = _export(pki, tmp_path)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert "\n" not in text.replace("\r\n", "")
    summaries = [str(e["SUMMARY"]) for e in _events(text)]
    assert any("José Müller, arts; test" in s for s in summaries)


def test_uids_are_stable_between_exports(pki: TestPKI, tmp_path: Path) -> None:
    first, extra = _export(pki, tmp_path)
    uids = [str(e["UID"]) for e in _events(first)]
    assert uids == [str(e["UID"]) for e in _events(str(extra["later"]))]
    assert len(set(uids)) == len(uids)


def test_acceptance_events_are_labelled_r10(pki: TestPKI, tmp_path: Path) -> None:
    text, bundles = _export(pki, tmp_path)
    fingerprint = bundles["acc"].fingerprint  # type: ignore[attr-defined]
    acceptance = [e for e in _events(text) if fingerprint[:32].lower() in str(e["UID"])]
    assert acceptance and all(str(e["SUMMARY"]).startswith("[Acceptatie") for e in acceptance)
    production = [e for e in _events(text) if e not in acceptance]
    assert not any(str(e["SUMMARY"]).startswith("[") for e in production)
