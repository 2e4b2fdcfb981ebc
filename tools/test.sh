#!/usr/bin/env bash
# Install what the tests need (Python test extras; Debian's Chromium for the map tests) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
python -m pip install -q -e ".[test]"
python -m pytest "$@"
