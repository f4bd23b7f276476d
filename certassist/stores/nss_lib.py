"""Finding and loading NSS, and the ctypes prototypes certassist uses.

Why ctypes and not certutil/pk12util: Windows PCs have no NSS tools, but every Firefox ships
`nss3.dll`; on Linux the same functions come from Debian's libnss3/libsmime3/libnssutil3.
Every function gets explicit argtypes/restype here, and typed wrappers live in `NssLib`, so the
layers above never touch raw ctypes calls. Pointers travel as `int` (ctypes' c_void_p).
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Sequence
from ctypes import POINTER, c_char_p, c_int, c_uint, c_ulong, c_void_p
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from certassist.stores import nss_structs as st
from certassist.stores.nss_paths import (
    LINUX_LIBRARIES,
    WINDOWS_LIBRARIES,
    WINDOWS_OPTIONAL,
    library_candidates,
    read_registry_install_dirs,
)

# SECOidTag values (secoidt.h); the enum is append-only, so these are stable across versions.
SEC_OID_SHA256 = 191
SEC_OID_AES_256_CBC = 188

# NSS_InitContext flags (nss.h).
NSS_INIT_READONLY = 0x1
NSS_INIT_NOMODDB = 0x4
NSS_INIT_NOROOTINIT = 0x10

# PKCS#11 object class and attributes (pkcs11t.h) and PK11ObjectType (secmodt.h).
CKO_CERTIFICATE = 1
CKA_LABEL = 0x3
CKA_VALUE = 0x11
CKA_ID = 0x102
PK11_TYPE_GENERIC = 0

SEC_SUCCESS = 0
PR_TRUE = 1
PR_FALSE = 0

# Callback types NSS calls back into Python with. Pointers we hand back are c_void_p (an int),
# never c_char_p: ctypes would free a returned Python buffer before NSS reads it.
PASSWORD_FUNC = ctypes.CFUNCTYPE(c_void_p, c_void_p, c_int, c_void_p)
NICKNAME_COLLISION_FUNC = ctypes.CFUNCTYPE(c_void_p, POINTER(st.SECItem), POINTER(c_int), c_void_p)
ENCODER_OUTPUT_FUNC = ctypes.CFUNCTYPE(None, c_void_p, c_void_p, c_ulong)
UCS2_CONVERSION_FUNC = ctypes.CFUNCTYPE(
    c_int, c_int, c_void_p, c_uint, c_void_p, c_uint, POINTER(c_uint), c_int
)

_P = c_void_p
_ITEM = POINTER(st.SECItem)
# name (with alternatives: Firefox's folded nss3.dll and the split Linux libraries differ in
# which alias they export) -> (restype, argtypes). Firefox's nss3.dll exports only what
# Mozilla's security/nss.symbols lists, a subset of Debian's libnss3: every name here must be
# on that list (tests/stores/test_nss_lib.py keeps the checked names).
_PROTOTYPES: dict[tuple[str, ...], tuple[Any, list[Any]]] = {
    ("NSS_InitContext",): (_P, [c_char_p, c_char_p, c_char_p, c_char_p, _P, c_uint]),
    ("NSS_ShutdownContext",): (c_int, [_P]),
    ("NSS_IsInitialized",): (c_int, []),
    ("NSS_GetVersion",): (c_char_p, []),
    ("PR_GetError", "PORT_GetError", "PORT_GetError_Util"): (c_int, []),
    ("PR_ErrorToName",): (c_char_p, [c_int]),
    ("PORT_Strdup_Util", "PORT_Strdup"): (_P, [c_char_p]),
    ("SECITEM_AllocItem_Util", "SECITEM_AllocItem"): (_ITEM, [_P, _P, c_uint]),
    ("PORT_SetUCS2_ASCIIConversionFunction_Util", "PORT_SetUCS2_ASCIIConversionFunction"): (
        None,
        [UCS2_CONVERSION_FUNC],
    ),
    ("PK11_SetPasswordFunc",): (None, [PASSWORD_FUNC]),
    ("PK11_GetInternalKeySlot",): (_P, []),
    ("PK11_FreeSlot",): (None, [_P]),
    ("PK11_NeedUserInit",): (c_int, [_P]),
    ("PK11_NeedLogin",): (c_int, [_P]),
    ("PK11_IsLoggedIn",): (c_int, [_P, _P]),
    ("PK11_GetTokenName",): (c_char_p, [_P]),
    ("PK11_InitPin",): (c_int, [_P, c_char_p, c_char_p]),
    ("PK11_CheckUserPassword",): (c_int, [_P, c_char_p]),
    ("PK11_FindGenericObjects",): (_P, [_P, c_ulong]),
    ("PK11_GetNextGenericObject",): (_P, [_P]),
    ("PK11_ReadRawAttribute",): (c_int, [c_int, _P, c_ulong, _ITEM]),
    ("PK11_DestroyGenericObjects",): (c_int, [_P]),
    ("CERT_FindCertByDERCert",): (_P, [_P, _ITEM]),
    ("PK11_FindKeyByAnyCert",): (_P, [_P, _P]),
    ("SECKEY_DestroyPrivateKey",): (None, [_P]),
    ("PK11_ListPrivKeysInSlot",): (_P, [_P, c_char_p, _P]),
    ("SECKEY_DestroyPrivateKeyList",): (None, [_P]),
    ("PK11_GetLowLevelKeyIDForPrivateKey",): (_ITEM, [_P]),
    ("SECITEM_FreeItem_Util", "SECITEM_FreeItem"): (None, [_ITEM, c_int]),
    ("PK11_DeleteTokenCertAndKey",): (c_int, [_P, _P]),
    ("SEC_DeletePermCertificate",): (c_int, [_P]),
    ("CERT_GetDefaultCertDB",): (_P, []),
    ("CERT_FindCertByNickname",): (_P, [_P, c_char_p]),
    ("CERT_DupCertificate",): (_P, [_P]),
    ("CERT_DestroyCertificate",): (None, [_P]),
    ("SEC_PKCS12DecoderStart",): (_P, [_ITEM, _P, _P, _P, _P, _P, _P, _P]),
    ("SEC_PKCS12DecoderUpdate",): (c_int, [_P, c_char_p, c_ulong]),
    ("SEC_PKCS12DecoderVerify",): (c_int, [_P]),
    ("SEC_PKCS12DecoderValidateBags",): (c_int, [_P, NICKNAME_COLLISION_FUNC]),
    ("SEC_PKCS12DecoderImportBags",): (c_int, [_P]),
    ("SEC_PKCS12DecoderFinish",): (None, [_P]),
    ("SEC_PKCS12CreateExportContext",): (_P, [_P, _P, _P, _P]),
    ("SEC_PKCS12AddPasswordIntegrity",): (c_int, [_P, _ITEM, c_int]),
    ("SEC_PKCS12CreateUnencryptedSafe",): (_P, [_P]),
    ("SEC_PKCS12AddCertAndKey",): (c_int, [_P, _P, _P, _P, _P, _P, _P, c_int, _ITEM, c_int]),
    ("SEC_PKCS12Encode",): (c_int, [_P, ENCODER_OUTPUT_FUNC, _P]),
    ("SEC_PKCS12DestroyExportContext",): (None, [_P]),
}


@dataclass(frozen=True)
class TokenCertificate:
    der: bytes
    nickname: str | None
    key_id: bytes | None  # CKA_ID: NSS pairs a certificate and its private key by this value


class NssLibraryMissing(Exception):
    """NSS could not be found or loaded; `detail` says which file and why (for the report)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


