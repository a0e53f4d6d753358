"""Several app instances sharing one store behind nginx, all on this machine.

    python -m harness.topology up [--port 8740] [--instances 2] [--database-url URL]
    python -m harness.topology config --listen 80 --instance a=10.0.0.5:8501 ... --prefix DIR

`up` starts the instances (serve.py, as scripts/run.sh does) and nginx, prints the address and
runs until Ctrl-C; `config` prints deploy/nginx.conf filled in for a deployment's instances.
Tests use `Topology` directly. The store is a parameter: a PostGIS database when a URL is
given, else one SQLite store directory shared by every instance (one machine only).
"""

import argparse
import os
import re
import secrets
import signal
import string
import sys
import tempfile
from contextlib import ExitStack, suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from geo.admin.settings import TRUST_PROXY_ENV
from geo.paths import PROJECT_ROOT
from geo.store.settings import ADMIN_DIR_ENV, DATABASE_URL_ENV, admin_dir
from harness.local_app import StreamlitServer, free_port
from harness.nginx import NginxServer, Upstream, render

SCRIPT = PROJECT_ROOT / "serve.py"  # app.py with GET /healthz


@dataclass(frozen=True)
class SharedStore:
    """The store every instance uses: PostgreSQL/PostGIS at `database_url` when given, else
    the SQLite store in `admin_dir`."""

    admin_dir: Path
    database_url: str | None = None

    def env(self) -> dict[str, str]:
        """The environment that points the app (and `python -m geo.admin`) at this store (an
        empty URL: the SQLite store, whatever the calling shell says)."""
        return {ADMIN_DIR_ENV: str(self.admin_dir), DATABASE_URL_ENV: self.database_url or ""}


def instance_names(count: int) -> list[str]:
    """a, b, c, …: the instances' names (the values of nginx's route cookie)."""
    if not 1 <= count <= len(string.ascii_lowercase):
        raise ValueError(f"between 1 and 26 instances, not {count}")
    return list(string.ascii_lowercase[:count])


class Topology:
    """`instances` app servers on the store, and nginx on `port` in front of them; every
    process keeps its log in `folder`. Each instance gets the same cookie secret (Streamlit's
    signed cookies stay valid on another instance) and trusts nginx's X-Forwarded-For."""

    def __init__(self, store: SharedStore, folder: Path, instances: int = 2,
                 port: int | None = None, instance_ports: list[int] | None = None,
                 env: dict[str, str] | None = None) -> None:
        names = instance_names(instances)
        ports = instance_ports or [free_port() for _name in names]
        if len(ports) != len(names):
            raise ValueError(f"{len(names)} instances need {len(names)} ports, not {ports}")
        self.store = store
        self.folder = folder
        shared = {**store.env(), TRUST_PROXY_ENV: "1",
                  "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32), **(env or {})}
        self.servers = {
            name: StreamlitServer(SCRIPT, folder / f"instance-{name}.log", shared, port=number)
            for name, number in zip(names, ports, strict=True)
        }
        upstreams = [Upstream(name, "127.0.0.1", server.port)
                     for name, server in self.servers.items()]
        self.nginx = NginxServer(upstreams, port or free_port(), folder / "nginx")
        self.url = self.nginx.url
        self._stack = ExitStack()

    def __enter__(self) -> "Topology":
        with ExitStack() as stack:
            for server in self.servers.values():  # start side by side, then wait for each
                stack.callback(server.stop)
                server.start()
            for server in self.servers.values():
                server.wait_until_healthy()
            stack.enter_context(self.nginx)
            self._stack = stack.pop_all()
        return self

    def kill(self, name: str) -> None:
        """End one instance at once, as a crash would (nginx and the others keep running)."""
        self.servers[name].kill()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._stack.close()


def _instance(text: str) -> Upstream:
    """NAME=HOST:PORT from the command line."""
    found = re.fullmatch(r"([a-z0-9]+)=([^:\s]+):(\d+)", text)
    if not found:
        raise argparse.ArgumentTypeError(f"expected NAME=HOST:PORT (a=127.0.0.1:8501): {text}")
    return Upstream(found[1], found[2], int(found[3]))


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m harness.topology", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("up", help="start instances and nginx on this machine")
    up.add_argument("--port", type=int, default=8740, help="nginx's port (default 8740)")
    up.add_argument("--instances", type=int, default=2)
    up.add_argument("--instance-ports", type=lambda s: [int(p) for p in s.split(",")],
                    help="comma-separated ports of the instances (default: free ones)")
    up.add_argument("--admin-dir", type=Path, default=admin_dir(),
                    help="the shared SQLite store (default $HENGDONG_ADMIN_DIR or admin_data/)")
    up.add_argument("--database-url", default=os.environ.get(DATABASE_URL_ENV),
                    help=f"a PostGIS store instead (default ${DATABASE_URL_ENV})")
    config = commands.add_parser("config", help="print deploy/nginx.conf filled in")
    config.add_argument("--listen", default="80", help="nginx's port or address:port")
    config.add_argument("--instance", type=_instance, action="append", required=True,
                        dest="instances", help="NAME=HOST:PORT, once per instance")
    config.add_argument("--prefix", type=Path, required=True,
                        help="where nginx keeps its pid, logs and temporary files")
    config.add_argument("--upload-mb", type=int, default=101,
                        help="largest admin upload (HENGDONG_ADMIN_MAX_MB + 1)")
    return parser.parse_args(argv)


def _up(args: argparse.Namespace) -> None:
    folder = Path(tempfile.mkdtemp(prefix="hengdong-topology-"))
    store = SharedStore(args.admin_dir, args.database_url)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop like Ctrl-C: clean up
    with Topology(store, folder, args.instances, args.port, args.instance_ports) as topology:
        for name, server in topology.servers.items():
            print(f"instance {name}: {server.url}  (log {server.log_path})")
        print(f"store: {args.database_url or args.admin_dir}")
        print(f"nginx: {topology.url}  (config {topology.nginx.config_path})")
        print("Ctrl-C stops everything.", flush=True)
        with suppress(KeyboardInterrupt):
            signal.pause()


def main(argv: list[str] | None = None) -> None:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    if args.command == "up":
        _up(args)
    else:
        print(render(args.instances, args.listen, args.prefix, args.upload_mb), end="")


if __name__ == "__main__":
    main()
