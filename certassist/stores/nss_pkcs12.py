"""PKCS#12 in and out of an open NSS session: the way NSS itself imports and exports keys.

Import: certassist builds the PKCS#12 blob itself (cryptography), so the password is a random
one-time value that never leaves memory. Export: NSS writes a transient blob with a random
password, and cryptography parses it back into a Bundle.
"""

from __future__ import annotations

import ctypes
import secrets
import warnings
from collections.abc import Callable
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.models import Bundle, sha256_fingerprint
from certassist.core.pkcs12_quick import bmp_password
from certassist.stores import nss_lib
from certassist.stores.nss_session import NssCert, NssSession

# Rounds for the transient in-memory blob only (never written anywhere): the password is random
# and used once, so stretching it would only cost time.
TRANSIENT_KDF_ROUNDS = 1000


def common_name(cert: x509.Certificate) -> str:
    names = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    value = names[0].value if names else None
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value or cert.subject.rfc4514_string() or sha256_fingerprint(cert_der(cert))[:16]


def cert_der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def holder_nickname(bundle: Bundle) -> str:
    """The nickname Firefox shows for the certificate: the bundle's name or the leaf's CN."""
    return (bundle.friendly_name or "").strip() or common_name(bundle.leaf)


def build_blob(bundle: Bundle, nickname: str, password: bytes) -> bytes:
    encryption = (
        serialization.PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(TRANSIENT_KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(password)
    )
    chain = [pkcs12.PKCS12Certificate(c, common_name(c).encode()) for c in bundle.chain]
    key: Any = bundle.key
    return pkcs12.serialize_key_and_certificates(
        nickname.encode("utf-8"), key, bundle.leaf, chain or None, encryption
    )


def _unique(session: NssSession, wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in taken or session.nickname_taken(candidate):
        number += 1
        candidate = f"{wanted} ({number})"
    return candidate


def import_bundle(
    session: NssSession, bundle: Bundle, before_write: Callable[[], None] | None = None
) -> None:
    """Import leaf, chain and key through SEC_PKCS12Decoder* (what pk12util -i does).

    `before_write` runs after the names were chosen (read from the database) and before the
    bags are written: the window in which another writer could take a chosen name."""
    session.token_changed()
    lib = session.lib
    nickname = holder_nickname(bundle)
    password = secrets.token_hex(16)
    blob = build_blob(bundle, nickname, password.encode())
    names_by_der = {cert_der(c): common_name(c) for c in bundle.chain}
    names_by_der[bundle.leaf_der] = nickname
    handed_out: set[str] = set()

    def on_collision(old: Any, cancel: Any, arg: int | None) -> int | None:
        # Called when a friendlyName is missing or already used by another subject.
        wanted = nickname
        if arg:
            der, _ = nss_lib.cert_fields(arg)
            wanted = names_by_der.get(der, nickname)
        if old and old.contents.data:
            wanted = ctypes.string_at(old.contents.data, old.contents.len).decode(
                "utf-8", "replace"
            )
        name = _unique(session, wanted, handed_out)
        handed_out.add(name)
        cancel[0] = nss_lib.PR_FALSE
        return lib.alloc_item(name.encode("utf-8"))

    callback = nss_lib.NICKNAME_COLLISION_FUNC(on_collision)  # referenced until the end
    pw_item = nss_lib.item_of(bmp_password(password))
    dcx = lib.call("SEC_PKCS12DecoderStart", ctypes.byref(pw_item), session.slot, None,
                   None, None, None, None, None)  # fmt: skip
    if not dcx:
        raise session.failure("import-start")
    try:
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("import-read", lambda: lib.call("SEC_PKCS12DecoderUpdate", dcx, blob, len(blob))),
            ("import-verify", lambda: lib.call("SEC_PKCS12DecoderVerify", dcx)),
            ("import-names", lambda: lib.call("SEC_PKCS12DecoderValidateBags", dcx, callback)),
            ("import-write", lambda: lib.call("SEC_PKCS12DecoderImportBags", dcx)),
        ]
        for operation, step in steps:
            if operation == "import-write" and before_write is not None:
                before_write()
            if int(step()) != nss_lib.SEC_SUCCESS:
                raise session.failure(operation)
    finally:
        lib.call("SEC_PKCS12DecoderFinish", dcx)


def export_bundle(session: NssSession, cert: NssCert) -> Bundle:
    """Export through SEC_PKCS12 encoder to memory, then parse it with cryptography."""
    lib = session.lib
    password = secrets.token_hex(16)
    pw_item = nss_lib.item_of(password.encode())  # UTF-8 without NUL: NSS converts it
    out = bytearray()

    def on_output(arg: int | None, buf: int | None, length: int) -> None:
        if buf and length:
            out.extend(ctypes.string_at(buf, length))

    writer = nss_lib.ENCODER_OUTPUT_FUNC(on_output)
    ecx = lib.call("SEC_PKCS12CreateExportContext", None, None, session.slot, None)
    if not ecx:
        raise session.failure("export-start")
    try:
        pw = ctypes.byref(pw_item)
        if lib.call("SEC_PKCS12AddPasswordIntegrity", ecx, pw, nss_lib.SEC_OID_SHA256) != 0:
            raise session.failure("export-integrity")
        safe = lib.call("SEC_PKCS12CreateUnencryptedSafe", ecx)
        if not safe:
            raise session.failure("export-safe")
        # SEC_PKCS12AddCertAndKey adds the chain too (Firefox's nss3.dll does not export
        # SEC_PKCS12AddCertOrChainAndKey, which makes that a choice).
        status = lib.call(
            "SEC_PKCS12AddCertAndKey", ecx, safe, None, session.pointer(cert),
            lib.default_cert_db(), safe, None, nss_lib.PR_TRUE, pw, nss_lib.SEC_OID_AES_256_CBC,
        )  # fmt: skip
        if status != nss_lib.SEC_SUCCESS:
            raise session.failure("export-key")
        if lib.call("SEC_PKCS12Encode", ecx, writer, None) != nss_lib.SEC_SUCCESS:
            raise session.failure("export-encode")
    finally:
        lib.call("SEC_PKCS12DestroyExportContext", ecx)
    with warnings.catch_warnings():
        # NSS writes BER (indefinite lengths); the MAC covers those bytes, so they cannot be
        # rewritten as DER. cryptography parses it and warns; the blob never leaves memory.
        warnings.filterwarnings("ignore", message="PKCS#12 bundle could not be parsed as DER")
        parsed = pkcs12.load_pkcs12(bytes(out), password.encode())
    if parsed.cert is None:
        raise session.failure("export-parse")
    chain = tuple(c.certificate for c in parsed.additional_certs)
    return Bundle(parsed.cert.certificate, chain, parsed.key, cert.nickname)
