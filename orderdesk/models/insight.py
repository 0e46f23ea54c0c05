"""Insight: the order-flow event log, exception reports with their lessons-learned cards,
handbook editions and the monthly customer-health snapshots."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, utcnow


class FlowEvent(Base):
    """One event of the order flow, append-only, the single source of the KPIs.

    Derived locally from the rows that already record the flow (orders, status events,
    the audit trail, rush cases and steps, exceptions, shipments and invoices where they
    exist), so it is not synced itself: every station derives the same log from the
    synced sources. `source_key` names the source row, so a row is never taken twice.
    """

    __tablename__ = "insight_events"
    __tracked__ = False
    __table_args__ = (
        Index("ix_insight_events_kind_at", "kind", "at"),
        Index("ix_insight_events_order_kind", "order_id", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_key: Mapped[str] = mapped_column(String(80), unique=True)
    order_id: Mapped[str | None] = mapped_column(String(36))
    # received, confirmed, released, status, corrected, cancelled, rush_requested,
    # rush_confirmed, shipped, invoiced, exception_raised, exception_closed
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[dt.datetime]
    user: Mapped[str | None] = mapped_column(String(60))
    department: Mapped[str | None] = mapped_column(String(20))
    # Which field was corrected, which status was reached, which exception kind ...
    detail: Mapped[str | None] = mapped_column(String(200))
    # The rush case or exception report the event belongs to (pairs start and stop).
    ref: Mapped[str | None] = mapped_column(String(36))


class FlowEventMark(Base):
    """How far the event log has read each append-only source (its last rowid)."""

    __tablename__ = "insight_event_marks"
    __tracked__ = False

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_rowid: Mapped[int] = mapped_column(Integer, default=0)


class ExceptionReport(IdMixin, Base):
    """An order exception quick report (订单异常快速上报), tracked to closure."""

    __tablename__ = "exception_reports"
    __table_args__ = (Index("ix_exception_reports_status", "status", "due_at"),)

    report_no: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), index=True)
    line_id: Mapped[str | None] = mapped_column(ForeignKey("order_lines.id"))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(60))
    due_at: Mapped[dt.datetime | None]
    # open / closed
    status: Mapped[str] = mapped_column(String(10), default="open")
    raised_by: Mapped[str | None] = mapped_column(String(60))
    raised_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    department: Mapped[str | None] = mapped_column(String(20))
    station: Mapped[str | None] = mapped_column(String(60))
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(60))


class ExceptionPhoto(IdMixin, Base):
    """A photo of an exception, its bytes in the shared blob store."""

    __tablename__ = "exception_photos"

    report_id: Mapped[str] = mapped_column(ForeignKey("exception_reports.id"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(255))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class LessonCard(IdMixin, Base):
    """The lessons-learned card that closes an exception: scenario, cause, action, scope."""

    __tablename__ = "lesson_cards"

    report_id: Mapped[str] = mapped_column(ForeignKey("exception_reports.id"), unique=True)
    # 人机料法环测: man, machine, material, method, environment, measurement
    category: Mapped[str | None] = mapped_column(String(20))
    scenario: Mapped[str | None] = mapped_column(Text)
    cause: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str | None] = mapped_column(Text)
    applies_to: Mapped[str | None] = mapped_column(Text)
    # draft (saved, exception still open) / accepted (the exception closed with it)
    state: Mapped[str] = mapped_column(String(10), default="draft")
    # The earlier card the author said is "the same problem again".
    same_as_id: Mapped[str | None] = mapped_column(String(36))
    author: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    accepted_at: Mapped[dt.datetime | None]


class HandbookEdition(IdMixin, Base):
    """One generated handbook: the card numbers it used and each card's text hash, so the
    next edition keeps the numbers and lists what changed."""

    __tablename__ = "handbook_editions"

    edition: Mapped[int] = mapped_column(Integer)
    generated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    generated_by: Mapped[str | None] = mapped_column(String(60))
    # JSON {card_id: [number, text_hash]}
    cards: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class HealthSnapshot(IdMixin, Base):
    """A closed month's health of one customer, kept as computed then (with the rules it
    used), so a later rule change does not rewrite history. Local to the station."""

    __tablename__ = "health_snapshots"
    __tracked__ = False
    __table_args__ = (Index("ix_health_snapshots_month", "month", "customer_id", unique=True),)

    month: Mapped[str] = mapped_column(String(7))
    customer_id: Mapped[str] = mapped_column(String(36))
    color: Mapped[str] = mapped_column(String(10))
    score: Mapped[float | None]
    # JSON: the sub-scores with their N, and the rules used.
    payload: Mapped[str] = mapped_column(Text)
    taken_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class InsightCase(Base):
    """One measured case, kept beside the event log so a year's KPIs read one indexed
    table: an order (received -> released, corrected after confirmation) or a rush case
    (requested -> PMC confirmed). Rebuilt for every order the log or the order changed
    (orderdesk.insight.cases); derived and local, like the log."""

    __tablename__ = "insight_cases"
    __tracked__ = False
    # Clustered by (type, start): a period's cases are one contiguous range on disk.
    __table_args__ = (Index("ix_insight_cases_order", "order_id"),
                      {"sqlite_with_rowid": False})

    case_type: Mapped[str] = mapped_column(String(10), primary_key=True)  # order / rush
    start_at: Mapped[dt.datetime] = mapped_column(primary_key=True)
    case_key: Mapped[str] = mapped_column(String(40), primary_key=True)
    order_id: Mapped[str] = mapped_column(String(36))
    order_no: Mapped[str | None] = mapped_column(String(40))
    ref: Mapped[str | None] = mapped_column(String(36))
    stop_at: Mapped[dt.datetime | None]
    confirmed_at: Mapped[dt.datetime | None]
    corrected_at: Mapped[dt.datetime | None]
    minutes: Mapped[float | None]
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)
    customer_code: Mapped[str | None] = mapped_column(String(40))
    tier: Mapped[str | None] = mapped_column(String(5))
    channel: Mapped[str | None] = mapped_column(String(40))
    product_line: Mapped[str | None] = mapped_column(String(60))
    week: Mapped[str | None] = mapped_column(String(10))
    month: Mapped[str | None] = mapped_column(String(7))
