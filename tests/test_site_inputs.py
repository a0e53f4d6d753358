"""Site inputs: every file format, CRS handling and each bad input's message (what and where);
the command line."""

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import ezdxf
import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Transformer

from geo.paths import PROJECT_ROOT
from geo.site.check import check_site
from geo.site.coordinates import parse_coordinates
from geo.site.files import read_site_file
from geo.site.inputs import drawn
from geo.site.limits import MAX_VERTICES, SITE_MAX_MB_ENV
from geo.site.load import site_from_upload
from geo.site.markdown import render_markdown
from geo.site.problems import SiteRejected
from geo.store.settings import ADMIN_DIR_ENV
from geo.text import plain
from tests.admin_corpus import HOSTILE_NAMES
from tests.site_support import (
    area,
    border_point,
    expected_shares,
    inner_point,
    square,
    write_dxf,
)

REL = 1e-3



def across_border() -> shapely.Polygon:
    lon, lat = border_point("洣水镇", "吴集镇")
    return square(lon, lat, 500)


def message(caught: pytest.ExceptionInfo) -> str:
    return " | ".join(p.text("zh") + " / " + p.text("en") for p in caught.value.problems)


def assert_same_figures(report: dict, polygon: shapely.Polygon) -> None:
    assert report["site"]["area_m2"] == pytest.approx(area(polygon), rel=REL)
    got = {i["name"]: i["share"] for i in report["townships"]["items"]}
    expected = expected_shares(polygon)
    assert set(got) == set(expected)
    for name, share in expected.items():
        assert got[name] == pytest.approx(share, rel=REL, abs=1e-6)


@pytest.mark.parametrize("epsg", [4526, 4547])
def test_dxf_in_gauss_kruger_is_read_with_the_stated_assumption(tmp_path: Path,
                                                                epsg: int) -> None:
    polygon = across_border()
    site = read_site_file(write_dxf(tmp_path / "site.dxf", polygon, epsg))
    assert site.crs.epsg == epsg and site.crs.assumed
    assert "DXF 没有坐标系信息" in site.crs.note_zh
    assert any(n.code == "parts-ignored" for n in site.notes)  # the text annotation
    assert_same_figures(check_site(site), polygon)


def test_dxf_with_a_declared_crs(tmp_path: Path) -> None:
    polygon = across_border()
    path = write_dxf(tmp_path / "site.dxf", polygon, 4526)
    site = read_site_file(path, crs="EPSG:4526")
    assert site.crs.epsg == 4526
    assert_same_figures(check_site(site), polygon)


def test_dxf_in_an_unknown_crs_is_refused(tmp_path: Path) -> None:
    polygon = shapely.Polygon([(1000, 1000), (2000, 1000), (2000, 2000), (1000, 2000)])
    doc = ezdxf.new()
    doc.modelspace().add_lwpolyline(list(polygon.exterior.coords)[:-1], close=True)
    doc.saveas(tmp_path / "local.dxf")
    with pytest.raises(SiteRejected) as caught:
        read_site_file(tmp_path / "local.dxf")
    assert "DXF 没有坐标系信息" in message(caught) and "--crs" in message(caught)
    assert "local.dxf" in message(caught)


def test_dxf_with_swapped_axes_is_refused(tmp_path: Path) -> None:
    to_gk = Transformer.from_crs(4326, 4526, always_xy=True)
    ring = [to_gk.transform(x, y)[::-1] for x, y in list(across_border().exterior.coords)[:-1]]
    doc = ezdxf.new()
    doc.modelspace().add_lwpolyline(ring, close=True)
    doc.saveas(tmp_path / "swapped.dxf")
    with pytest.raises(SiteRejected) as caught:
        read_site_file(tmp_path / "swapped.dxf")
    assert "X/Y 轴颠倒" in message(caught)


