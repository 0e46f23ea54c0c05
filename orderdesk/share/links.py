"""Share links: make, check, revoke and log them.

A token is 43 URL-safe characters: 12 random bytes, the expiry (epoch seconds, 4 bytes)
and the first 16 bytes of an HMAC-SHA256 over both with the server's secret. So:
- the token says nothing about the order, the customer or any internal id;
- a tampered or made-up token fails the HMAC before any database lookup (cheap to
  reject, nothing to enumerate);
- an expired token is answered without a lookup either;
- revocation and the access log need the row, found by the sha256 of the random part
  (the database alone holds no usable link).

Runs on the central server (or a command line pointed at its database); no HTTP here.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets
import struct
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from orderdesk.desk import Desk
from orderdesk.errors import NotFound, OrderdeskError, ValidationFailed
from orderdesk.messages import TEXTS
from orderdesk.models import Customer, Order
from orderdesk.models.base import utcnow
from orderdesk.models.share import ShareAccess, ShareLink, ShareSecret
from orderdesk.tracking import add_audit

KINDS = ("order", "customer", "board")
SCOPES = ("status", "status+prices")
BOARD_ROLES = ("sales", "production", "warehouse")
DEFAULT_DAYS = 30
MAX_DAYS = 366
PATH_PREFIX = "/s/"

_TAG = b"orderdesk.share.v1|"
_TOKEN_LEN = 43  # base64url of 32 bytes without padding


class ShareLinkInvalid(OrderdeskError):
    code = "share_link_invalid"


TEXTS.update({
    "share_link_invalid": ("分享链接无效:{reason}", "share link invalid: {reason}"),
})


@dataclass(frozen=True)
class MadeLink:
    id: str
    token: str
    path: str               # /s/<token>
    kind: str
    label: str
    scope: str
    expires_at: dt.datetime


@dataclass(frozen=True)
class LinkCheck:
    """What a token is worth right now. `state` is ok, expired, revoked or invalid."""

    state: str
    link_id: str | None = None
    kind: str | None = None
    target: str | None = None
    label: str | None = None
    scope: str | None = None
    expires_at: dt.datetime | None = None

    @property
    def prices(self) -> bool:
        return self.scope == "status+prices"


@dataclass(frozen=True)
class LinkRow:
    id: str
    kind: str
    label: str
    scope: str
    created_by: str | None
    created_at: dt.datetime
    expires_at: dt.datetime
    revoked_at: dt.datetime | None
    last_seen_at: dt.datetime | None
    view_count: int
    state: str


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _secret(session: Session) -> bytes:
    row = session.get(ShareSecret, 1)
    if row is None:
        row = ShareSecret(id=1, secret=secrets.token_hex(32))
        session.add(row)
        session.flush()
    return bytes.fromhex(row.secret)


def _read_secret(session: Session) -> bytes | None:
    row = session.get(ShareSecret, 1)
    return bytes.fromhex(row.secret) if row is not None else None


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, _TAG + payload, hashlib.sha256).digest()[:16]


def _key_hash(random_part: bytes) -> str:
    return hashlib.sha256(random_part).hexdigest()


def token_from(text: str) -> str:
    """The token inside a full URL, a path or the token itself."""
    text = (text or "").strip()
    if PATH_PREFIX in text:
        text = text.split(PATH_PREFIX, 1)[1]
    return text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]


def _decode(secret: bytes | None, token: str) -> tuple[bytes, int] | None:
    """(random part, expiry) of a genuine token, else None. Constant work per length."""
    if secret is None or len(token) != _TOKEN_LEN:
        return None
    try:
        raw = _unb64(token)
    except (ValueError, TypeError):
        return None
    if len(raw) != 32:
        return None
    payload, sig = raw[:16], raw[16:]
    if not hmac.compare_digest(sig, _mac(secret, payload)):
        return None
    (expires,) = struct.unpack(">I", payload[12:16])
    return payload[:12], expires


def _resolve_target(session: Session, kind: str, ref: str) -> tuple[str, str]:
    """(target id, label) for what the link shows."""
    ref = (ref or "").strip()
    if kind == "order":
        order = session.scalar(select(Order).where(Order.order_no == ref))
        if order is None:
            order = session.get(Order, ref)
        if order is None:
            raise NotFound(entity="order", key=ref)
        return order.id, order.order_no
    if kind == "customer":
        customer = session.scalar(select(Customer).where(Customer.code == ref))
        if customer is None:
            raise NotFound(entity="customer", key=ref)
        return customer.id, customer.code
    if kind == "board":
        if ref not in BOARD_ROLES:
            raise ValidationFailed(field="board", value=ref, allowed=", ".join(BOARD_ROLES))
        return ref, ref
    raise ValidationFailed(field="kind", value=kind, allowed=", ".join(KINDS))


def create_link(desk: Desk, kind: str, ref: str, *, scope: str = "status",
                days: float = DEFAULT_DAYS, now: dt.datetime | None = None,
                created_by: str | None = None) -> MadeLink:
    """A new link to an order (by number), a customer (by code) or a role's board.

    Customer-facing links show no prices unless `scope` is status+prices. Audited as
    `share.create` with who made it, scope and expiry (never the token)."""
    desk.require("share.create")
    if scope not in SCOPES:
        raise ValidationFailed(field="scope", value=scope, allowed=", ".join(SCOPES))
    if kind == "board" and scope != "status":
        raise ValidationFailed(field="scope", value=scope, allowed="status")
    try:
        days = float(days)
    except (TypeError, ValueError):
        raise ValidationFailed(field="days", value=str(days)) from None
    if not (0 < days <= MAX_DAYS):
        raise ValidationFailed(field="days", value=str(days), allowed=f"0-{MAX_DAYS}")
    now = now or utcnow()
    expires_at = (now + dt.timedelta(days=days)).replace(microsecond=0)
    expires_epoch = int(expires_at.replace(tzinfo=dt.timezone.utc).timestamp())
    with desk.write() as s:
        target, label = _resolve_target(s, kind, ref)
        secret = _secret(s)
        random_part = secrets.token_bytes(12)
        payload = random_part + struct.pack(">I", expires_epoch)
        token = _b64(payload + _mac(secret, payload))
        link = ShareLink(key_hash=_key_hash(random_part), kind=kind, target=target,
                         label=label, scope=scope, created_by=created_by or desk.actor.user,
                         created_at=now, expires_at=expires_at, view_count=0)
        s.add(link)
        s.flush()
        add_audit(s, action="share.create", entity="share_links", entity_id=link.id,
                  new={"kind": kind, "label": label, "scope": scope,
                       "expires_at": expires_at.isoformat()})
        return MadeLink(id=link.id, token=token, path=PATH_PREFIX + token, kind=kind,
                        label=label, scope=scope, expires_at=expires_at)


def check(desk: Desk, token: str, now: dt.datetime | None = None) -> LinkCheck:
    """The state of a token. Tampered and unknown tokens are `invalid`, with no detail."""
    token = token_from(token)
    with desk.read() as s:
        decoded = _decode(_read_secret(s), token)
        if decoded is None:
            return LinkCheck(state="invalid")
        random_part, expires = decoded
        link = s.scalar(select(ShareLink).where(ShareLink.key_hash == _key_hash(random_part)))
        if link is None:
            return LinkCheck(state="invalid")
        return _state_of(link, now or utcnow())


def _state_of(link: ShareLink, now: dt.datetime) -> LinkCheck:
    if link.revoked_at is not None:
        state = "revoked"
    elif link.expires_at <= now:
        state = "expired"
    else:
        state = "ok"
    return LinkCheck(state=state, link_id=link.id, kind=link.kind, target=link.target,
                     label=link.label, scope=link.scope, expires_at=link.expires_at)


def still_valid(desk: Desk, link_id: str, now: dt.datetime | None = None) -> str:
    """ok / expired / revoked for a link already checked (live streams re-ask this)."""
    with desk.read() as s:
        link = s.get(ShareLink, link_id)
        if link is None:
            return "revoked"
        return _state_of(link, now or utcnow()).state


def revoke(desk: Desk, token_or_url: str) -> LinkRow:
    """Stop a link at once (open live pages close within a second or two). Idempotent;
    audited as `share.revoke`."""
    desk.require("share.create")
    token = token_from(token_or_url)
    with desk.write() as s:
        link = None
        decoded = _decode(_read_secret(s), token)
        if decoded is not None:
            link = s.scalar(select(ShareLink).where(ShareLink.key_hash == _key_hash(decoded[0])))
        elif len(token) == 36:  # a link id from `links_for` (the admin never sees tokens)
            link = s.get(ShareLink, token)
        if link is None:
            raise ShareLinkInvalid(reason="unknown token")
        if link.revoked_at is None:
            link.revoked_at = utcnow()
            link.revoked_by = desk.actor.user
            add_audit(s, action="share.revoke", entity="share_links", entity_id=link.id,
                      new={"label": link.label})
        s.flush()
        return _row(link, utcnow())


def record_access(desk: Desk, link_id: str, kind: str, *, address: str | None,
                  user_agent: str | None, outcome: str = "ok") -> None:
    """Log one access; page views count as views and all accesses move last-seen."""
    now = utcnow()
    with desk.write() as s:
        s.add(ShareAccess(link_id=link_id, at=now, kind=kind[:10],
                          address=(address or "")[:64] or None,
                          user_agent=(user_agent or "")[:200] or None, outcome=outcome[:20]))
        values: dict[str, object] = {"last_seen_at": now}
        if kind == "page" and outcome == "ok":
            values["view_count"] = ShareLink.view_count + 1
        s.execute(update(ShareLink).where(ShareLink.id == link_id).values(**values))


def _row(link: ShareLink, now: dt.datetime) -> LinkRow:
    return LinkRow(id=link.id, kind=link.kind, label=link.label, scope=link.scope,
                   created_by=link.created_by, created_at=link.created_at,
                   expires_at=link.expires_at, revoked_at=link.revoked_at,
                   last_seen_at=link.last_seen_at, view_count=link.view_count,
                   state=_state_of(link, now).state)


def links_for(desk: Desk, kind: str, ref: str) -> list[LinkRow]:
    """Every link made for an order (number) or customer (code), newest first."""
    desk.require("order.read")
    with desk.read() as s:
        target, _label = _resolve_target(s, kind, ref)
        rows = s.scalars(select(ShareLink).where(ShareLink.kind == kind,
                                                 ShareLink.target == target)
                         .order_by(ShareLink.created_at.desc())).all()
        now = utcnow()
        return [_row(r, now) for r in rows]


@dataclass(frozen=True)
class AccessRow:
    at: dt.datetime
    kind: str
    address: str | None
    user_agent: str | None
    outcome: str


def access_log(desk: Desk, link_id: str, limit: int = 200) -> list[AccessRow]:
    desk.require("order.read")
    with desk.read() as s:
        rows = s.scalars(select(ShareAccess).where(ShareAccess.link_id == link_id)
                         .order_by(ShareAccess.id.desc()).limit(limit)).all()
        return [AccessRow(r.at, r.kind, r.address, r.user_agent, r.outcome) for r in rows]


PUBLIC_URL_KEY = "share.public_url"


def public_url_setting(desk: Desk) -> str | None:
    """The address phones use to reach the server (setting `share.public_url`)."""
    from orderdesk.models import Setting

    with desk.read() as s:
        row = s.get(Setting, PUBLIC_URL_KEY)
        return row.value if row is not None else None


def revocation_mark(session: Session) -> tuple[int, dt.datetime | None]:
    """Changes whenever any link is revoked: what a live server watches besides the log."""
    count, latest = session.execute(
        select(func.count(ShareLink.id), func.max(ShareLink.revoked_at))
        .where(ShareLink.revoked_at.is_not(None))).one()
    return int(count or 0), latest
