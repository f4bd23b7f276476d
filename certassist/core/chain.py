"""Pick the leaf out of a pile of certificates and order its chain.

Files arrive with certificates in any order (P7B, PEM bundles, PFX bags). The leaf is the one
certificate that issued no other in the pile; with a key, it must be the key's certificate.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from certassist.core.errors import CertassistError
from certassist.core.models import Bundle, cert_der, sha256_fingerprint


def _unique(certs: Sequence[x509.Certificate]) -> list[x509.Certificate]:
    seen: set[str] = set()
    result: list[x509.Certificate] = []
    for cert in certs:
        fingerprint = sha256_fingerprint(cert_der(cert))
        if fingerprint not in seen:
            seen.add(fingerprint)
            result.append(cert)
    return result


def _is_ca(cert: x509.Certificate) -> bool:
    try:
        return bool(cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def _leaves(certs: list[x509.Certificate]) -> list[x509.Certificate]:
    """Certificates that issued none of the others (self-signed roots issue themselves)."""
    issuers = {c.issuer for c in certs if c.issuer != c.subject}
    leaves = [c for c in certs if c.subject not in issuers and not _is_ca(c)]
    if leaves:
        return leaves
    return [c for c in certs if c.subject not in issuers]


def _chain_for(
    leaf: x509.Certificate, pool: list[x509.Certificate]
) -> tuple[tuple[x509.Certificate, ...], tuple[x509.Certificate, ...]]:
    """(the leaf's own issuing chain, every other certificate of the pile)."""
    chain: list[x509.Certificate] = []
    current = leaf
    remaining = [c for c in pool if c is not leaf]
    while current.issuer != current.subject:
        parent = next((c for c in remaining if c.subject == current.issuer), None)
        if parent is None:
            break
        chain.append(parent)
        remaining.remove(parent)
        current = parent
    return tuple(chain), tuple(remaining)


def order_bundle(
    certs: Sequence[x509.Certificate], key: PrivateKeyTypes | None, *, filename: str = ""
) -> Bundle:
    """The leaf, its own issuing chain, and what is left out.

    With a key the leaf is the key's certificate, however many other leaves the file holds:
    real exports often carry an unrelated (expired) certificate or a CA of another chain, and
    installing those would put certificates in the store that the user never chose.
    """
    pool = _unique(certs)
    if not pool:
        raise CertassistError("E-read-no-certificate", file=filename)
    if key is not None:
        owned = [c for c in pool if Bundle(c, (), key).key_matches()]
        if not owned:
            raise CertassistError("E-read-key-mismatch", file=filename)
        leaf = owned[0]
    else:
        leaves = _leaves(pool)
        if len(leaves) == 1:
            leaf = leaves[0]
        elif len(pool) == 1:
            leaf = pool[0]
        else:
            raise CertassistError("E-read-several-leaves", file=filename, count=len(leaves))
    chain, left_out = _chain_for(leaf, pool)
    return Bundle(leaf, chain, key, left_out=left_out)
