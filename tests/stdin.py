"""Answers for a CLI entry point called in-process, as if typed on standard input."""

from __future__ import annotations

import io

import pytest


def feed_stdin(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("".join(line + "\n" for line in lines)))
