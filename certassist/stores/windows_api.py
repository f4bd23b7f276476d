"""The few crypt32 operations the Windows store needs, behind a protocol.

`WindowsStore` (all logic) talks to a `Crypt32Api`; on Windows that is `RealCrypt32` (ctypes
over crypt32.dll, following Microsoft's documentation), elsewhere the faithful in-memory
`FakeCrypt32`. ctypes' Windows-only parts are touched only when `RealCrypt32` is created, so
this module imports on every OS.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import sys
from ctypes import wintypes
from dataclasses import dataclass
from typing import Any, Literal, Protocol

Location = Literal["user", "machine"]

# PFXImportCertStore flags (wincrypt.h)
CRYPT_EXPORTABLE = 0x0001
CRYPT_MACHINE_KEYSET = 0x0020
CRYPT_USER_KEYSET = 0x1000
PKCS12_NO_PERSIST_KEY = 0x8000  # never used: we want the key to stay
# PFXExportCertStoreEx flags
REPORT_NO_PRIVATE_KEY = 0x0001
REPORT_NOT_ABLE_TO_EXPORT_PRIVATE_KEY = 0x0002
EXPORT_PRIVATE_KEYS = 0x0004
PKCS12_EXPORT_SILENT = 0x0040
# Error codes (GetLastError / HRESULT as unsigned)
ERROR_FILE_NOT_FOUND = 2  # CertOpenStore(OPEN_EXISTING) of a store that was never written
ERROR_ACCESS_DENIED = 5
E_ACCESSDENIED = 0x80070005  # the same as an HRESULT (CertDeleteCertificateFromStore, CNG)
NTE_PERM = 0x80090010  # a CSP or KSP refusing a key operation
ACCESS_DENIED_CODES = frozenset({ERROR_ACCESS_DENIED, E_ACCESSDENIED, NTE_PERM})
ERROR_INVALID_PASSWORD = 86
NTE_BAD_KEY_STATE = 0x8009000B  # key not exportable
NTE_BAD_KEYSET = 0x80090016
NTE_NO_KEY = 0x8009000D
CRYPT_E_NOT_FOUND = 0x80092004


@dataclass(frozen=True)
class RawCert:
    """One certificate of a system store as crypt32 shows it."""

    der: bytes
    has_key: bool  # CERT_KEY_PROV_INFO_PROP_ID present
    exportable: bool  # the key can leave the store (CRYPT_EXPORTABLE at import)
    friendly_name: str | None = None


class Crypt32Error(Exception):
    """A failed crypt32 call with its Windows error code."""

    def __init__(self, operation: str, code: int) -> None:
        super().__init__(f"{operation} failed with 0x{code & 0xFFFFFFFF:08X}")
        self.operation = operation
        self.code = code & 0xFFFFFFFF


class Crypt32Api(Protocol):
    """MY store of the current user or the machine; fingerprints are SHA-256 upper-case hex.

    A store that does not exist yet (a new Wine prefix has no CurrentUser\\MY, a new Windows
    profile may not either, until something is added) reads as empty, and reading never creates
    it; `import_pfx` does.
    """

    def is_elevated(self) -> bool: ...

    def enum_certs(self, location: Location) -> list[RawCert]: ...

    def contains(self, location: Location, fingerprint: str) -> bool:
        """Whether MY holds that certificate: a lookup, without enum_certs' export probes."""
        ...

    def import_pfx(self, location: Location, pfx: bytes, password: str, flags: int) -> list[bytes]:
        """PFXImportCertStore with `flags`, then add the certificates that have a key to MY.

        Returns the DER of each certificate added.
        """
        ...

    def export_pfx(self, location: Location, fingerprint: str, password: str) -> bytes:
        """PFXExportCertStoreEx of that one certificate with its private key."""
        ...

    def delete_cert(self, location: Location, fingerprint: str) -> None:
        """CertDeleteCertificateFromStore and delete the key container that belonged to it."""
        ...


