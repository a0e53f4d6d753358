"""The scale bar and the numeric scale, drawn in the map's own coordinates (metres of the
sheet's projection), so its length on paper is exactly the scale's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from geo.sheets.labels import label
from geo.sheets.scale import bar_length_m, scale_text

SEGMENTS = 4
BAR_GID = "scale-bar"


@dataclass(frozen=True)
class ScaleBar:
    x0: float  # metres, sheet CRS
    y0: float
    length_m: float
    denominator: int


def draw_scale_bar(ax: Any, denominator: int, frame_w_mm: float, text_scale: float,
                   lang: str) -> ScaleBar:
    """Bottom left inside the frame: 比例尺 1:250 000 over a black-and-white bar in km."""
    from matplotlib.patches import FancyBboxPatch, Rectangle

    mm = denominator / 1000  # metres of ground per mm of paper
    x_min, y_min = ax.get_xlim()[0], ax.get_ylim()[0]
    length = bar_length_m(denominator, frame_w_mm * 0.25)
    x0, y0 = x_min + 6 * mm * text_scale, y_min + 7 * mm * text_scale
    height = 1.4 * mm * text_scale
    fontsize = 6.5 * text_scale
    ax.add_patch(FancyBboxPatch(
        (x0 - 3 * mm, y0 - 3.6 * mm * text_scale), length + 6 * mm * text_scale,
        12 * mm * text_scale, boxstyle="round,pad=0,rounding_size=%f" % (1 * mm),
        facecolor=(1, 1, 1, 0.85), edgecolor="#777777", linewidth=0.4, zorder=40))
    step = length / SEGMENTS
    for i in range(SEGMENTS):
        ax.add_patch(Rectangle((x0 + i * step, y0), step, height, linewidth=0.4,
                               edgecolor="black", facecolor="black" if i % 2 == 0 else "white",
                               zorder=41, gid=BAR_GID))
    unit_km = length >= 1000
    for i in (0, SEGMENTS // 2, SEGMENTS):
        value = i * step / (1000 if unit_km else 1)
        ax.text(x0 + i * step, y0 - 0.6 * mm * text_scale, f"{value:g}", ha="center",
                va="top", fontsize=fontsize * 0.9, zorder=42)
    ax.text(x0 + length + 1.2 * mm * text_scale, y0 + height / 2,
            label("km", lang) if unit_km else "m", ha="left", va="center",
            fontsize=fontsize * 0.9, zorder=42)
    ax.text(x0, y0 + height + 1.4 * mm * text_scale,
            f"{label('scale', lang)} {scale_text(denominator)}", ha="left", va="bottom",
            fontsize=fontsize, zorder=42)
    return ScaleBar(x0, y0, length, denominator)
