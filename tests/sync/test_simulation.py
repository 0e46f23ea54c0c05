"""Randomized simulation (seeded): 5 stations in this process plus one station in a
subprocess that is SIGKILLed in the middle of a push, against a real server process.

>= 2,000 random operations (create orders; edit the same hot fields and different fields;
status moves; merges; batch bindings; stock movements), random network cuts, a server
restart. After a final sync: every station equals the server, every operation is applied
or visible as a recorded conflict, the audit trail accounts for each, the server's hash
chain verifies. The counts are printed (pytest -s to see them).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from orderdesk.desk import Desk
from orderdesk.ids import uuid7
from orderdesk.models import AuditLog, Base, Batch, BatchBinding, Order, OrderLine, Outbox, StockItem
from orderdesk.models.sync import ChangeLog, SyncConflict
from orderdesk.services import catalog, orders
from orderdesk.sync import codec
from orderdesk.sync.client import Credentials, SyncClient, SyncError, sync_once

from .conftest import PASSWORD, RUN_CLI

OPS = int(os.environ.get("ORDERDESK_SIM_OPS", "2000"))
SEED = int(os.environ.get("ORDERDESK_SIM_SEED", "20261125"))
STATIONS = 5
# password_hash: issue 13, stations hold "!" instead of the server's hash.
SKIP_COLUMNS = {"updated_at", "password_hash"} | {f for _e, f in codec.LOCAL_ONLY}
SKUS = ["BRK-1001", "HSG-2002", "CLP-3003", "PIN-4004"]


def _setup_catalog(desk: Desk) -> None:
    with desk.write() as s:
        for i in range(4):
            catalog.upsert_customer(s, f"C00{i + 1}", f"客户{i + 1}有限公司", tier="ABC"[i % 3])
        for sku in SKUS:
            product = catalog.upsert_product(s, sku, f"产品 {sku}")
            s.flush()
            s.add(StockItem(product_id=product.id, on_hand=Decimal(1000)))


def _draft(rng: random.Random) -> orders.OrderDraft:
    return orders.OrderDraft(
        channel=rng.choice(["phone", "wechat", "excel", "douyin"]),
        customer_code=f"C00{rng.randint(1, 4)}",
        lines=[orders.LineDraft(rng.choice(SKUS), rng.randint(1, 500))
               for _ in range(rng.randint(1, 3))])


def _snapshot(desk: Desk) -> dict[str, set[tuple]]:
    """Every synchronised table's rows as comparable tuples."""
    tables = [t for t in Base.metadata.sorted_tables
              if not t.name.startswith("sync_")
              and getattr(_model(t.name), "__tracked__", False)]
    out: dict[str, set[tuple]] = {}
    with desk.engine.connect() as conn:
        for table in tables:
            cols = [c for c in table.columns if c.name not in SKIP_COLUMNS]
            out[table.name] = {tuple(codec.encode_text(v) for v in row)
                               for row in conn.execute(select(*cols))}
    return out


def _model(name: str):  # type: ignore[no-untyped-def]
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == name:
            return mapper.class_
    return None


