"""The GUI's colours, named by what they mean: one place to change them, none hard-coded in pages.

Every colour goes with a word on screen (status, "Niet toegestaan", …), so nobody depends on
telling red from green; the values keep a contrast of at least 4.5:1 on white.
"""

from __future__ import annotations

OK = "#1e7b34"  # allowed, done, valid
WARN = "#b35900"  # due soon, "let op"
ERROR = "#b00020"  # refused, expired, failed
MUTED = "#555555"  # not yet valid, secondary text
TEXT = "#333333"  # plain notes
BACKUP = "#7a3e9d"  # a backup is missing
CAPS = "#8a4b00"  # caps lock warning

# The demo banner: sand-coloured, so a screenshot of the sandbox is never taken for the real PC.
DEMO_BACKGROUND, DEMO_TEXT, DEMO_BORDER = "#fff3cd", "#5c4400", "#d9b44a"

# The reminder banner, by severity (1 due soon, 2 overdue): background, border and text.
BANNER = {2: ("#fdecea", "#b00020"), 1: ("#fff4e5", "#8a4500")}

# The password meter, from empty to strong.
STRENGTH = ("#bbbbbb", "#c0392b", "#d68910", "#7d9d00", "#1e8449")

# status value (certassist.core.rules_status.Status) -> colour of its word on the start page
STATUS = {
    "ok": OK,
    "renew-now": WARN,
    "expired": ERROR,
    "not-yet-valid": MUTED,
    "uzi-start-now": WARN,
    "uzi-overdue": ERROR,
    "install-window-closing": WARN,
    "backup-missing": BACKUP,
    "replaced": MUTED,
}
