#!/usr/bin/env bash
# Set up a development machine for orderdesk: system libraries for Qt (offscreen and
# xcb), a CJK font, poppler's pdftoppm for the PDF tests, then a virtualenv in .venv
# with the package installed editable and every extra.
#
# Idempotent and quick on a re-run: apt runs only for packages dpkg does not list as
# installed, and pip runs only when pyproject.toml (or the interpreter) changed since
# the last successful install.
#
# Environment:
#   PYTHON=python3.11          interpreter for the venv (default: python3)
#   ORDERDESK_SKIP_APT=1       never call apt-get (e.g. on a machine you don't admin)
#   ORDERDESK_FORCE_PIP=1      reinstall the Python packages even if nothing changed
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$(pwd)
VENV="$ROOT/.venv"
PYTHON=${PYTHON:-python3}

say() { printf '[setup] %s\n' "$*"; }

# --- system packages --------------------------------------------------------------
APT_PACKAGES=(
    # Qt's offscreen and xcb platform plugins and what PySide6's wheels link against
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
    libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
    libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
    # CJK glyphs with TrueType outlines (reportlab can embed it in PDFs)
    fonts-wqy-microhei
    # pdftoppm: tests render certificate PDFs to images
    poppler-utils
    # a real X server for the 1366x768 screen checks and screenshots
    xvfb xauth
    # a real browser for the share-link page tests (selenium drives chromedriver)
    chromium chromium-driver
)

apt_missing() {
    local pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        if [[ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]]; then
            printf '%s\n' "$pkg"
        fi
    done
}

install_system_packages() {
    if [[ "${ORDERDESK_SKIP_APT:-}" == 1 ]]; then
        say "ORDERDESK_SKIP_APT=1: not checking system packages"
        return
    fi
    if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
        say "no dpkg/apt-get here: install the equivalents of these yourself:"
        say "  ${APT_PACKAGES[*]}"
        return
    fi
    local missing
    mapfile -t missing < <(apt_missing)
    if ((${#missing[@]} == 0)); then
        say "system packages: all ${#APT_PACKAGES[@]} present"
        return
    fi
    local apt=()
    if [[ $(id -u) -eq 0 ]]; then
        apt=(apt-get)
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        apt=(sudo apt-get)
    else
        say "WARNING: missing system packages and neither root nor passwordless sudo:"
        say "  sudo apt-get install ${missing[*]}"
        return
    fi
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${apt[@]}" update -qq
    "${apt[@]}" install -y -qq --no-install-recommends "${missing[@]}"
}

# --- Python virtualenv --------------------------------------------------------------
check_python() {
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        say "ERROR: $PYTHON not found (set PYTHON=/path/to/python3.11)"
        exit 1
    fi
    if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
        say "ERROR: orderdesk needs Python >= 3.11; $PYTHON is $("$PYTHON" --version 2>&1)"
        exit 1
    fi
}

setup_venv() {
    if [[ ! -x "$VENV/bin/python" ]]; then
        check_python
        say "creating virtualenv $VENV with $("$PYTHON" --version 2>&1)"
        "$PYTHON" -m venv "$VENV"
    fi
    # The stamp records what the last successful install was made from; a change to
    # pyproject.toml or to the venv's interpreter makes the next run reinstall.
    local stamp="$VENV/.orderdesk-setup-stamp" want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1) $("$VENV/bin/python" --version 2>&1)"
    if [[ "${ORDERDESK_FORCE_PIP:-}" != 1 && -f "$stamp" && "$(cat "$stamp")" == "$want" ]] \
        && "$VENV/bin/python" -c 'import orderdesk' 2>/dev/null; then
        say "python packages: up to date in .venv (ORDERDESK_FORCE_PIP=1 to reinstall)"
        return
    fi
    say "installing orderdesk (editable) with extras gui,server,test,installer into .venv"
    export PIP_DISABLE_PIP_VERSION_CHECK=1
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[gui,server,test,installer]"
    printf '%s\n' "$want" >"$stamp"
    say "python packages: installed"
}

install_system_packages
setup_venv
say "done: run tools from .venv/bin (e.g. .venv/bin/orderdesk --help)"
