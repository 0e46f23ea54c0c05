"""Importing order sheets: preview a file, then import its good rows in one transaction.

`preview_file` reads a file, finds the header and maps the columns, parses every row
and says what is wrong where (row, column, value, reason) without writing anything.
`run_import` does the same for one or more files and writes the good orders, their
channel numbers and an intake-file record in ONE transaction: it either all lands or
nothing does. Importing the same file, or the same channel order number, again creates
no second order. Rows are lines; rows sharing an order number form one order, and an
order with any bad line is rejected whole (never a half order).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, tuple_, update
from sqlalchemy.orm import Session

from orderdesk import statuses
from orderdesk.changes import Changes
from orderdesk.desk import Desk
from orderdesk.errors import OrderdeskError
from orderdesk.gc_pause import gc_paused
from orderdesk.intake import memory
from orderdesk.intake.columns import ORDER_FIELDS, ColumnMapping, find_header
from orderdesk.intake.errors import ImportAborted, IntakeError, LowConfidenceMapping
from orderdesk.intake.matching import Catalog, CustomerInfo
from orderdesk.intake.readers import SheetData, read_sheets
from orderdesk.intake.values import (
    cell_text,
    has_text,
    is_blank_row,
    is_note_row,
    is_total_row,
    parse_bool,
    parse_datetime,
    parse_phone,
    parse_price,
    parse_quantity,
    parse_sku,
)
from orderdesk.large_writes import large_write
from orderdesk.models import (
    Customer,
    NumberSequence,
    Order,
    OrderChannelRef,
    OrderLine,
    StatusEvent,
    utcnow,
)
from orderdesk.models.intake import IntakeFile
from orderdesk.normalize import name_norm, phone_norm

DEFAULT_CHANNEL = "excel"
_MISSING = object()
CREATE = "__create__"   # customer choice: create the proposed customer
FLUSH_EVERY = 2000


@dataclass(frozen=True)
class RowProblem:
    row: int            # row number as Excel shows it (1-based)
    column: str         # header text of the column, '' for whole-row problems
    field: str
    value: str
    reason: str


@dataclass(frozen=True)
class ParsedLine:
    row: int
    cells: tuple[object, ...]        # the row's cells as read, for the preview and rejects
    order_key: str
    channel: str
    channel_order_no: str | None
    customer_po: str | None
    customer_key: str | None         # how the row names its customer (for proposals)
    customer_id: str | None
    customer_name: str | None
    customer_phone: str | None
    sku: str | None
    product_id: str | None
    quantity: Decimal | None
    unit: str | None
    unit_price: Decimal | None
    requested_date: dt.date | None
    order_time: dt.datetime | None
    address: str | None
    contact_name: str | None
    urgent: bool
    note: str | None
    problems: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class CustomerProposal:
    """An unknown customer found in a file: create it, or pick an existing one."""

    key: str
    name: str
    phone: str | None
    code: str | None
    rows: tuple[int, ...]
    candidates: tuple[CustomerInfo, ...]


@dataclass(frozen=True)
class FilePreview:
    path: str
    sha256: str
    channel: str
    mapping: ColumnMapping | None
    lines: tuple[ParsedLine, ...]
    proposals: tuple[CustomerProposal, ...]
    already_imported: bool = False
    error: OrderdeskError | None = None   # the file could not be read at all

    @property
    def problems(self) -> list[RowProblem]:
        return [p for line in self.lines for p in line.problems]

    @property
    def good_lines(self) -> list[ParsedLine]:
        return [line for line in self.lines if line.ok]


@dataclass(frozen=True)
class RejectedRow:
    path: str
    row: int
    cells: tuple[object, ...]
    headers: tuple[str, ...]
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class FileReport:
    path: str
    status: str          # imported | already_imported | unreadable | nothing_to_import
    orders_created: int = 0
    lines_created: int = 0
    skipped_existing: int = 0
    flagged: int = 0
    rejected: int = 0
    error: OrderdeskError | None = None


@dataclass(frozen=True)
class ImportReport:
    files: tuple[FileReport, ...]
    order_ids: tuple[str, ...]
    rejected: tuple[RejectedRow, ...]
    customers_created: tuple[str, ...]
    dry_run: bool
    changes: Changes = field(default_factory=Changes)

    @property
    def imported(self) -> int:
        return sum(f.orders_created for f in self.files)

    @property
    def skipped_existing(self) -> int:
        return sum(f.skipped_existing for f in self.files)

    @property
    def flagged(self) -> int:
        return sum(f.flagged for f in self.files)

    @property
    def rejected_rows(self) -> int:
        return sum(f.rejected for f in self.files)

    @property
    def anything_read(self) -> bool:
        return any(f.status not in ("unreadable",) for f in self.files)

    def as_dict(self) -> dict[str, object]:
        from orderdesk.intake.errors import describe_error as describe
        from orderdesk.intake.errors import reason_text

        return {
            "dry_run": self.dry_run,
            "imported": self.imported,
            "skipped_existing": self.skipped_existing,
            "flagged_duplicates": self.flagged,
            "rejected": self.rejected_rows,
            "customers_created": list(self.customers_created),
            "files": [{"path": f.path, "status": f.status, "orders_created": f.orders_created,
                       "lines_created": f.lines_created, "skipped_existing": f.skipped_existing,
                       "flagged_duplicates": f.flagged, "rejected": f.rejected,
                       "error": describe(f.error) if f.error else None,
                       "error_code": f.error.code if f.error else None} for f in self.files],
            "rejected_rows": [{"path": r.path, "row": r.row, "problems": [
                {"column": p.column, "field": p.field, "value": p.value, "reason": p.reason,
                 "text": reason_text(p.reason)} for p in r.problems]} for r in self.rejected],
        }


Progress = Callable[[int, int, str], None]


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# -- parsing ----------------------------------------------------------------------------

def _cell(row: list[object], col: int | None) -> object:
    if col is None or col >= len(row):
        return None
    return row[col]


def parse_rows(sheet: SheetData, mapping: ColumnMapping, catalog: Catalog, *, sha: str,
               channel: str | None, default_customer_id: str | None = None,
               now: dt.datetime | None = None,
               customer_choices: dict[str, str] | None = None) -> list[ParsedLine]:
    """Every data row below the header as a ParsedLine with its problems."""
    now = now or utcnow()
    cols = {f: mapping.column_of(f) for f in ORDER_FIELDS}
    headers = mapping.headers
    choices = customer_choices or {}

    def header_of(fld: str) -> str:
        col = cols.get(fld)
        return headers[col] if col is not None and col < len(headers) else fld

    product_cache: dict[str, object] = {}
    customer_cache: dict[tuple[str | None, str | None, str | None], str | None] = {}
    lines: list[ParsedLine] = []
    key_columns = [c for c in (cols.get("sku"), cols.get("quantity")) if c is not None]
    for index in range(mapping.header_row + 1, len(sheet.rows)):
        row = sheet.rows[index]
        if is_blank_row(row) or is_total_row(row) or is_note_row(row, key_columns):
            continue
        row_no = index + 1
        problems: list[RowProblem] = []

        def problem(fld: str, value: object, reason: str) -> None:
            problems.append(RowProblem(row_no, header_of(fld), fld, cell_text(value), reason))

        def text(fld: str) -> str | None:
            col = cols[fld]
            if col is None or col >= len(row):
                return None
            value = row[col]
            if value is None:
                return None
            return cell_text(value) or None

        # Order time first: dates without a year take theirs from it.
        order_time = now
        raw = _cell(row, cols.get("order_time"))
        if cols.get("order_time") is not None and has_text(raw):
            try:
                # Sheets carry local times; orders store UTC like utcnow().
                order_time = parse_datetime(raw, now.date()).astimezone(
                    dt.timezone.utc).replace(tzinfo=None)
            except ValueError as exc:
                problem("order_time", raw, str(exc))
        row_channel = channel or text("channel") or DEFAULT_CHANNEL

        sku = product_id = unit = None
        raw = _cell(row, cols.get("sku"))
        try:
            sku = parse_sku(raw)
            info = product_cache.get(sku, _MISSING)
            if info is _MISSING:
                info = product_cache[sku] = catalog.product(sku)
            if info is None or info.is_component:
                problem("sku", raw, "unknown_sku")
            else:
                product_id, unit = info.id, info.unit
        except ValueError as exc:
            problem("sku", raw, str(exc))

        quantity = None
        raw = _cell(row, cols.get("quantity"))
        try:
            quantity = parse_quantity(raw)
        except ValueError as exc:
            problem("quantity", raw, str(exc))

        requested = None
        raw = _cell(row, cols.get("requested_date"))
        if has_text(raw):
            try:
                requested = parse_datetime(raw, order_time.date()).date()
                if requested < order_time.date():
                    problem("requested_date", raw, "date_in_past")
            except ValueError as exc:
                problem("requested_date", raw, str(exc))

        price = None
        raw = _cell(row, cols.get("unit_price"))
        try:
            price = parse_price(raw)
        except ValueError as exc:
            problem("unit_price", raw, str(exc))

        phone = None
        raw = _cell(row, cols.get("phone"))
        try:
            phone = parse_phone(raw) or None
        except ValueError:
            phone = cell_text(raw) or None  # kept as written; only used for matching

        code, cname = text("customer_code"), text("customer_name")
        who = (code, phone, cname)
        if who not in customer_cache:
            customer_cache[who] = catalog.match_customer(code, phone, cname)[0]
        customer_id = customer_cache[who]
        customer_key = None
        if customer_id is None:
            if code or cname or phone:
                customer_key = _customer_key(code, cname, phone)
                chosen = choices.get(customer_key)
                if chosen and chosen != CREATE:
                    customer_id = chosen
                elif chosen != CREATE:
                    problem("customer_name" if cname else ("customer_code" if code else "phone"),
                            cname or code or phone, "unknown_customer")
            elif default_customer_id:
                customer_id = default_customer_id
            else:
                problems.append(RowProblem(row_no, "", "customer", "", "no_customer"))

        channel_no = text("channel_order_no")
        # On a customer's own sheet its order number (订单编号/单号) is the customer's PO,
        # quoted on invoices and certificates; it stays the channel number too.
        po = text("customer_po") or channel_no
        if channel_no:
            order_key = f"{row_channel}\x1f{channel_no}"
        elif po:
            who = customer_id or customer_key or ""
            order_key = f"{row_channel}\x1fPO\x1f{who}\x1f{po}"
        else:
            order_key = f"{row_channel}\x1f{sha[:16]}:{sheet.name}:{row_no}"

        lines.append(ParsedLine(
            row=row_no, cells=tuple(row), order_key=order_key,
            channel=row_channel, channel_order_no=channel_no, customer_po=po,
            customer_key=customer_key, customer_id=customer_id, customer_name=cname,
            customer_phone=phone, sku=sku, product_id=product_id, quantity=quantity,
            unit=text("unit") or unit, unit_price=price, requested_date=requested,
            order_time=order_time, address=text("address"), contact_name=text("contact_name"),
            urgent=parse_bool(_cell(row, cols.get("urgent"))) or _urgent_note(text("note")),
            note=text("note"),
            problems=tuple(problems)))
    return _check_groups(lines)


URGENT_WORDS = ("加急", "急单", "紧急", "特急", "urgent", "rush", "asap")


def _urgent_note(note: str | None) -> bool:
    return bool(note) and any(w in note.lower() for w in URGENT_WORDS)


def _customer_key(code: str | None, name: str | None, phone: str | None) -> str:
    if name:
        return "name:" + name_norm(name)
    if phone:
        return "phone:" + phone_norm(phone)
    return "code:" + (code or "").strip().upper()


def _check_groups(lines: list[ParsedLine]) -> list[ParsedLine]:
    """Lines of one order must agree on the customer; one bad line rejects its siblings."""
    groups: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        groups.setdefault(line.order_key, []).append(i)
    out = list(lines)
    for indexes in groups.values():
        if len(indexes) < 2:
            continue
        members = [lines[i] for i in indexes]
        who = {(m.customer_id or m.customer_key) for m in members}
        conflict = len(who) > 1
        bad = any(m.problems for m in members)
        if not conflict and not bad:
            continue
        for i in indexes:
            line = out[i]
            extra: list[RowProblem] = []
            if conflict:
                extra.append(RowProblem(line.row, "", "customer", line.customer_name or "",
                                        "conflicting_order"))
            elif not line.problems:
                first_bad = next(m for m in members if m.problems)
                extra.append(RowProblem(line.row, "", "order", str(first_bad.row),
                                        "sibling_rejected"))
            out[i] = replace(line, problems=line.problems + tuple(extra))
    return out


def proposals_for(lines: list[ParsedLine], catalog: Catalog) -> list[CustomerProposal]:
    found: dict[str, list[ParsedLine]] = {}
    for line in lines:
        if line.customer_id is None and line.customer_key:
            found.setdefault(line.customer_key, []).append(line)
    out = []
    for key, members in found.items():
        first = members[0]
        name = first.customer_name or first.customer_phone or key.split(":", 1)[1]
        code = key.split(":", 1)[1] if key.startswith("code:") else None
        out.append(CustomerProposal(key=key, name=name, phone=first.customer_phone, code=code,
                                    rows=tuple(m.row for m in members),
                                    candidates=tuple(catalog.candidates(first.customer_name))))
    return out


def _load_file(desk: Desk, session: Session, path: str, catalog: Catalog, *,
               channel: str | None, mapping: ColumnMapping | None,
               default_customer_id: str | None, customer_choices: dict[str, str] | None,
               now: dt.datetime | None) -> FilePreview:
    sha = ""
    try:
        sha = file_sha256(path) if Path(path).is_file() else ""
        sheets = read_sheets(path)
        if mapping is None:
            mapping = memory.detect_mapping(session, sheets, path=path, catalog=catalog,
                                            customer_id=default_customer_id,
                                            today=(now or dt.datetime.now()).date())
        sheet = next(s for s in sheets if s.name == mapping.sheet)
    except IntakeError as exc:
        return FilePreview(path=str(path), sha256=sha, channel=channel or DEFAULT_CHANNEL,
                           mapping=getattr(exc, "facts", {}).get("mapping"), lines=(),
                           proposals=(), error=exc)
    if default_customer_id is None and mapping.file_customer_id:
        # No column names the customer; the title or notes rows do ('需方：…').
        default_customer_id = mapping.file_customer_id
    lines = parse_rows(sheet, mapping, catalog, sha=sha, channel=channel,
                       default_customer_id=default_customer_id, now=now,
                       customer_choices=customer_choices)
    done = session.scalar(select(IntakeFile.id).where(IntakeFile.sha256 == sha)) is not None
    return FilePreview(path=str(path), sha256=sha, channel=channel or DEFAULT_CHANNEL,
                       mapping=mapping, lines=tuple(lines),
                       proposals=tuple(proposals_for(lines, catalog)), already_imported=done)


def preview_file(desk: Desk, path: str | Path, *, channel: str | None = None,
                 mapping: ColumnMapping | None = None, default_customer_id: str | None = None,
                 customer_choices: dict[str, str] | None = None,
                 now: dt.datetime | None = None) -> FilePreview:
    """Read and check a file without writing: mapping, rows, problems, unknown customers.

    A file that cannot be read comes back with `error` set (never raised), so the
    preview can show the reason next to the file name.
    """
    desk.require("import.run")
    with desk.read() as s:
        catalog = Catalog.load(s)
        return _load_file(desk, s, str(path), catalog, channel=channel, mapping=mapping,
                          default_customer_id=default_customer_id,
                          customer_choices=customer_choices, now=now)


def import_customers(desk: Desk) -> list[CustomerInfo]:
    """Active customers (code order) for the preview's 'whole file belongs to' picker."""
    desk.require("import.run")
    with desk.read() as s:
        return [CustomerInfo(c.id, c.code, c.name) for c in s.execute(
            select(Customer.id, Customer.code, Customer.name)
            .where(Customer.active.is_(True)).order_by(Customer.code))]


