"""Value types of the rules engine: what a rule decides and what a set of rules decided.

Kept apart from the rules themselves so every `rules_*` module can build decisions without
importing the public entry `rules.py` (which imports them all).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from certassist.core.errors import CertassistError, RefusedError


class Outcome(StrEnum):
    """ALLOW: the rule is satisfied; WARN: go on after telling the user; REFUSE: stop;
    INFO: nothing to decide, but the user should read it (next steps, backup advice)."""

    ALLOW = "allow"
    WARN = "warn"
    REFUSE = "refuse"
    INFO = "info"


def _frozen(params: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType({str(k): str(v) for k, v in (params or {}).items()})


@dataclass(frozen=True)
class Decision:
    """One rule's verdict on one request. Params are strings so any front end renders them."""

    rule_id: str
    outcome: Outcome
    message_id: str
    params: Mapping[str, str] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        # A read-only copy: callers cannot change a decision after the fact.
        object.__setattr__(self, "params", _frozen(self.params))

    def __hash__(self) -> int:
        return hash((self.rule_id, self.outcome, self.message_id, tuple(self.params.items())))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Decision):
            return NotImplemented
        return (self.rule_id, self.outcome, self.message_id, dict(self.params)) == (
            other.rule_id,
            other.outcome,
            other.message_id,
            dict(other.params),
        )

    def render(self, lang: str = "nl") -> str:
        from certassist.core.messages import render

        return render(self.message_id, lang, **self.params)

    def to_error(self) -> CertassistError:
        return RefusedError(self.message_id, rule_id=self.rule_id, **self.params)


def decision(rule_id: str, outcome: Outcome, message_id: str, **params: object) -> Decision:
    """Shorthand used by the rules; dates become ISO text, the same in Dutch and English."""
    return Decision(rule_id, outcome, message_id, {k: fmt(v) for k, v in params.items()})


def fmt(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class Verdict:
    """Everything the rules said about one request; allowed unless one of them refused."""

    decisions: tuple[Decision, ...] = ()

    @property
    def allowed(self) -> bool:
        return not self.refusals

    @property
    def refusals(self) -> tuple[Decision, ...]:
        return self._with(Outcome.REFUSE)

    @property
    def warnings(self) -> tuple[Decision, ...]:
        return self._with(Outcome.WARN)

    @property
    def infos(self) -> tuple[Decision, ...]:
        return self._with(Outcome.INFO)

    @property
    def rule_ids(self) -> tuple[str, ...]:
        return tuple(d.rule_id for d in self.decisions)

    def _with(self, outcome: Outcome) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.outcome is outcome)

    def by_rule(self, rule_id: str) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.rule_id == rule_id)

    def raise_if_refused(self) -> None:
        """For operations: stop with the first refusal's message (it says who can do it)."""
        if self.refusals:
            raise self.refusals[0].to_error()


@dataclass(frozen=True)
class PracticeFacts:
    """What the practice recorded about itself (settings), compared with certificates (R12, R13)."""

    subscriber_number: str | None = None
    vendor_id: str | None = None
    contact_person: str | None = None


def normalise_name(name: str) -> str:
    """Compare names the way a person would: case, accents and spacing do not matter (R1).

    'José  de Vries' and 'jose de vries' are the same person; 'J. de Vries' is not (we cannot
    tell initials apart, so the user types the name as it stands in the certificate).
    """
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def same_name(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    na, nb = normalise_name(a), normalise_name(b)
    return bool(na) and na == nb
