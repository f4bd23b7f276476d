"""PKCS#12 encryption and decryption in a helper process, so the window never freezes.

Why a process and not just a thread: `cryptography` holds Python's GIL while it runs the
600,000 PBKDF2 rounds of a PKCS#12 file (0.5-0.8 s each, measured here), so a worker *thread*
still stalls the GUI thread for that long. NSS and crypt32 calls go through ctypes, which
releases the GIL; only the PKCS#12 files need this. The operations accept an injected writer
and reader, so the GUI hands them these process-backed versions; the CLI keeps the plain ones.

The bundle crosses to the helper as DER bytes over a pipe (memory only, never a file); the
helper is started with "spawn", so it shares nothing with the Qt process.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from certassist.core.models import Bundle, CertInfo

Wire = tuple[bytes, tuple[bytes, ...], bytes | None, str | None]

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None


def bundle_to_wire(bundle: Bundle) -> Wire:
    from cryptography import x509  # noqa: F401 - keeps the import local to the helpers
    from cryptography.hazmat.primitives import serialization as s

    key = (
        bundle.key.private_bytes(s.Encoding.DER, s.PrivateFormat.PKCS8, s.NoEncryption())
        if bundle.key is not None
        else None
    )
    chain = tuple(c.public_bytes(s.Encoding.DER) for c in bundle.chain)
    return bundle.leaf_der, chain, key, bundle.friendly_name


def wire_to_bundle(wire: Wire, trusted: bool = False) -> Bundle:
    """`trusted`: the key was already validated on the other side of the pipe (the helper
    loaded it from the file), so the ~100 ms RSA consistency check, which holds the GIL,
    is not repeated on the GUI process."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization as s

    leaf, chain, key, name = wire
    loaded = (
        s.load_der_private_key(key, None, unsafe_skip_rsa_key_validation=trusted)
        if key is not None
        else None
    )
    return Bundle(
        x509.load_der_x509_certificate(leaf),
        tuple(x509.load_der_x509_certificate(c) for c in chain),
        loaded,
        name,
    )


def _child_write(
    folder: Path, wire: Wire, password: str, encryption: Any, stem: str, info: CertInfo
) -> Path:
    from certassist.ops.files import default_writer

    return default_writer(folder, wire_to_bundle(wire), password, encryption, stem, info)


def _child_read(path: Path, password: str | None) -> Wire:
    from certassist.core.reading import read_certificate_file

    return bundle_to_wire(read_certificate_file(path, password))


def _lower_priority() -> None:
    """The helper yields the CPU to the window: on a busy two-core PC the GUI comes first."""
    import os
    import sys

    if sys.platform == "win32":
        return  # the helper keeps normal priority there
    try:
        os.nice(10)
    except OSError:
        pass


def _pool() -> ProcessPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            _executor = ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority
            )
            atexit.register(shutdown)
        return _executor


def shutdown() -> None:
    global _executor
    with _lock:
        if _executor is not None:
            _executor.shutdown(wait=True, cancel_futures=True)
            _executor = None


def offloaded_writer(
    folder: Path, bundle: Bundle, password: str, encryption: Any, file_stem: str, info: CertInfo
) -> Path:
    """Same contract as `ops.files.default_writer`, run in the helper process."""
    future = _pool().submit(
        _child_write, folder, bundle_to_wire(bundle), password, encryption, file_stem, info
    )
    return future.result()


def offloaded_reader(path: Path, password: str | None) -> Bundle:
    """Same contract as `core.reading.read_certificate_file`, run in the helper process."""
    return wire_to_bundle(_pool().submit(_child_read, path, password).result(), trusted=True)
