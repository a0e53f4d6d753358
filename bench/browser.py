"""One visit of an app in headless Debian Chromium with every non-local request blocked:
page open -> townships drawn, township click -> panel updated, layer toggle -> round trips.

Server time of a re-run is read off the websocket (Chrome DevTools Protocol frames): the
script execution time the server reports in its page-profile message, and the time from the
browser's rerun request to the server's script-finished message.
"""

import base64
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from time import perf_counter
from typing import Any

from google.protobuf.message import DecodeError
from playwright.sync_api import BrowserContext, Frame, Page, Route
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from harness.chromium import is_local

TIMEOUT_MS = 60_000
SETTLE_MS = 1_500  # longer than st_folium's 250 ms debounce: any round trip has begun by then

# Township polygons on the map (features whose code is a township's), counted in the iframe.
_MAP = "((window.HD && window.HD.map) || window.map)"  # ours, or st_folium's
_COUNT_TOWNSHIPS = """(codes) => {
  const map = MAP;
  if (!map) return -1;
  let drawn = 0;
  map.eachLayer((layer) => {
    const f = layer.feature;
    // a township's own polygon; copies of it in other themes (the baseline's town-system
    // areas, park or eco townships) carry a style key "s" and are not the township layer
    if (f && f.properties && codes.includes(f.properties.code) && f.properties.s === undefined
        && /Polygon/.test(f.geometry.type) && layer._path && layer._path.isConnected) drawn++;
  });
  return drawn;
}""".replace("MAP", _MAP)
# A point (iframe pixels) inside the township's polygon where a click lands on a polygon
# (the township or an overlay above it: the viewer looks the township up by the clicked point).
_CLICK_POINT = """(code) => {
  let path = null;
  const polygons = new Set();
  MAP.eachLayer((layer) => {
    if (layer instanceof L.Polygon && layer._path) polygons.add(layer._path);
    const f = layer.feature;
    if (f && f.properties && f.properties.code === code && /Polygon/.test(f.geometry.type)
        && layer._path) path = layer._path;
  });
  if (!path) return null;
  const box = path.getBoundingClientRect();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  let best = null;
  for (let i = 1; i < 24; i++) for (let j = 1; j < 24; j++) {
    const x = box.x + box.width * i / 24, y = box.y + box.height * j / 24;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
    const stack = document.elementsFromPoint(x, y);
    if (!stack.includes(path) || !polygons.has(stack[0])) continue;
    const d = (x - cx) ** 2 + (y - cy) ** 2;
    if (!best || d < best.d) best = {x: x, y: y, d: d};
  }
  return best && {x: best.x, y: best.y};
}""".replace("MAP", _MAP)
# The panel's heading: in the page (the baseline's), or in our panel component's frame.
_PANEL_SHOWS = """(name) => {
  const frames = Array.from(document.querySelectorAll('iframe')).map((f) => {
    try { return f.contentDocument; } catch (e) { return null; }
  });
  return [document, ...frames].some((doc) => {
    const heading = doc && doc.querySelector('.st-key-township_panel h3, .hd-township-panel h3');
    return !!heading && heading.textContent.includes(name);
  });
}"""
_HD_TOWNSHIP_PATHS = "document.querySelectorAll('path.hd-township').length"


@dataclass(frozen=True)
class AppSpec:
    """An app to measure and the text of the layer-control entry that holds its townships."""

    name: str
    script: Path
    toggle_label: str
    frame_url_part: str  # in the URL of the map component's iframe
    # CDN URL -> local file served in its place (None: an empty answer), for the baseline
    cdn_files: dict[str, Path | None] = field(default_factory=dict)


@dataclass
class SocketFrame:
    time_s: float  # browser monotonic clock
    sent: bool
    kind: str  # BackMsg / ForwardMsg type
    size: int
    exec_s: float | None = None  # script execution time a page_profile message reports
    element: str = ""  # the element type of a delta that adds one (e.g. component_instance)


class Traffic:
    """What the page sends and receives, from the DevTools protocol."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.frames: list[SocketFrame] = []
        self.http_bytes = 0
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameSent", lambda p: self._frame(p, sent=True))
        cdp.on("Network.webSocketFrameReceived", lambda p: self._frame(p, sent=False))
        cdp.on("Network.loadingFinished", self._loaded)

    def _frame(self, params: dict[str, Any], sent: bool) -> None:
        response = params["response"]
        data = response["payloadData"]
        payload = base64.b64decode(data) if response["opcode"] == 2 else data.encode()
        message = BackMsg() if sent else ForwardMsg()
        try:
            message.ParseFromString(payload)
            kind = message.WhichOneof("type") or "?"
        except DecodeError:  # a frame that is not a Streamlit message
            kind = "?"
        exec_s = message.page_profile.exec_time / 1e6 if kind == "page_profile" else None
        element = ""
        if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            element = message.delta.new_element.WhichOneof("type") or ""
        self.frames.append(SocketFrame(params["timestamp"], sent, kind, len(payload), exec_s,
                                       element))

    def _loaded(self, params: dict[str, Any]) -> None:
        self.http_bytes += int(params.get("encodedDataLength", 0))

    def mark(self) -> int:
        """Position in the frame log, to look at what came after it."""
        return len(self.frames)

    def since(self, mark: int) -> list[SocketFrame]:
        return self.frames[mark:]

    def received_bytes(self) -> int:
        return app_bytes(self.frames)


def app_bytes(frames: list[SocketFrame]) -> int:
    """Bytes received, without the page-profile messages (sent only because the benchmark
    switches usage statistics on to learn the script time)."""
    return sum(f.size for f in frames if not f.sent and f.kind != "page_profile")


def component_bytes(frames: list[SocketFrame]) -> int:
    """Bytes of the map component's messages among the frames (its arguments)."""
    return sum(f.size for f in frames if not f.sent and f.element == "component_instance")


