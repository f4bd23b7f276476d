"""An in-memory crypt32 that behaves like the real one where certassist depends on it.

Faithful on purpose, so `WindowsStore` tests mean something: PFX blobs are really parsed and
produced (cryptography), a wrong password fails like PFXImportCertStore does, only certificates
with a key land in MY, the CRYPT_EXPORTABLE flag decides whether PFXExportCertStoreEx may
export the key, PKCS12_NO_PERSIST_KEY leaves no key behind, and the machine store and machine
keys refuse writes with ERROR_ACCESS_DENIED unless the process is elevated, and a store that
does not exist yet (a location missing from `stores`, as CurrentUser\\MY of a new profile) reads
as empty until the first import creates it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.models import Bundle, cert_der
from certassist.stores.pkcs12file import pfx_bytes
from certassist.stores.windows_api import (
    CRYPT_E_NOT_FOUND,
    CRYPT_EXPORTABLE,
    CRYPT_MACHINE_KEYSET,
    ERROR_ACCESS_DENIED,
    ERROR_INVALID_PASSWORD,
    NTE_BAD_KEY_STATE,
    NTE_NO_KEY,
    PKCS12_NO_PERSIST_KEY,
    Crypt32Error,
    Location,
    RawCert,
    fingerprint_of,
)


@dataclass
class FakeCert:
    der: bytes
    key: PrivateKeyTypes | None
    exportable: bool
    key_location: Location | None  # which key set holds the private key
    friendly_name: str | None = None


@dataclass
class FakeCrypt32:
    elevated: bool = False
    stores: dict[Location, dict[str, FakeCert]] = field(
        default_factory=lambda: {"user": {}, "machine": {}}
    )
    calls: list[str] = field(default_factory=list)  # operation names, for tests that count

    def is_elevated(self) -> bool:
        return self.elevated

    def enum_certs(self, location: Location) -> list[RawCert]:
        """Exportability is found by trying an export, as RealCrypt32 does: without admin
        rights a machine key cannot be read, so it shows as not exportable."""
        self.calls.append("enum_certs")
        return [
            RawCert(c.der, c.key is not None, self._can_export(c), c.friendly_name)
            for c in self._read(location).values()
        ]

    def _can_export(self, cert: FakeCert) -> bool:
        readable = cert.key_location != "machine" or self.elevated
        return cert.key is not None and cert.exportable and readable

    def contains(self, location: Location, fingerprint: str) -> bool:
        self.calls.append("contains")
        return fingerprint.upper() in self._read(location)

    def import_pfx(self, location: Location, pfx: bytes, password: str, flags: int) -> list[bytes]:
        self.calls.append("import_pfx")
        self._check_write(location, "CertOpenStore")
        store = self._write(location)  # opened for writing before the file is read
        key_location: Location = "machine" if flags & CRYPT_MACHINE_KEYSET else "user"
        if key_location == "machine":
            self._check_write("machine", "PFXImportCertStore")
        try:
            parsed = pkcs12.load_pkcs12(pfx, password.encode("utf-8"))
        except ValueError as exc:
            raise Crypt32Error("PFXImportCertStore", ERROR_INVALID_PASSWORD) from exc
        if parsed.key is None or parsed.cert is None:
            return []  # no certificate has a key: nothing goes to MY
        persist = not flags & PKCS12_NO_PERSIST_KEY
        leaf = parsed.cert.certificate
        der = cert_der(leaf)
        name = parsed.cert.friendly_name
        store[fingerprint_of(der)] = FakeCert(
            der=der,
            key=parsed.key if persist else None,
            exportable=bool(flags & CRYPT_EXPORTABLE),
            key_location=key_location if persist else None,
            friendly_name=name.decode("utf-8", errors="replace") if name else None,
        )
        return [der]

    def export_pfx(self, location: Location, fingerprint: str, password: str) -> bytes:
        self.calls.append("export_pfx")
        cert = self._find(location, fingerprint)
        if cert.key is None:
            raise Crypt32Error("PFXExportCertStoreEx", NTE_NO_KEY)
        if cert.key_location == "machine" and not self.elevated:
            raise Crypt32Error("PFXExportCertStoreEx", ERROR_ACCESS_DENIED)
        if not cert.exportable:
            raise Crypt32Error("PFXExportCertStoreEx", NTE_BAD_KEY_STATE)
        # What crypt32 writes by default: 3DES/SHA-1, the leaf only.
        leaf = x509.load_der_x509_certificate(cert.der)
        return pfx_bytes(Bundle(leaf, (), cert.key, cert.friendly_name), password, "3des", 2000)

    def delete_cert(self, location: Location, fingerprint: str) -> None:
        self.calls.append("delete_cert")
        self._check_write(location, "CertOpenStore")
        store = self._write(location)
        self._find(location, fingerprint)
        del store[fingerprint.upper()]

    # -- test set-up ------------------------------------------------------------------------
    def put(
        self, location: Location, bundle: Bundle, *, exportable: bool = True, with_key: bool = True
    ) -> None:
        """Seed a store as if someone imported it earlier (e.g. non-exportable, by hand)."""
        key = bundle.key if with_key else None
        self._write(location)[bundle.fingerprint] = FakeCert(
            bundle.leaf_der,
            key,
            exportable,
            location if key is not None else None,
            bundle.friendly_name,
        )

    def key_location(self, location: Location, fingerprint: str) -> Location | None:
        return self._find(location, fingerprint).key_location

    def _find(self, location: Location, fingerprint: str) -> FakeCert:
        cert = self._read(location).get(fingerprint.upper())
        if cert is None:
            raise Crypt32Error("CertFindCertificateInStore", CRYPT_E_NOT_FOUND)
        return cert

    def _read(self, location: Location) -> dict[str, FakeCert]:
        """A store never written reads as empty; reading does not create it (RealCrypt32 opens
        it read-only with OPEN_EXISTING and takes ERROR_FILE_NOT_FOUND as empty)."""
        return self.stores.get(location, {})

    def _write(self, location: Location) -> dict[str, FakeCert]:
        """Opening for writing creates the store, as CertOpenStore without OPEN_EXISTING does."""
        return self.stores.setdefault(location, {})

    def _check_write(self, location: Location, operation: str) -> None:
        if location == "machine" and not self.elevated:
            raise Crypt32Error(operation, ERROR_ACCESS_DENIED)
