"""Contract: whatever the importer accepts, the viewer serves. For every file of the accepted
corpus (tests/admin_corpus.py), with that version served: app.py runs in Streamlit's AppTest
without an exception or error box (map page with a township and an industry picked),
the map builds under every basemap, and the exports (layer GeoJSON / zip, comparison CSV)
run."""

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import datastore
from geo.admin import service
from geo.paths import PROJECT_ROOT
from layers.basemaps import BASEMAP_IDS
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
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_ADMIN_DIR", str(tmp_path / "admin"))
    monkeypatch.setenv("TIANDITU_TOKEN", "contract-test-token")  # offered only with a token


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

    code = str(datastore.load_layer("townships").sort_values("code")["code"].iloc[3])
    app.session_state[TOWNSHIP_KEY] = code
    app.session_state[INDUSTRY_KEY] = _industry_of(code)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert not app.error, [e.value for e in app.error]
    panel = " ".join(m.value for m in app.markdown)
    assert plan().township_views[code].name in " ".join(s.value for s in app.subheader) + panel
