"""Hostile and careless files: refused cheaply, each with a named problem (file, member, feature),
never a traceback, never a server path, always audited; what the viewer cannot draw is refused
(or converted) at import, across every layer."""

import json
import struct
import tomllib
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import MultiPoint, Polygon

from geo import datastore
from geo.admin import service
from geo.admin.problems import RejectedFile
from geo.admin.settings import DEFAULT_MAX_UPLOAD_MB
from geo.paths import PROJECT_ROOT
from geo.store import open_store
from tests.admin_support import official_townships, write_geojson, zip_shapefile

BOMB_BYTES = 1 << 30  # what the lying member really unpacks to: 1 GiB of zeros
PEAK_LIMIT_BYTES = 64 << 20  # Python allocations while refusing it



def _patch_headers(path: Path, member: str, **fields: int) -> Path:
    """Rewrite fields of one member's local and central headers (what a forged zip does)."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    # (signature, offset of name length, offsets of flag, method, crc, size in the header)
    layouts = ((b"PK\x03\x04", 26, {"flag": 6, "method": 8, "crc": 14, "size": 22}, 30),
               (b"PK\x01\x02", 28, {"flag": 8, "method": 10, "crc": 16, "size": 24}, 46))
    for signature, name_len_at, offsets, header_len in layouts:
        start = 0
        while (start := data.find(signature, start)) >= 0:
            (length,) = struct.unpack_from("<H", data, start + name_len_at)
            if data[start + header_len:start + header_len + length] == name:
                for key, value in fields.items():
                    fmt = "<H" if key in ("flag", "method") else "<I"
                    struct.pack_into(fmt, data, start + offsets[key], value)
            start += 4
    path.write_bytes(bytes(data))
    return path


def _shapefile_zip(tmp: Path) -> Path:
    return zip_shapefile(official_townships(), tmp / "official.zip")


def _forged(member: str, **fields: int) -> Callable[[Path], Path]:
    return lambda tmp: _patch_headers(_shapefile_zip(tmp), f"data/townships{member}", **fields)


def _lying_bomb(tmp: Path) -> Path:
    """About 1 MB of zip whose .shp says 100 bytes and unpacks to 1 GiB."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 24)
    packed = b"".join(compressor.compress(chunk) for _ in range(BOMB_BYTES // len(chunk)))
    packed += compressor.flush()
    plain = [("townships.shx", b"x" * 100), ("townships.dbf", b"y" * 100)]
    return _raw_zip(tmp / "bomb.zip", plain, ("townships.shp", packed, 100))


def _raw_zip(path: Path, plain: list[tuple[str, bytes]], bomb: tuple[str, bytes, int]) -> Path:
    """A zip written record by record: stored members plus one deflated member whose headers
    claim `claimed` bytes."""
    out, central = bytearray(), bytearray()
    entries = [(n, d, 0, len(d), zlib.crc32(d), d) for n, d in plain]
    name, packed, claimed = bomb
    entries.append((name, packed, 8, claimed, 0, packed))
    for entry_name, _data, method, size, crc, stored in entries:
        encoded = entry_name.encode()
        offset = len(out)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x21, crc,
                           len(stored), size, len(encoded), 0) + encoded + stored
        central += struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0x21,
                               crc, len(stored), size, len(encoded), 0, 0, 0, 0, 0,
                               offset) + encoded
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                      len(central), len(out), 0)
    path.write_bytes(bytes(out + central + end))
    return path


def _nan_geojson(tmp: Path) -> Path:
    collection = json.loads(official_townships().to_json())
    collection["features"][3]["geometry"]["coordinates"][0][2][0] = "NAN"
    path = tmp / "nan.geojson"
    path.write_text(json.dumps(collection, ensure_ascii=False).replace('"NAN"', "NaN"))
    return path


def _gbk_geojson(tmp: Path) -> Path:
    path = tmp / "gbk.geojson"
    path.write_bytes(official_townships().to_json(ensure_ascii=False).encode("gbk"))
    return path


def _garbage_shp(tmp: Path) -> Path:
    path = tmp / "garbage.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for suffix in (".shp", ".shx", ".dbf"):
            archive.writestr(f"townships{suffix}", b"hello" * 40)
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "nowhere" / "townships.geojson"


def _frame_file(name: str, change: Callable[[], gpd.GeoDataFrame]) -> Callable[[Path], Path]:
    return lambda tmp: write_geojson(change(), tmp / name)


