"""Backup passwords: strong enough to protect a key that cannot be replaced quickly, and
opening a protected file with at most three tries.

The strength rules are few and explainable to practice staff, each with its own message id:
at least 12 characters, not only digits or only letters, not a common word, not the holder's
name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

from certassist.core.errors import CertassistError

MIN_LENGTH = 12
MAX_TRIES = 3

# Words people in Dutch practices reach for first; short on purpose: it explains, not polices.
COMMON_WORDS = frozenset(
    {
        "wachtwoord", "password", "welkom", "welcome", "geheim", "secret", "vecozo", "uzi",
        "certificaat", "certificate", "backup", "praktijk", "huisarts", "apotheek", "fysio",
        "zorg", "qwerty", "azerty", "asdf", "admin", "letmein", "zomer", "winter", "lente",
        "herfst", "januari", "maandag", "voorjaar", "abcdef", "iloveyou", "monkey", "dragon",
    }
)  # fmt: skip
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def weaknesses(password: str, holder: str | None = None) -> list[str]:
    """Message ids of every reason the password is too weak; empty when it is fine."""
    reasons: list[str] = []
    if len(password) < MIN_LENGTH:
        reasons.append("E-ops-password-short")
    if password.isdigit():
        reasons.append("E-ops-password-only-digits")
    elif password.isalpha():
        reasons.append("E-ops-password-only-letters")
    folded = _fold(password)
    letters = re.sub(r"[^a-z]", "", folded.translate(_LEET))
    stripped = letters
    for word in sorted(COMMON_WORDS, key=len, reverse=True):
        stripped = stripped.replace(word, "")
    # Mostly a common word (with digits or symbols around it) is as weak as the word itself.
    if letters and len(stripped) < 4 and len(letters) - len(stripped) >= 4:
        reasons.append("E-ops-password-common")
    if holder:
        parts = [p for p in re.split(r"[^a-z]+", _fold(holder)) if len(p) >= 3]
        if any(p in folded or p in letters for p in parts):
            reasons.append("E-ops-password-name")
    return reasons


def check_new_password(password: str, repeated: str | None, holder: str | None = None) -> None:
    """Raise with the first reason (all reasons in `reasons`) when the password is not usable."""
    if repeated is not None and repeated != password:
        raise CertassistError("E-ops-password-mismatch")
    reasons = weaknesses(password, holder)
    if reasons:
        raise CertassistError(
            "E-ops-password-weak", reasons=",".join(reasons), min_length=MIN_LENGTH
        )


T = TypeVar("T")
PasswordAsker = Callable[[int], "str | None"]  # try number (1-based) → password, None = stop
WRONG_PASSWORD_IDS = frozenset(
    {"E-read-wrong-password", "E-read-password-needed", "E-backup-wrong-password"}
)


def open_with_tries(
    opener: Callable[[str | None], T],
    ask: PasswordAsker,
    first: str | None = None,
    max_tries: int = MAX_TRIES,
) -> T:
    """Open with `first` (may be None: try without), then ask; stop after three wrong tries.

    A stop after three tries matters: the user is told to find the right password instead of
    guessing on, and a damaged file is reported as damaged, never as "wrong password".
    """
    password = first
    tries = 0
    if password is None:
        try:
            return opener(None)
        except CertassistError as error:
            if error.message_id not in WRONG_PASSWORD_IDS:
                raise
        password = ask(1)
        if password is None:
            raise CertassistError("E-ops-password-not-given")
    while True:
        tries += 1
        try:
            return opener(password)
        except CertassistError as error:
            if error.message_id not in WRONG_PASSWORD_IDS:
                raise
            if tries >= max_tries:
                raise CertassistError("E-ops-password-tries", tries=tries) from error
        password = ask(tries + 1)
        if password is None:
            raise CertassistError("E-ops-password-not-given")
