"""Several certassist processes changing one real NSS database at once: every change lands and
none fails on another's transaction (writers take the profile folder's lock in turn; SQLite's
own locking alone also passes this for plain adds).

What only the lock guards is certassist's read-then-write inside one add: it chooses a free
nickname (reading the database), then writes. Two people's certificates with the same name in
their files, added at once, would both choose it; NSS then refuses the second
(SEC_ERROR_ADDING_CERT) and leaves its key behind without a certificate. The first process is
held in that window by an injected step hook (`NssStore(step_hook=...)`), so the race is met
in every run, not by luck."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

from certassist.core.models import Bundle, StoreKind
from certassist.stores.nss import NssStore
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import key_lines, nicknames

ADD = """
import sys
import queue
import threading
from pathlib import Path
from typing import IO
from certassist.core.models import Bundle, StoreKind
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


ADD_HELD_BEFORE_WRITING = """
import sys
from pathlib import Path
from certassist.core.models import StoreKind
from certassist.core.reading import read_bytes
from certassist.stores.nss import NssStore

def hold(step):
    if step == "add-write":  # the nickname is chosen; hold before writing
        print("holding", flush=True)
        sys.stdin.readline()

bundle = read_bytes(Path(sys.argv[2]).read_bytes(), "Samen-Tegelijk-1", "x.pfx")
sys.stdin.readline()
NssStore(Path(sys.argv[1]), StoreKind.FIREFOX, step_hook=hold).add(bundle)
print("added", flush=True)
"""


def _start(script: str, *args: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip


def _lines(stream: IO[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x.strip()) for x in stream], daemon=True).start()
    return lines


def test_two_people_with_the_same_name_in_their_files_added_at_once_both_land(
    empty_db: Path, pki: TestPKI, tmp_path: Path
) -> None:
    files = []
    bundles = []
    for number, name in enumerate(("Jan Jansen", "Piet Peters")):
        issued = pki.vecozo_personal(name=name)
        bundles.append(Bundle(issued.leaf, issued.chain, issued.key, "Praktijk De Linde"))
        files.append(tmp_path / f"p{number}.pfx")
        files[-1].write_bytes(pfx(bundles[-1], "Samen-Tegelijk-1", "aes", iterations=2048))
    first = _start(ADD_HELD_BEFORE_WRITING, empty_db, files[0])
    second = _start(ADD, empty_db, files[1])
    assert first.stdin and first.stdout and first.stderr and second.stdin and second.stderr
    said = _lines(first.stdout)
    try:
        first.stdin.write("\n")  # start; it stops with its name chosen, before writing
        first.stdin.flush()
        assert said.get(timeout=60) == "holding"
        second.stdin.write("\n")
        second.stdin.flush()
        try:  # without the lock it lands now; with it, it waits for the first
            second.wait(5)
        except subprocess.TimeoutExpired:
            pass
        first.stdin.write("\n")
        first.stdin.flush()
        codes = [child.wait(60) for child in (first, second)]
        errors = [child.stderr.read() for child in (first, second)]
    finally:
        for child in (first, second):
            child.kill()
            child.wait()
            for stream in (child.stdin, child.stdout, child.stderr):
                if stream is not None:
                    stream.close()
    assert codes == [0, 0], errors
    keyed = {e.fingerprint for e in NssStore(empty_db, StoreKind.FIREFOX).list() if e.has_key}
    assert keyed == {b.fingerprint for b in bundles}
    assert len(key_lines(empty_db)) == 2  # no key left behind without its certificate
    names = [n for n in nicknames(empty_db) if n.startswith("Praktijk De Linde")]
    assert sorted(names) == ["Praktijk De Linde", "Praktijk De Linde (2)"]