# -- writing ----------------------------------------------------------------------------

def _next_numbers(session: Session, year: int, count: int) -> list[str]:
    """A block of order numbers SO-<year>-NNNNNN taken from the local counter at once."""
    name = f"SO-{year}"
    seq = session.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        session.add(seq)
        session.flush()
    start = seq.next_value
    session.execute(update(NumberSequence).where(NumberSequence.name == name)
                    .values(next_value=start + count))
    session.expire(seq)
    prefix = session.info.get("order_no_prefix", "")
    return [f"SO-{year}-{prefix}{n:06d}" for n in range(start, start + count)]


def _channel_no_for(first: ParsedLine, customer_code: str | None) -> str:
    if first.channel_order_no:
        return first.channel_order_no
    if first.customer_po:
        return f"PO:{customer_code or first.customer_key or '-'}:{first.customer_po}"
    return first.order_key.split("\x1f", 1)[1]


def _create_customers(session: Session, catalog: Catalog, proposals: list[CustomerProposal],
                      choices: dict[str, str], create_all: bool) -> dict[str, str]:
    """Create the proposed customers the user chose to create; one per real company.

    Longer names first, so a short name written in another row ('瑞丰') that is part of
    a name created in this import ('宁波瑞丰塑胶有限公司') becomes its alias instead of a
    second customer; the same phone is the same customer too.
    """
    from orderdesk.services.catalog import upsert_customer

    made: dict[str, str] = {}
    created: list[tuple[str, str]] = []   # (name norm, customer id) made by this import
    for prop in sorted(proposals, key=lambda p: -len(name_norm(p.name))):
        if choices.get(prop.key) != CREATE and not create_all:
            continue
        # Re-check: an earlier file of this import may have created it already.
        cid, _ = catalog.match_customer(prop.code, prop.phone, prop.name)
        norm = name_norm(prop.name)
        if cid is None and len(norm) >= 2 and not prop.key.startswith(("phone:", "code:")):
            cid = next((c for n, c in created if norm in n), None)
            if cid is not None:
                info = catalog.customers[cid]
                upsert_customer(session, info.code, info.name, aliases=[prop.name],
                                contacts=[(prop.name, prop.phone)] if prop.phone else [])
                catalog.by_name.setdefault(norm, cid)
        if cid is None:
            code = prop.code or _new_customer_code(session)
            contacts = [(prop.name, prop.phone)] if prop.phone else []
            c = upsert_customer(session, code, prop.name, contacts=contacts)
            catalog.add_customer(CustomerInfo(c.id, c.code, c.name), phone=prop.phone)
            cid = c.id
            created.append((norm, cid))
        made[prop.key] = cid
    return made


