"""The pickers (sidebar; the township's above the map): labels in both languages, custom tile
URL check, the chosen view."""

import pytest
from streamlit.testing.v1 import AppTest

from ui.sidebar import TownshipOption, township_label, valid_tile_url


def _sidebar_app() -> None:
    from dataclasses import replace

    import streamlit as st

    from ui.sidebar import (
        TownshipOption,
        language_switch,
        render_sidebar,
        set_choice,
        township_picker,
    )

    if "clicked" in st.session_state:  # stands in for a click on the map
        set_choice("township_code", st.session_state.pop("clicked"))
    lang = language_switch()
    view = render_sidebar(
        lang,
        [("osm", "OpenStreetMap"), ("none", "—")],
        [("egg", "禽蛋"), ("pepper", "黄贡椒")],
    )
    code = township_picker(lang, [
        TownshipOption("430424100000", "洣水镇", "Mishui Town"),
        TownshipOption("430424211000", "石滩乡", "Shitan Township"),
    ])
    st.session_state["view"] = replace(view, township_code=code)


@pytest.fixture()
def app() -> AppTest:
    app = AppTest.from_function(_sidebar_app)
    app.run()
    assert not app.exception
    return app


def test_defaults_to_chinese_whole_county(app: AppTest) -> None:
    view = app.session_state["view"]
    assert (view.lang, view.basemap, view.township_code, view.industry) == ("zh", "osm", None, None)
    assert app.selectbox(key="township_code__zh").label == "乡镇"
    assert "洣水镇（Mishui Town）" in app.selectbox(key="township_code__zh").options


def test_english_switch_relabels_and_keeps_the_choice(app: AppTest) -> None:
    app.selectbox(key="township_code__zh").set_value("430424211000").run()
    app.sidebar.radio(key="lang").set_value("en").run()
    township = app.selectbox(key="township_code__en")
    assert township.label == "Township"
    assert "Shitan Township (石滩乡)" in township.options
    assert township.value == "430424211000"
    assert app.session_state["view"].lang == "en"
    assert app.session_state["view"].township_code == "430424211000"


def test_choice_from_outside_the_picker(app: AppTest) -> None:
    app.selectbox(key="township_code__zh").set_value("430424100000").run()
    app.session_state["clicked"] = "430424211000"
    app.run()
    assert app.selectbox(key="township_code__zh").value == "430424211000"
    assert app.session_state["view"].township_code == "430424211000"
    app.selectbox(key="township_code__zh").set_value("430424100000").run()
    app.sidebar.radio(key="lang").set_value("en").run()
    assert app.selectbox(key="township_code__en").value == "430424100000"


def test_picks_reach_the_view(app: AppTest) -> None:
    app.selectbox(key="township_code__zh").set_value("430424211000").run()
    app.sidebar.selectbox(key="industry__zh").set_value("pepper").run()
    view = app.session_state["view"]
    assert (view.township_code, view.industry) == ("430424211000", "pepper")


def test_custom_tile_url_used_only_when_valid(app: AppTest) -> None:
    app.sidebar.selectbox(key="basemap__zh").set_value("custom").run()
    app.sidebar.text_input(key="custom_tile_url").input("tiles.local/x.png").run()
    assert app.session_state["view"].custom_tile_url is None
    assert app.session_state["view"].basemap == "none"
    assert len(app.sidebar.warning) == 1
    url = "http://10.0.0.5/tiles/{z}/{x}/{y}.png"
    app.sidebar.text_input(key="custom_tile_url").input(url).run()
    assert app.session_state["view"].custom_tile_url == url
    assert app.session_state["view"].basemap == "custom"
    assert len(app.sidebar.warning) == 0


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("http://tiles.local/{z}/{x}/{y}.png", True),
        ("https://10.1.1.1:8080/wmts?z={z}&x={x}&y={y}", True),
        ("http://tiles.local/{z}/{x}.png", False),
        ("ftp://tiles.local/{z}/{x}/{y}.png", False),
        ("/tiles/{z}/{x}/{y}.png", True),  # on this server, as HENGDONG_TILE_URL may be
        ("http://tiles.local/{z}/{x}/{y}.png onerror=x", False),
        ("", False),
    ],
)
def test_valid_tile_url(url: str, ok: bool) -> None:
    assert valid_tile_url(url) is ok


def test_township_label_carries_both_names() -> None:
    option = TownshipOption("430424112000", "白莲镇", "Bailian Town")
    assert township_label(option, "zh") == "白莲镇（Bailian Town）"
    assert township_label(option, "en") == "Bailian Town (白莲镇)"
