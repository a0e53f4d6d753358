"""The print dialog's form: defaults from the current view, a sheet made, previewed and
offered for download; the atlas form with its progress."""

from streamlit.testing.v1 import AppTest

from ui.print_dialog import default_view, tile_sources
from ui.state import ViewState
from ui.text import plain


def _form_app() -> None:
    import streamlit as st

    from ui.print_dialog import _sheet_form
    from ui.state import ViewState

    _sheet_form(ViewState("zh", "none", None, st.session_state.get("code"), None), "zh")


def test_form_defaults_to_the_picked_township_and_offers_the_sheet() -> None:
    at = AppTest.from_function(_form_app, default_timeout=180)
    at.session_state["code"] = "430424110000"
    at.run()
    assert at.selectbox[0].value == "township"
    assert at.text_input[0].value == "荣桓镇规划要素图"
    assert not at.checkbox  # no basemap to print under 无底图
    next(r for r in at.radio if r.label == "格式").set_value("PNG")
    at.number_input[0].set_value(72)
    at.text_input[0].input("荣桓镇 测试出图")
    at.button[0].click().run()
    assert not at.exception
    downloads = at.get("download_button")
    assert len(downloads) == 1
    assert downloads[0].proto.label == "下载"
    assert len(at.get("image")) == 1


def test_default_view_and_basemap_sources() -> None:
    assert default_view(ViewState("zh", "none", None, None, None)) == "county"
    assert default_view(ViewState("zh", "none", None, None, "citrus")) == "industry"
    assert default_view(ViewState("zh", "none", None, "430424110000", "citrus")) == "township"
    assert tile_sources(ViewState("zh", "none", None, None, None), "zh") == ()
    (amap,) = tile_sources(ViewState("zh", "amap", None, None, None), "zh")
    assert amap.gcj02 and "{x}" in amap.url
    (custom,) = tile_sources(ViewState("zh", "custom", "http://t.local/{z}/{x}/{y}.png", None,
                                       None), "zh")
    assert custom.url == "http://t.local/{z}/{x}/{y}.png" and not custom.gcj02


def test_a_typed_title_with_markup_is_the_preview_caption_as_its_text() -> None:
    at = AppTest.from_function(_form_app, default_timeout=180)
    at.session_state["code"] = "430424110000"
    at.run()
    next(r for r in at.radio if r.label == "格式").set_value("PNG")
    at.number_input[0].set_value(72)
    title = "**粗体** <b>b</b> :red[红]"
    at.text_input[0].input(title)
    at.button[0].click().run()
    assert not at.exception
    caption = at.get("image")[0].proto.imgs[0].caption
    assert caption.startswith(plain(title)) and title not in caption, caption


def _button_app() -> None:
    """As the viewer: the map's fragment takes the answer, then the page's print button."""
    import streamlit as st

    from ui.map_view import MAP_KEY
    from ui.print_dialog import render_print_button, take_overlays_answer
    from ui.state import ViewState

    take_overlays_answer(st.session_state.get(MAP_KEY))
    render_print_button(ViewState("zh", "none", None, None, None), "zh")


def test_the_dialog_opens_with_the_overlays_the_map_says_are_on() -> None:
    from ui.map_view import MAP_KEY
    from ui.print_dialog import ASK_KEY

    at = AppTest.from_function(_button_app, default_timeout=60)
    at.run()
    at.button(key="print_open").click().run()
    ask = at.session_state[ASK_KEY]
    assert ask == 1 and not at.multiselect  # asked the map; no dialog before its answer
    at.session_state[MAP_KEY] = {"type": "overlays", "ask": ask + 1, "visible": [], "seq": 1}
    at.run()
    assert not at.multiselect  # an answer to another ask opens nothing
    at.session_state[MAP_KEY] = {"type": "overlays", "ask": ask, "seq": 2,
                                 "visible": ["infrastructure", "admin_areas", "nonsense"]}
    at.run()
    (choice,) = at.multiselect
    assert choice.value == ["admin_areas", "infrastructure"]  # in the sheets' order
    assert ASK_KEY not in at.session_state
    at.run()  # the answer is taken once
    assert not at.multiselect


def test_the_browsers_overlay_ids_are_the_sheets_themes() -> None:
    from geo.sheets.overlays import THEMES
    from layers.map import THEMES as MAP_THEMES

    assert tuple(theme.LAYER_ID for theme in MAP_THEMES) == THEMES
