"""A throw-away PostgreSQL 15 + PostGIS cluster for tests and local topologies.

`initdb` into a temporary folder, `pg_ctl start` listening on a Unix socket in that folder only
(plus 127.0.0.1:`tcp_port` when given), a template database with the PostGIS extension, and on
exit `pg_ctl stop` and the folder removed. initdb and pg_ctl refuse to run as root, so as root
(CI) they run as the `postgres` user (Debian's package creates it) through `runuser`, in a
folder owned by it. Durability is off (fsync, synchronous_commit): nothing here outlives the run.

    with PostgisCluster() as cluster:
        url = cluster.create_database("store_1")   # postgresql://postgres@/store_1?host=...
        ...

`python -m harness.postgis` starts one, prints a database URL and runs until interrupted.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

PG_BIN = Path("/usr/lib/postgresql/15/bin")
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
SERVICE_USER = "postgres"
SUPERUSER = "postgres"
TEMPLATE = "template_postgis"
SOCKET_PORT = 5432  # without TCP; the socket lives in the cluster's own folder
SETUP_HINT = "run `bash scripts/setup.sh --dev` (installs postgresql-15-postgis-3)"


class PostgisUnavailable(RuntimeError):
    """PostgreSQL 15 or PostGIS is not installed here."""


def available() -> bool:
    """Whether the server binaries and the PostGIS extension are installed."""
    return (PG_BIN / "initdb").exists() and POSTGIS_CONTROL.exists()


class PostgisCluster:
    """One temporary cluster; `url(name)` / `create_database(name)` once started."""

    def __init__(self, tcp_port: int | None = None) -> None:
        self.tcp_port = tcp_port
        self.port = tcp_port or SOCKET_PORT  # also names the socket file (.s.PGSQL.<port>)
        self.root: Path | None = None

    @property
    def socket_dir(self) -> Path:
        assert self.root is not None, "the cluster is not started"
        return self.root / "socket"

    def url(self, database: str = "postgres") -> str:
        """libpq URL of a database of this cluster, over its Unix socket."""
        return f"postgresql://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"

    def tcp_url(self, database: str = "postgres") -> str:
        """libpq URL over TCP (only when started with tcp_port)."""
        assert self.tcp_port is not None, "the cluster was started without a TCP port"
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.tcp_port}/{database}"

    def _run(self, *command: str) -> None:
        as_user = ["runuser", "-u", SERVICE_USER, "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*as_user, *command], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{Path(command[0]).name} failed: {done.stdout}{done.stderr}")

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run SQL with psql (ON_ERROR_STOP) and return what it printed."""
        done = subprocess.run([str(PG_BIN / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1",
                               "-d", self.url(database), "-c", sql],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"psql failed: {done.stderr}")
        return done.stdout

    def start(self) -> "PostgisCluster":
        """initdb, start, and make the PostGIS template database."""
        if not available():
            raise PostgisUnavailable(f"PostgreSQL 15 with PostGIS is not installed; {SETUP_HINT}")
        self.root = Path(tempfile.mkdtemp(prefix="hengdong-pg-"))
        os.chmod(self.root, 0o755)  # the test process connects through the socket inside
        self.socket_dir.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.root, SERVICE_USER)
            shutil.chown(self.socket_dir, SERVICE_USER)
        data = self.root / "data"
        self._run(str(PG_BIN / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        listen = "127.0.0.1" if self.tcp_port else "''"
        options = (f"-k {self.socket_dir} -p {self.port} -c listen_addresses={listen} "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(self.root / "server.log"),
                  "-o", options, "-w", "-t", "60", "start")
        self.psql(f"CREATE DATABASE {TEMPLATE}")
        self.psql("CREATE EXTENSION postgis", TEMPLATE)
        return self

    def create_database(self, name: str) -> str:
        """A new database with PostGIS (copied from the template, ~0.4 s); its URL."""
        self.psql(f'CREATE DATABASE "{name}" TEMPLATE {TEMPLATE} STRATEGY FILE_COPY')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Remove a database, closing whatever connections it still has."""
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stop the server and remove everything it wrote."""
        if self.root is None:
            return
        if (self.root / "data" / "postmaster.pid").exists():
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                      "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> "PostgisCluster":
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()


def main() -> int:
    """Start a cluster, print a database URL, run until interrupted (Ctrl-C or SIGTERM stops
    and removes it)."""
    port = int(sys.argv[1]) if len(sys.argv) > 1 else None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # as Ctrl-C: leave the with block
    with PostgisCluster(tcp_port=port) as cluster:
        url = cluster.create_database("hengdong")
        print(url if port is None else cluster.tcp_url("hengdong"), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
