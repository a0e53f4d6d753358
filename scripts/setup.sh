#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine; safe to run again.
# Usage: bash scripts/setup.sh [--dev]   (--dev adds test tools and Debian Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
  # End-to-end tests drive Debian's Chromium; Playwright's own browser download is not used.
  [ -x /usr/bin/chromium ] || apt_install chromium fonts-noto-cjk
  # PDF tests read reports back with poppler (pdftotext, pdfinfo).
  command -v pdftotext >/dev/null || apt_install poppler-utils
  # The several-instances e2e test puts Debian's nginx in front of two app instances.
  [ -x /usr/sbin/nginx ] || apt_install nginx
  # The store tests run against a real PostgreSQL 15 + PostGIS (harness/postgis.py).
  [ -f /usr/share/postgresql/15/extension/postgis.control ] \
    || apt_install postgresql-15 postgresql-15-postgis-3
else
  .venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
fi

# Chinese text in PDF reports (geo/site/pdf.py) needs Debian's Noto CJK fonts.
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || apt_install fonts-noto-cjk

# The map's browser assets (Leaflet), pinned in package.json + package-lock.json, from the npm
# registry; copied to static/vendor/ and served by the app itself (no CDN at run time).
command -v npm >/dev/null || apt_install npm
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
.venv/bin/python -m layers.assets

# Printed map sheets embed Noto Sans CJK (Debian fonts-noto-cjk) in their PDFs.
fc-list 2>/dev/null | grep -q "Noto Sans CJK SC" || apt_install fonts-noto-cjk fontconfig
# ... converted once to TrueType outlines (cached in .cache/fonts/, see geo/sheets/fonts.py).
.venv/bin/python -m geo.sheets.fonts >/dev/null