# --- loading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedLibraries:
    handles: tuple[ctypes.CDLL, ...]
    folder: Path | None


def _load_from(folder: Path | None, names: Sequence[str], platform: str) -> LoadedLibraries:
    handles: list[ctypes.CDLL] = []
    if folder is not None and not folder.is_dir():  # e.g. no Firefox in Program Files (x86)
        raise NssLibraryMissing(f"{folder}: not found")
    if platform == "win32" and folder is not None:  # pragma: no cover - Windows only
        # nss3.dll needs mozglue.dll next to it, and softokn3.dll is found from its folder.
        getattr(os, "add_dll_directory")(str(folder))  # noqa: B009 - exists on Windows only
    wanted = list(names) + (list(WINDOWS_OPTIONAL) if platform == "win32" else [])
    for name in wanted:
        path = str(folder / name) if folder is not None else name
        if folder is not None and not (folder / name).is_file():
            if name in names:
                raise NssLibraryMissing(f"{path}: not found")
            continue
        try:
            handles.append(ctypes.CDLL(path))
        except OSError as exc:
            if name in names:
                raise NssLibraryMissing(f"{path}: {exc}") from exc
    return LoadedLibraries(tuple(handles), folder)


@cache
def load_nss(search: tuple[Path, ...] | None = None) -> NssLib:
    """The process-wide NSS binding (cached: a library is loaded once per process).

    `search` names folders to try instead of the platform's usual places.
    """
    platform = sys.platform
    if search is not None:
        names: tuple[str, ...] = WINDOWS_LIBRARIES if platform == "win32" else LINUX_LIBRARIES
        candidates: list[tuple[Path | None, tuple[str, ...]]] = [(d, names) for d in search]
    else:
        candidates = library_candidates(platform, os.environ, read_registry_install_dirs())
    problems: list[str] = []
    for folder, names in candidates:
        try:
            return NssLib(_load_from(folder, names, platform))
        except NssLibraryMissing as exc:
            problems.append(exc.detail)
    raise NssLibraryMissing("; ".join(problems) or "no candidate folder")


