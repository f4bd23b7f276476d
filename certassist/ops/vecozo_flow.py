"""Guidance around VECOZO's own install and renewal pages.

Why "guidance": VECOZO installs and renews a certificate on its own website, with the 14-digit
user number (by e-mail) and the PIN (by post or message box). certassist cannot do that step,
so it prepares it — who must do it (R1/R2, asked of the rules), a form check of the user number,
the PIN at hand (never stored), the days left of the 60 (R5), the right page per environment
(R10), the stores that may receive it (R3/R4) — and finishes it: it notices the new certificate
when it appears in a store, records the install date (R6) and hands over to the backup (R9).
"""

from __future__ import annotations

import re
import time
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from cryptography import x509

from certassist.core.errors import CertassistError
from certassist.core.kinds import Actors, Family, family, traits
from certassist.core.models import (
    Action,
    Actor,
    CertInfo,
    Classification,
    Environment,
    Kind,
)
from certassist.core.resources import resources_dir
from certassist.core.rules import (
    Decision,
    Verdict,
    check,
    fmt,
    install_window,
    renewal_window_opens,
    renewed_expiry,
    same_name,
)
from certassist.core.rules import Outcome as RuleOutcome
from certassist.core.settings import PendingRequest
from certassist.ops.base import Describe, Notice
from certassist.stores.base import CertStore

USER_NUMBER = re.compile(r"\d{14}")


def _default_describe(cert: x509.Certificate) -> CertInfo:
    from certassist.core.classify import describe

    return describe(cert)


# --- URLs per environment (data) --------------------------------------------------------------


@dataclass(frozen=True)
class VecozoPages:
    environment: Environment  # the environment the user asked about
    site: Environment  # where the page is: test certificates are installed on acceptance (R10)
    home: str
    install: str
    renew: str
    paths_uncertain: bool
    note_nl: str = ""
    note_en: str = ""

    def note(self, lang: str = "nl") -> str:
        return self.note_en if lang == "en" else self.note_nl


@cache
def _url_data() -> dict[str, Any]:
    path = resources_dir() / "profiles" / "vecozo_urls.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def vecozo_pages(environment: Environment) -> VecozoPages:
    data = _url_data()
    entry: Mapping[str, Any] = data[environment.value]
    site = Environment(str(entry.get("install_on", environment.value)))
    target: Mapping[str, Any] = data[site.value]
    return VecozoPages(
        environment=environment,
        site=site,
        home=str(entry["home"]),
        install=str(target["install"]),
        renew=str(target["renew"]),
        paths_uncertain=bool(entry.get("paths_uncertain", False))
        or bool(target.get("paths_uncertain", False)),
        note_nl=str(entry.get("note_nl", "")),
        note_en=str(entry.get("note_en", "")),
    )


# --- the checks before the user goes to VECOZO ------------------------------------------------


def check_user_number(text: str) -> str:
    """The 14-digit user number from the e-mail; spaces and dots as people copy them are fine."""
    digits = re.sub(r"[\s.\-]", "", text)
    if not USER_NUMBER.fullmatch(digits):
        raise CertassistError("E-vecozo-user-number", count=sum(c.isdigit() for c in text))
    return digits


def require_pin_at_hand(confirmed: bool) -> None:
    """Only a yes/no: the PIN itself is typed on VECOZO's page and never reaches certassist."""
    if not confirmed:
        raise CertassistError("E-vecozo-pin-not-at-hand")


def placeholder_info(kind: Kind, holder: str, environment: Environment, today: date) -> CertInfo:
    """The certificate that is about to exist, so the rules can say who may install it.

    Dates: from today for two years (R6); der is empty because there is no certificate yet.
    """
    start = datetime(today.year, today.month, today.day, tzinfo=UTC)
    classification = Classification(
        kind=kind,
        environment=environment,
        profile_id="pending-request",
        holder=holder if traits(kind).person_bound else None,
        organisation=None if traits(kind).person_bound else holder,
    )
    return CertInfo(
        fingerprint="",
        subject=holder,
        issuer="",
        serial="",
        not_before=start,
        not_after=start + timedelta(days=730),
        classification=classification,
        der=b"",
    )


@dataclass(frozen=True)
class Guide:
    """Everything the wizard shows before sending the user to VECOZO's page."""

    action: Action
    kind: Kind
    holder: str
    environment: Environment
    who: Verdict  # R1/R2 (and R10) as the rules decided for this actor
    pages: VecozoPages
    url: str
    targets: tuple[CertStore, ...]  # stores that may receive it (R3, R4)
    window: Decision | None = None  # R5 for a first install
    expected_expiry: date | None = None  # R7 for a renewal
    notices: tuple[Notice, ...] = ()

    @property
    def allowed(self) -> bool:
        closed = self.window is not None and self.window.outcome is RuleOutcome.REFUSE
        return self.who.allowed and not closed and bool(self.targets)


