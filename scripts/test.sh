#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine with Python 3.11, then run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v chromium >/dev/null 2>&1; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-core >/dev/null
fi
python3 -m pip install -q -r requirements-dev.txt
python3 -m pytest "$@"
