"""Issue 4's yardstick: list 500 certificates (with classification) and import one PFX
(2,000 PBKDF2 iterations, as Windows writes them), certassist against `certutil -L` and
`pk12util -i` on the same data.

Run: `python benchmarks/bench_nss_scale.py [repeats]`. Two views, both as ratios:
- whole process: `certassist list --json` / `certassist install … --yes` as a user runs them,
  against the tool's whole run (goal: within 150 ms of the tool);
- NSS work alone: the in-process time after the interpreter has started and imported certassist
  (NssStore.list + classification / read + NssStore.add), against the tool's whole run
  (goal: at most 1.2x).

The whole-process runs use certassist as a user has it installed: the checkout and this venv's
packages on a plain path, without the hook a development (`pip install -e`) install runs at
every interpreter start (10-18 ms here, paid by no installed copy or frozen .exe).
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import sysconfig
import tempfile
import venv
from collections.abc import Callable
from datetime import date
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import ec

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_nss import median_ms  # noqa: E402 - the same timing as the small benchmark

from certassist.core.classify import describe  # noqa: E402
from certassist.core.models import Bundle  # noqa: E402
from certassist.core.reading import read_certificate_file  # noqa: E402
from certassist.demo.pki import TestPKI, pem, pfx  # noqa: E402
from certassist.stores.nss import NssStore  # noqa: E402

COUNT = 500
PASSWORD = "Bench-Wachtwoord-2026"


def run(args: list[str | Path], stdin: str = "", env: dict[str, str] | None = None) -> None:
    subprocess.run(
        [str(a) for a in args], input=stdin.encode(), check=True, capture_output=True,
        timeout=300, env=env,
    )  # fmt: skip


def certificates(pki: TestPKI) -> list[Bundle]:
    """500 certificates of every kind; one shared EC public key keeps set-up fast."""
    public = ec.generate_private_key(ec.SECP256R1()).public_key()
    makers: list[Callable[[int], Bundle]] = [
        lambda i: pki.vecozo_personal(name=f"Medewerker {i:03d}", public_key=public),
        lambda i: pki.vecozo_system(practice=f"Praktijk {i:03d} (VERZONNEN)", public_key=public),
        lambda i: pki.uzi_server(host=f"portaal{i:03d}.example", public_key=public),
        lambda i: pki.other(common_name=f"Overig {i:03d} (VERZONNEN)", public_key=public),
    ]
    return [makers[i % len(makers)](i) for i in range(COUNT)]


def installed_python(folder: Path) -> Path:
    """An interpreter that sees certassist and its packages as a regular install would."""
    venv.EnvBuilder(with_pip=False, symlinks=os.name != "nt").create(folder)
    python = folder / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    # Plain path lines: a .pth in a folder added this way is not run, so no editable hook.
    paths = [str(ROOT), sysconfig.get_paths()["purelib"]]
    (Path(purelib) / "certassist-bench.pth").write_text("\n".join(paths) + "\n")
    return python


def new_db(folder: Path) -> Path:
    folder.mkdir(parents=True)
    run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"])
    return folder


def fill(db: Path, bundles: list[Bundle], work: Path) -> None:
    for i, bundle in enumerate(bundles):
        path = work / f"c{i}.pem"
        path.write_bytes(pem(bundle))
        run(["certutil", "-A", "-d", f"sql:{db}", "-n", f"cert {i:03d}", "-t", ",,", "-i", path])


def main(repeats: int) -> None:
    pki = TestPKI(date.today())
    rows: list[tuple[str, float, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        home = base / "home"
        db = new_db(home / ".pki" / "nssdb")
        work = base / "work"
        work.mkdir()
        fill(db, certificates(pki), work)
        # The set-up's thousands of objects are not certassist's: keep the garbage collector
        # from re-scanning them during the timed in-process runs.
        gc.collect()
        gc.freeze()
        # An installed certassist has compiled bytecode; so does the run measured here.
        run([sys.executable, "-m", "compileall", "-q", str(ROOT / "certassist")])
        env = {**os.environ, "HOME": str(home), "CERTASSIST_STORES": "nssdb"}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["XDG_CONFIG_HOME"] = str(home / ".config")
        env["XDG_DATA_HOME"] = str(home / ".local" / "share")

        def nothing() -> None:
            return None

        tool = median_ms(lambda: run(["certutil", "-L", "-d", f"sql:{db}"]), nothing, repeats)

        def listed() -> None:
            entries = NssStore(db, label="bench").list()
            assert len(entries) >= COUNT
            for entry in entries:
                describe(entry.certificate)

        listed()  # load the library once, as a running app has
        rows.append(("list 500 + classify, NSS work", median_ms(listed, nothing, repeats), tool,
                     "certutil -L"))  # fmt: skip
        python = installed_python(base / "venv")
        cli = [python, "-m", "certassist", "list", "--json"]
        whole = median_ms(lambda: run(cli, env=env), nothing, repeats)
        rows.append(("list 500, whole process", whole, tool, "certutil -L"))

        bundle = pki.vecozo_personal(name="Anna de Vries")
        p12 = base / "anna.pfx"
        p12.write_bytes(pfx(bundle, PASSWORD, "aes", iterations=2000))
        counter = iter(range(100_000))
        state: dict[str, Path] = {}

        def fresh() -> None:
            state["db"] = new_db(base / f"import{next(counter)}")

        tool = median_ms(
            lambda: run(["pk12util", "-i", p12, "-d", f"sql:{state['db']}", "-W", PASSWORD,
                         "-K", ""]),
            fresh, repeats,
        )  # fmt: skip

        def imported() -> None:
            NssStore(state["db"]).add(read_certificate_file(p12, PASSWORD))

        rows.append(("import PFX, NSS work", median_ms(imported, fresh, repeats), tool,
                     "pk12util -i"))  # fmt: skip
        install = [python, "-m", "certassist", "install", str(p12), "--yes",
                   "--password-stdin", "--i-am", "Anna de Vries", "--json"]  # fmt: skip
        whole = median_ms(
            lambda: run([*install, "--nss-db", state["db"]], stdin=PASSWORD + "\n", env=env),
            fresh, repeats,
        )  # fmt: skip
        rows.append(("import PFX, whole process", whole, tool, "pk12util -i"))
        # What any Python program that reads certificates with cryptography pays at start.
        floor = [python, "-c", "from cryptography import x509; import dataclasses, ctypes"]
        rows.append(("(Python + cryptography start)", median_ms(lambda: run(floor), nothing,
                     repeats), tool, "pk12util -i"))  # fmt: skip

    print(f"NSS at scale, median of {repeats} runs (ms); {COUNT} certificates")
    print(f"{'operation':<32} {'certassist':>10} {'tool':>8} {'ratio':>6} {'diff':>7}  tool")
    for name, ours, tool_ms, tool_name in rows:
        print(
            f"{name:<32} {ours:>10.1f} {tool_ms:>8.1f} {ours / tool_ms:>6.2f} "
            f"{ours - tool_ms:>+7.1f}  {tool_name}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
