"""New key and certificate signing request for a UZI server certificate renewal.

Why the subject is copied from the current certificate: the UZI register issues the renewal for
the same host and subscriber, and a request whose subject differs is sent back, which costs the
practice weeks it does not have (R11). UZI keys are RSA 2048 with SHA-256 (UZI-register CPS).

The new key stays on disk until the certificate arrives (weeks later), so it is only ever
written encrypted with a password the user chose (PKCS#8, BestAvailableEncryption).
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from certassist.core.errors import CertassistError

KEY_SIZE = 2048
MIN_KEY_PASSWORD = 8

# Subject attributes a UZI server certificate carries and that the request repeats.
_COPIED = (
    NameOID.COUNTRY_NAME,
    NameOID.STATE_OR_PROVINCE_NAME,
    NameOID.LOCALITY_NAME,
    NameOID.ORGANIZATION_NAME,
    NameOID.ORGANIZATIONAL_UNIT_NAME,
    NameOID.SERIAL_NUMBER,
    NameOID.TITLE,
    NameOID.COMMON_NAME,
)


@dataclass(frozen=True)
class ServerSubject:
    """What the request asks for: the host name (CN + SAN) and the organisation fields."""

    host: str
    name: x509.Name
    dns_names: tuple[str, ...]


def subject_of(current: x509.Certificate) -> ServerSubject:
    """The subject of the certificate being renewed, as the new request must repeat it."""
    attributes = [a for a in current.subject if a.oid in _COPIED]
    cns = [a.value for a in attributes if a.oid == NameOID.COMMON_NAME]
    if not cns or not isinstance(cns[0], str):
        raise CertassistError("E-csr-no-host")
    host = cns[0]
    try:
        san = current.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
        dns = tuple(str(n) for n in san.get_values_for_type(x509.DNSName))
    except x509.ExtensionNotFound:
        dns = ()
    if host not in dns:
        dns = (host, *dns)
    return ServerSubject(host, x509.Name(attributes), dns)


def new_subject(
    host: str, organisation: str, serial_number: str | None = None, country: str = "NL"
) -> ServerSubject:
    """A subject typed in by the user, for a practice that has no current certificate file."""
    host = host.strip().lower()
    if not host or " " in host or "." not in host:
        raise CertassistError("E-csr-bad-host", host=host)
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, country),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation.strip()),
    ]
    if serial_number:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial_number.strip()))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, host))
    return ServerSubject(host, x509.Name(attributes), (host,))


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=KEY_SIZE)


def build_csr(key: rsa.RSAPrivateKey, subject: ServerSubject) -> x509.CertificateSigningRequest:
    """PKCS#10, SHA-256, with the host names as DNS subjectAltNames."""
    san = x509.SubjectAlternativeName([x509.DNSName(n) for n in subject.dns_names])
    return (
        x509.CertificateSigningRequestBuilder()
        .subject_name(subject.name)
        .add_extension(san, critical=False)
        .sign(key, hashes.SHA256())
    )


def csr_pem(csr: x509.CertificateSigningRequest) -> bytes:
    return csr.public_bytes(serialization.Encoding.PEM)


def encrypt_key(key: rsa.RSAPrivateKey, password: str) -> bytes:
    """PEM PKCS#8 under the user's password; refuses an empty or short one."""
    if len(password) < MIN_KEY_PASSWORD:
        raise CertassistError("E-csr-password-short", minimum=MIN_KEY_PASSWORD)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password.encode("utf-8")),
    )


def decrypt_key(pem: bytes, password: str) -> rsa.RSAPrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password.encode("utf-8"))
    except (ValueError, TypeError):
        raise CertassistError("E-csr-key-password") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise CertassistError("E-csr-key-password")
    return key


def public_key_der(key_or_cert: rsa.RSAPrivateKey | x509.Certificate) -> bytes:
    """SubjectPublicKeyInfo bytes: how a key and a certificate are compared."""
    public = key_or_cert.public_key()
    return public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
