"""The folium elements the themes are made of; they draw through static/map/hd-map.js.

Each element adds its shapes to its parent (a FeatureGroup = one overlay of the layer control).
Styles are sent once per layer, keyed; every feature names its key in property "s".
"""

import json
from typing import Any

from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from geo.compact_geojson import compact_collection
from layers.assets import HD_MAP_CSS, HD_MAP_JS, HD_TILES_JS, walk

Style = dict[str, Any]

DEFAULT_STYLE_KEY = "_"


def js_value(value: Any) -> str:
    """A value as a JavaScript literal inside <script>: compact JSON, Chinese kept as UTF-8
    (3 bytes a character instead of a 6-byte \\u escape), with <, > and & escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def layer_class(layer_id: str) -> str:
    """The Leaflet className every shape of a theme carries (counted by the end-to-end tests)."""
    return f"hd-layer-{layer_id}"


class HdElement(JSCSSMixin, MacroElement):
    """An element that needs the map helper script and style."""

    default_js = [("hd_map", HD_MAP_JS)]
    default_css = [("hd_map_css", HD_MAP_CSS)]


class OverlayRegistration(HdElement):
    """Makes its parent (a theme's overlay group) known to the browser as HD.overlays[id]."""

    _template = Template(
        """{% macro script(this, kwargs) %}
HD.overlays[{{ this.layer_id|tojson }}] = {{ this._parent.get_name() }};
{% endmacro %}"""
    )

    def __init__(self, layer_id: str) -> None:
        super().__init__()
        self._name = "OverlayRegistration"
        self.layer_id = layer_id


class GeoJsonOverlay(HdElement):
    """A GeoJSON FeatureCollection drawn with keyed styles, sent compact-encoded (lines and
    rings as strings, geo/compact_geojson.py; decoded by HD.geo). register="townships" makes
    the polygons reusable by TownshipShapes (code -> shape) without sending them twice."""

    _template = Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = HD.geo({{ this._parent.get_name() }}, {{ this.data_js }},
    {{ this.options_js }});
{% endmacro %}"""
    )

    def __init__(
        self,
        data: dict[str, Any],
        class_name: str,
        styles: dict[str, Style],
        attribution: str | None = None,
        interactive: bool = True,
        register: str | None = None,
    ) -> None:
        super().__init__()
        self._name = "GeoJsonOverlay"
        self.collection = data  # as drawn (decoded), for inspection and tests
        self.data_js = js_value(compact_collection(data))
        self.options = {
            "className": class_name,
            "styles": styles,
            "attribution": attribution,
            "interactive": interactive,
            "register": register,
        }
        self.options_js = js_value(self.options)


class TiledOverlay(HdElement):
    """A large polygon layer drawn from its pre-built tiles (geo/web_tiles.py TileSet) by
    static/map/hd-tiles.js: one style, one tooltip, ids `<id_prefix><index in the layer>`."""

    default_js = [*HdElement.default_js, ("hd_tiles", HD_TILES_JS)]
    _template = Template(
        """{% macro script(this, kwargs) %}
var {{ this.get_name() }} = HD.vectorTiles({{ this._parent.get_name() }}, {{ this.options_js }});
{% endmacro %}"""
    )

    def __init__(self, tiles: Any, class_name: str, style: Style, id_prefix: str,
                 tip: str = "") -> None:
        super().__init__()
        self._name = "TiledOverlay"
        self.options = {
            "url": tiles.url, "minZoom": tiles.min_zoom, "fullZoom": tiles.full_zoom,
            "bounds": [list(corner) for corner in tiles.bounds], "className": class_name,
            "styles": {DEFAULT_STYLE_KEY: style}, "idPrefix": id_prefix, "tip": tip,
        }
        self.options_js = js_value(self.options)


class TownshipShapes(HdElement):
    """Styled copies of township polygons already drawn by the township overlay.

    rows: (township code, style key, tooltip text or ""); ids: the feature id of each copy
    (layers/identify.py), as properties.id. With into=<theme id> the copies go into that
    theme's overlay (shown and hidden with it by the layer control) for as long as their own
    parent group is on the map.
    """

    _template = Template(
        """{% macro script(this, kwargs) %}
HD.townshipShapes({{ this._parent.get_name() }}, {{ this.rows_js }}, {{ this.options_js }});
{% endmacro %}"""
    )

    def __init__(
        self,
        rows: list[tuple[str, str, str]],
        class_name: str,
        styles: dict[str, Style],
        interactive: bool = True,
        into: str | None = None,
        ids: list[str] | None = None,
    ) -> None:
        super().__init__()
        self._name = "TownshipShapes"
        self.rows = [list(row) for row in rows]
        if ids is not None and len(ids) != len(rows):
            raise ValueError(f"{len(ids)} ids for {len(rows)} township copies")
        self.options = {"className": class_name, "styles": styles, "interactive": interactive,
                        "into": into, **({"ids": ids} if ids else {})}
        self.rows_js = js_value(self.rows)
        self.options_js = js_value(self.options)


class BrowserTable(HdElement):
    """A table the map's state handlers look up in the browser (HD.tables[name]; e.g. the
    shades of every industry's townships), sent once with the map."""

    _template = Template(
        """{% macro script(this, kwargs) %}
HD.table({{ this.table_name|tojson }}, {{ this.value_js }});
{% endmacro %}"""
    )

    def __init__(self, name: str, value: Any) -> None:
        super().__init__()
        self._name = "BrowserTable"
        self.table_name = name
        self.value = value
        self.value_js = js_value(value)


class TownshipOutline(HdElement):
    """The outer edge of the drawn township polygons, computed in the browser (no geometry
    sent): the county outline whenever the townships tile the county."""

    _template = Template(
        """{% macro script(this, kwargs) %}
HD.townshipOutline({{ this._parent.get_name() }}, {{ this.options_js }});
{% endmacro %}"""
    )

    def __init__(self, class_name: str, style: Style) -> None:
        super().__init__()
        self._name = "TownshipOutline"
        self.options = {"className": class_name, "styles": {DEFAULT_STYLE_KEY: style},
                        "interactive": False}
        self.options_js = js_value(self.options)


class Labels(HdElement):
    """Text labels at points that never catch clicks; rows: (lat, lon, text)."""

    _template = Template(
        """{% macro script(this, kwargs) %}
HD.labels({{ this._parent.get_name() }}, {{ this.rows_js }}, {{ this.class_name|tojson }});
{% endmacro %}"""
    )

    def __init__(self, rows: list[tuple[float, float, str]], class_name: str) -> None:
        super().__init__()
        self._name = "Labels"
        self.rows = [list(row) for row in rows]
        self.rows_js = js_value(self.rows)
        self.class_name = class_name


def stable_ids(root: Element, prefix: str) -> None:
    """Give root and every element under it a counter-based id, so the same map renders to
    the same HTML (folium draws random ids)."""
    for counter, element in enumerate(walk(root)):
        element._id = f"{prefix}{counter:04d}"
