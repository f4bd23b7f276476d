"""Validity, renewal and aftercare of a certificate on an action (R6-R10).

Design choice for certificates that are not yet valid: WARN, not REFUSE. The store accepts such
a certificate and it starts working on its own on its start date; the usual cause is a PC clock
that is wrong, and refusing would leave the user stuck without a way forward.
"""

from __future__ import annotations

from datetime import date

from certassist.core.kinds import Family, family, traits
from certassist.core.models import Action, CertInfo, Environment
from certassist.core.rules_base import Decision, Outcome, decision
from certassist.core.rules_dates import renewal_window_opens, renewed_expiry
from certassist.core.rules_people import PLACING

AFTERCARE_ACTIONS = frozenset({Action.INSTALL, Action.RENEW, Action.RESTORE})


def is_expired(info: CertInfo, today: date) -> bool:
    """Expired from the day after the expiry date; on the expiry day itself it still works."""
    return today > info.expiry_date


def is_not_yet_valid(info: CertInfo, today: date) -> bool:
    return today < info.not_before.date()


def _expired_on_placing(info: CertInfo, action: Action) -> Decision:
    expiry = info.expiry_date
    if family(info.kind) is Family.VECOZO:
        message = "E-R8-renew-too-late" if action is Action.RENEW else "E-R8-expired-reinstall"
        return decision("R8", Outcome.REFUSE, message, expiry=expiry)
    if family(info.kind) is Family.UZI_SERVER:
        return decision("R6", Outcome.REFUSE, "E-R6-expired-uzi-server", expiry=expiry)
    return decision("R6", Outcome.REFUSE, "E-R6-expired-new-needed", expiry=expiry)


def r6_r8_validity(info: CertInfo, action: Action, today: date) -> list[Decision]:
    """R6/R8: an expired certificate is not put anywhere; say what to do instead."""
    if family(info.kind) is Family.UZI_CARD:
        return []  # handled by the card rule: nothing happens to card certificates
    if is_expired(info, today):
        if action in PLACING:
            if family(info.kind) is Family.UZI_SERVER and action is Action.RENEW:
                return []  # a new UZI server certificate is a new request (R11 speaks)
            return [_expired_on_placing(info, action)]
        if action is Action.BACKUP:
            return [decision("R6", Outcome.WARN, "W-R6-expired-backup", expiry=info.expiry_date)]
        return []
    if is_not_yet_valid(info, today) and action in PLACING:
        return [
            decision("R6", Outcome.WARN, "W-R6-not-yet-valid", valid_from=info.not_before.date())
        ]
    return []


def r7_renewal(info: CertInfo, action: Action, today: date) -> list[Decision]:
    """R7: renewing is due from one month before expiry; the new expiry counts from the old."""
    vecozo = family(info.kind) is Family.VECOZO
    if not vecozo or action is not Action.RENEW or is_expired(info, today):
        return []
    expiry = info.expiry_date
    opens = renewal_window_opens(expiry)
    if today < opens:
        return [decision("R7", Outcome.WARN, "W-R7-not-due-yet", opens=opens, expiry=expiry)]
    return [
        decision(
            "R7",
            Outcome.INFO,
            "I-R7-renewal-new-expiry",
            expiry=expiry,
            new_expiry=renewed_expiry(expiry),
        )
    ]


def r9_backup(info: CertInfo, action: Action) -> list[Decision]:
    """R9: a certificate installs only once, so every install or renewal needs a new backup."""
    if action not in AFTERCARE_ACTIONS or not traits(info.kind).backup_expected:
        return []
    return [decision("R9", Outcome.INFO, "I-R9-backup-now")]


def r10_environment(info: CertInfo, action: Action) -> list[Decision]:
    """R10: test and acceptance certificates are marked as such; nothing installs on test."""
    if family(info.kind) is not Family.VECOZO or info.environment is Environment.PRODUCTION:
        return []
    if action not in PLACING and action is not Action.INSPECT:
        return []
    personal = traits(info.kind).person_bound
    if info.environment is Environment.TEST:
        message = "W-R10-test-personal" if personal else "I-R10-test-system"
        outcome = Outcome.WARN if personal else Outcome.INFO
        return [decision("R10", outcome, message)]
    return [decision("R10", Outcome.INFO, "I-R10-acceptance")]


def environment_label_id(environment: Environment) -> str:
    """R10: the label every screen shows, so test certificates never pass for production."""
    return f"L-rules-env-{environment.value}"


def environment_label(environment: Environment, lang: str = "nl") -> str:
    from certassist.core.messages import text_only

    return text_only(environment_label_id(environment), lang)
