"""Build steps shared by `build.spec`, the Windows workflow and the tests: the version from its
one source, the Windows version resource, and the compiled Qt translations.

Why translations are compiled here: a checkout compiles them on demand into the user's cache
folder (`certassist.gui.i18n.qm_file`), but a PyInstaller bundle has no `pyside6-lrelease`. The
build compiles every `.ts` once and ships the `.qm` in `resources/i18n/` (without the `.ts`), where
`qm_file()` finds it. A build without its translations is broken, so a missing tool or a failed
compile stops the build instead of shipping a Dutch-only program silently.

    python installers/build_support.py version            # prints project.version
    python installers/build_support.py translations OUT   # compiles resources/i18n/*.ts to OUT
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "i18n"
VERSION_TEMPLATE = ROOT / "installers" / "version_info.txt"


def project_version(root: Path = ROOT) -> str:
    """`project.version` of pyproject.toml: the program, the bundle and the installer all use it."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for the Windows resource: "1.2.3" -> (1, 2, 3, 0); "1.2rc1" -> (1, 2, 0, 0)."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for char in part:
            if not char.isdigit():
                break
            digits += char
        numbers.append(int(digits or 0))
        if digits != part:
            break
    numbers += [0] * (4 - len(numbers))
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_info_text(version: str, template: Path = VERSION_TEMPLATE) -> str:
    """installers/version_info.txt with `{version}` and `{version_tuple}` filled in."""
    text = template.read_text(encoding="utf-8")
    numbers = ", ".join(str(n) for n in version_tuple(version))
    return text.replace("{version_tuple}", numbers).replace("{version}", version)


def lrelease() -> str:
    """pyside6-lrelease from PATH, or beside the running interpreter (venv bin/ or Scripts/)."""
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    here = Path(sys.executable).parent
    for folder in (here, here / "Scripts", here / "bin"):
        for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
            if (folder / name).is_file():
                return str(folder / name)
    raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials in this Python")


def compile_translations(out_dir: Path, ts_dir: Path = TS_DIR) -> list[Path]:
    """One `.qm` per `.ts`, named alike, in `out_dir`; returns them sorted."""
    sources = sorted(ts_dir.glob("*.ts"))
    if not sources:
        raise SystemExit(f"no translations (*.ts) in {ts_dir}")
    tool = lrelease()
    out_dir.mkdir(parents=True, exist_ok=True)
    compiled: list[Path] = []
    for source in sources:
        target = out_dir / source.with_suffix(".qm").name
        done = subprocess.run(  # noqa: S603 - argv list, no shell
            [tool, str(source), "-qm", str(target)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0 or not target.is_file() or target.stat().st_size == 0:
            raise SystemExit(f"lrelease failed for {source.name}:\n{done.stdout}{done.stderr}")
        compiled.append(target)
    return compiled


# What the frozen folder does not need (dest names in PyInstaller's TOC, "/"-separated, lower
# case). The app loads none of Qt's own translations (its texts are certassist_*.qm; only
# Dutch is kept, for a future translator of Qt's dialogs); it opens no network connection
# (QtNetwork with its TLS and network-information plugins); on Linux it needs the X11 and
# offscreen platforms, not Wayland's client (Qt falls back to X11/XWayland), the embedded
# (eglfs, linuxfb, vnc, vkkhrdisplay) ones, evdev input or the GTK theme plugin, which alone
# pulls in GTK 3, GDK, ATK, cairo and pango.
DEAD_WEIGHT = re.compile(
    r"""^pyside6/qt/translations/(?!qtbase_nl\.|qt_nl\.)
      | ^pyside6/qtnetwork\.
      | /plugins/(tls|networkinformation|generic|egldeviceintegrations)/
      | /plugins/wayland-
      | /plugins/platforms/(lib)?q(wayland|eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)
      | /plugins/platformthemes/(lib)?qgtk3
    """,
    re.X,
)
_PLAIN_LIBRARY = re.compile(r"^lib.*\.so(\.\d+)*$")


def drop_dead_weight(
    binaries: list[tuple[str, str, str]],
    datas: list[tuple[str, str, str]],
    platform: str = sys.platform,
    imports: Callable[[str], Iterable[str]] | None = None,
) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """PyInstaller's TOCs (dest, source, typecode) without DEAD_WEIGHT, and on Linux without the
    shared libraries nothing left needs any more (the GTK stack after the GTK theme plugin).

    Only Linux libraries are pruned by their links (DT_NEEDED, `imports(source)` -> names): a
    Windows DLL can be loaded by name at run time (Qt does so), and a wrong guess there could
    not be seen before a user's PC. Every Python extension, plugin and libpython is a root.
    """

    def dead(dest: str) -> bool:
        return bool(DEAD_WEIGHT.search(dest.replace("\\", "/").lower()))

    binaries = [entry for entry in binaries if not dead(entry[0])]
    datas = [entry for entry in datas if not dead(entry[0])]
    if not platform.startswith("linux"):
        return binaries, datas
    if imports is None:
        from PyInstaller.depend.bindepend import get_imports

        def imports(source: str) -> Iterable[str]:
            return [PurePosixPath(name).name for name, _ in get_imports(source)]

    def is_library(dest: str) -> bool:
        name = PurePosixPath(dest).name
        return (
            bool(_PLAIN_LIBRARY.match(name)) and "/plugins/" not in dest and "libpython" not in name
        )

    libraries = {
        PurePosixPath(d).name: (d, s) for d, s, t in binaries if t != "SYMLINK" and is_library(d)
    }
    queue = [s for d, s, t in binaries if t != "SYMLINK" and not is_library(d)]
    kept: set[str] = set()
    while queue:
        for name in imports(queue.pop()):
            if name in libraries and name not in kept:
                kept.add(name)
                queue.append(libraries[name][1])

    def needed(entry: tuple[str, str, str]) -> bool:
        return not is_library(entry[0]) or PurePosixPath(entry[0]).name in kept

    # SYMLINK entries (a library's short name beside it) go with their library.
    datas = [entry for entry in datas if entry[2] != "SYMLINK" or needed(entry)]
    return [entry for entry in binaries if needed(entry)], datas


def main(argv: list[str]) -> int:
    if argv == ["version"]:
        print(project_version())
        return 0
    if len(argv) == 2 and argv[0] == "translations":
        for path in compile_translations(Path(argv[1])):
            print(path)
        return 0
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
