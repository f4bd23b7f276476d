# Shared by .ci/run and scripts/start: system packages, a venv, the project. Source, don't run.
# Installs only what is missing; uses sudo when not root.

APT_PACKAGES=(
  python3 python3-venv python3-pip openssl libnss3 libnss3-tools firefox-esr chromium xvfb xauth
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core
)

certassist_bootstrap() {
  local missing=() pkg sudo=""
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
  VENV="${CERTASSIST_VENV:-.venv}"
  if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install -q --upgrade pip
  if [ -n "${1:-}" ]; then
    "$VENV/bin/python" -m pip install -q -e ".[$1]"
  else
    "$VENV/bin/python" -m pip install -q -e .
  fi
}