def _new_customer_code(session: Session) -> str:
    name = "CUST-NEW"
    seq = session.get(NumberSequence, name)
    if seq is None:
        seq = NumberSequence(name=name, next_value=1)
        session.add(seq)
        session.flush()
    while True:
        value = seq.next_value
        seq.next_value = value + 1
        # The station's prefix (as in order numbers) keeps two stations importing new
        # customers offline from both making N00001, which the server would refuse
        # together with the whole import that needs it.
        code = f"N{session.info.get('order_no_prefix', '')}{value:05d}"
        if session.scalar(select(Customer.id).where(Customer.code == code)) is None:
            session.flush()
            return code


def _write_orders(session: Session, groups: list[list[ParsedLine]], catalog: Catalog,
                  abort: threading.Event | None, progress: Progress | None,
                  done_before: int, total: int) -> list[str]:
    actor = session.info.get("actor")
    user = actor.user if actor else None
    station = actor.station if actor else None
    by_year: dict[int, list[int]] = {}
    for i, group in enumerate(groups):
        by_year.setdefault(group[0].order_time.year, []).append(i)
    numbers: dict[int, str] = {}
    for year, indexes in by_year.items():
        for i, no in zip(indexes, _next_numbers(session, year, len(indexes)), strict=True):
            numbers[i] = no
    from orderdesk.dedup import keys as dedup_keys
    from orderdesk.intake.bulk import bulk_insert, id_source
    from orderdesk.models import Note

    ids: list[str] = []
    lines_done = done_before
    orders: list[dict] = []
    lines: list[dict] = []
    refs: list[dict] = []
    events: list[dict] = []
    notes: list[dict] = []
    now = utcnow()
    new_id = id_source().__next__

    def flush() -> None:
        # Parents first, then children; each with its audit and outbox rows.
        for model, rows in ((Order, orders), (OrderLine, lines), (OrderChannelRef, refs),
                            (StatusEvent, events), (Note, notes)):
            bulk_insert(session, model, rows)
        # The duplicate index from the rows just written, not read back (a group's lines
        # are always flushed with their order).
        dedup_keys.index_inserted(session, orders, lines)
        for rows in (orders, lines, refs, events, notes):
            rows.clear()

    initial = statuses.INITIAL
    for i, group in enumerate(groups):
        if abort is not None and abort.is_set():
            raise ImportAborted()
        first = group[0]
        order_id = new_id()
        cust = catalog.customers.get(first.customer_id or "")
        requested = min((g.requested_date for g in group if g.requested_date), default=None)
        note = "; ".join(dict.fromkeys(g.note for g in group if g.note)) or None
        orders.append(dict(
            id=order_id, order_no=numbers[i], channel=first.channel,
            customer_id=first.customer_id, customer_po=first.customer_po,
            order_time=first.order_time, requested_date=requested,
            rush=any(g.urgent for g in group), status_sales=initial["sales"],
            status_production=initial["production"], status_warehouse=initial["warehouse"],
            contact_name=first.contact_name, contact_phone=first.customer_phone,
            delivery_address=first.address, created_by=user, station=station,
            created_at=now, updated_at=now))
        for no, line in enumerate(group, start=1):
            lines.append(dict(id=new_id(), order_id=order_id, line_no=no,
                              product_id=line.product_id, quantity=line.quantity,
                              unit=line.unit or "pcs", unit_price=line.unit_price,
                              due_date=line.requested_date or requested, cancelled=False))
        refs.append(dict(id=new_id(), order_id=order_id, channel=first.channel,
                         channel_order_no=_channel_no_for(first, cust.code if cust else None),
                         active=True))
        events.append(dict(id=new_id(), order_id=order_id, department="sales", old_status=None,
                           new_status=initial["sales"], at=now, user=user, station=station,
                           note="import"))
        if note:
            notes.append(dict(id=new_id(), order_id=order_id, kind="note", body=note,
                              author=user, at=now, active=True))
        ids.append(order_id)
        lines_done += len(group)
        if len(lines) >= FLUSH_EVERY:
            flush()
            if progress:
                progress(lines_done, total, "commit")
    flush()
    return ids


