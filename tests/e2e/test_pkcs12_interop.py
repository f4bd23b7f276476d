"""PKCS#12 files travel between programs: every writer's file must open in every reader.

Practice staff move certificates between Windows, Firefox and backup sticks, so a backup
certassist writes must open in NSS (Firefox) and OpenSSL, and certassist must open what those
programs and old Windows versions wrote. Writers: OpenSSL (default AES and `-legacy` RC2/3DES),
NSS `pk12util -o`, certassist's backup writer (AES and 3DES) and certassist's export from an
NSS database. Readers: certassist's file reader and backup reader, OpenSSL, `pk12util -i` and
certassist's import into an NSS database (checked by `certutil`). No browser here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from certassist.core.chain import order_bundle
from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, StoreKind, sha256_fingerprint
from certassist.core.pkcs12_quick import read_quick
from certassist.core.reading import read_certificate_file
from certassist.stores.nss import NssStore
from certassist.stores.pkcs12file import open_backup, write_backup
from tests.pki import TestPKI, pfx

from . import nss_cli, openssl_cli

pytestmark = pytest.mark.linux_tools

DER = serialization.Encoding.DER
SPKI = (serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
PASSWORD = "Verzonnen-Back-up-2026"
WRONG = "verzonnen-back-up-2026"  # one case off: what a user most often gets wrong


@dataclass(frozen=True)
class Writer:
    name: str
    write: Callable[[Bundle, Path, str], Path]  # bundle, empty folder, password -> the file
    shape: tuple[str, ...]  # what `openssl pkcs12 -info` must report about the file
    legacy_provider: bool = False  # OpenSSL 3 reads RC2 only with `-legacy`
    quick: bool = False  # certassist's quick reader handles it (AES or 3DES, one key; not RC2)


def _openssl_default(bundle: Bundle, folder: Path, password: str) -> Path:
    out = folder / "openssl-aes.p12"
    openssl_cli.export(bundle, out, password)
    return out


def _openssl_legacy(bundle: Bundle, folder: Path, password: str) -> Path:
    out = folder / "openssl-legacy.p12"
    openssl_cli.export(bundle, out, password, legacy=True)
    return out


def _nss_db_with(bundle: Bundle, folder: Path, password: str) -> Path:
    """An NSS database filled by NSS's own pk12util (not by certassist)."""
    db = folder / "nssdb"
    nss_cli.create_db(db)
    source = folder / "source.p12"
    source.write_bytes(pfx(bundle, password))
    nss_cli.pk12_import(db, source, password)
    source.unlink()
    return db


def _pk12util(bundle: Bundle, folder: Path, password: str) -> Path:
    """NSS writes BER with indefinite lengths, as Firefox's own certificate backup does."""
    db = _nss_db_with(bundle, folder, password)
    nickname = nss_cli.user_certificates(db)[bundle.fingerprint]
    out = folder / "pk12util.p12"
    nss_cli.pk12_export(db, nickname, out, password)
    return out


def _certassist_aes(bundle: Bundle, folder: Path, password: str) -> Path:
    return write_backup(folder, bundle, password)


def _certassist_3des(bundle: Bundle, folder: Path, password: str) -> Path:
    return write_backup(folder, bundle, password, encryption="3des")


def _certassist_from_nss(bundle: Bundle, folder: Path, password: str) -> Path:
    """Back up what is in a Firefox profile: NssStore.export, then the backup writer."""
    db = _nss_db_with(bundle, folder, password)
    exported = NssStore(db, kind=StoreKind.FIREFOX).export(bundle.fingerprint)
    backups = folder / "backups"
    backups.mkdir()
    return write_backup(backups, exported, password)


WRITERS = [
    Writer("openssl-default", _openssl_default, ("AES-256-CBC", "MAC: sha256"), quick=True),
    Writer(
        "openssl-legacy",
        _openssl_legacy,
        ("pbeWithSHA1And40BitRC2-CBC", "pbeWithSHA1And3-KeyTripleDES-CBC", "MAC: sha1"),
        legacy_provider=True,
    ),
    # NSS's MAC takes 600,000 rounds of PKCS#12's key derivation: cryptography's C is faster.
    Writer("pk12util", _pk12util, ("PBES2", "MAC: sha256")),
    Writer("certassist-aes", _certassist_aes, ("AES-256-CBC", "MAC: sha256"), quick=True),
    Writer(
        "certassist-3des",
        _certassist_3des,
        ("pbeWithSHA1And3-KeyTripleDES-CBC", "MAC: sha1"),
        quick=True,
    ),
    Writer("certassist-from-nss", _certassist_from_nss, ("AES-256-CBC", "MAC: sha256"), quick=True),
]


