"""The made-up PKI keeps its promises, checked with the OpenSSL command line as the oracle.

Every other test trusts these certificates and files, so what they claim (encryption, dates,
otherName layout, chains) is checked here by a tool that shares no code with certassist.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509.oid import ExtensionOID, NameOID

from tests.pki import (
    LONG_OTHERNAME_SERVER_VALUE,
    Bundle,
    Environment,
    Kind,
    TestPKI,
    der,
    p7b,
    pem,
    pem_bundle,
    pfx,
    pkcs8_key,
)

pytestmark = [
    pytest.mark.linux_tools,
    pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl"),
]

TODAY = date(2031, 3, 14)  # a fixed day, so nothing here depends on the clock
NOON = int(datetime(2031, 3, 14, 12, tzinfo=UTC).timestamp())


@pytest.fixture(scope="module")
def pki() -> TestPKI:
    return TestPKI(TODAY)


@pytest.fixture(scope="module")
def anna(pki: TestPKI) -> Bundle:
    """One personal certificate for the file-format tests (saves key generation)."""
    return pki.vecozo_personal()


def openssl(
    *args: str, data: bytes | None = None, password: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if password is not None:
        env["PW"] = password
    return subprocess.run(
        ["openssl", *args],
        input=data.decode("latin-1") if data is not None else None,
        capture_output=True,
        text=True,
        encoding="latin-1",
        env=env,
        check=False,
        timeout=30,
    )


def pfx_info(path: Path, password: str) -> subprocess.CompletedProcess[str]:
    return openssl(
        "pkcs12",
        "-info",
        "-noout",
        "-legacy",
        "-passin",
        "env:PW",
        "-in",
        str(path),
        password=password,
    )


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- PKCS#12 ---------------------------------------------------------------------------------

ALGORITHMS = {
    "aes": ["PBES2, PBKDF2, AES-256-CBC", "PRF hmacWithSHA256", "MAC: sha256"],
    "3des": ["Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC", "MAC: sha1"],
    "rc2-40": [
        "PKCS7 Encrypted data: pbeWithSHA1And40BitRC2-CBC",
        "Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC",
        "MAC: sha1",
    ],
}


@pytest.mark.parametrize("encryption", ["aes", "3des", "rc2-40"])
def test_pfx_opens_with_its_password_and_reports_its_algorithm(
    anna: Bundle, tmp_path: Path, encryption: str
) -> None:
    path = write(tmp_path, "backup.pfx", pfx(anna, "Geheim wachtwoord!", encryption))  # type: ignore[arg-type]
    opened = pfx_info(path, "Geheim wachtwoord!")
    assert opened.returncode == 0, opened.stderr
    for expected in ALGORITHMS[encryption]:
        assert expected in opened.stderr + opened.stdout
    wrong = pfx_info(path, "geheim wachtwoord!")
    assert wrong.returncode != 0
    assert "invalid password" in wrong.stderr


@pytest.mark.parametrize("encryption", ["aes", "3des", "rc2-40"])
def test_pfx_carries_friendly_name_key_and_chain(
    anna: Bundle, tmp_path: Path, encryption: str
) -> None:
    path = write(tmp_path, "b.pfx", pfx(anna, "pw", encryption))  # type: ignore[arg-type]
    dump = openssl(
        "pkcs12", "-legacy", "-passin", "env:PW", "-in", str(path), "-nodes", password="pw"
    )
    assert dump.returncode == 0, dump.stderr
    assert dump.stdout.count("BEGIN CERTIFICATE") == 2  # leaf + issuing CA
    assert "PRIVATE KEY" in dump.stdout
    assert f"friendlyName: {anna.friendly_name}" in dump.stdout
    leaf_only = write(tmp_path, "l.pfx", pfx(anna, "pw", encryption, with_chain=False))  # type: ignore[arg-type]
    dump = openssl(
        "pkcs12", "-legacy", "-passin", "env:PW", "-in", str(leaf_only), "-nokeys", password="pw"
    )
    assert dump.stdout.count("BEGIN CERTIFICATE") == 1


def test_pfx_iterations_are_honoured(anna: Bundle, tmp_path: Path) -> None:
    path = write(tmp_path, "i.pfx", pfx(anna, "pw", "aes", iterations=1234))
    assert "Iteration 1234" in pfx_info(path, "pw").stderr


def test_pfx_without_password_has_plain_bags(anna: Bundle, tmp_path: Path) -> None:
    path = write(tmp_path, "n.pfx", pfx(anna, None, "none"))
    info = pfx_info(path, "")
    assert info.returncode == 0, info.stderr
    assert "Key bag" in info.stderr and "Shrouded" not in info.stderr
    assert "Encrypted data" not in info.stderr


def test_empty_password_is_a_real_password(anna: Bundle, tmp_path: Path) -> None:
    path = write(tmp_path, "e.pfx", pfx(anna, "", "aes"))
    opened = pfx_info(path, "")
    assert opened.returncode == 0, opened.stderr
    assert "Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC" in opened.stderr
    assert pfx_info(path, "x").returncode != 0


def test_pfx_refuses_contradictions(anna: Bundle) -> None:
    with pytest.raises(ValueError):
        pfx(anna, "pw", "none")
    with pytest.raises(ValueError):
        pfx(anna, None, "3des")


# --- UZI otherName ---------------------------------------------------------------------------


def san_lines(tmp_path: Path, cert: x509.Certificate) -> list[str]:
    """The subjectAltName of the certificate as OpenSSL parses it (found via -strparse)."""
    path = write(tmp_path, "c.der", cert.public_bytes(serialization.Encoding.DER))
    lines = openssl("asn1parse", "-inform", "DER", "-in", str(path)).stdout.splitlines()
    index = next(i for i, line in enumerate(lines) if "Subject Alternative Name" in line)
    offset = lines[index + 1].split(":", 1)[0].strip()
    parsed = openssl("asn1parse", "-inform", "DER", "-in", str(path), "-strparse", offset)
    assert parsed.returncode == 0, parsed.stderr
    return parsed.stdout.splitlines()


def ia5_values(lines: Sequence[str]) -> list[tuple[int, str]]:
    out = []
    for line in lines:
        match = re.search(r"l=\s*(\d+) prim: IA5STRING\s+:(.*)$", line)
        if match:
            out.append((int(match.group(1)), match.group(2)))
    return out


def test_long_othername_is_an_ia5string_of_64_characters(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.long_othername_server()
    lines = san_lines(tmp_path, bundle.leaf)
    assert any("OBJECT" in line and ":2.5.5.5" in line for line in lines)
    assert ia5_values(lines) == [(64, LONG_OTHERNAME_SERVER_VALUE)]
    assert LONG_OTHERNAME_SERVER_VALUE == (
        "2.16.528.1.1003.1.3.5.5.5-1-123456789-S-12345678-00.000-00000000"
    )
    # the URA as permanentIdentifier: UTF8String + assigner OID
    assert any("UTF8STRING" in line and ":87654321" in line for line in lines)
    assert any(":2.16.528.1.1007.3.3" in line for line in lines)
    assert any("prim: cont [ 2 ]" in line for line in lines)  # dNSName


def test_uzi_server_in_test_environment(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.uzi_server(environment=Environment.TEST, subscriber="11112222", with_ura=False)
    lines = san_lines(tmp_path, bundle.leaf)
    [(_, value)] = ia5_values(lines)
    assert value == "2.16.528.1.1007.99.8-1-123456789-S-11112222-00.000-00000000"
    assert not any("UTF8STRING" in line for line in lines)
    issuer_cn = bundle.leaf.issuer.get_attributes_for_oid(NameOID.COMMON_NAME)[0].value
    assert issuer_cn == "TEST UZI-register Private Server CA G1"


@pytest.mark.parametrize(
    ("card_type", "issuer", "prefix", "role", "policy"),
    [
        ("Z", "UZI-register Zorgverlener CA G3", "2.16.528.1.1003.1.3.5.5.2", "01.015", "5.1"),
        (
            "N",
            "UZI-register Medewerker op naam CA G3",
            "2.16.528.1.1003.1.3.5.5.3",
            "00.000",
            "5.2",
        ),
        (
            "M",
            "UZI-register Medewerker niet op naam CA G3",
            "2.16.528.1.1003.1.3.5.5.4",
            "00.000",
            "5.3",
        ),
    ],
)
def test_uzi_cards(
    pki: TestPKI, tmp_path: Path, card_type: str, issuer: str, prefix: str, role: str, policy: str
) -> None:
    bundle = pki.uzi_card(card_type)
    [(_, value)] = ia5_values(san_lines(tmp_path, bundle.leaf))
    assert value == f"{prefix}-1-900012345-{card_type}-12345678-{role}-12345678"
    assert bundle.leaf.issuer.rfc4514_string() == f"CN={issuer},O=CIBG,C=NL"
    text = openssl("x509", "-noout", "-text", data=pem(bundle)).stdout
    assert f"Policy: 2.16.528.1.1003.1.2.{policy}" in text


def test_uzi_server_profile(pki: TestPKI) -> None:
    text = openssl("x509", "-noout", "-text", data=pem(pki.uzi_server())).stdout
    assert "Subject: C = NL, O = Huisartsenpraktijk De Linde (VERZONNEN)" in text
    assert "CN = portaal.delinde.example" in text
    assert "Issuer: C = NL, O = CIBG, CN = UZI-register Private Server CA G1" in text
    assert "Digital Signature, Key Encipherment" in text
    assert "TLS Web Server Authentication, TLS Web Client Authentication" in text
    assert "Policy: 2.16.528.1.1003.1.2.8.6" in text
    assert "Public-Key: (2048 bit)" in text and "sha256WithRSAEncryption" in text


# --- VECOZO subjects ---------------------------------------------------------------------------


def test_vecozo_personal_subject_and_environments(pki: TestPKI) -> None:
    for environment, ca in [
        (Environment.PRODUCTION, "Fictieve VECOZO CA G1 (VERZONNEN)"),
        (Environment.ACCEPTANCE, "Fictieve VECOZO Acceptatie CA G1 (VERZONNEN)"),
        (Environment.TEST, "Fictieve VECOZO Test CA G1 (VERZONNEN)"),
    ]:
        bundle = pki.vecozo_personal(
            "Piet Puk", user_number="12345678901234", environment=environment
        )
        out = openssl(
            "x509",
            "-noout",
            "-subject",
            "-issuer",
            "-ext",
            "extendedKeyUsage",
            "-nameopt",
            "RFC2253",
            data=pem(bundle),
        ).stdout
        assert (
            "subject=serialNumber=12345678901234,CN=Piet Puk,OU=Persoonlijk certificaat,"
            "O=Huisartsenpraktijk De Linde (VERZONNEN),C=NL"
        ) in out
        assert f"issuer=CN={ca},O=VECOZO testdata VERZONNEN,C=NL" in out
        assert "TLS Web Client Authentication" in out


def test_vecozo_system_subject(pki: TestPKI) -> None:
    out = openssl(
        "x509",
        "-noout",
        "-subject",
        "-nameopt",
        "RFC2253,oid",
        data=pem(pki.vecozo_system(agb="07654321")),
    ).stdout
    assert "2.5.4.97=AGB-07654321" in out
    assert "2.5.4.3=Huisartsenpraktijk De Linde (VERZONNEN) systeemcertificaat" in out
    assert "2.5.4.11=Systeemcertificaat" in out


def test_every_root_says_it_is_made_up(pki: TestPKI) -> None:
    roots = pki.ca_certificates()
    assert len(roots) == 5
    for root in roots:
        assert "VERZONNEN" in root.subject.rfc4514_string()
        assert root.subject == root.issuer


# --- dates, relative to the injected today -----------------------------------------------------


def dates(bundle: Bundle) -> tuple[str, str]:
    out = openssl("x509", "-noout", "-startdate", "-enddate", data=pem(bundle)).stdout
    start = re.search(r"notBefore=(.*)", out)
    end = re.search(r"notAfter=(.*)", out)
    assert start and end
    return start.group(1), end.group(1)


def verify(pki: TestPKI, bundle: Bundle, tmp_path: Path, purpose: str = "sslclient") -> str:
    """`openssl verify` at noon on TODAY, trusting only the bundle's made-up root."""
    ca = write(tmp_path, "root.pem", pem_bundle(pki.root_of(bundle)))
    leaf = write(tmp_path, "leaf.pem", bundle.leaf.public_bytes(serialization.Encoding.PEM))
    args = ["verify", "-attime", str(NOON), "-purpose", purpose, "-CAfile", str(ca)]
    if bundle.chain:
        args += ["-untrusted", str(write(tmp_path, "chain.pem", pem_bundle(*bundle.chain)))]
    result = openssl(*args, str(leaf))
    return result.stdout + result.stderr


