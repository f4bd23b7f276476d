"""installers/certassist.iss compiled by Inno Setup's ISCC.exe and installed under Wine.

Runs on Linux, driving Wine (marker `wine_host`), only from scripts/win32_smoke.sh, which sets
CERTASSIST_WINE_HOME to the environment scripts/wine/setup.sh prepared. The Windows freeze
cannot be made here (PySide6 does not load under Wine), so the installer packs a stand-in
folder with the frozen folder's layout: certassist.exe and certassist-cli.exe (small launchers,
scripts/wine/launcher.c) and _internal/ holding Windows CPython with this checkout's wheel. The
stand-in programs answer like the real ones, so the installed app is run for real.

Wine cannot show the reminder task (schtasks lacks /TR and /Query): the installer's
`reminders enable` fails there without failing the install, which is what Windows does with a
failing [Run] entry too; the Windows workflow checks the task itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.packaging.build import build_wheel
from tests.pki import TestPKI, pfx

pytestmark = [pytest.mark.wine_host, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
WINE_HOME = Path(os.environ.get("CERTASSIST_WINE_HOME", "/nonexistent"))
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
PASSWORD = "Lente-Regen-2026!"

if sys.platform == "win32":
    pytest.skip("drives Wine from Linux", allow_module_level=True)
if not (WINE_HOME / "ready").is_file():
    pytest.skip(
        "needs the Wine environment of scripts/win32_smoke.sh (CERTASSIST_WINE_HOME)",
        allow_module_level=True,
    )

# Wine links the prefix's user folders (Documents, ...) to the home it was made with; the
# suite's conftest gives each test another HOME, so keep the one of the collection.
HOME = os.environ.get("HOME", "/root")
PREFIX = WINE_HOME / "prefix"
DRIVE_C = PREFIX / "drive_c"


def win(path: Path) -> str:
    """The Windows name of a Linux path (Wine's Z: drive)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def wine(*argv: str, display: bool = False, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "WINEPREFIX": str(PREFIX),
        "WINEARCH": "win64",
        "WINEDEBUG": "-all",
        "WINEDLLOVERRIDES": "mscoree,mshtml=;wbemprox=d;bcryptprimitives=n,b",
        "HOME": HOME,
    }
    command = ["wine", *argv]
    if display:
        command = ["xvfb-run", "-a", *command]
    done = subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
        check=False,
    )
    subprocess.run(["wineserver", "-w"], env=env, timeout=timeout, check=False)
    return done


@pytest.fixture(scope="module")
def standin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder laid out like dist/certassist, with this checkout's wheel inside."""
    base = tmp_path_factory.mktemp("standin")
    bundle = base / "certassist"
    internal = bundle / "_internal"
    shutil.copytree(
        WINE_HOME / "python",
        internal / "python",
        ignore=shutil.ignore_patterns("__pycache__", "pytest*", "_pytest", "pygments*"),
    )
    for name in ("certassist.exe", "certassist-cli.exe"):
        shutil.copy2(WINE_HOME / "launcher" / name, bundle / name)
    wheel = build_wheel(base / "wheel")
    site = internal / "python" / "Lib" / "site-packages"
    shutil.unpack_archive(wheel, site, "zip")  # a wheel is a zip laid out for site-packages
    return bundle


