"""Deployment settings of the admin update path, read from the environment (where the store is:
geo.store.settings)."""

import os

MAX_UPLOAD_MB_ENV = "HENGDONG_ADMIN_MAX_MB"
DEFAULT_MAX_UPLOAD_MB = 100.0


def max_upload_bytes() -> int:
    """Largest file (or unpacked archive) an admin may upload."""
    return int(float(os.environ.get(MAX_UPLOAD_MB_ENV, DEFAULT_MAX_UPLOAD_MB)) * 1024 * 1024)


# Accounts and logins (issue 11); see docs/admin.md "Accounts".
REQUIRE_LOGIN_ENV = "HENGDONG_REQUIRE_LOGIN"
LEGACY_PASSWORD_ENV = "HENGDONG_ADMIN_PASSWORD"
TRUST_PROXY_ENV = "HENGDONG_TRUST_PROXY"
LOGIN_LIMIT_ENVS = {
    "max_failures": ("HENGDONG_LOGIN_MAX_FAILURES", 5),
    "window_s": ("HENGDONG_LOGIN_WINDOW_MINUTES", 15),
    "lockout_s": ("HENGDONG_LOGIN_LOCKOUT_MINUTES", 15),
    "base_delay_s": ("HENGDONG_LOGIN_DELAY_SECONDS", 1),
    "min_password_length": ("HENGDONG_PASSWORD_MIN_LENGTH", 12),
}


def login_required() -> bool:
    """Whether even viewing the map needs a logged-in account (intranets that want it)."""
    return os.environ.get(REQUIRE_LOGIN_ENV, "").strip().lower() in {"1", "true", "yes"}


def proxy_trusted() -> bool:
    """Whether the client address is taken from X-Forwarded-For (behind a reverse proxy)."""
    return os.environ.get(TRUST_PROXY_ENV, "").strip().lower() in {"1", "true", "yes"}


def login_limit(name: str) -> float:
    """One throttling setting (minutes are returned as seconds)."""
    env, default = LOGIN_LIMIT_ENVS[name]
    value = float(os.environ.get(env, default))
    return value * 60 if env.endswith("_MINUTES") else value
