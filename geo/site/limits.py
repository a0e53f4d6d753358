"""How big a site the check accepts (a site is small: a file this large is a mistake)."""

import os

MAX_VERTICES = 100_000
SITE_MAX_MB_ENV = "HENGDONG_SITE_MAX_MB"
DEFAULT_SITE_MAX_MB = 20.0
DEFAULT_NEARBY_M = 2_000.0  # plan sites and projects listed within this distance of the site


def max_file_bytes() -> int:
    """Largest site file (or unpacked zip) accepted."""
    return int(float(os.environ.get(SITE_MAX_MB_ENV, DEFAULT_SITE_MAX_MB)) * 1024 * 1024)
