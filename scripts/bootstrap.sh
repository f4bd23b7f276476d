# Shared by .ci/run, scripts/start and scripts/win32_smoke.sh: system packages, a venv, the
# project. Source, don't run. Installs only what is missing; uses sudo when not root.
#
# Fast when nothing changed (scripts/start runs this before every start):
# - one dpkg-query lists what is installed, per architecture, with its exact status. `dpkg -s`
#   is not used: once an :i386 copy of a library exists (Wine's wine32 brings many), it fails
#   with "ambiguous package name" and the package would look missing on every start;
# - apt waits for a busy lock (another apt run) instead of failing;
# - pip runs only when the venv is new or pyproject.toml, setup.py, the extras or this
#   checkout's place changed (a stamp file in the venv remembers them).

APT_PACKAGES=(
  python3 python3-venv python3-pip openssl libnss3 libnss3-tools firefox-esr chromium xvfb xauth
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
)
APT_LOCK_WAIT=900 # seconds to wait for another apt/dpkg run to finish

# Prints the packages of "$@" that are not fully installed. A name may carry an architecture
# (wine32:i386); a bare name means the machine's own architecture or "all".
certassist_missing_packages() {
  local native installed pkg name arch
  native="$(dpkg --print-architecture)"
  installed="$(dpkg-query -W -f='${Package}:${Architecture} ${db:Status-Abbrev}\n' 2>/dev/null |
    awk '$2 == "ii" {print $1}')"
  for pkg in "$@"; do
    name="${pkg%%:*}"
    arch="${pkg#*:}"
    if [ "$arch" = "$pkg" ]; then
      grep -qxF -e "$name:$native" -e "$name:all" <<<"$installed" || echo "$pkg"
    else
      grep -qxF "$name:$arch" <<<"$installed" || echo "$pkg"
    fi
  done
}

# apt-get install of whatever of "$@" is missing; nothing at all (no apt) when nothing is.
certassist_apt_install() {
  local missing sudo="" try
  mapfile -t missing < <(certassist_missing_packages "$@")
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing system packages: ${missing[*]}" >&2
  local lock=(-o "DPkg::Lock::Timeout=$APT_LOCK_WAIT")
  # apt-get update has no lock timeout of its own for the lists lock: retry while it is busy.
  for try in $(seq 1 30); do
    $sudo apt-get "${lock[@]}" update -qq && break
    [ "$try" -lt 30 ] || return 1
    echo "apt-get update failed (busy?), retrying in 10 s" >&2
    sleep 10
  done
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${lock[@]}" install -y -qq --no-install-recommends \
    "${missing[@]}"
}

# What the installed project depends on: the packaging files.
certassist_project_hash() {
  local file
  for file in pyproject.toml setup.py; do
    if [ -f "$file" ]; then sha256sum "$file"; fi
  done | sha256sum | cut -c1-64
}

certassist_bootstrap() {
  local extras="${1:-}" stamps stamp want
  certassist_apt_install "${APT_PACKAGES[@]}"
  VENV="${CERTASSIST_VENV:-.venv}"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
  fi
  # One stamp per set of extras installed, all for the same checkout and project files; "" (no
  # extras) is satisfied by any of them. Installing for a new key drops the others' stamps.
  stamps="$VENV/.certassist-installed"
  want="$(pwd -P) $(certassist_project_hash)"
  if grep -qxF "$want" "$stamps/[$extras]" 2>/dev/null; then
    return 0 # the same project with the same extras is installed already
  fi
  if [ -z "$extras" ] && grep -qxF "$want" "$stamps"/* 2>/dev/null; then
    return 0
  fi
  if [ -n "$extras" ]; then
    "$VENV/bin/python" -m pip install -q -e ".[$extras]"
  else
    "$VENV/bin/python" -m pip install -q -e .
  fi
  mkdir -p "$stamps"
  for stamp in "$stamps"/*; do
    grep -qxF "$want" "$stamp" 2>/dev/null || rm -f "$stamp"
  done
  printf '%s\n' "$want" >"$stamps/[$extras]"
}
