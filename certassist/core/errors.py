"""The one exception type users ever see: it carries a message id from the catalog."""

from __future__ import annotations

from typing import Any


class CertassistError(Exception):
    """An error a user can act on. `message_id` keys the catalog (Dutch and English text)."""

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
