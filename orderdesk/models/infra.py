"""Infrastructure tables: audit log (hot rows and packed blocks), sync outbox, sync state,
settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, utcnow


class AuditLog(Base):
    """Append-only trail: who changed which field of what, when, where, from what to what.

    Rows are chained by hash (each row's hash covers the previous row's), so an edited
    or deleted row is detectable. No service updates or deletes this table.
    """

    __tablename__ = "audit_log"
    __tracked__ = False
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    # insert / update / delete / login / logout / export / print / undo ...
    action: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str | None] = mapped_column(String(60))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(20), default="ok")
    tx_id: Mapped[str | None] = mapped_column(String(36), index=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditArchiveBlock(Base):
    """Audit rows older than the hot window, packed: a zlib-compressed JSON list of whole
    rows (every column but the two hashes, which are recomputed from the content).

    A block is the exact continuation of the chain: `prev_hash` is the hash before its
    first row, `last_hash` the hash of its last row, so verification walks blocks and
    hot rows as one chain (orderdesk/audit_store.py). Blocks are never rewritten.
    """

    __tablename__ = "audit_archive"
    __tracked__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    first_id: Mapped[int] = mapped_column(Integer, unique=True)
    last_id: Mapped[int] = mapped_column(Integer)
    first_at: Mapped[dt.datetime]
    last_at: Mapped[dt.datetime]
    row_count: Mapped[int] = mapped_column(Integer)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    last_hash: Mapped[str] = mapped_column(String(64))
    # Distinct actions, entities and outcomes inside, so the viewer's filter lists and
    # filtered searches skip blocks without opening them.
    facets: Mapped[str] = mapped_column(Text)
    packed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    payload: Mapped[bytes] = mapped_column(LargeBinary)


class AuditArchiveKey(Base):
    """Which blocks mention an entity id or a transaction id, by a 32-bit digest of it:
    about 11 bytes per (id, block) instead of the id itself; a collision only opens one
    block too many, whose rows are then matched exactly."""

    __tablename__ = "audit_archive_keys"
    __tracked__ = False
    __table_args__ = {"sqlite_with_rowid": False}

    key: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    block_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)


class Outbox(Base):
    """Field-level changes waiting to be pushed to the server, written with the change."""

    __tablename__ = "outbox"
    __tracked__ = False
    # Each sync round asks for what is not yet pushed; without this it scans the outbox.
    __table_args__ = (Index("ix_outbox_pending", "pushed_at", "seq"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    tx_id: Mapped[str] = mapped_column(String(36), index=True)
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    # Server sequence the station had seen for this row when it made the edit.
    base_seq: Mapped[int | None] = mapped_column(Integer)
    user: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Set once the server acknowledged the change; rows are kept for the trail.
    pushed_at: Mapped[dt.datetime | None]


class SyncState(Base):
    __tablename__ = "sync_state"
    __tracked__ = False

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """Business rules set by users (thresholds, green-channel rules, templates) as JSON."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
