"""The append-only event log of the order flow, derived from the rows that already
record it, so history counts from the first order ever entered.

Sources and what each gives:
- orders: `received` (the order's own order_time: when the customer submitted it);
- status_events: `confirmed` (sales confirmed/contracted), `released` (handed to
  production: sales reaches awaiting_schedule or production moves on), `shipped`
  (warehouse), `status` (any other department step);
- audit_log: `corrected` (a business field of an order or line changed, which field and
  by whom) and `cancelled`;
- rush_cases / rush_steps: `rush_requested`, `rush_confirmed` (PMC confirmed it can be
  scheduled), `rush_withdrawn`;
- exception_reports: `exception_raised`, `exception_closed`;
- shipment_lines / invoices (the finance tables, when this database has them): `shipped`
  per line with its quantity, `invoiced`.

Append-only sources are read past a rowid mark; the few rows that change later (rush
steps, exception closures) are re-read whole and inserted once by their source key.
The log is local (each station derives it from the synced sources): SQLite, as the
stations are; the server never computes KPIs.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from orderdesk.desk import Desk
from orderdesk.services.orders import EDITABLE_FIELDS, LINE_FIELDS

#: Fields whose change after confirmation makes an order "corrected" (not first-pass).
ORDER_FIELDS = tuple(sorted(EDITABLE_FIELDS - {"rush", "rush_reason"}))
ORDER_LINE_FIELDS = tuple(sorted(LINE_FIELDS))

_INSERT = ("INSERT OR IGNORE INTO insight_events "
           "(source_key, order_id, kind, at, user, department, detail, ref) ")

# The department of a person: their first business role, the way the trail shows it.
_DEPT_OF = ("(SELECT MIN(ur.role) FROM user_roles ur JOIN users u ON u.id = ur.user_id "
            "WHERE u.username = {col})")


def _quoted(names: tuple[str, ...]) -> str:
    return ", ".join(f"'{n}'" for n in names)


#: Append-only sources read past their rowid mark: (mark name, table, SELECT ... WHERE).
_MARKED: tuple[tuple[str, str, str], ...] = (
    ("orders", "orders",
     "SELECT 'o:' || o.id, o.id, 'received', o.order_time, o.created_by, 'sales', "
     "o.channel, NULL FROM orders o WHERE o.rowid > :mark"),
    ("status_events", "status_events",
     "SELECT 'se:' || e.id, e.order_id, "
     "CASE WHEN e.department = 'warehouse' AND e.new_status = 'shipped' THEN 'shipped' "
     "WHEN (e.department = 'sales' AND e.new_status = 'awaiting_schedule') "
     "  OR (e.department = 'production' AND e.new_status <> 'awaiting_schedule') "
     "  THEN 'released' "
     "WHEN e.department = 'sales' AND e.new_status IN ('confirmed', 'contracted') "
     "  THEN 'confirmed' ELSE 'status' END, "
     "e.at, e.user, e.department, e.department || ':' || e.new_status, NULL "
     "FROM status_events e WHERE e.rowid > :mark"),
    ("audit_log", "audit_log",
     "SELECT 'a:' || a.id, "
     "CASE WHEN a.entity = 'orders' THEN a.entity_id "
     "  ELSE (SELECT l.order_id FROM order_lines l WHERE l.id = a.entity_id) END, "
     "CASE WHEN a.field = 'cancelled' THEN 'cancelled' ELSE 'corrected' END, "
     f"a.at, a.user, {_DEPT_OF.format(col='a.user')}, a.entity || '.' || a.field, NULL "
     "FROM audit_log a WHERE a.id > :mark AND a.action = 'update' AND a.outcome = 'ok' "
     f"AND ((a.entity = 'orders' AND a.field IN ({_quoted(ORDER_FIELDS)})) "
     f"  OR (a.entity = 'order_lines' AND a.field IN ({_quoted(ORDER_LINE_FIELDS)})) "
     "  OR (a.entity = 'orders' AND a.field = 'cancelled' AND a.new_value = 'true'))"),
    ("rush_cases", "rush_cases",
     "SELECT 'rc:' || c.id, c.order_id, 'rush_requested', c.requested_at, c.requested_by, "
     f"COALESCE({_DEPT_OF.format(col='c.requested_by')}, 'sales'), c.source, c.id "
     "FROM rush_cases c WHERE c.rowid > :mark"),
)

#: Sources whose rows gain their event later: re-read whole, inserted once by key.
_REREAD: tuple[str, ...] = (
    "SELECT 'rs:' || st.id, st.order_id, 'rush_confirmed', st.done_at, st.done_by, 'pmc', "
    "st.step, st.case_id FROM rush_steps st WHERE st.step = 'pmc' AND st.done_at IS NOT NULL",
    "SELECT 'rw:' || c.id, c.order_id, 'rush_withdrawn', c.closed_at, NULL, 'sales', "
    "c.withdrawn_reason, c.id FROM rush_cases c "
    "WHERE c.active = 0 AND c.closed_at IS NOT NULL AND c.withdrawn_reason IS NOT NULL",
    "SELECT 'xr:' || x.id, x.order_id, 'exception_raised', x.raised_at, x.raised_by, "
    "x.department, x.kind, x.id FROM exception_reports x",
    "SELECT 'xc:' || x.id, x.order_id, 'exception_closed', x.closed_at, x.closed_by, "
    f"{_DEPT_OF.format(col='x.closed_by')}, x.kind, x.id FROM exception_reports x "
    "WHERE x.status = 'closed' AND x.closed_at IS NOT NULL",
)

#: Finance tables (orderdesk.finance), read only when this database has them with the
#: columns used here: (mark, table read past its mark, needed columns per table, SELECT).
_OPTIONAL: tuple[tuple[str, str, dict[str, set[str]], str], ...] = (
    ("shipment_lines", "shipment_lines",
     {"shipment_lines": {"order_id", "order_line_id", "shipment_id", "quantity"},
      "shipments": {"id", "ship_date", "created_at", "status", "shipped_by"}},
     # One event per shipped line (ref = the order line, detail = the quantity), at the
     # time it was recorded when that is on the ship date, else at the ship date.
     "SELECT 'sl:' || sl.id, sl.order_id, 'shipped', "
     "CASE WHEN date(sh.created_at) = sh.ship_date THEN sh.created_at "
     "ELSE sh.ship_date || ' 00:00:00.000000' END, sh.shipped_by, 'warehouse', "
     "'qty:' || sl.quantity, sl.order_line_id "
     "FROM shipment_lines sl JOIN shipments sh ON sh.id = sl.shipment_id "
     "WHERE sl.rowid > :mark AND sl.rowid <= :top AND sh.status <> 'cancelled'"),
    ("invoices", "invoices",
     {"invoices": {"id", "shipment_id", "issued_at", "issued_by", "invoice_no"},
      "shipment_lines": {"order_id", "shipment_id"}},
     "SELECT 'iv:' || i.id || ':' || sl.order_id, sl.order_id, 'invoiced', i.issued_at, "
     "i.issued_by, 'finance', i.invoice_no, i.id "
     "FROM invoices i JOIN shipment_lines sl ON sl.shipment_id = i.shipment_id "
     "WHERE i.rowid > :mark AND i.rowid <= :top GROUP BY i.id, sl.order_id"),
)


def _table_columns(session: Session, table: str) -> set[str]:
    rows = session.execute(text(f"PRAGMA table_info('{table}')")).all()
    return {r[1] for r in rows}


def _mark(session: Session, source: str) -> int:
    value = session.execute(text("SELECT last_rowid FROM insight_event_marks WHERE source = :s"),
                            {"s": source}).scalar()
    return int(value or 0)


def _set_mark(session: Session, source: str, value: int) -> None:
    session.execute(text("INSERT INTO insight_event_marks (source, last_rowid) VALUES (:s, :v) "
                         "ON CONFLICT(source) DO UPDATE SET last_rowid = excluded.last_rowid"),
                    {"s": source, "v": value})


def _catch_up_packed_audit(session: Session) -> None:
    """Events from audit rows past the mark that the station packed into blocks
    (orderdesk/audit_store.py) before the log read them, e.g. on a station whose KPI
    pages are opened for the first time after months. The rows go through a temporary
    table so the very same SELECT decides which of them are events."""
    from orderdesk import audit_store
    from orderdesk.models import AuditArchiveBlock

    mark = _mark(session, "audit_log")
    first_hot = session.execute(text("SELECT MIN(id) FROM audit_log")).scalar()
    query = select(AuditArchiveBlock).where(AuditArchiveBlock.last_id > mark)
    if first_hot is not None:
        query = query.where(AuditArchiveBlock.first_id < first_hot)
    blocks = list(session.scalars(query.order_by(AuditArchiveBlock.id)))
    if not blocks:
        return
    session.execute(text("CREATE TEMP TABLE IF NOT EXISTS packed_audit (id INTEGER PRIMARY "
                         "KEY, at DATETIME, user TEXT, action TEXT, entity TEXT, "
                         "entity_id TEXT, field TEXT, new_value TEXT, outcome TEXT)"))
    session.execute(text("DELETE FROM temp.packed_audit"))
    for block in blocks:
        rows = [r for r in audit_store.decode_block(block, with_hashes=False)
                if r.id > mark and r.action == "update" and r.outcome == "ok"
                and r.entity in ("orders", "order_lines")]
        if rows:
            session.execute(text(
                "INSERT INTO temp.packed_audit VALUES (:id, :at, :user, :action, :entity, "
                ":entity_id, :field, :new_value, :outcome)"),
                [{"id": r.id, "at": r.at.strftime("%Y-%m-%d %H:%M:%S.%f"), "user": r.user,
                  "action": r.action, "entity": r.entity, "entity_id": r.entity_id,
                  "field": r.field, "new_value": r.new_value, "outcome": r.outcome}
                 for r in rows])
    audit_sql = next(sql for source, _t, sql in _MARKED if source == "audit_log")
    session.execute(text(_INSERT + audit_sql.replace("FROM audit_log a",
                                                     "FROM temp.packed_audit a")),
                    {"mark": mark})
    session.execute(text("DROP TABLE temp.packed_audit"))
    _set_mark(session, "audit_log", max(mark, blocks[-1].last_id))


def refresh_log(session: Session) -> int:
    """Bring the event log up to date inside an open write session; returns the number of
    events added. Safe to call any time: a source row is taken once."""
    before = session.execute(text("SELECT COALESCE(MAX(id), 0) FROM insight_events")).scalar()
    _catch_up_packed_audit(session)
    for source, table, select_sql in _MARKED:
        mark = _mark(session, source)
        top = session.execute(text(f"SELECT COALESCE(MAX(rowid), 0) FROM {table}")).scalar()
        if top and top > mark:
            # Read up to `top` only, so a row committed meanwhile is not skipped.
            session.execute(text(_INSERT + select_sql + f" AND {table_alias(select_sql)}.rowid "
                                 "<= :top"), {"mark": mark, "top": top})
            _set_mark(session, source, int(top))
    for select_sql in _REREAD:
        session.execute(text(_INSERT + select_sql))
    for source, table, needed, select_sql in _OPTIONAL:
        if any(not cols <= _table_columns(session, t) for t, cols in needed.items()):
            continue  # not in this database (or not as expected): no events from it
        mark = _mark(session, source)
        top = session.execute(text(f"SELECT COALESCE(MAX(rowid), 0) FROM {table}")).scalar()
        if top and top > mark:
            session.execute(text(_INSERT + select_sql), {"mark": mark, "top": top})
            _set_mark(session, source, int(top))
    after = session.execute(text("SELECT COALESCE(MAX(id), 0) FROM insight_events")).scalar()
    from orderdesk.insight.cases import refresh_cases

    refresh_cases(session, mark=lambda name: _mark(session, name),
                  set_mark=lambda name, value: _set_mark(session, name, value))
    return int(after or 0) - int(before or 0)


def table_alias(select_sql: str) -> str:
    """The alias of the one table a marked SELECT reads (the word after its FROM)."""
    tail = select_sql.rsplit(" FROM ", 1)[1].split()
    return tail[1]


#: One refresh at a time in this process: the overview, a dialog and the sales form's
#: warning may all ask at once from reader threads; the second then finds little to do.
_REFRESH_LOCK = threading.Lock()


def refresh(desk: Desk) -> int:
    """Bring the log up to date in its own transaction (no audit: it is derived data).
    Runs on a worker thread; serialised within the process."""
    with _REFRESH_LOCK, desk.write() as s:
        return refresh_log(s)


@dataclass(frozen=True)
class TrailEvent:
    at: dt.datetime
    kind: str
    user: str | None
    department: str | None
    detail: str | None
    ref: str | None
    #: True for the two events bounding the interval a KPI measured on this order.
    bound: bool = False


def _parse(value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def order_trail(desk: Desk, order_id: str, *, bounds: tuple[int, int] | None = None
                ) -> tuple[TrailEvent, ...]:
    """Every event of one order in time order; `bounds` are the two event ids a KPI
    measured between (see kpi.bounding_events), flagged `bound`."""
    with desk.read() as s:
        rows = s.execute(text(
            "SELECT id, at, kind, user, department, detail, ref FROM insight_events "
            "WHERE order_id = :o ORDER BY at, id"), {"o": order_id}).all()
    marked = set(bounds or ())
    return tuple(TrailEvent(at=_parse(r.at), kind=r.kind, user=r.user, department=r.department,
                            detail=r.detail, ref=r.ref, bound=r.id in marked) for r in rows)
