"""Builds the PyInstaller bundle from installer/orderdesk.spec and runs it.

This is the one test that shows the shipped program starts: the package-dir mapping,
the lazily imported UI, the migration scripts Alembic reads from disk and the shipped
fonts all have to survive freezing. It takes a minute or more, and runs in CI on
purpose; there is no skip.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "orderdesk.spec"
BUILD_TIMEOUT_S = 15 * 60
RUN_TIMEOUT_S = 120

# The project-wide pytest-timeout (pyproject) is shorter than a build on a busy
# machine; the first test here also pays for the module's bundle fixture.
pytestmark = pytest.mark.timeout(BUILD_TIMEOUT_S + 5 * 60)


def test_every_package_is_listed_in_pyproject() -> None:
    # The spec (like a wheel) packs only the packages pyproject.toml lists; a page
    # package left off the list would make the bundle fail when that page opens.
    with open(ROOT / "pyproject.toml", "rb") as fh:
        setuptools = tomllib.load(fh)["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    on_disk = set()
    for package, folder in setuptools["package-dir"].items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            if "__pycache__" in init.parts:
                continue
            parts = init.parent.relative_to(base).parts
            on_disk.add(".".join((package, *parts)))
    missing = sorted(on_disk - listed)
    assert not missing, (
        "add these to [tool.setuptools] packages in pyproject.toml: " + ", ".join(missing))


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built one-folder bundle's executable, built once for this module."""
    out = tmp_path_factory.mktemp("installer")
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
        cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
    )
    elapsed = time.monotonic() - started
    assert proc.returncode == 0, f"PyInstaller failed:\n{proc.stdout}\n{proc.stderr}"
    exe = out / "dist" / "orderdesk" / "orderdesk"
    assert exe.is_file(), f"no executable at {exe}"
    print(f"\nPyInstaller bundle built in {elapsed:.0f} s")
    return exe


def _run(exe: Path, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        # Keep the bundle's settings and caches out of the real home directory.
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return subprocess.run([str(exe), *args], cwd=home, env=env, capture_output=True,
                          text=True, timeout=RUN_TIMEOUT_S)


def test_bundle_carries_resources_and_migrations(bundle: Path) -> None:
    internal = bundle.parent / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert (internal / "resources" / "styles" / "station.qss").is_file()
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    migrations = internal / "orderdesk" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    assert list((migrations / "versions").glob("0*.py")), "no revision scripts bundled"


def test_bundle_cli_lists_self_test(bundle: Path, tmp_path: Path) -> None:
    # A launcher that imported nothing would also exit 0; the help text proves the
    # real command line is inside.
    proc = _run(bundle, "app", "--help", home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "--self-test" in proc.stdout


def test_bundle_init_creates_migrated_database(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "init.db"
    proc = _run(bundle, "init", "--db", str(db), home=tmp_path)
    assert proc.returncode == 0, f"{proc.stdout}\n{proc.stderr}"
    with sqlite3.connect(db) as conn:
        versions = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    assert versions, "init left no alembic revision in the database"


def test_bundle_app_self_test_exits_zero(bundle: Path, tmp_path: Path) -> None:
    # Without --db the self-test opens the main window on a fresh temporary database.
    proc = _run(bundle, "app", "--self-test", home=tmp_path)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"


def test_bundle_app_self_test_on_demo_database(bundle: Path, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    proc = _run(bundle, "demo", "--no-gui", "--orders", "60", "--db", str(db), home=tmp_path)
    assert proc.returncode == 0, f"demo: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    proc = _run(bundle, "app", "--self-test", "--db", str(db), home=tmp_path)
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"


def test_bundle_station_syncs_with_a_real_server(bundle: Path, tmp_path: Path,
                                                 template_db: Path) -> None:
    """The shipped station can sync (requests and the sync client are in the bundle):
    it pushes its demo orders to a real server process and pulls the server's rows."""
    import shutil

    from tests.sync.conftest import PASSWORD, ServerProcess, seed_users

    server_db = tmp_path / "server.db"
    shutil.copyfile(template_db, server_db)
    seed_users(f"sqlite:///{server_db}")
    logs = tmp_path / "logs"
    logs.mkdir()
    server = ServerProcess(f"sqlite:///{server_db}", logs)
    server.start()
    try:
        db = tmp_path / "station.db"
        proc = _run(bundle, "demo", "--no-gui", "--orders", "20", "--db", str(db), home=tmp_path)
        assert proc.returncode == 0, f"demo: {proc.stdout}\n{proc.stderr}"
        pw = tmp_path / "pw"
        pw.write_text(PASSWORD)
        proc = _run(bundle, "sync", "--db", str(db), "--server", server.url, "--user", "sup",
                    "--password-file", str(pw), "--station", "BUNDLE", home=tmp_path)
        assert proc.returncode == 0, f"sync: {proc.stdout}\n{proc.stderr}"
        assert proc.stdout.startswith("station BUNDLE: pushed"), proc.stdout
        assert "ModuleNotFoundError" not in proc.stderr
        with sqlite3.connect(server_db) as conn:
            assert conn.execute("SELECT count(*) FROM sync_stations WHERE name = 'BUNDLE'"
                                ).fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM sync_change_log WHERE origin = 'BUNDLE'"
                                ).fetchone()[0] > 0
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM outbox WHERE pushed_at IS NULL"
                                ).fetchone()[0] == 0
    finally:
        server.stop()
