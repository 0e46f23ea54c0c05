"""A real server process on 127.0.0.1 (uvicorn via `orderdesk serve`), on SQLite and, when
ORDERDESK_TEST_PG_URL is set, on a fresh PostgreSQL database made for the test run."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "Passw0rd!x"
USERS = {
    "admin": ["sysadmin"], "sec": ["secadmin"], "aud": ["auditor"], "sales1": ["sales"],
    "sales2": ["sales"], "wh1": ["warehouse"], "sup": ["supervisor"], "pmc1": ["pmc"],
}


RUN_CLI = "import sys; from orderdesk.cli import main; sys.exit(main(sys.argv[1:]))"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerProcess:
    """`orderdesk serve` in a subprocess; stop/start keep the same database and port."""

    def __init__(self, db_url: str, log_dir: Path, *, tls: tuple[Path, Path] | None = None,
                 workers: int = 1) -> None:
        self.db_url = db_url
        self.port = free_port()
        self.log_dir = log_dir
        self.tls = tls
        self.workers = workers
        self.proc: subprocess.Popen | None = None
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self.starts = 0

    def start(self, timeout: float = 60.0) -> None:
        self.starts += 1
        cmd = [sys.executable, "-c", RUN_CLI, "serve", "--db-url", self.db_url,
               "--port", str(self.port), "--log-level", "warning"]
        if self.tls:
            cmd += ["--tls-cert", str(self.tls[0]), "--tls-key", str(self.tls[1])]
        if self.workers > 1:
            cmd += ["--workers", str(self.workers)]
        log = open(self.log_dir / f"server-{self.starts}.log", "wb")
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float) -> None:
        import requests

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError("server exited:\n" + self.log_text())
            try:
                requests.get(self.url + "/api/health", timeout=1, verify=False)
                return
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("server did not start:\n" + self.log_text())

    def log_text(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.log_dir.glob("server-*.log")))

    def stop(self, *, kill: bool = False) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            # The whole process group: with --workers uvicorn has children.
            os.killpg(self.proc.pid, signal.SIGKILL if kill else signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self.proc = None

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None


def _pg_database(base_url: str) -> Iterator[str]:
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"od_test_{uuid.uuid4().hex[:10]}"
    url = make_url(base_url.replace("postgresql://", "postgresql+psycopg://", 1)
                   if base_url.startswith("postgresql://") else base_url)
    admin = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def seed_users(db_url: str) -> None:
    from orderdesk.desk import Desk
    from orderdesk.services import users

    desk = Desk(db_url, station="setup")
    try:
        for name, roles in USERS.items():
            users.create_user(desk, name, name, PASSWORD, roles)
    finally:
        desk.close()


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path,
                  template_db: Path) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "server.db"
        shutil.copyfile(template_db, path)
        yield f"sqlite:///{path}"
        return
    base = os.environ.get("ORDERDESK_TEST_PG_URL")
    if not base:
        pytest.skip("ORDERDESK_TEST_PG_URL is not set: no PostgreSQL to test against")
    yield from _pg_database(base)


@pytest.fixture
def sqlite_server_db(tmp_path: Path, template_db: Path) -> str:
    path = tmp_path / "server.db"
    shutil.copyfile(template_db, path)
    return f"sqlite:///{path}"


def _server(db_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    seed_users(db_url)
    logs = tmp_path / "logs"
    logs.mkdir(exist_ok=True)
    server = ServerProcess(db_url, logs)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def server(server_db_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    """A running server with the USERS accounts (password PASSWORD)."""
    yield from _server(server_db_url, tmp_path)


@pytest.fixture
def sqlite_server(sqlite_server_db: str, tmp_path: Path) -> Iterator[ServerProcess]:
    yield from _server(sqlite_server_db, tmp_path)


@pytest.fixture
def make_station(template_db: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Station databases (copies of the migrated template) as Desk objects."""
    from orderdesk.desk import Desk

    made = []

    def make(name: str) -> Desk:
        path = tmp_path / f"station-{name}.db"
        shutil.copyfile(template_db, path)
        desk = Desk(path, station=name)
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


def creds(user: str = "sales1"):  # type: ignore[no-untyped-def]
    from orderdesk.sync.client import Credentials

    return Credentials(username=user, password=PASSWORD)


def client_for(server: ServerProcess, desk, user: str = "sales1"):  # type: ignore[no-untyped-def]
    from orderdesk.sync.client import SyncClient

    return SyncClient(server.url, creds(user), station=desk.station)


def station_client(server: ServerProcess, desk, people=("sales1",)):  # type: ignore[no-untyped-def]
    """A station signed in with its own key (registered by the admin), whose `people`
    signed in at it (issue 13: the station proves them at the next sync round and
    pushes their changes with their person tokens)."""
    import requests

    from orderdesk.services import users
    from orderdesk.sync.client import Credentials, SyncClient

    admin = requests.post(server.url + "/api/auth/login",
                          json={"username": "admin", "password": PASSWORD}).json()["token"]
    made = requests.post(server.url + "/api/stations", json={"name": desk.station},
                         headers={"Authorization": f"Bearer {admin}"})
    assert made.status_code == 201, made.text
    for name in people:
        users._remember_for_proof(desk, name, PASSWORD)
    return SyncClient(server.url, Credentials(station_key=made.json()["key"]),
                      station=desk.station)
