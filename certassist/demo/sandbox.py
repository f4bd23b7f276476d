"""The sandbox behind `certassist --demo`: FakeStores filled from the made-up test PKI.

Anyone (a trainer, a tester, a new receptionist) can try every flow without touching a real
certificate. The demo plays "Anna de Vries", the practice's contact person, on a PC with:
- her personal VECOZO certificate in Windows, Firefox and a backup (all fine);
- her acceptance certificate in Firefox only, expiring in 20 days (renew now);
- the practice's system certificate in Windows, without a backup (backup missing);
- a colleague's personal certificate that expired 10 days ago (R1 refusals to try);
- the UZI server certificate (subscriber number 12345678) as a backup, 40 days left (UZI: start);
- an ordinary certificate.
A folder with two files for the install/restore flows is written next to them.

`open_sandbox` keeps all of it in the demo's own folder (`demo.folder`): made once, read back
by every later command and the GUI, so fingerprints stay the same and changes last. Its keys and
serial numbers are seeded (`demo.seeded`): a fresh folder made on the same day holds the same
certificates, with the same fingerprints, on every PC.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from certassist.core.messages import text_only
from certassist.core.models import Bundle, Environment, StoreKind, StoreTarget
from certassist.core.settings import PracticeSettings, save_settings
from certassist.demo.folder import DemoFolder, DemoStore, demo_day, demo_dir
from certassist.demo.pki import DEFAULT_PRACTICE, TestPKI, pfx
from certassist.demo.seeded import SeededKeys
from certassist.stores.fake import FakeStore

DEMO_USER = "Anna de Vries"
DEMO_COLLEAGUE = "Bram Jansen"
DEMO_PASSWORD = "demo-wachtwoord-2026"  # made up; printed in the demo folder's LEESMIJ


def _empty_stores(folder: DemoFolder | None = None) -> list[DemoStore]:
    """The three demo stores; with a folder each keeps its certificates there."""

    def store(store_id: str, label_id: str, kind: StoreKind) -> DemoStore:
        where = folder.stores / store_id.split(":")[1] if folder else None
        return DemoStore(
            store_id, text_only(label_id), StoreTarget(kind), folder=where, password=DEMO_PASSWORD
        )

    return [
        store("demo:windows", "L-demo-windows", StoreKind.WINDOWS_USER),
        store("demo:firefox", "L-demo-firefox", StoreKind.FIREFOX),
        store("demo:backup", "L-demo-backups", StoreKind.PKCS12_FOLDER),
    ]


def sandbox_stores(pki: TestPKI, folder: DemoFolder | None = None) -> list[FakeStore]:
    """The demo's certificates, made with `pki`; in memory, or kept in `folder` when given."""
    windows, firefox, backups = _empty_stores(folder)
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
        f"Demo-map van certassist (VERZONNEN). Wachtwoord / password: {DEMO_PASSWORD}\n"
        "Alles wat de demo doet, blijft in deze map. Verwijder de map om opnieuw te beginnen.\n"
        "Everything the demo does stays in this folder. Delete it to start over.\n",
        encoding="utf-8",
    )
    return paths


def demo_practice_settings(folder: Path) -> PracticeSettings:
    """The made-up practice the demo plays; its backup folder is the demo folder itself."""
    return PracticeSettings(
        practice_name=DEFAULT_PRACTICE,
        subscriber_number="12345678",
        vendor_id="promedico-asp",
        contact_person=DEMO_USER,
        backup_folders=(folder,),
    )


@dataclass(frozen=True)
class Sandbox:
    folder: DemoFolder
    stores: list[FakeStore]
    made_on: date


def open_sandbox(today: date | None = None, folder: Path | None = None) -> Sandbox:
    """The demo's stores from its folder, made there on first use (or after a broken start)."""
    where = DemoFolder(folder or demo_dir())
    made_on = where.made_on()
    if made_on is None:
        made_on = today or demo_day() or date.today()
        shutil.rmtree(where.stores, ignore_errors=True)  # a half-made sandbox is made again
        where.root.mkdir(parents=True, exist_ok=True)
        pki = TestPKI(made_on, keys=SeededKeys())
        stores = sandbox_stores(pki, where)
        write_demo_files(pki, where.root)
        if not where.settings.exists():
            save_settings(demo_practice_settings(where.root), where.settings)
        where.mark(made_on)
        return Sandbox(where, stores, made_on)
    loaded = _empty_stores(where)
    for store in loaded:
        store.load()
    return Sandbox(where, list(loaded), made_on)


def sandbox_context_args(today: date | None = None, folder: Path | None = None) -> dict[str, Any]:
    """Keyword arguments for `AppContext` in demo mode: the demo folder's sandbox (made there
    on first use); `backup_dir` is that folder. Its logs: `demo_logs`."""
    day = today or date.today()
    sandbox = open_sandbox(day, folder)
    return {
        "stores": sandbox.stores,
        "today": lambda: day,
        "demo_user": DEMO_USER,
        "backup_dir": sandbox.folder.root,
    }
