"""The server's audit anchor holds across a station packing its trail (issue 12): the
anchored row may now sit in a packed block, and a block rewritten after packing is caught
at the next sync like an edited table row."""

from __future__ import annotations

import datetime as dt
import json
import zlib

from sqlalchemy import select, text

from orderdesk import audit_store
from orderdesk.desk import Desk
from orderdesk.models import AuditArchiveBlock, utcnow
from orderdesk.models.security import AuditAnchor
from orderdesk.services import catalog

from .conftest import station_client

LATER = dt.timedelta(days=audit_store.HOT_DAYS + 1)


def _anchored(server) -> int:  # type: ignore[no-untyped-def]
    check = Desk(server.db_url, migrate=False, station="check")
    try:
        with check.read() as s:
            return s.get(AuditAnchor, "PACKER").last_id
    finally:
        check.close()


def _write_and_pack(station, tag: str) -> None:  # type: ignore[no-untyped-def]
    with station.write() as s:
        for i in range(5):
            catalog.upsert_customer(s, f"{tag}{i:03d}", f"打包客户{tag}{i}", tier="B")
    # One row per block: the anchored row is a block's last row, the case where a
    # stored hash could stand in for the content.
    report = audit_store.pack(station, now=utcnow() + LATER, block_rows=1)
    assert report.refused is None and report.rows > 0


def test_the_anchor_holds_across_packing_and_catches_a_rewritten_block(sqlite_server,
                                                                       make_station):
    from orderdesk.sync import identity_client
    from orderdesk.sync.client import sync_once

    station = make_station("PACKER")
    client = station_client(sqlite_server, station, ["sales1"])
    with station.write() as s:
        catalog.upsert_customer(s, "P000", "锚定客户", tier="B")
    sync_once(station, client=client)
    first = _anchored(sqlite_server)

    _write_and_pack(station, "A")
    with station.read() as s:
        assert s.scalar(select(AuditArchiveBlock.id).where(
            AuditArchiveBlock.first_id == first)) is not None  # the anchored row is packed
    assert identity_client.anchor_trail(station, client) == "anchored"
    second = _anchored(sqlite_server)
    assert second > first

    _write_and_pack(station, "B")
    with station.read() as s:
        block = s.scalars(select(AuditArchiveBlock)
                          .where(AuditArchiveBlock.first_id == second)).one()
        rows = json.loads(zlib.decompress(block.payload))
    rows[0][9] = json.dumps({"note": "改写"}, ensure_ascii=False)
    with station.engine.begin() as conn:
        conn.execute(text("UPDATE audit_archive SET payload = :p WHERE id = :id"),
                     {"p": zlib.compress(json.dumps(rows, ensure_ascii=False).encode()),
                      "id": block.id})
    assert identity_client.anchor_trail(station, client) == "mismatch"
    assert _anchored(sqlite_server) == second  # the evidence stays
