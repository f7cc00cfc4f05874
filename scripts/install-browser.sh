#!/usr/bin/env bash
# Install a headless-capable Chromium for the explorer's end-to-end tests.
# Playwright's own browser download needs the internet; Debian's chromium package works offline
# from the apt mirror, and the tests launch it with executable_path.
set -euo pipefail

CHROMIUM="${TRACETOPICS_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "chromium present: $CHROMIUM"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
"$CHROMIUM" --version
