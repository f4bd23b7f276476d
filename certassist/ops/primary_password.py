"""Firefox's primary password: asked before a protected profile is read, three tries at most.

The command line (a terminal, or `--password-stdin`) and the GUI (a small dialog) both come
here, so the rule is one: a wrong password three times is refused with nothing changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from certassist.core.errors import CertassistError, StoreError

TRIES = 3
# (store label, attempt 1..3) -> the password, or None: not given (the store stays locked)
Ask = Callable[[str, int], "str | None"]


@runtime_checkable
class Protected(Protocol):
    """A store that may be locked with a primary password (NssStore)."""

    label: str

    def needs_password(self) -> bool: ...

    def log_in(self, password: str) -> None: ...


def locked(stores: Sequence[object]) -> list[Protected]:
    """The stores that need their primary password before they can be read, in order."""
    return [s for s in stores if isinstance(s, Protected) and s.needs_password()]


def unlock(store: Protected, ask: Ask, tries: int = TRIES) -> None:
    """Ask until the password is right; None → E-nss-password-needed; `tries` wrong → refused.

    One try (a password a script gave on stdin) ends with that verdict: E-nss-wrong-password.
    """
    for _attempt in range(1, tries + 1):
        password = ask(store.label, _attempt)
        if password is None:
            raise StoreError("E-nss-password-needed", store=store.label)
        try:
            store.log_in(password)
            return
        except CertassistError as error:
            if error.message_id != "E-nss-wrong-password" or tries == 1:
                raise
    raise CertassistError("E-primary-password-tries", store=store.label)
