"""The map's symbols, defined once: every style key of every theme, in Leaflet's vocabulary
(colour, weight in px, opacity, fillColor, fillOpacity, dashArray in px, radius in px,
className for the browser). The web map (layers/) sends them as they are; the printed sheet
(geo/sheets/style.py) translates the same definitions to matplotlib.

Leaflet's defaults apply where a key is missing: weight 3, opacity 1, fill True for areas
and circle markers (False for lines), fillColor = color, fillOpacity 0.2.
"""

from typing import Any

Style = dict[str, Any]

# ---- data quality -------------------------------------------------------------------------

# How exact a layer's geometry is, best first; their names are geo.labels.quality_label.
QUALITIES = ("surveyed", "approximate", "schematic")

# ---- 行政区划 (layers/admin_areas.py) -------------------------------------------------------

NEIGHBOUR_STYLE: Style = {
    "color": "#8d8d8d", "weight": 1.5, "dashArray": "5 4", "fill": False,
    "className": "hd-neighbour",
}
COUNTY_STYLE: Style = {"color": "#b71c1c", "weight": 3, "fill": False, "className": "hd-county"}
TOWNSHIP_STYLE: Style = {
    "color": "#455a64", "weight": 1.2, "fillColor": "#90a4ae", "fillOpacity": 0.08,
    "className": "hd-township",
}
SEAT_STYLE: Style = {
    "radius": 4, "color": "#37474f", "weight": 2, "fillColor": "#ffffff", "fillOpacity": 1,
    "className": "hd-seat",
}
COUNTY_SEAT_STYLE: Style = {**SEAT_STYLE, "radius": 6, "fillColor": "#b71c1c"}
SELECTION_STYLE: Style = {"color": "#111111", "weight": 4, "opacity": 0.9, "fill": False}

# ---- 城镇体系 (layers/town_system.py) -------------------------------------------------------

TOWN_SYSTEM_AREA_STYLES: dict[str, Style] = {
    "core_circle": {
        "color": "#c62828", "weight": 2, "dashArray": "6 4",
        "fillColor": "#ef5350", "fillOpacity": 0.18, "className": "hd-core-circle",
    },
    "led": {
        "color": "#ef6c00", "weight": 1.5, "dashArray": "3 4",
        "fillColor": "#ffb74d", "fillOpacity": 0.2, "className": "hd-led",
    },
}
AXIS_STYLES: dict[str, Style] = {
    "main": {"color": "#6a1b9a", "weight": 7, "opacity": 0.8, "className": "hd-axis hd-axis-main"},
    "_": {"color": "#8e24aa", "weight": 4, "opacity": 0.75, "dashArray": "10 6",
          "className": "hd-axis"},
}
CENTRE_STYLES: dict[str, Style] = {
    "core": {"radius": 11, "color": "#b71c1c", "weight": 3, "fillColor": "#ffffff",
             "fillOpacity": 0.9, "className": "hd-centre hd-centre-core"},
    "_": {"radius": 8, "color": "#e65100", "weight": 3, "fillColor": "#ffffff",
          "fillOpacity": 0.9, "className": "hd-centre hd-centre-sub"},
}

# ---- 生态空间 (layers/ecology.py) -----------------------------------------------------------

RIVER_STYLE: Style = {"color": "#1e88e5", "weight": 4, "opacity": 0.9, "className": "hd-river"}
REDLINE_STYLE: Style = {
    "color": "#c62828", "weight": 1.5, "fillColor": "#e57373", "fillOpacity": 0.35,
    "className": "hd-redline",
}
ECO_POINT_STYLES: dict[str, Style] = {
    "五库": {"radius": 7, "color": "#0d47a1", "weight": 2, "fillColor": "#64b5f6",
           "fillOpacity": 0.9, "className": "hd-eco-point hd-eco-reservoir"},
    "多区": {"radius": 7, "color": "#1b5e20", "weight": 2, "fillColor": "#81c784",
           "fillOpacity": 0.9, "className": "hd-eco-point hd-eco-area"},
}
ECO_AREA_STYLES: dict[str, Style] = {
    "五库": {"color": "#1565c0", "weight": 2, "dashArray": "2 5", "fillColor": "#90caf9",
           "fillOpacity": 0.25, "className": "hd-eco-township hd-eco-reservoir"},
    "多区": {"color": "#2e7d32", "weight": 2, "dashArray": "2 5", "fillColor": "#a5d6a7",
           "fillOpacity": 0.25, "className": "hd-eco-township hd-eco-area"},
}