@dataclass(frozen=True)
class Seen:
    """What a reader found in a file, in terms every reader can report."""

    key_holder: str | None  # fingerprint of the certificate whose private key came along
    certificates: frozenset[str]  # fingerprints of every certificate in the file
    friendly_name: str | None = None  # None where the reader does not report one


Reader = Callable[[Path, str, Writer, Path], Seen]  # file, password, writer, scratch folder


def _from_bundle(bundle: Bundle) -> Seen:
    return Seen(
        bundle.fingerprint if bundle.key_matches() else None,
        frozenset(sha256_fingerprint(c.public_bytes(DER)) for c in (bundle.leaf, *bundle.chain)),
        bundle.friendly_name,
    )


def read_with_certassist(path: Path, password: str, writer: Writer, scratch: Path) -> Seen:
    return _from_bundle(read_certificate_file(path, password))


def read_with_certassist_backup(path: Path, password: str, writer: Writer, scratch: Path) -> Seen:
    return _from_bundle(open_backup(path, password))


def read_with_openssl(path: Path, password: str, writer: Writer, scratch: Path) -> Seen:
    legacy = writer.legacy_provider
    named = openssl_cli.read_certificates(path, password, legacy=legacy)
    key_spki = openssl_cli.read_key(path, password, legacy=legacy).public_key().public_bytes(*SPKI)
    holder = next(
        ((c, n) for c, n in named if c.public_key().public_bytes(*SPKI) == key_spki), None
    )
    return Seen(
        nss_cli.fingerprint(holder[0]) if holder else None,
        frozenset(nss_cli.fingerprint(c) for c, _ in named),
        holder[1] if holder else None,
    )


def _seen_in_db(db: Path) -> Seen:
    """certutil's view: certificates with a key (-K), their nickname, every certificate (-L)."""
    with_key = nss_cli.user_certificates(db)
    every = {
        nss_cli.fingerprint(c)
        for nickname in nss_cli.nicknames(db)
        for c in nss_cli.certificates_named(db, nickname)
    }
    if len(with_key) != 1:
        return Seen(None, frozenset(every))
    [(holder, nickname)] = with_key.items()
    return Seen(holder, frozenset(every), nickname)


def read_with_pk12util(path: Path, password: str, writer: Writer, scratch: Path) -> Seen:
    db = scratch / "pk12util-reader"
    nss_cli.create_db(db)
    nss_cli.pk12_import(db, path, password)
    return _seen_in_db(db)


def read_into_nss_with_certassist(path: Path, password: str, writer: Writer, scratch: Path) -> Seen:
    """Restore into a fresh Firefox profile: certassist reads the file and adds it to NSS."""
    profile = scratch / "certassist-profile"
    profile.mkdir()
    NssStore(profile, kind=StoreKind.FIREFOX).add(read_certificate_file(path, password))
    return _seen_in_db(profile)


READERS: dict[str, Reader] = {
    "certassist-reader": read_with_certassist,
    "certassist-backup-reader": read_with_certassist_backup,
    "openssl": read_with_openssl,
    "pk12util": read_with_pk12util,
    "certassist-into-nss": read_into_nss_with_certassist,
}


@dataclass(frozen=True)
class Written:
    writer: Writer
    path: Path
    bundle: Bundle


@pytest.fixture(scope="module", params=WRITERS, ids=lambda w: w.name)
def written(
    request: pytest.FixtureRequest, pki: TestPKI, tmp_path_factory: pytest.TempPathFactory
) -> Written:
    """Each writer writes its file once per module; every reader then gets a copy to read."""
    writer: Writer = request.param
    bundle = pki.vecozo_personal(name="Carla Claassen")
    folder = tmp_path_factory.mktemp(f"written-{writer.name}")
    return Written(writer, writer.write(bundle, folder, PASSWORD), bundle)


def test_each_writer_writes_the_encryption_it_is_known_for(written: Written) -> None:
    """Otherwise the matrix would prove less than it claims (e.g. AES where RC2 was meant)."""
    shown = openssl_cli.info(written.path, PASSWORD, legacy=written.writer.legacy_provider)
    for expected in written.writer.shape:
        assert expected in shown, shown


