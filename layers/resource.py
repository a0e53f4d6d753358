"""The folium map as one browser resource: a script that draws it into a page that already
has the map component's host (static/map/hd-host.js).

    HD.defineMap({"id": ..., "css": ..., "assets": [...]}, function () { ...; return map; });

folium renders the map as always (public API: the figure's header and script); the script is
wrapped in a function so that the same page can draw another version of the map later. The
resource names the browser files it needs (layers/assets.py MAP_ASSETS) instead of folium's
<script>/<link> tags; a map element that wants any other file raises UnservedAssetError.
"""

import re

import folium

from layers.assets import MAP_ASSETS
from layers.elements import js_value

_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_LINKED = re.compile(r"""<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']""",
                     re.IGNORECASE)


class UnservedAssetError(RuntimeError):
    """The map asks for a browser file that layers/assets.py MAP_ASSETS does not list."""


def _compact(text: str) -> str:
    """folium's templates indent heavily: drop the indentation and the empty lines."""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def map_resource(fmap: folium.Map) -> str:
    """The map's resource text (renders the map: pass a freshly built one)."""
    figure = fmap.get_root()
    figure.render()
    header = figure.header.render()
    unserved = [url for url in _LINKED.findall(header) if url not in MAP_ASSETS]
    if unserved:
        raise UnservedAssetError(
            f"the map needs {', '.join(unserved)}: add it to layers/assets.py MAP_FILES"
        )
    meta = {
        "id": fmap.get_name(),
        "css": _compact("\n".join(_STYLE.findall(header))),
        "assets": list(MAP_ASSETS),
    }
    script = _compact(figure.script.render())
    name = fmap.get_name()
    return f"HD.defineMap({js_value(meta)}, function () {{\n{script}\nreturn {name};\n}});\n"
