"""The map's measuring tools and coordinate readout (static/map/hd-measure.js): their
configuration, sent with the map as HD.tables.tools = {gcj02, labels}, from the basemap and
the app's label catalogue."""

from typing import Any

from geo.basemaps import is_gcj02
from geo.labels import Lang
from geo.labels import label as t

# Labels the script shows (ui/i18n.py); "<key>_help" of each button is its tooltip.
LABEL_KEYS = (
    "measure_distance", "measure_distance_help", "measure_area", "measure_area_help",
    "measure_clear", "measure_clear_help", "measure_start", "measure_area_start",
    "measure_distance_result", "measure_area_result", "mu", "coords_hint", "coords_gcj02",
)


def tools_config(basemap: str, lang: Lang) -> dict[str, Any]:
    """What hd-measure.js reads: whether the map shows GCJ-02 (高德), and its labels."""
    return {"gcj02": is_gcj02(basemap), "labels": {key: t(key, lang) for key in LABEL_KEYS}}
