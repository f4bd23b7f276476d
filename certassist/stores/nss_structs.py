"""The few NSS structures certassist reads, declared in full up to the fields we need.

Declared field by field (not as raw offsets) so ctypes computes the layout for the platform:
32-bit Firefox builds on Windows have other offsets than 64-bit Linux. The tests assert the
64-bit offsets measured against Debian's NSS 3.87: derCert at 120, nickname at 648.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, c_char_p, c_int, c_uint, c_ulong, c_void_p

SI_ASCII_STRING = 8  # SECItemType siAsciiString


class SECItem(ctypes.Structure):
    _fields_ = [("type", c_int), ("data", POINTER(ctypes.c_ubyte)), ("len", c_uint)]


class SECAlgorithmID(ctypes.Structure):
    _fields_ = [("algorithm", SECItem), ("parameters", SECItem)]


class CERTSignedData(ctypes.Structure):
    _fields_ = [("data", SECItem), ("signatureAlgorithm", SECAlgorithmID), ("signature", SECItem)]


class CERTName(ctypes.Structure):
    _fields_ = [("arena", c_void_p), ("rdns", c_void_p)]


class CERTValidity(ctypes.Structure):
    _fields_ = [("arena", c_void_p), ("notBefore", SECItem), ("notAfter", SECItem)]


class CERTSubjectPublicKeyInfo(ctypes.Structure):
    _fields_ = [("arena", c_void_p), ("algorithm", SECAlgorithmID), ("subjectPublicKey", SECItem)]


class CERTCertificate(ctypes.Structure):
    """`struct CERTCertificateStr` (certt.h); fields after `nickname` only keep the size honest."""

    _fields_ = [
        ("arena", c_void_p),
        ("subjectName", c_char_p),
        ("issuerName", c_char_p),
        ("signatureWrap", CERTSignedData),
        ("derCert", SECItem),
        ("derIssuer", SECItem),
        ("derSubject", SECItem),
        ("derPublicKey", SECItem),
        ("certKey", SECItem),
        ("version", SECItem),
        ("serialNumber", SECItem),
        ("signature", SECAlgorithmID),
        ("issuer", CERTName),
        ("validity", CERTValidity),
        ("subject", CERTName),
        ("subjectPublicKeyInfo", CERTSubjectPublicKeyInfo),
        ("issuerID", SECItem),
        ("subjectID", SECItem),
        ("extensions", c_void_p),
        ("emailAddr", c_char_p),
        ("dbhandle", c_void_p),
        ("subjectKeyID", SECItem),
        ("keyIDGenerated", c_int),
        ("keyUsage", c_uint),
        ("rawKeyUsage", c_uint),
        ("keyUsagePresent", c_int),
        ("nsCertType", c_uint),
        ("keepSession", c_int),
        ("timeOK", c_int),
        ("domainOK", c_void_p),
        ("isperm", c_int),
        ("istemp", c_int),
        ("nickname", c_char_p),
        ("dbnickname", c_char_p),
        ("nssCertificate", c_void_p),
        ("trust", c_void_p),
        ("referenceCount", c_int),
        ("subjectList", c_void_p),
        ("authKeyID", c_void_p),
        ("isRoot", c_int),
        ("options", c_void_p),
        ("series", c_int),
        ("slot", c_void_p),
        ("pkcs11ID", c_ulong),  # CK_OBJECT_HANDLE = CK_ULONG: 32 bits on Windows, 64 on Linux
        ("ownSlot", c_int),
        ("distrust", c_void_p),
    ]


class PRCList(ctypes.Structure):
    _fields_ = [("next", c_void_p), ("prev", c_void_p)]


class SECKEYPrivateKeyListNode(ctypes.Structure):
    _fields_ = [("links", PRCList), ("key", c_void_p)]
