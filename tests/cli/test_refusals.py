"""Each refusal keeps its own id and exit code through the real `certassist` process: an expired
certificate is the R6 refusal (2), a running Firefox is E-firefox-running (4), also for a profile
given with --nss-db; a full or read-only backup target is a store problem (4)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.cli import process
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import make_db

PASSWORD = "Wacht-Woord-12"
STRONG = "Zonnebloem-Kanaal-83!"
LOCKER = (
    "import fcntl,os,sys; fd=os.open(sys.argv[1], os.O_RDWR|os.O_CREAT);"
    "fcntl.lockf(fd, fcntl.LOCK_EX); print('ok', flush=True); sys.stdin.read()"
)


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(date.today())  # the process under test uses the real clock


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return process.run(*args, stdin=stdin, lang="en")


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_installing_an_expired_certificate_is_the_r6_refusal(pki: TestPKI, tmp_path: Path) -> None:
    db = make_db(tmp_path / "profiel")
    expired = _file(tmp_path, "oud.pfx", pfx(pki.expiring_in(-10, "other"), PASSWORD, "aes",
                                               iterations=2048))  # fmt: skip
    done = run("install", str(expired), "--nss-db", str(db), "--yes", "--password-stdin",
               stdin=PASSWORD + "\n")  # fmt: skip
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("[E-R6-"), done.stderr
    assert done.returncode == 2


def test_a_running_firefox_on_an_nss_db_profile_is_named_and_exits_4(
    pki: TestPKI, tmp_path: Path
) -> None:
    db = make_db(tmp_path / "profiel")
    good = _file(tmp_path, "nieuw.pfx", pfx(pki.other(), PASSWORD, "aes", iterations=2048))
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(db / ".parentlock")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "ok"
        done = run("install", str(good), "--nss-db", str(db), "--yes", "--password-stdin",
                   stdin=PASSWORD + "\n")  # fmt: skip
    finally:
        locker.communicate("")
    assert done.stderr.startswith("[E-firefox-running]"), done.stderr
    assert done.returncode == 4
    listed = subprocess.run(["certutil", "-L", "-d", f"sql:{db}"], capture_output=True,
                            text=True, check=True)  # fmt: skip
    assert "VERZONNEN" not in listed.stdout  # nothing was added behind Firefox's back


def test_a_backup_to_a_read_only_folder_exits_4(pki: TestPKI, tmp_path: Path) -> None:
    from tests.stores.nss_oracle import pk12_import

    db = make_db(tmp_path / "profiel")
    bundle = pki.other()
    pk12_import(db, pfx(bundle, PASSWORD, "aes", iterations=2048), PASSWORD)
    stick = tmp_path / "stick"
    stick.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(stick)],
                             capture_output=True, check=False)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("mounting a read-only tmpfs needs root")
    try:
        done = run("backup", "--fingerprint", bundle.fingerprint, "--to", str(stick),
                   "--nss-db", str(db), "--yes", "--password-stdin",
                   stdin=f"{STRONG}\n{STRONG}\n")  # fmt: skip
    finally:
        subprocess.run(["umount", "-l", str(stick)], check=False)
    assert "Traceback" not in done.stderr
    assert done.returncode == 4, done.stderr
