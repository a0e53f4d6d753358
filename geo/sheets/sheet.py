"""One printed map sheet: title, map frame, legend and panel, scale, north arrow, graticule,
sources, basemap line, note, 编制单位 and date, as a matplotlib figure."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import box

from geo import datastore
from geo.basemaps import TileSource
from geo.plan import Plan
from geo.plan.current import plan as current_plan
from geo.sheets import views
from geo.sheets.content import Content, Item, Label
from geo.sheets.draw import DRAWERS
from geo.sheets.graticule import draw_graticule
from geo.sheets.labels import label
from geo.sheets.mpl import matplotlib
from geo.sheets.north_arrow import draw_north_arrow
from geo.sheets.panel import Flow, draw_legend, wrap
from geo.sheets.paper import MM_PER_INCH, Layout, layout
from geo.sheets.scale import round_denominator, sheet_crs
from geo.sheets.scalebar import ScaleBar, draw_scale_bar
from geo.sheets.style import PX_TO_PT
from geo.sheets.tiles import Basemap, fetch_basemap
from geo.sheets.views import LIST_SEPARATOR

FORMATS = ("pdf", "png")
DEFAULT_DPI = 300
PAD = 0.03  # of the content's extent, on each side
Z_ORDER = {"area": 10, "line": 20, "point": 50}
LABEL_Z = 45  # names under the point symbols: a long name never hides a seat
MAX_BASEMAP_PX = 2600  # long side of the resampled basemap


@dataclass(frozen=True)
class SheetSpec:
    """What to print (every choice of the dialog and the CLI)."""

    view: str = "county"
    township: str | None = None  # code
    industry: str | None = None  # id
    paper: str = "A4"
    orientation: str = "portrait"
    title: str | None = None
    organisation: str = ""
    date: dt.date | None = None
    lang: str = "zh"
    overlays: tuple[str, ...] | None = None  # None: the view's default
    tiles: tuple[TileSource, ...] = ()  # empty: no basemap (offline)
    dpi: int = DEFAULT_DPI  # raster resolution (PNG, basemap)
    page: int | None = None  # page number in an atlas


@dataclass
class Sheet:
    """A rendered sheet and what was measured while drawing it (the tests read these)."""

    figure: Any
    content: Content
    spec: SheetSpec
    layout: Layout
    crs: str
    denominator: int
    map_axes: Any
    scale_bar: ScaleBar
    legend_keys: list[str]
    drawn_keys: list[str]
    basemap: Basemap | None
    extent_lonlat: Any  # shapely polygon of the map frame in WGS84
    overflow: list[str] = field(default_factory=list)

    def save(self, path: Path, fmt: str | None = None) -> Path:
        """Write PDF (vector, fonts embedded) or PNG at the spec's DPI."""
        fmt = fmt or path.suffix.lstrip(".").lower() or "pdf"
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
        self.figure.savefig(path, format=fmt, dpi=self.spec.dpi, metadata=self.metadata(fmt))
        return path

    def metadata(self, fmt: str = "pdf") -> dict[str, Any]:
        if fmt == "png":
            return {"Title": self.content.title}
        return {"Title": self.content.title, "Creator": "hengdong geo.sheets",
                "CreationDate": None}


def _project(geometry: Any, transformer: Transformer) -> Any:
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(*xy.T)))


def _fit(focus_xy: Any, frame_mm: tuple[float, float]) -> tuple[int, tuple, tuple]:
    """The round scale at which the focus fits the frame, and the frame's limits."""
    x0, y0, x1, y1 = focus_xy.bounds
    pad_x, pad_y = (x1 - x0) * PAD, (y1 - y0) * PAD
    w_m, h_m = x1 - x0 + 2 * pad_x, y1 - y0 + 2 * pad_y
    denominator = round_denominator(max(w_m / (frame_mm[0] / 1000), h_m / (frame_mm[1] / 1000)))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    half_w, half_h = frame_mm[0] / 1000 * denominator / 2, frame_mm[1] / 1000 * denominator / 2
    return denominator, (cx - half_w, cx + half_w), (cy - half_h, cy + half_h)


def _label_point(lab: Label, view_box: Any) -> Any:
    geometry = lab.geometry
    if geometry.geom_type == "Point":
        return geometry if view_box.contains(geometry) else None
    visible = geometry.intersection(view_box.buffer(-0.04 * view_box.length / 4))
    return None if visible.is_empty else visible.representative_point()


LABEL_STYLES = {
    "township": {"fontsize": 6.5, "color": "#263238"},
    "neighbour": {"fontsize": 8, "color": "#757575"},
    "focus": {"fontsize": 10, "color": "#000000", "fontweight": "bold"},
    "stop": {"fontsize": 5, "color": "#004d40"},
    "glyph": {"fontsize": 5.5, "color": "#ffffff", "fontweight": "bold"},
}