class Sim:
    def __init__(self, server, desks: list[Desk], rng: random.Random) -> None:  # type: ignore[no-untyped-def]
        self.server = server
        self.desks = desks
        self.rng = rng
        self.clients = [SyncClient(server.url, Credentials("sup", PASSWORD), station=d.station)
                        for d in desks]
        self.cut = [False] * len(desks)
        self.ops: Counter[str] = Counter()
        self.sync_failures = 0
        self.syncs = 0
        self.hot: list[str] = []

    def sync(self, i: int) -> None:
        if self.cut[i]:
            return
        try:
            sync_once(self.desks[i], client=self.clients[i])
            self.syncs += 1
        except SyncError:
            self.sync_failures += 1

    def _orders(self, desk: Desk) -> list[str]:
        with desk.read() as s:
            return list(s.scalars(select(Order.id)))

    def _line(self, desk: Desk, order_id: str) -> str | None:
        with desk.read() as s:
            return s.scalar(select(OrderLine.id).where(OrderLine.order_id == order_id).limit(1))

    def step(self) -> None:
        rng = self.rng
        i = rng.randrange(len(self.desks))
        desk = self.desks[i]
        roll = rng.random()
        if roll < 0.04:
            self.cut[i] = not self.cut[i]
            self.ops["network_toggle"] += 1
            return
        if roll < 0.10:
            self.sync(i)
            self.ops["sync"] += 1
            return
        known = self._orders(desk)
        kind = rng.choices(["create", "edit_same", "edit_other", "status", "merge", "bind",
                            "stock"], weights=[18, 22, 18, 14, 5, 8, 8])[0]
        if kind == "create" or not known:
            orders.create_order(desk, _draft(rng))
            self.ops["create"] += 1
        elif kind == "edit_same":
            target = rng.choice(self.hot)
            if rng.random() < 0.5:
                orders.update_order(desk, target, customer_po=f"PO-{desk.station}-{rng.randint(1, 99)}")
            else:
                line = self._line(desk, target)
                orders.update_line(desk, line, quantity=rng.randint(1, 900))
            self.ops["edit_same_field"] += 1
        elif kind == "edit_other":
            target = rng.choice(known)
            field = rng.choice(["contact_name", "delivery_address", "requested_date", "rush"])
            value = {"contact_name": f"联系人{rng.randint(1, 50)}",
                     "delivery_address": f"{desk.station} 路 {rng.randint(1, 999)} 号",
                     "requested_date": dt.date(2026, 12, 1) + dt.timedelta(days=rng.randint(0, 60)),
                     "rush": rng.random() < 0.3}[field]
            orders.update_order(desk, target, **{field: value})
            self.ops["edit_other_field"] += 1
        elif kind == "status":
            dept = rng.choice(["production", "warehouse"])
            from orderdesk import statuses

            orders.set_status(desk, rng.choice(self.hot + known[:20]), dept,
                              rng.choice(statuses.FLOW[dept]))
            self.ops["status"] += 1
        elif kind == "merge":
            if len(known) < 2:
                return
            dup, into = rng.sample(known, 2)
            with desk.write() as s:
                order = s.get(Order, dup)
                if order.merged_into_id is None and s.get(Order, into).merged_into_id is None:
                    order.merged_into_id = into
            self.ops["merge"] += 1
        elif kind == "bind":
            target = rng.choice(known)
            line_id = self._line(desk, target)
            with desk.write() as s:
                line = s.get(OrderLine, line_id)
                batch = Batch(code=f"B{uuid7()[-12:]}", product_id=line.product_id,
                              quantity=Decimal(rng.randint(10, 100)), lot=f"L{rng.randint(1, 9)}")
                s.add(batch)
                s.flush()
                s.add(BatchBinding(batch_id=batch.id, order_line_id=line.id, order_id=target,
                                   quantity=batch.quantity, bound_by="wh", station=desk.station))
            self.ops["bind"] += 1
        elif kind == "stock":
            with desk.write() as s:
                item = rng.choice(list(s.scalars(select(StockItem))))
                item.on_hand = item.on_hand + rng.randint(-50, 50)
            self.ops["stock"] += 1
        self.ops["operations"] += 1


