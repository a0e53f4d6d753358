"""Outlier rejection: the documented wrong villages go, plausible border villages stay."""

import json

import pytest

from geo.outliers import FAR_FROM_SEAT_KM, ISOLATION_KM, TownshipPoint, find_outliers
from tests.layer_build_support import build_into


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    assert build_into(out) == 0
    villages = json.loads((out / "layers" / "villages.geojson").read_text(encoding="utf-8"))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {f["properties"]["code"]: f["properties"] for f in villages["features"]}, manifest


def _cluster(township: str, x0: float, y0: float, prefix: str) -> list[TownshipPoint]:
    """A seat and six villages about 2 km apart around (x0, y0)."""
    offsets = [(0, 0), (2, 0), (-2, 0), (0, 2), (0, -2), (2, 2), (-2, -2)]
    return [
        TownshipPoint(f"{prefix}{i}", township, x0 + dx, y0 + dy, is_seat=i == 0)
        for i, (dx, dy) in enumerate(offsets)
    ]


def test_documented_examples_are_rejected(built):
    villages, _ = built
    assert villages["430424106202"]["name"] == "源头村"  # of 杨林镇, lies in 白莲镇
    assert villages["430424101201"]["name"] == "荷塘村"  # of 石湾镇, lies in 霞流镇
    for code in ("430424106202", "430424101201"):
        assert villages[code]["outlier"] is True
        assert villages[code]["outlier_reason"].startswith("isolated")


def test_about_a_dozen_rejected_and_each_listed_with_its_reason(built):
    villages, manifest = built
    flagged = {code: p for code, p in villages.items() if p["outlier"]}
    assert 8 <= len(flagged) <= 14
    listed = {r["code"]: r for r in manifest["rejected_points"]}
    assert listed.keys() == flagged.keys()
    for code, record in listed.items():
        assert record["name"] == flagged[code]["name"]
        assert record["township"] == flagged[code]["township_name"]
        assert record["reason"] == flagged[code]["outlier_reason"]
    assert all(p["outlier_reason"] is None for p in villages.values() if not p["outlier"])


def test_development_zone_villages_belong_to_their_township(built):
    villages, manifest = built
    zone_rows = {p["listed_under"]: p["township_name"] for p in villages.values()}
    assert zone_rows["河西开发区"] == "洣水镇"
    assert zone_rows["大浦工业园"] == "大浦镇"
    assert {z["name"]: z["assigned_to"] for z in manifest["development_zones"]} == {
        "河西开发区": "洣水镇",
        "大浦工业园": "大浦镇",
    }
    # 新石桥村 is listed under 大浦工业园 but geocoded among 甘溪镇's villages.
    assert villages["430424403202"]["outlier"] is True


def test_isolated_point_is_rejected_and_seats_never():
    points = _cluster("A", 0, 0, "a") + _cluster("B", 20, 0, "b")
    points.append(TownshipPoint("stray", "A", 20.5, 1.0))
    points.append(TownshipPoint("lonely-seat", "C", 60, 60, is_seat=True))
    reasons = find_outliers(points)
    assert set(reasons) == {"stray"}
    assert f"limit {ISOLATION_KM:g} km" in reasons["stray"]


def test_point_among_another_townships_villages_far_from_its_seat_is_rejected():
    points = _cluster("A", 0, 0, "a") + _cluster("B", 14, 0, "b")
    # A chain of A villages reaching into B keeps the stray from being isolated.
    points += [TownshipPoint("a-link", "A", 6.5, 0), TownshipPoint("stray", "A", 12.0, 3.0)]
    reasons = find_outliers(points)
    assert set(reasons) == {"stray"}
    assert reasons["stray"].startswith("in foreign surroundings")


def test_border_village_near_its_own_seat_is_kept():
    points = _cluster("A", 0, 0, "a") + _cluster("B", 10, 0, "b")
    near_seat = FAR_FROM_SEAT_KM - 1.0
    points.append(TownshipPoint("border", "A", near_seat, 0.5))
    assert find_outliers(points) == {}
