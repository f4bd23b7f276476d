"""The real `certassist` process, as IT support runs it: with pipes, or at a terminal (a pty)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass


def environment(lang: str | None = "nl", **extra: str) -> dict[str, str]:
    """This test's isolated environment (HOME is the test's own, see conftest)."""
    env = {k: v for k, v in os.environ.items() if k not in ("CERTASSIST_LANG", "LC_ALL")}
    if lang is not None:
        env["CERTASSIST_LANG"] = lang
    env.update(extra)
    return env


def run(
    *args: str,
    stdin: str = "",
    lang: str | None = "nl",
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`python -m certassist ARGS` with pipes (no terminal: nothing can be asked)."""
    return subprocess.run(
        [sys.executable, "-m", "certassist", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env if env is not None else environment(lang),
        timeout=timeout,
    )


def run_nl(*args: str, stdin: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """`run` in Dutch with extra environment variables; a traceback fails the test."""
    done = run(*args, stdin=stdin, env=environment("nl", **env))
    assert "Traceback" not in done.stderr, done.stderr
    return done


@dataclass
class Terminal:
    code: int
    output: str  # everything the terminal showed: prompts, echoed answers, stdout and stderr


def run_at_terminal(
    args: Sequence[str],
    answers: Sequence[tuple[str, str]] = (),
    lang: str | None = "nl",
    timeout: float = 120.0,
) -> Terminal:
    """Run in a pseudo-terminal: wait for each prompt, then type its answer (getpass flushes
    what was typed ahead, so an answer is sent only once its question is on the screen)."""
    import pty  # POSIX only: imported here so that the pipe helpers work on Windows too

    env = environment(lang)
    pid, fd = pty.fork()
    if pid == 0:  # the child: certassist with the pty as its terminal
        os.execve(sys.executable, [sys.executable, "-m", "certassist", *args], env)
    output = b""
    seen = 0
    pending = list(answers)
    deadline = time.monotonic() + timeout
    try:
        while True:
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                raise AssertionError(f"no end after {timeout}s; screen:\n{output.decode()}")
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:  # EIO: the child has closed the terminal
                    break
                if not chunk:
                    break
                output += chunk
            if pending:
                prompt = pending[0][0].encode()
                at = output.find(prompt, seen)
                if at >= 0:
                    seen = at + len(prompt)
                    os.write(fd, (pending.pop(0)[1] + "\n").encode())
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    assert not pending, f"never asked {pending[0][0]!r}; screen:\n{output.decode()}"
    return Terminal(os.waitstatus_to_exitcode(status), output.decode(errors="replace"))
