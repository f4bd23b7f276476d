"""The made-up test PKI: VECOZO-like, UZI-like and ordinary certificates, all VERZONNEN.

Used by the tests of every layer (through `tests/pki.py`) and by `certassist --demo`.
`TestPKI(today)` issues `Bundle`s whose validity counts from `today`; the module functions
turn a bundle into files (PFX in every encryption, PEM, DER, P7B, PKCS#8). The work is split
over `pki_issue` (CAs and kinds), `pki_cases` (awkward cases) and `pki_files` (file formats).
"""

from __future__ import annotations

from certassist.core.models import Bundle, Environment, Kind
from certassist.demo.pki_ca import Ca
from certassist.demo.pki_cases import TestPKI
from certassist.demo.pki_files import Encryption, der, p7b, pem, pem_bundle, pfx, pkcs8_key
from certassist.demo.pki_issue import DEFAULT_PRACTICE, DEFAULT_USER_NUMBER
from certassist.demo.pki_names import (
    FICTIEF,
    LONG_OTHERNAME_SERVER_VALUE,
    TLS_CA_CN,
    UZI_CARD_CA_CN,
    UZI_SERVER_CA_CN,
    VECOZO_CA_CN,
    VECOZO_ROOT_CN,
    uzi_value,
)

__all__ = [
    "DEFAULT_PRACTICE",
    "DEFAULT_USER_NUMBER",
    "FICTIEF",
    "LONG_OTHERNAME_SERVER_VALUE",
    "TLS_CA_CN",
    "UZI_CARD_CA_CN",
    "UZI_SERVER_CA_CN",
    "VECOZO_CA_CN",
    "VECOZO_ROOT_CN",
    "Bundle",
    "Ca",
    "Encryption",
    "Environment",
    "Kind",
    "TestPKI",
    "der",
    "p7b",
    "pem",
    "pem_bundle",
    "pfx",
    "pkcs8_key",
    "uzi_value",
]
