"""The assembled map: deterministic, six overlays, basemaps, GCJ-02 shift under 高德, the
tables the browser's state handlers use."""

import folium
import numpy as np
import pytest
from shapely.geometry import shape

from geo import basemaps, datastore
from geo.basemaps import available_basemaps
from geo.coords import wgs84_to_gcj02
from layers.elements import BrowserTable
from layers.map import SELECTION_STYLE, THEMES, build_map, clicked_point_wgs84
from layers.resource import map_resource
from tests.layers_support import features, labels, overlay_with, walk

MISHUI = "430424100000"


@pytest.fixture(scope="module")
def osm_zh() -> folium.Map:
    return build_map("osm", "zh")


@pytest.fixture(scope="module")
def amap_zh() -> folium.Map:
    return build_map("amap", "zh")


def _layer_control(fmap: folium.Map) -> folium.LayerControl:
    return next(c for c in fmap._children.values() if isinstance(c, folium.LayerControl))


def test_same_arguments_give_the_same_html(osm_zh: folium.Map) -> None:
    assert build_map("osm", "zh").get_root().render() == osm_zh.get_root().render()


@pytest.mark.parametrize(
    ("lang", "titles"),
    [
        ("zh", ["行政区划", "城镇体系 一核两副三轴", "生态空间", "乡镇产业", "旅游线路",
                "基础设施与重点项目"]),
        ("en", ["Administrative areas", "Town system: one core, two sub-centres, three axes",
                "Ecological space", "Township industries", "Tourism routes",
                "Infrastructure and key projects"]),
    ],
)
def test_the_six_themes_are_overlays_of_the_layer_control(lang: str, titles: list[str]) -> None:
    fmap = build_map("osm", lang)
    fmap.get_root().render()
    control = _layer_control(fmap)
    assert list(control.overlays) == titles
    assert control.base_layers == {}  # the basemap is picked in the app, not in the map
    assert [theme.title(lang) for theme in THEMES] == titles


def test_unknown_language_or_basemap_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        build_map("osm", "fr")
    with pytest.raises(ValueError, match="unknown basemap"):
        build_map("bing", "zh")


def test_same_arguments_give_the_same_resource() -> None:
    assert map_resource(build_map("osm", "zh")) == map_resource(build_map("osm", "zh"))
    assert map_resource(build_map("osm", "zh")) != map_resource(build_map("osm", "en"))


def test_under_amap_every_overlay_is_shifted_to_gcj02(
    osm_zh: folium.Map, amap_zh: folium.Map
) -> None:
    for style_class in ("hd-township", "hd-seat", "hd-axis", "hd-river"):
        wgs = np.array(_all_positions(overlay_with(osm_zh, style_class)))
        gcj = np.array(_all_positions(overlay_with(amap_zh, style_class)))
        expected = np.column_stack(wgs84_to_gcj02(wgs[:, 0], wgs[:, 1]))
        assert np.abs(gcj - expected).max() <= 1.01e-5, style_class  # only the 5-decimal rounding
        shift_m = np.hypot(*((gcj - wgs) * [111e3 * np.cos(np.radians(27)), 111e3]).T)
        assert shift_m.min() > 300 and shift_m.max() < 900, style_class
    wgs_labels = np.array([row[:2] for row in labels(osm_zh)[0].rows])
    gcj_labels = np.array([row[:2] for row in labels(amap_zh)[0].rows])
    expected = np.column_stack(wgs84_to_gcj02(wgs_labels[:, 1], wgs_labels[:, 0]))[:, ::-1]
    assert np.abs(gcj_labels - expected).max() <= 1.01e-5


def _all_positions(overlay) -> list[list[float]]:
    positions: list[list[float]] = []

    def collect(coordinates) -> None:
        if isinstance(coordinates[0], (int, float)):
            positions.append(list(coordinates))
        else:
            for part in coordinates:
                collect(part)

    for feature in features(overlay):
        collect(feature["geometry"]["coordinates"])
    return positions


