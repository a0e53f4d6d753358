"""The site-check panel in Streamlit's AppTest: paste coordinates, see the report with the
red-line notice; garbage is refused naming the line; nothing is stored; names with markup stay
text."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.site.check import check_site
from geo.site.inputs import drawn
from tests.admin_corpus import HOSTILE_NAMES
from tests.site_support import border_point, square
from ui.i18n import t
from ui.site_check import REPORT_KEY
from ui.text import plain


def _panel(lang: str = "zh") -> None:
    from ui.site_check import render_site_check

    render_site_check(lang, "osm")



def _paste(text: str, lang: str = "zh") -> AppTest:
    app = AppTest.from_function(_panel, args=(lang,), default_timeout=60).run()
    app.radio(key="site_mode").set_value("paste").run()
    app.text_area(key="site_text").input(text)
    app.button(key="site_run").click().run()
    assert not app.exception
    return app


def test_pasted_polygon_across_two_townships_shows_the_report(admin_dir: Path) -> None:
    lon, lat = border_point("洣水镇", "吴集镇")
    d = 0.004
    app = _paste(f"{lon - d},{lat - d}\n{lon + d},{lat - d}\n{lon + d},{lat + d}\n"
                 f"{lon - d},{lat + d}\n")
    assert any("无法核查是否涉及生态保护红线" in w.value for w in app.warning)
    townships = app.dataframe[0].value
    assert set(townships.iloc[:, 0]) == {"洣水镇", "吴集镇"}
    assert {b.label for b in app.get("download_button")} == {"JSON", "Markdown", "PDF"}
    assert not admin_dir.exists() or not any(admin_dir.iterdir())  # nothing stored


def test_garbage_is_refused_naming_the_line() -> None:
    app = _paste("113.0,27.1\n113.0;;x\n", lang="en")
    assert "line 2" in app.error[0].value and "'x' is not a number" in app.error[0].value
    assert not app.get("download_button")


def _drawn_panel(geometry: dict, basemap: str) -> None:
    import streamlit as st

    from ui.site_check import render_site_check, take_drawn_site

    if take_drawn_site({"type": "draw", "geojson": geometry, "seq": 1}, basemap):
        st.session_state["took"] = st.session_state.get("took", 0) + 1
    render_site_check("en", basemap)


def test_a_drawing_under_amap_is_shifted_back_from_gcj02_and_checked_once() -> None:
    import shapely

    from geo.coords import geometry_wgs84_to_gcj02
    from tests.site_support import area, square

    lon, lat = border_point("洣水镇", "吴集镇")
    site = square(lon, lat, 500)
    drawn = shapely.geometry.mapping(geometry_wgs84_to_gcj02(site))
    app = AppTest.from_function(_drawn_panel, args=(drawn, "amap"), default_timeout=60).run()
    assert not app.exception
    report = app.session_state["site_report"]
    assert report["input"]["kind"] == "drawn"
    assert report["site"]["area_m2"] == pytest.approx(area(site), rel=1e-3)
    assert shapely.geometry.shape(report["site"]["geometry"]).centroid.distance(
        site.centroid) < 1e-5  # WGS84 again, not 500 m off
    app.run()  # the same event again (same seq) is not checked twice
    assert app.session_state["took"] == 1


@pytest.mark.parametrize("name", HOSTILE_NAMES[:2])
def test_a_name_with_markup_is_shown_as_its_text_in_the_report(name: str) -> None:
    report = check_site(drawn(square(*border_point("洣水镇", "吴集镇"), 400)))
    report["plan"]["townships"][0]["name_en"] = name
    app = AppTest.from_function(_panel, args=("en",), default_timeout=60)
    app.session_state[REPORT_KEY] = report
    app.run()
    assert not app.exception
    assert app.expander[1].label == f"{t('site_plan_of', 'en')} {plain(name)}"
