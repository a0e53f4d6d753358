"""The report as a PDF: a map of the site over the townships (legend, scale bar, north arrow)
with the key figures, then the full report text. matplotlib is imported only here.

Fonts: Debian's Noto Sans CJK (fonts-noto-cjk), embedded as TrueType (pdf.fonttype 42).
"""

import io
import re
import unicodedata
from pathlib import Path

import geopandas as gpd
import shapely

from geo.labels import pick, quality_label
from geo.site.labels import label as L
from geo.site.layers import available, layer
from geo.site.markdown import fmt_area, fmt_share, render_markdown

CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_FAMILY = "Noto Sans CJK SC"
PAGE = (8.27, 11.69)  # A4 portrait, inches
METRIC = 4547  # CGCS2000 GK CM 114E: the map is drawn in metres, so the scale bar is true
SITE_STYLE = {"facecolor": "#42a5f5", "edgecolor": "#0d47a1", "alpha": 0.45, "linewidth": 2}
RED_STYLE = {"facecolor": "#66bb6a", "edgecolor": "#1b5e20", "alpha": 0.5, "hatch": "//"}
NOTICE_COLOURS = {"not_loaded": "#fff3e0", "overlaps": "#ffebee", "clear": "#e8f5e9"}
NOTICE_EDGES = {"not_loaded": "#ef6c00", "overlaps": "#c62828", "clear": "#2e7d32"}
LINES_PER_PAGE = 58


def _matplotlib():
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager, pyplot

    if CJK_FONT.exists() and FONT_FAMILY not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(CJK_FONT))
    matplotlib.rcParams.update({"pdf.fonttype": 42, "font.family": "sans-serif",
                                "font.sans-serif": [FONT_FAMILY, "DejaVu Sans"],
                                "axes.unicode_minus": False})
    return pyplot