def fingerprint_of(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest().upper()


def load_crypt32() -> Crypt32Api | None:
    """The real API on Windows, None elsewhere (the registry then offers no Windows stores)."""
    if sys.platform != "win32":
        return None
    return RealCrypt32()


# ---- ctypes implementation (Windows only) --------------------------------------------------

CERT_STORE_PROV_MEMORY = 2
CERT_STORE_PROV_SYSTEM_W = 10
CERT_SYSTEM_STORE_CURRENT_USER = 0x00010000
CERT_SYSTEM_STORE_LOCAL_MACHINE = 0x00020000
CERT_STORE_READONLY_FLAG = 0x00008000
CERT_STORE_OPEN_EXISTING_FLAG = 0x00004000
CERT_STORE_ADD_REPLACE_EXISTING = 3
CERT_KEY_PROV_INFO_PROP_ID = 2
CERT_FRIENDLY_NAME_PROP_ID = 11
CRYPT_DELETEKEYSET = 0x10
CRYPT_SILENT = 0x40  # CryptAcquireContext: fail rather than show a dialog
NCRYPT_MACHINE_KEY_FLAG = 0x20
NCRYPT_SILENT_FLAG = 0x40
NTE_NOT_FOUND = 0x80090011  # with NTE_BAD_KEYSET: the key container is already gone
# Only keys in Microsoft's software providers are deleted with their certificate. A smart card
# (a UZI card), a TPM or another vendor's provider holds keys certassist did not put there.
SOFTWARE_KEY_PROVIDERS = frozenset(
    {
        "Microsoft Software Key Storage Provider",
        "Microsoft Base Cryptographic Provider v1.0",
        "Microsoft Enhanced Cryptographic Provider v1.0",
        "Microsoft Strong Cryptographic Provider",
        "Microsoft Enhanced RSA and AES Cryptographic Provider",
        "Microsoft Base DSS and Diffie-Hellman Cryptographic Provider",
        "Microsoft Enhanced DSS and Diffie-Hellman Cryptographic Provider",
    }
)


class _Blob(ctypes.Structure):
    _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_ubyte))]


class _CertContext(ctypes.Structure):
    _fields_ = [
        ("dwCertEncodingType", wintypes.DWORD),
        ("pbCertEncoded", ctypes.POINTER(ctypes.c_ubyte)),
        ("cbCertEncoded", wintypes.DWORD),
        ("pCertInfo", ctypes.c_void_p),
        ("hCertStore", ctypes.c_void_p),
    ]


class _KeyProvInfo(ctypes.Structure):
    _fields_ = [
        ("pwszContainerName", ctypes.c_wchar_p),
        ("pwszProvName", ctypes.c_wchar_p),
        ("dwProvType", wintypes.DWORD),
        ("dwFlags", wintypes.DWORD),
        ("cProvParam", wintypes.DWORD),
        ("rgProvParam", ctypes.c_void_p),
        ("dwKeySpec", wintypes.DWORD),
    ]


def _windll(name: str) -> Any:
    if sys.platform != "win32":
        raise OSError(f"{name}.dll exists only on Windows")
    return ctypes.WinDLL(name, use_last_error=True)


def _last_error() -> int:
    if sys.platform != "win32":
        return 0
    return ctypes.get_last_error()


_ENCODING = 0x00010001  # X509_ASN_ENCODING | PKCS_7_ASN_ENCODING
_EXPORT_FLAGS = (
    EXPORT_PRIVATE_KEYS
    | REPORT_NOT_ABLE_TO_EXPORT_PRIVATE_KEY
    | REPORT_NO_PRIVATE_KEY
    | PKCS12_EXPORT_SILENT
)
_PCtx = ctypes.POINTER(_CertContext)


@dataclass(frozen=True)
class _KeyRef:
    container: str
    provider: str | None
    provider_type: int  # 0 = CNG key storage provider, else a legacy CSP
    machine: bool
    key_spec: int = 0  # AT_KEYEXCHANGE/AT_SIGNATURE for CSP keys, 0 for CNG


