"""行政区划: county, neighbours with names, 17 clickable townships with code/name, seats."""

import re

import pytest
import shapely
from shapely.geometry import MultiLineString, Point, shape

from geo import datastore
from geo.web_geometry import web_frame
from layers import admin_areas
from layers.elements import TownshipOutline, layer_class
from layers.theme import MapContext
from tests.layers_support import features, labels, overlay_with, run_map_script, walk


@pytest.fixture(scope="module", params=["zh", "en"])
def group(request):
    return admin_areas.overlay(MapContext(lang=request.param, basemap="osm")), request.param


def test_townships_carry_code_name_and_tooltip(group) -> None:
    overlay, lang = group
    townships = overlay_with(overlay, admin_areas.TOWNSHIP_CLASS)
    served = datastore.load_layer("townships").set_index("code")
    drawn = features(townships)
    assert len(drawn) == 17
    for feature in drawn:
        props = feature["properties"]
        assert re.fullmatch(r"430424\d{3}000", props["code"])
        row = served.loc[props["code"]]
        assert (props["name"], props["name_en"], props["kind"]) == (row["name"], row["name_en"],
                                                                    row["kind"])
        assert props["code"] in props["tip"]
        assert (row["name"] if lang == "zh" else row["name_en"]) in props["tip"]
    assert townships.options["className"] == layer_class("admin_areas")
    assert townships.options["register"] == "townships"  # reused by highlight and selection
    assert townships.options["interactive"] is True


def test_county_neighbours_and_seats(group) -> None:
    overlay, lang = group
    (outline,) = [e for e in walk(overlay) if isinstance(e, TownshipOutline)]
    assert outline.options["styles"]["_"]["className"] == "hd-county"  # from the townships
    (borders,) = features(overlay_with(overlay, "hd-neighbour"))
    county = web_frame("county").geometry.iloc[0]
    lines = shape(borders["geometry"])
    assert lines.geom_type in ("LineString", "MultiLineString") and lines.length > 0.5
    assert lines.disjoint(county.buffer(-0.001))  # the shared edge is the county outline's
    assert lines.within(admin_areas._surroundings(county).buffer(1e-9))
    seats = features(overlay_with(overlay, "hd-seat"))
    assert len(seats) == 17
    county_seats = [f["properties"]["code"] for f in seats if f["properties"]["s"] == "county_seat"]
    assert county_seats == ["430424100000"]  # 县城 in 洣水镇


def test_labels_name_every_township_and_neighbour(group) -> None:
    overlay, lang = group
    township_labels, neighbour_labels = labels(overlay)
    seats = web_frame("seats")
    expected = set(seats["name"] if lang == "zh" else seats["name_en"])
    assert {row[2] for row in township_labels.rows} == expected
    neighbours = datastore.load_layer("neighbours")
    assert {row[2] for row in neighbour_labels.rows} == set(
        neighbours["name"] if lang == "zh" else neighbours["name_en"]
    )
    surroundings = admin_areas._surroundings(web_frame("county").geometry.iloc[0])
    assert all(surroundings.contains(Point(lon, lat)) for lat, lon, _ in neighbour_labels.rows)


def test_browser_outline_of_the_townships_is_the_county_outline() -> None:
    """HD.townshipOutline keeps the ring segments used by one township only: with the served
    townships that is exactly the (web) county outline."""
    townships = web_frame("townships")
    rings = [
        [[[lat, lon] for lon, lat in ring.coords] for ring in (poly.exterior, *poly.interiors)]
        for geometry in townships.geometry
        for poly in getattr(geometry, "geoms", [geometry])
    ]
    parts = run_map_script(
        "input.forEach((polygon, i) => { HD.townships[i] = { getLatLngs: () => polygon.map("
        "  ring => ring.slice(0, -1).map(([lat, lng]) => new L.LatLng(lat, lng))) }; });"
        "const added = []; HD.townshipOutline({ addLayer: (l) => added.push(l) },"
        "  { className: 'hd-county', styles: { _: {} } });"
        "output = added[0].latlngs.map(seg => seg.map(p => [p.lng, p.lat]))",
        rings,
    )
    outline = shapely.line_merge(MultiLineString(parts))
    county = web_frame("county").geometry.iloc[0].boundary
    assert abs(outline.length - county.length) < 1e-9
    assert outline.hausdorff_distance(county) == 0


def test_county_outline_is_sent_when_townships_do_not_tile_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(admin_areas, "townships_tile_county", lambda *_: False)
    overlay = admin_areas.overlay(MapContext(lang="zh", basemap="osm"))
    assert not [e for e in walk(overlay) if isinstance(e, TownshipOutline)]
    (county,) = features(overlay_with(overlay, "hd-county"))
    assert county["properties"]["code"] == "430424000000"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_legend_reports_manifest_quality_and_attribution(lang: str) -> None:
    entries = admin_areas.legend_entries(lang)
    assert len(entries) == len(admin_areas.DATA_LAYERS)
    for entry, layer_id in zip(entries, admin_areas.DATA_LAYERS, strict=True):
        info = datastore.layer_info(layer_id)
        assert entry.quality == info["quality"]
        assert entry.attribution == info["attribution"]
        assert entry.title == info["title_zh" if lang == "zh" else "title_en"]