def _marker_radii(content: Content) -> dict[tuple[float, float], float]:
    """(lon, lat) rounded -> the largest point symbol drawn there, in mm."""
    radii: dict[tuple[float, float], float] = {}
    for item in content.drawn_items():
        if item.kind != "point":
            continue
        radius = float(item.style.get("radius", 10)) * PX_TO_PT * MM_PER_INCH / 72
        for point in item.geometries:
            key = (round(point.x, 5), round(point.y, 5))
            radii[key] = max(radii.get(key, 0.0), radius)
    return radii


def _draw_labels(ax: Any, content: Content, to_map: Transformer, view_box: Any,
                 text_scale: float, denominator: int, z_of: dict[str, float]) -> None:
    """Names with a white halo: beside their point (clear of its symbol), or inside the
    visible part of their area; a glyph centred on its symbol, stacked just above it (a
    symbol drawn later covers it, as it covers the symbol)."""
    from matplotlib import patheffects

    halo = [patheffects.withStroke(linewidth=2.2, foreground="white")]
    radii = _marker_radii(content)
    for lab in content.labels:
        geometry = _project(lab.geometry, to_map)
        point = _label_point(Label(lab.text, geometry, lab.kind), view_box)
        if point is None:
            continue
        style = dict(LABEL_STYLES[lab.kind])
        style["fontsize"] *= text_scale
        beside = lab.geometry.geom_type == "Point" and lab.kind in ("township", "stop")
        on_symbol = lab.on is not None
        offset_mm = 0.0
        if beside:
            key = (round(lab.geometry.x, 5), round(lab.geometry.y, 5))
            offset_mm = radii.get(key, 0.0) + 0.8 * text_scale
        ax.text(point.x + offset_mm * denominator / 1000, point.y, lab.text,
                ha="left" if beside else "center", va="center",
                path_effects=None if on_symbol else halo,
                zorder=z_of[lab.on] + 0.005 if on_symbol else LABEL_Z, clip_on=True,
                **style)


def legend_items(content: Content, drawn: list[str]) -> list[Item]:
    """One legend row per legend key with something drawn, in drawing order; a part drawn
    without its parent (a route's stops, its line not drawable) shows under the parent's
    title with the part's symbol."""
    items = {item.key: item for item in content.items}
    rows = []
    for key in dict.fromkeys(items[k].legend_key for k in drawn):
        if key in drawn:
            rows.append(items[key])
        else:
            part = next(items[k] for k in drawn if items[k].legend_key == key)
            rows.append(replace(part, key=key, title=items[key].title, part_of=None))
    return rows


def _sources(content: Content, lang: str) -> str:
    layer_ids = [layer for item in content.drawn_items() for layer in item.layers]
    parts: list[str] = []
    for layer_id in dict.fromkeys(layer_ids):
        parts += str(datastore.layer_info(layer_id)["attribution"]).split("; ")
    parts.append(label("plan_credit", lang))
    return " | ".join(dict.fromkeys(p.strip() for p in parts if p.strip()))


def _basemap_line(spec: SheetSpec, basemap: Basemap | None, lang: str) -> str:
    if not spec.tiles:
        return label("basemap_none", lang)
    credit = "；".join(dict.fromkeys(t.attribution for t in spec.tiles))
    approval = next((t.approval for t in spec.tiles if t.approval), "") or label(
        "approval_missing", lang)
    if basemap is None or basemap.image is None:
        reason = basemap.reason if basemap else ""
        return label("basemap_failed", lang, reason=reason)
    line = label("basemap", lang, credit=credit, approval=approval)
    if basemap.missing:
        line += "；" + label("basemap_partial", lang, missing=basemap.missing,
                            total=basemap.total)
    return line


def _footer(fig: Any, lay: Layout, spec: SheetSpec, content: Content, basemap_line: str
            ) -> None:
    lang, s = spec.lang, lay.text_scale
    ax = fig.add_axes(lay.footer.fraction(lay.page))
    ax.set_axis_off()
    ax.set_xlim(0, lay.footer.w)
    ax.set_ylim(0, lay.footer.h)
    ax.axhline(lay.footer.h, color="#9e9e9e", linewidth=0.5)
    size = 6.5 * s
    top = lay.footer.h - 1.2 * s
    date = (spec.date or dt.date.today()).isoformat()
    right = (label("field", lang, name=label("organisation", lang),
                   value=spec.organisation or "　　　　") + "　　"
             + label("field", lang, name=label("date", lang), value=date))
    if spec.page is not None:
        right += "　　" + label("page", lang, n=spec.page)
    ax.text(lay.footer.w, top, right, ha="right", va="top", fontsize=size)
    right_w = len(right) * size * 25.4 / 72
    note_lines = wrap(label("note_approximate", lang), lay.footer.w - right_w - 4, size)
    small = 5.5 * s
    line_h = small * 25.4 / 72 * 1.3
    ax.text(0, top, note_lines[0], ha="left", va="top", fontsize=size, fontweight="bold")
    y = top - size * 25.4 / 72 * 1.45
    sources = label("field", lang, name=label("sources", lang), value=_sources(content, lang))
    rest = note_lines[1:] + wrap(sources,
                                 lay.footer.w, small) + wrap(basemap_line, lay.footer.w, small)
    for line in rest:
        ax.text(0, y, line, ha="left", va="top", fontsize=small, color="#424242")
        y -= line_h


