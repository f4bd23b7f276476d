"""Whether this win32 CPython runs under Wine, and what Wine cannot prove.

The win32 smoke run (scripts/win32_smoke.sh) runs tests/windows_smoke with python.org's Windows
CPython under Wine. Wine is a second implementation of the Windows API, not Windows: a call it
stubs or gets wrong says nothing about Windows. Those calls are listed here, the tests that
depend on them are skipped under Wine with this text, and the run's header and summary say
"not Windows coverage", so a green Wine run is never read as proof for Windows. The Windows
workflows (.github/workflows/windows.yml and build-windows.yml) run them on real Windows.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

# call -> what Wine 8 does instead of what Windows does (checked on Debian 12, Wine 8.0).
NOT_COVERED_BY_WINE: dict[str, str] = {
    "crypt32!PFXExportCertStoreEx": "a stub: export and the 'exportable' probe always fail",
    "crypt32!CertDeleteCertificateFromStore": (
        "on a system store it persists only after CertControlStore(COMMIT)"
    ),
    "crypt32!PFXImportCertStore(provider info)": (
        "every certificate of the file gets the key's provider info, not only the leaf"
    ),
    "crypt32!PFXImportCertStore(wrong password)": "0x80092004 instead of ERROR_INVALID_PASSWORD",
    "crypt32!CertOpenStore(CurrentUser MY)": "also lists LocalMachine's certificates",
    "ncrypt!NCryptOpenKey": "a stub: deleting a CNG key container cannot be shown",
    "advapi32!CryptAcquireContextW(CRYPT_DELETEKEYSET)": "legacy key deletion is not checked",
    "shell32!IsUserAnAdmin": "always TRUE: the not-elevated LocalMachine path cannot be shown",
    "schtasks.exe /Create /TR, /Query": "not implemented: the reminder task cannot be made",
    "user32!MessageBoxW": "needs a desktop; the reminder's notice is not shown here",
    "nss3.dll (Firefox for Windows)": "no Windows Firefox here: NSS on Windows is not loaded",
    "PySide6 (Qt6Core.dll)": "does not load (needs Windows' icuuc.dll): no GUI under Wine",
}


@cache
def under_wine() -> bool:
    """True on Wine (ntdll exports wine_get_version), False on Windows and elsewhere."""
    if sys.platform != "win32":
        return False
    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


def wine_version() -> str:
    ntdll = ctypes.WinDLL("ntdll")
    ntdll.wine_get_version.restype = ctypes.c_char_p
    return str(ntdll.wine_get_version().decode())


def not_covered(*calls: str) -> str:
    """The skip reason for a test that needs these calls to behave like Windows."""
    unknown = [c for c in calls if c not in NOT_COVERED_BY_WINE]
    if unknown:
        raise KeyError(f"not in NOT_COVERED_BY_WINE: {unknown}")
    details = "; ".join(f"{c}: {NOT_COVERED_BY_WINE[c]}" for c in calls)
    return f"not covered by Wine ({details}); runs in the Windows workflow"