def _townships_with(index: int, geometry) -> gpd.GeoDataFrame:
    frame = official_townships()
    frame.loc[frame.index[index], "geometry"] = geometry(frame)
    return frame


def _seats(change: Callable[[gpd.GeoDataFrame], list]) -> Callable[[], gpd.GeoDataFrame]:
    def build() -> gpd.GeoDataFrame:
        seats = datastore.committed_layer("seats")[["name", "code", "geometry"]]
        return seats.set_geometry(change(seats), crs=4326)
    return build


def _swapped_seats(seats: gpd.GeoDataFrame) -> list:
    geometries = list(seats.geometry)
    geometries[0], geometries[5] = geometries[5], geometries[0]
    return geometries


def _redline_twice() -> gpd.GeoDataFrame:
    seat = datastore.committed_layer("seats").geometry.iloc[2]
    patch = seat.buffer(0.01)
    return gpd.GeoDataFrame({"kind": ["水源", "水源"]}, geometry=[patch, patch], crs=4326)


def _county(geometry) -> Callable[[], gpd.GeoDataFrame]:
    return lambda: gpd.GeoDataFrame({"name": ["衡东县"]}, geometry=[geometry()], crs=4326)


def _known_county():
    return datastore.committed_layer("county").geometry.iloc[0]


