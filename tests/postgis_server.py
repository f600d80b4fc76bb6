"""A real PostgreSQL 15 + PostGIS 3 server for the test session, on 127.0.0.1.

The session creates a throw-away cluster (initdb) in a temporary folder, starts it on a
free port with trust authentication for local connections, and creates a database with the
postgis extension. Debian's postgresql-15-postgis-3 provides the binaries (scripts/setup.sh
installs it). PostgreSQL refuses to run as root: as root the cluster belongs to the
``postgres`` system user (created by the Debian package) and its commands run through
``runuser``.

Fixture ``postgis`` -> PostgisServer with ``uri(schema=None, table=None, ...)`` for QGIS's
postgres provider, ``dsn`` (libpq key/value string) and ``psql(sql)``.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from conftest import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")
DB_NAME = "hamm_test"


class PostgisServer:
    def __init__(self, port: int, data_dir: Path, socket_dir: Path, as_user):
        self.host = "127.0.0.1"
        self.port = port
        self.dbname = DB_NAME
        self.user = "postgres"
        self.data_dir = data_dir
        self.socket_dir = socket_dir
        self._as_user = as_user

    @property
    def dsn(self) -> str:
        return "host={} port={} dbname={} user={}".format(
            self.host, self.port, self.dbname, self.user)

    def uri(self, schema: str = None, table: str = None, geometry: str = None,
            key: str = None) -> str:
        """A QgsDataSourceUri string for the postgres provider."""
        text = "dbname='{}' host={} port={} user='{}' sslmode=disable".format(
            self.dbname, self.host, self.port, self.user)
        if key:
            text += " key='{}'".format(key)
        if table:
            text += ' table="{}"."{}"'.format(schema or "public", table)
            if geometry:
                text += " ({})".format(geometry)
        return text

    def psql(self, sql: str, db: str = None) -> str:
        """Run SQL with psql; returns the unaligned, tuples-only output (| separated)."""
        out = subprocess.run(
            ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-At", "-h", self.host,
             "-p", str(self.port), "-U", self.user, "-d", db or self.dbname, "-c", sql],
            check=False, capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError("psql failed: {}".format(out.stderr.strip()))
        return out.stdout.strip()


def _runner():
    if os.geteuid() != 0:
        return lambda cmd: cmd, None
    import pwd
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        pytest.skip("running as root without a 'postgres' system user: install "
                    "postgresql-15-postgis-3 (scripts/setup.sh does)")
    return (lambda cmd: ["runuser", "-u", "postgres", "--", *cmd]), "postgres"


@pytest.fixture(scope="session")
def postgis():
    if not (PG_BIN / "initdb").exists() or not shutil.which("psql"):
        pytest.fail("PostgreSQL 15 is missing: scripts/setup.sh installs postgresql-15-postgis-3")
    as_user, owner = _runner()
    base = Path(tempfile.mkdtemp(prefix="hamm_pg_"))
    data_dir, socket_dir = base / "data", base / "sock"
    socket_dir.mkdir()
    if owner:
        shutil.chown(base, owner)
        shutil.chown(socket_dir, owner)
    subprocess.run(as_user([str(PG_BIN / "initdb"), "-D", str(data_dir), "-U", "postgres",
                            "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                   check=True, capture_output=True, timeout=120)
    port = free_port()
    log = base / "server.log"
    if owner:
        log.touch()
        shutil.chown(log, owner)
    subprocess.run(as_user([str(PG_BIN / "pg_ctl"), "-D", str(data_dir), "-l", str(log), "-w",
                            "-t", "60", "-o",
                            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off "
                            "-c synchronous_commit=off -c full_page_writes=off"
                            .format(port, socket_dir), "start"]),
                   check=True, capture_output=True, timeout=90)
    server = PostgisServer(port, data_dir, socket_dir, as_user)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server.psql("CREATE DATABASE {}".format(DB_NAME), db="postgres")
                break
            except RuntimeError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        server.psql("CREATE EXTENSION postgis")
        yield server
    finally:
        _stop(as_user, data_dir)
        shutil.rmtree(base, ignore_errors=True)


def _stop(as_user, data_dir: Path) -> None:
    """pg_ctl stop; if the server is still there after that (a busy machine, a stop that
    timed out), end the postmaster by its pid so no server outlives the session."""
    pid = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        pid = int((data_dir / "postmaster.pid").read_text().split()[0])
    with contextlib.suppress(subprocess.TimeoutExpired):
        subprocess.run(as_user([str(PG_BIN / "pg_ctl"), "-D", str(data_dir), "-m", "fast",
                                "-w", "-t", "30", "stop"]), check=False,
                       capture_output=True, timeout=60)
    if pid is None:
        return
    for sig in (signal.SIGQUIT, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            return
        for _ in range(50):
            try:
                os.kill(pid, 0)
            except (ProcessLookupError, PermissionError):
                return
            time.sleep(0.1)
