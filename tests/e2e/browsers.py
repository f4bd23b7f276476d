"""Run a real Firefox ESR or Chromium against a URL, headless, with no prompts and a hard limit.

Recipes (tried with Firefox ESR and Debian's Chromium):
- Firefox reads its certificates from the profile folder's NSS database; `user.js` makes it pick
  a matching client certificate without asking. `--screenshot` loads one page and exits.
- Chromium on Linux reads `$HOME/.pki/nssdb`; the `auto_select_certificate` content setting in
  the user-data-dir's Preferences makes it pick a certificate from our test issuer without asking.
Both browsers can hang forever when they cannot log in (no certificate, untrusted CA), so every
run sits under coreutils `timeout` in a process group of its own that we kill afterwards. A run
is judged by the test server's log, never by the browser's exit code.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# A login run ends as soon as the server has its verdict (`stop_when`); the limit only bounds a
# browser that hangs. 20 s was too little on a fresh CI machine (first start, two busy cores).
DEFAULT_TIMEOUT = 60.0
# The first start of a browser on a machine builds caches and a profile: allowed this long once.
WARM_UP_TIMEOUT = 180.0
_KILL_GRACE = 3.0

FIREFOX_NAMES = ("firefox-esr", "firefox")
CHROMIUM_NAMES = ("chromium", "chromium-browser")

# Prefs that keep a headless test run quiet and quick; the first one is the point of the test.
_FIREFOX_PREFS = {
    "security.default_personal_cert": "Select Automatically",
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "extensions.update.enabled": False,
    "security.OCSP.enabled": 0,
}

_CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Debian's launcher decides this from `findmnt`, which breaks when /dev/shm is mounted twice
    # (seen on CI: "[: 25275789312: unexpected operator"); say it ourselves.
    "--disable-dev-shm-usage",
)


@dataclass(frozen=True)
class BrowserRun:
    """What happened to the browser process; for diagnostics only, not for verdicts."""

    command: tuple[str, ...]
    returncode: int | None
    stopped_by_us: bool  # killed after the timeout or after `stop_when` said so
    seconds: float
    output: str  # stdout + stderr tail

    def describe(self) -> str:
        return (
            f"{self.command[0]} rc={self.returncode} stopped_by_us={self.stopped_by_us} "
            f"{self.seconds:.1f}s\n{self.output}"
        )


def find_browser(names: tuple[str, ...]) -> str | None:
    return next((path for n in names if (path := shutil.which(n))), None)


def firefox_binary() -> str | None:
    return find_browser(FIREFOX_NAMES)


def chromium_binary() -> str | None:
    return find_browser(CHROMIUM_NAMES)


# -- Firefox ------------------------------------------------------------------------------


def write_firefox_user_js(profile: Path) -> None:
    """Pick a matching client certificate without a dialog (a headless run cannot answer one)."""
    profile.mkdir(parents=True, exist_ok=True)
    lines = [f"user_pref({json.dumps(k)}, {json.dumps(v)});" for k, v in _FIREFOX_PREFS.items()]
    (profile / "user.js").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_firefox(
    profile: Path,
    url: str,
    *,
    home: Path,
    timeout: float = DEFAULT_TIMEOUT,
    stop_when: Callable[[], bool] | None = None,
) -> BrowserRun:
    """Load `url` once in a headless Firefox on `profile` (a folder only this run uses)."""
    binary = firefox_binary()
    if binary is None:
        raise FileNotFoundError("firefox-esr")
    write_firefox_user_js(profile)
    screenshot = profile.parent / f"{profile.name}-screenshot.png"
    command: tuple[str, ...] = (binary, "--headless", "--no-remote", "--profile", str(profile))
    command += ("--screenshot", str(screenshot), url)
    env = _browser_env(home)
    env["MOZ_HEADLESS"] = "1"
    env["MOZ_CRASHREPORTER_DISABLE"] = "1"
    return run_bounded(command, env=env, timeout=timeout, stop_when=stop_when)


# -- Chromium -----------------------------------------------------------------------------


def write_chromium_preferences(user_data_dir: Path, issuer_cn: str) -> None:
    """Before the first start: auto-select a client certificate issued by `issuer_cn`.

    Without this content setting Chromium would wait for a user to pick one.
    """
    pattern = "https://127.0.0.1:*,*"
    prefs = {
        "profile": {
            "content_settings": {
                "exceptions": {
                    "auto_select_certificate": {
                        pattern: {"setting": {"filters": [{"ISSUER": {"CN": issuer_cn}}]}}
                    }
                }
            }
        }
    }
    default = user_data_dir / "Default"
    default.mkdir(parents=True, exist_ok=True)
    (default / "Preferences").write_text(json.dumps(prefs), encoding="utf-8")


def run_chromium(
    user_data_dir: Path,
    url: str,
    *,
    home: Path,
    timeout: float = DEFAULT_TIMEOUT,
    stop_when: Callable[[], bool] | None = None,
) -> BrowserRun:
    """Load `url` once in headless Chromium; it reads certificates from `home/.pki/nssdb`."""
    binary = chromium_binary()
    if binary is None:
        raise FileNotFoundError("chromium")
    command = (binary, *_CHROMIUM_FLAGS, f"--user-data-dir={user_data_dir}", "--dump-dom", url)
    return run_bounded(command, env=_browser_env(home), timeout=timeout, stop_when=stop_when)


# -- first start ---------------------------------------------------------------------------


def warm_up(run: Callable[[Path], BrowserRun], folder: Path) -> BrowserRun:
    """Start a browser once on a blank page so its first-start costs do not eat a login run.

    `run` starts the browser with its own folder under `folder`; raises when it does not come up.
    """
    folder.mkdir(parents=True, exist_ok=True)
    started = run(folder)
    if started.returncode != 0:
        raise RuntimeError("the browser did not start on a blank page:\n" + started.describe())
    return started


# -- process control ----------------------------------------------------------------------


def _browser_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["HOME"] = str(home)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"):
        env.pop(name, None)  # headless: never reach for a real screen or session bus
    return env


def run_bounded(
    command: tuple[str, ...],
    *,
    env: dict[str, str],
    timeout: float,
    stop_when: Callable[[], bool] | None = None,
) -> BrowserRun:
    """Run `command` in its own process group under `timeout`; kill the whole group after.

    `stop_when` lets a caller end the run as soon as the server log has its verdict.
    """
    wrapped = ("timeout", "-k", str(_KILL_GRACE), str(timeout), *command)
    started = time.monotonic()
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(
            wrapped,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        stopped = False
        try:
            while process.poll() is None:
                if time.monotonic() - started > timeout + 2 * _KILL_GRACE:
                    stopped = True  # `timeout` itself did not end it: we do
                    break
                if stop_when is not None and stop_when():
                    stopped = True
                    break
                time.sleep(0.1)
        finally:
            _kill_group(process)
        returncode = process.returncode
        stopped = stopped or returncode in (124, 137)  # `timeout` reports its own kills so
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    return BrowserRun(
        command=command,
        returncode=returncode,
        stopped_by_us=stopped,
        seconds=time.monotonic() - started,
        output=_tail(output),
    )


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """End every process of the run's group (browsers leave helpers behind), then reap."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            break
        try:
            process.wait(timeout=_KILL_GRACE)
            time.sleep(0.2)  # helpers of the group may outlive the leader briefly
        except subprocess.TimeoutExpired:
            continue
    if process.returncode is None:
        process.wait(timeout=_KILL_GRACE)


def _tail(text: str, lines: int = 25) -> str:
    kept = [line for line in text.splitlines() if "dbus" not in line.lower()]
    return "\n".join(kept[-lines:])
