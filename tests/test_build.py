"""The build command: contract of layers and manifest, determinism, refusal of bad sources."""

import hashlib
import json
import re
import shutil
import subprocess
import sys

import pytest

from geo.paths import DATA_DIR, PROJECT_ROOT
from geo.sources import ADCODE_FILE, COUNTIES_FILE, RIVERS_FILE
from tests.layer_build_support import LAYER_IDS, SOURCES_DIR, build_into, snapshot

LAYER_KEYS = {
    "file", "title_zh", "title_en", "source", "licence", "attribution", "quality", "method",
    "feature_count", "sha256", "inputs",
}  # fmt: skip
REQUIRED_PROPERTIES = {
    "county": {"code", "name", "name_en"},
    "neighbours": {"adcode", "name", "name_en"},
    "townships": {"code", "name", "name_en", "kind", "seat_lon", "seat_lat", "area_km2", "quality"},
    "seats": {"code", "name", "name_en", "kind", "is_county_seat"},
    "villages": {"code", "name", "township_code", "township_name", "outlier", "outlier_reason"},
    "xiangjiang": {"name", "name_en"},
}
TOO_PRECISE = re.compile(r"[-\d]\.\d{7,}")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    assert build_into(out) == 0
    return out


def _layer(out, layer_id):
    return json.loads((out / "layers" / f"{layer_id}.geojson").read_text(encoding="utf-8"))


def test_manifest_lists_every_layer_with_every_key_and_true_checksums(built):
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["crs"] == "EPSG:4326"
    assert set(manifest["layers"]) == set(LAYER_IDS)
    for layer_id, entry in manifest["layers"].items():
        assert set(entry) >= LAYER_KEYS, layer_id
        assert all(entry[key] not in ("", None, []) for key in LAYER_KEYS), layer_id
        data = (built / entry["file"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert entry["feature_count"] == len(json.loads(data)["features"])
        assert entry["quality"] in ("surveyed", "approximate", "schematic")
        assert set(entry["inputs"]) <= set(manifest["inputs"])
    for name, record in manifest["inputs"].items():
        assert {"sha256", "source", "licence", "crs"} <= set(record)
        assert record["sha256"] == hashlib.sha256((SOURCES_DIR / name).read_bytes()).hexdigest()
    assert manifest["layers"]["townships"]["quality"] == "approximate"


def test_layers_follow_the_data_contract(built):
    counts = {"county": 1, "neighbours": 6, "townships": 17, "seats": 17, "xiangjiang": 1}
    for layer_id in LAYER_IDS:
        features = _layer(built, layer_id)["features"]
        if layer_id in counts:
            assert len(features) == counts[layer_id], layer_id
        for feature in features:
            assert REQUIRED_PROPERTIES[layer_id] <= set(feature["properties"]), layer_id
    seats = _layer(built, "seats")["features"]
    assert [s["properties"]["name"] for s in seats if s["properties"]["is_county_seat"]] == [
        "洣水镇"
    ]
    for feature in _layer(built, "townships")["features"] + seats:
        props = feature["properties"]
        assert re.fullmatch(r"\d{12}", props["code"]) and props["kind"] in ("镇", "乡")
    for feature in _layer(built, "villages")["features"]:
        assert re.fullmatch(r"\d{12}", feature["properties"]["township_code"])
    assert _layer(built, "county")["features"][0]["properties"]["code"] == "430424000000"
    neighbours = {f["properties"]["adcode"] for f in _layer(built, "neighbours")["features"]}
    assert neighbours == {"430423", "430422", "430223", "430212", "430321", "431028"}


def test_coordinates_have_at_most_six_decimals(built):
    for layer_id in LAYER_IDS:
        text = (built / "layers" / f"{layer_id}.geojson").read_text(encoding="utf-8")
        assert not TOO_PRECISE.search(text), layer_id


def test_two_builds_are_byte_identical(built, tmp_path):
    assert build_into(tmp_path) == 0
    assert snapshot(tmp_path) == snapshot(built)


def test_committed_data_is_what_the_build_makes(built):
    fresh = snapshot(built)
    committed = {name: (DATA_DIR / name).read_bytes() for name in fresh}
    assert committed == fresh


def test_build_touches_only_layers_and_manifest(tmp_path):
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "facts.yaml").write_text("kept: true\n", encoding="utf-8")
    (tmp_path / "layers").mkdir()
    (tmp_path / "layers" / "stale.geojson").write_text("{}", encoding="utf-8")
    assert build_into(tmp_path) == 0
    files = snapshot(tmp_path)
    assert files["plan/facts.yaml"] == b"kept: true\n"
    assert "layers/stale.geojson" not in files
    assert set(files) == {"plan/facts.yaml", "manifest.json"} | {
        f"layers/{layer_id}.geojson" for layer_id in LAYER_IDS
    }


def _break_missing(path):
    path.unlink()


def _break_json(path):
    path.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")


def _break_csv_columns(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = ",".join(lines[5].split(",")[:12])
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("file_name", "damage", "problem"),
    [
        (COUNTIES_FILE, _break_missing, "file is missing"),
        (RIVERS_FILE, _break_json, "not valid UTF-8 JSON"),
        (ADCODE_FILE, _break_csv_columns, "line 6: 12 columns, expected 20"),
    ],
)
def test_bad_source_stops_the_build_and_changes_nothing(
    built, tmp_path, capsys, file_name, damage, problem
):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in (ADCODE_FILE, COUNTIES_FILE, RIVERS_FILE):  # contents only: CI's copy is read-only
        shutil.copyfile(SOURCES_DIR / name, sources / name)
    damage(sources / file_name)
    out = tmp_path / "data"
    shutil.copytree(built, out)
    before = snapshot(out)
    capsys.readouterr()
    assert build_into(out, sources) == 2
    message = capsys.readouterr().err
    assert file_name in message and problem in message
    assert snapshot(out) == before
    assert not any(p.name.startswith(".build-") for p in out.iterdir())


def test_command_line_reports_a_missing_sources_directory(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "geo.build", "--sources", str(tmp_path / "nowhere"),
         "--out", str(tmp_path / "data")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert f"{tmp_path / 'nowhere' / COUNTIES_FILE}: file is missing" in result.stderr
    assert not (tmp_path / "data").exists()
