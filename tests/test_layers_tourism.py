"""旅游线路 (专栏6-2): stops in order, at their village or township seat, unlocated ones named."""

import pytest

from geo.plan import load_plan
from geo.web_geometry import web_frame
from layers import tourism
from layers.theme import MapContext
from tests.layers_support import features, labels, overlay_with


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture(scope="module")
def drawn():
    overlay = tourism.overlay(MapContext(lang="zh", basemap="osm"))
    return features(overlay_with(overlay, "hd-route")), labels(overlay)[0].rows


def _xy(point) -> list[float]:
    return [round(point.x, 5), round(point.y, 5)]


def test_food_route_runs_through_its_towns_in_order(plan, drawn) -> None:
    lines, _ = drawn
    food = next(r for r in plan.routes if all(s.places for s in r.stops))
    seats = web_frame("seats").set_index("code")
    expected = [_xy(seats.loc[plan.resolve(s.places[0].township).code].geometry)
                for s in food.stops]
    line = next(f for f in lines if f["properties"]["s"] == f"line{food.number}")
    assert line["geometry"]["coordinates"] == expected


def test_a_stop_with_a_village_sits_on_the_village(plan) -> None:
    villages = web_frame("villages").set_index("code")
    for route in plan.routes:
        placed, _ = tourism.placed_stops(route, "zh")
        for stop in placed:
            if stop.at_village:
                code = villages.index[villages["name"] == stop.at_village][0]
                assert _xy(stop.point) == _xy(villages.loc[code].geometry)


def test_routes_need_two_located_stops_for_a_line(plan, drawn) -> None:
    lines, label_rows = drawn
    line_routes = {f["properties"]["s"] for f in lines if f["geometry"]["type"] == "LineString"}
    for route in plan.routes:
        placed, missing = tourism.placed_stops(route, "zh")
        assert len(placed) + len(missing) == len(route.stops)
        assert (f"line{route.number}" in line_routes) == (len(placed) >= 2)
        assert [row[2] for row in label_rows if row[2].split("-")[0] == str(route.number)] == [
            f"{route.number}-{stop.position}" for stop in placed
        ]


def test_legend_counts_located_stops_and_names_the_rest(plan) -> None:
    for entry, route in zip(tourism.legend_entries("zh"), plan.routes, strict=True):
        placed, missing = tourism.placed_stops(route, "zh")
        assert entry.quality == "schematic"
        assert f"{len(placed)}/{len(route.stops)}" in entry.notes[0]
        assert all(name in entry.method for name in missing)
