"""certassist and its dependencies import on a real win32 CPython, native parts included."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import pytest

import certassist
from tests.windows_smoke.wine import not_covered, under_wine

# Need PySide6, which does not load under Wine; real Windows imports them too.
QT_PACKAGES = ("certassist.gui",)


def certassist_modules() -> list[str]:
    names = [
        info.name
        for info in pkgutil.walk_packages(certassist.__path__, "certassist.")
        if not info.name.startswith(QT_PACKAGES) and info.name != "certassist.__main__"
    ]
    assert len(names) > 60, names  # the walk found the package, not an empty folder
    return sorted(names)


@pytest.mark.parametrize("name", certassist_modules())
def test_every_module_imports(name: str) -> None:
    importlib.import_module(name)


def test_the_gui_imports() -> None:
    if under_wine():
        pytest.skip(not_covered("PySide6 (Qt6Core.dll)"))
    importlib.import_module("certassist.gui.app")


def test_cryptography_native_parts_work() -> None:
    """The Rust part (bcryptprimitives!ProcessPrng for randomness) and OpenSSL inside it."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    signature = key.sign(b"certassist", ec.ECDSA(hashes.SHA256()))
    key.public_key().verify(signature, b"certassist", ec.ECDSA(hashes.SHA256()))


def test_keyring_uses_the_windows_credential_manager() -> None:
    import keyring.backends.Windows

    assert keyring.backends.Windows.WinVaultKeyring.priority > 0  # viable: pywin32-ctypes loads


def test_this_is_windows_cpython() -> None:
    assert sys.platform == "win32" and sys.maxsize > 2**32