def _metric(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    return frame.to_crs(METRIC)


def _nice_length(width_m: float) -> float:
    """A round scale-bar length about a quarter of the map width."""
    target = width_m / 4
    for step in (50_000, 20_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50):
        if step <= target:
            return float(step)
    return 20.0


def _map(ax, report: dict, lang: str) -> None:
    from matplotlib.patches import FancyArrow, Patch, Rectangle

    site = gpd.GeoSeries([shapely.geometry.shape(report["site"]["checked_geometry"])], crs=4326)
    site_m = site.to_crs(METRIC)
    minx, miny, maxx, maxy = site_m.total_bounds
    pad = max(2_000.0, 0.6 * max(maxx - minx, maxy - miny))
    box = (minx - pad, miny - pad, maxx + pad, maxy + pad)
    townships = _metric(layer("townships"))
    townships.plot(ax=ax, facecolor="#f5f5f0", edgecolor="#757575", linewidth=0.8)
    _metric(layer("county")).boundary.plot(ax=ax, color="#424242", linewidth=1.6)
    _metric(layer("xiangjiang")).plot(ax=ax, color="#1e88e5", linewidth=1.4)
    basis = report["townships"]
    townships_label = (f"{L('legend_townships', lang)} "
                       f"({pick(lang, basis['label_zh'], basis['label_en'])})")
    handles = [Patch(facecolor="#f5f5f0", edgecolor="#757575", label=townships_label),
               Patch(facecolor="none", edgecolor="#424242", label=L("legend_county", lang)),
               Patch(facecolor="#1e88e5", label=L("legend_river", lang))]
    if available("redline"):
        _metric(layer("redline")).plot(ax=ax, **RED_STYLE)
        handles.append(Patch(**{k: v for k, v in RED_STYLE.items()},
                             label=L("legend_redline", lang)))
    if report["site"]["checked_type"] in ("Point", "MultiPoint"):
        site_m.plot(ax=ax, color=SITE_STYLE["edgecolor"], markersize=40, zorder=5)
    else:
        site_m.plot(ax=ax, zorder=5, **SITE_STYLE)
    handles.append(Patch(facecolor=SITE_STYLE["facecolor"], edgecolor=SITE_STYLE["edgecolor"],
                         label=L("legend_site", lang)))
    frame = shapely.box(*box)
    for row in townships.itertuples():
        shown = row.geometry.intersection(frame)
        if shown.area > 0.02 * frame.area:
            point = shown.representative_point()
            ax.annotate(pick(lang, row.name, getattr(row, "name_en", None)), (point.x, point.y),
                        ha="center", fontsize=10, color="#37474f", fontweight="bold",
                        annotation_clip=True, clip_on=True)
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.legend(handles=handles, loc="lower right", fontsize=8, framealpha=0.9)
    width = box[2] - box[0]
    bar = _nice_length(width)
    x0, y0 = box[0] + 0.04 * width, box[1] + 0.05 * (box[3] - box[1])
    ax.add_patch(Rectangle((x0, y0), bar, 0.008 * width, color="black"))
    ax.add_patch(Rectangle((x0 + bar / 2, y0), bar / 2, 0.008 * width, facecolor="white",
                           edgecolor="black"))
    ax.annotate(f"{bar / 1000:g} km" if bar >= 1000 else f"{bar:g} m",
                (x0 + bar / 2, y0 + 0.015 * width), ha="center", fontsize=8)
    nx, ny = box[2] - 0.06 * width, box[3] - 0.14 * (box[3] - box[1])
    ax.add_patch(FancyArrow(nx, ny, 0, 0.07 * (box[3] - box[1]), width=0.012 * width,
                            head_width=0.035 * width, head_length=0.03 * width, color="black"))
    ax.annotate("N", (nx, ny - 0.045 * (box[3] - box[1])), ha="center", fontsize=11,
                fontweight="bold")


def _plain(markdown: str) -> list[str]:
    """Markdown lines as plain text (escapes and emphasis removed)."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"\\(.)", r"\1", line.replace("**", "").replace("_（", "（")
                      .replace("）_", "）"))
        lines.append(re.sub(r"^#+ ", "", line))
    return lines


def _width(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def _wrapped(lines: list[str], width: float = 62) -> list[str]:
    out = []
    for line in lines:
        current = ""
        for char in line:
            if _width(current + char) > width:
                out.append(current)
                current = "    " + char
            else:
                current += char
        out.append(current)
    return out


def _first_page(pyplot, report: dict, lang: str):
    figure = pyplot.figure(figsize=PAGE)
    red = report["redline"]
    figure.text(0.07, 0.955, L("title", lang), fontsize=18, fontweight="bold")
    figure.text(0.07, 0.935, f"{report['input']['source']} · {report['generated_at']}",
                fontsize=8, color="#555555")
    message = pick(lang, red["message_zh"], red["message_en"])
    if red["flag"]:
        message += f" — {fmt_share(red['share'])}" + (
            f", {fmt_area(red['area_m2'])}" if red.get("area_m2") else "")
    figure.text(0.07, 0.905, "\n".join(_wrapped([f"{L('redline', lang)}: {message}"], 54)),
                fontsize=9, va="top", bbox={"facecolor": NOTICE_COLOURS[red["status"]],
                                            "edgecolor": NOTICE_EDGES[red["status"]],
                                            "boxstyle": "round,pad=0.5"})
    ax = figure.add_axes((0.07, 0.32, 0.86, 0.53))
    _map(ax, report, lang)
    ax.set_title(L("map", lang), fontsize=11)
    site = report["site"]
    rows = []
    if site["area_m2"]:
        rows.append(f"{L('area', lang)}: {fmt_area(site['area_m2'])}")
    if site["length_m"]:
        rows.append(f"{L('length', lang)}: {site['length_m']:,.1f} m")
    section = report["townships"]
    basis = pick(lang, section["label_zh"], section["label_en"])
    rows.append(f"{L('figures_basis', lang)}: {basis}")
    approx = "≈" if section["basis"] != "exact" else ""
    for item in section["items"]:
        rows.append(f"  {pick(lang, item['name'], item['name_en'])}  {approx}"
                    f"{fmt_share(item['share'])}")
    rows += [f"{pick(lang, d['name'], d['name_en'])}: {d['distance_m'] / 1000:.2f} km "
             f"({quality_label(d['quality'], lang)})" for d in report["distances"].values()]
    figure.text(0.07, 0.30, "\n".join(_wrapped(rows, 90)[:16]), fontsize=8.5, va="top",
                linespacing=1.5)
    attributions = sorted({src["attribution"] for src in report["sources"] if src["attribution"]})
    figure.text(0.07, 0.075, "\n".join(_wrapped([f"{L('sources', lang)}: "
                                                 + "; ".join(attributions)], 76)),
                fontsize=6.5, color="#555555", va="top")
    figure.text(0.07, 0.03, f"{report['disclaimer']['zh']} / {report['disclaimer']['en']}",
                fontsize=9, fontweight="bold", color="#b71c1c")
    return figure


def render_pdf(report: dict, lang: str = "zh") -> bytes:
    """The PDF bytes: the map page, then the report text over as many pages as needed."""
    pyplot = _matplotlib()
    from matplotlib.backends.backend_pdf import PdfPages

    buffer = io.BytesIO()
    lines = _wrapped(_plain(render_markdown(report, lang)))
    with PdfPages(buffer, metadata={"Title": L("title", lang), "Creator": "geo.site"}) as pdf:
        figure = _first_page(pyplot, report, lang)
        pdf.savefig(figure)
        pyplot.close(figure)
        pages = [lines[i:i + LINES_PER_PAGE] for i in range(0, len(lines), LINES_PER_PAGE)]
        for number, chunk in enumerate(pages, start=2):
            figure = pyplot.figure(figsize=PAGE)
            figure.text(0.07, 0.96, "\n".join(chunk), fontsize=8.5, va="top", linespacing=1.45)
            figure.text(0.93, 0.03, f"{number}", fontsize=8, ha="right")
            figure.text(0.07, 0.03, report["disclaimer"]["zh"], fontsize=8, color="#b71c1c")
            pdf.savefig(figure)
            pyplot.close(figure)
    return buffer.getvalue()
