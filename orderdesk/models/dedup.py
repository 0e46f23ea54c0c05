"""Duplicate orders: the lookup index, possible-duplicate pairs with their decisions, and
the moves a merge made (so an undo restores exactly)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Float, ForeignKey, Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Session, mapped_column

from orderdesk.models.base import Base, IdMixin, utcnow


class DedupKey(Base):
    """One (customer key, product, time) entry per order line and way of naming the customer.

    A customer key is ``c:<customer id>``, ``p:<normalised phone>`` or ``n:<name core>``, so
    an order with a customer code and one from a marketplace (phone and buyer name only)
    meet on the same key. The composite index turns the lookup into a handful of range
    seeks on (key, SKU, time between t-window and t+window): a true window, no buckets.
    Derived from orders and rebuilt from them, so neither audited nor synced.
    """

    __tablename__ = "dedup_keys"
    __tracked__ = False
    __deletable__ = True
    __table_args__ = (
        Index("ix_dedup_keys_lookup", "customer_key", "sku_norm", "order_time"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(String(36), index=True)
    customer_key: Mapped[str] = mapped_column(String(120))
    sku_norm: Mapped[str] = mapped_column(String(60))
    order_time: Mapped[dt.datetime]


class DuplicatePair(IdMixin, Base):
    """Two orders that may be one real order, and what sales decided about them.

    ``order_a`` is the existing (older) order, ``order_b`` the newer one. While an order is
    being typed and sales choose 'keep', ``order_b`` is empty until the typed order is
    saved; the probe's SKU and quantity identify it then.
    status: open (waiting in the review queue), kept (both stay, never proposed again),
    merged (b folded into a; undo sets it back to open).
    """

    __tablename__ = "dedup_pairs"
    __table_args__ = (Index("ix_dedup_pairs_status", "status", "found_at"),)

    order_a_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    order_b_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), index=True)
    # "<smaller id>|<larger id>" once both orders exist: one row per pair.
    pair_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text, default="[]")
    explanation: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="open")
    # How the pair was found: entry (while typing), import, scan (after the fact).
    source: Mapped[str] = mapped_column(String(12), default="import")
    found_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    found_by: Mapped[str | None] = mapped_column(String(60))
    decided_at: Mapped[dt.datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(60))
    decided_station: Mapped[str | None] = mapped_column(String(60))
    probe_sku_norm: Mapped[str | None] = mapped_column(String(60))
    probe_quantity: Mapped[Decimal | None]
    undone_at: Mapped[dt.datetime | None]
    undone_by: Mapped[str | None] = mapped_column(String(60))


class MergeMove(IdMixin, Base):
    """One change a merge made to a row (re-pointed note, filled field...), for undo."""

    __tablename__ = "dedup_merge_moves"

    pair_id: Mapped[str] = mapped_column(ForeignKey("dedup_pairs.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    undone: Mapped[bool] = mapped_column(default=False)


# The lookup index must follow every write of an order, whoever makes it (a service, an
# import, a sync apply), so its hooks are attached wherever the models are loaded. The
# work itself lives in orderdesk.dedup.keys, imported on first use (no import cycle).
def _after_flush(session: Session, ctx: object) -> None:
    from orderdesk.dedup import keys

    keys.after_flush(session, ctx)


def _before_commit(session: Session) -> None:
    from orderdesk.dedup import keys

    keys.before_commit(session)


def _after_rollback(session: Session) -> None:
    session.info.pop("dedup_dirty", None)
    session.info.pop("dedup_new", None)
    session.info.pop("dedup_catalog_keys", None)


if not event.contains(Session, "after_flush", _after_flush):
    event.listen(Session, "after_flush", _after_flush)
    event.listen(Session, "before_commit", _before_commit)
    event.listen(Session, "after_rollback", _after_rollback)
