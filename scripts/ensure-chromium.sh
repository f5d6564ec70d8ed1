#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never a downloaded browser) and look at Korean text, which needs
# a CJK font (Debian's Noto CJK). Install what is missing when this machine can (root with apt-get, as on
# CI); otherwise say how.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then missing+=(fonts-noto-cjk); fi
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the browser tests..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  exit 0
fi
if [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "The browser tests need Chromium at $CHROMIUM: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
  exit 1
fi
echo "Korean text needs a CJK font for the browser tests' screenshots: run 'sudo apt-get install -y fonts-noto-cjk'." >&2
