"""The hot queries use their intended indexes on a database of a year's volume.

The statements are the ones the services really run (captured while calling them), and
each is checked with EXPLAIN QUERY PLAN twice: on a database that never gathered
statistics (how the O(n^2) export happened) and after the station gathered them. The
generic rule: no correlated subquery may scan a table (one full read per outer row).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from orderdesk import db
from orderdesk.desk import Desk
from orderdesk.models import Order
from orderdesk.pmc import service as kit_service
from orderdesk.services import board, export
from tests.year_volume import build_year

YEAR_ORDERS = 126_000


@pytest.fixture(scope="session")
def year_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated year (126,000 orders), built once per test session, no statistics.

    ORDERDESK_YEAR_DB may name one built before by tests/year_volume.py (in tmp): it is
    used instead (its statistics are cleared and gathered by the tests)."""
    prebuilt = os.environ.get("ORDERDESK_YEAR_DB")
    if prebuilt and Path(prebuilt).is_file():
        return Path(prebuilt)
    path = tmp_path_factory.mktemp("year") / "year.db"
    build_year(path, orders=YEAR_ORDERS)
    return path


def _without_statistics(path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
            conn.execute("DELETE FROM sqlite_stat1")
            conn.commit()
    finally:
        conn.close()


@pytest.fixture(params=["no_statistics", "analyzed"])
def year_desk(request: pytest.FixtureRequest, year_db: Path) -> Iterator[Desk]:
    if request.param == "no_statistics":
        _without_statistics(year_db)
        desk = Desk(year_db, station="plans", migrate=False)
    else:
        engine = db.make_engine(year_db)
        assert db.ensure_statistics(engine) or not db.statistics_stale(engine)
        engine.dispose()
        desk = Desk(year_db, station="plans", migrate=False)
    yield desk
    desk.close()


class Plans:
    """The SELECTs a call runs, each with its query plan as a tree of details."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.statements: list[tuple[str, Any]] = []

    def capture(self, call: Callable[[], Any]) -> list[tuple[str, list[tuple[int, int, str]]]]:
        self.statements.clear()

        def grab(conn, cursor, statement, params, context, executemany):  # type: ignore[no-untyped-def]
            if statement.lstrip().upper().startswith(("SELECT", "WITH")):
                self.statements.append((statement, params))

        event.listen(self.desk.engine, "before_cursor_execute", grab)
        try:
            result = call()
            if hasattr(result, "__next__"):
                for _ in zip(range(10), result):
                    pass
        finally:
            event.remove(self.desk.engine, "before_cursor_execute", grab)
        out = []
        with self.desk.engine.connect() as conn:
            for statement, params in self.statements:
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
                out.append((statement, [(r[0], r[1], r[3]) for r in rows]))
        return out


def _text(plan: list[tuple[int, int, str]]) -> str:
    return "\n".join(detail for _i, _p, detail in plan)


def _no_scan_in_correlated(plan: list[tuple[int, int, str]]) -> None:
    """No table is read whole once per outer row."""
    children: dict[int, list[tuple[int, str]]] = {}
    for node, parent, detail in plan:
        children.setdefault(parent, []).append((node, detail))

    def under(node: int) -> Iterator[str]:
        for child, detail in children.get(node, []):
            yield detail
            yield from under(child)

    for node, _parent, detail in plan:
        if detail.startswith("CORRELATED"):
            inner = list(under(node))
            scans = [d for d in inner if d.startswith("SCAN") and "CONSTANT ROW" not in d]
            assert not scans, f"{detail}: {scans}"


def _check_all(captured: list[tuple[str, list[tuple[int, int, str]]]]) -> None:
    assert captured, "no query captured"
    for _statement, plan in captured:
        _no_scan_in_correlated(plan)
        text = _text(plan)
        # The trail and the outbox are the biggest tables: never read whole by a hot query.
        assert "SCAN audit_log" not in text and "SCAN outbox" not in text, text


def _first(captured, needle: str):  # type: ignore[no-untyped-def]
    for statement, plan in captured:
        if needle in statement:
            return _text(plan)
    raise AssertionError(f"no statement with {needle!r}")


def test_board_pages(year_desk: Desk) -> None:
    plans = Plans(year_desk)
    captured = plans.capture(lambda: board.list_orders(year_desk, limit=100))
    _check_all(captured)
    summary = _first(captured, "sum(order_lines.quantity)")
    # The page's own lines, by the order index; never every line of the year.
    assert "SEARCH order_lines USING INDEX ix_order_lines_order_id (order_id=?)" in summary
    assert "SCAN order_lines" not in summary
    # Page 20 and a channel filter take the same shape.
    flt = board.OrderFilter(channel="wechat")
    _check_all(plans.capture(lambda: board.list_orders(year_desk, flt, limit=100, offset=2000)))


def test_order_trail(year_desk: Desk) -> None:
    with year_desk.read() as s:
        order_id = s.scalar(select(Order.id).where(Order.status_warehouse == "shipped")
                            .order_by(Order.order_time.desc()).limit(1))
    captured = Plans(year_desk).capture(lambda: board.order_detail(year_desk, order_id))
    _check_all(captured)
    trail = _first(captured, "FROM audit_log")
    assert "USING INDEX ix_audit_entity (entity=? AND entity_id=?)" in trail
    # Rows older than the hot window are packed: their blocks are found by key.
    packed = _first(captured, "FROM audit_archive ")
    assert "SEARCH audit_archive_keys USING PRIMARY KEY (key=?)" in packed, packed
    assert "SEARCH audit_archive USING INTEGER PRIMARY KEY (rowid=?)" in packed, packed
    detail = board.order_detail(year_desk, order_id)
    assert len(detail.trail) >= 4  # insert, ref, lines, two status moves: all found


def test_popup_lookup_by_any_number(year_desk: Desk) -> None:
    """The number typed or scanned into the order popup: master, channel or PO."""
    with year_desk.read() as s:
        order_no = s.scalar(select(Order.order_no).limit(1).offset(5000))
    plans = Plans(year_desk)
    for number in (order_no, "WX00005001", "PO12345"):
        captured = plans.capture(lambda n=number: board.find_order_id(year_desk, n))
        _check_all(captured)
        for _statement, plan in captured:
            text = _text(plan)
            assert "SCAN orders" not in text and "SCAN order_channel_refs" not in text, text
    assert board.find_order_id(year_desk, order_no) is not None


def test_export_of_the_year(year_desk: Desk) -> None:
    captured = Plans(year_desk).capture(lambda: export.order_rows(year_desk))
    _check_all(captured)
    text = _first(captured, "first_ref.channel_order_no")
    # The channel number: one index entry per order, whatever the statistics say.
    assert "USING COVERING INDEX ix_order_channel_refs_export (order_id=? AND channel=?)" in text
    assert "SCAN order_channel_refs" not in text
    # The lines come by the order index, or are read once with each order found by its
    # key (then sorted once); never a scan of one table per row of the other.
    lines = _first(captured, "order_lines.line_no")
    assert ("SEARCH order_lines USING INDEX ix_order_lines_order_id (order_id=?)" in lines
            or "SEARCH orders USING INDEX sqlite_autoindex_orders_1 (id=?)" in lines), lines


def test_kit_check_of_all_open_orders(year_desk: Desk) -> None:
    def load() -> Any:
        with year_desk.read() as s:
            return kit_service.load_input(s)

    captured = Plans(year_desk).capture(load)
    _check_all(captured)
    # The open orders come from the partial index of open orders alone (16,000 entries),
    # never from a scan of the year's 126,000 orders; for the heads and for the lines.
    heads = _first(captured, "LEFT OUTER JOIN customers")
    assert "USING COVERING INDEX ix_orders_kit_open" in heads, heads
    assert "SCAN orders" not in heads, heads
    lines = _first(captured, "FROM order_lines JOIN orders")
    assert "USING COVERING INDEX ix_orders_kit_open" in lines, lines
    assert "SCAN orders" not in lines, lines
    # Lines of open orders come by the order index, or the lines are read once with each
    # order found by its key; never a scan of orders per line.
    assert ("SEARCH order_lines USING INDEX ix_order_lines_order_id" in lines
            or "SEARCH orders USING INDEX sqlite_autoindex_orders_1 (id=?)" in lines), lines
    kit, _meta = load()
    assert len(kit.orders) > YEAR_ORDERS * 0.1  # the open orders of the year


def test_the_fixture_is_a_year(year_db: Path) -> None:
    conn = sqlite3.connect(year_db)
    try:
        count = lambda t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: E731
        assert count("orders") == YEAR_ORDERS
        assert 280_000 <= count("order_lines") <= 340_000
        assert count("audit_log") > 900_000 and count("outbox") > 900_000
        assert len({c for (c,) in conn.execute("SELECT DISTINCT channel FROM orders")}) == 10
    finally:
        conn.close()
