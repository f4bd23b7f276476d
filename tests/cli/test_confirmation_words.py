"""A missing confirmation is named in the interface language with the flag that gives it, also
when an operation itself refuses to run without it (E-ops-confirmation-missing): one map from a
confirmation to its words (ops.base.CONFIRM_WORDS) feeds the terminal's question, the CLI's
E-cli-not-confirmed and the operations' own error.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
from pathlib import Path

import pytest

from certassist.cli.common import report_error
from certassist.core.errors import NotConfirmedError, exit_code_of
from certassist.core.messages import catalog, render, text_only
from certassist.core.models import Actor
from certassist.ops.base import CONFIRM_WORDS, Confirm, OpContext
from certassist.ops.install import InstallOperation
from certassist.stores.nss import NssStore
from tests.cli.process import run
from tests.cli.profiles import ANNA, PASSWORD, pfx_file
from tests.pki import TestPKI
from tests.stores.nss_oracle import key_lines, make_db

# What a Dutch reader must never see: the confirmations' own tokens and English words.
ENGLISH = re.compile(
    r"\b(?:" + "|".join(re.escape(c.value) for c in Confirm) + r"|confirm|missing|and|or|"
    r"summary|nothing|changed|proceed|holder)\b",
    re.IGNORECASE,
)


def test_every_confirmation_has_a_question_and_a_flag_in_both_languages() -> None:
    assert set(CONFIRM_WORDS) == set(Confirm)
    for words in CONFIRM_WORDS.values():
        for message_id in (words.question, words.flag):
            assert set(catalog()[message_id].text) == {"nl", "en"}, message_id


def _refusal(tmp_path: Path) -> NotConfirmedError:
    """A real install into a real NSS database, executed without any confirmation."""
    pki = TestPKI(date.today())
    db = make_db(tmp_path / "profiel")
    ctx = OpContext.for_user(Actor("anna", None), tmp_path / "data")
    operation = InstallOperation(ctx)
    plan = operation.plan(pki.issue(name=ANNA), [NssStore(db)], "anna.pfx")
    assert plan.needs == {Confirm.HOLDER, Confirm.PROCEED}
    with pytest.raises(NotConfirmedError) as refused:
        operation.execute(plan, {})
    assert key_lines(db) == []  # nothing changed
    return refused.value


@pytest.mark.usefixtures("nss_ready")
def test_the_operations_own_refusal_names_questions_and_flags_in_the_run_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    error = _refusal(tmp_path)
    assert error.message_id == "E-ops-confirmation-missing" and exit_code_of(error) == 5
    shown = {}
    for lang in ("nl", "en"):  # as the command line's presenter shows it
        report_error(argparse.Namespace(lang=lang, json=False), error)
        shown[lang] = capsys.readouterr().err
    dutch, english = shown["nl"], shown["en"]
    assert dutch.startswith("[E-ops-confirmation-missing] Nog niet bevestigd: ")
    for needed in (Confirm.HOLDER, Confirm.PROCEED):
        words = CONFIRM_WORDS[needed]
        for lang, text in shown.items():
            assert text_only(words.question, lang, holder=ANNA) in text
            assert text_only(words.flag, lang, holder=ANNA) in text
    assert '--i-am "Anna de Vries" en --yes' in dutch
    assert '--i-am "Anna de Vries" and --yes' in english
    text = dutch.split("] ", 1)[1]  # after the id, which stays as it is in every language
    assert ENGLISH.findall(text.replace("--i-am", "").replace("--yes", "")) == []
    assert "Ik ben" not in english and "bevestigd" not in english
    assert "{" not in dutch + english


def test_every_confirmation_alone_reads_in_dutch_without_an_english_token() -> None:
    for needed in Confirm:
        words = CONFIRM_WORDS[needed]
        params = {"what": (words.question,), "flags": (words.flag,), "holder": ANNA}
        dutch = render("E-ops-confirmation-missing", "nl", **params)
        english = render("E-ops-confirmation-missing", "en", **params)
        flag = text_only(words.flag, "nl", holder=ANNA)
        assert flag in dutch and text_only(words.question, "nl", holder=ANNA) in dutch
        without_flags = dutch.replace(flag, "")
        assert ENGLISH.findall(without_flags) == [], (needed, dutch)
        assert text_only(words.question, "en", holder=ANNA) in english


@pytest.mark.usefixtures("nss_ready")
def test_the_command_line_names_the_same_words_through_the_real_process(tmp_path: Path) -> None:
    """E-cli-not-confirmed (the CLI catches a missing flag before the operation) says it with
    the same map: the question and the flag, in the run's language, exit 5, nothing changed."""
    source = pfx_file(tmp_path, TestPKI(date.today()).issue(name=ANNA), "anna.pfx")
    db = make_db(tmp_path / "profiel")
    for lang in ("nl", "en"):
        done = run("install", str(source), "--nss-db", str(db), "--password-stdin",
                   stdin=PASSWORD + "\n", lang=lang)  # fmt: skip
        assert done.returncode == 5, done.stderr
        for needed in (Confirm.HOLDER, Confirm.PROCEED):
            words = CONFIRM_WORDS[needed]
            assert text_only(words.question, lang, holder=ANNA) in done.stderr
            assert text_only(words.flag, lang, holder=ANNA) in done.stderr
        if lang == "nl":
            tail = done.stderr.split("[E-cli-not-confirmed]", 1)[1]
            assert ENGLISH.findall(tail.replace("--i-am", "").replace("--yes", "")) == []
    assert key_lines(db) == []


def test_a_flag_that_gives_two_confirmations_is_named_once() -> None:
    both = (CONFIRM_WORDS[Confirm.PROCEED], CONFIRM_WORDS[Confirm.REPLACE_OLD])  # both --yes
    params = {"what": tuple(w.question for w in both), "flags": tuple(w.flag for w in both)}
    text = render("E-cli-not-confirmed", "nl", **params, holder=ANNA)
    assert text.count("--yes") == 1 and "Bevestig met --yes, of start" in text
