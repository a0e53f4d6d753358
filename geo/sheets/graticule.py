"""Graticule lines (longitude / latitude) over the map with their values at the frame edge."""

from __future__ import annotations

from typing import Any

import numpy as np
from pyproj import Transformer

STEPS_MIN = (1, 2, 5, 10, 15, 20, 30, 60, 120)  # candidate intervals in minutes of arc
COLOUR = "#607d8b"


def interval_min(span_deg: float, lines: int = 4) -> int:
    """The smallest interval giving at most `lines` lines across the span."""
    for step in STEPS_MIN:
        if span_deg * 60 / step <= lines:
            return step
    return STEPS_MIN[-1]


def dms(value: float, positive: str, negative: str) -> str:
    """112°50′E."""
    hemisphere = positive if value >= 0 else negative
    minutes_total = round(abs(value) * 60)
    degrees, minutes = divmod(minutes_total, 60)
    return f"{degrees}°{minutes:02d}′{hemisphere}"


def draw_graticule(ax: Any, crs: str, text_scale: float) -> None:
    """Thin lines every few minutes, labelled inside the bottom and left frame edges."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    to_geo = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    to_map = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    corner_lon, corner_lat = to_geo.transform([x0, x1, x0, x1], [y0, y0, y1, y1])
    lon_min, lon_max = min(corner_lon), max(corner_lon)
    lat_min, lat_max = min(corner_lat), max(corner_lat)
    step = interval_min(max(lon_max - lon_min, lat_max - lat_min)) / 60
    fontsize = 5.5 * text_scale
    style = {"color": COLOUR, "linewidth": 0.35, "alpha": 0.8, "zorder": 30}
    text_style = {"fontsize": fontsize, "color": "#37474f", "zorder": 46,
                  "bbox": {"boxstyle": "square,pad=0.1", "facecolor": "white",
                           "edgecolor": "none", "alpha": 0.8}}
    lat_span = np.linspace(lat_min - step, lat_max + step, 60)
    for lon in np.arange(np.ceil(lon_min / step) * step, lon_max, step):
        xs, ys = to_map.transform(np.full_like(lat_span, lon), lat_span)
        ax.plot(xs, ys, **style)
        x_at_bottom = float(np.interp(y0, ys, xs))
        if x0 < x_at_bottom < x1:
            ax.text(x_at_bottom, y0, dms(lon, "E", "W"), ha="center", va="bottom",
                    **text_style)
    lon_span = np.linspace(lon_min - step, lon_max + step, 60)
    for lat in np.arange(np.ceil(lat_min / step) * step, lat_max, step):
        xs, ys = to_map.transform(lon_span, np.full_like(lon_span, lat))
        ax.plot(xs, ys, **style)
        y_at_left = float(np.interp(x0, xs, ys))
        if y0 + (y1 - y0) * 0.2 < y_at_left < y1:  # not behind the scale bar (bottom left)
            ax.text(x0, y_at_left, dms(lat, "N", "S"), ha="left", va="center", rotation=90,
                    **text_style)
