"""Files taken in by order and catalog imports, so the same file is never imported twice."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, utcnow


class IntakeFile(IdMixin, Base):
    """One imported file, by content hash: the second import of the same bytes is a no-op."""

    __tablename__ = "intake_files"

    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(20), default="orders")  # orders | catalog
    channel: Mapped[str | None] = mapped_column(String(40))
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    orders_created: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    # JSON summary of the import report (counts, mapping used), for the trail.
    summary: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
