"""`orderdesk sync` without --station picks a unique default name (the host name,
suffixed when another station database holds it); a clash names the way out."""

from __future__ import annotations

import subprocess
import sys

from orderdesk.sync.cli import default_station_name
from tests.sync.conftest import PASSWORD, RUN_CLI


def _sync(server, path: str, pwfile, *extra: str) -> subprocess.CompletedProcess:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-c", RUN_CLI, "sync", "--db", path, "--server",
                           server.url, "--user", "sales1", "--password-file", str(pwfile),
                           *extra], capture_output=True, text=True, timeout=120)


def test_cli_stations_get_unique_default_names(sqlite_server, make_station, tmp_path):
    pwfile = tmp_path / "pw"
    pwfile.write_text(PASSWORD)
    host = default_station_name()
    paths = []
    for n in range(3):
        desk = make_station(f"s{n}")
        paths.append(desk.url.removeprefix("sqlite:///"))
        desk.close()
    names = []
    for path in paths:
        done = _sync(sqlite_server, path, pwfile)
        assert done.returncode == 0, done.stderr
        names.append(done.stdout.split(":")[0].removeprefix("station "))
    assert names == [host, f"{host}-2", f"{host}-3"]
    # The name is kept: the next round of the second database is still {host}-2.
    done = _sync(sqlite_server, paths[1], pwfile)
    assert done.stdout.startswith(f"station {host}-2:"), done.stdout
    # An explicit name that is taken is refused, saying how to choose another.
    other = make_station("x")
    path = other.url.removeprefix("sqlite:///")
    other.close()
    done = _sync(sqlite_server, path, pwfile, "--station", host)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "--station" in done.stderr, done.stderr
