"""The web map's styles (geo/symbology.py, Leaflet's vocabulary) as matplotlib keywords."""

from __future__ import annotations

from typing import Any

from geo.symbology import Style

PX_TO_PT = 0.75  # a CSS pixel is 1/96 inch, a point 1/72 inch
LEAFLET_WEIGHT = 3.0
LEAFLET_FILL_OPACITY = 0.2


def rgba(colour: str, alpha: float) -> tuple[float, float, float, float]:
    """A CSS hex colour with an opacity."""
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return (r, g, b, float(alpha))


def linewidth(style: Style) -> float:
    """Stroke width in points."""
    return float(style.get("weight", LEAFLET_WEIGHT)) * PX_TO_PT


def linestyle(style: Style) -> Any:
    """Solid, or Leaflet's dashArray (px) as a matplotlib dash pattern (points)."""
    dash = style.get("dashArray")
    if not dash:
        return "solid"
    return (0, tuple(float(part) * PX_TO_PT for part in str(dash).replace(",", " ").split()))


def stroke_colour(style: Style) -> tuple[float, float, float, float]:
    return rgba(style.get("color", "#3388ff"), style.get("opacity", 1.0))


def fill_colour(style: Style, default_fill: bool = True) -> Any:
    """The fill as RGBA, or "none" when the style does not fill."""
    if not style.get("fill", default_fill):
        return "none"
    return rgba(style.get("fillColor", style.get("color", "#3388ff")),
                style.get("fillOpacity", LEAFLET_FILL_OPACITY))


def area_kwargs(style: Style) -> dict[str, Any]:
    """For polygon patches."""
    return {"facecolor": fill_colour(style), "edgecolor": stroke_colour(style),
            "linewidth": linewidth(style), "linestyle": linestyle(style)}


def line_kwargs(style: Style) -> dict[str, Any]:
    """For lines (Leaflet polylines do not fill)."""
    return {"color": stroke_colour(style), "linewidth": linewidth(style),
            "linestyle": linestyle(style), "solid_capstyle": "round",
            "solid_joinstyle": "round"}


def point_kwargs(style: Style) -> dict[str, Any]:
    """For circle markers (Axes.scatter): the radius in px becomes the marker's diameter."""
    diameter_pt = 2 * float(style.get("radius", 10)) * PX_TO_PT
    return {"s": diameter_pt**2, "marker": "o", "facecolors": [fill_colour(style)],
            "edgecolors": [stroke_colour(style)], "linewidths": linewidth(style)}
