"""The ctypes layer: where NSS is looked for, struct layout, sessions that refuse to nest."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.stores import nss_lib
from certassist.stores import nss_structs as st
from certassist.stores.nss_lib import NssLibraryMissing, load_nss
from certassist.stores.nss_paths import (
    LINUX_LIBRARIES,
    WINDOWS_LIBRARIES,
    library_candidates,
    windows_firefox_dirs,
)
from certassist.stores.nss_session import NssSession
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import pk12_import, run_tool

WINDOWS_ENV = {
    "ProgramFiles": "C:\\Program Files",
    "ProgramW6432": "C:\\Program Files",
    "ProgramFiles(x86)": "C:\\Program Files (x86)",
    "LOCALAPPDATA": "C:\\Users\\anna\\AppData\\Local",
}


def test_windows_registry_dirs_come_first_without_duplicates() -> None:
    registry = ["D:\\Apps\\Firefox", "C:\\PROGRAM FILES\\Mozilla Firefox"]
    dirs = [str(d) for d in windows_firefox_dirs(registry, WINDOWS_ENV)]
    assert dirs[0] == str(Path("D:\\Apps\\Firefox"))
    lowered = [d.lower() for d in dirs]
    assert len(lowered) == len(set(lowered))  # Program Files listed once
    assert str(Path("C:\\Program Files (x86)") / "Mozilla Firefox") in dirs
    assert str(Path("C:\\Users\\anna\\AppData\\Local") / "Mozilla Firefox") in dirs


def test_windows_candidates_load_nss3_dll_from_firefox() -> None:
    candidates = library_candidates("win32", WINDOWS_ENV, ["E:\\Firefox"])
    assert candidates[0] == (Path("E:\\Firefox"), ("nss3.dll",))
    assert all(names == ("nss3.dll",) for _, names in candidates)
    override = library_candidates("win32", {**WINDOWS_ENV, "CERTASSIST_NSS_DIR": "F:\\fx"})
    assert override == [(Path("F:\\fx"), ("nss3.dll",))]


def test_linux_uses_the_loader_search_unless_overridden() -> None:
    assert library_candidates("linux", {}) == [(None, LINUX_LIBRARIES)]
    assert library_candidates("linux", {"CERTASSIST_NSS_DIR": "/opt/nss"}) == [
        (Path("/opt/nss"), LINUX_LIBRARIES)
    ]


def test_missing_library_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(NssLibraryMissing) as err:
        load_nss((tmp_path,))
    assert str(tmp_path) in err.value.detail


@pytest.mark.skipif(ctypes.sizeof(ctypes.c_void_p) != 8 or sys.platform == "win32", reason="LP64")
def test_struct_offsets_match_nss_on_64_bit_linux() -> None:
    # measured against Debian's NSS 3.87
    assert ctypes.sizeof(st.SECItem) == 24
    assert st.CERTCertificate.derCert.offset == 120
    assert st.CERTCertificate.nickname.offset == 648


def test_nested_session_is_refused_not_mixed(empty_db: Path, tmp_path: Path) -> None:
    lib = load_nss()
    other = tmp_path / "other"
    other.mkdir()
    with NssSession(lib, empty_db) as outer:
        with pytest.raises(CertassistError) as err, NssSession(lib, other, read_only=False):
            pass
        assert err.value.message_id == "E-nss-in-use"
        assert outer.certs() == []
    assert not lib.is_initialized()
    assert not (other / "cert9.db").exists()  # the refused session created nothing


def test_every_reference_is_freed_after_an_error_inside(empty_db: Path, pki: TestPKI) -> None:
    pk12_import(empty_db, pfx(pki.other(), "pw"), "pw")
    lib = load_nss()
    with pytest.raises(RuntimeError), NssSession(lib, empty_db) as session:
        assert session.certs()  # references held by the session
        raise RuntimeError("boom")
    assert not lib.is_initialized()
    with NssSession(lib, empty_db) as session:  # no SEC_ERROR_BUSY afterwards
        assert session.certs()


LEAK_SCRIPT = """
import sys
from pathlib import Path
from certassist.core.errors import CertassistError
from certassist.stores.nss_lib import load_nss
from certassist.stores.nss_session import NssSession
from tests.pki import TestPKI, pfx
from tests.stores.nss_oracle import pk12_import, run_tool
lib = load_nss()
try:
    with NssSession(lib, Path(sys.argv[1])) as session:
        cert = session.certs()[0]
        lib.dup_certificate(session.pointer(cert))  # a reference nobody frees
