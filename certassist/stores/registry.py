"""Which stores exist on this PC, each with the store itself or the reason it cannot be used.

Everything the answer depends on is passed in (platform, crypt32, whether NSS loads, the
backup folders the user registered), so every OS's answer is tested on this one.
`CERTASSIST_STORES` narrows the set for tests, support and the demo: comma-separated kinds
(`firefox,nssdb`, `windows`, `fake`), store ids (`firefox:/path/to/profile`), `firefox:<profile
name>` or words of a label (`chromium`), read by `answers_to` exactly as the commands read
`--store`; a name that matches nothing is an error, not a silent no-op.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from certassist.core.errors import CertassistError, StoreError
from certassist.core.kinds import store_kind_names, store_kinds_named
from certassist.core.messages import text_only
from certassist.core.models import StoreKind
from certassist.stores.base import CertStore
from certassist.stores.fake import FakeStore
from certassist.stores.firefox_prefs import osclientcerts_enabled
from certassist.stores.firefox_profiles import FirefoxProfile, discover_profiles
from certassist.stores.hostplatform import Platform

if TYPE_CHECKING:  # imported where used: `list` on Linux needs neither crypt32 nor PKCS#12
    from certassist.stores.pkcs12file import PasswordProvider
    from certassist.stores.windows_api import Crypt32Api

ENV_VAR = "CERTASSIST_STORES"
BusyCheck = Callable[[], CertassistError | None]
NssFactory = Callable[[Path, StoreKind, str, BusyCheck | None], CertStore]


@dataclass(frozen=True)
class StoreStatus:
    """One store as discovery found it; `store` is None when it cannot even be constructed."""

    store_id: str
    kind: StoreKind
    label: str
    store: CertStore | None
    reason: CertassistError | None = None
    is_default: bool = False  # the Firefox profile Firefox opens by default
    profile: FirefoxProfile | None = None
    # Firefox profiles: does Firefox also use the Windows store (security.osclientcerts.autoload)?
    # None: the profile does not say, Firefox's own default applies.
    uses_windows_store: bool | None = None

    @property
    def available(self) -> bool:
        return self.store is not None and self.reason is None


def _default_nss_factory(
    password_provider: Callable[[], str | None] | None,
) -> NssFactory:
    def make(db_dir: Path, kind: StoreKind, label: str, busy: BusyCheck | None) -> CertStore:
        from certassist.stores.nss import NssStore

        return NssStore(db_dir, kind, label, password_provider, busy)

    return make


def _status(store: CertStore, kind: StoreKind, **extra: object) -> StoreStatus:
    return StoreStatus(
        store.store_id,
        kind,
        store.label,
        store,
        store.unavailable_reason,
        **extra,  # type: ignore[arg-type]
    )


def discover_stores(
    platform: Platform,
    crypt32: Crypt32Api | None,
    nss_available: Callable[[], bool],
    *,
    backup_folders: Sequence[Path] = (),
    backup_passwords: PasswordProvider | None = None,
    nss_factory: NssFactory | None = None,
    nss_password: Callable[[], str | None] | None = None,
    selection: str | None = None,
) -> list[StoreStatus]:
    """All stores of this PC, narrowed by `selection` (default: $CERTASSIST_STORES)."""
    make_nss = nss_factory or _default_nss_factory(nss_password)
    found: list[StoreStatus] = []
    if platform.system == "windows" and crypt32 is not None:
        from certassist.stores.windows import WindowsStore

        for store in (WindowsStore(crypt32, "user"), WindowsStore(crypt32, "machine")):
            found.append(_status(store, store.target.kind))
    has_nss = nss_available()
    for profile in discover_profiles(platform):
        label = _profile_label(profile)
        found.append(
            _nss_status(
                make_nss,
                has_nss,
                profile.path,
                StoreKind.FIREFOX,
                label,
                profile.busy_error,
                is_default=profile.is_default,
                uses_windows_store=osclientcerts_enabled(profile.path),
                profile=profile,
            )
        )
    shared = platform.home / ".pki" / "nssdb"
    if platform.system == "linux" and shared.is_dir():
        label = text_only("L-nssdb-shared")
        found.append(_nss_status(make_nss, has_nss, shared, StoreKind.NSSDB, label, None))
    if backup_folders:
        from certassist.stores.pkcs12file import Pkcs12FolderStore
    for folder in backup_folders:
        found.append(_status(Pkcs12FolderStore(folder, backup_passwords), StoreKind.PKCS12_FOLDER))
    wanted = platform.env.get(ENV_VAR, "") if selection is None else selection
    return narrow(found, wanted)


def _profile_label(profile: FirefoxProfile) -> str:
    if profile.root.flavour == "standard":
        return text_only("L-firefox-profile", profile=profile.name)
    return text_only(
        "L-firefox-profile-flavour", profile=profile.name, flavour=profile.root.flavour
    )


def _nss_status(
    make: NssFactory,
    has_nss: bool,
    db_dir: Path,
    kind: StoreKind,
    label: str,
    busy: BusyCheck | None,
    **extra: object,
) -> StoreStatus:
    store_id = f"{kind}:{db_dir}"
    if not has_nss:
        reason = StoreError("E-stores-nss-missing", store=label)
        return StoreStatus(store_id, kind, label, None, reason, **extra)  # type: ignore[arg-type]
    return _status(make(db_dir, kind, label, busy), kind, **extra)


def narrow(found: list[StoreStatus], wanted: str) -> list[StoreStatus]:
    tokens = [t.strip() for t in wanted.split(",") if t.strip()]
    if not tokens:
        return found
    chosen: list[StoreStatus] = []
    unknown: list[str] = []
    for token in tokens:
        matches = _matching(found, token)
        if matches is None:
            unknown.append(token)
            continue
        chosen.extend(m for m in matches if all(m is not c for c in chosen))
    if unknown:
        known = sorted(str(name) for name in store_kind_names())
        raise CertassistError(
            "E-stores-unknown-name", names=", ".join(unknown), known=", ".join(known)
        )
    return chosen


def _matching(found: list[StoreStatus], token: str) -> list[StoreStatus] | None:
    """The stores a token selects; None when the token names nothing certassist knows."""
    if token.strip().casefold() == StoreKind.FAKE:
        fake = FakeStore()
        return [StoreStatus(fake.store_id, StoreKind.FAKE, fake.label, fake)]
    hits = [s for s in found if answers_to(token, s.store_id, s.kind, s.label)]
    if hits or store_kinds_named(token.strip()):
        return hits  # a known kind absent here selects nothing
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _ends_id(store_id: str, token: str) -> bool:
    """The end of an id, from a separator on: the profile folder (`abc1.default-release`)."""
    if ":" not in store_id or not store_id.endswith(token) or len(token) >= len(store_id):
        return False
    return token[0] in _ID_SEPARATORS or store_id[-len(token) - 1] in _ID_SEPARATORS


_ID_SEPARATORS = "/\\:."


def answers_to(token: str, store_id: str, kind: StoreKind, label: str) -> bool:
    """Whether a store is what a user's word means: the one rule for `CERTASSIST_STORES` and
    for the commands' `--store`/`--from`/`--to` (cli/picking.py), so both pick the same stores.

    A word that names a kind (`firefox`, `nssdb`, `windows-user`; the groups `windows`,
    `backup`) selects exactly the stores of that kind. Any other word selects the store whose
    id it is (`firefox:/home/anna/...`), whose id ends with it from a separator on (the profile
    folder), whose label it is, or whose label holds all its words, in any case (`chromium`,
    `"demo profiel"`, `firefox:Werk` for the profile named Werk).
    """
    wanted = token.strip()
    if not wanted:
        return False
    kinds = store_kinds_named(wanted)
    if kinds:
        return kind in kinds
    if wanted == store_id or wanted.casefold() == label.casefold() or _ends_id(store_id, wanted):
        return True
    words = _words(wanted)
    return bool(words) and set(words) <= set(_words(label))


def nss_library_available() -> bool:
    """Whether NSS loads here (Firefox's nss3.dll on Windows, libnss3 on Linux)."""
    from certassist.stores.nss_lib import NssLibraryMissing, load_nss

    try:
        load_nss()
    except NssLibraryMissing:
        return False
    return True


def discover_here(
    backup_folders: Sequence[Path] = (),
    backup_passwords: PasswordProvider | None = None,
    nss_password: Callable[[], str | None] | None = None,
) -> list[StoreStatus]:
    """The stores of the PC certassist runs on: the real platform, crypt32 and NSS."""
    platform = Platform.current()
    crypt32 = None
    if platform.system == "windows":
        from certassist.stores.windows_api import load_crypt32

        crypt32 = load_crypt32()
    return discover_stores(
        platform,
        crypt32,
        nss_library_available,
        backup_folders=backup_folders,
        backup_passwords=backup_passwords,
        nss_password=nss_password,
    )
