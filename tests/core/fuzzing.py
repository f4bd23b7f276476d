"""Seeds, mutations and the target of the reader fuzzing (the suite's test and the benchmarks').

The target is what `certassist inspect` does with a file: read it (with and without the
password), then classify and judge every certificate it holds. Any input must end in a result or
a CertassistError; anything else is a finding.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from certassist.core.classify import describe
from certassist.core.errors import CertassistError
from certassist.core.reading import read_bytes, read_private_key
from certassist.ops.overview import rules_status
from tests.pki import TestPKI, der, p7b, pem, pem_bundle, pfx, pkcs8_key

PASSWORD = "Zomer-Wolk-47!"
TODAY = date(2026, 12, 3)
_STATUS = rules_status()


def seeds() -> list[tuple[str, bytes]]:
    """Files of every format certassist reads, made from the test PKI (low KDF counts)."""
    pki = TestPKI(TODAY)
    personal, server, card = pki.vecozo_personal(), pki.uzi_server(), pki.uzi_card()
    attributes = b"Bag Attributes\n    localKeyID: 01 02\n    friendlyName: anna\nsubject=/CN=x\n"
    return [
        ("personal-aes.pfx", pfx(personal, PASSWORD, "aes", iterations=64)),
        ("server-3des.pfx", pfx(server, PASSWORD, "3des", iterations=64)),
        ("card-plain.pfx", pfx(card, None, "none")),
        ("personal.pem", pem(personal, include_key=True)),
        ("server-encrypted-key.pem", pem(server, include_key=True, key_password=PASSWORD)),
        ("openssl-attributes.pem", attributes + pem_bundle(personal, *personal.chain)),
        ("card.cer", der(card)),
        ("chain.p7b", p7b(server)),
        ("personal.key", pkcs8_key(personal, PASSWORD)),
    ]


_INTERESTING = (0x00, 0x01, 0x7F, 0x80, 0x81, 0x84, 0xFF, 0x30, 0x31, 0xA0, 0x02, 0x04, 0x06)


def mutate(data: bytes, rng: random.Random, pool: list[bytes]) -> bytes:
    """One to four mutations of kinds that find parser bugs: bits, bytes, lengths, splices."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            out.extend(rng.randbytes(rng.randint(1, 16)))
        kind = rng.randrange(8)
        at = rng.randrange(len(out))
        if kind == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif kind == 1:
            out[at] = rng.choice(_INTERESTING)
        elif kind == 2:
            del out[at : at + rng.randint(1, 64)]
        elif kind == 3:
            out[at:at] = rng.randbytes(rng.randint(1, 16))
        elif kind == 4:
            end = min(len(out), at + rng.randint(1, 256))
            out[at:at] = out[at:end]  # duplicate a piece (repeated elements)
        elif kind == 5:
            del out[rng.randint(1, len(out)) :]  # cut off
        elif kind == 6:
            other = rng.choice(pool)
            start = rng.randrange(len(other))
            out[at:] = other[start:]  # splice another file's tail
        else:
            out[at : at + 2] = bytes([0x84, 0xFF])  # an absurd length
    return bytes(out)


def exercise(data: bytes, name: str) -> str:
    """'ok' when it opens without or with the password, else the last error id; raises
    anything that is not a CertassistError."""
    outcomes: list[str] = []
    for password in (None, PASSWORD):
        try:
            if name.endswith(".key"):
                read_private_key(data, password, name)
                outcomes.append("ok")
                continue
            bundle = read_bytes(data, password, name)
        except CertassistError as error:
            outcomes.append(error.message_id)
            continue
        outcomes.append("ok")
        for cert in (bundle.leaf, *bundle.chain):
            info = describe(cert)
            _STATUS(info, TODAY)
            _ = (info.subject, info.issuer, info.holder, info.days_left(TODAY))
        _ = bundle.key_matches()
    return "ok" if "ok" in outcomes else outcomes[-1]


def run(
    seconds_left: Callable[[], float], seed: int, limit: int | None = None
) -> tuple[int, dict[str, int], list[tuple[str, bytes, BaseException]]]:
    """Mutate and exercise until time or `limit` runs out: (inputs, outcomes, findings)."""
    rng = random.Random(seed)
    corpus = seeds()
    pool = [data for _, data in corpus]
    counts: dict[str, int] = {}
    findings: list[tuple[str, bytes, BaseException]] = []
    tried = 0
    while seconds_left() > 0 and (limit is None or tried < limit):
        name, data = rng.choice(corpus)
        mutated = mutate(data, rng, pool)
        tried += 1
        try:
            outcome = exercise(mutated, name)
        except Exception as exc:  # a finding: keep the input to reproduce it
            findings.append((name, mutated, exc))
            outcome = f"!{type(exc).__name__}"
        counts[outcome] = counts.get(outcome, 0) + 1
    return tried, counts, findings
