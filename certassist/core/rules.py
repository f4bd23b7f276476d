"""The rules engine (R1-R14, docs/rules.md): the one place that decides who may do what.

Operations, the CLI and the GUI ask `check()` before acting and show every decision's message;
they never re-implement a rule. Everything here is pure: no stores, no clock (`today` is an
argument), no I/O except reading the vendor and message data files.

The rules live in `rules_people` (R1-R4), `rules_dates` (R5-R7, R11 arithmetic),
`rules_validity` (R6-R10), `rules_uzi` (R11-R13, UZI cards) and `rules_status`
(`certificate_status`); this module composes them and is the public entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from certassist.core.kinds import Actors, Family, family, traits
from certassist.core.models import Action, Actor, CertInfo, StoreTarget
from certassist.core.rules_base import (
    Decision,
    Outcome,
    PracticeFacts,
    Verdict,
    decision,
    fmt,
    normalise_name,
    same_name,
)
from certassist.core.rules_dates import (
    UZI_ISSUING_WEEKS,
    UziTimeline,
    add_months,
    add_years,
    in_renewal_window,
    install_deadline,
    install_window,
    renewal_window_opens,
    renewed_expiry,
    uzi_timeline,
    vecozo_expiry_from_install,
)
from certassist.core.rules_people import (
    r1_rightful_user,
    r2_contact_person,
    r3_no_browser,
    r4_own_stores,
)
from certassist.core.rules_status import (
    Status,
    StatusReport,
    certificate_status,
    pending_request_status,
)
from certassist.core.rules_uzi import (
    card_rule,
    r11_timeline,
    r12_vendor,
    r13_subscriber,
    subscriber_mismatch,
    while_digid_off,
)
from certassist.core.rules_validity import (
    environment_label,
    environment_label_id,
    is_expired,
    r6_r8_validity,
    r7_renewal,
    r9_backup,
    r10_environment,
)

__all__ = [
    "Decision",
    "Outcome",
    "PracticeFacts",
    "UZI_ISSUING_WEEKS",
    "Status",
    "StatusReport",
    "UziTimeline",
    "Verdict",
    "add_months",
    "add_years",
    "applicable_rules",
    "certificate_status",
    "check",
    "confirm_renewal",
    "environment_label",
    "environment_label_id",
    "fmt",
    "in_renewal_window",
    "install_deadline",
    "install_window",
    "normalise_name",
    "pending_request_status",
    "renewal_window_opens",
    "renewed_expiry",
    "same_name",
    "subscriber_mismatch",
    "uzi_renewal_signs",
    "uzi_timeline",
    "while_digid_off",
    "vecozo_expiry_from_install",
]


def check(
    info: CertInfo,
    actor: Actor,
    action: Action,
    target: StoreTarget | None,
    today: date,
    facts: PracticeFacts | None = None,
) -> Verdict:
    """Every rule that applies to this (kind, action, target), in rule order.

    The R9 backup advice is only added when nothing refuses: it is aftercare for an action
    that will actually happen.
    """
    decisions: list[Decision] = []
    decisions += card_rule(info, action)
    decisions += r1_rightful_user(info, actor, action)
    decisions += r2_contact_person(info, actor, action)
    decisions += r3_no_browser(info, action, target)
    decisions += r4_own_stores(info, action, target)
    decisions += r6_r8_validity(info, action, today)
    decisions += r7_renewal(info, action, today)
    decisions += r10_environment(info, action)
    if action in (Action.RENEW, Action.INSPECT):
        decisions += r11_timeline(info, today)
        decisions += r12_vendor(info, facts)
    decisions += r13_subscriber(info, facts)
    if not any(d.outcome is Outcome.REFUSE for d in decisions):
        decisions += r9_backup(info, action)
    return Verdict(tuple(decisions))


def applicable_rules(
    info: CertInfo,
    today: date,
    facts: PracticeFacts | None = None,
    issuing_weeks: int = UZI_ISSUING_WEEKS,
) -> tuple[Decision, ...]:
    """For `certassist inspect`: which rules govern this certificate and where it stands now.
    `issuing_weeks` is the practice's UZI issuing time (R11), as in `certificate_status`."""
    result: list[Decision] = []
    row = traits(info.kind)
    if row.person_bound:
        result.append(
            decision("R1", Outcome.INFO, "I-R1-only-holder", holder=info.holder or info.subject)
        )
    if row.own_stores_only:
        result.append(decision("R4", Outcome.INFO, "I-R4-own-stores"))
    if row.actors is Actors.CONTACT_PERSON:
        result.append(decision("R2", Outcome.INFO, "I-R2-contact-person"))
    if not row.browser_allowed:
        result.append(decision("R3", Outcome.INFO, "I-R3-not-in-browser"))
    if row.family is Family.VECOZO:
        result.append(
            decision(
                "R6",
                Outcome.INFO,
                "I-R6-vecozo-validity",
                valid_from=info.not_before.date(),
                expiry=info.expiry_date,
            )
        )
        result.append(_vecozo_state(info, today))
        result.append(decision("R9", Outcome.INFO, "I-R9-keep-backup"))
        result += r10_environment(info, Action.INSPECT)
    if row.family is Family.UZI_SERVER:
        result += r11_timeline(info, today, issuing_weeks)
        result += r12_vendor(info, facts)
        result += r13_subscriber(info, facts)
    if row.family is Family.UZI_CARD:
        result.append(decision("UZI-card", Outcome.INFO, "I-UZI-card-on-card"))
    return tuple(result)


