"""The large-layer tiles (geo/web_tiles.py) of the synthetic 20 000-parcel red line
(bench/large_layer.py): small and complete at county zoom, vertex for vertex when zoomed in."""

import gzip
import json
from pathlib import Path

import numpy as np
import pytest
import shapely

from bench.large_layer import PARCELS, parcels
from geo.compact_geojson import ALPHABET, encode_line
from geo.web_tiles import (
    FULL_SCALE,
    FULL_ZOOM,
    build_tiles,
    is_large,
    pixel_m,
)

COUNTY_ZOOM = 10  # the map opens on the whole county at this zoom (1400 px wide page)
COUNTY_ZOOM_GZIP_LIMIT = 600_000  # every tile of the county zoom, each gzip-compressed
_ENDS_VALUE = {symbol for index, symbol in enumerate(ALPHABET) if index < 32}


@pytest.fixture(scope="module")
def large() -> tuple:
    return parcels()


@pytest.fixture(scope="module")
def pyramid(large, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiles")
    build_tiles(large, folder)
    return folder


def _tiles(folder: Path, zoom: int) -> list[Path]:
    return sorted((folder / str(zoom)).glob("*/*.json"))


def _features(path: Path) -> list[list]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def test_the_synthetic_layer_is_large_and_valid(large) -> None:
    assert len(large) == PARCELS
    assert large.geometry.is_valid.all()
    assert is_large(large)
    assert not is_large(large.iloc[:100])  # a small red line stays in the map resource


def test_county_zoom_is_small_and_names_every_visible_parcel(large, pyramid: Path) -> None:
    tiles = _tiles(pyramid, COUNTY_ZOOM)
    compressed = sum(len(gzip.compress(t.read_bytes())) for t in tiles)
    assert compressed < COUNTY_ZOOM_GZIP_LIMIT, f"{compressed} bytes at county zoom"
    shown = {entry[0] for t in tiles for entry in _features(t)}
    west, south, east, north = shapely.bounds(large.to_crs(3857).geometry.values).T
    visible = set(np.flatnonzero(np.maximum(east - west, north - south) >= pixel_m(COUNTY_ZOOM)))
    assert shown == visible
    assert len(shown) == PARCELS  # parcels of ~260 m are about two pixels wide at zoom 10


def test_county_zoom_geometry_is_generalised(pyramid: Path) -> None:
    tile = max(_tiles(pyramid, COUNTY_ZOOM), key=lambda t: t.stat().st_size)
    entry = _features(tile)[0]
    vertices = sum(symbol in _ENDS_VALUE for symbol in entry[1]) // 2
    assert 4 <= vertices < 20  # from 89 stored


def test_zoomed_tiles_carry_every_stored_vertex(large, pyramid: Path) -> None:
    tile = max(_tiles(pyramid, FULL_ZOOM), key=lambda t: t.stat().st_size)
    entry = _features(tile)[0]
    stored = large.geometry.iloc[entry[0]]
    assert entry[1] == encode_line(np.asarray(stored.exterior.coords), FULL_SCALE)
    vertices = sum(symbol in _ENDS_VALUE for symbol in entry[1]) // 2
    assert vertices == shapely.get_num_coordinates(stored)


def test_a_parcel_is_in_every_tile_it_touches_once(pyramid: Path) -> None:
    for tile in _tiles(pyramid, FULL_ZOOM)[:50]:
        indices = [entry[0] for entry in _features(tile)]
        assert indices == sorted(set(indices))