def test_kml_geojson_geopackage_and_zipped_shapefile(tmp_path: Path) -> None:
    polygon = across_border()
    frame = gpd.GeoDataFrame({"name": ["场址"]}, geometry=[polygon], crs=4326)
    frame.to_file(tmp_path / "site.kml", driver="KML", engine="pyogrio")
    frame.to_file(tmp_path / "site.geojson", driver="GeoJSON", engine="pyogrio")
    frame.to_crs(4526).to_file(tmp_path / "site.gpkg", driver="GPKG", engine="pyogrio")
    parts = tmp_path / "shp"
    parts.mkdir()
    frame.to_crs(4547).to_file(parts / "site.shp", engine="pyogrio")
    with zipfile.ZipFile(tmp_path / "site.zip", "w") as archive:
        for part in parts.iterdir():
            archive.write(part, part.name)
    for name in ("site.kml", "site.geojson", "site.gpkg", "site.zip"):
        site = read_site_file(tmp_path / name)
        assert_same_figures(check_site(site), polygon)


def test_gcj02_file_when_declared(tmp_path: Path) -> None:
    from geo.coords import geometry_wgs84_to_gcj02

    polygon = across_border()
    frame = gpd.GeoDataFrame(geometry=[geometry_wgs84_to_gcj02(polygon)], crs=4326)
    frame.to_file(tmp_path / "amap.geojson", driver="GeoJSON", engine="pyogrio")
    site = read_site_file(tmp_path / "amap.geojson", crs="gcj02")
    assert "GCJ-02" in site.crs.name
    assert_same_figures(check_site(site), polygon)


def test_upload_bytes_are_read_from_a_temporary_copy(tmp_path: Path) -> None:
    polygon = across_border()
    path = write_dxf(tmp_path / "site.dxf", polygon, 4526)
    site = site_from_upload("宗地图.dxf", path.read_bytes())
    assert site.source == "宗地图.dxf"
    assert_same_figures(check_site(site), polygon)


def test_self_intersecting_polygon_is_repaired_and_said_so() -> None:
    inner = inner_point("杨桥镇")
    x, y, d = inner.x, inner.y, 0.004
    text = f"{x - d},{y - d}\n{x + d},{y + d}\n{x + d},{y - d}\n{x - d},{y + d}\n"  # a bow tie
    report = check_site(parse_coordinates(text))
    assert report["site"]["repaired"] is True
    note = next(n for n in report["input"]["notes"] if n["code"] == "repaired")
    assert "Self-intersection" in note["en"] and "行的点附近" in note["zh"]
    repaired = shapely.geometry.shape(report["site"]["geometry"])
    assert repaired.is_valid and report["site"]["area_m2"] == pytest.approx(area(repaired),
                                                                            rel=REL)


@pytest.mark.parametrize(("text", "expected"), [
    ("113.0,27.1\n113.02,27.1\nabc,27.12\n", "第 3 行无法识别：“abc”不是数字"),
    ("113.0,27.1\n113.02 27.1 5 6\n", "第 2 行无法识别：应为两个数，现有 4 个"),
    ("27.1,113.0\n27.1,113.02\n27.12,113.02\n", "第 1 行像是“纬度,经度”顺序"),
    ("38402345.67 3001234.56\n", "第 1 行像是“Y X”"),
    ("3001234.56 37402345.67\n", "带号 37 不是衡东县所在的"),
    ("113.0,27.1\n3001234.56 38402345.67\n", "第 2 行与第 1 行的坐标种类不同"),
    ("\n# only a comment\n", "没有坐标"),
    ("3001234.56 702345.67\n", "按CGCS2000 高斯-克吕格 6° 带第 19 带（中央经线 111°E）则在县内"),
    ("120.0,30.0\n", "第 1 行的经纬度 (120.0, 30.0) 不在衡东县附近"),
])
def test_garbage_in_the_coordinate_box_names_the_line(text: str, expected: str) -> None:
    with pytest.raises(SiteRejected) as caught:
        parse_coordinates(text)
    assert expected in message(caught)


def test_too_many_vertices() -> None:
    angles = np.linspace(0, 2 * np.pi, MAX_VERTICES + 1, endpoint=False)
    circle = shapely.Polygon(np.column_stack([113.0 + 0.01 * np.cos(angles),
                                              27.1 + 0.01 * np.sin(angles)]))
    with pytest.raises(SiteRejected) as caught:
        check_site(drawn(circle))
    assert f"超过上限 {MAX_VERTICES}" in message(caught)


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SITE_MAX_MB_ENV, "0.001")
    path = tmp_path / "big.geojson"
    gpd.GeoDataFrame(geometry=[across_border()] * 20, crs=4326).to_file(path, driver="GeoJSON")
    with pytest.raises(SiteRejected) as caught:
        read_site_file(path)
    assert "超过上限" in message(caught) and SITE_MAX_MB_ENV in message(caught)
    assert "big.geojson" in message(caught)


