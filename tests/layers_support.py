"""Helpers of the map-engine tests: find the elements a theme or map is made of."""

import json
import shutil
import subprocess
from typing import Any

from branca.element import Element

from layers.assets import STATIC_DIR, walk
from layers.elements import GeoJsonOverlay, Labels, TownshipShapes


def overlays(root: Element) -> list[GeoJsonOverlay]:
    """The GeoJSON overlays under root, in drawing order."""
    return [e for e in walk(root) if isinstance(e, GeoJsonOverlay)]


def overlay_with(root: Element, style_class: str) -> GeoJsonOverlay:
    """The one overlay whose styles carry this className."""
    found = [
        o for o in overlays(root)
        if any(style_class in s.get("className", "").split() for s in o.options["styles"].values())
    ]
    assert len(found) == 1, f"{len(found)} overlays with class {style_class}"
    return found[0]


def township_shapes(root: Element) -> list[TownshipShapes]:
    """The township-copy elements under root."""
    return [e for e in walk(root) if isinstance(e, TownshipShapes)]


def labels(root: Element) -> list[Labels]:
    """The label elements under root."""
    return [e for e in walk(root) if isinstance(e, Labels)]


def features(overlay: GeoJsonOverlay) -> list[dict]:
    """The features of an overlay as the browser gets them (JSON: lists, decoded coordinates)."""
    return json.loads(json.dumps(overlay.collection))["features"]


def run_map_script(body: str, payload: Any) -> Any:
    """Run static/map/hd-map.js in Node with a minimal Leaflet stand-in, then `body` (which
    reads `input` and sets `output`); returns output as JSON."""
    node = shutil.which("node")
    assert node, "node is missing: bash scripts/setup.sh installs it with npm"
    script = (
        "global.window = {};"
        "class LatLng { constructor(lat, lng) { this.lat = lat; this.lng = lng; } }"
        "global.L = { LatLng, polyline: (latlngs, options) => ({ latlngs, options }) };"
        f"require({json.dumps(str(STATIC_DIR / 'map' / 'hd-map.js'))});"
        "const HD = window.HD;"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        f"let output = null; {body};"
        "process.stdout.write(JSON.stringify(output));"
    )
    result = subprocess.run([node, "-e", script], input=json.dumps(payload),
                            capture_output=True, text=True, check=True)
    return json.loads(result.stdout)
