"""Every class of bad upload is refused with a message naming file, feature and field, and
changes nothing: same current version, same versions, same bytes served."""

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pytest
from shapely import affinity

from geo import datastore
from geo.admin import service
from geo.admin.problems import RejectedFile
from geo.store import open_store
from tests.admin_support import bowtie_at, official_townships, write_geojson, zip_shapefile


def _state(layer_id: str) -> tuple:
    store = open_store()
    current = store.current_version(layer_id)
    versions = [(m.version, m.sha256) for m in store.history(layer_id)]
    served = store.version_bytes(layer_id, current) if current else None
    return current, versions, served


def _edit(change: Callable[[gpd.GeoDataFrame], gpd.GeoDataFrame], name: str = "townships.geojson"):
    return lambda tmp: (write_geojson(change(official_townships()), tmp / name), {})


def _set(frame: gpd.GeoDataFrame, index: int, column: str, value) -> gpd.GeoDataFrame:
    frame = frame.copy()
    if column == "geometry":
        frame.loc[frame.index[index], "geometry"] = value
    else:
        frame[column] = frame[column].astype(object)
        frame.loc[frame.index[index], column] = value
    return frame


def _text_file(name: str, text: str):
    def build(tmp: Path):
        (tmp / name).write_text(text, encoding="utf-8")
        return tmp / name, {}
    return build


def _zip_of(names: list[str]):
    def build(tmp: Path):
        source = zip_shapefile(official_townships(), tmp / "full.zip")
        with zipfile.ZipFile(source) as full, zipfile.ZipFile(tmp / "parts.zip", "w") as part:
            for name in names:
                part.writestr(name, full.read(name) if name in full.namelist() else b"hello")
        return tmp / "parts.zip", {}
    return build


def _shifted(index: int, dx: float):
    return _edit(lambda f: _set(f, index, "geometry",
                                affinity.translate(f.geometry.iloc[index], xoff=dx)))


def _projected_shapefile(epsg: int, with_prj: bool, crs: str | None = None):
    def build(tmp: Path):
        frame = official_townships().to_crs(epsg)
        return zip_shapefile(frame, tmp / "official.zip", with_prj=with_prj), {"crs": crs}
    return build


def _projected_numbers_in_geojson(tmp: Path):
    frame = official_townships().to_crs(4547).set_crs(4326, allow_override=True)
    return write_geojson(frame, tmp / "gk_as_geojson.geojson"), {}


def _swapped_axes(tmp: Path):
    frame = official_townships()
    frame.geometry = frame.geometry.map(lambda g: affinity.affine_transform(g, [0, 1, 1, 0, 0, 0]))
    return write_geojson(frame, tmp / "swapped.geojson"), {}


def _geopackage_two_layers(tmp: Path):
    path = tmp / "two.gpkg"
    official_townships().to_file(path, layer="a", driver="GPKG")
    official_townships().to_file(path, layer="b", driver="GPKG")
    return path, {}


def _empty_collection(tmp: Path):
    path = tmp / "empty.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": []}))
    return path, {}


def _seats_as_townships(tmp: Path):
    return write_geojson(datastore.committed_layer("seats"), tmp / "seats.geojson"), {}


def _two_counties(tmp: Path):
    county = datastore.committed_layer("county")
    frame = gpd.GeoDataFrame(
        {"name": ["衡东县", "衡东县"]}, geometry=[county.geometry.iloc[0]] * 2, crs=4326)
    return write_geojson(frame, tmp / "county.geojson"), {"layer": "county"}


