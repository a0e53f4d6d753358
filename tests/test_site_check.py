"""Site check figures against independent computations (shapely + pyproj on the committed
layers): inside a township, across a border, a buffered line, GK coordinates, partly and
entirely outside, a stand-in red line imported through the admin path, official townships."""

from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from pyproj import Transformer

from geo.admin import service
from geo.site.check import check_site
from geo.site.coordinates import parse_coordinates
from geo.site.inputs import drawn
from geo.site.problems import SiteRejected
from tests.admin_support import official_townships
from tests.site_support import (
    area,
    border_point,
    expected_shares,
    inner_point,
    length,
    square,
    township,
    write,
)

REL = 1e-3  # figures agree within 0.1 %



def shares_of(report: dict) -> dict[str, float]:
    return {item["name"]: item["share"] for item in report["townships"]["items"]}


def test_site_inside_one_township() -> None:
    inner = inner_point("杨桥镇")
    site = square(inner.x, inner.y, 250)
    assert site.within(township("杨桥镇"))
    report = check_site(drawn(site))
    assert report["site"]["area_m2"] == pytest.approx(area(site), rel=REL)
    assert report["site"]["area_mu"] == pytest.approx(area(site) / 666.67, rel=REL)
    assert report["site"]["area_km2"] == pytest.approx(area(site) / 1e6, rel=REL)
    assert shares_of(report) == {"杨桥镇": pytest.approx(1.0, rel=REL)}
    assert report["townships"]["basis"] == "approximate"
    assert [t["name"] for t in report["plan"]["townships"]] == ["杨桥镇"]
    villages = report["townships"]["items"][0]["villages"]
    assert villages and all(v["distance_m"] >= 0 for v in villages)
    assert report["redline"]["status"] == "not_loaded" and report["redline"]["flag"] is None
    assert "无法核查" in report["redline"]["message_zh"]
    assert report["disclaimer"]["zh"] == "初审参考，不作为审批依据"


def test_site_across_a_township_border() -> None:
    lon, lat = border_point("洣水镇", "吴集镇")
    site = square(lon, lat, 600)
    expected = expected_shares(site)
    assert len(expected) >= 2
    report = check_site(drawn(site))
    got = shares_of(report)
    assert set(got) == set(expected)
    for name, share in expected.items():
        assert got[name] == pytest.approx(share, rel=REL, abs=1e-6)
    for item in report["townships"]["items"]:
        part = site.intersection(township(item["name"]))
        assert item["area_m2"] == pytest.approx(area(part), rel=REL)
    assert {t["name"] for t in report["plan"]["townships"]} == set(expected)


def test_line_with_a_buffer() -> None:
    lon, lat = border_point("大浦镇", "霞流镇")
    line = shapely.LineString([(lon - 0.01, lat - 0.004), (lon + 0.01, lat + 0.004)])
    report = check_site(drawn(line), buffer_m=40)
    site = report["site"]
    assert site["geometry_type"] == "LineString" and site["checked_type"] == "Polygon"
    assert site["length_m"] == pytest.approx(length(line), rel=REL)
    corridor = 2 * 40 * length(line) + 3.14159 * 40**2
    assert site["area_m2"] == pytest.approx(corridor, rel=5e-3)
    buffered = shapely.geometry.shape(site["checked_geometry"])
    expected = expected_shares(buffered)
    assert set(shares_of(report)) == set(expected)
    for name, share in expected.items():
        assert shares_of(report)[name] == pytest.approx(share, rel=REL, abs=1e-6)


def test_line_without_buffer_is_shared_by_length() -> None:
    lon, lat = border_point("大浦镇", "霞流镇")
    line = shapely.LineString([(lon - 0.01, lat - 0.004), (lon + 0.01, lat + 0.004)])
    report = check_site(drawn(line))
    assert report["townships"]["measure"] == "length"
    total = length(line)
    for item in report["townships"]["items"]:
        part = line.intersection(township(item["name"]))
        assert item["share"] == pytest.approx(length(part) / total, rel=REL)
    assert any(n["code"] == "no-buffer" for n in report["input"]["notes"])


def gk_square(lon: float, lat: float, half_m: float, epsg: int) -> tuple[str, shapely.Polygon]:
    """Pasted 'X Y' lines (X northing) of a square in a GK CRS, and the square in lon/lat."""
    to_gk = Transformer.from_crs(4326, epsg, always_xy=True)
    back = Transformer.from_crs(epsg, 4326, always_xy=True)
    east, north = to_gk.transform(lon, lat)
    corners = [(east - half_m, north - half_m), (east + half_m, north - half_m),
               (east + half_m, north + half_m), (east - half_m, north + half_m)]
    text = "\n".join(f"J{i} {n:.2f} {e:.2f}" for i, (e, n) in enumerate(corners, 1))
    return text, shapely.Polygon([back.transform(e, n) for e, n in corners])


@pytest.mark.parametrize(("epsg", "prefix"), [(4526, " 38"), (4497, " 19")])
def test_gauss_kruger_coordinates_with_zone_number(epsg: int, prefix: str) -> None:
    lon, lat = border_point("石湾镇", "白莲镇")
    text, expected_site = gk_square(lon, lat, 400, epsg)
    assert prefix in text
    site = parse_coordinates(text, zone_key="6-19" if epsg == 4526 else "3-38")  # not used
    assert site.crs.epsg == epsg and not site.crs.assumed
    report = check_site(site)
    assert report["site"]["area_m2"] == pytest.approx(area(expected_site), rel=REL)
    for name, share in expected_shares(expected_site).items():
        assert shares_of(report)[name] == pytest.approx(share, rel=REL, abs=1e-6)


