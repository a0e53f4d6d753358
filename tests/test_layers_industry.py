"""乡镇产业: the highlight lights exactly an industry's townships, centred and radiating shaded
differently, reusing the drawn township polygons; the parks as precisely as they are located."""

import pytest

from geo.plan import load_plan
from layers import industry
from layers.elements import OverlayRegistration
from layers.theme import MapContext
from tests.layers_support import township_shapes


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def test_every_industry_lights_exactly_its_townships(plan) -> None:
    assert industry.industry_ids() == [i.id for i in plan.industries]
    for entry in plan.industry_index():
        group = industry.highlight_group(entry.id, "zh", "osm")
        (shapes,) = township_shapes(group)
        assert sorted(row[0] for row in shapes.rows) == sorted({t.code for t in entry.townships})
        for code, shade, tip in shapes.rows:
            modes = {t.mode for t in entry.townships if t.code == code}
            centred = bool(modes & {"centred", "sub_centre"})
            assert shade == ("centred" if centred else "radiating"), (entry.id, code)
            assert entry.name in tip


def test_centred_and_radiating_have_their_own_class_and_shade() -> None:
    styles = industry.HIGHLIGHT_STYLES
    assert styles["centred"]["className"] == "hd-highlight-centred"
    assert styles["radiating"]["className"] == "hd-highlight-radiating"
    assert styles["centred"]["fillColor"] != styles["radiating"]["fillColor"]
    shades = industry.assigned_townships("huanggongjiao")
    assert shades["430424113000"] == "centred"  # 三樟镇, the pepper's home
    assert shades["430424100000"] == "radiating"  # 洣水镇 is driven


def test_highlight_sends_no_geometry() -> None:
    group = industry.highlight_group("oil-tea", "en", "amap")
    script = "".join(e._template.module.script(e) for e in township_shapes(group))
    assert "coordinates" not in script and "HD.townshipShapes" in script
    assert "Oil" in script or "oil" in script  # English tooltips


def test_highlight_lives_in_the_industry_overlay() -> None:
    """The copies join the 乡镇产业 overlay, so its layer-control checkbox hides them too."""
    (shapes,) = township_shapes(industry.highlight_group("citrus", "zh", "osm"))
    assert shapes.options["into"] == industry.LAYER_ID
    group = industry.overlay(MapContext(lang="zh", basemap="osm"))
    registrations = [e for e in group._children.values() if isinstance(e, OverlayRegistration)]
    assert [r.layer_id for r in registrations] == [industry.LAYER_ID]


def test_no_industry_no_highlight_and_unknown_industry_named() -> None:
    assert township_shapes(industry.highlight_group(None, "zh", "osm")) == []
    with pytest.raises(KeyError, match="no-such-industry"):
        industry.highlight_group("no-such-industry", "zh", "osm")


def test_parks_drawn_where_located_and_unlocated_named(plan) -> None:
    overlay = industry.overlay(MapContext(lang="zh", basemap="osm"))
    (areas,) = township_shapes(overlay)
    located = [(plan.resolve(p.township).code, park.name) for park in plan.parks
               for p in park.places if not p.is_village]
    assert [(code, tip.split("：")[0]) for code, _, tip in areas.rows] == located
    assert ("430424103000", "衡东经济开发区") in located  # in 大浦镇
    notes = " ".join(n for e in industry.legend_entries("zh") for n in e.notes)
    for park in plan.parks:
        if not park.places:
            assert park.name in notes
