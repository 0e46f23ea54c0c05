"""Where a station's audit rows live: the hot table and the packed blocks behind it.

A year of orders writes about a million audit rows, ~690 MB as table rows with their
indexes: more than the whole station may take (≤ 400 MB, issue 12). Rows older than the
hot window (HOT_DAYS) are therefore packed, in id order, into blocks of BLOCK_ROWS rows:
one zlib-compressed JSON list per block, ~55 bytes a row instead of ~690. Nothing is
dropped: every column is kept except the two hashes, which follow from the content and
the hash before the block (`prev_hash`), and are recomputed whenever a block is read.

The chain stays one chain. Packing first checks every row it packs against its stored
hash and its link, and refuses (packing nothing) at the first row that does not hold, so
a tampered row is never laundered into a block; `verify_chain` walks the blocks, then the
hot rows. The server's anchor names a row id and its hash: `hash_at` answers for packed
rows too, so a block changed after packing shows up there as a mismatch.

Readers that look rows up by entity or transaction (the order trail, the promised-date
history of a share page, undoing a change request) get hot and packed rows alike through
`rows_for_entities` / `rows_of_tx`; the audit viewer pages through both
(orderdesk/services/audit.py). Packing is itself audited (`audit_pack`).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from orderdesk.desk import Desk
from orderdesk.models import AuditArchiveBlock, AuditArchiveKey, AuditLog, SyncState
from orderdesk.models.base import utcnow
from orderdesk.tracking import Actor, add_audit, audit_hash

#: Rows younger than this stay in the table, where the viewer filters them by index;
#: older ones are packed (still kept, searched and verified: 等保2.0 asks for at least
#: six months of trail and a station keeps all of it).
HOT_DAYS = 14
#: ...but never more than this many: a new station that downloaded a year, or a big
#: import, would otherwise keep a million rows in the table for two weeks.
HOT_ROWS = 50_000
#: Rows per block: the trail of an old order opens two to four blocks, ~2 ms each.
BLOCK_ROWS = 1000
#: Blocks per write transaction, so a first pack of a year (in the background while
#: people work) never holds the write lock for more than about half a second.
BLOCKS_PER_TX = 5
PACK_EVERY_S = 24 * 3600.0
_LAST_PACK_KEY = "audit_packed_at"

# The order of columns inside a block's JSON rows.
#: Columns whose values a block counts (`facets`), for filter lists and quick counts.
FACETS = ("action", "entity", "outcome", "user")
_COLUMNS = ("id", "at", "user", "station", "action", "entity", "entity_id", "field",
            "old_value", "new_value", "outcome", "tx_id")


@dataclass
class PackedRow:
    """An audit row read back from a block: the same attributes as an AuditLog row."""

    id: int
    at: dt.datetime
    user: str | None
    station: str | None
    action: str
    entity: str | None
    entity_id: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    outcome: str
    tx_id: str | None
    prev_hash: str | None = None
    hash: str = ""


@dataclass(frozen=True)
class PackReport:
    """What one pack did: rows and blocks written, the last packed id, and why it
    stopped early when it did (`refused`: "hash" or "link" at `bad_id`)."""

    blocks: int = 0
    rows: int = 0
    through_id: int | None = None
    refused: str | None = None
    bad_id: int | None = None
    seconds: float = 0.0


def key_of(text: str) -> int:
    """The 32-bit digest that indexes an entity or transaction id in the archive (CRC-32:
    not a security measure, only a short key; a collision opens one block too many)."""
    return zlib.crc32(text.encode("utf-8"))


def _encode_row(row: dict) -> list:  # type: ignore[type-arg]
    return [row["id"], row["at"].isoformat()] + [row[c] for c in _COLUMNS[2:]]


def row_from(values: list) -> PackedRow:  # type: ignore[type-arg]
    """A row of a block's JSON list, without its hashes."""
    return PackedRow(values[0], dt.datetime.fromisoformat(values[1]), *values[2:])


def decode_block(block: AuditArchiveBlock, *, with_hashes: bool = True) -> list[PackedRow]:
    """The block's rows, with their hashes recomputed along the chain (a searcher that
    only filters can skip that: it is most of the cost)."""
    previous = block.prev_hash
    rows: list[PackedRow] = []
    for values in json.loads(zlib.decompress(block.payload)):
        row = row_from(values)
        if with_hashes:
            row.prev_hash = previous
            row.hash = previous = audit_hash(row.__dict__)
        rows.append(row)
    return rows