def script_exec_seconds(frames: list[SocketFrame]) -> float | None:
    """Execution time of the script runs among the frames, as the server reports it."""
    times = [f.exec_s for f in frames if f.exec_s is not None]
    return sum(times) if times else None


def rerun_server_seconds(frames: list[SocketFrame]) -> float | None:
    """From the first rerun request to the last script-finished message (chained re-runs
    included), as seen by the browser: server time plus a local websocket hop."""
    starts = [f.time_s for f in frames if f.sent and f.kind == "rerun_script"]
    ends = [f.time_s for f in frames if not f.sent and f.kind == "script_finished"]
    if not starts or not ends or max(ends) < starts[0]:
        return None
    return max(ends) - starts[0]


def route_handler(cdn_files: dict[str, Path | None], blocked: list[str]
                  ) -> Callable[[Route], None]:
    """Requests stay on this machine: CDN URLs answered from cdn_files, the rest aborted."""
    def handle(route: Route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        elif url in cdn_files:
            local = cdn_files[url]
            if local:
                route.fulfill(path=local)
            else:
                route.fulfill(status=200, body="")
        else:
            blocked.append(url)
            route.abort()

    return handle


def _component_frame(page: Page, url_part: str) -> Frame:
    page.wait_for_selector(f"iframe[src*='{url_part}']", timeout=TIMEOUT_MS)
    return next(f for f in page.frames if url_part in f.url)


def wait_townships(frame: Frame, codes: list[str], count: int) -> None:
    frame.wait_for_function(
        f"(codes) => ({_COUNT_TOWNSHIPS})(codes) === {count}",
        arg=codes,
        timeout=TIMEOUT_MS,
        polling="raf",
    )


def visit(
    context: BrowserContext, url: str, app: AppSpec, codes: list[str], pick: tuple[str, str]
) -> dict[str, Any]:
    """Open the app, click township pick=(code, name), toggle its layer off and on again."""
    page = context.new_page()
    traffic = Traffic(context, page)
    blocked: list[str] = []
    page.route("**/*", route_handler(app.cdn_files, blocked))
    page.set_viewport_size({"width": 1400, "height": 1000})

    start = perf_counter()
    page.goto(url, timeout=TIMEOUT_MS)
    frame = _component_frame(page, app.frame_url_part)
    wait_townships(frame, codes, len(codes))
    open_s = perf_counter() - start
    hd_township_paths = frame.evaluate(_HD_TOWNSHIP_PATHS)
    page.wait_for_timeout(SETTLE_MS)
    open_ws_bytes = traffic.received_bytes()
    open_http_bytes = traffic.http_bytes

    code, name = pick
    point = frame.evaluate(_CLICK_POINT, code)
    if point is None:
        raise RuntimeError(f"{app.name}: no clickable point inside township {code} {name}")
    box = page.locator(f"iframe[src*='{app.frame_url_part}']").bounding_box()
    mark = traffic.mark()
    start = perf_counter()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function(_PANEL_SHOWS, arg=name, timeout=TIMEOUT_MS, polling="raf")
    click_s = perf_counter() - start
    page.wait_for_timeout(SETTLE_MS)
    click_frames = traffic.since(mark)

    frame.locator(".leaflet-control-layers").hover()  # opens a collapsed layer control
    toggle = frame.locator("label", has_text=app.toggle_label).locator("input").first
    mark = traffic.mark()
    start = perf_counter()
    toggle.click()
    wait_townships(frame, codes, 0)
    toggle_s = perf_counter() - start
    toggle.click()
    wait_townships(frame, codes, len(codes))
    page.wait_for_timeout(SETTLE_MS)
    toggle_frames = traffic.since(mark)
    page.close()
    return {
        "open_s": open_s,
        "hd_township_paths": hd_township_paths,
        "open_http_bytes": open_http_bytes,
        "open_ws_bytes": open_ws_bytes,
        "click_browser_s": click_s,
        "click_server_s": rerun_server_seconds(click_frames),
        "click_script_s": script_exec_seconds(click_frames),
        "click_ws_bytes": app_bytes(click_frames),
        "click_map_ws_bytes": component_bytes(click_frames),
        "click_reruns": sum(not f.sent and f.kind == "script_finished" for f in click_frames),
        "toggle_s": toggle_s,
        "toggle_rerun_requests": sum(f.sent and f.kind == "rerun_script" for f in toggle_frames),
        "toggle_reruns": sum(not f.sent and f.kind == "script_finished" for f in toggle_frames),
        "blocked_requests": sorted(set(blocked)),
    }
