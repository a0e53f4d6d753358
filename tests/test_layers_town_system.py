"""城镇体系 一核两副三轴: core circle, sub-centres and the towns they lead, the axes in order."""

import pytest

from geo.plan import load_plan
from geo.web_geometry import web_frame
from layers import town_system
from layers.theme import MapContext
from tests.layers_support import features, overlay_with, township_shapes


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture(scope="module")
def overlay():
    return town_system.overlay(MapContext(lang="zh", basemap="osm"))


def _seat(code: str) -> list[float]:
    seats = web_frame("seats").set_index("code")
    point = seats.loc[code].geometry
    return [round(point.x, 5), round(point.y, 5)]


def test_axes_join_the_seats_in_the_plans_order(plan, overlay) -> None:
    axes = {f["properties"]["id"]: f for f in features(overlay_with(overlay, "hd-axis"))}
    assert list(axes) == [axis.id for axis in plan.axes]
    for axis in plan.axes:
        line = axes[axis.id]
        expected = [_seat(plan.resolve(place.township).code) for place in axis.towns]
        assert line["geometry"]["coordinates"] == expected
        assert line["properties"]["s"] == ("main" if axis.is_main else "_")
        assert axis.name in line["properties"]["tip"] and axis.role in line["properties"]["tip"]
    styles = overlay_with(overlay, "hd-axis").options["styles"]
    assert styles["main"]["weight"] > styles["_"]["weight"]  # the G4 main axis is heavier
    assert plan.main_axis.id == "g4"


def test_core_circle_and_led_townships(plan, overlay) -> None:
    (areas,) = township_shapes(overlay)
    by_style: dict[str, list[str]] = {}
    for code, style, tip in areas.rows:
        by_style.setdefault(style, []).append(code)
        assert tip
    circle = plan.core.circle.places
    assert by_style["core_circle"] == [plan.resolve(p.township).code for p in circle]
    assert by_style["led"] == [
        plan.resolve(p.township).code for centre in plan.sub_centres for p in centre.leads
    ]
    assert areas.options["className"] == "hd-layer-town_system"


def test_centres_sit_at_the_seats(plan, overlay) -> None:
    centres = features(overlay_with(overlay, "hd-centre"))
    core, *subs = centres
    assert core["properties"]["s"] == "core"
    assert core["geometry"]["coordinates"] == _seat(plan.resolve(plan.core.seat.township).code)
    assert [f["properties"]["code"] for f in subs] == [
        plan.resolve(c.township).code for c in plan.sub_centres
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_legend_is_schematic_and_cited(lang: str) -> None:
    entries = town_system.legend_entries(lang)
    assert len(entries) == 2 + 1 + 3  # core, circle, sub-centres, three axes
    assert {entry.quality for entry in entries} == {"schematic"}
    chapters = ("第二章", "第五章") if lang == "zh" else ("ch. 2", "ch. 5")
    assert all(any(c in e.attribution for c in chapters) for e in entries)
