"""Server time of a township-click re-run without a browser competing for the CPU: the app's
script run by streamlit.testing.AppTest (script execution and message serialisation)."""

from pathlib import Path
from time import perf_counter

from streamlit.testing.v1 import AppTest

from ui.state import TOWNSHIP_KEY

TIMEOUT_S = 120


def township_rerun_seconds(script: Path, codes: list[str]) -> list[float]:
    """One re-run per township code, each with that township picked (as a map click does)."""
    app = AppTest.from_file(str(script), default_timeout=TIMEOUT_S)
    app.run()  # first run: imports and caches, not counted
    times = []
    for code in codes:
        app.session_state[TOWNSHIP_KEY] = code
        start = perf_counter()
        app.run()
        times.append(perf_counter() - start)
        if app.exception:
            raise RuntimeError(f"{script} failed with township {code}: {app.exception[0].message}")
    return times


def rerun_seconds(script: Path, runs: int) -> list[float]:
    """Plain re-runs of a script (the naive app redoes all its work on every run)."""
    app = AppTest.from_file(str(script), default_timeout=TIMEOUT_S)
    app.run()
    times = []
    for _ in range(runs):
        start = perf_counter()
        app.run()
        times.append(perf_counter() - start)
    return times
