"""Rush-order green channel: cases, timed department steps, in-app notifications, and
the local outbox of group-robot (WeCom/DingTalk) messages."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, utcnow


class RushCase(IdMixin, Base):
    """An order in the green channel: why (rule or a sales request), since when, by whom."""

    __tablename__ = "rush_cases"
    __table_args__ = (Index("ix_rush_cases_active", "active", "requested_at"),)

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    # "rule" (matched the green-channel rules), "manual" (requested by sales) or "flag"
    # (the order arrived marked rush, e.g. from an import or another system).
    source: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(400))
    requested_by: Mapped[str | None] = mapped_column(String(60))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Cleared when the rush is withdrawn (the row stays; a new request opens a new case).
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    closed_at: Mapped[dt.datetime | None]
    withdrawn_reason: Mapped[str | None] = mapped_column(String(400))


class RushStep(IdMixin, Base):
    """One department's step of a rush case, with its target time and confirmation."""

    __tablename__ = "rush_steps"
    __table_args__ = (UniqueConstraint("case_id", "step"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("rush_cases.id"), index=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    department: Mapped[str] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(Integer)
    target_minutes: Mapped[int] = mapped_column(Integer)
    # Set when every earlier step is confirmed: the clock of this step starts then.
    started_at: Mapped[dt.datetime | None]
    due_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    done_at: Mapped[dt.datetime | None]
    done_by: Mapped[str | None] = mapped_column(String(60))
    # 0 = on time, 1 = department lead notified, 2 = supervisor notified.
    escalation_level: Mapped[int] = mapped_column(Integer, default=0)
    escalated_at: Mapped[dt.datetime | None]


class Notification(IdMixin, Base):
    """A message for a role (a department's lead) or a user, shown in the app."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_role_read", "recipient_role", "read_at"),)

    recipient_role: Mapped[str] = mapped_column(String(20))
    recipient_user: Mapped[str | None] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(20), default="escalation")
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"))
    step: Mapped[str | None] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    read_at: Mapped[dt.datetime | None]
    read_by: Mapped[str | None] = mapped_column(String(60))


class WebhookMessage(Base):
    """A group-robot message waiting to be posted, written with the event that caused it.

    Local to the station that wrote it (not synced, so no two stations post it); the
    sender in orderdesk.sync.webhooks posts it, retrying with backoff until it is taken.
    """

    __tablename__ = "webhook_messages"
    __tracked__ = False
    __table_args__ = (Index("ix_webhook_messages_due", "sent_at", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(20))          # wecom / dingtalk
    url: Mapped[str] = mapped_column(String(500))
    payload: Mapped[str] = mapped_column(Text)             # JSON body as posted
    notification_id: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
