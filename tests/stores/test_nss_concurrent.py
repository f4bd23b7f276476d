"""Several certassist processes changing one real NSS database at once: every change lands and
none fails on another's transaction (writers take the profile folder's lock in turn; SQLite's
own locking alone also passes this for plain adds)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from certassist.core.models import StoreKind
from certassist.stores.nss import NssStore
from tests.pki import TestPKI, pfx

ADD = """
import sys
from pathlib import Path
from certassist.core.models import StoreKind
from certassist.core.reading import read_bytes
from certassist.stores.nss import NssStore
bundle = read_bytes(Path(sys.argv[2]).read_bytes(), "Samen-Tegelijk-1", "x.pfx")
sys.stdin.readline()  # start together
NssStore(Path(sys.argv[1]), StoreKind.FIREFOX).add(bundle)
print("added", flush=True)
"""


def test_four_processes_adding_at_once_all_land(
    empty_db: Path, pki: TestPKI, tmp_path: Path
) -> None:
    bundles = [pki.other() for _ in range(4)]
    children = []
    for number, bundle in enumerate(bundles):
        file = tmp_path / f"c{number}.pfx"
        file.write_bytes(pfx(bundle, "Samen-Tegelijk-1", "aes", iterations=2048))
        children.append(subprocess.Popen(
            [sys.executable, "-c", ADD, str(empty_db), str(file)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))  # fmt: skip
    outputs = [child.communicate("\n", timeout=120) for child in children]
    assert [out.strip() for out, _ in outputs] == ["added"] * 4, [err for _, err in outputs]
    keyed = {e.fingerprint for e in NssStore(empty_db, StoreKind.FIREFOX).list() if e.has_key}
    assert keyed == {b.fingerprint for b in bundles}