def test_empty_geometries_are_named_and_an_all_empty_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": None}]}))
    with pytest.raises(SiteRejected) as caught:
        read_site_file(path)
    assert "没有非空的几何要素" in message(caught)
    mixed = tmp_path / "mixed.geojson"
    mixed.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {}, "geometry": None},
        {"type": "Feature", "properties": {},
         "geometry": shapely.geometry.mapping(across_border())}]}))
    site = read_site_file(mixed)
    note = next(n for n in site.notes if n.code == "empty-geometry")
    assert note.feature_index == 0 and "要素 #0" in note.text("zh")


def test_unknown_crs_and_unsupported_type(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame(geometry=[across_border()], crs=4326).to_crs(2383)  # Xian 1980 GK
    frame.to_file(tmp_path / "xian80.gpkg", driver="GPKG", engine="pyogrio")
    with pytest.raises(SiteRejected) as caught:
        read_site_file(tmp_path / "xian80.gpkg")
    assert "西安 80" in message(caught) and "未公开" in message(caught)
    frame.to_crs(3857).to_file(tmp_path / "mercator.gpkg", driver="GPKG", engine="pyogrio")
    assert read_site_file(tmp_path / "mercator.gpkg")  # Web Mercator is on WGS84: taken
    (tmp_path / "site.dwg").write_bytes(b"AC1032")
    with pytest.raises(SiteRejected) as caught:
        read_site_file(tmp_path / "site.dwg")
    assert "不支持的文件类型 .dwg" in message(caught)


def test_markdown_escapes_values_from_files() -> None:
    report = check_site(drawn(across_border()))
    report["input"]["source"] = "<script>alert(1)</script>*x*"
    text = render_markdown(report)
    assert "<script>" not in text and r"\<script\>" in text
    assert "初审参考，不作为审批依据" in text and "无法核查" in text


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_markdown_shows_a_file_name_or_township_name_with_markup_as_its_text(name: str) -> None:
    report = check_site(drawn(across_border()))
    report["input"]["source"] = name
    report["townships"]["items"][0]["name_en"] = name
    text = render_markdown(report, "en")
    assert f"**{plain(name)}**" in text and name not in text
    source = next(line for line in text.splitlines() if line.startswith("- Input: "))
    assert re.sub(r"\\(.)", r"\1", source) == f"- Input: {name}"
    assert not re.search(r"(?<!\\)[<\[&`*_]", source), source  # no tag, link, entity, emphasis


def run_cli(*args: str, stdin: str = "", tmp: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_ROOT), ADMIN_DIR_ENV: str(tmp)}
    return subprocess.run([sys.executable, "-m", "geo.site", "check", *args], input=stdin,
                          capture_output=True, text=True, cwd=PROJECT_ROOT, env=env,
                          check=False)


def test_cli_json_to_stdout_and_markdown_to_a_file(tmp_path: Path) -> None:
    lon, lat = border_point("洣水镇", "吴集镇")
    text = f"{lon - 0.003},{lat - 0.003}\n{lon + 0.003},{lat - 0.003}\n" \
           f"{lon + 0.003},{lat + 0.003}\n{lon - 0.003},{lat + 0.003}\n"
    result = run_cli("-", stdin=text, tmp=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["schema"] == "hengdong-site-check/1"
    assert {i["name"] for i in report["townships"]["items"]} == {"洣水镇", "吴集镇"}
    out = tmp_path / "report.md"
    result = run_cli("-", "--format", "md", "--out", str(out), "--lang", "en", stdin=text,
                     tmp=tmp_path)
    assert result.returncode == 0 and out.read_text().startswith("# Site check report")


def test_cli_bad_input_exits_2_naming_the_line(tmp_path: Path) -> None:
    result = run_cli("-", stdin="113.0,27.1\nfoo bar\n", tmp=tmp_path)
    assert result.returncode == 2 and "第 2 行" in result.stderr and "line 2" in result.stderr
    assert result.stdout == ""