def run_import(desk: Desk, paths: Sequence[str | Path], *, channel: str | None = None,
               dry_run: bool = False, abort: threading.Event | None = None,
               progress: Progress | None = None,
               mappings: dict[str, ColumnMapping] | None = None,
               customer_choices: dict[str, str] | None = None,
               create_customers: bool = False, default_customer_id: str | None = None,
               remember_mappings: bool = False,
               now: dt.datetime | None = None,
               accept_low_confidence: bool = False) -> ImportReport:
    """Import the good orders of every file in ONE transaction; report the rest.

    Unreadable files are reported (not raised) so the other files still import. Orders
    whose (channel, channel order number) already exists, and files already imported
    (same bytes), are skipped. Unknown customers are created only when chosen in
    `customer_choices` (key → CREATE or an existing customer id) or `create_customers`.
    New orders are handed to the duplicate engine inside the same transaction. With
    `dry_run` everything is checked and counted and the transaction is rolled back.
    `abort` (set from another thread) cancels: nothing is written.
    """
    desk.require("import.run")
    from orderdesk.dedup import flag_new_orders

    choices = dict(customer_choices or {})
    reports: list[FileReport] = []
    rejected: list[RejectedRow] = []
    all_ids: list[str] = []
    created_customers: list[str] = []
    mappings = mappings or {}
    with gc_paused(), desk.write() as s:
        large_write(s)
        catalog = Catalog.load(s)
        previews: list[FilePreview] = []
        for n, path in enumerate(paths):
            if abort is not None and abort.is_set():
                raise ImportAborted()
            if progress:
                progress(n, len(paths), f"read {Path(path).name}")
            previews.append(_load_file(desk, s, str(path), catalog, channel=channel,
                                       mapping=mappings.get(str(path)),
                                       default_customer_id=default_customer_id,
                                       customer_choices=choices, now=now))
        # Customers chosen for creation (or all, with create_customers) exist before
        # rows are re-checked against them; a name seen in two files is created once.
        # Only customers of rows that would otherwise import: a row rejected for its SKU
        # must not leave a new customer behind.
        viable = {ln.customer_key for pv in previews for ln in pv.lines
                  if ln.customer_key and all(p.reason in ("unknown_customer", *_GROUP_REASONS)
                                             for p in ln.problems)}
        all_props = [p for pv in previews for p in pv.proposals if p.key in viable]
        made = _create_customers(s, catalog, all_props, choices, create_customers)
        created_customers = [catalog.customers[c].code for c in dict.fromkeys(made.values())]
        if made:
            choices.update(made)
            previews = [pv if pv.error or not pv.lines else replace(
                pv, lines=tuple(_check_groups([_resolve(line, made) for line in pv.lines])))
                for pv in previews]
        seen_hashes: set[str] = set()
        total = sum(len(pv.lines) for pv in previews)
        done = 0
        for pv in previews:
            if pv.error is not None:
                reports.append(FileReport(path=pv.path, status="unreadable", error=pv.error))
                continue
            if _unconfirmed(pv, mappings, accept_low_confidence):
                # Columns recognised on thin evidence and nobody confirmed them: refuse
                # the file with the reason rather than import it possibly wrong.
                reports.append(FileReport(path=pv.path, status="needs_confirmation",
                                          error=low_confidence_error(pv)))
                continue
            if pv.sha256 in seen_hashes:
                # The same bytes twice in one import (e.g. a copy under another name).
                reports.append(FileReport(path=pv.path, status="already_imported",
                                          skipped_existing=len({ln.order_key for ln in pv.lines})))
                continue
            seen_hashes.add(pv.sha256)
            # A file imported before is read again: its orders are skipped by their
            # channel numbers, and rows rejected last time (e.g. an SKU since added to the
            # catalog) can now go in.
            bad = [ln for ln in pv.lines if not ln.ok]
            for ln in bad:
                rejected.append(RejectedRow(pv.path, ln.row, ln.cells, pv.mapping.headers,
                                            ln.problems))
            groups: dict[str, list[ParsedLine]] = {}
            for ln in pv.lines:
                if ln.ok:
                    groups.setdefault(ln.order_key, []).append(ln)
            # Channel numbers already known (earlier imports, API, other files) are skipped.
            keys = {k: (g[0].channel, _channel_no_for(
                g[0], catalog.customers[g[0].customer_id].code if g[0].customer_id else None))
                for k, g in groups.items()}
            existing = _existing_refs(s, list(keys.values()))
            fresh = [g for k, g in groups.items() if keys[k] not in existing]
            skipped = len(groups) - len(fresh)
            ids = _write_orders(s, fresh, catalog, abort, progress, done, total)
            flagged = flag_new_orders(s, ids) if ids else 0
            done += len(pv.lines)
            all_ids.extend(ids)
            record = s.scalar(select(IntakeFile).where(IntakeFile.sha256 == pv.sha256))
            if record is not None:
                if ids:
                    record.orders_created += len(ids)
                    record.rows_rejected = len(bad)
            elif ids or skipped:
                s.add(IntakeFile(sha256=pv.sha256, filename=Path(pv.path).name, kind="orders",
                                 channel=pv.channel, imported_by=s.info["actor"].user,
                                 station=s.info["actor"].station, orders_created=len(ids),
                                 rows_rejected=len(bad), summary=json.dumps({
                                     "sheet": pv.mapping.sheet, "header_row": pv.mapping.header_row + 1,
                                     "mapping": {pv.mapping.headers[c] if c < len(pv.mapping.headers)
                                                 else str(c): f for c, f in pv.mapping.fields.items()},
                                     "skipped_existing": skipped, "flagged": flagged},
                                     ensure_ascii=False)))
            if remember_mappings and memory.should_remember(pv.mapping, default_customer_id):
                memory.remember(s, pv.mapping, customer_id=default_customer_id)
            status = ("imported" if ids else "already_imported" if skipped
                      else "nothing_to_import")
            reports.append(FileReport(
                path=pv.path, status=status,
                orders_created=len(ids), lines_created=sum(len(g) for g in fresh),
                skipped_existing=skipped, flagged=flagged, rejected=len(bad)))
        if progress:
            progress(total, total, "commit")
        if dry_run:
            s.rollback()
            s.info["dry_run"] = True
    return ImportReport(files=tuple(reports), order_ids=tuple(all_ids), rejected=tuple(rejected),
                        customers_created=tuple(created_customers), dry_run=dry_run,
                        changes=Changes(orders=bool(all_ids) and not dry_run,
                                        catalog=bool(created_customers) and not dry_run,
                                        duplicates=not dry_run and any(r.flagged for r in reports)))


