"""Tables for sync at volume: the server's staging of large transactions, the station's
parked transactions, and an index the export's channel-number lookup needs.

- `sync_staged` (server): the pieces of a station transaction too large for one
  request, one row per change, until the last piece arrives and the whole transaction
  is applied in one server transaction (then its rows are deleted). Kept across server
  restarts, keyed by change id, so a resent piece is a no-op.
- `sync_parked` (station): a transaction the server cannot take (malformed, too large
  for a limit, refused before it was applied). Its outbox rows stay, are not sent, and
  no longer block the transactions behind it; an administrator retries or discards it.

Neither is tracked (sync machinery, not business data).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, utcnow
from orderdesk.models.orders import OrderChannelRef


class StagedChange(Base):
    __tablename__ = "sync_staged"
    __tracked__ = False
    __table_args__ = (Index("ix_sync_staged_tx", "origin", "tx_id"),)

    change_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    origin: Mapped[str] = mapped_column(String(60))
    tx_id: Mapped[str] = mapped_column(String(36))
    # How many changes the whole transaction has (the station counted them): the
    # transaction is applied when that many are staged.
    tx_size: Mapped[int] = mapped_column(Integer)
    # The change's place in the station's transaction (its outbox order).
    position: Mapped[int] = mapped_column(Integer)
    payload: Mapped[str] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ParkedTransaction(Base):
    __tablename__ = "sync_parked"
    __tracked__ = False

    tx_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    # parked: not sent; retry: sent again at the next round; discarded: never sent
    # (its outbox rows are marked as such, the local rows and their audit stay).
    status: Mapped[str] = mapped_column(String(12), default="parked")
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[int] = mapped_column(Integer, default=0)
    parked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # The transaction this one waits for (it touches the same rows), if any.
    waits_for: Mapped[str | None] = mapped_column(String(36))
    decided_by: Mapped[str | None] = mapped_column(String(60))
    decided_at: Mapped[dt.datetime | None]


# The export's "first channel number of this order in its own channel" lookup: with
# both equality columns and the ordering column in one index SQLite reads one entry per
# order whatever its statistics say (without it, it could walk every ref of a channel
# per row: an O(n^2) export).
Index("ix_order_channel_refs_export", OrderChannelRef.order_id, OrderChannelRef.channel,
      OrderChannelRef.channel_order_no)