@pytest.mark.parametrize("reader_name", list(READERS))
def test_every_reader_opens_every_writers_file_with_certificate_key_and_chain(
    written: Written, reader_name: str, tmp_path: Path
) -> None:
    bundle = written.bundle
    seen = READERS[reader_name](written.path, PASSWORD, written.writer, tmp_path)

    assert seen.key_holder == bundle.fingerprint  # the key came along, and it is the leaf's
    assert seen.certificates == {bundle.fingerprint} | {
        nss_cli.fingerprint(c) for c in bundle.chain
    }
    # The name the user sees in Windows or Firefox after a restore (no "NSS Certificate DB:").
    assert seen.friendly_name == bundle.friendly_name


@pytest.mark.parametrize("reader_name", list(READERS))
def test_every_reader_refuses_a_wrong_password(
    written: Written, reader_name: str, tmp_path: Path
) -> None:
    with pytest.raises((CertassistError, openssl_cli.OpenSslFailed, RuntimeError)) as refused:
        READERS[reader_name](written.path, WRONG, written.writer, tmp_path)
    if isinstance(refused.value, CertassistError):
        # certassist must say "wrong password" (try again), not "damaged file" (give up).
        assert refused.value.message_id in {"E-read-wrong-password", "E-backup-wrong-password"}


ACCENTED = "Geheim-één-ß-2026"  # PKCS#12 turns passwords into BMPString; every program must agree
ACCENTED_WRITERS = [
    w for w in WRITERS if w.name in ("openssl-default", "pk12util", "certassist-aes")
]


@pytest.fixture(scope="module", params=ACCENTED_WRITERS, ids=lambda w: w.name)
def written_accented(
    request: pytest.FixtureRequest, pki: TestPKI, tmp_path_factory: pytest.TempPathFactory
) -> Written:
    writer: Writer = request.param
    bundle = pki.vecozo_personal(name="Joëlle Çelik")
    folder = tmp_path_factory.mktemp(f"accented-{writer.name}")
    return Written(writer, writer.write(bundle, folder, ACCENTED), bundle)


@pytest.mark.parametrize("reader_name", ["certassist-reader", "openssl", "pk12util"])
def test_a_password_with_accents_opens_in_every_program(
    written_accented: Written, reader_name: str, tmp_path: Path
) -> None:
    seen = READERS[reader_name](written_accented.path, ACCENTED, written_accented.writer, tmp_path)

    assert seen.key_holder == written_accented.bundle.fingerprint
    assert seen.friendly_name == written_accented.bundle.friendly_name


def _seen_by_cryptography(path: Path, password: str) -> Seen:
    """cryptography's own PKCS#12 reader (with its RSA prime test): the reference."""
    loaded = pkcs12.load_pkcs12(path.read_bytes(), password.encode())
    assert loaded.cert is not None and loaded.key is not None
    name = loaded.cert.friendly_name
    return Seen(
        nss_cli.fingerprint(loaded.cert.certificate),
        frozenset(
            nss_cli.fingerprint(c.certificate) for c in (loaded.cert, *loaded.additional_certs)
        ),
        name.decode() if name else None,
    )


def _seen_quickly(path: Path, password: str) -> Seen | None:
    quick = read_quick(path.read_bytes(), password)
    if quick is None:
        return None
    holder = order_bundle(quick.certificates, quick.key)
    return Seen(
        holder.fingerprint,
        frozenset(nss_cli.fingerprint(c) for c in quick.certificates),
        quick.friendly_name,
    )


@pytest.mark.filterwarnings("ignore:PKCS#12 bundle could not be parsed as DER")
def test_the_quick_reader_agrees_with_cryptography_or_steps_aside(written: Written) -> None:
    """The usual layouts skip cryptography's slow RSA prime test; the others are left to it."""
    quick = _seen_quickly(written.path, PASSWORD)
    if written.writer.quick:
        assert quick == _seen_by_cryptography(written.path, PASSWORD)
    else:
        assert quick is None
    assert _seen_quickly(written.path, WRONG) is None  # cryptography then says "wrong password"


@pytest.mark.filterwarnings("ignore:PKCS#12 bundle could not be parsed as DER")
def test_the_quick_reader_turns_an_accented_password_into_the_same_keys(
    written_accented: Written,
) -> None:
    quick = _seen_quickly(written_accented.path, ACCENTED)
    if written_accented.writer.quick:
        assert quick == _seen_by_cryptography(written_accented.path, ACCENTED)
    else:
        assert quick is None
