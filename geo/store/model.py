"""What every store backend holds and says: versions, accounts, audit rows, and its errors."""

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

OPEN_SOURCE_VERSION = 0  # "version 0" = the committed build from open sources in data/
LOCK_WAIT_LIMIT_S = 60.0  # a write waiting for another write's lock gives up after this long
META_COLUMNS = ("layer_id", "version", "created_at", "admin", "comment", "source", "licence",
                "quality", "upload_name", "upload_sha256", "sha256", "feature_count", "summary")
ACCOUNT_COLUMNS = ("name", "role", "layers", "password_hash", "disabled", "session_epoch",
                   "created_at", "updated_at")
AUDIT_KEYS = ("id", "at", "admin", "action", "layer_id", "version", "detail", "client", "outcome")


class StoreError(Exception):
    """The version store cannot do what was asked; worded in Chinese and English."""

    def __init__(self, zh: str, en: str):
        self.zh, self.en = zh, en
        super().__init__(f"{zh} / {en}")

    def text(self, lang: str = "zh") -> str:
        """The message in one language."""
        return self.en if lang == "en" else self.zh


class StoreUnreadable(StoreError):
    """The store file is not a readable SQLite version store (corrupted, truncated, foreign)."""


class StoreTampered(StoreError):
    """A stored version's bytes differ from the checksum recorded when it was imported."""


class StoreBusy(StoreError):
    """Another write held the lock for longer than LOCK_WAIT_LIMIT_S."""



@dataclass(frozen=True)
class VersionMeta:
    """Everything recorded about one version except its bytes."""

    layer_id: str
    version: int
    created_at: str
    admin: str
    comment: str
    source: str
    licence: str
    quality: str
    upload_name: str
    upload_sha256: str
    sha256: str
    feature_count: int
    summary: dict[str, Any]


@dataclass(frozen=True)
class NewVersion:
    """What an import hands to the store."""

    layer_id: str
    admin: str
    comment: str
    source: str
    licence: str
    quality: str
    upload_name: str
    upload_sha256: str
    upload: bytes
    sha256: str
    geojson: bytes
    feature_count: int
    client: str = ""  # the importing session's address, for the audit log


def now_utc() -> str:
    """ISO timestamp, UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()



@dataclass(frozen=True)
class Account:
    """One stored account; `layers` is ("*",) for every layer, `password_hash` None for an
    account that only logs in through the identity provider (OIDC)."""

    name: str
    role: str
    layers: tuple[str, ...]
    password_hash: str | None
    disabled: bool
    session_epoch: int
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class AuditEntry:
    """One audit row as written: who (account), from where (client), what, and the outcome."""

    at: str
    account: str
    action: str
    outcome: str = "ok"
    client: str = ""
    layer_id: str = ""
    version: int | None = None
    detail: str = ""


def meta_from_row(row: Sequence) -> VersionMeta:
    """A VersionMeta from a row of META_COLUMNS (summary as JSON text)."""
    values = dict(zip(META_COLUMNS, row, strict=True))
    values["summary"] = json.loads(values["summary"])
    return VersionMeta(**values)


def account_from_row(row: Sequence) -> Account:
    """An Account from a row of ACCOUNT_COLUMNS (layers comma-separated)."""
    values = dict(zip(ACCOUNT_COLUMNS, row, strict=True))
    values["layers"] = tuple(values["layers"].split(","))
    values["disabled"] = bool(values["disabled"])
    return Account(**values)


def verified(layer_id: str, version: int, data: bytes, recorded_sha256: str) -> bytes:
    """The stored bytes of a version, StoreTampered when they differ from the import's checksum."""
    if hashlib.sha256(data).hexdigest() != recorded_sha256:
        raise StoreTampered(
            f"{layer_id} v{version} 的数据与导入时记录的校验和不符（已被改动或损坏）",
            f"the stored data of {layer_id} v{version} does not match the checksum "
            "recorded at import (altered or damaged)")
    return data