def test_basemap_tiles_per_basemap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(basemaps.TIANDITU_TOKEN_ENV, raising=False)
    monkeypatch.delenv(basemaps.CUSTOM_TILE_URL_ENV, raising=False)
    monkeypatch.delenv(basemaps.CARTO_KEY_ENV, raising=False)
    offered = [bid for bid, _ in available_basemaps("zh")]
    assert offered == ["osm", "amap", "none"]  # CartoDB asks for a key (xyzservices says so)
    with pytest.raises(ValueError, match=basemaps.CARTO_KEY_ENV):
        basemaps.tiles_for("carto_light", "zh")
    monkeypatch.setenv(basemaps.CARTO_KEY_ENV, "k42")
    assert [bid for bid, _ in available_basemaps("zh")] == ["osm", "carto_light", "amap", "none"]
    (carto,) = basemaps.tiles_for("carto_light", "en")
    assert carto.url.endswith("/light_all/{z}/{x}/{y}.png?key=k42") and "{s}" in carto.url
    assert carto.subdomains == "abcd" and carto.attribution.startswith("© OpenStreetMap")
    (amap,) = basemaps.tiles_for("amap", "zh")
    assert "autonavi.com" in amap.url and amap.gcj02 and "<" not in amap.attribution
    assert "custom" in [bid for bid, _ in available_basemaps("en", "http://tiles.local/{z}/{x}/{y}.png")]

    monkeypatch.setenv(basemaps.TIANDITU_TOKEN_ENV, "abc123")
    assert ("tianditu", "天地图 矢量+注记") in available_basemaps("zh")
    vector, notes = basemaps.tiles_for("tianditu", "en")
    assert "LAYER=vec" in vector.url and "tk=abc123" in vector.url
    assert "LAYER=eva" in notes.url  # English annotation under the English interface
    assert "LAYER=cva" in basemaps.tiles_for("tianditu", "zh")[1].url

    monkeypatch.setenv(basemaps.CUSTOM_TILE_URL_ENV, "http://10.0.0.5/tiles/{z}/{x}/{y}.png")
    assert basemaps.tiles_for("custom", "zh")[0].url == "http://10.0.0.5/tiles/{z}/{x}/{y}.png"
    assert basemaps.tiles_for("none", "zh") == []
    html = build_map("custom", "zh", "http://intranet/{z}/{x}/{y}.png").get_root().render()
    assert "http://intranet/{z}/{x}/{y}.png" in html


def test_custom_basemap_without_a_usable_url_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(basemaps.CUSTOM_TILE_URL_ENV, raising=False)
    with pytest.raises(ValueError, match="HENGDONG_TILE_URL"):
        basemaps.tiles_for("custom", "zh")
    with pytest.raises(ValueError, match="missing {y}"):
        basemaps.tiles_for("custom", "zh", "http://tiles.local/{z}/{x}.png")
    with pytest.raises(ValueError, match="http"):
        basemaps.tiles_for("custom", "zh", "javascript:alert(1)//{z}/{x}/{y}")


def test_clicks_under_amap_are_shifted_back_to_wgs84() -> None:
    lon_g, lat_g = wgs84_to_gcj02(112.95, 27.1)
    back_lat, back_lon = clicked_point_wgs84(float(lat_g), float(lon_g), "amap")
    assert abs(back_lat - 27.1) < 2e-5 and abs(back_lon - 112.95) < 2e-5
    assert clicked_point_wgs84(27.1, 112.9, "osm") == (27.1, 112.9)


def test_the_browser_gets_the_selection_style_and_the_home_view(osm_zh: folium.Map) -> None:
    """The selection outline and the zoom back to the county are drawn in the browser from
    these tables (no geometry: the outline copies the drawn township polygon)."""
    tables = {e.table_name: e.value for e in walk(osm_zh) if isinstance(e, BrowserTable)}
    assert tables["selection"]["className"] == "hd-selection"
    assert tables["selection"]["styles"] == {"_": SELECTION_STYLE}
    (south, west), (north, east) = tables["view"]["bounds"]
    county = datastore.load_layer("county").total_bounds
    assert np.allclose([west, south, east, north], county, atol=1e-6)


def test_every_township_is_clickable_with_code_and_name(osm_zh: folium.Map) -> None:
    township_layer = overlay_with(osm_zh, "hd-township")
    assert township_layer.options["interactive"] is True
    codes = {f["properties"]["code"] for f in features(township_layer)}
    assert codes == set(datastore.load_layer("townships")["code"])
    for feature in features(township_layer):
        assert shape(feature["geometry"]).is_valid