_GROUP_REASONS = ("conflicting_order", "sibling_rejected")


def _unconfirmed(pv: FilePreview, mappings: dict[str, ColumnMapping],
                 accept_low_confidence: bool) -> bool:
    """A detected (not caller-given) mapping with low-confidence columns, not accepted."""
    return (not accept_low_confidence and pv.mapping is not None
            and pv.path not in mappings and pv.mapping.needs_confirmation)


def low_confidence_error(pv: FilePreview) -> LowConfidenceMapping:
    m = pv.mapping
    assert m is not None
    cols = "; ".join(f"{m.headers[c] if c < len(m.headers) and m.headers[c] else f'#{c + 1}'}"
                     f" → {m.fields[c]} ({m.reason(c)}, {m.confidence(c):.2f})"
                     for c in m.low_confidence)
    return LowConfidenceMapping(path=pv.path, columns=cols)


def _resolve(line: ParsedLine, made: dict[str, str]) -> ParsedLine:
    """The line with a newly created customer filled in; order-level problems re-derived."""
    problems = tuple(p for p in line.problems if p.reason not in _GROUP_REASONS)
    if not line.customer_id and line.customer_key in made:
        problems = tuple(p for p in problems if p.reason != "unknown_customer")
        return replace(line, customer_id=made[line.customer_key], problems=problems)
    return replace(line, problems=problems)


def _existing_refs(session: Session, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        rows = session.execute(select(OrderChannelRef.channel, OrderChannelRef.channel_order_no)
                               .where(tuple_(OrderChannelRef.channel,
                                             OrderChannelRef.channel_order_no).in_(chunk)))
        found.update((r[0], r[1]) for r in rows)
    return found
