"""What both store backends read the same way: the served version's metadata, a version's
bytes (checked or not) and a layer's history. A backend gives `_read()` (a connection, or None
when nothing is stored yet) and `PARAM`, its driver's query placeholder."""

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

from geo.store.model import META_COLUMNS, VersionMeta, meta_from_row, verified


class VersionReads:
    """Mixin of the version reads shared by the SQLite and PostGIS stores."""

    PARAM = "?"  # sqlite3's placeholder; psycopg's is %s

    def _read(self) -> AbstractContextManager[Any]:  # pragma: no cover - each backend's own
        raise NotImplementedError

    def _rows(self, query: str, args: tuple) -> Iterator[tuple]:
        with self._read() as db:
            rows = [] if db is None else db.execute(query.replace("?", self.PARAM),
                                                    args).fetchall()
        yield from rows

    def current_meta(self, layer_id: str) -> VersionMeta | None:
        """Metadata of the imported version being served, None when serving data/."""
        rows = list(self._rows(
            f"SELECT {', '.join('v.' + c for c in META_COLUMNS)} FROM current c "
            "JOIN versions v ON v.layer_id = c.layer_id AND v.version = c.version "
            "WHERE c.layer_id = ?", (layer_id,)))
        return meta_from_row(rows[0]) if rows else None

    def version_bytes(self, layer_id: str, version: int) -> bytes:
        """The stored GeoJSON of one version, exactly as imported."""
        rows = list(self._rows("SELECT geojson FROM versions WHERE layer_id = ? AND version = ?",
                               (layer_id, version)))
        if not rows:
            raise KeyError(f"layer {layer_id} has no version {version}")
        return bytes(rows[0][0])

    def verified_bytes(self, layer_id: str, version: int, recorded_sha256: str) -> bytes:
        """The stored GeoJSON of a version, checked against the checksum recorded at import."""
        return verified(layer_id, version, self.version_bytes(layer_id, version),
                        recorded_sha256)

    def history(self, layer_id: str) -> list[VersionMeta]:
        """Every version of a layer, oldest first."""
        return [meta_from_row(r) for r in self._rows(
            f"SELECT {', '.join(META_COLUMNS)} FROM versions WHERE layer_id = ? "
            "ORDER BY version", (layer_id,))]