@pytest.mark.parametrize(("zone", "epsg"), [("3-38", 4547), ("6-19", 4508)])
def test_gauss_kruger_without_zone_number_uses_the_chosen_zone(zone: str, epsg: int) -> None:
    inner = inner_point("白莲镇")
    text, expected_site = gk_square(inner.x, inner.y, 300, epsg)
    report = check_site(parse_coordinates(text, zone))
    crs = report["input"]["crs"]
    assert crs["epsg"] == epsg and crs["assumed"] and "没有带号" in crs["note_zh"]
    assert report["site"]["area_m2"] == pytest.approx(area(expected_site), rel=REL)


def test_site_partly_outside_checks_the_inside_part() -> None:
    county = gpd.read_file("data/layers/county.geojson").geometry.iloc[0]
    edge = county.exterior.interpolate(0.3, normalized=True)
    site = square(edge.x, edge.y, 800)
    report = check_site(drawn(site))
    outside = site.difference(county)
    assert report["extent"]["outside_share"] == pytest.approx(area(outside) / area(site),
                                                              rel=REL)
    assert report["extent"]["neighbours"]
    assert sum(shares_of(report).values()) == pytest.approx(
        area(site.intersection(county)) / area(site), rel=REL)
    assert any(n["code"] == "partly-outside" for n in report["input"]["notes"])


def test_site_entirely_outside_names_distance_and_neighbour() -> None:
    neighbours = gpd.read_file("data/layers/neighbours.geojson")
    you = neighbours.loc[neighbours["name"] == "攸县"].geometry.iloc[0]
    inner = you.representative_point()
    with pytest.raises(SiteRejected) as caught:
        check_site(drawn(square(inner.x, inner.y, 200)))
    text = caught.value.problems[0].text("zh")
    assert "完全位于衡东县之外" in text and "攸县" in text and "km" in text


def _import_redline(tmp_path: Path, polygon: shapely.Polygon) -> None:
    frame = gpd.GeoDataFrame({"name": ["测试红线区"], "type": ["水源涵养"], "geometry": [polygon]},
                             crs=4326)
    service.import_file(Path(write(frame, tmp_path / "redline.geojson")), "redline", "tester",
                        "stand-in red line for the site tests")


def test_site_overlapping_an_imported_red_line(tmp_path: Path) -> None:
    inner = inner_point("荣桓镇")
    red = square(inner.x, inner.y, 500)
    _import_redline(tmp_path, red)
    site = square(inner.x + 0.006, inner.y, 400)
    overlap = site.intersection(red)
    assert 0 < area(overlap) < area(site)
    report = check_site(drawn(site))
    check = report["redline"]
    assert check["status"] == "overlaps" and check["flag"] is True
    assert check["message_zh"] == "涉及生态保护红线"
    assert check["area_m2"] == pytest.approx(area(overlap), rel=REL)
    assert check["share"] == pytest.approx(area(overlap) / area(site), rel=REL)
    assert check["parts"][0]["attributes"]["type"] == "水源涵养"
    assert check["basis"] == "exact" and "官方数据 v1" in check["label_zh"]


def test_site_clear_of_an_imported_red_line(tmp_path: Path) -> None:
    inner = inner_point("荣桓镇")
    _import_redline(tmp_path, square(inner.x, inner.y, 300))
    report = check_site(drawn(square(inner.x + 0.012, inner.y, 200)))
    assert report["redline"]["status"] == "clear" and report["redline"]["flag"] is False
    assert "不重叠" in report["redline"]["message_zh"]


def test_official_townships_make_the_figures_exact(tmp_path: Path) -> None:
    service.import_file(Path(write(official_townships(), tmp_path / "t.geojson")), "townships",
                        "tester", "official townships")
    inner = inner_point("杨桥镇")
    report = check_site(drawn(square(inner.x, inner.y, 200)))
    assert report["townships"]["basis"] == "exact"
    assert report["townships"]["label_zh"].startswith("官方数据 v1")


def test_plan_facts_nearby_are_cited_and_within_the_distance() -> None:
    inner = inner_point("洣水镇")
    report = check_site(drawn(square(inner.x, inner.y, 300)), nearby_m=2000)
    items = report["plan"]["nearby"]["items"]
    assert items and all(i["distance_m"] <= 2000 and i["citations"] for i in items)
    roles = report["plan"]["townships"][0]["roles"]
    assert any(r["kind"] == "core_seat" for r in roles)
    distances = report["distances"]
    assert set(distances) == {"county_seat", "sub_centre", "axis", "xiangjiang"}
    assert distances["axis"]["quality"] == "schematic"


def test_site_package_imports_only_geo() -> None:
    import ast

    for path in Path("geo/site").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module.split(".")[0] not in ("layers", "ui", "app"), path
            if isinstance(node, ast.Import):
                assert all(a.name.split(".")[0] not in ("layers", "ui") for a in node.names)