#: Where the searched columns sit in a block's rows (see _COLUMNS).
RAW_INDEX = {name: i for i, name in enumerate(_COLUMNS)}


def raw_rows(block: AuditArchiveBlock, needle: str = "") -> list[list]:  # type: ignore[type-arg]
    """The block's rows as plain lists, or [] at once when `needle` occurs nowhere in
    the block: a text search over a year opens ~1,000 blocks and most hold no match.

    The test is on the bytes with ASCII letters lowered, which is how SQLite's LIKE
    matches the table rows. A needle with a quote or backslash (escaped inside the
    JSON) or with non-ASCII letters that have case is not tested here: the block is
    read whole and the caller's exact test decides."""
    data = zlib.decompress(block.payload)
    if needle and '"' not in needle and "\\" not in needle \
            and all(c.isascii() or c.lower() == c.upper() for c in needle) \
            and needle.lower().encode("utf-8") not in data.lower():
        return []
    return json.loads(data)


# ---- packing ------------------------------------------------------------------------------

def _last_block(s: Session) -> AuditArchiveBlock | None:
    return s.scalars(select(AuditArchiveBlock).order_by(AuditArchiveBlock.id.desc())
                     .limit(1)).first()


def _pack_limit(s: Session, cutoff: dt.datetime, hot_rows: int) -> int | None:
    """The first id not to pack: the first row of the hot window or of the newest
    `hot_rows`, whichever comes later, and never past the newest row."""
    head_id = s.scalar(select(func.max(AuditLog.id)))
    if head_id is None:
        return None
    # In id order the scan stops at the first young row: right after the last pack.
    young = s.scalar(select(AuditLog.id).where(AuditLog.at >= cutoff)
                     .order_by(AuditLog.id).limit(1))
    by_age = young if young is not None else head_id
    return min(head_id, max(by_age, head_id - hot_rows + 1))


_READ = text("SELECT " + ", ".join(f'"{c}"' for c in _COLUMNS + ("prev_hash", "hash"))
             + " FROM audit_log WHERE id < :stop ORDER BY id LIMIT :n")


def _read_rows(s: Session, stop: int, n: int) -> list[dict]:  # type: ignore[type-arg]
    # Plain rows, not ORM ones: a year's first pack reads a million of them. SQLite hands
    # the time back as text, which fromisoformat reads in C.
    names = _COLUMNS + ("prev_hash", "hash")
    rows = []
    for values in s.execute(_READ, {"stop": stop, "n": n}):
        row = dict(zip(names, values))
        if isinstance(row["at"], str):
            row["at"] = dt.datetime.fromisoformat(row["at"])
        rows.append(row)
    return rows


def pack(desk: Desk, *, hot_days: int = HOT_DAYS, now: dt.datetime | None = None,
         block_rows: int | None = None, hot_rows: int | None = None,
         abort: threading.Event | None = None) -> PackReport:
    """Pack audit rows older than `hot_days`, or beyond the newest `hot_rows`, into
    blocks of `block_rows` (never the newest row, which the next audit row links to, and
    never a part-filled block). Runs in small transactions, each audited; safe to
    interrupt between them."""
    started = time.perf_counter()
    block_rows = block_rows or BLOCK_ROWS
    cutoff = (now or utcnow()) - dt.timedelta(days=hot_days)
    blocks = rows_done = 0
    through: int | None = None
    actor = Actor(user="system", station=desk.station)
    while abort is None or not abort.is_set():
        with desk.write(actor, sync_apply=True) as s:
            stop = _pack_limit(s, cutoff, hot_rows or HOT_ROWS)
            if stop is None:
                break
            last = _last_block(s)
            previous = last.last_hash if last is not None else None
            candidates = _read_rows(s, stop, block_rows * BLOCKS_PER_TX)
            whole = len(candidates) // block_rows * block_rows
            written: list[tuple[int, int, int, str]] = []
            problem: tuple[str, int] | None = None
            for begin in range(0, whole, block_rows):
                chunk = candidates[begin:begin + block_rows]
                for row in chunk:
                    if (row["prev_hash"] or None) != previous:
                        problem = ("link", row["id"])
                    elif audit_hash(row) != row["hash"]:
                        problem = ("hash", row["id"])
                    if problem:
                        break
                    previous = row["hash"]
                if problem:
                    break
                _write_block(s, chunk)
                written.append((chunk[0]["id"], chunk[-1]["id"], len(chunk), chunk[-1]["hash"]))
                blocks += 1
                rows_done += len(chunk)
                through = chunk[-1]["id"]
            _finish_tx(s, written)
            if problem:
                # The blocks checked before it are good and stay packed; the row that does
                # not hold stays in the table, where verify_chain names it.
                add_audit(s, action="audit_pack", entity="audit_log",
                          entity_id=str(problem[1]), field="id",
                          new={"refused": problem[0]}, outcome="broken")
                return PackReport(blocks=blocks, rows=rows_done, through_id=through,
                                  refused=problem[0], bad_id=problem[1],
                                  seconds=time.perf_counter() - started)
            if whole < block_rows * BLOCKS_PER_TX:
                break
    return PackReport(blocks=blocks, rows=rows_done, through_id=through,
                      seconds=time.perf_counter() - started)


