"""Headless Debian Chromium for Playwright, with the network limited to this machine."""

import os
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import Browser, Playwright

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps trying hosts this machine cannot reach.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def is_local(url: str) -> bool:
    """True for requests that stay on this machine (or in the page: data:, blob:)."""
    return url.startswith(("data:", "blob:")) or urlparse(url).hostname in LOCAL_HOSTS


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless; a clear message when it is not installed."""
    if not CHROMIUM.exists():
        raise FileNotFoundError(
            f"{CHROMIUM} missing: run `bash scripts/setup.sh --dev` (installs chromium)"
        )
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
