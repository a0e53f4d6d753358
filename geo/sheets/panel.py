"""The side panel: text in columns flowing top to bottom (legend, plan facts, notes,
footnotes), in millimetres of the page, wrapped by the width of its characters."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any

from geo.sheets import style as st
from geo.sheets.content import Block, Item
from geo.sheets.labels import label, quality_label

PT_TO_MM = 25.4 / 72
SWATCH_MM = (7.0, 2.6)


def text_width_mm(text: str, size_pt: float) -> float:
    """Approximate printed width: CJK and full-width characters 1 em, others 0.56 em."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.56 for c in text)
    return ems * size_pt * PT_TO_MM


NO_LINE_START = "、，。；：）》」』！？"
"""Chinese punctuation that never starts a line: it hangs at the end of the line before."""


def wrap(text: str, width_mm: float, size_pt: float) -> list[str]:
    """Lines of at most width_mm, broken between characters (CJK) or at spaces; closing
    punctuation hangs past the width rather than start a line."""
    lines, current = [], ""
    for char in text:
        candidate = current + char
        if text_width_mm(candidate, size_pt) <= width_mm or not current or (
                char in NO_LINE_START):
            current = candidate
            continue
        cut = current.rfind(" ") if char != " " and current.isascii() else -1
        bracket = current.rfind("[")
        if cut > 0:
            lines.append(current[:cut])
            current = current[cut + 1:] + char
        elif bracket > 0 and bracket > current.rfind("]"):  # keep a footnote mark whole
            lines.append(current[:bracket])
            current = current[bracket:] + char
        else:
            lines.append(current)
            current = char.lstrip()
    if current:
        lines.append(current)
    return lines


@dataclass
class Flow:
    """A cursor over the panel's columns (page mm); drops what does not fit and says so."""

    ax: Any
    x: float
    top: float
    bottom: float
    column_w: float
    columns: int
    gap: float
    text_scale: float
    column: int = 0
    y: float = field(init=False)
    overflow: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.y = self.top

    @property
    def left(self) -> float:
        return self.x + self.column * (self.column_w + self.gap)

    def _room(self, height: float) -> bool:
        if self.y - height >= self.bottom:
            return True
        if self.column + 1 < self.columns:
            self.column, self.y = self.column + 1, self.top
            return True
        return False

    def text(self, text: str, size: float = 6.5, indent: float = 0.0, bold: bool = False,
             colour: str = "#212121") -> None:
        size *= self.text_scale
        line_h = size * PT_TO_MM * 1.35
        for line in wrap(text, self.column_w - indent, size):
            if not self._room(line_h):
                self.overflow.append(line)
                continue
            self.ax.text(self.left + indent, self.y, line, ha="left", va="top", fontsize=size,
                         fontweight="bold" if bold else "normal", color=colour)
            self.y -= line_h

    def row(self, left: str, right: str, size: float = 6.5) -> None:
        """A table row: the value right-aligned at the column's edge."""
        size *= self.text_scale
        line_h = size * PT_TO_MM * 1.35
        if not self._room(line_h):
            self.overflow.append(f"{left} {right}")
            return
        self.ax.text(self.left + 2, self.y, left, ha="left", va="top", fontsize=size)
        self.ax.text(self.left + self.column_w, self.y, right, ha="right", va="top",
                     fontsize=size)
        self.y -= line_h

    def space(self, mm: float) -> None:
        self.y -= mm * self.text_scale

    def heading(self, text: str) -> None:
        self.space(1.0)
        self.text(text, size=8, bold=True)
        self.space(0.6)

    def block(self, block: Block) -> None:
        self.heading(block.title)
        for line in block.lines:
            if "\t" in line:
                self.row(*line.split("\t", 1))
            else:
                self.text(line, indent=0)

    def legend_row(self, item: Item, lang: str) -> bool:
        """A swatch and the item's title with its quality; False when it did not fit."""
        from matplotlib.lines import Line2D
        from matplotlib.patches import Rectangle

        size = 6.5 * self.text_scale
        swatch_w, swatch_h = (v * self.text_scale for v in SWATCH_MM)
        text = label("paren", lang, text=item.title, note=quality_label(item.quality, lang))
        lines = wrap(text, self.column_w - swatch_w - 2, size)
        line_h = size * PT_TO_MM * 1.35
        height = max(swatch_h + 0.9, line_h * len(lines) + 0.4)
        if not self._room(height):
            self.overflow.append(text)
            return False
        x, y = self.left, self.y - 0.3
        cy = y - swatch_h / 2
        s = item.style
        if item.kind == "area":
            self.ax.add_patch(Rectangle((x, y - swatch_h), swatch_w, swatch_h,
                                        **st.area_kwargs(s)))
        elif item.kind == "line":
            kwargs = st.line_kwargs(s)
            kwargs.pop("solid_capstyle"), kwargs.pop("solid_joinstyle")
            self.ax.add_line(Line2D([x, x + swatch_w], [cy, cy], **kwargs))
        else:
            point = st.point_kwargs(s)
            cap_pt = (swatch_h + 0.6) / PT_TO_MM  # a big circle would overlap the next row
            self.ax.scatter([x + swatch_w / 2], [cy], s=min(point["s"], cap_pt**2), marker="o",
                            facecolors=point["facecolors"], edgecolors=point["edgecolors"],
                            linewidths=point["linewidths"], clip_on=False)
        for index, line in enumerate(lines):
            self.ax.text(x + swatch_w + 2, y - index * line_h, line, ha="left", va="top",
                         fontsize=size)
        self.y -= height
        return True


def draw_legend(flow: Flow, items: list[Item], lang: str) -> list[str]:
    """图例: one row per item; the keys of the rows that fitted."""
    flow.heading(label("legend", lang))
    keys = []
    for item in items:
        if flow.legend_row(item, lang):
            keys.append(item.key)
    return keys
