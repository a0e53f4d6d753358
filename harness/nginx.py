"""Debian's nginx in front of several app instances: deploy/nginx.conf filled in for a set of
instances, and an nginx process with its own pid, logs and temporary files in one folder."""

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from geo.paths import PROJECT_ROOT

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx.conf"
NGINX = Path(os.environ.get("NGINX_PATH", shutil.which("nginx") or "/usr/sbin/nginx"))
ROUTE_COOKIE = "hengdong_route"
STARTUP_LIMIT_S = 20
KEPT_FILES = ("nginx.conf", "error.log", "access.log", "nginx.out")
SLOT = re.compile(r"\{\{(\w+)\}\}")


@dataclass(frozen=True)
class Upstream:
    """One app instance as nginx sees it: its name (the route cookie's value) and address."""

    name: str
    host: str
    port: int

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def _upstream_block(instance: Upstream, others: list[Upstream]) -> str:
    """The instance's own upstream: itself first, the others as backups when it is down."""
    lines = [f"    upstream hengdong_{instance.name} {{",
             f"        server {instance.address} max_fails=1 fail_timeout=10s;"]
    lines += [f"        server {other.address} backup;" for other in others]
    lines += ["        keepalive 16;", "    }"]
    return "\n".join(lines)


def _cookie(instance: Upstream) -> str:
    return f"{ROUTE_COOKIE}={instance.name}; Path=/; HttpOnly; SameSite=Lax"


def render(instances: list[Upstream], listen: str, prefix: Path, upload_mb: int = 101,
           template: Path = TEMPLATE) -> str:
    """deploy/nginx.conf with its slots filled: nginx on `listen` (port or address:port) in
    front of `instances`, keeping its pid, logs and temporary files under `prefix`."""
    names = [instance.name for instance in instances]
    if not instances or len(set(names)) != len(names) or not all(
            re.fullmatch(r"[a-z0-9]+", name) for name in names):
        raise ValueError(f"instances need distinct names of a-z and 0-9: {names}")
    slots = {
        "prefix": str(prefix),
        "listen": listen,
        "upload_mb": str(upload_mb),
        "route_map": "\n".join(f"        {i.name} hengdong_{i.name};" for i in instances),
        "cookie_map": "\n".join(
            f'        "~(^|[ ,]){re.escape(i.address)}$" "{_cookie(i)}";' for i in instances),
        "upstreams": "\n\n".join(
            _upstream_block(i, [o for o in instances if o != i]) for i in instances),
        "any_servers": "\n".join(
            f"        server {i.address} max_fails=1 fail_timeout=10s;" for i in instances),
    }
    text = template.read_text(encoding="utf-8")
    unknown = set(SLOT.findall(text)) - set(slots)
    if unknown:
        raise ValueError(f"{template}: slots without a value: {sorted(unknown)}")
    return SLOT.sub(lambda match: slots[match.group(1)], text)


def _accepts(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


class NginxServer:
    """`nginx -p <dir> -c <dir>/nginx.conf` in the foreground, on `port`, in front of
    `instances`; the configuration is checked (`nginx -t`) before it starts. Its files live in
    a fresh folder under the system's temporary directory (run as root, nginx's workers are
    `nobody` and must reach their temporary files: a test's own temporary folder is private);
    on stop the configuration and logs are copied to `log_folder` and that folder is removed."""

    def __init__(self, instances: list[Upstream], port: int, log_folder: Path,
                 upload_mb: int = 101) -> None:
        self.instances = instances
        self.port = port
        self.log_folder = log_folder
        self.upload_mb = upload_mb
        self.url = f"http://127.0.0.1:{port}"
        self.folder: Path | None = None
        self.process: subprocess.Popen | None = None

    @property
    def config_path(self) -> Path:
        assert self.folder is not None, "not started"
        return self.folder / "nginx.conf"

    def _command(self, *extra: str) -> list[str]:
        if not NGINX.exists():
            raise FileNotFoundError(
                f"{NGINX} missing: run `bash scripts/setup.sh --dev` (installs nginx)")
        return [str(NGINX), "-p", str(self.folder), "-c", str(self.config_path), *extra]

    def __enter__(self) -> "NginxServer":
        self.folder = Path(tempfile.mkdtemp(prefix="hengdong-nginx-"))
        self.folder.chmod(0o755)
        self.config_path.write_text(
            render(self.instances, f"127.0.0.1:{self.port}", self.folder, self.upload_mb),
            encoding="utf-8")
        checked = subprocess.run(self._command("-t"), capture_output=True, text=True)
        if checked.returncode != 0:
            self.stop()
            raise RuntimeError(f"{self.config_path} refused by nginx:\n{checked.stderr}")
        with (self.folder / "nginx.out").open("w") as log:
            self.process = subprocess.Popen(
                self._command("-g", "daemon off;"), stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not _accepts(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                error_log = (self.folder / "error.log").read_text(errors="replace")
                self.stop()
                raise RuntimeError(f"nginx did not start:\n{error_log}")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        """Stop nginx (SIGTERM: fast shutdown, open websockets too; SIGKILL if it hangs), keep
        its configuration and logs in log_folder, remove its own folder."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.folder and self.folder.exists():
            self.log_folder.mkdir(parents=True, exist_ok=True)
            for name in KEPT_FILES:
                if (self.folder / name).exists():
                    shutil.copy(self.folder / name, self.log_folder / name)
            shutil.rmtree(self.folder, ignore_errors=True)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()
