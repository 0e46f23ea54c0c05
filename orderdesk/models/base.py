"""Declarative base and column conventions shared by every table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import DateTime, MetaData, Numeric, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from orderdesk.ids import uuid7

# Stable constraint names so Alembic migrations read the same on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Qty = Numeric(18, 4, asdecimal=True)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        Decimal: Qty,
        dt.datetime: DateTime(),
        str: String(255),
    }

    # Tables whose rows are tracked by the audit log and the sync outbox. Infrastructure
    # tables (the audit log itself, the outbox, sync state) set this to False.
    __tracked__ = True


class IdMixin:
    """Client-generated UUIDv7 key, so rows made offline never collide."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)


class StampMixin:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