def render(spec: SheetSpec, plan: Plan | None = None) -> Sheet:
    """Draw the sheet described by `spec` (township code and industry id already resolved)."""
    matplotlib()
    from matplotlib.figure import Figure

    plan = plan or current_plan()
    content = views.build(spec.view, plan, spec.lang, spec.township, spec.industry,
                          spec.overlays, spec.title)
    lay = layout(spec.paper, spec.orientation)
    fig = Figure(figsize=lay.figsize, dpi=spec.dpi)
    frame_mm = (lay.map.w, lay.map.h)

    centre = content.focus.envelope.centroid
    crs = sheet_crs(centre.x, centre.y)
    to_map = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    denominator, xlim, ylim = _fit(_project(content.focus, to_map), frame_mm)

    ax = fig.add_axes(lay.map.fraction(lay.page))
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_autoscale_on(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_linewidth(0.9)
        spine.set_zorder(70)
    view_box = box(xlim[0], ylim[0], xlim[1], ylim[1])

    basemap = None
    if spec.tiles:
        scale = min(1.0, MAX_BASEMAP_PX / (max(frame_mm) / MM_PER_INCH * spec.dpi))
        size_px = (max(1, int(frame_mm[0] / MM_PER_INCH * spec.dpi * scale)),
                   max(1, int(frame_mm[1] / MM_PER_INCH * spec.dpi * scale)))
        basemap = fetch_basemap(list(spec.tiles), crs, xlim, ylim, size_px)
        if basemap.image is not None:
            ax.imshow(basemap.image, extent=(*xlim, *ylim), origin="upper", zorder=1,
                      interpolation="nearest", aspect="auto")
        else:
            ax.text(0.99, 0.01, label("basemap_failed", spec.lang, reason=basemap.reason),
                    transform=ax.transAxes, ha="right", va="bottom", zorder=75,
                    fontsize=6 * lay.text_scale, color="#b71c1c",
                    bbox={"facecolor": "white", "edgecolor": "#b71c1c", "linewidth": 0.5})

    drawn: list[str] = []
    z_of: dict[str, float] = {}
    clip = view_box  # only what shows in the frame counts as drawn (and gets a legend row)
    for order, item in enumerate(content.drawn_items()):
        geometries = [_project(g, to_map).intersection(clip) for g in item.geometries]
        geometries = [g for g in geometries if not g.is_empty]
        z_of[item.key] = Z_ORDER[item.kind] + order / 100
        artists = DRAWERS[item.kind](ax, geometries, item.style, f"item:{item.key}",
                                     z_of[item.key])
        if artists:
            drawn.append(item.key)
    _draw_labels(ax, content, to_map, view_box, lay.text_scale, denominator, z_of)
    draw_graticule(ax, crs, lay.text_scale)
    bar = draw_scale_bar(ax, denominator, frame_mm[0], lay.text_scale, spec.lang)
    draw_north_arrow(ax, lay.text_scale, spec.lang, frame_mm)

    fig.text(0.5, (lay.title.y + lay.title.h * 0.45) / lay.page.h, content.title,
             ha="center", va="center", fontsize=17 * lay.text_scale, fontweight="bold")

    panel_ax = fig.add_axes(lay.panel.fraction(lay.page))
    panel_ax.set_axis_off()
    panel_ax.set_xlim(0, lay.panel.w)
    panel_ax.set_ylim(0, lay.panel.h)
    gap = 5.0 * lay.text_scale
    flow = Flow(panel_ax, 0, lay.panel.h, 0, (lay.panel.w - gap * (lay.columns - 1))
                / lay.columns, lay.columns, gap, lay.text_scale)
    legend_keys = draw_legend(flow, legend_items(content, drawn), spec.lang)
    flow.text(label("quality_note", spec.lang), size=5.5, colour="#616161")
    for block in content.blocks:
        flow.block(block)
    # items with nothing to draw anywhere (not those merely outside this frame)
    placeable = {item.legend_key for item in content.drawn_items()}
    not_drawn = [item.title for item in content.items
                 if item.part_of is None and item.key not in placeable and item.title]
    if not_drawn:
        flow.space(1)
        flow.text(label("not_drawn", spec.lang, names=LIST_SEPARATOR[spec.lang].join(
            not_drawn)), size=6, colour="#616161")
    for note in content.notes:
        flow.space(1)
        flow.text(note, size=6, colour="#616161")
    if content.footnotes:
        flow.heading(label("citations", spec.lang))
        for footnote in content.footnotes:
            flow.text(footnote, size=5.5, colour="#424242")

    _footer(fig, lay, spec, content, _basemap_line(spec, basemap, spec.lang))
    to_geo = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return Sheet(fig, content, spec, lay, crs, denominator, ax, bar, legend_keys, drawn,
                 basemap, _project(view_box, to_geo), flow.overflow)
