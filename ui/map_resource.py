"""The map resource as a versioned static file: static/maps/<basemap>-<lang>-<content hash>.js,
served by Streamlit's static file serving at /app/static/maps/ (gzip-compressed, with ETag and
Last-Modified). The name changes whenever the map does (data version, plan, basemap, language,
tile URL), so a browser downloads each version of the map once."""

import hashlib
import os
import tempfile
from pathlib import Path

from layers.assets import STATIC_DIR, STATIC_URL

MAPS_DIR = STATIC_DIR / "maps"
MAPS_URL = f"{STATIC_URL}/maps"
KEEP_FILES = 64  # older versions are removed (a page that still shows one has it loaded)


def resource_name(text: str, basemap: str, lang: str) -> str:
    """The file name of a map resource: which map, and a hash of its content."""
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"{basemap}-{lang}-{digest}.js"


def _prune(folder: Path, keep: int) -> None:
    files = sorted(folder.glob("*.js"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)


def publish(text: str, name: str, folder: Path = MAPS_DIR) -> str:
    """Write the resource (atomically, once per name) and return its URL."""
    path = folder / name
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp",
                                         delete=False) as handle:
            handle.write(text)
        os.replace(handle.name, path)
        _prune(folder, KEEP_FILES)
    return f"{MAPS_URL}/{name}"