class NssLib:
    """Typed wrappers around the NSS functions certassist needs."""

    def __init__(self, loaded: LoadedLibraries) -> None:
        self.loaded = loaded
        self._f: dict[str, Any] = {}
        missing: list[str] = []
        for names, (restype, argtypes) in _PROTOTYPES.items():
            func = self._resolve(names)
            if func is None:
                missing.append(names[0])
                continue
            func.restype = restype
            func.argtypes = argtypes
            for name in names:  # callable under each alias
                self._f[name] = func
        if missing:
            raise NssLibraryMissing("missing functions: " + ", ".join(missing))

    def _resolve(self, names: tuple[str, ...]) -> Any:
        for name in names:
            for handle in self.loaded.handles:
                try:
                    return getattr(handle, name)
                except AttributeError:
                    continue
        return None

    def call(self, name: str, *args: object) -> Any:
        """Escape hatch for the wrappers below; keep raw calls inside this module."""
        return self._f[name](*args)

    # -- errors and versions
    def version(self) -> str:
        raw: bytes | None = self.call("NSS_GetVersion")
        return raw.decode() if raw else "?"

    def last_error(self) -> tuple[int, str]:
        """The thread's last NSPR/NSS error as (code, name), e.g. -8177 SEC_ERROR_BAD_PASSWORD."""
        code = int(self.call("PR_GetError"))
        raw: bytes | None = self.call("PR_ErrorToName", code)
        return code, raw.decode() if raw else str(code)

    # -- init / shutdown
    def init_context(self, configdir: str, flags: int) -> int | None:
        ctx: int | None = self.call(
            "NSS_InitContext", configdir.encode(), b"", b"", b"secmod.db", None, flags
        )
        return ctx

    def shutdown_context(self, ctx: int) -> bool:
        return int(self.call("NSS_ShutdownContext", ctx)) == SEC_SUCCESS

    def is_initialized(self) -> bool:
        return bool(self.call("NSS_IsInitialized"))

    # -- memory NSS frees itself
    def port_strdup(self, text: bytes) -> int | None:
        ptr: int | None = self.call("PORT_Strdup", text)
        return ptr

    def alloc_item(self, data: bytes) -> int | None:
        """A SECItem allocated by NSS (NSS frees it), filled with `data`."""
        item = self.call("SECITEM_AllocItem", None, None, len(data))
        if not item:
            return None
        ctypes.memmove(item.contents.data, data, len(data))
        item.contents.type = st.SI_ASCII_STRING
        return ctypes.addressof(item.contents)

    def set_ucs2_conversion(self, func: Any) -> None:
        self.call("PORT_SetUCS2_ASCIIConversionFunction", func)

    def set_password_func(self, func: Any) -> None:
        self.call("PK11_SetPasswordFunc", func)

    # -- slots and login
    def internal_key_slot(self) -> int | None:
        slot: int | None = self.call("PK11_GetInternalKeySlot")
        return slot

    def free_slot(self, slot: int) -> None:
        self.call("PK11_FreeSlot", slot)

    def need_user_init(self, slot: int) -> bool:
        return bool(self.call("PK11_NeedUserInit", slot))

    def need_login(self, slot: int) -> bool:
        return bool(self.call("PK11_NeedLogin", slot))

    def is_logged_in(self, slot: int) -> bool:
        return bool(self.call("PK11_IsLoggedIn", slot, None))

    def token_name(self, slot: int) -> str:
        raw: bytes | None = self.call("PK11_GetTokenName", slot)
        return raw.decode("utf-8", "replace") if raw else ""

    def init_pin(self, slot: int, new_password: bytes) -> bool:
        return int(self.call("PK11_InitPin", slot, None, new_password)) == SEC_SUCCESS

    def check_user_password(self, slot: int, password: bytes) -> bool:
        return int(self.call("PK11_CheckUserPassword", slot, password)) == SEC_SUCCESS

    # -- certificates and keys
    def token_certificates(self, slot: int) -> list[TokenCertificate]:
        """Every certificate object on the token: its bytes, label (nickname) and key id.

        Reads the PKCS#11 objects' attributes instead of `PK11_ListCertsInSlot`, which decodes
        a CERTCertificate per object and looks up its trust: three times slower for 500
        certificates, and a listing needs only these. (PK11_ReadRawAttributes would read all
        three in one call, but Firefox's nss3.dll does not export it.)
        """
        objects = self.call("PK11_FindGenericObjects", slot, CKO_CERTIFICATE)
        if not objects:  # NSS answers an empty token (and only that) with NULL
            return []
        result: list[TokenCertificate] = []
        try:
            obj = objects
            while obj:
                der = self._raw_attribute(obj, CKA_VALUE)
                if der:
                    label = self._raw_attribute(obj, CKA_LABEL)
                    key_id = self._raw_attribute(obj, CKA_ID)
                    nickname = label.decode("utf-8", "replace") if label else None
                    result.append(TokenCertificate(der, nickname, key_id or None))
                obj = self.call("PK11_GetNextGenericObject", obj)
        finally:
            self.call("PK11_DestroyGenericObjects", objects)
        return result

    def _raw_attribute(self, obj: int, attribute: int) -> bytes | None:
        item = st.SECItem()
        if int(self.call("PK11_ReadRawAttribute", PK11_TYPE_GENERIC, obj, attribute,
                         ctypes.byref(item))) != SEC_SUCCESS:  # fmt: skip
            return None
        try:
            return ctypes.string_at(item.data, item.len) if item.data else b""
        finally:
            self.call("SECITEM_FreeItem_Util", ctypes.byref(item), PR_FALSE)

    def find_cert_by_der(self, der: bytes) -> int | None:
        """A CERTCertificate reference for the open database's certificate with these bytes."""
        item = item_of(der)
        cert: int | None = self.call("CERT_FindCertByDERCert", self.default_cert_db(),
                                     ctypes.byref(item))  # fmt: skip
        return cert

    def dup_certificate(self, cert: int) -> int:
        return int(self.call("CERT_DupCertificate", cert))

    def destroy_certificate(self, cert: int) -> None:
        self.call("CERT_DestroyCertificate", cert)

    def default_cert_db(self) -> int | None:
        handle: int | None = self.call("CERT_GetDefaultCertDB")
        return handle

    def find_cert_by_nickname(self, nickname: bytes) -> int | None:
        cert: int | None = self.call("CERT_FindCertByNickname", self.default_cert_db(), nickname)
        return cert

    def has_private_key(self, cert: int) -> bool:
        key = self.call("PK11_FindKeyByAnyCert", cert, None)
        if not key:
            return False
        self.call("SECKEY_DestroyPrivateKey", key)
        return True

    def private_key_ids(self, slot: int) -> set[bytes]:
        """CKA_ID of every private key on the token: one pass instead of a search per cert."""
        keys = self.call("PK11_ListPrivKeysInSlot", slot, None, None)
        if not keys:
            return set()
        ids: set[bytes] = set()
        try:
            for key in list_key_nodes(keys):
                item = self.call("PK11_GetLowLevelKeyIDForPrivateKey", key)
                if item:
                    ids.add(ctypes.string_at(item.contents.data, item.contents.len))
                    self.call("SECITEM_FreeItem_Util", item, PR_TRUE)
        finally:
            self.call("SECKEY_DestroyPrivateKeyList", keys)
        return ids

    def delete_cert_and_key(self, cert: int) -> bool:
        return int(self.call("PK11_DeleteTokenCertAndKey", cert, None)) == SEC_SUCCESS

    def delete_cert_only(self, cert: int) -> bool:
        return int(self.call("SEC_DeletePermCertificate", cert)) == SEC_SUCCESS