def _write_block(s: Session, chunk: list[dict]) -> int:  # type: ignore[type-arg]
    facets: dict[str, dict[str, int]] = {}
    for name in FACETS:
        counts = facets[name] = {}
        for r in chunk:
            if r[name]:
                counts[r[name]] = counts.get(r[name], 0) + 1
    payload = zlib.compress(json.dumps([_encode_row(r) for r in chunk], ensure_ascii=False,
                                       separators=(",", ":")).encode("utf-8"), 6)
    block_id = s.execute(insert(AuditArchiveBlock.__table__).values(
        first_id=chunk[0]["id"], last_id=chunk[-1]["id"], first_at=min(r["at"] for r in chunk),
        last_at=max(r["at"] for r in chunk), row_count=len(chunk),
        prev_hash=chunk[0]["prev_hash"], last_hash=chunk[-1]["hash"],
        facets=json.dumps(facets, ensure_ascii=False), packed_at=utcnow(),
        payload=payload)).inserted_primary_key[0]
    keys = {key_of(v) for r in chunk for v in (r["entity_id"], r["tx_id"]) if v}
    if s.get_bind().dialect.name == "sqlite":
        # A million keys in a year's first pack: the driver's executemany, not one
        # compiled parameter set per key.
        s.connection().exec_driver_sql(
            "INSERT INTO audit_archive_keys (key, block_id) VALUES (?, ?)",
            [(k, block_id) for k in keys])
    else:
        s.execute(insert(AuditArchiveKey.__table__),
                  [{"key": k, "block_id": block_id} for k in keys])
    return int(block_id)


def _finish_tx(s: Session, written: list[tuple[int, int, int, str]]) -> None:
    if not written:
        return
    first, last = written[0][0], written[-1][1]
    s.execute(delete(AuditLog).where(AuditLog.id >= first, AuditLog.id <= last))
    add_audit(s, action="audit_pack", entity="audit_log", field="id", old=f"{first}-{last}",
              new={"blocks": len(written), "rows": sum(w[2] for w in written),
                   "last_hash": written[-1][3]})


def pack_if_due(desk: Desk, *, now: dt.datetime | None = None,
                abort: threading.Event | None = None,
                progress: Callable[..., None] | None = None) -> PackReport | None:
    """pack() at most once a day per database; None when not due. The station app runs
    it as a background job at start and every few hours (`abort` stops it between
    transactions; `progress` is accepted for the job runner and not used). The time of
    the last pack is kept in the database, so restarts don't repack every time."""
    now = now or utcnow()
    with desk.read() as s:
        last = s.get(SyncState, _LAST_PACK_KEY)
        done = last.value if last is not None else None
    if done:
        try:
            if (now - dt.datetime.fromisoformat(done)).total_seconds() < PACK_EVERY_S:
                return None
        except ValueError:
            pass
    report = pack(desk, now=now, abort=abort)
    if abort is not None and abort.is_set():
        return report  # not done: the next start finishes it
    with desk.write(sync_apply=True) as s:
        s.merge(SyncState(key=_LAST_PACK_KEY, value=now.isoformat()))
    return report


# Housekeeping: the app's quit waits for (and cancels) it without asking.
pack_if_due.task_quiet = True  # type: ignore[attr-defined]


# ---- reading ------------------------------------------------------------------------------

def has_blocks(s: Session) -> bool:
    return s.scalar(select(AuditArchiveBlock.id).limit(1)) is not None