# ---- 乡镇产业 (layers/industry.py) ----------------------------------------------------------

HIGHLIGHT_STYLES: dict[str, Style] = {
    "centred": {"color": "#e65100", "weight": 2.5, "fillColor": "#ff9800", "fillOpacity": 0.55,
                "className": "hd-highlight-centred"},
    "radiating": {"color": "#f9a825", "weight": 2, "dashArray": "5 4", "fillColor": "#fff176",
                  "fillOpacity": 0.45, "className": "hd-highlight-radiating"},
}
PARK_STYLES: dict[str, Style] = {
    "_": {"color": "#4e342e", "weight": 3, "dashArray": "8 4", "fillColor": "#8d6e63",
          "fillOpacity": 0.15, "className": "hd-park"},
    "point": {"radius": 8, "color": "#4e342e", "weight": 2, "fillColor": "#a1887f",
              "fillOpacity": 0.9, "className": "hd-park"},
}

# ---- 旅游线路 (layers/tourism.py) -----------------------------------------------------------

ROUTE_COLOURS = ("#00897b", "#d81b60", "#5e35b1", "#6d4c41", "#3949ab", "#7cb342", "#f4511e")


def route_colour(number: int) -> str:
    """The colour of tourism route `number` (1-based; the palette repeats)."""
    return ROUTE_COLOURS[(number - 1) % len(ROUTE_COLOURS)]


def route_line_style(number: int) -> Style:
    """The line joining the stops of route `number`."""
    return {"color": route_colour(number), "weight": 3.5, "dashArray": "8 5", "opacity": 0.9,
            "className": "hd-route"}


def route_stop_style(number: int) -> Style:
    """A stop of route `number`."""
    return {"radius": 6, "color": route_colour(number), "weight": 2, "fillColor": "#ffffff",
            "fillOpacity": 1, "className": "hd-route-stop"}

# ---- 基础设施与重点项目 (layers/infrastructure.py) -----------------------------------------

PROJECT_COLOURS: dict[str, str] = {
    "road": "#6d4c41", "water": "#0277bd", "energy": "#ef6c00", "logistics": "#5e35b1",
    "trade": "#ad1457", "urban": "#546e7a", "education": "#2e7d32",
}
"""The colour of each kind of project (geo.plan.schema.PROJECT_KINDS)."""
PROJECT_GLYPHS: dict[str, tuple[str, str]] = {
    "road": ("路", "R"), "water": ("水", "W"), "energy": ("能", "E"), "logistics": ("物", "L"),
    "trade": ("商", "T"), "urban": ("城", "U"), "education": ("学", "S"),
}
"""zh / en glyph written on a kind's symbol (and before its name in the legends)."""
INFRASTRUCTURE_STYLES: dict[str, Style] = {
    "road-line": {"color": PROJECT_COLOURS["road"], "weight": 3, "dashArray": "6 4",
                  "opacity": 0.85, "className": "hd-infra hd-infra-road-line"},
    **{kind: {"radius": 8, "color": "#ffffff", "weight": 1.5, "fillColor": colour,
              "fillOpacity": 0.95, "className": f"hd-infra hd-infra-{kind}"}
       for kind, colour in PROJECT_COLOURS.items()},
    "district": {"color": "#ad1457", "weight": 2, "dashArray": "4 4", "fillColor": "#f8bbd0",
                 "fillOpacity": 0.2, "className": "hd-infra hd-infra-district"},
    "_": {"color": "#555"},
}
"""A dashed brown road through its towns, a filled circle per kind, 河西新区's dashed ring."""
