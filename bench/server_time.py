"""Server time of a township-click re-run without a browser competing for the CPU: the app's
script run by streamlit.testing.AppTest (script execution and message serialisation).

Each re-run is timed twice: wall time, and CPU time of this process (the script thread does
the work while the caller waits), which other load on a shared machine hardly changes."""

from pathlib import Path
from time import perf_counter, process_time

from streamlit.testing.v1 import AppTest

from ui.sidebar import widget_key
from ui.state import TOWNSHIP_KEY

TIMEOUT_S = 120
Timing = dict[str, float]  # {"wall_s": ..., "cpu_s": ...}


def _timed_run(app: AppTest) -> Timing:
    wall, cpu = perf_counter(), process_time()
    app.run()
    return {"wall_s": perf_counter() - wall, "cpu_s": process_time() - cpu}


def township_rerun_seconds(script: Path, codes: list[str]) -> list[Timing]:
    """One re-run per township code, each with that township picked (as a map click does)."""
    app = AppTest.from_file(str(script), default_timeout=TIMEOUT_S)
    app.run()  # first run: imports and caches, not counted
    times = []
    for code in codes:
        app.session_state[TOWNSHIP_KEY] = code  # what a map click sets (ui.sidebar.set_choice)
        app.session_state[widget_key(TOWNSHIP_KEY, "zh")] = code
        times.append(_timed_run(app))
        if app.exception:
            raise RuntimeError(f"{script} failed with township {code}: {app.exception[0].message}")
    return times


def rerun_seconds(script: Path, runs: int) -> list[Timing]:
    """Plain re-runs of a script (the naive app redoes all its work on every run)."""
    app = AppTest.from_file(str(script), default_timeout=TIMEOUT_S)
    app.run()
    return [_timed_run(app) for _ in range(runs)]