def item_of(data: bytes) -> st.SECItem:
    """A SECItem over a copy of `data` that Python owns (NSS only reads it)."""
    buf = (ctypes.c_ubyte * len(data)).from_buffer_copy(data)
    item = st.SECItem(0, ctypes.cast(buf, POINTER(ctypes.c_ubyte)), len(data))
    item._keep = buf  # the buffer lives as long as the item
    return item


def cert_fields(cert: int) -> tuple[bytes, str | None]:
    """(DER, nickname) read from a CERTCertificate pointer."""
    data = ctypes.cast(cert, POINTER(st.CERTCertificate)).contents
    der = ctypes.string_at(data.derCert.data, data.derCert.len)
    nickname = data.nickname.decode("utf-8", "replace") if data.nickname else None
    return der, nickname


def _walk_prclist(list_addr: int, node_type: type[ctypes.Structure], field: str) -> list[int]:
    """The non-null `field` pointers of the nodes on an NSS list (a circular PRCList).

    Every NSS list head and node starts with its PRCList, so the head's own address ends the
    circle and `links` is the node's first field.
    """
    result: list[int] = []
    node_addr = ctypes.cast(list_addr, POINTER(st.PRCList)).contents.next
    while node_addr and node_addr != list_addr:
        node = ctypes.cast(node_addr, POINTER(node_type)).contents
        pointer = getattr(node, field)
        if pointer:
            result.append(pointer)
        node_addr = node.links.next
    return result


def list_key_nodes(key_list: int) -> list[int]:
    """The SECKEYPrivateKey pointers on a SECKEYPrivateKeyList."""
    return _walk_prclist(key_list, st.SECKEYPrivateKeyListNode, "key")
