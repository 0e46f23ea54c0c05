"""A generated year of a station database, written fast with bulk inserts.

126,000 orders over a year from every channel, about 300,000 lines, one channel number
each, the status history of orders that moved on, and the audit and outbox rows those
changes imply (the same shapes the tracking hook writes: an insert carries the whole
row, an update one field). Business rows are inserted straight into the tables (no ORM,
no hook), so a year takes seconds, not minutes. Used by the query-plan test (cached per
test session) and by benchmarks/bench_year.py. Not a test module.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from orderdesk.models import Base
from orderdesk.tracking import audit_hash

CHANNELS = (
    ("wechat", "WX", 0.26), ("phone", "TEL", 0.12), ("excel_email", "XLS", 0.18),
    ("old_web", "WEB", 0.14), ("douyin", "DY", 0.06), ("pinduoduo", "PDD", 0.05),
    ("taobao", "TB", 0.05), ("jd_pop", "JD", 0.05), ("1688", "ALI", 0.06), ("pos", "POS", 0.03),
)
YEAR_START = dt.datetime(2026, 1, 1, 8, 0)
OPEN_SHARE = 0.12  # orders still waiting for production at the year's end


def _uuid(rng: random.Random, ms: int) -> str:
    """A UUIDv7-shaped id for a time in ms (sorted like the app's ids)."""
    rand = rng.getrandbits(74)
    value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & ((1 << 62) - 1))
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _ms(when: dt.datetime) -> int:
    return int(when.replace(tzinfo=dt.timezone.utc).timestamp() * 1000)


def _t(when: dt.datetime) -> str:
    return when.isoformat(sep=" ")


