"""One row of traits per certificate kind and per store kind: what the rules, the operations and
the screens ask about a kind, answered in one table instead of in branches on the kind.

A new certificate kind is one row in `KIND_TRAITS` (plus its label in the catalog
`resources/messages/labels.toml` and a profile file that recognises it); code that needs to
know whether a kind is person-bound, may go into a browser or should have a backup reads the
row. A kind that has no row (a newer settings file, a profile of a newer version) gets the traits
of "other" and its own id as label: it is shown, never breaks a page, and no kind-specific rule
applies to it. See docs/architecture.md#adding-a-certificate-kind.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum


class Kind(StrEnum):
    """The kinds code refers to by name. A kind added only as a row in `KIND_TRAITS` is a
    member too (`Kind("its-id")`), made on first use, so every layer keeps one type."""

    VECOZO_PERSONAL = "vecozo-personal"
    VECOZO_SYSTEM = "vecozo-system"
    UZI_SERVER = "uzi-server"
    UZI_CARD = "uzi-card"
    OTHER = "other"
    ISSUER = "issuer"  # a CA certificate ("uitgever")

    @classmethod
    def _missing_(cls, value: object) -> Kind | None:
        if not isinstance(value, str) or value not in KIND_TRAITS:
            return None
        member = str.__new__(cls, value)
        member._name_ = value.upper().replace("-", "_")
        member._value_ = value
        cls._value2member_map_[value] = member  # one object per id: `is` keeps working
        return member


class Actors(StrEnum):
    """Who may install, renew or restore a certificate of a kind (docs/rules.md#r1, #r2)."""

    HOLDER = "holder"  # only the person named in it (R1)
    CONTACT_PERSON = "contact-person"  # the practice's contact person (R2)
    ANYONE = "anyone"
    NOBODY = "nobody"  # lives on a smart card: nothing is placed, copied or removed


class Family(StrEnum):
    """Which validity and date rules govern a kind."""

    VECOZO = "vecozo"  # two years, renewal window, late renewal, environments (R6-R8, R10)
    UZI_SERVER = "uzi-server"  # the portal timeline, vendor steps, subscriber number (R11-R13)
    UZI_CARD = "uzi-card"  # on the card: shown only
    OTHER = "other"  # no kind-specific rules
    ISSUER = "issuer"  # a CA that came along in a chain: shown only, never due, no backup


@dataclass(frozen=True)
class KindTraits:
    kind: str
    label_id: str  # message id of its name in the catalogs
    family: Family
    actors: Actors
    browser_allowed: bool = True  # R3: False keeps it out of Firefox and Chromium
    own_stores_only: bool = False  # R4: only the current OS user's stores
    backup_expected: bool = True  # R9: an overview warns when no backup folder holds it
    pending_allowed: bool = False  # a requested, not yet installed one may be tracked (R5)

    @property
    def person_bound(self) -> bool:
        return self.actors is Actors.HOLDER


KIND_TRAITS: dict[str, KindTraits] = {
    row.kind: row
    for row in (
        KindTraits(
            "vecozo-personal",
            "L-kind-vecozo-personal",
            Family.VECOZO,
            Actors.HOLDER,
            own_stores_only=True,
            pending_allowed=True,
        ),
        KindTraits(
            "vecozo-system",
            "L-kind-vecozo-system",
            Family.VECOZO,
            Actors.CONTACT_PERSON,
            browser_allowed=False,
            pending_allowed=True,
        ),
        KindTraits(
            "uzi-server",
            "L-kind-uzi-server",
            Family.UZI_SERVER,
            Actors.ANYONE,
            pending_allowed=True,
        ),
        KindTraits(
            "uzi-card", "L-kind-uzi-card", Family.UZI_CARD, Actors.NOBODY, backup_expected=False
        ),
        KindTraits("other", "L-kind-other", Family.OTHER, Actors.ANYONE),
        KindTraits("issuer", "L-kind-issuer", Family.ISSUER, Actors.ANYONE, backup_expected=False),
    )
}


def traits(kind: str) -> KindTraits:
    """The row of `kind`; a kind without a row is treated as "other", labelled by its id."""
    row = KIND_TRAITS.get(str(kind))
    if row is not None:
        return row
    return replace(KIND_TRAITS["other"], kind=str(kind), label_id=str(kind))


def family(kind: str) -> Family:
    return traits(kind).family


def pending_kinds() -> tuple[Kind, ...]:
    return tuple(Kind(k) for k, row in KIND_TRAITS.items() if row.pending_allowed)


def kind_label(kind: str, lang: str | None = None, *, short: bool = False) -> str:
    """The kind's name in `lang` (`short`: the list form, `L-kind-short-<kind>`, where the
    catalog has one); an unknown kind, or one whose label is missing from the catalogs, is shown
    as its plain id rather than a message id or an error."""
    from certassist.core.messages import catalog, text_only

    label_ids = (
        (f"L-kind-short-{kind}", traits(kind).label_id) if short else (traits(kind).label_id,)
    )
    found = next((i for i in label_ids if i in catalog()), None)
    return text_only(found, lang) if found is not None else str(kind)


class StoreKind(StrEnum):
    """Where a certificate lives; the rules care about browser-ness and ownership (R3, R4)."""

    WINDOWS_USER = "windows-user"  # CurrentUser\\MY
    WINDOWS_MACHINE = "windows-machine"  # LocalMachine\\MY
    FIREFOX = "firefox"  # a Firefox profile (NSS)
    NSSDB = "nssdb"  # the shared NSS database ~/.pki/nssdb (Chromium on Linux)
    PKCS12_FOLDER = "pkcs12-folder"  # backup files in a folder (USB stick, network share)
    FAKE = "fake"  # in-memory sandbox (tests, --demo)

    @property
    def is_browser(self) -> bool:
        return STORE_KIND_TRAITS[self].browser

    @property
    def is_backup_folder(self) -> bool:
        return STORE_KIND_TRAITS[self].backup_folder


@dataclass(frozen=True)
class StoreKindTraits:
    browser: bool = False  # a browser logs in with what it holds (R3)
    backup_folder: bool = False  # files on another medium, not a store of this PC (R9)
    groups: tuple[str, ...] = ()  # other names that select it (CERTASSIST_STORES, --store)


STORE_KIND_TRAITS: dict[StoreKind, StoreKindTraits] = {
    StoreKind.WINDOWS_USER: StoreKindTraits(groups=("windows",)),
    StoreKind.WINDOWS_MACHINE: StoreKindTraits(groups=("windows",)),
    StoreKind.FIREFOX: StoreKindTraits(browser=True),
    StoreKind.NSSDB: StoreKindTraits(browser=True),
    StoreKind.PKCS12_FOLDER: StoreKindTraits(backup_folder=True, groups=("backup", "pkcs12")),
    StoreKind.FAKE: StoreKindTraits(),
}


def store_kinds_named(name: str) -> tuple[StoreKind, ...]:
    """The store kinds a name selects: a kind's own id, or a group it is in (`windows`)."""
    wanted = name.casefold()
    return tuple(
        kind
        for kind, row in STORE_KIND_TRAITS.items()
        if wanted == kind.value or wanted in row.groups
    )


def store_kind_names() -> frozenset[str]:
    """Every name `store_kinds_named` answers to."""
    return frozenset(
        name for kind, row in STORE_KIND_TRAITS.items() for name in (kind, *row.groups)
    )
