"""Debian's nginx in front of several app instances: deploy/nginx.conf filled in for a set of
instances, and an nginx process with its own pid, logs and temporary files in one folder."""

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from geo.paths import PROJECT_ROOT

TEMPLATE = PROJECT_ROOT / "deploy" / "nginx.conf"
NGINX = Path(os.environ.get("NGINX_PATH", shutil.which("nginx") or "/usr/sbin/nginx"))
ROUTE_COOKIE = "hengdong_route"
STARTUP_LIMIT_S = 20
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
    """`nginx -p <folder> -c <folder>/nginx.conf` in the foreground, on `port`, in front of
    `instances`; the configuration is checked (`nginx -t`) before it starts."""

    def __init__(self, instances: list[Upstream], port: int, folder: Path,
                 upload_mb: int = 101) -> None:
        self.port = port
        self.folder = folder
        self.url = f"http://127.0.0.1:{port}"
        self.config_path = folder / "nginx.conf"
        self.config = render(instances, f"127.0.0.1:{port}", folder, upload_mb)
        self.process: subprocess.Popen | None = None

    def _command(self, *extra: str) -> list[str]:
        if not NGINX.exists():
            raise FileNotFoundError(
                f"{NGINX} missing: run `bash scripts/setup.sh --dev` (installs nginx)")
        return [str(NGINX), "-p", str(self.folder), "-c", str(self.config_path), *extra]

    def __enter__(self) -> "NginxServer":
        # Run as root, nginx's workers are `nobody`: they must reach the temporary files.
        self.folder.mkdir(parents=True, exist_ok=True)
        self.folder.chmod(0o755)
        self.config_path.write_text(self.config, encoding="utf-8")
        checked = subprocess.run(self._command("-t"), capture_output=True, text=True)
        if checked.returncode != 0:
            raise RuntimeError(f"{self.config_path} refused by nginx:\n{checked.stderr}")
        log = (self.folder / "nginx.out").open("w")
        with log:
            self.process = subprocess.Popen(
                self._command("-g", "daemon off;"), stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)
        deadline = time.monotonic() + STARTUP_LIMIT_S
        while not _accepts(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"nginx did not start: {(self.folder / 'error.log')}")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        """Stop nginx (SIGTERM: fast shutdown, open websockets too; SIGKILL if it hangs)."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.stop()