class _Writer:
    """Rows per table in column order, defaults filled from the models, flushed in bulk.

    Values are given ready for SQLite (text times, 0/1 booleans)."""

    def __init__(self, conn: sqlite3.Connection, stamp: str) -> None:
        self.conn = conn
        self.stamp = stamp
        self.pending: dict[str, list[tuple]] = {}
        self.specs: dict[str, list[tuple[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def _spec(self, table: str) -> list[tuple[str, Any]]:
        spec = []
        for col in Base.metadata.tables[table].columns:
            default = None
            if col.default is not None and col.default.is_scalar:
                default = _sql(col.default.arg)
            elif col.default is not None and not col.nullable and col.name != "id":
                default = self.stamp  # created_at / updated_at style defaults
            spec.append((col.name, default))
        self.specs[table] = spec
        return spec

    def add(self, table: str, values: dict[str, Any]) -> None:
        spec = self.specs.get(table) or self._spec(table)
        get = values.get
        rows = self.pending.setdefault(table, [])
        rows.append(tuple([get(name, default) for name, default in spec]))
        if len(rows) >= 20_000:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self.pending):
            rows = self.pending.pop(name, [])
            if not rows:
                continue
            cols = [c for c, _d in self.specs[name]]
            sql = (f'INSERT INTO "{name}" ({", ".join(chr(34) + c + chr(34) for c in cols)}) '
                   f'VALUES ({", ".join("?" for _ in cols)})')
            self.conn.executemany(sql, rows)
            self.counts[name] = self.counts.get(name, 0) + len(rows)


def _sql(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False)


class _Trail:
    """Audit and outbox rows for each change, as the tracking hook writes them."""

    def __init__(self, writer: _Writer, rng: random.Random, pushed_until: dt.datetime) -> None:
        self.w = writer
        self.rng = rng
        self.prev: str | None = None
        self.pushed_until = _t(pushed_until)
        self.audit_id = 0

    def change(self, tx: str, when: dt.datetime, user: str, op: str, entity: str,
               entity_id: str, field: str | None, old: Any, new: Any) -> None:
        old_text = None if old is None else json.dumps(old, ensure_ascii=False)
        new_text = None if new is None else json.dumps(new, ensure_ascii=False)
        at = _t(when)
        self.audit_id += 1
        row = dict(
            id=self.audit_id, at=when, user=user, station="year", action=op, entity=entity,
            entity_id=entity_id, field=field, old_value=old_text, new_value=new_text,
            outcome="ok", tx_id=tx, prev_hash=self.prev)
        # The real chain hash, so verification and packing of the year see a sound trail.
        row["hash"] = digest = audit_hash(row)
        row["at"] = at
        self.w.add("audit_log", row)
        self.prev = digest
        pushed = at if at < self.pushed_until else None
        self.w.add("outbox", dict(
            change_id=_uuid(self.rng, _ms(when)), tx_id=tx, entity=entity,
            entity_id=entity_id, op=op, field=field, old_value=old_text, new_value=new_text,
            base_seq=None, user=user, station="year", at=at, pushed_at=pushed))


def build_year(path: Path, *, orders: int = 126_000, seed: int = 2026,
               customers: int = 3_000, finished: int = 600, components: int = 60,
               pushed_until: dt.datetime | None = None) -> dict[str, int]:
    """Create a migrated station database at `path` holding a generated year.

    Every change before `pushed_until` (default: all) counts as acknowledged by the
    server (its outbox row carries pushed_at). Returns the row count per table.
    """
    from orderdesk.desk import Desk

    Desk(path, station="year").close()  # the schema, migrated
    rng = random.Random(seed)
    end = YEAR_START + dt.timedelta(days=365)
    t0 = YEAR_START - dt.timedelta(days=30)
    t0s, t0ms = _t(t0), _ms(t0)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("BEGIN")
    w = _Writer(conn, t0s)
    trail = _Trail(w, rng, pushed_until or end + dt.timedelta(days=30))

    setup_tx = _uuid(rng, t0ms)
    cust_ids = []
    for i in range(customers):
        cid = _uuid(rng, t0ms)
        row = dict(id=cid, code=f"C{i:05d}", name=f"客户{i:05d}有限公司",
                   name_norm=f"客户{i:05d}", tier=rng.choice("AABBBC"), active=1,
                   created_at=t0s, updated_at=t0s)
        w.add("customers", row)
        trail.change(setup_tx, t0, "system", "insert", "customers", cid, None, None, row)
        cust_ids.append(cid)
    comp_ids: list[str] = []
    prod_ids: list[str] = []
    for i in range(components + finished):
        pid = _uuid(rng, t0ms)
        is_comp = i < components
        sku = f"RES-{i:04d}" if is_comp else f"FG-{i:05d}"
        row = dict(id=pid, sku=sku, sku_norm=sku.lower(),
                   name=("粒料 " if is_comp else "支架 ") + sku, unit="kg" if is_comp else "pcs",
                   product_line=None if is_comp else f"L{i % 8}", is_component=int(is_comp),
                   active=1, created_at=t0s, updated_at=t0s)
        w.add("products", row)
        trail.change(setup_tx, t0, "system", "insert", "products", pid, None, None, row)
        w.add("stock", dict(id=_uuid(rng, t0ms), product_id=pid,
                            on_hand=str(rng.randint(0, 5000)), allocated="0"))
        (comp_ids if is_comp else prod_ids).append(pid)
    for pid in prod_ids:
        for comp in rng.sample(comp_ids, 2):
            w.add("bom_lines", dict(id=_uuid(rng, t0ms), parent_id=pid, component_id=comp,
                                    qty_per=str(round(rng.uniform(0.01, 0.5), 3)),
                                    scrap_rate="0.02", active=1))

    names = [c[0] for c in CHANNELS]
    weights = [c[2] for c in CHANNELS]
    prefixes = {c[0]: c[1] for c in CHANNELS}
    users = ("sales1", "sales2", "sales3")
    span = (end - YEAR_START).total_seconds()
    line_counts = (1, 1, 2, 2, 3, 3, 4, 4, 3)
    for n in range(orders):
        when = YEAR_START + dt.timedelta(seconds=span * n / orders + rng.random() * 60)
        ws, wms = _t(when), _ms(when)
        channel = rng.choices(names, weights)[0]
        oid = _uuid(rng, wms)
        tx = _uuid(rng, wms)
        user = rng.choice(users)
        open_ = rng.random() < OPEN_SHARE or (end - when).days < 5
        due = (when + dt.timedelta(days=rng.randint(7, 40))).date().isoformat()
        header = dict(
            id=oid, order_no=f"SO-2026-01{n + 1:06d}", channel=channel,
            customer_id=rng.choice(cust_ids), customer_po=f"PO{rng.randint(10000, 99999)}",
            order_time=ws, requested_date=due, rush=int(rng.random() < 0.02),
            status_sales="confirmed", status_production="awaiting_schedule",
            status_warehouse="awaiting_stock", cancelled=int(rng.random() < 0.01),
            contact_name="王经理", contact_phone=f"138{rng.randint(10**7, 10**8 - 1)}",
            delivery_address="宁波市北仑区新碶街道 1 号", created_by=user, station="year",
            created_at=ws, updated_at=ws)
        trail.change(tx, when, user, "insert", "orders", oid, None, None, dict(header))
        ref = dict(id=_uuid(rng, wms), order_id=oid, channel=channel,
                   channel_order_no=f"{prefixes[channel]}{n + 1:08d}", active=1)
        trail.change(tx, when, user, "insert", "order_channel_refs", ref["id"], None, None, ref)
        w.add("order_channel_refs", ref)
        for line_no in range(1, rng.choice(line_counts) + 1):
            line = dict(id=_uuid(rng, wms), order_id=oid, line_no=line_no,
                        product_id=rng.choice(prod_ids), quantity=str(rng.randint(1, 50) * 100),
                        unit="pcs", unit_price=str(round(rng.uniform(0.2, 9.0), 2)),
                        due_date=None, cancelled=0)
            trail.change(tx, when, user, "insert", "order_lines", line["id"], None, None, line)
            w.add("order_lines", line)
        if not open_:
            # Production and the warehouse moved it on: their status history and audit.
            for dept, new, days in (("production", "finished", 3), ("warehouse", "shipped", 6)):
                at = when + dt.timedelta(days=days, hours=rng.random() * 8)
                etx = _uuid(rng, _ms(at))
                field = f"status_{dept}"
                old = header[field]
                header[field] = new
                who = "pmc1" if dept == "production" else "wh1"
                ev = dict(id=_uuid(rng, _ms(at)), order_id=oid, department=dept,
                          old_status=old, new_status=new, at=_t(at), user=who, station="year")
                w.add("status_events", ev)
                trail.change(etx, at, who, "update", "orders", oid, field, old, new)
                trail.change(etx, at, who, "insert", "status_events", ev["id"], None, None, ev)
            header["updated_at"] = _t(at)
        w.add("orders", header)
    w.flush()
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return dict(w.counts)
