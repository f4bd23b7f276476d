"""NSS through the Windows runner's own Firefox (.github/workflows/windows.yml).

Usage: python scripts/ci/windows_firefox_nss.py PROFILE_DIR

PROFILE_DIR is a real Firefox profile: the workflow made it with `firefox.exe -CreateProfile`
and started Firefox on it once, so Firefox itself wrote cert9.db and key4.db. This loads
Firefox's nss3.dll the way certassist finds it on a user's PC (registry, Program Files), and
adds, lists, exports and removes a made-up certificate with its key in that profile. Exit 0 when
every step did what a user would see; a message and exit 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "cert9.db").is_file():
        print("usage: windows_firefox_nss.py PROFILE_DIR (a profile Firefox has opened)")
        return 1
    from certassist.core.models import StoreKind
    from certassist.demo.pki import TestPKI
    from certassist.stores.nss import NssStore
    from certassist.stores.nss_lib import load_nss

    lib = load_nss()  # nss3.dll of the installed Firefox, every declared function resolved
    print(f"NSS {lib.version()} loaded")
    store = NssStore(Path(argv[0]), StoreKind.FIREFOX)
    if not store.available:
        print(f"profile not available: {store.unavailable_reason}")
        return 1
    person = TestPKI().vecozo_personal(name="José Ünal-Çelik")
    entry = store.add(person)
    found = store.get(person.fingerprint)
    if found is None or not found.has_key or entry.fingerprint != person.fingerprint:
        print("added certificate not listed with its key")
        return 1
    exported = store.export(person.fingerprint)
    if exported.fingerprint != person.fingerprint or not exported.key_matches():
        print("export did not give back the certificate with its key")
        return 1
    store.remove(person.fingerprint)
    if store.get(person.fingerprint) is not None:
        print("remove left the certificate behind")
        return 1
    print(f"Firefox profile {argv[0]}: add, list, export and remove work")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