except CertassistError as exc:
    print(exc.message_id, exc.params.get("operation"), exc.params.get("error"))
"""


def test_a_leaked_reference_is_reported_not_ignored(empty_db: Path, pki: TestPKI) -> None:
    # In a child process: a failed shutdown poisons NSS for the rest of the process.
    pk12_import(empty_db, pfx(pki.other(), "pw"), "pw")
    out = run_tool(sys.executable, "-c", LEAK_SCRIPT, empty_db).stdout.split()
    assert out == ["E-nss-failed", "close", "SEC_ERROR_BUSY"]


# Functions of Firefox's nss3.dll that certassist calls, each checked by hand against Mozilla's
# export list (security/nss.symbols in mozilla-central, read 2026-11-28). Debian's libnss3
# exports more, so a function missing from Firefox only shows on Windows: NssLib then refuses
# to load at all. Add a name here only after finding it on that list. NSPR (PR_*) is folded
# into nss3.dll on Windows and exports itself.
FIREFOX_NSS3_EXPORTS = frozenset(
    {
        "NSS_InitContext", "NSS_ShutdownContext", "NSS_IsInitialized", "NSS_GetVersion",
        "PR_GetError", "PR_ErrorToName", "PORT_GetError", "PORT_Strdup", "SECITEM_AllocItem",
        "SECITEM_FreeItem", "PORT_SetUCS2_ASCIIConversionFunction", "PK11_SetPasswordFunc",
        "PK11_GetInternalKeySlot", "PK11_FreeSlot", "PK11_NeedUserInit", "PK11_NeedLogin",
        "PK11_IsLoggedIn", "PK11_IsReadOnly", "PK11_GetTokenName", "PK11_InitPin",
        "PK11_CheckUserPassword", "PK11_FindGenericObjects", "PK11_GetNextGenericObject",
        "PK11_ReadRawAttribute", "PK11_DestroyGenericObjects", "CERT_FindCertByDERCert",
        "PK11_FindKeyByAnyCert", "SECKEY_DestroyPrivateKey", "PK11_ListPrivKeysInSlot",
        "SECKEY_DestroyPrivateKeyList", "PK11_GetLowLevelKeyIDForPrivateKey",
        "PK11_DeleteTokenCertAndKey", "SEC_DeletePermCertificate", "CERT_GetDefaultCertDB",
        "CERT_FindCertByNickname", "CERT_DupCertificate", "CERT_DestroyCertificate",
        "SEC_PKCS12DecoderStart", "SEC_PKCS12DecoderUpdate", "SEC_PKCS12DecoderVerify",
        "SEC_PKCS12DecoderValidateBags", "SEC_PKCS12DecoderImportBags",
        "SEC_PKCS12DecoderFinish", "SEC_PKCS12CreateExportContext",
        "SEC_PKCS12AddPasswordIntegrity", "SEC_PKCS12CreateUnencryptedSafe",
        "SEC_PKCS12AddCertAndKey", "SEC_PKCS12Encode", "SEC_PKCS12DestroyExportContext",
    }
)  # fmt: skip


def test_every_function_certassist_calls_is_one_firefoxs_nss3_dll_exports() -> None:
    """Not exported there (PK11_ReadRawAttributes, SEC_PKCS12AddCertOrChainAndKey, ...)."""
    unchecked = [n[0] for n in nss_lib._PROTOTYPES if not FIREFOX_NSS3_EXPORTS.intersection(n)]
    assert unchecked == []


def test_a_missing_firefox_folder_is_missing_nss_not_a_crash(tmp_path: Path) -> None:
    """On Windows os.add_dll_directory raises for a folder that is not there (a PC without
    Firefox, or without the 32-bit one): that must read as "NSS missing", not crash."""
    with pytest.raises(NssLibraryMissing, match="not found"):
        nss_lib._load_from(tmp_path / "Mozilla Firefox", WINDOWS_LIBRARIES, "win32")
