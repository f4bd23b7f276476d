"""The ids the commands take, in the forms people copy them: stores and fingerprints.

A store answers to its id (`firefox:/home/anna/...`), the end of its id (the profile folder),
its kind (`firefox`, `windows-user`, `nssdb`; `windows`, `backup`), and the words of its label
(`--store chromium`, `--store "demo profiel"`), in any case: the registry's one rule
(`stores.registry.answers_to`), which `CERTASSIST_STORES` follows too. A fingerprint answers to any
unambiguous form: colons or spaces (as Firefox's certificate viewer shows it), lower case, and
a prefix of at least 8 hex digits (the prefix in backup file names); an ambiguous prefix lists
the certificates it matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from certassist.core.errors import CertassistError
from certassist.core.messages import text_only
from certassist.core.models import StoreEntry
from certassist.stores.base import CertStore
from certassist.stores.registry import answers_to

SHORT = 16  # hex digits of a fingerprint that `list` shows; any 8 of them select
MIN_PREFIX = 8


def short_fingerprint(fingerprint: str) -> str:
    return fingerprint[:SHORT]


def store_matches(store: CertStore, token: str) -> bool:
    """The registry's rule (`stores.registry.answers_to`), the one `CERTASSIST_STORES` uses."""
    return answers_to(token, store.store_id, store.target.kind, store.label)


def pick_stores(stores: Sequence[CertStore], tokens: Sequence[str]) -> list[CertStore]:
    """The stores the tokens name; no token: every store of the PC (no backup folders).

    Registered backup folders are picked only by name: a restore or install without --store
    goes into the PC's stores, and "back up everything" reads those, not old backups."""
    if not tokens:
        return [s for s in stores if not s.target.is_backup_folder]
    chosen: list[CertStore] = []
    for token in tokens:
        hits = [s for s in stores if store_matches(s, token)]
        if not hits:
            raise CertassistError("E-ops-cli-store-unknown", store=token)
        chosen += [h for h in hits if h not in chosen]
    return chosen


def normalise_fingerprint(token: str) -> str:
    """Upper-case hex without separators; at least 8 digits, at most a whole SHA-256."""
    cleaned = re.sub(r"[\s:\-]", "", token).upper()
    if not re.fullmatch(f"[0-9A-F]{{{MIN_PREFIX},64}}", cleaned):
        raise CertassistError("E-cli-fingerprint-invalid", fingerprint=token)
    return cleaned


def _entries(store: CertStore) -> list[StoreEntry]:
    if not store.available:
        return []
    try:
        return store.list()
    except CertassistError:  # a store that cannot be read now holds nothing to choose
        return []


def find_fingerprint(token: str, stores: Sequence[CertStore]) -> tuple[CertStore, StoreEntry]:
    """The one certificate (and the first store holding it) that `token` names."""
    prefix = normalise_fingerprint(token)
    found: dict[str, tuple[CertStore, StoreEntry]] = {}
    for store in stores:
        for entry in _entries(store):
            if entry.fingerprint.startswith(prefix):
                found.setdefault(entry.fingerprint, (store, entry))
    if not found:
        places = ", ".join(s.label for s in stores) or text_only("L-cli-no-stores")
        raise CertassistError("E-cli-fingerprint-unknown", fingerprint=token, stores=places)
    if len(found) > 1:
        from certassist.core.classify import describe

        infos = {fp: describe(entry.certificate) for fp, (_, entry) in found.items()}
        matches = "; ".join(
            f"{short_fingerprint(fp)} ({info.holder or info.subject})"
            for fp, info in sorted(infos.items())
        )
        raise CertassistError("E-cli-fingerprint-ambiguous", fingerprint=token, matches=matches)
    return next(iter(found.values()))


def resolve_fingerprint(token: str | None, stores: Sequence[CertStore]) -> str | None:
    """The full fingerprint `token` names in `stores`; None stays None (meaning: all)."""
    if token is None:
        return None
    return find_fingerprint(token, stores)[1].fingerprint