def _targets(
    info: CertInfo, actor: Actor, action: Action, stores: Sequence[CertStore], today: date
) -> tuple[CertStore, ...]:
    """Stores VECOZO's page can install into and the rules allow for this certificate:
    browsers for a personal certificate in the user's own profile (R4), never a browser for a
    system certificate (R3), and never a backup folder (a browser cannot put anything there)."""
    allowed = []
    for store in stores:
        if not store.available or store.target.is_backup_folder:
            continue
        verdict = check(info, actor, action, store.target, today)
        if not any(d.rule_id in ("R3", "R4") and d.outcome is RuleOutcome.REFUSE
                   for d in verdict.decisions):  # fmt: skip
            allowed.append(store)
    return tuple(allowed)


def _notices(pages: VecozoPages, kind: Kind, action: Action) -> tuple[Notice, ...]:
    notes: list[Notice] = []
    if pages.environment is not pages.site:
        notes.append(Notice("I-vecozo-install-on-acceptance", {}, "R10"))
    if pages.paths_uncertain:
        notes.append(Notice("I-vecozo-url-uncertain", {"home": pages.home}))
    if traits(kind).actors is Actors.CONTACT_PERSON and action is Action.RENEW:
        notes.append(Notice("I-R2-pin-needed", {}, "R2"))
    return tuple(notes)


def plan_first_install(
    request: PendingRequest, actor: Actor, stores: Sequence[CertStore], today: date
) -> Guide:
    if family(request.kind) is not Family.VECOZO:
        raise CertassistError("E-vecozo-not-vecozo", kind=request.kind.value)
    info = placeholder_info(request.kind, request.holder, request.environment, today)
    who = check(info, actor, Action.INSTALL, None, today)
    pages = vecozo_pages(request.environment)
    targets = _targets(info, actor, Action.INSTALL, stores, today)
    notices = _notices(pages, request.kind, Action.INSTALL)
    if not targets:
        notices += (Notice("E-vecozo-no-target", {}, "R3"),)
    return Guide(
        Action.INSTALL, request.kind, request.holder, request.environment, who, pages,
        pages.install, targets, install_window(request.issued_on, today), None, notices,
    )  # fmt: skip


def plan_renewal(
    current: CertInfo, actor: Actor, stores: Sequence[CertStore], today: date
) -> Guide:
    """R7: due from a month before expiry; the rules refuse an expired one (R8: reinstall)."""
    if family(current.kind) is not Family.VECOZO:
        raise CertassistError("E-vecozo-not-vecozo", kind=current.kind.value)
    who = check(current, actor, Action.RENEW, None, today)
    pages = vecozo_pages(current.environment)
    holder = current.holder or current.classification.organisation or current.subject
    targets = _targets(current, actor, Action.RENEW, stores, today)
    notices = renewal_notices(current, pages, today) + _notices(pages, current.kind, Action.RENEW)
    return Guide(
        Action.RENEW, current.kind, holder, current.environment, who, pages, pages.renew,
        targets, None, renewed_expiry(current.expiry_date), notices,
    )  # fmt: skip


def renewal_notices(current: CertInfo, pages: VecozoPages, today: date) -> tuple[Notice, ...]:
    """What a VECOZO renewal must say before the user goes to VECOZO: too early (before the
    renewal month, R7), not production (R10), the expected new expiry (R7: two years from the
    original expiry, not from today), and — only for a personal certificate, the only kind that
    can log in — that VECOZO shows a notice at login from a month before expiry."""
    expiry = current.expiry_date
    opens = renewal_window_opens(expiry)
    notes: list[Notice] = []
    if today < opens:
        notes.append(Notice("W-R7-not-due-yet", {"opens": fmt(opens), "expiry": fmt(expiry)}, "R7"))
    if current.environment is not Environment.PRODUCTION:
        env = {"env": current.environment.value, "home": pages.home}
        notes.append(Notice("W-R10-renew-not-production", env, "R10"))
    new_expiry = {"expiry": fmt(expiry), "new_expiry": fmt(renewed_expiry(expiry))}
    notes.append(Notice("I-R7-renewal-new-expiry", new_expiry, "R7"))
    if traits(current.kind).person_bound:
        notes.append(Notice("I-R7-login-notice", {"opens": fmt(opens)}, "R7"))
    return tuple(notes)


# --- noticing the new certificate -----------------------------------------------------------

Snapshot = dict[str, frozenset[str]]


def snapshot(stores: Sequence[CertStore]) -> Snapshot:
    """Fingerprints per store before the user goes to VECOZO: what is there already."""
    taken: Snapshot = {}
    for store in stores:
        if store.available:
            taken[store.store_id] = frozenset(e.fingerprint for e in store.list())
    return taken


