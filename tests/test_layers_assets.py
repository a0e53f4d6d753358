"""The map loads only the app's own assets: no CDN in the HTML, nor in the map resource."""

import json
import tomllib

import folium
import folium.plugins
import pytest

from geo.compact_geojson import compact_geometry
from geo.paths import PROJECT_ROOT
from geo.web_geometry import web_features
from layers.assets import (
    LOCAL_ASSETS,
    MAP_ASSETS,
    NODE_MODULES,
    STATIC_DIR,
    STATIC_URL,
    RemoteAssetError,
    install_vendor,
    localize_assets,
    remote_asset_urls,
)
from layers.map import build_map
from layers.resource import UnservedAssetError, map_resource
from tests.layers_support import run_map_script


@pytest.fixture(scope="module")
def osm_map() -> folium.Map:
    return build_map("osm", "zh")


@pytest.mark.parametrize(("basemap", "lang"), [("osm", "zh"), ("amap", "en"), ("none", "zh")])
def test_rendered_map_has_no_remote_script_or_stylesheet(basemap: str, lang: str) -> None:
    html = build_map(basemap, lang).get_root().render()
    assert remote_asset_urls(html) == []
    assert f'<script src="{LOCAL_ASSETS["leaflet"]}">' in html


def test_remote_asset_finder_sees_cdn_links() -> None:
    html = folium.Map().get_root().render()
    assert any("cdn.jsdelivr.net" in tag for tag in remote_asset_urls(html))


def test_map_resource_loads_only_local_files_that_exist(osm_map: folium.Map) -> None:
    text = map_resource(osm_map)
    meta = json.loads(text[len("HD.defineMap("):text.index(", function () {")])
    assert meta["assets"] == list(MAP_ASSETS)
    assert meta["assets"][:2] == [LOCAL_ASSETS["leaflet_css"], LOCAL_ASSETS["leaflet"]]
    for link in meta["assets"]:
        assert link.startswith(f"{STATIC_URL}/"), link
        path = STATIC_DIR / link.removeprefix(f"{STATIC_URL}/")
        assert path.is_file(), f"{path} missing: run bash scripts/setup.sh"
    assert "http://" not in meta["css"] and "https://" not in meta["css"]
    assert "<script" not in text and "<link" not in text


def test_map_resource_refuses_a_file_it_does_not_list() -> None:
    fmap = folium.Map(tiles=None)
    fmap.default_js = [*fmap.default_js, ("plugin", f"{STATIC_URL}/map/unlisted.js")]
    localize_assets(fmap)
    with pytest.raises(UnservedAssetError, match="unlisted.js"):
        map_resource(fmap)


def test_an_element_needing_a_cdn_asset_fails_loudly() -> None:
    fmap = folium.Map(tiles=None)
    folium.plugins.MarkerCluster().add_to(fmap)
    with pytest.raises(RemoteAssetError, match="MarkerCluster"):
        localize_assets(fmap)


def test_unused_folium_defaults_are_dropped() -> None:
    fmap = folium.Map(tiles=None)
    localize_assets(fmap)
    assert fmap.default_js == [("leaflet", LOCAL_ASSETS["leaflet"])]
    assert fmap.default_css == [("leaflet_css", LOCAL_ASSETS["leaflet_css"])]
    assert folium.Map.default_js[0][1].startswith("https://")  # the class is left alone


def test_vendor_install_copies_pinned_leaflet(tmp_path) -> None:
    installed = install_vendor(NODE_MODULES, tmp_path)
    assert installed == [tmp_path / "leaflet"]
    source = NODE_MODULES / "leaflet" / "dist" / "leaflet.js"
    assert (tmp_path / "leaflet" / "leaflet.js").read_bytes() == source.read_bytes()
    assert (tmp_path / "leaflet" / "images" / "marker-icon.png").is_file()
    pinned = json.loads((PROJECT_ROOT / "package.json").read_text())["dependencies"]["leaflet"]
    lock = json.loads((PROJECT_ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/leaflet"]["version"] == pinned
    installed_version = json.loads((NODE_MODULES / "leaflet" / "package.json").read_text())
    assert installed_version["version"] == pinned


def test_vendor_install_without_node_modules_says_what_to_run(tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match="npm ci"):
        install_vendor(tmp_path / "no_node_modules", tmp_path / "vendor")
    assert not (tmp_path / "vendor" / "leaflet").exists()


def test_streamlit_serves_static_files() -> None:
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["enableStaticServing"] is True


def test_browser_decoder_gives_back_the_rounded_coordinates() -> None:
    """hd-map.js decodes geo/compact_geojson's encoding of real layers exactly."""
    geometries = [
        feature["geometry"]
        for layer in ("townships", "xiangjiang")
        for feature in web_features(layer)["features"]
    ]
    decoded = run_map_script("output = input.map(HD.decodeGeometry)",
                             [compact_geometry(g) for g in geometries])
    assert decoded == json.loads(json.dumps(geometries))
