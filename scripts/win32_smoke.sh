#!/usr/bin/env bash
# The win32 smoke run under Wine (run by .ci/run; also by hand): a real Windows CPython runs
# tests/windows_smoke (imports, DLL exports, Windows paths, crypt32 import/list/lookup), then
# tests/windows_smoke/test_installer_wine.py compiles installers/certassist.iss with Inno Setup
# and installs, runs and uninstalls it under Wine.
#
# Wine is not Windows: what it stubs is listed in tests/windows_smoke/wine.py and skipped; the
# Windows workflows prove the rest. First run on a new machine: Wine from apt (about 4 min,
# 1.9 GB) and about 1.5 min of downloads and set-up, kept in ~/.cache/certassist-wine.
#
#   scripts/win32_smoke.sh [pytest arguments for the Windows side]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bootstrap.sh
source scripts/bootstrap.sh
# shellcheck source=wine/setup.sh
source scripts/wine/setup.sh
if [ -z "${VENV:-}" ]; then
  certassist_bootstrap "test,dev"
fi
started=$SECONDS
# One run at a time per Wine home: a second run waits instead of rebuilding the prefix under
# the first one's feet.
mkdir -p "$(dirname "$WINE_HOME")"
exec 9>"$WINE_HOME.lock"
flock 9
wine_setup
echo "== win32 smoke: Windows CPython under Wine ($(wine --version))"
wine_run_python . pytest -W ignore::pytest.PytestConfigWarning -p no:cacheprovider -rs \
  tests/windows_smoke "$@"
echo "== win32 smoke: installer under Wine"
CERTASSIST_WINE_HOME="$WINE_HOME" "$VENV/bin/python" -m pytest -p no:cacheprovider -q -rs \
  -m wine_host tests/windows_smoke
wineserver -k 2>/dev/null || true # this prefix's server only; it would linger a few seconds
echo "== win32 smoke: done in $((SECONDS - started)) s (not Windows coverage: see the list above)"
