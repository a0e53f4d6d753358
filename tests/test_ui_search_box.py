"""The search box and the feature panel in an AppTest: results listed, picking one sets the
map's focus, the township, the industry and the facts shown; names from imported data that are
markdown, HTML or JS are listed and shown as their text."""

import re
from html import unescape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import datastore
from geo.admin import service
from layers.identify import catalogue, seat_id
from tests.admin_corpus import ACCEPTED, HOSTILE_NAMES
from ui.feature_panel import feature_html, shown_features
from ui.state import FEATURE_KEY, FOCUS_KEY, INDUSTRY_KEY, TOWNSHIP_KEY
from ui.text import plain

NANWAN = "430424204000"
SANZHANG = "430424113000"


def _app() -> None:
    from ui.search_box import render_search_box, render_search_results

    render_search_box("zh")
    render_search_results("zh")


def _search(query: str) -> AppTest:
    app = AppTest.from_function(_app, default_timeout=60)
    app.run()
    app.text_input(key="search_query").input(query).run()
    assert not app.exception
    return app


def _pills(app: AppTest):
    return app.get("button_group")[0]


def test_jiangdong_lists_the_village_and_the_reservoir_and_picking_flies_there():
    app = _search("江东")
    pills = _pills(app)
    assert pills.options[:2] == ["江东村 · 村（社区） · 南湾乡", "江东水库 · 水库 · 南湾乡"]
    pills.set_value(1).run()
    focus = app.session_state[FOCUS_KEY]
    assert (focus["kind"], focus["label"], focus["zoom"]) == ("reservoir", "江东水库", 14)
    assert 26.8 < focus["lat"] < 27.3 and 112.8 < focus["lon"] < 113.3
    assert app.session_state[TOWNSHIP_KEY] == NANWAN
    assert app.session_state[FEATURE_KEY] == ["reservoir-jiangdong"]
    shown = shown_features(app.session_state[FEATURE_KEY])
    panel = feature_html(catalogue()[shown[0]], "zh")  # what the panel shows for it
    assert "江东水库" in panel and "出处" in panel and "“五库”" in panel


def test_a_brand_highlights_its_industry_and_selects_its_township():
    app = _search("黄贡椒")
    pills = _pills(app)
    pills.set_value(1).run()  # 三樟黄贡椒 (brand)
    assert app.session_state[INDUSTRY_KEY] == "huanggongjiao"
    assert app.session_state[TOWNSHIP_KEY] == SANZHANG
    assert app.session_state[FOCUS_KEY]["township"] == SANZHANG


def test_an_industry_highlights_without_selecting_a_township():
    app = _search("黄贡椒")
    _pills(app).set_value(0).run()
    assert app.session_state[INDUSTRY_KEY] == "huanggongjiao"
    assert TOWNSHIP_KEY not in app.session_state


def test_nothing_found_says_so():
    app = _search("qqqqqq")
    assert not app.get("button_group")
    assert "没有找到" in app.caption[0].value


@pytest.fixture
def hostile_names(tmp_path: Path) -> None:
    """Villages and seats imported with names that are markdown, HTML and JS."""
    for case in ("villages", "seats-hostile-names"):
        path, layer_id, options = ACCEPTED[case](tmp_path)
        service.import_file(path, layer_id, "test", f"hostile names: {case}", **options)


@pytest.mark.parametrize(("query", "name"), [("track.png", HOSTILE_NAMES[0]),
                                             ("onerror", HOSTILE_NAMES[1])])
@pytest.mark.usefixtures("hostile_names")
def test_a_village_name_with_markup_is_listed_as_its_text(query: str, name: str) -> None:
    options = _pills(_search(query)).options
    assert options and all(o.startswith(f"{plain(name)} · ") for o in options), options
    assert not any(re.search(r"(?<!\\)[<\[]", o) for o in options)  # no bare < or [


@pytest.mark.parametrize("index", range(len(HOSTILE_NAMES)))
@pytest.mark.usefixtures("hostile_names")
def test_a_seat_name_with_markup_is_shown_as_its_text_in_the_facts(index: int) -> None:
    code = str(datastore.committed_layer("seats")["code"].iloc[index])
    html = feature_html(catalogue()[seat_id(code)], "en")
    assert html.startswith("<p><strong>"), html
    text = unescape(re.sub(r"<[^>]+>", "", html))  # what the browser shows
    assert text.startswith(f"{HOSTILE_NAMES[index]} seat · "), text
    tags = set(re.findall(r"<(/?[a-z]+)", html))
    assert tags <= {"p", "/p", "strong", "/strong", "em", "/em"}, tags  # no element from a name
