"""The north arrow: the sheet's projection is centred on the sheet, so grid north is true
north at its centre."""

from __future__ import annotations

from typing import Any

from geo.sheets.labels import label


def draw_north_arrow(ax: Any, text_scale: float, lang: str, frame_mm: tuple[float, float]
                     ) -> None:
    """Top right inside the frame: a half-filled arrow with 北 / N above it."""
    from matplotlib.patches import Polygon

    w_mm, h_mm = frame_mm
    size = 11 * text_scale  # mm
    cx, top = 1 - 9 * text_scale / w_mm, 1 - 8 * text_scale / h_mm
    half, height = size * 0.32 / w_mm, size / h_mm
    base, notch = top - height, top - height * 0.72
    common = {"transform": ax.transAxes, "zorder": 45, "linewidth": 0.6, "edgecolor": "black"}
    ax.add_patch(Polygon([(cx, top), (cx - half, base), (cx, notch)], facecolor="black",
                         **common))
    ax.add_patch(Polygon([(cx, top), (cx + half, base), (cx, notch)], facecolor="white",
                         **common))
    ax.text(cx, top + 1.0 / h_mm, label("north", lang), transform=ax.transAxes, ha="center",
            va="bottom", fontsize=9 * text_scale, fontweight="bold", zorder=45)
