"""The map reaches the browser as one HTTP resource: versioned URL, validators, gzip; under
serve.py (scripts/run.sh) an immutable cache header and a 304 for a revalidation. The panel's
facts resource is served the same way."""

import gzip
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message

import pytest
from playwright.sync_api import Page, Response, expect

from harness.local_app import StreamlitServer
from tests.e2e.conftest import PROJECT_ROOT
from ui.map_view import MAP_COMPONENT
from ui.panel_view import PANEL_COMPONENT

pytestmark = pytest.mark.e2e

RESOURCE_URL = re.compile(r"/app/static/maps/osm-zh-[0-9a-f]{16}\.js$")
ROUTE_MAP_URL = re.compile(r"/resources/maps/osm-zh-([0-9a-f]{16})\.js$")
ROUTE_FACTS_URL = re.compile(r"/resources/maps/facts-zh-([0-9a-f]{16})\.json$")


def test_the_map_is_served_once_as_a_cacheable_compressed_resource(
        page: Page, app_url: str) -> None:
    responses: list[Response] = []
    page.on("response", lambda r: responses.append(r) if "/app/static/maps/" in r.url
            and r.url.endswith(".js") else None)
    page.goto(app_url)
    frame = page.frame_locator(f'iframe[title="{MAP_COMPONENT}"]')
    expect(frame.locator("path.hd-township")).to_have_count(17, timeout=90_000)
    (response,) = responses  # one request for the map, whatever the re-runs
    assert RESOURCE_URL.search(response.url), response.url
    headers = response.all_headers()
    assert response.status == 200
    assert headers["etag"] and headers["last-modified"]
    assert headers["content-encoding"] == "gzip"
    assert "javascript" in headers["content-type"]
    # The same bytes for anyone asking (content-addressed: the name is the version).
    request = urllib.request.Request(response.url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as again:
        body = gzip.decompress(again.read()).decode("utf-8")
        assert again.headers["ETag"] == headers["etag"]
    assert body.startswith("HD.defineMap(") and "hd-township" in body


@pytest.fixture(scope="module")
def served_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """serve.py, as scripts/run.sh starts the viewer (its own resource route)."""
    folder = tmp_path_factory.mktemp("serve_resources")
    env = {"HENGDONG_ADMIN_DIR": str(folder / "store")}
    with StreamlitServer(PROJECT_ROOT / "serve.py", folder / "serve.log", env) as server:
        yield server.url


def _get(url: str, **headers: str) -> tuple[int, Message, bytes]:
    """(status, headers (case-insensitive), body) of a GET."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **headers})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:  # urllib reports a 304 as an error
        return error.code, error.headers, error.read()


@pytest.mark.usefixtures("offline")
def test_under_serve_py_a_reload_costs_a_revalidation_not_the_map(
        page: Page, served_url: str) -> None:
    responses: list[Response] = []
    page.on("response", lambda r: responses.append(r) if "/resources/maps/" in r.url else None)
    page.goto(served_url)
    frame = page.frame_locator(f'iframe[title="{MAP_COMPONENT}"]')
    expect(frame.locator("path.hd-township")).to_have_count(17, timeout=90_000)
    panel = page.frame_locator(f'iframe[title="{PANEL_COMPONENT}"]')
    expect(panel.locator(".hd-hint")).to_be_visible(timeout=30_000)  # facts loaded
    maps = [r for r in responses if ROUTE_MAP_URL.search(r.url)]
    facts = [r for r in responses if ROUTE_FACTS_URL.search(r.url)]
    assert len(maps) == 1 and len(facts) == 1, [r.url for r in responses]
    for response, pattern, kind in ((maps[0], ROUTE_MAP_URL, "javascript"),
                                    (facts[0], ROUTE_FACTS_URL, "json")):
        headers = response.all_headers()
        assert response.status == 200
        assert "immutable" in headers["cache-control"] and "max-age=31536000" in \
            headers["cache-control"]
        # the validator is the content hash the URL carries
        assert headers["etag"] == f'"{pattern.search(response.url)[1]}"'
        assert kind in headers["content-type"]
        status, again, body = _get(response.url)
        assert status == 200 and again["Content-Encoding"] == "gzip"
        text = gzip.decompress(body).decode("utf-8")
        assert text.startswith("HD.defineMap(" if kind == "javascript" else "{")
        status, revalidated, body = _get(response.url, **{"If-None-Match": headers["etag"]})
        assert status == 304 and body == b"" and revalidated["ETag"] == headers["etag"]
    # (A reload is not watched in the browser: Playwright's request routing, which keeps the
    # page offline, switches the browser's HTTP cache off.)
    status, _, _ = _get(served_url + "/resources/maps/osm-zh-0000000000000000.js")
    assert status == 404