# id: (builder, expected code, file name, feature index, feature name, field, English words)
CASES = {
    "unparseable": (_text_file("broken.geojson", '{"type": "FeatureCollection", "features": ['),
                    "unreadable", "broken.geojson", None, None, None, "cannot be parsed"),
    "unsupported-type": (_text_file("townships.csv", "name\n洣水镇\n"), "unsupported-type",
                         "townships.csv", None, None, None, "unsupported file type .csv"),
    "zip-without-shp": (_zip_of(["readme.txt"]), "unreadable", "parts.zip", None, None, None,
                        "no .shp"),
    "shapefile-without-dbf": (_zip_of(["data/townships.shp", "data/townships.shx"]),
                              "unreadable", "parts.zip/data/townships.shp", None, None, None,
                              "lacks its .dbf"),
    "wrong-geometry-type": (_seats_as_townships, "wrong-geometry-type", "seats.geojson", 0,
                            "洣水镇", "geometry", "geometry is a Point"),
    "invalid-geometry": (_edit(lambda f: bowtie_at(f, 2)), "invalid-geometry",
                         "townships.geojson", 2, "新塘镇", "geometry", "Self-intersection"),
    "empty-geometry": (_edit(lambda f: _set(f, 3, "geometry", None)), "empty-geometry",
                       "townships.geojson", 3, "大浦镇", "geometry", "empty geometry"),
    "outside-county": (_shifted(5, 0.3), "outside-county", "townships.geojson", 5, "甘溪镇",
                       "geometry", "outside 衡东县"),
    "missing-field": (_edit(lambda f: f.drop(columns="name")), "missing-field",
                      "townships.geojson", None, None, "name", "required field name is missing"),
    "missing-value": (_edit(lambda f: _set(f, 4, "name", None)), "missing-value",
                      "townships.geojson", 4, None, "name", "required value missing"),
    "unknown-township": (_edit(lambda f: _set(f, 16, "name", "石滩镇")), "unknown-township",
                         "townships.geojson", 16, "石滩镇", "name", "did you mean '石滩乡'?"),
    "duplicate-township": (_edit(lambda f: _set(f, 1, "name", "洣水镇")), "duplicate-township",
                           "townships.geojson", 1, "洣水镇", "name", "more than once"),
    "missing-townships": (_edit(lambda f: f.iloc[:16]), "missing-townships",
                          "townships.geojson", None, None, "name", "townships missing: 石滩乡"),
    "code-mismatch": (_edit(lambda f: _set(f, 0, "code", "430424999000")), "code-mismatch",
                      "townships.geojson", 0, "洣水镇", "code", "does not match"),
    "no-features": (_empty_collection, "no-features", "empty.geojson", None, None, None,
                    "no features"),
    "no-crs-gauss-kruger": (_projected_shapefile(4547, with_prj=False), "no-crs-outside",
                            "official.zip/data/townships.shp", None, None, "geometry",
                            "declare it (CLI: --crs EPSG:4547)"),
    "projected-numbers-in-geojson": (_projected_numbers_in_geojson, "outside-region",
                                     "gk_as_geojson.geojson", None, None, "geometry",
                                     "declare it (CLI: --crs EPSG:4547)"),
    "axes-swapped": (_swapped_axes, "outside-region", "swapped.geojson", None, None, "geometry",
                     "axes swapped"),
    "unsupported-crs": (_projected_shapefile(2383, with_prj=True), "crs-unsupported",
                        "official.zip/data/townships.shp", None, None, "geometry",
                        "Xian 1980 datum"),
    "gcj02-on-projected-file": (_projected_shapefile(4547, with_prj=True, crs="gcj02"),
                                "crs-conflict", "official.zip/data/townships.shp", None, None,
                                "geometry", "cannot be GCJ-02"),
    "geopackage-two-layers": (_geopackage_two_layers, "no-single-layer", "two.gpkg", None, None,
                              None, "holds 2 layers (a, b)"),
    "county-two-features": (_two_counties, "feature-count", "county.geojson", None, None, None,
                            "exactly 1 feature"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_upload_is_refused_and_changes_nothing(case: str, tmp_path: Path) -> None:
    build, code, file_name, index, name, field, words = CASES[case]
    good = write_geojson(official_townships(), tmp_path / "good.geojson")
    service.import_file(good, "townships", "tester", "baseline")
    path, options = build(tmp_path)
    layer_id = options.pop("layer", "townships")
    before = {layer: _state(layer) for layer in ("townships", "county")}

    with pytest.raises(RejectedFile) as refused:
        service.import_file(path, layer_id, "tester", f"bad upload: {case}", **options)

    matching = [p for p in refused.value.problems if p.code == code]
    assert matching, [p.bilingual() for p in refused.value.problems]
    problem = matching[0]
    assert problem.file == file_name
    assert (problem.feature_index, problem.feature_name, problem.field) == (index, name, field)
    assert words in problem.text("en")
    assert file_name in problem.text("zh") and problem.zh != problem.en
    assert {layer: _state(layer) for layer in ("townships", "county")} == before
    rejected = open_store().audit_log(layer_id)[0]
    assert rejected["action"] == "import-rejected" and file_name.split("/")[0] in rejected["detail"]


def test_size_limit_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_geojson(official_townships(), tmp_path / "big.geojson")
    monkeypatch.setenv("HENGDONG_ADMIN_MAX_MB", "0.01")
    with pytest.raises(RejectedFile) as refused:
        service.import_file(path, "townships", "tester", "too big")
    assert refused.value.problems[0].code == "too-big"
    assert "above the limit of 0.0 MB (HENGDONG_ADMIN_MAX_MB)" in refused.value.problems[0].en
    assert open_store().current_version("townships") == 0
    assert service.history("townships") == []


def test_invalid_geometry_is_offered_repaired_but_never_applied_silently(tmp_path: Path) -> None:
    path = write_geojson(bowtie_at(official_townships(), 2), tmp_path / "bowtie.geojson")
    inspection = service.inspect(path, "townships")
    assert not inspection.ok
    assert inspection.repaired_indices == [2]
    assert inspection.repaired.geometry.iloc[2].is_valid
    assert not inspection.frame.geometry.iloc[2].is_valid  # the validated data is untouched
    with pytest.raises(RejectedFile):
        service.import_file(path, "townships", "tester", "no repair asked")
    meta = service.import_file(path, "townships", "tester", "repaired", use_repaired=True)
    assert meta.summary["repaired_features"] == ["#2 新塘镇"]
    assert datastore.load_layer("townships").geometry.is_valid.all()
