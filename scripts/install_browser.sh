#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/browser), which Playwright drives
# through executable_path: no browser download. Does nothing when /usr/bin/chromium exists.
set -euo pipefail

CHROMIUM="${SCENEGEN_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
else
    SUDO=(sudo)
fi
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
"$CHROMIUM" --version
