"""The measuring tools' configuration (layers/tools.py) and their place in the map's files."""

import pytest

from layers.assets import HD_MEASURE_JS, HD_WORKSPACE_JS, MAP_FILES, STATIC_DIR, STATIC_URL
from layers.tools import LABEL_KEYS, tools_config
from ui.i18n import LABELS


@pytest.mark.parametrize("basemap, gcj02", [("osm", False), ("amap", True), ("none", False)])
def test_gcj02_only_under_amap(basemap: str, gcj02: bool) -> None:
    assert tools_config(basemap, "zh")["gcj02"] is gcj02


def test_every_label_in_both_languages() -> None:
    zh, en = tools_config("osm", "zh")["labels"], tools_config("osm", "en")["labels"]
    assert set(zh) == set(en) == set(LABEL_KEYS) <= set(LABELS)
    assert zh["mu"] == "亩" and zh["measure_distance"] != en["measure_distance"]


def test_the_scripts_load_after_the_map_helpers_and_exist() -> None:
    assert MAP_FILES.index(HD_MEASURE_JS) > 0 and MAP_FILES.index(HD_WORKSPACE_JS) > 0
    for url in MAP_FILES:
        assert (STATIC_DIR / url.removeprefix(f"{STATIC_URL}/")).is_file(), url
