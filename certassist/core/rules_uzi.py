"""UZI rules: the server certificate's renewal timeline (R11), vendor steps (R12), subscriber
number (R13), and card certificates, which live on the card and are never exported.
"""

from __future__ import annotations

from datetime import date

from certassist.core.errors import CertassistError
from certassist.core.kinds import Family, family
from certassist.core.models import Action, CertInfo
from certassist.core.rules_base import Decision, Outcome, PracticeFacts, decision
from certassist.core.rules_dates import UZI_ISSUING_WEEKS, uzi_timeline
from certassist.core.vendors import portal_contact, portal_notes, vendor_steps

CARD_RULE = "UZI-card"


def r11_timeline(
    info: CertInfo, today: date, issuing_weeks: int = UZI_ISSUING_WEEKS
) -> list[Decision]:
    """R11: the three dates (request, new certificate at the portal, DigiD off) and where today
    stands; `issuing_weeks` is the practice's time from request to certificate at the portal.
    From the switch-off day on, what to do while DigiD may be off (old linking method, helpdesk,
    portals without a fallback): certassist cannot know whether it is off, so it never says so."""
    if family(info.kind) is not Family.UZI_SERVER:
        return []
    t = uzi_timeline(info.expiry_date, issuing_weeks)
    message_id = t.message_id(today)
    outcome = Outcome.INFO if message_id == "I-R11-request-by" else Outcome.WARN
    result = [decision("R11", outcome, message_id, **t.dates())]
    if message_id == "W-R11-digid-off-unless-renewed" or message_id == "W-R11-expired":
        result += while_digid_off()
    return result


def while_digid_off() -> list[Decision]:
    """R11 while the DigiD link may be off: check the two signs, new patients are linked the old
    way (the manual's place in the portal's admin site), the helpdesk, portals with no fallback."""
    portal = portal_contact()
    result = [
        decision("R11", Outcome.INFO, "I-R11-check-signs"),
        decision("R11", Outcome.INFO, "I-R11-old-linking", site=portal.admin_site),
        decision("R11", Outcome.INFO, "I-R11-helpdesk", helpdesk=portal.helpdesk),
    ]
    result += [
        decision("R11", Outcome.INFO, "I-R11-no-fallback", portal=note.name)
        for note in portal_notes()
        if not note.fallback
    ]
    return result


def r12_vendor(info: CertInfo, facts: PracticeFacts | None) -> list[Decision]:
    """R12: what the practice itself must do depends on the vendor (data in vendors.toml)."""
    if family(info.kind) is not Family.UZI_SERVER:
        return []
    vendor_id = facts.vendor_id if facts else None
    if not vendor_id:
        return [decision("R12", Outcome.INFO, "I-R12-record-vendor")]
    try:
        vendor = vendor_steps(vendor_id)
    except CertassistError:
        return [decision("R12", Outcome.WARN, "W-R12-vendor-unknown", vendor=vendor_id)]
    message = "I-R12-practice-uploads" if vendor.practice_uploads else "I-R12-vendor-delivers"
    return [decision("R12", Outcome.INFO, message, vendor=vendor.name, vendor_id=vendor.id)]


def subscriber_mismatch(info: CertInfo, facts: PracticeFacts | None) -> Decision | None:
    """R13: a UZI server certificate belongs to one subscriber number; warn when the practice
    recorded another one. None when either side is unknown (nothing to compare)."""
    if facts is None or not facts.subscriber_number:
        return None
    recorded = _digits(facts.subscriber_number)
    found = [n for n in (info.classification.subscriber_number, info.classification.ura) if n]
    if not found:
        return None
    if any(_digits(n) == recorded for n in found):
        return None
    return decision(
        "R13",
        Outcome.WARN,
        "W-R13-subscriber-mismatch",
        recorded=facts.subscriber_number,
        found=" / ".join(found),
    )


def _digits(value: str) -> str:
    """Subscriber numbers are compared without spaces and leading zeros ('0123 4567')."""
    return "".join(c for c in value if c.isdigit()).lstrip("0")


def r13_subscriber(info: CertInfo, facts: PracticeFacts | None) -> list[Decision]:
    if family(info.kind) is not Family.UZI_SERVER:
        return []
    mismatch = subscriber_mismatch(info, facts)
    if mismatch is not None:
        return [mismatch]
    if facts is None or not facts.subscriber_number:
        return [decision("R13", Outcome.INFO, "I-R13-record-subscriber")]
    return [decision("R13", Outcome.ALLOW, "A-R13-subscriber-matches")]


def card_rule(info: CertInfo, action: Action) -> list[Decision]:
    """UZI card certificates live on the smart card: shown, never exported, copied or removed."""
    if family(info.kind) is not Family.UZI_CARD or action is Action.INSPECT:
        return []
    if action in (Action.BACKUP, Action.COPY):
        message = "E-UZI-card-not-exportable"
    elif action is Action.REMOVE:
        message = "E-UZI-card-not-removable"
    else:
        message = "E-UZI-card-managed-by-card"
    return [decision(CARD_RULE, Outcome.REFUSE, message, action=action.value)]
