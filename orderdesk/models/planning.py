"""Planning: work centres (machines) with shift calendars and planned downtime, the
machines approved per product (routings), work orders, machine logs for OEE, inbound
shipments of imported materials with their customs milestones, and the record of each
confirmed reschedule.

All tracked (audited, synced). Nothing is deleted: rows are deactivated or cancelled.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, StampMixin, utcnow


class WorkCentre(IdMixin, StampMixin, Base):
    """One machine (an injection press of a tonnage, a CNC, ...)."""

    __tablename__ = "work_centres"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20), default="press")   # press / cnc / other
    tonnage: Mapped[int | None] = mapped_column(Integer)
    # The OEE the planners expect of this machine when there are no recent logs (0..1).
    expected_oee: Mapped[Decimal] = mapped_column(default=Decimal("0.85"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)


class ShiftWindow(IdMixin, Base):
    """A working shift of a machine: on a weekday (0 = Monday; None = every day), from
    start to end (HH:MM; an end at or before the start runs past midnight)."""

    __tablename__ = "work_centre_shifts"

    work_centre_id: Mapped[str] = mapped_column(ForeignKey("work_centres.id"), index=True)
    name: Mapped[str] = mapped_column(String(20), default="A")
    weekday: Mapped[int | None] = mapped_column(Integer)
    start_time: Mapped[str] = mapped_column(String(5))
    end_time: Mapped[str] = mapped_column(String(5))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PlannedDowntime(IdMixin, Base):
    """Maintenance, mould change or a holiday: the machine is not available then."""

    __tablename__ = "planned_downtime"

    work_centre_id: Mapped[str] = mapped_column(ForeignKey("work_centres.id"), index=True)
    start_at: Mapped[dt.datetime] = mapped_column()
    end_at: Mapped[dt.datetime] = mapped_column()
    reason: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Routing(IdMixin, StampMixin, Base):
    """A machine approved (or not) to make a product, with the process figures.

    `approved` is the customer's approval (PPAP for automotive parts): an alternative
    route counts only if it is approved. `priority` 1 is the usual machine.
    """

    __tablename__ = "routings"
    __table_args__ = (UniqueConstraint("product_id", "work_centre_id"),)

    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    work_centre_id: Mapped[str] = mapped_column(ForeignKey("work_centres.id"), index=True)
    approved: Mapped[bool] = mapped_column(Boolean, default=True)
    priority: Mapped[int] = mapped_column(Integer, default=1)
    cycle_seconds: Mapped[Decimal] = mapped_column()       # per shot / per cycle
    cavities: Mapped[int] = mapped_column(Integer, default=1)   # pieces per shot
    setup_minutes: Mapped[Decimal] = mapped_column(default=Decimal(0))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WorkOrder(IdMixin, StampMixin, Base):
    """Production of a released order's line on one machine, with its planned hours spread
    over a window [start_at, end_at]."""

    __tablename__ = "work_orders"
    __table_args__ = (Index("ix_work_orders_centre_window", "work_centre_id", "start_at"),)

    wo_no: Mapped[str] = mapped_column(String(40), unique=True)
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), index=True)
    order_line_id: Mapped[str | None] = mapped_column(ForeignKey("order_lines.id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    work_centre_id: Mapped[str] = mapped_column(ForeignKey("work_centres.id"))
    quantity: Mapped[Decimal] = mapped_column()
    planned_hours: Mapped[Decimal] = mapped_column()
    start_at: Mapped[dt.datetime] = mapped_column()
    end_at: Mapped[dt.datetime] = mapped_column()
    # planned / running / done / cancelled
    status: Mapped[str] = mapped_column(String(20), default="planned")
    note: Mapped[str | None] = mapped_column(Text)


class MachineLog(IdMixin, Base):
    """One machine's shift as the MES or the line-side sheet reports it."""

    __tablename__ = "machine_logs"
    __table_args__ = (UniqueConstraint("work_centre_id", "shift_date", "shift"),)

    work_centre_id: Mapped[str] = mapped_column(ForeignKey("work_centres.id"), index=True)
    shift_date: Mapped[dt.date] = mapped_column(Date)
    shift: Mapped[str] = mapped_column(String(20))
    planned_minutes: Mapped[Decimal] = mapped_column()
    run_minutes: Mapped[Decimal] = mapped_column()
    # Ideal time per piece (a moulding's ideal cycle per shot ÷ cavities).
    ideal_cycle_seconds: Mapped[Decimal] = mapped_column()
    total_count: Mapped[int] = mapped_column(Integer)
    good_count: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20), default="import")


class InboundShipment(IdMixin, StampMixin, Base):
    """An imported material on its way, keyed by port (UN/LOCODE), customs office, broker
    and material. A milestone not reported yet is NULL, never zero."""

    __tablename__ = "inbound_shipments"
    __table_args__ = (Index("ix_inbound_lane", "port", "customs_office", "broker"),)

    reference: Mapped[str] = mapped_column(String(60), unique=True)
    material_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[Decimal | None] = mapped_column()
    port: Mapped[str] = mapped_column(String(5))
    customs_office: Mapped[str] = mapped_column(String(60))
    broker: Mapped[str] = mapped_column(String(100))
    eta: Mapped[dt.datetime | None] = mapped_column()
    arrived_at: Mapped[dt.datetime | None] = mapped_column()
    declared_at: Mapped[dt.datetime | None] = mapped_column()
    inspection: Mapped[bool | None] = mapped_column(Boolean)
    released_at: Mapped[dt.datetime | None] = mapped_column()
    gate_out_at: Mapped[dt.datetime | None] = mapped_column()
    received_at: Mapped[dt.datetime | None] = mapped_column()
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)


class RescheduleRecord(IdMixin, Base):
    """A reschedule a planner confirmed: why, by whom, and each order's old and new date
    (JSON list). The order rows themselves carry the audited date change."""

    __tablename__ = "reschedules"

    kind: Mapped[str] = mapped_column(String(20))          # supply / capacity
    shipment_id: Mapped[str | None] = mapped_column(ForeignKey("inbound_shipments.id"))
    reason: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text)
    confirmed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    confirmed_by: Mapped[str | None] = mapped_column(String(60))
