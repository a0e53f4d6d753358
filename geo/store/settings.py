"""Where the store is, read from the environment: a PostgreSQL URL, else an SQLite file."""

import os
from pathlib import Path

from geo.paths import PROJECT_ROOT

ADMIN_DIR_ENV = "HENGDONG_ADMIN_DIR"
DATABASE_URL_ENV = "HENGDONG_DATABASE_URL"
STORE_FILE_NAME = "versions.sqlite"


def database_url() -> str | None:
    """The PostgreSQL URL of the store (postgresql://…), None for the SQLite file."""
    return os.environ.get(DATABASE_URL_ENV, "").strip() or None


def admin_dir() -> Path:
    """Where the SQLite store and backups live (outside the checkout in a deployment)."""
    configured = os.environ.get(ADMIN_DIR_ENV)
    return Path(configured) if configured else PROJECT_ROOT / "admin_data"


def store_path() -> Path:
    """The SQLite database holding every version and the audit log."""
    return admin_dir() / STORE_FILE_NAME
