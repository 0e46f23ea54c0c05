"""Share links: read-only status pages a customer or a colleague opens on a phone.

These rows live on the central server only. A link is a capability: whoever holds the
URL sees what its scope allows, so the rows are kept apart from business data: they are
not synced to stations (`__tracked__ = False`); creating and revoking one is written to
the audit trail as an event, and every access is logged in `share_access`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.ids import uuid7
from orderdesk.models.base import Base, utcnow


class ShareLink(Base):
    __tablename__ = "share_links"
    __tracked__ = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    # sha256 of the random key inside the token: the database never holds a usable link.
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(20))          # order | customer | board
    target: Mapped[str] = mapped_column(String(64))        # order id, customer id or role
    label: Mapped[str] = mapped_column(String(120))        # SO number, customer code, role
    scope: Mapped[str] = mapped_column(String(30), default="status")
    created_by: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column()
    revoked_at: Mapped[dt.datetime | None] = mapped_column()
    revoked_by: Mapped[str | None] = mapped_column(String(60))
    last_seen_at: Mapped[dt.datetime | None] = mapped_column()
    view_count: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (Index("ix_share_links_target", "kind", "target"),)


class ShareAccess(Base):
    """One row per page view or live-stream start (not per poll): who opened what, when."""

    __tablename__ = "share_access"
    __tracked__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    link_id: Mapped[str] = mapped_column(ForeignKey("share_links.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(10))          # page | stream | poll | refused
    address: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(20), default="ok")


class ShareSecret(Base):
    """The server's signing key for link tokens, made at first use; never leaves it."""

    __tablename__ = "share_secret"
    __tracked__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    secret: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
