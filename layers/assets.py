"""Make the map load its browser assets from the app itself, never a CDN.

Leaflet comes from the npm registry (package.json + package-lock.json), is installed by
scripts/setup.sh (`npm ci`, then `python -m layers.assets` copies it to static/vendor/) and is
served by Streamlit's static file serving at /app/static/ (.streamlit/config.toml).
"""

import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from branca.element import Element

from geo.paths import PROJECT_ROOT

STATIC_DIR = PROJECT_ROOT / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
NODE_MODULES = PROJECT_ROOT / "node_modules"
STATIC_URL = "/app/static"

# npm package -> the folder of it that is copied to static/vendor/<package>/
VENDORED_FOLDERS = {"leaflet": "dist", "@geoman-io/leaflet-geoman-free": "dist"}

# folium asset name -> the URL the app serves it at
LOCAL_ASSETS = {
    "leaflet": f"{STATIC_URL}/vendor/leaflet/leaflet.js",
    "leaflet_css": f"{STATIC_URL}/vendor/leaflet/leaflet.css",
}
# The map's own helper script and style (committed under static/map/).
HD_MAP_JS = f"{STATIC_URL}/map/hd-map.js"
HD_MAP_CSS = f"{STATIC_URL}/map/hd-map.css"
# Measuring and coordinates (issue 14), loaded after hd-map.js.
HD_MEASURE_JS = f"{STATIC_URL}/map/hd-measure.js"
HD_WORKSPACE_JS = f"{STATIC_URL}/map/hd-workspace.js"  # search focus, industry overlay on
HD_WORKSPACE_CSS = f"{STATIC_URL}/map/hd-workspace.css"  # style of both
# The map's own browser files, in the order the map component loads them after Leaflet (the
# map resource lists them, layers/resource.py): a new map script or plugin is added here.
# Drawing a site (issue 15): the Geoman drawing plugin (npm @geoman-io/leaflet-geoman-free) and
# the map's own drawing script.
GEOMAN_JS = f"{STATIC_URL}/vendor/@geoman-io/leaflet-geoman-free/leaflet-geoman.min.js"
GEOMAN_CSS = f"{STATIC_URL}/vendor/@geoman-io/leaflet-geoman-free/leaflet-geoman.css"
HD_DRAW_JS = f"{STATIC_URL}/map/hd-draw.js"
HD_TILES_JS = f"{STATIC_URL}/map/hd-tiles.js"  # tiled large layers (issue 16, geo/web_tiles.py)
MAP_FILES: tuple[str, ...] = (HD_MAP_CSS, HD_MAP_JS, HD_TILES_JS, HD_WORKSPACE_CSS, GEOMAN_CSS,
                               GEOMAN_JS, HD_MEASURE_JS, HD_WORKSPACE_JS, HD_DRAW_JS)
# Everything the map resource needs in the browser, Leaflet first.
MAP_ASSETS: tuple[str, ...] = (LOCAL_ASSETS["leaflet_css"], LOCAL_ASSETS["leaflet"], *MAP_FILES)

# Assets folium.Map declares by default that this map never uses (no Bootstrap popups, no
# awesome-markers icons): dropped rather than served.
UNUSED_ASSETS = frozenset(
    {
        "jquery",
        "bootstrap",
        "awesome_markers",
        "bootstrap_css",
        "glyphicons_css",
        "awesome_markers_font_css",
        "awesome_markers_css",
        "awesome_rotate_css",
    }
)

_REMOTE_ASSET = re.compile(
    r"""<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["'](?:https?:)?//[^"']+["']""",
    re.IGNORECASE,
)


class RemoteAssetError(RuntimeError):
    """An element of the map wants a browser asset the app does not serve itself."""


def walk(element: Element) -> Iterator[Element]:
    """The element and every element under it, parents first (the one folium-tree walker)."""
    yield element
    for child in element._children.values():
        yield from walk(child)


def _localized(element: Element, assets: list[tuple[str, str]]) -> list[tuple[str, str]]:
    local = []
    for name, url in assets:
        if url.startswith(f"{STATIC_URL}/"):
            local.append((name, url))
        elif name in LOCAL_ASSETS:
            local.append((name, LOCAL_ASSETS[name]))
        elif name not in UNUSED_ASSETS:
            raise RemoteAssetError(
                f"{type(element).__name__} {element.get_name()} needs '{name}' from {url}: "
                "add the npm package to package.json and map it in layers/assets.py LOCAL_ASSETS"
            )
    return local


def localize_assets(root: Element) -> None:
    """Point every element's default_js/default_css under root at the app's own static files."""
    for element in walk(root):
        for attribute in ("default_js", "default_css"):
            assets = getattr(element, attribute, None)
            if assets:
                setattr(element, attribute, _localized(element, list(assets)))


def remote_asset_urls(html: str) -> list[str]:
    """The <script src> and <link href> tags of rendered HTML that load from another host."""
    return _REMOTE_ASSET.findall(html)


def install_vendor(node_modules: Path = NODE_MODULES, vendor_dir: Path = VENDOR_DIR) -> list[Path]:
    """Copy the vendored npm folders into static/vendor/ (replacing what was there)."""
    vendor_dir.mkdir(parents=True, exist_ok=True)
    installed = []
    for package, folder in VENDORED_FOLDERS.items():
        source = node_modules / package / folder
        if not source.is_dir():
            raise FileNotFoundError(f"{source} is missing: run `npm ci` in {PROJECT_ROOT} first")
        target = vendor_dir / package
        with tempfile.TemporaryDirectory(dir=vendor_dir) as staging:
            staged = Path(staging) / package
            shutil.copytree(source, staged)
            if target.exists():
                shutil.rmtree(target)
            target.parent.mkdir(parents=True, exist_ok=True)  # a scoped package: @scope/name
            staged.rename(target)
        installed.append(target)
    return installed


if __name__ == "__main__":
    for path in install_vendor():
        print(f"installed {path.relative_to(PROJECT_ROOT)}", file=sys.stderr)
