"""A Streamlit script served on a free local port, stopped (with its children) on exit."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType

from geo.paths import PROJECT_ROOT

STREAMLIT = PROJECT_ROOT / ".venv" / "bin" / "streamlit"
STARTUP_LIMIT_S = 90


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_healthy(url: str) -> bool:
    """Whether the Streamlit server at url answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


class StreamlitServer:
    """`streamlit run <script>` on `port` (default: a free one) with the project on PYTHONPATH;
    `url` once healthy. `usage_stats=True` makes the server report each script run's time
    (page profile)."""

    def __init__(self, script: Path, log_path: Path, env: dict[str, str] | None = None,
                 usage_stats: bool = False, port: int | None = None) -> None:
        self.script = script
        self.log_path = log_path
        self.env = env or {}
        self.usage_stats = usage_stats
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "StreamlitServer":
        self.start()
        self.wait_until_healthy()
        return self

    def start(self) -> None:
        """Start the server without waiting for it (several can then start side by side)."""
        command = [
            str(STREAMLIT), "run", str(self.script),
            "--server.port", str(self.port),
            "--server.address", "127.0.0.1",
            "--server.headless", "true",
            "--browser.gatherUsageStats", str(self.usage_stats).lower(),
        ]  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), "PYTHONUNBUFFERED": "1",
               **self.env}
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(
                command, cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
                start_new_session=True,
            )  # fmt: skip

    def wait_until_healthy(self) -> None:
        """Return once the server answers its health check; stop it and raise if it cannot."""
        assert self.process is not None, "start() first"
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not is_healthy(self.url):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.script} did not start:\n{self.log_path.read_text()}")
            time.sleep(0.2)

    def kill(self) -> None:
        """End the server at once (SIGKILL to its process group), as a crash would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def stop(self) -> None:
        """Stop the server and everything it started (its own process group)."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
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
        self.stop()
