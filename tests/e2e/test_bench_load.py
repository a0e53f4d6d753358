"""The benchmark's load scenario against a real server, kept small: 2 sessions x 2 clicks, every
click answered with the clicked township's panel, no error, memory read."""

from pathlib import Path

import pytest

from bench.load import load_rows, measure_load
from geo.paths import PROJECT_ROOT

pytestmark = pytest.mark.e2e


def test_two_sessions_click_townships_without_errors(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_ADMIN_DIR", str(tmp_path / "store"))
    load = measure_load(PROJECT_ROOT / "app.py", tmp_path / "load.log", sessions=2, clicks=2)
    assert load["errors"] == 0, load["error_examples"]
    assert load["clicks"] == 4 and load["warm_up_errors"] == []
    assert 0 < load["click_latency_s"]["p50"] <= load["click_latency_s"]["max"]
    assert load["rss_with_sessions_bytes"] > 0 and load["rss_before_bytes"] > 0
    rows = load_rows(load)
    assert rows[0].met is True and rows[0].ours == 0