# id: (builder, layer, expected code, problem's file, feature index, English words)
CASES = {
    "zip-bomb-lying-headers": (_lying_bomb, "townships", "damaged-member",
                               "bomb.zip/townships.shp", None, "damaged"),
    "encrypted-member": (_forged(".dbf", flag=1), "townships", "encrypted-member",
                         "official.zip/data/townships.dbf", None, "encrypted"),
    "deflate64-member": (_forged(".shp", method=9), "townships", "zip-method",
                         "official.zip/data/townships.shp", None, "Deflate64 is not supported"),
    "bad-crc": (_forged(".shp", crc=12345), "townships", "damaged-member",
                "official.zip/data/townships.shp", None, "bad CRC"),
    "nan-coordinates": (_nan_geojson, "townships", "non-finite-coordinates", "nan.geojson", 3,
                        "NaN"),
    "missing-path": (_missing, "townships", "file-not-found", "townships.geojson", None,
                     "does not exist"),
    "gbk-geojson": (_gbk_geojson, "townships", "gbk-encoding", "gbk.geojson", None,
                    "this file is GBK (GB18030) encoded; save it as UTF-8"),
    "garbage-shapefile": (_garbage_shp, "townships", "unreadable", "garbage.zip/townships.shp",
                          None, "cannot be parsed"),
    "multipoint-seats": (_frame_file("seats.geojson", _seats(lambda s: [
        MultiPoint([g, shapely.Point(g.x + 0.001, g.y)]) for g in s.geometry])), "seats",
        "wrong-geometry-type", "seats.geojson", 0, "MultiPoint of 2 points"),
    "two-townships-one-polygon": (_frame_file("shared.geojson", lambda: _townships_with(
        1, lambda f: f.geometry.iloc[0])), "townships", "townships-overlap", "shared.geojson",
        None, "townships overlap"),
    "every-township-is-the-county": (_frame_file("county17.geojson", lambda: official_townships(
        ).set_geometry([_known_county()] * 17, crs=4326)), "townships", "duplicate-feature",
        "county17.geojson", 1, "the same geometry as feature #0 (洣水镇)"),
    "township-gap": (_frame_file("gap.geojson", lambda: _townships_with(3, lambda f: (
        f.geometry.iloc[3].difference(f.geometry.iloc[3].representative_point().buffer(0.02))))),
        "townships", "townships-gap", "gap.geojson", None, "no township covers"),
    "seats-swapped": (_frame_file("seats.geojson", _seats(_swapped_seats)), "seats",
                      "seat-outside-township", "seats.geojson", 0, "outside township '洣水镇'"),
    "redline-twice": (_frame_file("redline.geojson", _redline_twice), "redline",
                      "duplicate-feature", "redline.geojson", 1, "exact copy of feature #0"),
    "world-county": (_frame_file("world.geojson", _county(lambda: shapely.box(-179, -89, 179, 89)
                                                          )), "county", "implausible-county",
                     "world.geojson", 0, "times the known county"),
    "county-shifted": (_frame_file("shifted.geojson", _county(lambda: shapely.affinity.translate(
        _known_county(), 0.15))), "county", "implausible-county", "shifted.geojson", 0,
        "overlapping it by"),
    "neighbours-world": (_frame_file("neighbours.geojson", lambda: gpd.GeoDataFrame(
        {"name": ["衡山县"]}, geometry=[Polygon([(100, 20), (120, 20), (120, 30), (100, 30)])],
        crs=4326)), "neighbours", "outside-context-extent", "neighbours.geojson", 0,
        "beyond the area around"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_file_is_refused_with_a_named_problem(case: str, tmp_path: Path) -> None:
    build, layer_id, code, file_name, index, words = CASES[case]
    path = build(tmp_path)
    served = datastore.load_layer(layer_id) if datastore.has_layer(layer_id) else None
    tracemalloc.start()
    try:
        with pytest.raises(RejectedFile) as refused:
            service.import_file(path, layer_id, "tester", f"hostile: {case}")
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < PEAK_LIMIT_BYTES, f"{peak / 2**20:.0f} MB allocated to refuse it"
    matching = [p for p in refused.value.problems if p.code == code]
    assert matching, [p.bilingual() for p in refused.value.problems]
    problem = next((p for p in matching if p.feature_index == index), matching[0])
    assert (problem.file, problem.feature_index) == (file_name, index)
    assert words in problem.text("en") and problem.zh != problem.en
    for shown in refused.value.problems:
        for text in (shown.text("zh"), shown.text("en")):
            assert str(tmp_path) not in text and "/tmp" not in text and "hengdong-" not in text
    assert open_store().current_version(layer_id) == 0
    if served is not None:
        assert datastore.load_layer(layer_id).equals(served)
    audit = open_store().audit_log(layer_id)[0]
    assert audit["action"] == "import-rejected" and audit["admin"] == "tester"
    assert f"hostile: {case} | file {file_name.split('/')[0]} sha256 " in audit["detail"]


def test_single_point_multipoints_are_converted_with_a_warning(tmp_path: Path) -> None:
    seats = datastore.committed_layer("seats")
    as_multi = seats.set_geometry([MultiPoint([g]) for g in seats.geometry], crs=4326)
    path = write_geojson(as_multi, tmp_path / "seats.geojson")
    inspection = service.inspect(path, "seats")
    assert inspection.ok, [p.bilingual() for p in inspection.problems]
    assert [p.code for p in inspection.problems if p.severity == "warning"] == [
        "geometry-converted"]
    service.import_file(path, "seats", "tester", "multipoint seats")
    served = datastore.load_layer("seats")
    assert set(served.geom_type) == {"Point"}
    assert served.geometry.geom_equals_exact(seats.geometry, 1e-6).all()


def test_heights_are_dropped_with_a_warning_not_refused_as_a_crs(tmp_path: Path) -> None:
    frame = official_townships()
    frame = frame.set_geometry(shapely.force_3d(frame.geometry.values, 55.0), crs=4979)
    path = tmp_path / "z.gpkg"
    frame.to_file(path, driver="GPKG", layer="townships")
    inspection = service.inspect(path, "townships")
    assert inspection.ok, [p.bilingual() for p in inspection.problems]
    assert "z-dropped" in {p.code for p in inspection.problems}
    assert not any("4979" in p.en for p in inspection.problems)
    service.import_file(path, "townships", "tester", "3-D townships")
    assert not datastore.load_layer("townships").geometry.has_z.any()


def test_honest_zip_within_the_limit_is_still_read(tmp_path: Path) -> None:
    path = _shapefile_zip(tmp_path)
    assert service.inspect(path, "townships").ok


def test_unforeseen_failure_is_a_named_problem(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args, **_kwargs):
        raise OSError(f"disk trouble at {tmp_path}/hengdong-upload-x/layer.shp")

    monkeypatch.setattr("geo.admin.service.read_vector", broken)
    path = write_geojson(official_townships(), tmp_path / "t.geojson")
    inspection = service.inspect(path, "townships")
    assert not inspection.ok
    (problem,) = inspection.problems
    assert problem.code == "unexpected" and problem.file == "t.geojson"
    assert str(tmp_path) not in problem.en and "OSError" in problem.en


def test_streamlit_upload_cap_is_the_admin_limit() -> None:
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == DEFAULT_MAX_UPLOAD_MB
