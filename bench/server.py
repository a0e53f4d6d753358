"""A Streamlit app started on a free local port for measuring, and its memory read from /proc."""

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from geo.paths import PROJECT_ROOT

STREAMLIT = PROJECT_ROOT / ".venv" / "bin" / "streamlit"
STARTUP_LIMIT_S = 90
SAMPLE_INTERVAL_S = 0.05
_PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc/<pid>/statm."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            resident_pages = int(Path(f"/proc/{current}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += resident_pages * _PAGE_BYTES
        pending += _children(current)
    return total


class PeakMemory:
    """Samples the RSS of a process tree in a background thread; .peak_bytes is the maximum."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, tree_rss_bytes(self.pid))
            self._stop.wait(SAMPLE_INTERVAL_S)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak_bytes


class StreamlitServer:
    """`streamlit run <script>` on a free port (with the project on PYTHONPATH), stopped on exit."""

    def __init__(self, script: Path, log_path: Path) -> None:
        self.script = script
        self.log_path = log_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.memory: PeakMemory | None = None

    def __enter__(self) -> "StreamlitServer":
        command = [
            str(STREAMLIT), "run", str(self.script),
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--server.headless", "true",
            # On, so every script run ends with a page-profile message carrying the server's
            # own execution time; the browser's requests to other hosts are aborted anyway.
            "--browser.gatherUsageStats", "true",
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PYTHONUNBUFFERED": "1"}
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
                start_new_session=True,
            )  # fmt: skip
        self.memory = PeakMemory(self.process.pid)
        self.memory.start()
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not _healthy(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self._stop()
                raise RuntimeError(f"{self.script} did not start:\n{self.log_path.read_text()}")
            time.sleep(0.2)
        return self

    def peak_rss_bytes(self) -> int:
        """Highest RSS of the server and its children sampled so far."""
        return self.memory.peak_bytes if self.memory else 0

    def _stop(self) -> None:
        if self.memory:
            self.memory.stop()
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the session this object started
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop()
