"""Contract: whatever the importer accepts, the viewer serves. For every file of the accepted
corpus (tests/admin_corpus.py), with that version served: app.py runs in Streamlit's AppTest
without an exception or error box (map page with a township and an industry picked),
the map builds under every basemap, the exports (layer GeoJSON / zip, comparison CSV) run, and
the site check runs against it (a township named, the red line computed once imported)."""

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import shapely
from streamlit.testing.v1 import AppTest

from geo import datastore
from geo.admin import service
from geo.basemaps import BASEMAP_IDS
from geo.paths import PROJECT_ROOT
from geo.site.check import check_site
from geo.site.inputs import drawn
from geo.site.markdown import render_markdown
from geo.text import plain
from layers.industry import assigned_townships
from layers.map import build_map
from tests.admin_corpus import ACCEPTED
from ui.compare_table import compare_csv, compare_frame
from ui.exports import layers_zip
from ui.plan_data import industry_options, plan
from ui.state import INDUSTRY_KEY, TOWNSHIP_KEY

CUSTOM_URL = "http://127.0.0.1:9/{z}/{x}/{y}.png"


@pytest.fixture(scope="module")
def app() -> Iterator[AppTest]:
    """One AppTest of app.py, re-run for every case (the script runs afresh each time)."""
    yield AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120)


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIANDITU_TOKEN", "contract-test-token")  # offered only with a token
    monkeypatch.setenv("CARTO_API_KEY", "contract-test-key")  # CartoDB asks for a key


def _site_at_a_seat() -> shapely.Polygon:
    """A ~1 km square around a township seat (one the red-line corpus file covers)."""
    seat = datastore.committed_layer("seats").geometry.iloc[2]
    return shapely.box(seat.x - 0.005, seat.y - 0.005, seat.x + 0.005, seat.y + 0.005)


def _assert_site_check_runs(layer_id: str) -> None:
    """The site check reads the served version: it names a township, computes the red-line
    section once a red line is imported (else says it cannot), and its Markdown keeps names
    as text."""
    report = check_site(drawn(_site_at_a_seat()))
    served = datastore.load_layer("townships")
    items = report["townships"]["items"]
    assert items and {i["name"] for i in items} <= set(served["name"]), items
    red = report["redline"]
    if layer_id == "redline":
        assert red["status"] == "overlaps" and red["parts"] and red["basis"] == "exact", red
    else:
        assert red["status"] == "not_loaded" and red["flag"] is None, red
    for lang in ("zh", "en"):
        text = render_markdown(report, lang)
        name = items[0]["name"] if lang == "zh" else items[0]["name_en"]
        assert f"**{plain(name)}**" in text


def _industry_of(code: str) -> str:
    return next(i for i, _label in industry_options(plan(), "zh")
                if code in assigned_townships(i))


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_accepted_file_is_served_everywhere(case: str, tmp_path: Path, app: AppTest) -> None:
    path, layer_id, options = ACCEPTED[case](tmp_path)
    use_repaired = options.pop("use_repaired", False)
    meta = service.import_file(path, layer_id, "contract", f"contract: {case}",
                               use_repaired=use_repaired, **options)
    assert datastore.layer_info(layer_id)["version"] == meta.version

    for basemap, lang in [(b, "zh") for b in BASEMAP_IDS] + [("osm", "en")]:
        assert build_map(basemap, lang, CUSTOM_URL).get_root().render()

    served = datastore.layer_ids()
    with zipfile.ZipFile(io.BytesIO(layers_zip(served))) as archive:
        exported = json.loads(archive.read(f"{layer_id}.geojson"))
    assert len(exported["features"]) == meta.feature_count
    assert compare_csv(compare_frame(plan(), datastore.load_layer("townships"), "zh"))
    _assert_site_check_runs(layer_id)

    code = str(datastore.load_layer("townships").sort_values("code")["code"].iloc[3])
    app.session_state[TOWNSHIP_KEY] = code
    app.session_state[INDUSTRY_KEY] = _industry_of(code)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    panel = " ".join(m.value for m in app.markdown)
    assert plan().township_views[code].name in " ".join(s.value for s in app.subheader) + panel
