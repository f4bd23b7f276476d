"""The exceptions users ever see: each carries a message id from the catalog and, by its class,
the exit code the command line ends with (scripts act on it; the README documents the table).

One place maps an error to its code: the class. A new store's errors are `StoreError`s and end
with 4 because of what they are, not because of how their message ids happen to be spelled.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any


class ExitCode(IntEnum):
    """The command line's exit codes (README: "Exit codes")."""

    OK = 0  # fine / nothing due
    DUE = 1  # something due soon, or the operation finished with a warning
    REFUSED = 2  # expired, overdue, not yet valid, or a rule refused
    BAD_INPUT = 3  # unreadable file, wrong password, unknown fingerprint
    STORE = 4  # a store could not be used (or the screen, for the window)
    NOT_CONFIRMED = 5  # a confirmation was not given or answered "no": nothing changed
    USAGE = 64  # the command line itself is wrong
    INTERRUPTED = 130  # Ctrl+C


class CertassistError(Exception):
    """An error a user can act on. `message_id` keys the catalog (Dutch and English text).

    Plain `CertassistError`s are bad input (exit 3); the subclasses below say otherwise.
    """

    exit_code: ExitCode = ExitCode.BAD_INPUT

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params

    def text(self, lang: str | None = None) -> str:
        """In `lang`, or in the process's interface language (Dutch unless chosen otherwise)."""
        from certassist.core.messages import render

        return render(self.message_id, lang, **self.params)

    def __str__(self) -> str:
        return f"{self.message_id}: {self.text('en')}"


class StoreError(CertassistError):
    """A store could not be used: locked by a running Firefox, missing, unreadable, failing."""

    exit_code = ExitCode.STORE


class RefusedError(CertassistError):
    """A rule (or a problem in the plan) refused the request; nothing was done."""

    exit_code = ExitCode.REFUSED


class NotConfirmedError(CertassistError):
    """A confirmation the plan needs was not given, or the user answered "no"."""

    exit_code = ExitCode.NOT_CONFIRMED


class NoDisplayError(CertassistError):
    """The window cannot be shown (no display, a missing Qt library): use the command line."""

    exit_code = ExitCode.STORE


def exit_code_of(error: BaseException) -> int:
    """The one mapping from an error to the exit code the command line ends with."""
    if isinstance(error, CertassistError):
        return int(error.exit_code)
    if isinstance(error, KeyboardInterrupt):
        return int(ExitCode.INTERRUPTED)
    return int(ExitCode.BAD_INPUT)