@dataclass(frozen=True)
class Detected:
    store: CertStore
    info: CertInfo
    has_key: bool
    unknown: bool = False  # no profile knew it: `finish` keeps the kind the user chose (#11)


def _unknown_vecozo(info: CertInfo, guide: Guide) -> bool:
    """A certificate no profile knows whose names say VECOZO, from this page's environment:
    the one the user went to VECOZO for, of the kind the user chose (a real VECOZO issuer
    certassist has not learned yet)."""
    from certassist.core.classify import ASK_VECOZO_KIND, read_facts
    from certassist.core.profile_learning import guess_environment

    if info.kind is not Kind.OTHER or ASK_VECOZO_KIND not in info.classification.notes:
        return False
    facts = read_facts(x509.load_der_x509_certificate(info.der))
    if guess_environment(facts) not in (guide.environment, guide.pages.site):
        return False
    names = (info.classification.holder, info.classification.organisation)
    return any(n and same_name(n, guide.holder) for n in names)


def detect_new(
    before: Snapshot,
    stores: Sequence[CertStore],
    guide: Guide,
    previous: CertInfo | None = None,
    describe: Describe = _default_describe,
) -> Detected | None:
    """A certificate that was not there before, of the same kind, environment and holder; for a
    renewal also with a later expiry than the one it renews (R7)."""
    for store in stores:
        if not store.available:
            continue
        known = before.get(store.store_id, frozenset())
        for entry in store.list():
            if entry.fingerprint in known:
                continue
            info = describe(entry.certificate)
            if _unknown_vecozo(info, guide):
                if previous is None or info.expiry_date > previous.expiry_date:
                    return Detected(store, info, entry.has_key, unknown=True)
                continue
            if info.kind is not guide.kind:
                continue
            if info.environment not in (guide.environment, guide.pages.site):
                continue  # R10: a test certificate arrives as an acceptance one
            name = info.holder or info.classification.organisation
            if not same_name(name, guide.holder):
                continue
            if previous is not None and info.expiry_date <= previous.expiry_date:
                continue
            return Detected(store, info, entry.has_key)
    return None


Clock = Callable[[], float]
Sleep = Callable[[float], None]


def wait_for_certificate(
    before: Snapshot,
    stores: Sequence[CertStore],
    guide: Guide,
    previous: CertInfo | None = None,
    *,
    timeout: float = 1800.0,
    interval: float = 3.0,
    clock: Clock = time.monotonic,
    sleep: Sleep = time.sleep,
    cancel: Callable[[], bool] | None = None,
    describe: Describe = _default_describe,
) -> Detected | None:
    """Poll the stores until the new certificate shows up, time runs out or the user cancels."""
    deadline = clock() + timeout
    while True:
        found = detect_new(before, stores, guide, previous, describe)
        if found is not None:
            return found
        if (cancel is not None and cancel()) or clock() >= deadline:
            return None
        sleep(interval)


@dataclass(frozen=True)
class Finished:
    """After detection: what was recorded and what comes next (the backup, R9)."""

    info: CertInfo
    store: CertStore
    installed_on: date
    notices: tuple[Notice, ...]


def finish(
    detected: Detected,
    guide: Guide,
    records: Any,
    today: date,
    previous: CertInfo | None = None,
    profiles_folder: Path | None = None,
) -> Finished:
    """Record the install date (R6) and say what comes next: the backup (R9), and after a
    renewal the copy to the other PCs through a new backup (operations' transfer).

    A certificate no profile knew gets the kind the user chose kept as a local profile, the
    way `certassist classify --as` keeps it, so it and its issuer's later certificates are
    classified without asking (`profiles_folder`: default the user's profiles folder)."""
    info = detected.info
    notices: list[Notice] = []
    if detected.unknown:
        from certassist.core.classify import describe
        from certassist.core.profile_learning import learn

        cert = x509.load_der_x509_certificate(info.der)
        learned = learn(cert, guide.kind, today=today, folder=profiles_folder)
        info = describe(cert, (learned.profile,))
        notices.append(Notice("I-vecozo-kind-kept", {"file": str(learned.path)}))
    records.record(
        info.fingerprint, today, info.kind.value, guide.holder, [detected.store.store_id]
    )
    if not detected.has_key:
        notices.append(Notice("W-vecozo-no-key", {"store": detected.store.label}))
    if guide.action is Action.RENEW and previous is not None:
        expected = renewed_expiry(previous.expiry_date)
        if info.expiry_date != expected:
            notices.append(
                Notice(
                    "W-vecozo-unexpected-expiry",
                    {"expected": expected.isoformat(), "found": info.expiry_date.isoformat()},
                    "R7",
                )
            )
        notices.append(Notice("I-vecozo-copy-to-other-pcs", {}, "R9"))
    notices.append(Notice("I-R9-backup-now", {}, "R9"))
    return Finished(info, detected.store, today, tuple(notices))