@pytest.fixture(scope="module")
def setup_exe(standin: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("installer")
    iscc = WINE_HOME / "innosetup" / "package" / "bin" / "ISCC.exe"
    done = wine(
        str(iscc),
        "/Q",
        f"/DAppVersion={VERSION}",
        f"/DBundleDir={win(standin)}",
        f"/DOutputDir={win(out)}",
        win(ROOT / "installers" / "certassist.iss"),
    )
    setup = out / f"certassist-{VERSION}-setup.exe"
    assert done.returncode == 0 and setup.is_file(), done.stdout + done.stderr
    print(f"installer: {setup.stat().st_size / 1e6:.1f} MB (stand-in folder)")
    return setup


def installed_program(app: Path, name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return wine(str(app / name), *args)


def wine_python(code: str) -> subprocess.CompletedProcess[str]:
    """Wine's Windows CPython with this checkout first on its path."""
    prelude = f"import sys; sys.path.insert(0, r'{win(ROOT)}')\n"
    return wine(str(WINE_HOME / "python" / "python.exe"), "-c", prelude + code)


def store_has(fingerprint: str) -> bool:
    done = wine_python(
        "from certassist.stores.windows_api import RealCrypt32\n"
        f"sys.exit(0 if RealCrypt32().contains('user', '{fingerprint}') else 3)"
    )
    assert done.returncode in (0, 3), done.stderr
    return done.returncode == 0


def import_into_store(path: Path) -> None:
    done = wine_python(
        "from certassist.stores.windows_api import RealCrypt32, CRYPT_EXPORTABLE, "
        "CRYPT_USER_KEYSET\n"
        "api = RealCrypt32()\n"
        "api._c.CertCloseStore(api._open('user', readonly=False), 0)  # a new prefix has no MY\n"
        f"data = open(r'{win(path)}', 'rb').read()\n"
        f"api.import_pfx('user', data, '{PASSWORD}', CRYPT_EXPORTABLE | CRYPT_USER_KEYSET)"
    )
    assert done.returncode == 0, done.stderr


def test_all_users_install_runs_and_uninstall_leaves_certificates_and_backups(
    setup_exe: Path, tmp_path: Path
) -> None:
    app = DRIVE_C / "Program Files" / "certassist"
    if app.exists():  # an earlier, interrupted run
        wine(str(app / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", display=True)
    log = tmp_path / "setup.log"
    done = wine(
        str(setup_exe),
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/ALLUSERS",
        "/TASKS=reminders",
        f"/LOG={win(log)}",
        display=True,
    )
    setup_log = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    assert done.returncode == 0, setup_log[-3000:]
    # Files where the script puts them.
    for name in ("certassist.exe", "certassist-cli.exe", "unins000.exe"):
        assert (app / name).is_file(), name
    assert (app / "_internal" / "python" / "python.exe").is_file()
    shortcuts = list(DRIVE_C.glob("ProgramData/Microsoft/Windows/Start Menu/Programs/certassist*"))
    assert shortcuts, "no Start-menu shortcut for all users"
    # The installed programs run.
    for name in ("certassist-cli.exe", "certassist.exe"):
        version = installed_program(app, name, "--version")
        assert version.returncode == 0, version.stderr
        if name == "certassist-cli.exe":  # the windowed one has no console to print to
            assert version.stdout.strip() == f"certassist {VERSION}"
    person = TestPKI().vecozo_personal(name="José Ünal-Çelik")
    path = tmp_path / "josé.pfx"
    path.write_bytes(pfx(person, PASSWORD))
    # The password through a Windows pipe: Wine cannot hand a Linux pipe or file to a
    # Windows program as its stdin (CPython then fails in init_sys_streams).
    cli = win(app / "certassist-cli.exe")
    inspect = wine_python(
        "import subprocess\n"
        f"done = subprocess.run([r'{cli}', 'inspect', r'{win(path)}', '--json', "
        f"'--password-stdin'], input=b'{PASSWORD}\\n', capture_output=True)\n"
        "sys.stdout.buffer.write(done.stdout); sys.stderr.buffer.write(done.stderr)\n"
        "sys.exit(done.returncode)"
    )
    assert inspect.returncode == 0, inspect.stderr
    data = json.loads(inspect.stdout)
    assert data["kind"] == "vecozo-personal" and data["holder"] == "José Ünal-Çelik"
    # What the user owns: a certificate in the store, backups, settings and records.
    import_into_store(path)
    assert store_has(person.fingerprint)
    user_dirs = sorted((DRIVE_C / "users").glob("*/AppData/Roaming"))
    assert user_dirs, "no Wine user profile"
    backups = DRIVE_C / "certassist-back-ups"  # as on a USB stick: nothing the installer made
    backups.mkdir(parents=True, exist_ok=True)
    (backups / "josé.pfx").write_bytes(path.read_bytes())
    data_dir = user_dirs[0] / "certassist"
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "kept.json").write_text("{}", encoding="utf-8")
    # Uninstall.
    done = wine(str(app / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", display=True)
    assert done.returncode == 0, done.stderr
    assert not (app / "certassist.exe").exists() and not (app / "_internal").exists()
    assert not list(DRIVE_C.glob("ProgramData/Microsoft/Windows/Start Menu/Programs/certassist*"))
    assert store_has(person.fingerprint), "uninstalling removed a certificate"
    assert (backups / "josé.pfx").read_bytes() == path.read_bytes()
    assert (data_dir / "kept.json").is_file()


def test_per_user_install_goes_to_local_appdata_programs(setup_exe: Path, tmp_path: Path) -> None:
    """The default for staff without admin rights: %LOCALAPPDATA%\\Programs\\certassist."""
    (local,) = list((DRIVE_C / "users").glob("*/AppData/Local"))[:1]
    app = local / "Programs" / "certassist"
    log = tmp_path / "setup.log"
    done = wine(
        str(setup_exe),
        "/VERYSILENT",
        "/SUPPRESSMSGBOXES",
        "/CURRENTUSER",
        f"/LOG={win(log)}",
        display=True,
    )
    setup_log = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    assert done.returncode == 0, setup_log[-3000:]
    assert (app / "certassist-cli.exe").is_file(), setup_log[-3000:]
    version = wine(str(app / "certassist-cli.exe"), "--version")
    assert version.stdout.strip() == f"certassist {VERSION}", version.stderr
    done = wine(str(app / "unins000.exe"), "/VERYSILENT", "/SUPPRESSMSGBOXES", display=True)
    assert done.returncode == 0, done.stderr
    assert not (app / "certassist-cli.exe").exists()
