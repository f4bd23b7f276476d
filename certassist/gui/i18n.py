"""Language of the GUI: Dutch source strings, English through a Qt translation.

The source texts in the code are Dutch (the users' language), so Dutch needs no translation
file; English comes from `resources/i18n/certassist_en.ts`, compiled to `.qm` with
`pyside6-lrelease`. Compiled files are build products and are not committed: `qm_file()` uses a
shipped `.qm` when it is newer than its `.ts` (installer builds) and otherwise compiles one into
the user's cache folder (checkouts, tests).

Texts from the core and the operations (rules' verdicts, errors) come from the message catalog
in the same language (`certassist.core.messages.render(id, lang)`).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from certassist.core.resources import cache_dir, resources_dir

LANGUAGES = ("nl", "en")
_installed: list[QTranslator] = []  # Qt does not own translators; keep them alive here


def translate(context: str, text: str) -> str:
    """The one translation call; `pyside6-lupdate` extracts `translate("ctx", "literal")`."""
    return QCoreApplication.translate(context, text)


def choose_language(requested: str | None) -> str:
    """--lang wins, then CERTASSIST_LANG, then the OS locale; Dutch when in doubt."""
    if requested in LANGUAGES:
        return str(requested)
    env = os.environ.get("CERTASSIST_LANG", "")
    if env in LANGUAGES:
        return env
    system = QLocale.system().name()  # e.g. "en_GB", "nl_NL", "C"
    return "en" if system.startswith("en") else "nl"


def ts_file(lang: str) -> Path:
    return resources_dir() / "i18n" / f"certassist_{lang}.ts"


def _lrelease() -> str | None:
    return qt_tool("pyside6-lrelease")


def qt_tool(name: str) -> str | None:
    """A PySide6 command-line tool: on PATH, else in this Python's scripts folder.

    The scripts folder is `bin` beside python in a Linux venv but `Scripts` under a Windows
    Python, so `sys.executable`'s own folder is not enough.
    """
    import shutil
    import sysconfig

    found = shutil.which(name)
    if found:
        return found
    for folder in (Path(sysconfig.get_path("scripts")), Path(sys.executable).parent):
        found = shutil.which(name, path=str(folder))
        if found:
            return found
    return None


def qm_file(lang: str) -> Path | None:
    """A compiled translation for `lang` that is not older than its source, or None."""
    source = ts_file(lang)
    shipped = source.with_suffix(".qm")
    if not source.exists():
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    cached = cache_dir() / "i18n" / shipped.name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    tool = _lrelease()
    if tool is None:
        return None
    import subprocess  # only when a translation must be compiled (not on every start)

    cached.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [tool, str(source), "-qm", str(cached)], capture_output=True, text=True, check=False
    )
    return cached if result.returncode == 0 and cached.exists() else None


def install_language(lang: str) -> bool:
    """Switch the running application's translation; True when `lang` is fully available."""
    from certassist.core.messages import set_language

    set_language(lang)  # texts from the core (store labels, rule texts) follow the GUI
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Dutch if lang == "nl" else QLocale.Language.English,
            QLocale.Country.Netherlands if lang == "nl" else QLocale.Country.UnitedKingdom,
        )
    )
    if lang == "nl":
        return True
    path = qm_file(lang)
    if path is None or app is None:
        return False
    translator = QTranslator()
    if not translator.load(str(path)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True


def format_date(day: date, lang: str) -> str:
    """28-11-2026 in Dutch, 28 Nov 2026 in English: the CLI's and the catalog's own format."""
    from certassist.core.names import format_day

    return format_day(day, lang)


def days_left_text(days: int) -> str:
    """'nog 23 dagen', 'vandaag verlopen', 'verlopen sinds 5 dagen'."""
    if days > 1:
        return translate("Dates", "nog {n} dagen").format(n=days)
    if days == 1:
        return translate("Dates", "nog 1 dag")
    if days == 0:
        return translate("Dates", "verloopt vandaag")
    if days == -1:
        return translate("Dates", "1 dag geleden verlopen")
    return translate("Dates", "{n} dagen geleden verlopen").format(n=-days)
