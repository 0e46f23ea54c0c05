"""A station not seen for --stale-days no longer holds the change log back (it
downloads again if it returns); a recently seen one still does."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys

from sqlalchemy import func, insert, select, update

from orderdesk.models import utcnow
from orderdesk.models.sync import ChangeLog, SyncStation
from orderdesk.sync.server import stations, store
from orderdesk.sync.server.deskserver import ServerDesk

from .conftest import RUN_CLI


def _server_db(template_db, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "server.db"
    shutil.copy(template_db, path)
    desk = ServerDesk(f"sqlite:///{path}")
    old = utcnow() - dt.timedelta(days=200)
    with desk.write() as s:
        for name in ("LIVE", "LAPTOP"):
            stations.register(s, name, "admin")
        s.execute(insert(ChangeLog), [dict(
            seq=n, change_id=f"c{n}", tx_id=f"t{n}", entity="orders", entity_id=f"o{n}",
            op="update", field="customer_po", new_value='"x"', result_value='"x"',
            origin="LIVE", at=old, received_at=old, outcome="applied") for n in range(1, 11)])
        s.execute(update(SyncStation).where(SyncStation.name == "LIVE")
                  .values(cursor=10, last_seen_at=utcnow()))
        # Synced once, long ago, then never again (a borrowed laptop).
        s.execute(update(SyncStation).where(SyncStation.name == "LAPTOP")
                  .values(cursor=3, last_seen_at=old, registered_at=old))
    return desk, f"sqlite:///{path}"


def test_a_station_gone_for_months_stops_holding_the_log(template_db, tmp_path):  # type: ignore[no-untyped-def]
    desk, url = _server_db(template_db, tmp_path)
    try:
        with desk.write() as s:
            held = store.prune(s, keep_days=0, dry_run=True)
            assert (held.lowest_cursor, held.cut) == (3, 3)
            stale = store.prune(s, keep_days=0, dry_run=True, stale_days=90)
            assert (stale.lowest_cursor, stale.cut, stale.stations) == (10, 10, 1)
            # A year of grace keeps the laptop's rows.
            assert store.prune(s, keep_days=0, dry_run=True, stale_days=365).cut == 3
    finally:
        desk.close()
    done = subprocess.run([sys.executable, "-c", RUN_CLI, "serve", "prune", "--db", url,
                           "--keep-days", "0"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "deleted 10 rows" in done.stdout
    desk = ServerDesk(url, migrate=False)
    try:
        with desk.read() as s:
            assert s.scalar(select(func.count()).select_from(ChangeLog)) == 0
            assert store.pruned_through(s) == 10
    finally:
        desk.close()
