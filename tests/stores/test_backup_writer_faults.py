"""The backup writer under faults: two writers at once, a killed run's leftovers, a disk that fills
up in the middle of a write, a read-only stick, fsync failing. After each: no file overwritten,
no half file under a backup's name, every reported backup opens with its own password."""

from __future__ import annotations

import errno
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from certassist.core import fileio
from certassist.core.errors import CertassistError, ExitCode
from certassist.core.fileio import TEMP_SUFFIX, leftover_temps
from certassist.core.models import Bundle
from certassist.stores.pkcs12file import open_backup, write_backup
from tests.pki import TestPKI

FAST = 2048


_SHARED: list[Bundle] = []  # the one certificate both forked writers back up


def _backup(folder: str, password: str, queue: multiprocessing.Queue[str]) -> None:
    try:
        queue.put(str(write_backup(Path(folder), _SHARED[0], password, file_stem="zelfde")))
    except CertassistError as error:
        queue.put(error.message_id)


def test_two_backups_at_once_into_one_folder_both_survive(pki: TestPKI, tmp_path: Path) -> None:
    """Before: both chose `zelfde.pfx` first and the later rename overwrote the other, so one
    of the two passwords opened nothing. The default 600,000 rounds make the windows overlap."""
    _SHARED[:] = [pki.other()]
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[str] = context.Queue()
    runs = [context.Process(target=_backup, args=(str(tmp_path), pw, queue))
            for pw in ("Eerste-Wachtwoord-1", "Tweede-Wachtwoord-2")]  # fmt: skip
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    reported = sorted(queue.get(timeout=5) for _ in runs)
    assert len(set(reported)) == 2, reported
    opened = {Path(p).name: p for p in reported}
    assert sorted(opened) == ["zelfde (2).pfx", "zelfde.pfx"]
    passwords = set()
    for path in reported:
        for pw in ("Eerste-Wachtwoord-1", "Tweede-Wachtwoord-2"):
            try:
                open_backup(Path(path), pw)
            except CertassistError:
                continue
            passwords.add(pw)
    assert passwords == {"Eerste-Wachtwoord-1", "Tweede-Wachtwoord-2"}


def test_a_killed_runs_temporary_file_is_recognised_and_cleaned(
    pki: TestPKI, tmp_path: Path
) -> None:
    bundle = pki.other()
    leftover = tmp_path / f".oud.pfx.0123abcd{TEMP_SUFFIX}"
    leftover.write_bytes(b"\x30\x82" + b"half" * 100)
    older = tmp_path / ".ouder.pfx.89abcdef.tmp"  # what versions before 2026-12 left
    older.write_bytes(b"\x30\x82" + b"half" * 100)
    somebody_elses = tmp_path / ".hidden-by-the-user.pfx"
    somebody_elses.write_bytes(b"not ours")
    assert leftover_temps(tmp_path) == [leftover, older]
    write_backup(tmp_path, bundle, "Geheim-Wachtwoord-9", kdf_rounds=FAST)
    assert not leftover.exists() and not older.exists()
    assert somebody_elses.exists()  # only certassist's own pattern is cleaned


def test_a_temporary_file_survives_kill_9_and_the_next_run_cleans_it(tmp_path: Path) -> None:
    """A real kill -9 while the writer is between writing and renaming (its read-back)."""
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from certassist.stores import pkcs12file\n"
        "from tests.pki import TestPKI\n"
        "real = pkcs12file.open_backup\n"
        "def slow(path, pw):\n"
        "    print('temp', flush=True); time.sleep(30); return real(path, pw)\n"
        "pkcs12file.open_backup = slow\n"
        f"pkcs12file.write_backup(Path({str(tmp_path)!r}), TestPKI().other(), 'Wacht-Woord-12',"
        " kdf_rounds=2048)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             env={**os.environ})  # fmt: skip
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "temp"
    child.kill()
    child.wait(10)
    child.stdout.close()
    left = leftover_temps(tmp_path)
    assert len(left) == 1 and not list(tmp_path.glob("*.pfx"))
    write_backup(tmp_path, TestPKI().other(), "Wacht-Woord-12", kdf_rounds=FAST)
    assert leftover_temps(tmp_path) == []


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system (tmpfs), so a write really fails half way with ENOSPC."""
    mount = tmp_path / "stick"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
                          capture_output=True, check=False)  # fmt: skip
    if done.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_in_the_middle_of_the_write_leaves_nothing_and_exits_4(
    pki: TestPKI, small_disk: Path
) -> None:
    filler = small_disk / "vol.bin"
    with filler.open("wb") as out:
        try:
            out.write(b"\0" * (64 * 1024 - 2048))  # leave less than one backup's size
        except OSError:
            pass
    before = sorted(p.name for p in small_disk.iterdir())
    with pytest.raises(CertassistError) as caught:
        write_backup(small_disk, pki.other(), "Wacht-Woord-12", kdf_rounds=FAST)
    assert caught.value.exit_code == ExitCode.STORE
    cause = caught.value.__cause__
    assert isinstance(cause, OSError) and cause.errno == errno.ENOSPC
    assert sorted(p.name for p in small_disk.iterdir()) == before


def test_a_read_only_stick_exits_4_and_names_the_folder(pki: TestPKI, small_disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    with pytest.raises(CertassistError) as caught:
        write_backup(small_disk, pki.other(), "Wacht-Woord-12", kdf_rounds=FAST)
    assert caught.value.exit_code == ExitCode.STORE
    assert list(small_disk.iterdir()) == []


def test_fsync_failing_leaves_no_file_under_a_backup_name(
    pki: TestPKI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one fault a real file system here cannot be made to give: fsync reporting EIO."""

    def failing(fd: int) -> None:
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(fileio.os, "fsync", failing)
    with pytest.raises(CertassistError) as caught:
        write_backup(tmp_path, pki.other(), "Wacht-Woord-12", kdf_rounds=FAST)
    monkeypatch.undo()
    assert caught.value.message_id == "E-backup-write-failed"
    assert list(tmp_path.iterdir()) == []


def test_the_final_rename_never_replaces_a_file_that_appeared_meanwhile(tmp_path: Path) -> None:
    """Another PC on a share without locks took the name while this backup was being read
    back: the new file must not replace it (the folder lock alone cannot see that PC)."""
    target = tmp_path / "zelfde.pfx"

    def other_pc_takes_the_name(temp: Path) -> None:
        target.write_bytes(b"the other PC's backup")

    with pytest.raises(FileExistsError):
        fileio.atomic_write_bytes(target, b"ours", verify=other_pc_takes_the_name,
                                  overwrite=False)  # fmt: skip
    assert target.read_bytes() == b"the other PC's backup"
    assert leftover_temps(tmp_path) == []
