#!/usr/bin/env bash
# Install what the tests need (Python test extras; Debian's Chromium, LibreOffice, poppler, fonts) and run the suite.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive: Chromium (pages as a person sees them), LibreOffice and poppler (office files
# opened as a user's office suite opens them), fonts with Vietnamese glyphs.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v libreoffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ -d /usr/share/fonts/truetype/noto ] || need+=(fonts-noto-core)
if [ "${#need[@]}" -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
python -m pip install -q -e ".[test]"
# three workers, each taking whole test files (module fixtures are built once per file): on 2 cores the third
# worker runs while the others wait on browsers, servers and clocks (2035 tests: 349 s, against 428 s with two
# workers, on this project's 2-core machine); pass -n 0 to run in one process
python -m pytest -n 3 --dist loadfile "$@"
