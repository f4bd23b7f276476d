"""One rule decides which stores a user's word means: `--store` (and `--from`/`--to`) on the
command line and `CERTASSIST_STORES` pick the same stores for an id, a kind, the end of an id
and the words of a label (`chromium` is the shared NSS database, whose kind is `nssdb`).

Real Firefox profiles and a real ~/.pki/nssdb in the test's HOME, each holding a certificate.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from certassist.core.errors import CertassistError
from certassist.stores.hostplatform import Platform
from certassist.stores.registry import discover_stores
from tests.cli.process import environment, run
from tests.cli.profiles import ANNA, BRAM, firefox_profile, holding
from tests.pki import TestPKI
from tests.stores.nss_oracle import make_db


@pytest.fixture(autouse=True)
def _nss(nss_ready: None) -> None:
    """Every test here uses real NSS databases."""


@pytest.fixture
def home() -> Path:
    """Two Firefox profiles and the shared NSS database (Chromium's), each with a certificate."""
    home = Path(os.environ["HOME"])  # the test's own (conftest)
    pki = TestPKI(date.today())
    holding(firefox_profile(home, "default-esr"), pki.issue(name=ANNA))
    holding(firefox_profile(home, "Werk"), pki.issue(name=BRAM))
    holding(make_db(home / ".pki" / "nssdb"), pki.issue(name="Carla Smit"))
    return home


# kinds and groups, label words in any case, a profile by name
TOKENS = ("firefox", "nssdb", "chromium", "CHROMIUM", "NSS", "Werk", "firefox:default-esr")


def _always() -> bool:
    return True


def test_the_command_line_and_the_registry_pick_the_same_stores(home: Path) -> None:
    """In-process, every kind of word: the registry's narrowing against `pick_stores`."""
    from certassist.cli.picking import pick_stores

    platform = Platform("linux", {}, home)
    everything = discover_stores(platform, None, _always, selection="")
    stores = [s.store for s in everything if s.store is not None]
    assert len(stores) == 3
    esr = next(s for s in everything if "default-esr" in s.label)
    for token in (*TOKENS, esr.store_id, Path(esr.store_id).name):
        narrowed = discover_stores(platform, None, _always, selection=token)
        by_registry = [s.store_id for s in narrowed]
        by_cli = [s.store_id for s in pick_stores(stores, [token])]
        assert by_registry == by_cli, token
        assert by_cli, token  # every word here names something on this PC
    chromium = discover_stores(platform, None, _always, selection="chromium")
    assert [s.kind.value for s in chromium] == ["nssdb"]
    for unknown in ("chrome", "firefox:Privé", "profile.default"):
        with pytest.raises(CertassistError, match="E-stores-unknown-name"):
            discover_stores(platform, None, _always, selection=unknown)
        with pytest.raises(CertassistError, match="E-ops-cli-store-unknown"):
            pick_stores(stores, [unknown])


def _listed_with(token: str) -> set[str]:
    """The store labels `list` shows when CERTASSIST_STORES is the word."""
    done = run("list", "--json", env=environment(CERTASSIST_STORES=token))
    assert done.returncode in (0, 1), done.stderr
    data = json.loads(done.stdout)
    return {p["label"] for c in data["certificates"] for p in c["places"]}


def _picked_by(token: str) -> set[str]:
    """The store labels `backup --store WORD` searched (its "not found in: ..." names them)."""
    done = run("backup", "--store", token, "--fingerprint", "00000000", "--to", "usb", "--json")
    assert done.returncode == 3, done.stderr
    data = json.loads(done.stdout)
    assert data["error"] == "E-cli-fingerprint-unknown", data
    listed = data["message"].split(" in: ", 1)[1].split(". ", 1)[0]
    return set(listed.split(", "))


@pytest.mark.parametrize("token", ["chromium", "nssdb", "firefox", "Werk", "firefox:default-esr"])
def test_store_and_certassist_stores_agree_through_the_real_process(home: Path, token: str) -> None:
    picked = _picked_by(token)
    assert picked == _listed_with(token)
    if token in ("chromium", "nssdb"):
        assert picked == {"Chromium / gedeelde NSS-database"}
