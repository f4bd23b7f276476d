"""The ctypes layer: where NSS is looked for, struct layout, sessions that refuse to nest."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.stores import nss_structs as st
from certassist.stores.nss_lib import NssLibraryMissing, load_nss
from certassist.stores.nss_paths import LINUX_LIBRARIES, library_candidates, windows_firefox_dirs
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
    # measured against NSS 3.87 (FIELD-NOTES)
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
