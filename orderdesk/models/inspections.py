"""Final inspection of a production batch, and supervisors' overrides of issue blocks.

A certificate says 「本批产品经检验合格」: the Inspection row is the record that says who
checked what, when, with which result, before any certificate of that batch is signed.
Inspections are never edited or deleted: a re-inspection is a new row and the newest
one counts (`inspected_at`). An IssueOverride records that a quality supervisor released
a batch despite named blocks (no material lot, a grade that differs from the product's),
with the reason; it covers exactly the blocks it names.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, utcnow

INSPECTION_RESULTS = ("pass", "fail")


class Inspection(IdMixin, Base):
    __tablename__ = "inspections"
    __table_args__ = (Index("ix_inspections_batch_time", "batch_id", "inspected_at"),)

    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id"))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), index=True)
    result: Mapped[str] = mapped_column(String(10))          # pass | fail
    # JSON list of {item, standard, result, unit, verdict}: one per test item.
    items: Mapped[str] = mapped_column(Text, default="[]")
    inspector: Mapped[str] = mapped_column(String(60))       # the person's name as printed
    inspector_user: Mapped[str | None] = mapped_column(String(60))
    inspected_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    station: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str | None] = mapped_column(String(400))


class IssueOverride(IdMixin, Base):
    __tablename__ = "issue_overrides"

    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id"), index=True)
    binding_id: Mapped[str | None] = mapped_column(ForeignKey("batch_bindings.id"), index=True)
    # JSON list of the block codes (with their facts) this override releases.
    blocks: Mapped[str] = mapped_column(Text, default="[]")
    reason: Mapped[str] = mapped_column(String(400))
    overridden_by: Mapped[str] = mapped_column(String(60))
    overridden_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    station: Mapped[str | None] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