def _blocks_with(s: Session, texts: Iterable[str]) -> list[AuditArchiveBlock]:
    keys = sorted({key_of(t) for t in texts if t})
    if not keys:
        return []
    ids = select(AuditArchiveKey.block_id).where(AuditArchiveKey.key.in_(keys)).distinct()
    return list(s.scalars(select(AuditArchiveBlock).where(AuditArchiveBlock.id.in_(ids))
                          .order_by(AuditArchiveBlock.id)))


def _rows_where(blocks: list[AuditArchiveBlock], column: str,
                wanted: set[str]) -> list[PackedRow]:
    # Readers by key need no hashes: rows are built only for the values asked for.
    i = RAW_INDEX[column]
    return [row_from(values) for b in blocks for values in raw_rows(b) if values[i] in wanted]


def rows_for_entities(s: Session, entity_ids: list[str],
                      entities: Iterable[str] | None = None) -> list[PackedRow]:
    """Packed rows about these entity ids (optionally only of these tables), id order."""
    wanted, tables = set(entity_ids), set(entities) if entities is not None else None
    rows = _rows_where(_blocks_with(s, wanted), "entity_id", wanted)
    return [r for r in rows if tables is None or r.entity in tables]


def rows_of_tx(s: Session, tx_id: str) -> list[PackedRow]:
    """Packed rows written by one transaction, id order."""
    return _rows_where(_blocks_with(s, [tx_id]), "tx_id", {tx_id})


def hash_at(s: Session, audit_id: int) -> str | None:
    """The chain's hash at this row id, hot or packed (None if there is no such row)."""
    value = s.scalar(select(AuditLog.hash).where(AuditLog.id == audit_id))
    if value is not None:
        return value
    block = s.scalars(select(AuditArchiveBlock).where(AuditArchiveBlock.first_id <= audit_id)
                      .order_by(AuditArchiveBlock.first_id.desc()).limit(1)).first()
    if block is None or block.last_id < audit_id:
        return None
    # Always recomputed from the content, never the stored last_hash: a block rewritten
    # after packing must show a different hash at the row the server anchored.
    return next((r.hash for r in decode_block(block) if r.id == audit_id), None)


def head(s: Session) -> tuple[int, str] | None:
    """The newest row's id and hash, hot or packed."""
    row = s.execute(select(AuditLog.id, AuditLog.hash).order_by(AuditLog.id.desc())
                    .limit(1)).first()
    if row is not None:
        return int(row.id), row.hash
    block = _last_block(s)
    return (block.last_id, block.last_hash) if block is not None else None


def packed_count(s: Session) -> int:
    return int(s.scalar(select(func.coalesce(func.sum(AuditArchiveBlock.row_count), 0))) or 0)


def block_ids(s: Session, *, newest_first: bool) -> list[int]:
    order = AuditArchiveBlock.id.desc() if newest_first else AuditArchiveBlock.id
    return list(s.scalars(select(AuditArchiveBlock.id).order_by(order)))


def parse_facets(text: str | None) -> dict[str, dict[str, int]]:
    """How many rows of a block have each user, action, entity and outcome."""
    try:
        facets = json.loads(text or "{}")
    except ValueError:
        return {}
    return facets if isinstance(facets, dict) else {}


def block_facets(block: AuditArchiveBlock) -> dict[str, dict[str, int]]:
    return parse_facets(block.facets)


def all_facets(s: Session) -> Iterator[dict[str, dict[str, int]]]:
    """Every block's facets, without reading the blocks' rows."""
    for text in s.scalars(select(AuditArchiveBlock.facets)):
        yield parse_facets(text)


def iter_blocks(desk: Desk, *, newest_first: bool = False,
                batch: int = 50) -> Iterator[AuditArchiveBlock]:
    """Blocks in id order (or newest first), read `batch` at a time in short reads, so a
    walk over a year (~1,000 blocks) never holds one read open or all blocks in memory."""
    with desk.read() as s:
        ids = block_ids(s, newest_first=newest_first)
    for start in range(0, len(ids), batch):
        part = ids[start:start + batch]
        with desk.read() as s:
            found = {b.id: b for b in s.scalars(select(AuditArchiveBlock)
                                                .where(AuditArchiveBlock.id.in_(part)))}
            for b in found.values():
                s.expunge(b)
        for block_id in part:
            if block_id in found:
                yield found[block_id]