def _kill_mid_push(server, path: Path, pwfile: Path, logs: Path) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Run `orderdesk sync` as a subprocess and SIGKILL it once the server holds part of
    its outbox and the station still waits for the rest."""
    cmd = [sys.executable, "-c", RUN_CLI, "sync", "--db", str(path), "--server", server.url,
           "--user", "sup", "--password-file", str(pwfile), "--station", "P", "--batch", "25"]
    desk = Desk(path, station="P", migrate=False)
    try:
        with desk.read() as s:
            total = s.scalar(select(__import__("sqlalchemy").func.count()).select_from(Outbox)
                             .where(Outbox.pushed_at.is_(None)))
        proc = subprocess.Popen(cmd, stdout=open(logs / "p-sync.log", "wb"),
                                stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        acked = 0
        while time.monotonic() < deadline and proc.poll() is None:
            with desk.read() as s:
                acked = s.scalar(select(__import__("sqlalchemy").func.count()).select_from(Outbox)
                                 .where(Outbox.pushed_at.is_not(None)))
            if acked >= total // 4:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the station finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        with desk.read() as s:
            acked = s.scalar(select(__import__("sqlalchemy").func.count()).select_from(Outbox)
                             .where(Outbox.pushed_at.is_not(None)))
        return {"outbox": total, "acknowledged_before_kill": acked}
    finally:
        desk.close()


@pytest.mark.timeout(900)  # a few minutes on a busy 2-core machine
def test_randomized_stations_converge_and_account_for_every_change(server, make_station, tmp_path):
    rng = random.Random(SEED)
    desks = [make_station(f"S{i}") for i in range(STATIONS)]
    sim = Sim(server, desks, rng)
    _setup_catalog(desks[0])
    for _ in range(6):
        orders.create_order(desks[0], _draft(rng))
    sim.sync(0)
    for i in range(1, STATIONS):
        sim.sync(i)
    sim.hot = sim._orders(desks[0])[:6]

    # The station that will be killed: catalogue pulled, then 120 orders made offline.
    p = make_station("P")
    p_client = SyncClient(server.url, Credentials("sup", PASSWORD), station="P")
    sync_once(p, client=p_client)
    for _ in range(120):
        orders.create_order(p, _draft(rng))
    p_path = Path(p.url.removeprefix("sqlite:///"))
    p.close()
    pwfile = tmp_path / "pw"
    pwfile.write_text(PASSWORD)

    kill = None
    restarted = False
    steps = 0
    while sim.ops["operations"] < OPS:  # business operations; syncs and cuts come on top
        sim.step()
        steps += 1
        n = sim.ops["operations"]
        if n >= OPS // 3 and kill is None:
            kill = _kill_mid_push(server, p_path, pwfile, tmp_path)
        if n >= OPS // 2 and not restarted:
            server.stop()
            sim.step()  # a few operations while the server is down
            sim.step()
            server.start()
            restarted = True

    # Heal: everyone back online, the killed station restarts its sync, settle.
    sim.cut = [False] * STATIONS
    p = Desk(p_path, station="P")
    p_report = sync_once(p, client=p_client)
    for _round in range(3):
        for i in range(STATIONS):
            sim.sync(i)
        sync_once(p, client=p_client)
    all_desks = desks + [p]

    from orderdesk.sync.server.deskserver import ServerDesk

    srv = ServerDesk(server.db_url, migrate=False)
    try:
        # 1. Every station equals the server.
        truth = _snapshot(srv)
        for desk in all_desks:
            mine = _snapshot(desk)
            for table, rows in truth.items():
                assert mine[table] == rows, (desk.station, table,
                                             len(mine[table] ^ rows))
        # 2. Every operation applied or visible as a conflict; nothing applied twice.
        with srv.read() as s:
            log = {r.change_id: r for r in s.scalars(select(ChangeLog))}
            conflicts = list(s.scalars(select(SyncConflict)))
            audit_keys = Counter((a.tx_id, a.entity, a.entity_id, a.field)
                                 for a in s.scalars(select(AuditLog)
                                                    .where(AuditLog.action.in_(
                                                        ["insert", "update", "delete"]))))
        conflict_ids = {c.id for c in conflicts}
        outcomes: Counter[str] = Counter()
        pushed = 0
        for desk in all_desks:
            with desk.read() as s:
                rows = list(s.scalars(select(Outbox)))
            assert all(r.pushed_at is not None for r in rows), desk.station
            for row in rows:
                if (row.entity, row.field) in codec.LOCAL_ONLY:
                    continue
                pushed += 1
                entry = log.get(row.change_id)
                assert entry is not None, (desk.station, row.change_id)
                outcomes[entry.outcome] += 1
                if entry.outcome in ("conflict", "held", "rejected"):
                    assert entry.conflict_id in conflict_ids, entry.change_id
                else:
                    assert entry.outcome == "applied"
                # 3. The server's audit trail has a row for each change.
                assert audit_keys[(row.tx_id, row.entity, row.entity_id, row.field)] >= 1
        assert outcomes["rejected"] == 0
        # Same-field edits made apart did collide, and both values are kept.
        by_kind = Counter(c.kind for c in conflicts)
        assert by_kind["concurrent_edit"] > 0
        for c in conflicts:
            if c.kind == "concurrent_edit":
                assert c.kept_value is not None and c.other_value is not None
        # 4. Conflicts are at every station too.
        for desk in all_desks:
            with desk.read() as s:
                assert {c.id for c in s.scalars(select(SyncConflict))} == conflict_ids
        # 5. The server's audit hash chain verifies.
        from orderdesk.services.audit import verify_chain

        chain = verify_chain(srv)
        assert chain.ok, chain
    finally:
        srv.close()
        p.close()
    print(f"\nsimulation seed {SEED}: {sim.ops['operations']} operations "
          f"({', '.join(f'{k} {v}' for k, v in sorted(sim.ops.items()) if k != 'operations')}); "
          f"{sim.syncs} sync rounds, {sim.sync_failures} failed while cut/restarting; "
          f"killed station: {kill}, its resumed push: {p_report.pushed} sent, "
          f"{p_report.duplicates} already applied before the kill; "
          f"server log: {len(log)} changes, outcomes {dict(outcomes)}; conflicts "
          f"{dict(by_kind)}; audit chain {chain.checked} rows ok")
    assert sim.ops["operations"] >= OPS
    assert kill is not None and 0 < kill["acknowledged_before_kill"] < kill["outbox"]
