"""`python -m geo.export plan --format json|csv`: the whole knowledge base on stdout."""

from __future__ import annotations

import csv
import io
import json
import math
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from geo.export import CSV_COLUMNS, main
from geo.paths import PLAN_DIR, PROJECT_ROOT
from geo.plan import load_plan


def run_export(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["plan", *args]) == 0
    return capsys.readouterr().out


@pytest.fixture
def exported(capsys: pytest.CaptureFixture[str]) -> dict:
    return json.loads(run_export(capsys, "--format", "json"))


def test_json_has_the_17_townships_with_roles_axes_and_cited_industries(exported: dict) -> None:
    townships = exported["townships"]
    assert len(townships) == 17
    for township in townships:
        assert {"name", "code", "name_en", "kind", "roles", "axes", "industries"} <= set(township)
        assert township["industries"], township["name"]
        for industry in township["industries"]:
            assert industry["name"] and industry["category"] and industry["mode"]
            assert industry["citation"] and industry["citations"]
    sanzhang = next(t for t in townships if t["name"] == "三樟镇")
    pepper = [i for i in sanzhang["industries"] if i["id"] == "huanggongjiao"]
    assert {i["mode"] for i in pepper} == {"centred"}
    assert "huanggongjiao" in sanzhang["industries_by_category"]["specialty_crop"]


def test_json_axes_have_their_towns_in_order(exported: dict) -> None:
    axes = {a["id"]: a for a in exported["axes"]}
    assert axes["g4"]["towns"] == [
        "石滩乡", "大浦镇", "霞流镇", "洣水镇", "新塘镇", "白莲镇", "石湾镇", "三樟镇",
    ]  # fmt: skip
    assert axes["g4"]["is_main"] and not axes["s336"]["is_main"]
    assert axes["s336"]["towns"][-1] == "蓬源镇"
    assert len(axes["g72-g240"]["town_codes"]) == len(axes["g72-g240"]["towns"])


def test_json_redline_has_total_share_components_and_types(exported: dict) -> None:
    redline = exported["redline"]
    assert (redline["total_km2"], redline["share_pct"]) == (283.32, 14.72)
    assert len(redline["components"]) == 6 and len(redline["types"]) == 4
    for part in ("components", "types"):
        total = sum(c["area_km2"] for c in redline[part])
        assert math.isclose(total, redline["total_km2"])


def test_json_carries_everything_else(exported: dict) -> None:
    for key in ("core", "sub_centres", "parks", "chains", "ecology_features", "featured_towns",
                "tourism_sites", "tourism_routes", "brands", "projects", "industries",
                "categories", "normalisations", "documents"):  # fmt: skip
        assert exported[key], key
    assert len(exported["chains"]) == 9 and len(exported["parks"]) == 3
    assert len(exported["tourism_routes"]) == 7


def test_csv_has_one_row_per_township_and_industry(capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(run_export(capsys, "--format", "csv"))))
    plan = load_plan()
    expected = sum(len(plan.township(t.code).industries) for t in plan.townships)
    assert len(rows) == expected
    assert list(rows[0]) == CSV_COLUMNS
    assert {r["township_code"] for r in rows} == {t.code for t in plan.townships}
    assert all(r["citation"] and r["industry"] and r["category"] for r in rows)
    shitan_poultry = [
        r for r in rows if r["township"] == "石滩乡" and r["industry_id"] == "chicken-duck"
    ]
    assert len(shitan_poultry) == 1 and "专栏8-1" in shitan_poultry[0]["citation"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_is_deterministic(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    assert run_export(capsys, "--format", fmt) == run_export(capsys, "--format", fmt)


def test_bad_plan_data_exits_non_zero_naming_the_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "plan"
    shutil.copytree(PLAN_DIR, broken)
    (broken / "townships.yaml").write_text("townships: []\n", encoding="utf-8")
    assert main(["plan", "--plan-dir", str(broken)]) == 1
    out = capsys.readouterr()
    assert out.out == ""
    assert "townships.yaml" in out.err and "townships" in out.err


def test_module_runs_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "geo.export", "plan", "--format", "csv"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert result.stdout.startswith(",".join(CSV_COLUMNS) + "\n")


def test_export_stops_quietly_when_the_reader_stops_early() -> None:
    """`python -m geo.export plan | head -1` must not end in a traceback (the JSON is far
    larger than a pipe's buffer, so the export is still writing when the reader goes)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "geo.export", "plan", "--format", "json"],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first_line = process.stdout.readline()
    process.stdout.close()
    error = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert first_line.strip() == b"{"
    assert b"Traceback" not in error
