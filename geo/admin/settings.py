"""Deployment settings of the admin update path, read from the environment."""

import os
from pathlib import Path

from geo.paths import PROJECT_ROOT

ADMIN_DIR_ENV = "HENGDONG_ADMIN_DIR"
MAX_UPLOAD_MB_ENV = "HENGDONG_ADMIN_MAX_MB"
DEFAULT_MAX_UPLOAD_MB = 100.0
STORE_FILE_NAME = "versions.sqlite"


def admin_dir() -> Path:
    """Where versions and the audit log live (outside the checkout in a deployment)."""
    configured = os.environ.get(ADMIN_DIR_ENV)
    return Path(configured) if configured else PROJECT_ROOT / "admin_data"


def store_path() -> Path:
    """The SQLite database holding every version and the audit log."""
    return admin_dir() / STORE_FILE_NAME


def max_upload_bytes() -> int:
    """Largest file (or unpacked archive) an admin may upload."""
    return int(float(os.environ.get(MAX_UPLOAD_MB_ENV, DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024)
