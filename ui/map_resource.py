"""The map resource as a versioned static file: static/maps/<basemap>-<lang>-<content hash>.js,
served by Streamlit's static file serving at /app/static/maps/ (gzip-compressed, with ETag and
Last-Modified). The name changes whenever the map does (data version, plan, basemap, language,
tile URL), so a browser downloads each version of the map once.

The file's modification time (its Last-Modified) is that of the newest data the map is drawn
from (data/, an admin import): a map whose data has not changed for a month may be reused by a
browser for days without asking (HTTP heuristic freshness); a new version has a new name."""

import hashlib
import os
import tempfile
from contextlib import suppress
from pathlib import Path

from geo.paths import DATA_DIR
from geo.store import open_store
from geo.store.model import StoreError
from layers.assets import STATIC_DIR, STATIC_URL

MAPS_DIR = STATIC_DIR / "maps"
MAPS_URL = f"{STATIC_URL}/maps"
KEEP_FILES = 64  # older versions are removed (a page that still shows one has it loaded)


def resource_name(text: str, basemap: str, lang: str) -> str:
    """The file name of a map resource: which map, and a hash of its content."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"{basemap}-{lang}-{digest}.js"


def _prune(folder: Path, keep: int) -> None:
    """Keep the `keep` most recently written resources (by change time: mtime is the data's)."""
    files = sorted(folder.glob("*.js"), key=lambda p: p.stat().st_ctime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def data_modified() -> float:
    """The newest modification time of the data the map is drawn from (data/, admin store)."""
    times = [p.stat().st_mtime for p in DATA_DIR.rglob("*") if p.is_file()]
    with suppress(StoreError):  # the store's notice says why; the map shows what is served
        times.append(open_store().modified() or 0.0)
    return max(times)


def publish(text: str, name: str, modified: float, folder: Path = MAPS_DIR) -> str:
    """Write the resource (atomically, once per name; its mtime = `modified`), return its URL."""
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp",
                                         delete=False) as handle:
            handle.write(text)
        os.utime(handle.name, (modified, modified))
        os.replace(handle.name, path)
        _prune(folder, KEEP_FILES)
    return f"{MAPS_URL}/{name}"
