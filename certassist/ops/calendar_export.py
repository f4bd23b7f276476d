"""An .ics file with the dates that matter, for the practice's shared agenda.

Why a calendar file: a reminder on one PC reaches one person; the shared agenda reaches whoever
is at the desk when the day comes. RFC 5545 by hand (it is small): all-day events, CRLF line
ends, lines folded at 75 octets, text escaped. UIDs are derived from the certificate's
fingerprint and the kind of date, so importing a newer export updates the same events instead of
duplicating them. Every event has alarms a week before and on the morning itself. A
certificate without a backup (R9, the same records as `list` and `check`) gets a to-do on the
day of the export, and every event says where the last backup is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from certassist.core.fileio import atomic_write_bytes
from certassist.core.kinds import Family, family
from certassist.core.messages import render, text_only
from certassist.core.models import Environment
from certassist.core.rules import (
    UZI_ISSUING_WEEKS,
    environment_label,
    install_deadline,
    renewal_window_opens,
    uzi_timeline,
)
from certassist.ops.check import CONFIRM_SIGNS, REPLACED, CheckItem, CheckReport, MissingBackup

PRODID = "-//certassist//certassist herinneringen//NL"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    day: date
    summary: str
    description: str


def _uid(seed: str, tag: str) -> str:
    return f"{seed[:32].lower()}-{tag}@certassist"


def _summary(message_id: str, item: CheckItem, lang: str) -> str:
    text = text_only(message_id, lang, label=item.label)
    if item.environment is not Environment.PRODUCTION:  # R10: never passes for production
        text = f"[{environment_label(item.environment, lang)}] {text}"
    return text


def _description(
    item: CheckItem, lang: str, expiry: date | None, missing: frozenset[str] = frozenset()
) -> str:
    lines = [item.label]
    if expiry is not None:
        lines.append(text_only("I-ics-expires", lang, date=expiry.isoformat()))
    if item.places:
        lines.append(text_only("I-check-places", lang, places=", ".join(item.places)))
    lines += _backup_lines(item, lang, missing)
    if item.fingerprint:
        lines.append(f"SHA-256: {item.fingerprint}")
    return "\n".join(lines)


def _backup_lines(item: CheckItem, lang: str, missing: frozenset[str]) -> list[str]:
    """R9 as `list` and `check` say it: the last recorded backup (also on a stick that is
    not plugged in now), or that there is none."""
    if item.last_backup is not None:
        return [item.last_backup.describe(lang)]
    if item.fingerprint in missing:
        return [text_only("W-overview-backup-missing", lang)]
    return []


def backup_event(backup: MissingBackup, today: date, lang: str = "nl") -> CalendarEvent:
    """R9: a certificate without a backup gets a to-do on the day of the export; its UID is
    the certificate's, so a newer export moves the same event instead of adding one."""
    summary = text_only("I-ics-backup-missing", lang, label=backup.label)
    if backup.environment is not Environment.PRODUCTION:  # R10
        summary = f"[{environment_label(backup.environment, lang)}] {summary}"
    lines = [backup.label, render("W-overview-backup-missing", lang)]
    lines.append(f"SHA-256: {backup.fingerprint}")
    return CalendarEvent(_uid(backup.fingerprint, "backup"), today, summary, "\n".join(lines))


def events_for(
    item: CheckItem,
    lang: str = "nl",
    weeks: int = UZI_ISSUING_WEEKS,
    missing: frozenset[str] = frozenset(),
) -> list[CalendarEvent]:
    """The dates of one check item; a replaced certificate needs none (its successor has them)."""
    if item.state == REPLACED:
        return []
    if item.pending is not None:
        if family(item.pending.kind) is Family.UZI_SERVER:  # R5 is VECOZO's: no day 60 for UZI
            return []
        seed = hashlib.sha256(item.pending.key.encode("utf-8")).hexdigest()
        deadline = install_deadline(item.pending.issued_on)
        return [
            CalendarEvent(
                _uid(seed, "install-deadline"),
                deadline,
                _summary("I-ics-install-deadline", item, lang),
                _description(item, lang, None),
            )
        ]
    if item.state == CONFIRM_SIGNS:  # R14: the day the DigiD sign can be seen
        if item.next_date is None:
            return []
        seed = hashlib.sha256(item.params["fingerprint"].encode("utf-8")).hexdigest()
        summary = _summary("I-ics-uzi-digid-sign", item, lang)
        return [
            CalendarEvent(
                _uid(seed, "digid-sign"), item.next_date, summary, _description(item, lang, None)
            )
        ]
    if item.fingerprint is None or item.expiry is None:
        return []
    expiry, seed = item.expiry, item.fingerprint
    dates: list[tuple[str, date]] = []
    if family(item.kind) is Family.VECOZO:
        dates.append(("renewal-opens", renewal_window_opens(expiry)))
    elif family(item.kind) is Family.UZI_SERVER:
        t = uzi_timeline(expiry, weeks)
        dates += [  # R11's three dates, as the check and inspect name them
            ("uzi-request-by", t.request_by),
            ("uzi-portal-by", t.portal_by),
            ("uzi-switch-off", t.switch_off),
        ]
    dates.append(("expiry", expiry))
    return [
        CalendarEvent(
            _uid(seed, tag),
            day,
            _summary(f"I-ics-{tag}", item, lang),
            _description(item, lang, expiry, missing),
        )
        for tag, day in dates
    ]


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """RFC 5545 3.1: at most 75 octets per line, continuation lines start with a space."""
    out: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = 75 if not out else 74  # continuation lines carry the leading space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def _alarm(trigger: str, description: str) -> list[str]:
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"TRIGGER:{trigger}",
        f"DESCRIPTION:{_escape(description)}",
        "END:VALARM",
    ]


def render_calendar(events: list[CalendarEvent], now: datetime, alarm_days: int = 7) -> str:
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    for event in sorted(events, key=lambda e: (e.day, e.uid)):
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{event.day.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(event.day + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{_escape(event.summary)}",
            f"DESCRIPTION:{_escape(event.description)}",
            "TRANSP:TRANSPARENT",
        ]
        lines += _alarm(f"-P{alarm_days}D", event.summary)
        lines += _alarm("PT9H", event.summary)  # 09:00 on the day itself
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def build_calendar(
    report: CheckReport,
    now: datetime,
    lang: str = "nl",
    weeks: int = UZI_ISSUING_WEEKS,
    alarm_days: int = 7,
) -> str:
    missing = frozenset(m.fingerprint for m in report.backups_missing)
    events = [e for item in report.items for e in events_for(item, lang, weeks, missing)]
    events += [backup_event(m, report.today, lang) for m in report.backups_missing]
    return render_calendar(events, now, alarm_days)


def write_calendar(text: str, path: Path) -> Path:
    """Atomic write, so a calendar program never imports half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, text.encode("utf-8"), mode=0o644)  # no secrets; others may read it
    return path