class RealCrypt32:
    """crypt32 over ctypes. Every context is freed in the function that obtained it.

    `store_name` is the system store behind both locations: "MY" (Personal) for certassist;
    the smoke tests pass a name no store has, to read a store that does not exist yet.
    """

    def __init__(self, store_name: str = "MY") -> None:
        self._store_name = store_name
        self._c = _windll("crypt32")
        self._advapi = _windll("advapi32")
        self._ncrypt = _windll("ncrypt")
        self._shell = _windll("shell32")
        c, dword, vp = self._c, wintypes.DWORD, ctypes.c_void_p
        c.CertOpenStore.restype = vp
        c.CertOpenStore.argtypes = [vp, dword, vp, dword, vp]
        c.CertCloseStore.argtypes = [vp, dword]
        c.CertEnumCertificatesInStore.restype = _PCtx
        c.CertEnumCertificatesInStore.argtypes = [vp, _PCtx]
        c.CertDuplicateCertificateContext.restype = _PCtx
        c.CertDuplicateCertificateContext.argtypes = [_PCtx]
        c.CertFreeCertificateContext.argtypes = [_PCtx]
        c.CertGetCertificateContextProperty.argtypes = [_PCtx, dword, vp, ctypes.POINTER(dword)]
        c.CertDeleteCertificateFromStore.argtypes = [_PCtx]
        c.CertAddCertificateContextToStore.argtypes = [vp, _PCtx, dword, vp]
        c.PFXImportCertStore.restype = vp
        c.PFXImportCertStore.argtypes = [ctypes.POINTER(_Blob), ctypes.c_wchar_p, dword]
        c.PFXExportCertStoreEx.argtypes = [vp, ctypes.POINTER(_Blob), ctypes.c_wchar_p, vp, dword]
        a, n = self._advapi, self._ncrypt
        a.CryptAcquireContextW.argtypes = [
            ctypes.POINTER(ctypes.c_size_t),
            ctypes.c_wchar_p,
            ctypes.c_wchar_p,
            dword,
            dword,
        ]
        n.NCryptOpenStorageProvider.restype = ctypes.c_long
        n.NCryptOpenStorageProvider.argtypes = [ctypes.POINTER(vp), ctypes.c_wchar_p, dword]
        n.NCryptOpenKey.restype = ctypes.c_long
        n.NCryptOpenKey.argtypes = [vp, ctypes.POINTER(vp), ctypes.c_wchar_p, dword, dword]
        n.NCryptDeleteKey.restype = ctypes.c_long
        n.NCryptDeleteKey.argtypes = [vp, dword]
        n.NCryptFreeObject.restype = ctypes.c_long
        n.NCryptFreeObject.argtypes = [vp]

    # -- the protocol ---------------------------------------------------------------------------
    def is_elevated(self) -> bool:
        return bool(self._shell.IsUserAnAdmin())

    def enum_certs(self, location: Location) -> list[RawCert]:
        store = self._open(location, readonly=True)
        try:
            result = []
            for ctx in self._contexts(store):
                try:
                    has_key = self._key_ref(ctx) is not None
                    exportable = has_key and self._exportable(ctx)
                    result.append(RawCert(_der(ctx), has_key, exportable, self._friendly(ctx)))
                finally:
                    self._c.CertFreeCertificateContext(ctx)
            return result
        finally:
            self._c.CertCloseStore(store, 0)

    def contains(self, location: Location, fingerprint: str) -> bool:
        store = self._open(location, readonly=True)
        try:
            try:
                ctx = self._find(store, fingerprint)
            except Crypt32Error as exc:
                if exc.code == CRYPT_E_NOT_FOUND:
                    return False
                raise
            self._c.CertFreeCertificateContext(ctx)
            return True
        finally:
            self._c.CertCloseStore(store, 0)

    def import_pfx(self, location: Location, pfx: bytes, password: str, flags: int) -> list[bytes]:
        store = self._open(location, readonly=False)  # fails early (access denied) if not allowed
        try:
            data = ctypes.create_string_buffer(pfx, len(pfx))
            blob = _Blob(len(pfx), ctypes.cast(data, ctypes.POINTER(ctypes.c_ubyte)))
            temp = self._c.PFXImportCertStore(ctypes.byref(blob), password, flags)
            if not temp:
                raise Crypt32Error("PFXImportCertStore", _last_error())
            try:
                return self._add_keyed(store, temp)
            except Exception:
                # PFXImportCertStore has already written the keys to disk: without this they
                # would stay behind with no certificate pointing at them.
                self._forget_import(store, temp)
                raise
            finally:
                self._c.CertCloseStore(temp, 0)
        finally:
            self._c.CertCloseStore(store, 0)

    def export_pfx(self, location: Location, fingerprint: str, password: str) -> bytes:
        store = self._open(location, readonly=True)
        try:
            ctx = self._find(store, fingerprint)
            try:
                return self._export_one(ctx, password)
            finally:
                self._c.CertFreeCertificateContext(ctx)
        finally:
            self._c.CertCloseStore(store, 0)

    def delete_cert(self, location: Location, fingerprint: str) -> None:
        store = self._open(location, readonly=False)
        try:
            ctx = self._find(store, fingerprint)
            key = self._key_ref(ctx)
            if not self._c.CertDeleteCertificateFromStore(ctx):  # frees ctx, even on failure
                raise Crypt32Error("CertDeleteCertificateFromStore", _last_error())
            if key is not None and not self._key_still_used(store, key):
                self._delete_key(key)
        finally:
            self._c.CertCloseStore(store, 0)

    # -- helpers --------------------------------------------------------------------------------
    def _open(self, location: Location, readonly: bool) -> int:
        flags = (
            CERT_SYSTEM_STORE_CURRENT_USER
            if location == "user"
            else CERT_SYSTEM_STORE_LOCAL_MACHINE
        )
        if readonly:
            flags |= CERT_STORE_READONLY_FLAG | CERT_STORE_OPEN_EXISTING_FLAG
        name = ctypes.create_unicode_buffer(self._store_name)
        handle = self._c.CertOpenStore(
            CERT_STORE_PROV_SYSTEM_W, 0, None, flags, ctypes.cast(name, ctypes.c_void_p)
        )
        if handle:
            return int(handle)
        code = _last_error()
        if readonly and code == ERROR_FILE_NOT_FOUND:
            # Never written yet (the first import creates it): an empty store, and reading it
            # must not create it.
            return self._open_memory()
        raise Crypt32Error("CertOpenStore", code)

    def _open_memory(self) -> int:
        handle = self._c.CertOpenStore(CERT_STORE_PROV_MEMORY, 0, None, 0, None)
        if not handle:
            raise Crypt32Error("CertOpenStore(memory)", _last_error())
        return int(handle)

    def _contexts(self, store: int) -> list[Any]:
        """Duplicates of every context in the store; the caller frees each one."""
        found = []
        ctx = self._c.CertEnumCertificatesInStore(store, None)
        while ctx:
            found.append(self._c.CertDuplicateCertificateContext(ctx))
            ctx = self._c.CertEnumCertificatesInStore(store, ctx)  # frees the previous one
        return found

    def _find(self, store: int, fingerprint: str) -> Any:
        wanted, match = fingerprint.upper(), None
        for ctx in self._contexts(store):
            if match is None and fingerprint_of(_der(ctx)) == wanted:
                match = ctx
            else:
                self._c.CertFreeCertificateContext(ctx)
        if match is None:
            raise Crypt32Error("CertFindCertificateInStore", CRYPT_E_NOT_FOUND)
        return match

    def _property(self, ctx: Any, prop_id: int) -> Any:
        size = wintypes.DWORD(0)
        if not self._c.CertGetCertificateContextProperty(ctx, prop_id, None, ctypes.byref(size)):
            return None
        buffer = ctypes.create_string_buffer(size.value)
        if not self._c.CertGetCertificateContextProperty(ctx, prop_id, buffer, ctypes.byref(size)):
            return None
        return buffer

    def _key_ref(self, ctx: Any) -> _KeyRef | None:
        buffer = self._property(ctx, CERT_KEY_PROV_INFO_PROP_ID)
        if buffer is None:
            return None
        info = ctypes.cast(buffer, ctypes.POINTER(_KeyProvInfo)).contents
        return _KeyRef(
            container=info.pwszContainerName or "",
            provider=info.pwszProvName,
            provider_type=int(info.dwProvType),
            machine=bool(info.dwFlags & CRYPT_MACHINE_KEYSET),
            key_spec=int(info.dwKeySpec),
        )

    def _friendly(self, ctx: Any) -> str | None:
        buffer = self._property(ctx, CERT_FRIENDLY_NAME_PROP_ID)
        if buffer is None:
            return None
        return buffer.raw.decode("utf-16-le", errors="replace").rstrip("\0") or None

    def _exportable(self, ctx: Any) -> bool:
        """Export to a throwaway blob: the only check that works for CNG and legacy keys alike."""
        try:
            self._export_one(ctx, "probe")
        except Crypt32Error:
            return False
        return True

    def _export_one(self, ctx: Any, password: str) -> bytes:
        memory = self._open_memory()
        try:
            if not self._c.CertAddCertificateContextToStore(
                memory, ctx, CERT_STORE_ADD_REPLACE_EXISTING, None
            ):
                raise Crypt32Error("CertAddCertificateContextToStore", _last_error())
            blob = _Blob(0, None)
            if not self._c.PFXExportCertStoreEx(
                memory, ctypes.byref(blob), password, None, _EXPORT_FLAGS
            ):
                raise Crypt32Error("PFXExportCertStoreEx", _last_error())
            out = (ctypes.c_ubyte * blob.cbData)()
            blob.pbData = ctypes.cast(out, ctypes.POINTER(ctypes.c_ubyte))
            if not self._c.PFXExportCertStoreEx(
                memory, ctypes.byref(blob), password, None, _EXPORT_FLAGS
            ):
                raise Crypt32Error("PFXExportCertStoreEx", _last_error())
            return bytes(out[: blob.cbData])
        finally:
            self._c.CertCloseStore(memory, 0)

    def _add_keyed(self, store: int, temp: int) -> list[bytes]:
        added: list[bytes] = []
        replaced: list[_KeyRef] = []
        contexts = self._contexts(temp)
        try:
            for ctx in contexts:
                if self._key_ref(ctx) is None:
                    continue  # chain certificates: MY holds the user's own certificates only
                old_key = self._existing_key(store, _der(ctx))
                if not self._c.CertAddCertificateContextToStore(
                    store, ctx, CERT_STORE_ADD_REPLACE_EXISTING, None
                ):
                    raise Crypt32Error("CertAddCertificateContextToStore", _last_error())
                added.append(_der(ctx))
                if old_key is not None:
                    replaced.append(old_key)
        finally:
            for ctx in contexts:
                self._c.CertFreeCertificateContext(ctx)
        # REPLACE_EXISTING drops the old certificate but not the key container it named (each
        # import makes a new one): delete that key once nothing in MY points at it any more.
        for key in replaced:
            if not self._key_still_used(store, key):
                with contextlib.suppress(Crypt32Error):
                    self._delete_key(key)
        return added

    def _existing_key(self, store: int, der: bytes) -> _KeyRef | None:
        try:
            ctx = self._find(store, fingerprint_of(der))
        except Crypt32Error:
            return None
        try:
            return self._key_ref(ctx)
        finally:
            self._c.CertFreeCertificateContext(ctx)

    def _forget_import(self, store: int, temp: int) -> None:
        """After a failed import: take the certificates back out of MY, delete the new keys."""
        for ctx in self._contexts(temp):
            try:
                key = self._key_ref(ctx)
                if key is None:
                    continue
                with contextlib.suppress(Crypt32Error):
                    mine = self._find(store, fingerprint_of(_der(ctx)))
                    if self._key_ref(mine) == key:
                        self._c.CertDeleteCertificateFromStore(mine)  # frees mine
                    else:
                        self._c.CertFreeCertificateContext(mine)
                with contextlib.suppress(Crypt32Error):
                    self._delete_key(key)
            finally:
                self._c.CertFreeCertificateContext(ctx)

    def _key_still_used(self, store: int, key: _KeyRef) -> bool:
        used = False
        for ctx in self._contexts(store):
            used = used or self._key_ref(ctx) == key
            self._c.CertFreeCertificateContext(ctx)
        return used

    def _delete_key(self, key: _KeyRef) -> None:
        """Delete a key container certassist's import made; never one on a card or a TPM."""
        if key.provider not in SOFTWARE_KEY_PROVIDERS:
            return
        gone = {NTE_BAD_KEYSET, NTE_NOT_FOUND}
        if key.provider_type == 0:
            provider, handle = ctypes.c_void_p(), ctypes.c_void_p()
            status = self._ncrypt.NCryptOpenStorageProvider(ctypes.byref(provider), key.provider, 0)
            if status:
                raise Crypt32Error("NCryptOpenStorageProvider", status)
            try:
                flags = NCRYPT_SILENT_FLAG | (NCRYPT_MACHINE_KEY_FLAG if key.machine else 0)
                # A key made through CryptoAPI opens with its legacy key spec, a CNG key with 0;
                # KEY_PROV_INFO does not always say which, so try both before calling it gone.
                for spec in dict.fromkeys((key.key_spec, 0)):
                    status = self._ncrypt.NCryptOpenKey(
                        provider, ctypes.byref(handle), key.container, spec, flags
                    )
                    if (status & 0xFFFFFFFF) not in gone:
                        break
                if (status & 0xFFFFFFFF) in gone:
                    return
                if status:
                    raise Crypt32Error("NCryptOpenKey", status)
                # NCryptDeleteKey frees the handle on success; on failure it is ours to free.
                status = self._ncrypt.NCryptDeleteKey(handle, NCRYPT_SILENT_FLAG)
                if status:
                    self._ncrypt.NCryptFreeObject(handle)
                    raise Crypt32Error("NCryptDeleteKey", status)
            finally:
                self._ncrypt.NCryptFreeObject(provider)
            return
        unused = ctypes.c_size_t(0)
        flags = CRYPT_DELETEKEYSET | CRYPT_SILENT | (CRYPT_MACHINE_KEYSET if key.machine else 0)
        if not self._advapi.CryptAcquireContextW(
            ctypes.byref(unused), key.container, key.provider, key.provider_type, flags
        ):
            code = _last_error()
            if (code & 0xFFFFFFFF) not in gone:
                raise Crypt32Error("CryptAcquireContextW(DELETEKEYSET)", code)


def _der(ctx: Any) -> bytes:
    return ctypes.string_at(ctx.contents.pbCertEncoded, ctx.contents.cbCertEncoded)
