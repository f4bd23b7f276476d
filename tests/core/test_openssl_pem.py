"""PEM files as OpenSSL writes them: "Bag Attributes" / "Key Attributes" lines before each block,
several blocks in one file, a key file with "Key Attributes"; every message names the file.

The files come from the `openssl pkcs12` command itself, not from certassist.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.core.reading import (
    read_certificate_and_key,
    read_certificate_file,
)
from tests.e2e.openssl_cli import _run, export
from tests.pki import TestPKI

PASSWORD = "Zomer-Wolk-47!"


def _openssl_split(pki: TestPKI, tmp_path: Path, *, stem: str = "anna") -> dict[str, Path]:
    bundle = pki.vecozo_personal()
    pfx = tmp_path / f"{stem}.pfx"
    export(bundle, pfx, PASSWORD)
    made: dict[str, Path] = {}
    for name, extra in (
        ("certs", ["-nokeys"]),
        ("key", ["-nocerts", "-nodes"]),
        ("key-encrypted", ["-nocerts", "-passout", "@PW@"]),
        ("all", ["-nodes"]),
    ):
        out = tmp_path / f"{stem}-{name}.pem"
        _run(["openssl", "pkcs12", "-in", str(pfx), "-passin", "@PW@", "-out", str(out), *extra],
             PASSWORD)  # fmt: skip
        made[name] = out
    return made


def test_openssl_writes_attribute_lines_before_the_blocks(pki: TestPKI, tmp_path: Path) -> None:
    files = _openssl_split(pki, tmp_path)
    assert files["certs"].read_bytes().startswith(b"Bag Attributes")
    assert b"Key Attributes" in files["key"].read_bytes()


def test_a_nokeys_file_reads_as_the_certificate_with_its_chain(
    pki: TestPKI, tmp_path: Path
) -> None:
    files = _openssl_split(pki, tmp_path)
    bundle = read_certificate_file(files["certs"])
    assert bundle.key is None
    assert bundle.leaf.subject == pki.vecozo_personal().leaf.subject
    assert len(bundle.chain) == len(pki.vecozo_personal().chain)


@pytest.mark.parametrize("key_file", ["key", "key-encrypted"])
def test_a_nocerts_key_file_with_key_attributes_pairs_with_its_certificate(
    pki: TestPKI, tmp_path: Path, key_file: str
) -> None:
    files = _openssl_split(pki, tmp_path)
    bundle = read_certificate_and_key(files["certs"], files[key_file], PASSWORD)
    assert bundle.key_matches()


def test_one_file_with_every_block_and_attribute_lines_opens_with_its_key(
    pki: TestPKI, tmp_path: Path
) -> None:
    files = _openssl_split(pki, tmp_path)
    bundle = read_certificate_file(files["all"])
    assert bundle.key_matches()


def test_a_key_of_another_certificate_names_the_key_file(pki: TestPKI, tmp_path: Path) -> None:
    mine = _openssl_split(pki, tmp_path)
    other_pki = TestPKI()
    theirs = _openssl_split(other_pki, tmp_path, stem="bert")
    with pytest.raises(CertassistError) as caught:
        read_certificate_and_key(mine["certs"], theirs["key"])
    assert caught.value.message_id == "E-read-key-mismatch"
    assert "bert-key.pem" in caught.value.text("nl")
    assert "bert-key.pem" in caught.value.text("en")


def test_a_key_file_without_a_key_says_so_and_names_it(pki: TestPKI, tmp_path: Path) -> None:
    files = _openssl_split(pki, tmp_path)
    with pytest.raises(CertassistError) as caught:
        read_certificate_and_key(files["certs"], files["certs"])
    assert caught.value.message_id == "E-read-no-key"
    assert "anna-certs.pem" in caught.value.text("en")
