"""The floor: our map (same layers, legend, labels) as one static HTML page — folium's own
standalone rendering with Leaflet and the map's script — served gzip-compressed by a small
local HTTP server, no Streamlit, opened in the same headless Chromium in the same run. Page open
and bytes at open of this page are the physical limit for this data."""

import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from time import perf_counter
from typing import Any

import folium
from playwright.sync_api import Browser

from bench.browser import Traffic, route_handler, wait_townships
from layers.assets import STATIC_DIR, STATIC_URL

COMPRESSED = ("text/", "application/javascript", "application/json")


def floor_html(fmap: folium.Map) -> bytes:
    """The map's standalone page; `window.map` names the map for the benchmark's counters."""
    html = fmap.get_root().render()
    hook = f"<script>window.map = {fmap.get_name()};</script>"
    return html.replace("</html>", f"{hook}\n</html>").encode()


def _handler(page: bytes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?", 1)[0]
            if path == "/":
                body, kind = page, "text/html; charset=utf-8"
            elif path.startswith(f"{STATIC_URL}/"):
                file = (STATIC_DIR / path.removeprefix(f"{STATIC_URL}/")).resolve()
                if STATIC_DIR.resolve() not in file.parents or not file.is_file():
                    self.send_error(404)
                    return
                body = file.read_bytes()
                kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    return Handler


@contextmanager
def serve_floor(fmap: folium.Map) -> Iterator[str]:
    """The floor page on a free local port; yields its URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(floor_html(fmap)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def visit_floor(browser: Browser, url: str, codes: list[str]) -> dict[str, Any]:
    """Open the floor page in a fresh context: page open -> townships drawn, bytes received."""
    context = browser.new_context()
    try:
        page = context.new_page()
        traffic = Traffic(context, page)
        blocked: list[str] = []
        page.route("**/*", route_handler({}, blocked))
        page.set_viewport_size({"width": 1400, "height": 1000})
        start = perf_counter()
        page.goto(url)
        wait_townships(page.main_frame, codes, len(codes))
        open_s = perf_counter() - start
        hd_township_paths = page.evaluate("document.querySelectorAll('path.hd-township').length")
        page.wait_for_timeout(500)
        return {"open_s": open_s, "open_http_bytes": traffic.http_bytes,
                "open_ws_bytes": traffic.received_bytes(),
                "hd_township_paths": hd_township_paths, "blocked_requests": sorted(set(blocked))}
    finally:
        context.close()
