"""Load: N concurrent websocket sessions, each clicking townships on the map, against one server.

Each session speaks Streamlit's own protocol (BackMsg / ForwardMsg over /_stcore/stream), as
the browser does: it runs the page, then sends the map component's value for a click at a
point inside a township (the event the map component sends on a click, re-running the map's
fragment) and waits for the re-run to finish with that township in the map's state (the panel
follows it in the browser). Recorded: errors (exceptions shown, error boxes, township not
selected, timeouts, dropped connections), click latency (send -> script finished)
percentiles, and server memory (process tree RSS) before the sessions and with all of them
open, per session.

Bounded: traffic only to 127.0.0.1, N sessions x `clicks` clicks, every wait under
CLICK_TIMEOUT_S and the whole scenario under SCENARIO_LIMIT_S.
"""

import argparse
import asyncio
import json
import os
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ClientState
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from bench.report import Row
from bench.server import tree_rss_bytes
from geo.datastore import load_layer
from geo.paths import PROJECT_ROOT
from geo.store.settings import ADMIN_DIR_ENV
from harness.local_app import StreamlitServer
from ui.map_view import MAP_COMPONENT

DEFAULT_SESSIONS = 20
DEFAULT_CLICKS = 5
CLICK_TIMEOUT_S = 60.0
SCENARIO_LIMIT_S = 600.0
SETTLE_S = 2.0  # after the sessions finish their clicks, before memory is read
RSS_PER_SESSION_TARGET_MB = 1.0  # sessions held with flat memory (measured 0.3-0.8 MB before)


@dataclass
class SessionResult:
    """What one session saw."""

    latencies_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Page:
    """What a finished script run drew that the scenario looks at."""

    component_id: str | None = None
    page_hash: str = ""
    fragment_id: str = ""  # the map's fragment: a click re-runs only it, as in the browser
    map_township: str | None = None  # the township in the map's state
    errors: list[str] = field(default_factory=list)


def township_points() -> list[tuple[str, str, float, float]]:
    """(code, name, lat, lng) of a point inside each township (WGS84: the OSM basemap)."""
    frame = load_layer("townships").sort_values("code")
    return [(str(r.code), str(r.name), r.geometry.representative_point().y,
             r.geometry.representative_point().x) for r in frame.itertuples()]


def _element_error(element: Any) -> str | None:
    """The error a new element in a delta shows (an exception or an error box), if any."""
    kind = element.WhichOneof("type")
    if kind == "exception":
        return f"exception: {element.exception.type}: {element.exception.message[:200]}"
    if kind == "alert" and element.alert.format == element.alert.ERROR:
        return f"error box: {element.alert.body[:200]}"
    return None


async def _finish_run(ws: Any, page: Page) -> Page:
    """Read ForwardMsgs until the script run finishes; collect what the page shows."""
    drawn = Page(page.component_id, page.page_hash, page.fragment_id, page.map_township)
    while True:
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(ws.recv(), CLICK_TIMEOUT_S))
        kind = message.WhichOneof("type")
        if kind == "navigation":
            drawn.page_hash = message.navigation.page_script_hash
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element
            if element.WhichOneof("type") == "component_instance" and \
                    element.component_instance.component_name == MAP_COMPONENT:
                drawn.component_id = element.component_instance.id
                drawn.fragment_id = message.delta.fragment_id
                args = json.loads(element.component_instance.json_args or "{}")
                drawn.map_township = (args.get("state") or {}).get("township")
            error = _element_error(element)
            if error:
                drawn.errors.append(error)
        elif kind == "script_finished":
            status = message.script_finished
            if status in (ForwardMsg.FINISHED_SUCCESSFULLY,
                          ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY):
                return drawn
            if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                drawn.errors.append("compile error")
                return drawn


def _rerun(page: Page, widgets: list[WidgetState], fragment: bool = False) -> bytes:
    state = ClientState(page_script_hash=page.page_hash,
                        widget_states=WidgetStates(widgets=widgets),
                        fragment_id=page.fragment_id if fragment else "")
    return BackMsg(rerun_script=state).SerializeToString()


async def _session(ws_url: str, clicks: int, points: list[tuple[str, str, float, float]],
                   offset: int, opened: asyncio.Event, ready: list[int], total: int,
                   hold: asyncio.Event) -> SessionResult:
    result = SessionResult()
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None,
                                      open_timeout=CLICK_TIMEOUT_S) as ws:
            await ws.send(_rerun(Page(), []))
            page = await _finish_run(ws, Page())
            result.errors += page.errors
            for index in range(clicks):
                if page.component_id is None:
                    result.errors.append("no map component on the page")
                    break
                code, name, lat, lng = points[(offset + index) % len(points)]
                value = {"type": "click", "lat": lat, "lng": lng, "seq": index + 1}
                started = time.perf_counter()
                await ws.send(_rerun(page, [WidgetState(id=page.component_id,
                                                        json_value=json.dumps(value))],
                                     fragment=True))
                page = await _finish_run(ws, page)
                result.latencies_s.append(time.perf_counter() - started)
                result.errors += page.errors
                if page.map_township != code:  # the panel follows the map's state
                    result.errors.append(f"click on {name}: the map did not select it")
            ready.append(1)
            if len(ready) == total:
                opened.set()
            await hold.wait()  # stay connected until memory has been read
    except (TimeoutError, OSError, websockets.WebSocketException) as error:
        result.errors.append(f"{type(error).__name__}: {error}")
        ready.append(1)
        if len(ready) == total:
            opened.set()
    return result


