"""Install a certificate from a file (PFX/P12, or certificate + key) into the allowed stores.

R1: a personal certificate only after the user confirmed being the person named in it; R2/R3:
a system certificate by the contact person, never into a browser; R4: own stores only. The
install date is recorded (R6: two years count from it) and the result asks for a backup (R9).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from certassist.core.errors import CertassistError
from certassist.core.models import Action, Bundle, CertInfo
from certassist.core.names import common_name
from certassist.ops.base import (
    AuditedOperation,
    Confirm,
    Confirmations,
    Notice,
    OpContext,
    Outcome,
    Plan,
    Result,
    Steps,
    Trail,
    audit,
)
from certassist.ops.passwords import PasswordAsker, open_with_tries
from certassist.ops.placing import (
    Placement,
    check_bundle,
    check_placements,
    run_placements,
    store_notices,
)
from certassist.stores.base import CertStore


def open_certificate_file(
    path: Path,
    password: str | None,
    ask: PasswordAsker,
    key_path: Path | None = None,
    reader: Callable[[Path, str | None], Bundle] | None = None,
) -> Bundle:
    """Read a PFX (or certificate + key) with up to three password tries (see passwords)."""
    if key_path is not None:
        from certassist.core.reading import read_certificate_and_key

        pair = key_path
        return open_with_tries(lambda pw: read_certificate_and_key(path, pair, pw), ask, password)
    if reader is None:
        from certassist.core.reading import read_certificate_file

        reader = read_certificate_file
    chosen = reader
    return open_with_tries(lambda pw: chosen(path, pw), ask, password)


def left_out_notices(bundle: Bundle) -> list[Notice]:
    """What the file also holds but stays behind (the leaf's own issuers come along, without
    trust, and are shown in lists as issuers)."""
    return [Notice("S-ops-left-out", {"name": common_name(c)}) for c in bundle.left_out]


@dataclass(frozen=True)
class PlacePlan(Plan):
    bundle: Bundle | None = field(default=None, repr=False)
    placements: tuple[Placement, ...] = ()


class InstallOperation(AuditedOperation[PlacePlan]):
    action = Action.INSTALL
    what = "install"

    def __init__(self, ctx: OpContext) -> None:
        self.ctx = ctx

    def plan(self, bundle: Bundle, stores: Sequence[CertStore], source: str) -> PlacePlan:
        check_bundle(bundle)
        info = self.ctx.describe(bundle.leaf)
        found = check_placements(self.ctx, info, self.action, stores)
        steps = [
            Notice(
                "S-ops-already-there" if p.already_there else "S-ops-add", {"store": p.store.label}
            )
            for p in found.placements
        ] + left_out_notices(bundle)
        return PlacePlan(
            action=self.action,
            certificates=(info,),
            source=source,
            targets=tuple(p.store.label for p in found.placements),
            steps=tuple(steps),
            blockers=found.blockers,
            warnings=found.warnings + self._extra_warnings(info, found.placements),
            needs=found.needs | self._extra_needs(info, found.placements),
            rule_ids=found.rule_ids,
            bundle=bundle,
            placements=found.placements,
        )

    def _extra_warnings(
        self, info: CertInfo, placements: tuple[Placement, ...]
    ) -> tuple[Notice, ...]:
        return ()

    def _extra_needs(self, info: CertInfo, placements: tuple[Placement, ...]) -> frozenset[Confirm]:
        return frozenset()

    def _trail(self, plan: PlacePlan) -> Trail:
        # Each store's failure is audited where it happens (placing), with that store named.
        return Trail(self.what, plan.certificates[0], source=plan.source, audit_failure=False)

    def _run(
        self, plan: PlacePlan, confirmations: Confirmations, steps: Steps, trail: Trail
    ) -> Result:
        info = plan.certificates[0]
        if plan.bundle is None:
            raise CertassistError("E-ops-no-key-in-file")
        todo = [p for p in plan.placements if not p.already_there]
        if not todo:
            audit(self.ctx, self.what, Outcome.NOTHING_TO_DO, info, source=plan.source,
                  target=",".join(p.store.store_id for p in plan.placements),
                  rules=plan.rule_ids, message_id="I-ops-already-there")  # fmt: skip
            return Result(
                Outcome.NOTHING_TO_DO,
                "I-ops-already-there-all",
                {"stores": ", ".join(plan.targets)},
                fingerprints=(info.fingerprint,),
                stores=tuple(p.store.store_id for p in plan.placements),
            )
        steps.total = 2 * len(todo) + 1
        added, present = run_placements(
            self.ctx, self.what, plan.bundle, info, todo, plan.source, plan.rule_ids, steps
        )
        self._after(plan, added)
        steps.finish("P-ops-done")
        repaired = store_notices([p.store for p in todo])  # since the plan read them
        notices = plan.warnings + repaired + (Notice("I-ops-backup-advice", {}, "R9"),)
        every = tuple(p.store.store_id for p in plan.placements)
        return Result(
            Outcome.DONE,
            self.done_message,
            {"stores": ", ".join(plan.targets), "expiry": info.expiry_date.isoformat()},
            notices=notices,
            fingerprints=(info.fingerprint,),
            stores=every,
        )

    done_message = "I-ops-install-done"

    def _after(self, plan: PlacePlan, added: list[str]) -> None:
        """R6: remember the first install date; the two years of validity start then."""
        info = plan.certificates[0]
        self.ctx.records.record(
            info.fingerprint, self.ctx.today(), info.kind.value, info.holder or "", added
        )
