"""The operations on real NSS databases (what Firefox uses), checked with certutil.

End to end: back up from one profile, restore into a second one ("the other PC"), and a real
Firefox then logs in with it. Fault injection on real stores: every call fails in turn while
moving a certificate between two profiles, and certutil must still find it with its key.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, StoreEntry, StoreKind
from certassist.ops.backup import BackupOperation
from certassist.ops.base import Confirm, OpContext
from certassist.ops.copy import CopyOperation
from certassist.ops.install import open_certificate_file
from certassist.ops.restore import RestoreOperation
from certassist.stores.firefox_lock import running_error
from certassist.stores.nss import NssStore
from tests.e2e import nss_cli
from tests.e2e.browsers import run_firefox
from tests.e2e.conftest import LoginSite, login_server, login_site, need_firefox  # noqa: F401
from tests.e2e.tls_server import ClientCertServer
from tests.ops.conftest import ANNA, GOOD_PASSWORD, TODAY
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import key_lines, make_db, pk12_import

pytestmark = pytest.mark.usefixtures("nss_ready")


@pytest.fixture(scope="session")
def pki() -> TestPKI:
    """Session-wide here: the imported login-site fixtures need a session PKI."""
    return TestPKI(TODAY)


def _profile_with(folder: Path, bundle: Bundle) -> NssStore:
    make_db(folder)
    pk12_import(folder, pfx(bundle, GOOD_PASSWORD), GOOD_PASSWORD)
    return NssStore(folder, StoreKind.FIREFOX, label=folder.name)


@pytest.mark.browser
@pytest.mark.usefixtures("need_firefox")
def test_backup_on_one_pc_restore_on_the_other_and_firefox_logs_in(
    tmp_path: Path,
    pki: TestPKI,
    ctx: OpContext,
    login_site: LoginSite,  # noqa: F811
    login_server: ClientCertServer,  # noqa: F811
) -> None:
    bundle = pki.vecozo_personal(name=ANNA)
    pc1 = _profile_with(tmp_path / "pc1", bundle)
    usb = tmp_path / "usb"
    backup = BackupOperation(ctx, system_disk=lambda f: False)
    plan = backup.plan([(pc1, bundle.fingerprint)], usb, GOOD_PASSWORD, GOOD_PASSWORD)
    (path,) = backup.execute(plan, {Confirm.PROCEED: True}).paths

    pc2_dir = make_db(tmp_path / "pc2")
    pc2 = NssStore(pc2_dir, StoreKind.FIREFOX, label="pc2")
    restored = open_certificate_file(Path(path), None, lambda n: GOOD_PASSWORD)
    restore = RestoreOperation(ctx)
    result = restore.execute(
        restore.plan(restored, [pc2], path), {Confirm.PROCEED: True, Confirm.HOLDER: ANNA}
    )
    assert result.ok
    assert len(key_lines(pc2_dir)) == 1  # certutil sees the key

    nss_cli.trust_tls_ca(pc2_dir, login_site.tls_ca_pem)
    run = run_firefox(pc2_dir, login_server.url, home=tmp_path, stop_when=login_server.verdict())
    assert set(login_server.fingerprints) == {bundle.fingerprint}, (
        run.describe() + login_server.describe()
    )


def test_locked_firefox_profile_is_unavailable_and_nothing_changes(
    tmp_path: Path, pki: TestPKI, ctx: OpContext
) -> None:
    bundle = pki.issue("other")
    folder = make_db(tmp_path / "busy")
    lock = folder / ".parentlock"
    lock.touch()
    holder = "import fcntl,os,sys; fd=os.open(sys.argv[1],os.O_RDWR); fcntl.lockf(fd,fcntl.LOCK_EX)"
    holder += "; print('locked',flush=True); sys.stdin.read()"
    # Another process holds the lock, as a running Firefox does.
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(lock)], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    ) as firefox:
        assert firefox.stdout is not None and firefox.stdout.readline().strip() == b"locked"
        store = NssStore(
            folder, StoreKind.FIREFOX, label="busy",
            busy_check=lambda: running_error(folder, "default"),
        )  # fmt: skip
        plan = RestoreOperation(ctx).plan(bundle, [store], "b.pfx")
        assert [b.message_id for b in plan.blockers] == ["E-firefox-running"]
        with pytest.raises(CertassistError, match="E-firefox-running"):
            RestoreOperation(ctx).execute(plan, {Confirm.PROCEED: True})
        assert firefox.stdin is not None
        firefox.stdin.close()
    assert key_lines(folder) == []


class Failing:
    """A real store with one chosen call failing (the store does the real work otherwise)."""

    def __init__(self, inner: NssStore, counter: list[str], fail_at: int | None) -> None:
        self.inner, self.counter, self.fail_at = inner, counter, fail_at
        self.store_id, self.label, self.target = inner.store_id, inner.label, inner.target

    @property
    def available(self) -> bool:
        return self.inner.available

    @property
    def unavailable_reason(self) -> CertassistError | None:
        return self.inner.unavailable_reason

    def _tick(self, verb: str) -> None:
        self.counter.append(f"{self.label}.{verb}")
        if self.fail_at is not None and len(self.counter) - 1 == self.fail_at:
            raise OSError(f"injected at {verb}")

    def _call(self, verb: str, fn: Callable[[], object]) -> object:
        self._tick(verb)
        return fn()

    def list(self) -> list[StoreEntry]:
        return self._call("list", self.inner.list)  # type: ignore[return-value]

    def get(self, fingerprint: str) -> StoreEntry | None:
        return self._call("get", lambda: self.inner.get(fingerprint))  # type: ignore[return-value]

    def add(self, bundle: Bundle) -> StoreEntry:
        return self._call("add", lambda: self.inner.add(bundle))  # type: ignore[return-value]

    def export(self, fingerprint: str) -> Bundle:
        return self._call("export", lambda: self.inner.export(fingerprint))  # type: ignore[return-value]

    def remove(self, fingerprint: str) -> None:
        self._call("remove", lambda: self.inner.remove(fingerprint))


def test_move_between_real_profiles_with_every_call_failing_loses_nothing(
    tmp_path: Path, pki: TestPKI, ctx: OpContext
) -> None:
    bundle = pki.issue("other")

    def attempt(where: Path, fail_at: int | None) -> tuple[list[str], str, int]:
        calls: list[str] = []
        a = Failing(_profile_with(where / "a", bundle), calls, fail_at)
        b = Failing(NssStore(make_db(where / "b"), StoreKind.FIREFOX, label="b"), calls, fail_at)
        outcome = "ok"
        try:
            op = CopyOperation(ctx)
            op.execute(op.plan(a, bundle.fingerprint, [b], move=True), {Confirm.PROCEED: True})  # type: ignore[arg-type]
        except CertassistError as error:
            outcome = error.message_id
        keys = len(key_lines(where / "a")) + len(key_lines(where / "b"))
        return calls, outcome, keys

    calls, outcome, keys = attempt(tmp_path / "dry", None)
    assert outcome == "ok" and keys == 1 and key_lines(tmp_path / "dry" / "b")
    for index, call in enumerate(calls):
        _, outcome, keys = attempt(tmp_path / f"f{index}", index)
        assert keys >= 1, f"{call} failing lost the key ({outcome})"
        assert outcome != "ok", f"{call} failing was not reported"