def test_default_validity_starts_today(pki: TestPKI, tmp_path: Path) -> None:
    assert dates(pki.vecozo_personal()) == ("Mar 14 00:00:00 2031 GMT", "Mar 13 23:59:59 2033 GMT")
    assert dates(pki.uzi_server())[1] == "Mar 13 23:59:59 2034 GMT"  # 1095 days


def test_expired_yesterday(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.expired()
    assert dates(bundle)[1] == "Mar 13 23:59:59 2031 GMT"
    assert "certificate has expired" in verify(pki, bundle, tmp_path)
    older = pki.expired(Kind.UZI_SERVER, days_ago=10, subscriber="99990000")
    assert dates(older)[1] == "Mar  4 23:59:59 2031 GMT"
    assert "99990000" in str(
        older.leaf.extensions.get_extension_for_oid(ExtensionOID.SUBJECT_ALTERNATIVE_NAME).value
    )


def test_expiring_in(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.expiring_in(30)
    assert dates(bundle)[1] == "Apr 13 23:59:59 2031 GMT"
    assert bundle.leaf.not_valid_after_utc.date() - TODAY == timedelta(days=30)
    assert verify(pki, bundle, tmp_path).strip().endswith("OK")
    assert dates(pki.expiring_in(0, Kind.VECOZO_SYSTEM))[1] == "Mar 14 23:59:59 2031 GMT"


def test_not_yet_valid(pki: TestPKI, tmp_path: Path) -> None:
    bundle = pki.not_yet_valid()
    assert dates(bundle)[0] == "Mar 15 00:00:00 2031 GMT"
    assert "certificate is not yet valid" in verify(pki, bundle, tmp_path)


# --- keys and chains -------------------------------------------------------------------------


def public_key_of_cert(bundle: Bundle) -> str:
    return openssl("x509", "-noout", "-pubkey", data=pem(bundle)).stdout


def public_key_of_key(bundle: Bundle) -> str:
    return openssl("pkey", "-pubout", data=pkcs8_key(bundle)).stdout


def test_mismatched_key_really_mismatches(pki: TestPKI) -> None:
    good = pki.vecozo_personal()
    assert public_key_of_cert(good) == public_key_of_key(good)
    bad = pki.mismatched()
    assert "BEGIN PUBLIC KEY" in public_key_of_key(bad)
    assert public_key_of_cert(bad) != public_key_of_key(bad)
    assert not bad.key_matches() and good.key_matches()


@pytest.mark.parametrize(
    ("make", "purpose"),
    [
        (lambda p: p.vecozo_personal(), "sslclient"),
        (lambda p: p.vecozo_personal(environment=Environment.ACCEPTANCE), "sslclient"),
        (lambda p: p.vecozo_system(environment=Environment.TEST), "sslclient"),
        (lambda p: p.uzi_server(), "sslserver"),
        (lambda p: p.uzi_server(environment=Environment.TEST), "sslclient"),
        (lambda p: p.uzi_card("Z"), "sslclient"),
        (lambda p: p.uzi_card("M", environment=Environment.TEST), "sslclient"),
        (lambda p: p.other(), "sslclient"),
        (lambda p: p.tls_server_bundle(), "sslserver"),
    ],
)
def test_chains_verify_to_the_made_up_root(
    pki: TestPKI, tmp_path: Path, make: object, purpose: str
) -> None:
    bundle = make(pki)  # type: ignore[operator]
    assert bundle.key_matches()
    assert verify(pki, bundle, tmp_path, purpose).strip().endswith("OK")


def test_keys_are_distinct_within_one_pki(pki: TestPKI) -> None:
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    keys = {pki.other().leaf.public_key().public_bytes(*spki) for _ in range(4)}
    keys |= {ca.public_key().public_bytes(*spki) for ca in pki.ca_certificates()}
    assert len(keys) == 4 + 5


def test_issue_from_csr_keeps_the_requesters_key(pki: TestPKI, tmp_path: Path) -> None:
    requester = TestPKI(TODAY).other()  # any key the requester holds
    assert requester.key is not None
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(
            x509.Name(
                [
                    x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
                    x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Apotheek Het Anker (VERZONNEN)"),
                    x509.NameAttribute(NameOID.COMMON_NAME, "portaal.hetanker.example"),
                ]
            )
        )
        .sign(requester.key, hashes.SHA256())  # type: ignore[arg-type]
    )
    issued = pki.issue_from_csr(csr, subscriber="55556666")
    assert issued.key is None
    assert issued.leaf.public_key() == csr.public_key()
    text = openssl("x509", "-noout", "-subject", "-enddate", data=pem(issued)).stdout
    assert "O = Apotheek Het Anker (VERZONNEN)" in text and "CN = portaal.hetanker.example" in text
    assert "notAfter=Mar 13 23:59:59 2034 GMT" in text
    [(_, value)] = ia5_values(san_lines(tmp_path, issued.leaf))
    assert "-S-55556666-" in value
    complete = Bundle(issued.leaf, issued.chain, requester.key)
    assert verify(pki, complete, tmp_path, "sslserver").strip().endswith("OK")


@pytest.mark.parametrize(
    ("make", "kind", "environment"),
    [
        (lambda p: p.vecozo_personal(), Kind.VECOZO_PERSONAL, Environment.PRODUCTION),
        (
            lambda p: p.vecozo_personal(environment=Environment.ACCEPTANCE),
            Kind.VECOZO_PERSONAL,
            Environment.ACCEPTANCE,
        ),
        (
            lambda p: p.vecozo_system(environment=Environment.TEST),
            Kind.VECOZO_SYSTEM,
            Environment.TEST,
        ),
        (lambda p: p.uzi_server(), Kind.UZI_SERVER, Environment.PRODUCTION),
        (lambda p: p.uzi_server(environment=Environment.TEST), Kind.UZI_SERVER, Environment.TEST),
        (lambda p: p.uzi_card("N"), Kind.UZI_CARD, Environment.PRODUCTION),
        (lambda p: p.other(), Kind.OTHER, Environment.PRODUCTION),
    ],
)
def test_core_classifies_each_made_up_certificate_as_promised(
    pki: TestPKI, make: object, kind: Kind, environment: Environment
) -> None:
    from certassist.core.classify import classify

    classification = classify(make(pki).leaf)  # type: ignore[operator]
    assert (classification.kind, classification.environment) == (kind, environment)


def test_uzi_server_numbers_reach_the_core(pki: TestPKI) -> None:
    from certassist.core.classify import classify

    classification = classify(pki.uzi_server(subscriber="24681357", ura="11223344").leaf)
    assert classification.subscriber_number == "24681357"
    assert classification.ura == "11223344"


# --- other file formats ------------------------------------------------------------------------


def test_p7b_der_and_pem_files(pki: TestPKI, anna: Bundle, tmp_path: Path) -> None:
    bundle = pki.uzi_server()
    p7 = write(tmp_path, "c.p7b", p7b(bundle))
    printed = openssl("pkcs7", "-inform", "DER", "-in", str(p7), "-print_certs")
    assert printed.stdout.count("BEGIN CERTIFICATE") == 2
    cer = write(tmp_path, "c.cer", der(bundle))
    fp = openssl("x509", "-inform", "DER", "-in", str(cer), "-noout", "-fingerprint", "-sha256")
    assert fp.stdout.strip().split("=")[1].replace(":", "") == bundle.fingerprint
    both = pem_bundle(bundle, anna, pki.ca_certificates()[0])
    assert both.count(b"BEGIN CERTIFICATE") == 5
    with_key = pem(bundle, include_key=True, key_password="sleutel")
    assert b"ENCRYPTED PRIVATE KEY" in with_key


def test_pkcs8_key_with_password(anna: Bundle) -> None:
    locked = pkcs8_key(anna, "sleutel")
    assert b"BEGIN ENCRYPTED PRIVATE KEY" in locked
    good = openssl("pkey", "-passin", "env:PW", "-pubout", data=locked, password="sleutel")
    assert good.stdout == public_key_of_cert(anna)
    assert openssl("pkey", "-passin", "env:PW", data=locked, password="fout").returncode != 0
    assert b"BEGIN PRIVATE KEY" in pkcs8_key(anna)


def test_tls_server_bundle_names(pki: TestPKI) -> None:
    out = openssl("x509", "-noout", "-ext", "subjectAltName", data=pem(pki.tls_server_bundle()))
    assert "IP Address:127.0.0.1" in out.stdout and "DNS:localhost" in out.stdout


@pytest.mark.skipif(shutil.which("pk12util") is None, reason="needs pk12util (libnss3-tools)")
def test_nss_imports_every_variant(pki: TestPKI, tmp_path: Path) -> None:
    """NSS (what Firefox uses) is the second oracle: every variant imports with its key."""
    db = f"sql:{tmp_path / 'db'}"
    (tmp_path / "db").mkdir()
    subprocess.run(["certutil", "-N", "-d", db, "--empty-password"], check=True, timeout=30)
    variants = [("aes", "pw"), ("3des", "pw"), ("rc2-40", "pw"), ("none", None), ("aes", "")]
    names = []
    for index, (encryption, password) in enumerate(variants):
        bundle = pki.vecozo_personal(f"NSS {encryption} {index}")
        path = write(tmp_path, f"{index}.pfx", pfx(bundle, password, encryption))  # type: ignore[arg-type]
        # a real password goes through a file descriptor; an empty one cannot (pk12util
        # refuses an empty password file), and is no secret
        how = ["-w", "/dev/stdin"] if password else ["-W", ""]
        imported = subprocess.run(
            ["pk12util", "-i", str(path), "-d", db, *how],
            input=(password or "").encode(),
            capture_output=True,
            check=False,
            timeout=30,
        )
        assert imported.returncode == 0, (encryption, password, imported.stderr)
        names.append(bundle.friendly_name)
    keys = subprocess.run(["certutil", "-K", "-d", db], capture_output=True, text=True, timeout=30)
    assert all(name and name in keys.stdout for name in names), keys.stdout
