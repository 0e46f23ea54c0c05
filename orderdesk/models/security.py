"""Security bookkeeping (never tracked, never synced): sign-in throttling, the offline
sign-in material a station received for its own people, and the audit-chain heads each
station anchored on the server."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, utcnow


class LoginThrottle(Base):
    """Failed sign-ins per key: `user:<name>` (any name, known or not, so the throttle
    tells nothing about which accounts exist), `addr:<address>`, and `known:<name>|<addr>`
    (an address the account signed in from; the account's delay does not apply there,
    so a stranger's failures cannot lock the owner out)."""

    __tablename__ = "login_throttle"
    __tracked__ = False

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[dt.datetime | None]  # no attempt is checked before this time
    last_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OfflineVerifier(Base):
    """Station side: what this station may check a person's password against while the
    server is away. Made by the server from the password it was just given (a hash of
    the password salted with the station's name, never the server's own hash), and only
    for stations where the person signed in online; valid while the account's
    `password_changed_at` is the one it was made for."""

    __tablename__ = "offline_verifiers"
    __tracked__ = False

    username: Mapped[str] = mapped_column(String(60), primary_key=True)
    verifier: Mapped[str] = mapped_column(String(255))
    password_changed_at: Mapped[str | None] = mapped_column(String(40))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class AuditAnchor(Base):
    """Server side: the newest audit-chain head each station reported (等保 S3/D2). A
    station's next report must contain this head at the same position, so a station
    trail rewritten after an anchor is detected at its next sync."""

    __tablename__ = "sync_audit_anchors"
    __tracked__ = False

    station: Mapped[str] = mapped_column(String(60), primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    anchored_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    mismatches: Mapped[int] = mapped_column(Integer, default=0)
