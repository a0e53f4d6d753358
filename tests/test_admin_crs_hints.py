"""Every CRS the importer suggests is one it takes: a file delivered without its CRS is
refused with a hint, and importing it again as the hint says succeeds (geo/admin/crs.py)."""

import re
from pathlib import Path

import pytest

from geo.admin import service
from geo.admin.crs import GUESS_CANDIDATES
from geo.admin.problems import RejectedFile
from tests.admin_support import official_townships, write_geojson, zip_shapefile

HINT = re.compile(r"--crs (EPSG:\d+)")


@pytest.fixture(autouse=True)
def admin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_ADMIN_DIR", str(tmp_path / "admin"))


@pytest.mark.parametrize("epsg", GUESS_CANDIDATES)
def test_the_hinted_crs_is_accepted(epsg: int, tmp_path: Path) -> None:
    frame = official_townships().to_crs(epsg)
    path = zip_shapefile(frame, tmp_path / "no_prj.zip", with_prj=False)
    with pytest.raises(RejectedFile) as refused:
        service.import_file(path, "townships", "tester", "no CRS in the file")
    (problem,) = refused.value.problems
    hints = HINT.findall(problem.text("en"))
    # UTM 49N and CGCS2000 GK CM 111E give nearly the same numbers here: both are named
    assert f"EPSG:{epsg}" in hints and problem.code == "no-crs-outside", problem.text("en")
    for hint in hints:  # each hinted CRS is one the importer takes
        if hint != f"EPSG:{epsg}":
            with pytest.raises(RejectedFile) as wrong:  # the data's own checks, not the CRS
                service.import_file(path, "townships", "tester", "the other hint", crs=hint)
            assert all(p.code != "crs-unsupported" for p in wrong.value.problems)
    meta = service.import_file(path, "townships", "tester", "as the hint says", crs=f"EPSG:{epsg}")
    assert meta.version == 1 and meta.feature_count == len(frame)


@pytest.mark.parametrize(("epsg", "datum"), [(2383, "Xian 1980"), (2435, "Beijing 1954")])
def test_datums_needing_unpublished_parameters_are_refused_with_the_reason(
        epsg: int, datum: str, tmp_path: Path) -> None:
    frame = official_townships().to_crs(4547).set_crs(epsg, allow_override=True)
    path = zip_shapefile(frame, tmp_path / "local.zip", with_prj=True)
    with pytest.raises(RejectedFile) as refused:
        service.import_file(path, "townships", "tester", "local datum")
    (problem,) = refused.value.problems
    assert problem.code == "crs-unsupported"
    assert datum in problem.text("en") and "not published" in problem.text("en")
    assert "CGCS2000" in problem.text("en") and "--crs" not in problem.text("en")


def test_a_utm_file_with_its_crs_is_taken(tmp_path: Path) -> None:
    frame = official_townships().to_crs(32649)
    path = write_geojson(frame.to_crs(4326), tmp_path / "wgs84.geojson")
    assert service.import_file(path, "townships", "tester", "wgs84").version == 1
    utm = zip_shapefile(frame, tmp_path / "utm.zip", with_prj=True)
    assert service.import_file(utm, "townships", "tester", "utm 49N").version == 2
