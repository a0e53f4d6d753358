"""Fixtures of the browser tests: the app on a free port, headless Debian Chromium, offline."""

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, WebSocket, expect, sync_playwright

from harness.chromium import is_local, launch_chromium
from harness.local_app import StreamlitServer

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"


@contextmanager
def running_app(folder: Path, extra_env: dict[str, str]) -> Iterator[str]:
    """`streamlit run app.py` on a free port with its own admin store in `folder`; yields the
    URL once healthy and stops the server afterwards."""
    env = {"HENGDONG_ADMIN_DIR": str(folder / "store"), **extra_env}
    with StreamlitServer(PROJECT_ROOT / "app.py", folder / "streamlit.log", env) as server:
        yield server.url


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The viewer as planners get it: open-source layers only (an empty admin store)."""
    with running_app(tmp_path_factory.mktemp("streamlit"), {}) as base_url:
        yield base_url


def wait_until_idle(page: Page) -> None:
    """Wait until no script run is in flight (Streamlit's running icon is gone): a re-run
    that finishes redraws its widgets and closes an open selectbox."""
    page.wait_for_timeout(300)  # the icon shows only once a run has started
    expect(page.get_by_test_id("stStatusWidgetRunningIcon")).to_have_count(0, timeout=30_000)


def pick_option(page: Page, label: str, search: str, option: str) -> None:
    """Type `search` into the selectbox `label` and choose `option`; opens the box again when
    a re-run that was still in flight closed it."""
    box = page.get_by_role("combobox", name=label)
    choice = page.get_by_role("option", name=option, exact=True)
    for _attempt in range(4):
        wait_until_idle(page)
        box.click()
        box.fill(search)
        try:
            expect(choice).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    choice.click()
    expect(box).to_have_value(option, timeout=30_000)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium driven by Playwright."""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


class OfflineLog:
    """What the page did: requests to non-local hosts (all blocked), script errors, and the
    messages it sent to the Streamlit server over its websocket (each re-run sends one)."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []  # local requests, in order
        self.sent_to_server = 0
        self.received: list[bytes] = []  # websocket messages from the server, in order

    def watch(self, websocket: WebSocket) -> None:
        websocket.on("framesent", lambda _payload: self._count_sent())
        websocket.on("framereceived", self._count_received)

    def _count_sent(self) -> None:
        self.sent_to_server += 1

    def _count_received(self, payload: str | bytes) -> None:
        self.received.append(payload.encode() if isinstance(payload, str) else payload)

    def route(self, route: Route) -> None:
        if is_local(route.request.url):
            self.requests.append(route.request.url)
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("blockedbyclient")


@pytest.fixture()
def offline() -> OfflineLog:
    return OfflineLog()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator:
    report = yield
    if report.when == "call":
        item.stash[FAILED] = report.failed
    return report


FAILED = pytest.StashKey[bool]()


@pytest.fixture()
def page(
    browser: Browser, offline: OfflineLog, request: pytest.FixtureRequest
) -> Iterator[Page]:
    """A fresh page, 1400x900, with every request to a non-local host blocked; a failing
    test leaves a screenshot in tests/artifacts/."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    context.route("**/*", offline.route)
    page = context.new_page()
    page.on("pageerror", lambda error: offline.errors.append(str(error)))
    page.on("websocket", offline.watch)
    yield page
    if request.node.stash.get(FAILED, False):
        page.screenshot(path=ARTIFACTS / f"failed_{request.node.name}.png")
    context.close()


def pytest_configure() -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(PROJECT_ROOT))


def pixels_of(png: Path, colour: str, tolerance: int = 8) -> int:
    """How many pixels of a screenshot are `colour` (#rrggbb), within `tolerance` per channel:
    what a picture shows, rather than how large its file is."""
    import numpy as np
    from PIL import Image

    target = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
    pixels = np.asarray(Image.open(png).convert("RGB")).astype(int)
    return int((np.abs(pixels - target) <= tolerance).all(axis=-1).sum())
