"""乡镇产业: the highlight table lights exactly an industry's townships, centred and radiating
shaded differently, reusing the drawn township polygons; the parks as precisely as they are
located."""

import pytest

from geo.plan import load_plan
from geo.plan.schema import MODE_LABELS
from layers import industry
from layers.elements import BrowserTable, OverlayRegistration
from layers.theme import MapContext
from tests.layers_support import township_shapes


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def highlight_rows(table: dict, industry_id: str) -> list[tuple[str, str, str]]:
    """(code, shade, tooltip) of one industry, decoded as static/map/hd-map.js does."""
    name, rows = table["industries"][industry_id]
    return [(table["codes"][row[0]], table["shades"][row[1]],
             f"{name}: " + "、".join(table["modes"][i] for i in row[2:])) for row in rows]


def test_every_industry_lights_exactly_its_townships(plan) -> None:
    assert industry.industry_ids() == [i.id for i in plan.industries]
    table = industry.highlight_table("zh")
    assert set(table["industries"]) == set(industry.industry_ids())
    for entry in plan.industry_index():
        rows = highlight_rows(table, entry.id)
        assert sorted(row[0] for row in rows) == sorted({t.code for t in entry.townships})
        for code, shade, tip in rows:
            modes = {t.mode for t in entry.townships if t.code == code}
            centred = bool(modes & {"centred", "sub_centre"})
            assert shade == ("centred" if centred else "radiating"), (entry.id, code)
            assert entry.name in tip
            assert all(MODE_LABELS[m][0] in tip for m in modes), (entry.id, code, tip)


def test_centred_and_radiating_have_their_own_class_and_shade() -> None:
    styles = industry.HIGHLIGHT_STYLES
    assert styles["centred"]["className"] == "hd-highlight-centred"
    assert styles["radiating"]["className"] == "hd-highlight-radiating"
    assert styles["centred"]["fillColor"] != styles["radiating"]["fillColor"]
    shades = industry.assigned_townships("huanggongjiao")
    assert shades["430424113000"] == "centred"  # 三樟镇, the pepper's home
    assert shades["430424100000"] == "radiating"  # 洣水镇 is driven


def test_highlight_table_sends_no_geometry_and_speaks_english() -> None:
    table = industry.highlight_table("en")
    assert "coordinates" not in str(table)
    name, _ = table["industries"]["oil-tea"]
    assert "oil" in name.lower()
    assert "centred" in table["modes"]


def test_highlight_lives_in_the_industry_overlay() -> None:
    """The copies join the 乡镇产业 overlay, so its layer-control checkbox hides them too; the
    table is sent with that overlay, once."""
    group = industry.overlay(MapContext(lang="zh", basemap="osm"))
    registrations = [e for e in group._children.values() if isinstance(e, OverlayRegistration)]
    assert [r.layer_id for r in registrations] == [industry.LAYER_ID]
    (table,) = [e for e in group._children.values() if isinstance(e, BrowserTable)]
    assert table.table_name == "industry_highlight"
    assert table.value["into"] == industry.LAYER_ID
    assert table.value["className"] == industry.HIGHLIGHT_CLASS


def test_unknown_industry_named() -> None:
    with pytest.raises(KeyError, match="no-such-industry"):
        industry.assigned_townships("no-such-industry")


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
