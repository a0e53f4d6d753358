"""A checkout without static/vendor (setup not run) or with a missing or damaged data/ file: the
app shows one message naming the missing piece and the command that fixes it (no traceback, no
blank map), and the health report says "broken"; a store fallback is "degraded"."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import paths
from geo.admin import service
from geo.paths import PROJECT_ROOT
from geo.store import settings
from tests.admin_support import official_townships, write_geojson
from ui import health


@pytest.fixture()
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of static/ and data/ the app reads instead of the real ones."""
    root = tmp_path / "checkout"
    shutil.copytree(PROJECT_ROOT / "static", root / "static")
    shutil.copytree(PROJECT_ROOT / "data", root / "data")
    monkeypatch.setattr(health, "STATIC_DIR", root / "static")
    monkeypatch.setattr(paths, "DATA_DIR", root / "data")
    monkeypatch.setattr(paths, "LAYERS_DIR", root / "data" / "layers")
    monkeypatch.setattr(paths, "PLAN_DIR", root / "data" / "plan")
    monkeypatch.setattr(paths, "MANIFEST_PATH", root / "data" / "manifest.json")
    return root


def _no_vendor(root: Path) -> None:
    shutil.rmtree(root / "static" / "vendor")


def _no_manifest(root: Path) -> None:
    (root / "data" / "manifest.json").unlink()


def _corrupt_manifest(root: Path) -> None:
    (root / "data" / "manifest.json").write_text('{"layers": {', encoding="utf-8")


def _no_layer_file(root: Path) -> None:
    (root / "data" / "layers" / "townships.geojson").unlink()


def _damaged_layer_file(root: Path) -> None:
    path = root / "data" / "layers" / "seats.geojson"
    path.write_bytes(path.read_bytes()[:-200])


def _broken_plan(root: Path) -> None:
    (root / "data" / "plan" / "townships.yaml").write_text("- [unclosed", encoding="utf-8")


# id: (damage, piece named, words of the message, command shown)
CASES = {
    "no-vendor": (_no_vendor, "static/vendor/leaflet/leaflet.js", "setup was not run",
                  "bash scripts/setup.sh"),
    "no-manifest": (_no_manifest, "data/manifest.json", "is missing", "git checkout -- data/"),
    "corrupt-manifest": (_corrupt_manifest, "data/manifest.json", "is unreadable",
                         "git checkout -- data/"),
    "no-layer-file": (_no_layer_file, "data/layers/townships.geojson", "is missing",
                      "python -m geo.build"),
    "damaged-layer-file": (_damaged_layer_file, "data/layers/seats.geojson",
                           "does not match the checksum", "python -m geo.build"),
    "broken-plan": (_broken_plan, "data/plan/", "cannot be read", "git checkout -- data/"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_missing_piece_gets_one_message_with_its_fix(case: str, checkout: Path) -> None:
    damage, piece, words, command = CASES[case]
    damage(checkout)
    missing = health.missing_pieces()
    assert piece in [m.piece for m in missing]
    assert any(words in m.en for m in missing)
    report = health.report()
    assert report["status"] == "broken" and piece in str(report["missing"])

    app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60)
    app.session_state["lang"] = "en"
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    (message,) = app.error
    assert "cannot start" in message.value and piece.replace("/", "") in message.value.replace(
        "\\", "").replace("/", "")
    assert any(command in c.value for c in app.code)
    assert str(checkout) not in message.value
    assert not app.tabs  # no half-drawn page


def test_a_sound_checkout_is_ok_and_a_store_fallback_is_degraded(tmp_path: Path) -> None:
    assert health.missing_pieces() == []
    assert health.report() == {"status": "ok", "missing": [], "store": {}}
    service.import_file(write_geojson(official_townships(), tmp_path / "t.geojson"),
                        "townships", "tester", "v1")
    settings.store_path().write_bytes(b"not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{settings.store_path()}{suffix}").unlink(missing_ok=True)
    report = health.report()
    assert report["status"] == "degraded"
    assert report["store"]["townships"]["problem"] == "StoreUnreadable"