def _vecozo_state(info: CertInfo, today: date) -> Decision:
    expiry = info.expiry_date
    if is_expired(info, today):
        return decision("R8", Outcome.WARN, "W-R8-expired", expiry=expiry)
    opens = renewal_window_opens(expiry)
    if today >= opens:
        days = (expiry - today).days
        return decision("R7", Outcome.WARN, "W-R7-renew-now", expiry=expiry, days=days)
    return decision("R7", Outcome.INFO, "I-R7-valid-until", expiry=expiry, opens=opens)


def _same_owner(old: CertInfo, new: CertInfo) -> Decision | None:
    """R14: the renewed certificate must belong to the same person, practice or subscriber."""
    a, b = old.classification, new.classification
    if family(old.kind) is Family.UZI_SERVER:
        if (a.subscriber_number or a.ura) != (b.subscriber_number or b.ura):
            return decision(
                "R14",
                Outcome.REFUSE,
                "E-R14-different-subscriber",
                old=a.subscriber_number or a.ura or "—",
                new=b.subscriber_number or b.ura or "—",
            )
        return None
    old_name = a.holder or a.organisation
    new_name = b.holder or b.organisation
    if old_name is not None and not same_name(old_name, new_name):
        return decision(
            "R14", Outcome.REFUSE, "E-R14-different-holder", old=old_name, new=new_name or "—"
        )
    return None


def confirm_renewal(old: CertInfo, new: CertInfo, places: Sequence[str], today: date) -> Verdict:
    """R14: certassist's own confirmation that a renewal worked (the vendor sends none)."""
    refusals: list[Decision] = []
    if new.fingerprint == old.fingerprint:
        refusals.append(decision("R14", Outcome.REFUSE, "E-R14-same-certificate"))
    if new.kind is not old.kind:
        refusals.append(
            decision("R14", Outcome.REFUSE, "E-R14-different-kind", old=old.kind, new=new.kind)
        )
    if new.environment is not old.environment:
        refusals.append(
            decision(
                "R10",
                Outcome.REFUSE,
                "E-R10-environment-mixed",
                old=old.environment.value,
                new=new.environment.value,
            )
        )
    owner = _same_owner(old, new)
    if owner is not None:
        refusals.append(owner)
    if new.expiry_date <= old.expiry_date:
        refusals.append(
            decision(
                "R14",
                Outcome.REFUSE,
                "E-R14-not-later",
                old_expiry=old.expiry_date,
                new_expiry=new.expiry_date,
            )
        )
    if is_expired(new, today):
        refusals.append(
            decision("R14", Outcome.REFUSE, "E-R14-new-expired", new_expiry=new.expiry_date)
        )
    if refusals:
        return Verdict(tuple(refusals))
    where = ", ".join(places)
    result = [
        decision("R14", Outcome.INFO, "I-R14-renewed", new_expiry=new.expiry_date, places=where)
        if places
        else decision("R14", Outcome.WARN, "W-R14-not-installed", new_expiry=new.expiry_date)
    ]
    if new.not_before.date() > today:
        result.append(
            decision("R6", Outcome.WARN, "W-R6-not-yet-valid", valid_from=new.not_before.date())
        )
    if family(new.kind) is Family.UZI_SERVER:
        result += uzi_renewal_signs()
    result.append(decision("R9", Outcome.INFO, "I-R9-backup-now"))
    return Verdict(tuple(result))


def uzi_renewal_signs() -> list[Decision]:
    """R14 for a UZI server certificate: the portal sends no confirmation, so the user checks
    the two signs the portal names and confirms them; certassist never claims the outcome."""
    from certassist.core.vendors import portal_contact

    helpdesk = portal_contact().helpdesk
    return [decision("R14", Outcome.INFO, "I-R14-uzi-confirm-signs", helpdesk=helpdesk)]
