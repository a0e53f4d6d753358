"""The map reaches the browser as one HTTP resource: versioned URL, validators, gzip."""

import gzip
import re
import urllib.request

import pytest
from playwright.sync_api import Page, Response, expect

from ui.map_view import MAP_COMPONENT

pytestmark = pytest.mark.e2e

RESOURCE_URL = re.compile(r"/app/static/maps/osm-zh-[0-9a-f]{16}\.js$")


def test_the_map_is_served_once_as_a_cacheable_compressed_resource(
        page: Page, app_url: str) -> None:
    responses: list[Response] = []
    page.on("response", lambda r: responses.append(r) if "/app/static/maps/" in r.url else None)
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