async def _scenario(url: str, pid: int, sessions: int, clicks: int) -> dict[str, Any]:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    points = township_points()
    warm = await _session_once(ws_url, points)  # imports and caches, not counted
    rss_before = tree_rss_bytes(pid)
    opened, hold, ready = asyncio.Event(), asyncio.Event(), []
    started = time.perf_counter()
    tasks = [asyncio.create_task(_session(ws_url, clicks, points, i, opened, ready, sessions,
                                          hold)) for i in range(sessions)]
    await asyncio.wait_for(opened.wait(), SCENARIO_LIMIT_S)
    elapsed = time.perf_counter() - started
    await asyncio.sleep(SETTLE_S)
    rss_open = tree_rss_bytes(pid)
    hold.set()
    results = await asyncio.gather(*tasks)
    latencies = sorted(s for r in results for s in r.latencies_s)
    errors = [e for r in results for e in r.errors]
    return {
        "sessions": sessions,
        "clicks_per_session": clicks,
        "clicks": len(latencies),
        "errors": len(errors),
        "error_examples": errors[:5],
        "warm_up_errors": warm.errors,
        "seconds": round(elapsed, 2),
        "click_latency_s": _percentiles(latencies),
        "rss_before_bytes": rss_before,
        "rss_with_sessions_bytes": rss_open,
        "rss_per_session_bytes": round((rss_open - rss_before) / sessions),
    }


async def _session_once(ws_url: str, points: list[tuple[str, str, float, float]]
                        ) -> SessionResult:
    opened, hold = asyncio.Event(), asyncio.Event()
    hold.set()
    return await _session(ws_url, 1, points, 0, opened, [], 1, hold)


def _percentiles(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"p50": None, "p90": None, "p99": None, "max": None}

    def at(q: float) -> float:
        return round(values[min(len(values) - 1, int(q * len(values)))], 3)
    return {"p50": round(statistics.median(values), 3), "p90": at(0.9), "p99": at(0.99),
            "max": round(values[-1], 3)}


def measure_load(script: Path, log_path: Path, sessions: int = DEFAULT_SESSIONS,
                 clicks: int = DEFAULT_CLICKS) -> dict[str, Any]:
    """Start the app, run the scenario, stop the app; the figures as a dict."""
    with StreamlitServer(script, log_path) as server, ThreadPoolExecutor(1) as worker:
        # its own thread: the caller may run an event loop already (Playwright's sync API)
        return worker.submit(asyncio.run, _scenario(server.url, server.process.pid, sessions,
                                                    clicks)).result()


def load_rows(load: dict[str, Any]) -> list[Row]:
    """The scenario's figures as benchmark rows (targets: no error, at most 1 MB a session)."""
    n, latency = load["sessions"], load["click_latency_s"]
    per_session_mb = load["rss_per_session_bytes"] / 2**20
    return [
        Row(f"load: errors, {n} sessions x {load['clicks_per_session']} clicks", "count",
            load["errors"], target="0", met=load["errors"] == 0),
        Row(f"load: click latency p50, {n} sessions", "s", latency["p50"]),
        Row(f"load: click latency p90, {n} sessions", "s", latency["p90"]),
        Row(f"load: click latency p99, {n} sessions", "s", latency["p99"]),
        Row(f"load: server RSS per open session, {n} sessions", "MB", per_session_mb,
            target=f"<= {RSS_PER_SESSION_TARGET_MB} MB",
            met=per_session_mb <= RSS_PER_SESSION_TARGET_MB),
    ]


def main() -> None:
    """`python -m bench.load [--sessions N] [--clicks K]`: the scenario alone, printed as JSON
    (python -m bench runs it too and writes it to bench/results.json)."""
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=main.__doc__)
    parser.add_argument("--sessions", type=int, default=DEFAULT_SESSIONS)
    parser.add_argument("--clicks", type=int, default=DEFAULT_CLICKS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as store:  # open-source layers, like the benchmark
        os.environ[ADMIN_DIR_ENV] = store
        load = measure_load(PROJECT_ROOT / "app.py", PROJECT_ROOT / "bench" / "runs" / "load.log",
                            args.sessions, args.clicks)
    print(json.dumps(load, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
