"""build.spec leaves out what the app does not use (installers/build_support.drop_dead_weight):
Qt translations other than Dutch, QtNetwork, Wayland, the embedded platforms and the GTK theme
plugin, and on Linux the libraries only those needed. What the app needs stays."""

from __future__ import annotations

from collections.abc import Iterable

from tests.installers.test_installer_script import build_support

QT = "PySide6/Qt"
BINARIES = [
    ("PySide6/QtCore.abi3.so", "/src/QtCore.abi3.so", "EXTENSION"),
    ("PySide6/QtNetwork.abi3.so", "/src/QtNetwork.abi3.so", "EXTENSION"),
    (f"{QT}/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
    (f"{QT}/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
    (f"{QT}/lib/libQt6Network.so.6", "/src/libQt6Network.so.6", "BINARY"),
    ("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
    ("libQt6Network.so.6", f"{QT}/lib/libQt6Network.so.6", "SYMLINK"),
    (f"{QT}/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    (f"{QT}/plugins/platforms/libqoffscreen.so", "/src/libqoffscreen.so", "BINARY"),
    (f"{QT}/plugins/platforms/libqwayland.so", "/src/libqwayland.so", "BINARY"),
    (f"{QT}/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
    (f"{QT}/plugins/tls/libqopensslbackend.so", "/src/libqopensslbackend.so", "BINARY"),
    ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
    ("libxcb.so.1", "/src/libxcb.so.1", "BINARY"),
    ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
]
DATAS = [
    (f"{QT}/translations/qtbase_nl.qm", "/src/qtbase_nl.qm", "DATA"),
    (f"{QT}/translations/qtbase_de.qm", "/src/qtbase_de.qm", "DATA"),
    (f"{QT}/translations/qt_help_nl.qm", "/src/qt_help_nl.qm", "DATA"),
    ("certassist/resources/i18n/certassist_en.qm", "/src/certassist_en.qm", "DATA"),
]
LINKS = {
    "/src/QtCore.abi3.so": ["libQt6Core.so.6"],
    "/src/libQt6Core.so.6": ["libicuuc.so.73"],
    "/src/libqxcb.so": ["libQt6Core.so.6", "libxcb.so.1"],
    "/src/libqgtk3.so": ["libgtk-3.so.0"],
    "/src/libQt6Network.so.6": ["libQt6Core.so.6"],
}


def imports(source: str) -> Iterable[str]:
    return LINKS.get(source, [])


def dests(toc: list[tuple[str, str, str]]) -> set[str]:
    return {d for d, _, _ in toc}


def test_linux_keeps_what_the_app_links_and_drops_the_rest() -> None:
    binaries, datas = build_support().drop_dead_weight(BINARIES, DATAS, "linux", imports)
    kept = dests(binaries)
    assert {
        "PySide6/QtCore.abi3.so",
        f"{QT}/lib/libQt6Core.so.6",
        f"{QT}/lib/libicuuc.so.73",  # needed by QtCore, not by name
        "libQt6Core.so.6",  # the symlink beside it
        f"{QT}/plugins/platforms/libqxcb.so",
        f"{QT}/plugins/platforms/libqoffscreen.so",
        "libxcb.so.1",  # needed by the xcb plugin
        "libpython3.11.so.1.0",
    } <= kept
    assert not kept & {
        "PySide6/QtNetwork.abi3.so",
        f"{QT}/lib/libQt6Network.so.6",
        "libQt6Network.so.6",
        f"{QT}/plugins/platforms/libqwayland.so",
        f"{QT}/plugins/platformthemes/libqgtk3.so",
        f"{QT}/plugins/tls/libqopensslbackend.so",
        "libgtk-3.so.0",  # only the GTK theme plugin needed it
    }
    assert dests(datas) == {
        f"{QT}/translations/qtbase_nl.qm",
        "certassist/resources/i18n/certassist_en.qm",
    }


def test_windows_drops_only_by_name() -> None:
    """A DLL can be loaded by name at run time on Windows: nothing is pruned by its links."""
    windows = [(d.replace("/", "\\"), s, t) for d, s, t in BINARIES]
    binaries, _ = build_support().drop_dead_weight(windows, DATAS, "win32", imports)
    kept = {d.replace("\\", "/") for d in dests(binaries)}
    assert "libgtk-3.so.0" in kept and f"{QT}/lib/libicuuc.so.73" in kept
    assert "PySide6/QtNetwork.abi3.so" not in kept
    assert f"{QT}/plugins/platforms/libqwayland.so" not in kept
