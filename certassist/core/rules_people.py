"""Who may do what, where (R1-R4): person-bound VECOZO certificates and the contact person.

A copy between stores is a backup followed by a restore (R9), so COPY counts as placing the
certificate in a store, exactly like INSTALL, RENEW and RESTORE.
"""

from __future__ import annotations

from collections.abc import Sequence

from certassist.core.kinds import Actors, traits
from certassist.core.models import Action, Actor, CertInfo, Owner, StoreTarget
from certassist.core.rules_base import Decision, Outcome, decision, same_name

PLACING = frozenset({Action.INSTALL, Action.RENEW, Action.RESTORE, Action.COPY})
R1_ACTIONS = PLACING
R2_ACTIONS = frozenset({Action.INSTALL, Action.RENEW})


def r1_rightful_user(info: CertInfo, actor: Actor, action: Action) -> list[Decision]:
    """R1: only the person named in a personal certificate installs, renews or restores it.

    The contact person is deliberately not enough: the certificate is that person's login.
    """
    if not traits(info.kind).person_bound or action not in R1_ACTIONS:
        return []
    holder = info.holder
    if not holder:
        return [decision("R1", Outcome.REFUSE, "E-R1-holder-unknown")]
    if actor.confirmed_name is None or not actor.confirmed_name.strip():
        return [decision("R1", Outcome.REFUSE, "E-R1-confirm-name", holder=holder)]
    if not same_name(actor.confirmed_name, holder):
        return [
            decision(
                "R1",
                Outcome.REFUSE,
                "E-R1-not-rightful-user",
                holder=holder,
                name=actor.confirmed_name,
            )
        ]
    return [decision("R1", Outcome.ALLOW, "A-R1-rightful-user", holder=holder)]


def r2_contact_person(info: CertInfo, actor: Actor, action: Action) -> list[Decision]:
    """R2: the contact person installs and renews a system certificate; renewal asks the PIN."""
    if traits(info.kind).actors is not Actors.CONTACT_PERSON or action not in R2_ACTIONS:
        return []
    if not actor.is_contact_person:
        return [decision("R2", Outcome.REFUSE, "E-R2-not-contact-person", action=action.value)]
    result = [decision("R2", Outcome.ALLOW, "A-R2-contact-person")]
    if action is Action.RENEW:
        result.append(decision("R2", Outcome.INFO, "I-R2-pin-needed"))
    return result


def r3_no_browser(info: CertInfo, action: Action, target: StoreTarget | None) -> list[Decision]:
    """R3: a system certificate cannot log in to the website, so never put it in a browser."""
    if traits(info.kind).browser_allowed or action not in PLACING or target is None:
        return []
    if target.is_browser:
        return [decision("R3", Outcome.REFUSE, "E-R3-system-in-browser", store=target.kind.value)]
    return [decision("R3", Outcome.ALLOW, "A-R3-not-a-browser", store=target.kind.value)]


def r4_own_stores(info: CertInfo, action: Action, target: StoreTarget | None) -> list[Decision]:
    """R4: a personal certificate only goes to the current user's own stores."""
    if not traits(info.kind).own_stores_only or action not in PLACING or target is None:
        return []
    if target.owner is not Owner.SELF:
        return [
            decision(
                "R4",
                Outcome.REFUSE,
                "E-R4-not-own-store",
                store=target.kind.value,
                owner=target.owner.value,
            )
        ]
    return [decision("R4", Outcome.ALLOW, "A-R4-own-store", store=target.kind.value)]


def personal_needs_own_place(info: CertInfo, action: Action) -> bool:
    """Whether R4's shared-place check applies: a personal certificate being placed."""
    return traits(info.kind).own_stores_only and action in PLACING


def r4_shared_place(
    info: CertInfo, action: Action, place: str, there: Sequence[CertInfo]
) -> list[Decision]:
    """R4 for shared places: a Windows user or Firefox profile that already holds another
    person's personal certificate (with its key) is probably someone else's place, or one that
    several people share. Warn and ask; the place itself may still be the user's own."""
    if not personal_needs_own_place(info, action) or not info.holder:
        return []
    others = sorted(
        {
            other.holder
            for other in there
            if traits(other.kind).person_bound
            and other.holder
            and not same_name(other.holder, info.holder)
        }
    )
    if not others:
        return []
    return [
        decision(
            "R4",
            Outcome.WARN,
            "W-R4-shared-place",
            holder=info.holder,
            place=place,
            others=", ".join(others),
        )
    ]
