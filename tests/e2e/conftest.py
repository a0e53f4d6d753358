"""Fixtures of the browser tests: the app on a free port, headless Debian Chromium, offline."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, Route, WebSocket, expect, sync_playwright

PROJECT_ROOT = Path(__file__).resolve().parents[2]
STREAMLIT = PROJECT_ROOT / ".venv" / "bin" / "streamlit"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
STARTUP_LIMIT_S = 90


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(base_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


@contextmanager
def running_app(folder: Path, extra_env: dict[str, str]) -> Iterator[str]:
    """`streamlit run app.py` on a free port with its own admin store in `folder`; yields the
    URL once healthy and stops the server afterwards."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = folder / "streamlit.log"
    command = [
        str(STREAMLIT), "run", "app.py",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "HENGDONG_ADMIN_DIR": str(folder / "store"),
           **extra_env}
    with log_path.open("w") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env
        )
    try:
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not _healthy(base_url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not become healthy:\n{log_path.read_text()}")
            time.sleep(0.5)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The viewer as planners get it: open-source layers only (an empty admin store)."""
    with running_app(tmp_path_factory.mktemp("streamlit"), {}) as base_url:
        yield base_url


def pick_option(page: Page, label: str, search: str, option: str) -> None:
    """Type `search` into the selectbox `label` and choose `option`; opens the box again when
    a re-run that was still in flight closed it."""
    box = page.get_by_role("combobox", name=label)
    choice = page.get_by_role("option", name=option, exact=True)
    for _attempt in range(3):
        box.click()
        box.fill(search)
        try:
            expect(choice).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            page.keyboard.press("Escape")
    choice.click()
    expect(box).to_have_value(option, timeout=30_000)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} missing: run `bash scripts/setup.sh --dev` (installs chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class OfflineLog:
    """What the page did: requests to non-local hosts (all blocked), script errors, and the
    messages it sent to the Streamlit server over its websocket (each re-run sends one)."""

    def __init__(self) -> None:
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.sent_to_server = 0

    def watch(self, websocket: WebSocket) -> None:
        websocket.on("framesent", lambda _payload: self._count_sent())

    def _count_sent(self) -> None:
        self.sent_to_server += 1

    def route(self, route: Route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("blockedbyclient")


@pytest.fixture()
def offline() -> OfflineLog:
    return OfflineLog()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator:
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


def pytest_configure(config: pytest.Config) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(PROJECT_ROOT))
