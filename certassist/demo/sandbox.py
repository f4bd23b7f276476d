"""The sandbox behind `certassist --demo`: FakeStores filled from the made-up test PKI.

Anyone (a trainer, a tester, a new receptionist) can try every flow without touching a real
certificate. The demo plays "Anna de Vries", the practice's contact person, on a PC with:
- her personal VECOZO certificate in Windows, Firefox and a backup (all fine);
- her acceptance certificate in Firefox only, expiring in 20 days (renew now);
- the practice's system certificate in Windows, without a backup (backup missing);
- a colleague's personal certificate that expired 10 days ago (R1 refusals to try);
- the UZI server certificate (subscriber number 12345678) as a backup, 40 days left (UZI: start);
- an ordinary certificate.
A folder with two files for the install/restore flows is written to a temporary directory.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from certassist.core.messages import text_only
from certassist.core.models import Bundle, Environment, StoreKind, StoreTarget
from certassist.demo.pki import TestPKI, pfx
from certassist.stores.fake import FakeStore

DEMO_USER = "Anna de Vries"
DEMO_COLLEAGUE = "Bram Jansen"
DEMO_PASSWORD = "demo-wachtwoord-2026"  # made up; printed in the demo folder's LEESMIJ


def sandbox_stores(pki: TestPKI) -> list[FakeStore]:
    windows = FakeStore(
        "demo:windows", text_only("L-demo-windows"), StoreTarget(StoreKind.WINDOWS_USER)
    )
    firefox = FakeStore("demo:firefox", text_only("L-demo-firefox"), StoreTarget(StoreKind.FIREFOX))
    backups = FakeStore(
        "demo:backup", text_only("L-demo-backups"), StoreTarget(StoreKind.PKCS12_FOLDER)
    )
    personal = pki.expiring_in(500, "vecozo-personal", name=DEMO_USER)
    acceptance = pki.expiring_in(
        20, "vecozo-personal", name=DEMO_USER, environment=Environment.ACCEPTANCE
    )
    system = pki.expiring_in(300, "vecozo-system")
    colleague = pki.expired("vecozo-personal", days_ago=10, name=DEMO_COLLEAGUE)
    server = pki.expiring_in(40, "uzi-server", subscriber="12345678")
    other = pki.expiring_in(200, "other")
    for store, bundles in (
        (windows, [personal, system, colleague, other]),
        (firefox, [personal, acceptance]),
        (backups, [personal, server]),
    ):
        for bundle in bundles:
            store.put(bundle)
    return [windows, firefox, backups]


def write_demo_files(pki: TestPKI, folder: Path) -> dict[str, Path]:
    """Files to try the install and restore flows with (all with DEMO_PASSWORD)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Bundle] = {
        "nieuw-persoonlijk-certificaat.pfx": pki.issue("vecozo-personal", name=DEMO_USER),
        "systeemcertificaat-backup.pfx": pki.issue("vecozo-system"),
    }
    paths: dict[str, Path] = {}
    for name, bundle in files.items():
        path = folder / name
        path.write_bytes(pfx(bundle, DEMO_PASSWORD))
        paths[name] = path
    (folder / "beschadigd.pfx").write_bytes(b"dit is geen certificaat")
    (folder / "LEESMIJ.txt").write_text(
        f"Demo-bestanden (VERZONNEN). Wachtwoord / password: {DEMO_PASSWORD}\n", encoding="utf-8"
    )
    return paths


def sandbox_context_args(today: date | None = None, folder: Path | None = None) -> dict[str, Any]:
    """Keyword arguments for `AppContext` in demo mode."""
    day = today or date.today()
    pki = TestPKI(day)
    demo_dir = folder or Path(tempfile.mkdtemp(prefix="certassist-demo-"))
    write_demo_files(pki, demo_dir)
    return {
        "stores": sandbox_stores(pki),
        "today": lambda: day,
        "demo_user": DEMO_USER,
        "backup_dir": demo_dir,
    }
