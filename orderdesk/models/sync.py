"""Sync tables: the server's change log and registry, and the versions both sides keep.

Used by both sides from one schema (migration 0002), so a station database and the
server database are the same shape; each side simply leaves the other's tables empty:

- server: `sync_change_log` (the change feed and the server's trail), `sync_counter`
  (the sequence, taken under a lock so sequence order is commit order), `sync_stations`,
  `sync_api_keys`, `sync_tokens`;
- both: `sync_row_versions` (the last server sequence that wrote each field) and
  `sync_conflicts` (on the server the truth; on a station the copy the UI shows, plus a
  resolution waiting to be sent).

None of these rows is tracked (they are the sync machinery, not business data), so
writing them never produces outbox rows.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, utcnow


class ChangeLog(Base):
    """Every change a station pushed or the server made, in commit order (server only).

    Append-only. `outcome` says what became of it: applied, conflict (applied and a
    conflict row records the value it replaced), held (kept here, not applied, a
    conflict asks a person), rejected (could not be applied, e.g. a unique number
    already taken; a conflict row explains it).
    """

    __tablename__ = "sync_change_log"
    __tracked__ = False
    __table_args__ = (Index("ix_sync_change_log_entity", "entity", "entity_id"),)

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                     primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    tx_id: Mapped[str] = mapped_column(String(36), index=True)
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(64))
    op: Mapped[str] = mapped_column(String(10))
    field: Mapped[str | None] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    # The value the field holds on the server after this change (differs from
    # new_value for additive fields applied as deltas, and for held changes).
    result_value: Mapped[str | None] = mapped_column(Text)
    base_seq: Mapped[int | None] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    user: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    # The registered station that pushed it ("server" for changes made on the server).
    origin: Mapped[str] = mapped_column(String(60), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    outcome: Mapped[str] = mapped_column(String(12), default="applied")
    conflict_id: Mapped[str | None] = mapped_column(String(36))


class SyncCounter(Base):
    """Named counters (the change sequence, station numbers), bumped under a row lock."""

    __tablename__ = "sync_counter"
    __tracked__ = False

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)


class RowVersion(Base):
    """Last server sequence that wrote a field (field "" = the row's insert).

    On the server it also names the station that wrote it, so a station's own
    successive edits are never a conflict with themselves. On a station it is the
    newest sequence pulled for the field: the `base_seq` of the next local edit.
    """

    __tablename__ = "sync_row_versions"
    __tracked__ = False

    entity: Mapped[str] = mapped_column(String(60), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    field: Mapped[str] = mapped_column(String(60), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"))
    station: Mapped[str | None] = mapped_column(String(60))


class SyncConflict(Base):
    """Two stations changed one field while apart, or a change could not be applied.

    Both values are kept: `kept_value` is what the field holds now (chosen by the rule
    in `rule`), `other_value` the one set aside. Open until a person resolves it; the
    resolution is itself a change in the log.
    """

    __tablename__ = "sync_conflicts"
    __tracked__ = False
    __table_args__ = (Index("ix_sync_conflicts_entity", "entity", "entity_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # concurrent_edit / status_backward / guarded / edit_deleted / rejected
    kind: Mapped[str] = mapped_column(String(20))
    # last_arrival_wins / forward_status_wins / server_value_kept / not_applied
    rule: Mapped[str] = mapped_column(String(30))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str | None] = mapped_column(String(60))
    order_id: Mapped[str | None] = mapped_column(String(36), index=True)
    base_value: Mapped[str | None] = mapped_column(Text)
    kept_value: Mapped[str | None] = mapped_column(Text)
    kept_change_id: Mapped[str | None] = mapped_column(String(36))
    kept_station: Mapped[str | None] = mapped_column(String(60))
    kept_user: Mapped[str | None] = mapped_column(String(60))
    kept_at: Mapped[dt.datetime | None]
    other_value: Mapped[str | None] = mapped_column(Text)
    other_change_id: Mapped[str | None] = mapped_column(String(36))
    other_station: Mapped[str | None] = mapped_column(String(60))
    other_user: Mapped[str | None] = mapped_column(String(60))
    other_at: Mapped[dt.datetime | None]
    detail: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="open")  # open / resolved
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Server sequence of the last change to this row, so stations pull it by cursor.
    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), index=True)
    resolved_by: Mapped[str | None] = mapped_column(String(60))
    resolved_station: Mapped[str | None] = mapped_column(String(60))
    resolved_at: Mapped[dt.datetime | None]
    resolution: Mapped[str | None] = mapped_column(Text)
    resolution_change_id: Mapped[str | None] = mapped_column(String(36))
    # Station side: a resolution chosen here, waiting to be sent (JSON value text).
    pending_value: Mapped[str | None] = mapped_column(Text)
    pending_change_id: Mapped[str | None] = mapped_column(String(36))
    pending_user: Mapped[str | None] = mapped_column(String(60))


class SyncStation(Base):
    """A registered station (server only): its number for order numbers, key, cursor."""

    __tablename__ = "sync_stations"
    __tracked__ = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    # Random id of the station's database, sent at hello: a second machine using the
    # same station name is refused instead of mixing two histories under one name.
    uid: Mapped[str | None] = mapped_column(String(36), unique=True)
    # SHA-256 of the station key (keys are 32 random bytes, so a fast hash suffices).
    key_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    registered_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    registered_by: Mapped[str | None] = mapped_column(String(60))
    last_seen_at: Mapped[dt.datetime | None]
    # Highest sequence the station confirmed holding (the `since` of its last pull).
    cursor: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ApiKey(Base):
    """A channel's key for the intake API (server only); stored as a hash."""

    __tablename__ = "sync_api_keys"
    __tracked__ = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(60))
    last_used_at: Mapped[dt.datetime | None]
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AuthToken(Base):
    """A short-lived bearer token (server only); only its hash is stored."""

    __tablename__ = "sync_tokens"
    __tracked__ = False

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # user / station
    subject: Mapped[str] = mapped_column(String(60), index=True)  # username / station name
    station: Mapped[str | None] = mapped_column(String(60))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    last_used_at: Mapped[dt.datetime | None]
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
