"""Shareable view (ui/share.py): parsing a link's parameters, writing the view back, and the
app opening a shared link (AppTest)."""

import pytest
from streamlit.testing.v1 import AppTest

from geo.paths import PROJECT_ROOT
from ui.share import SharedView, parse_shared_view, shared_params
from ui.state import INDUSTRY_KEY, TOWNSHIP_KEY, ViewState

DAPU = "430424103000"
TOWNSHIPS = {DAPU: "大浦镇", "430424113000": "三樟镇"}
INDUSTRIES = ["huanggongjiao", "machinery"]
BASEMAPS = ["osm", "carto_light", "amap", "none"]


def _parse(params):
    return parse_shared_view(params, TOWNSHIPS, INDUSTRIES, BASEMAPS)


def test_a_full_link():
    assert _parse({"township": DAPU, "industry": "huanggongjiao", "basemap": "amap"}) == (
        SharedView(township=DAPU, industry="huanggongjiao", basemap="amap"))


def test_a_township_by_its_chinese_name_and_lists_take_the_first_value():
    assert _parse({"township": " 大浦镇 "}).township == DAPU
    assert _parse({"township": [DAPU, "x"]}).township == DAPU


@pytest.mark.parametrize("params, ignored", [
    ({"township": "999"}, [("township", "999")]),
    ({"industry": "<script>"}, [("industry", "<script>")]),
    ({"basemap": "tianditu"}, [("basemap", "tianditu")]),  # not configured here
    ({"zoom": "12", "township": DAPU}, [("zoom", "12")]),
    ({"township": ""}, [("township", "")]),
    ({"embed": "true"}, []),  # Streamlit's own
])
def test_unknown_parameters_and_values_are_ignored_and_reported(params, ignored):
    shared = _parse(params)
    assert list(shared.ignored) == ignored
    assert (shared.industry, shared.basemap) == (None, None)


def test_the_view_written_back_reopens_it():
    view = ViewState("zh", "amap", None, DAPU, "huanggongjiao")
    params = shared_params(view)
    assert params == {"township": DAPU, "industry": "huanggongjiao", "basemap": "amap"}
    assert _parse(params) == SharedView(DAPU, "huanggongjiao", "amap")
    assert shared_params(ViewState("zh", "osm", None, None, None)) == {"basemap": "osm"}


@pytest.fixture()
def app() -> AppTest:
    return AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120)


def test_the_app_opens_a_shared_link(app: AppTest):
    app.query_params["township"] = DAPU
    app.query_params["industry"] = "huanggongjiao"
    app.run()
    assert not app.exception
    assert app.session_state[TOWNSHIP_KEY] == DAPU
    assert app.session_state[INDUSTRY_KEY] == "huanggongjiao"
    # the address bar keeps the view (the basemap too), so copying it shares the view
    assert dict(app.query_params) == {"township": DAPU, "industry": "huanggongjiao",
                                      "basemap": "osm"}
    # picked above the map (its panel, drawn in the browser, follows: tests/e2e/test_workspace)
    assert app.selectbox(key=f"{TOWNSHIP_KEY}__zh").value == DAPU
    assert not app.toast


def test_the_app_ignores_garbage_with_a_notice(app: AppTest):
    app.query_params["township"] = "garbage"
    app.query_params["foo"] = "bar"
    app.run()
    assert not app.exception
    assert TOWNSHIP_KEY not in app.session_state  # the whole county, as without a link
    notices = [toast.value for toast in app.toast]
    assert any("township=garbage" in n for n in notices)
    assert any("foo=bar" in n for n in notices)
