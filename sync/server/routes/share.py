"""Share links: status pages on a phone, live, with no app.

Public (the token is the capability):
- `GET /s/{token}`: the page (an order, a customer's open orders, or a role's board);
  410 with a clear page when the link expired or was revoked, 404 when it is not a link.
- `GET /s/{token}/events`: server-sent events, a new snapshot of the page's live section
  whenever it changed; `Last-Event-ID` resumes without resending what the phone has;
  keep-alive comments every 15 s; a `gone` event when the link is revoked or expires.
- `GET /s/{token}/fragment`: the same snapshot for polling, where streams break.
Signed in (`share.create`): `POST /api/share`, `POST /api/share/revoke`,
`GET /api/share/links` (the links of an order or customer with their access counts).

Every response of a page carries noindex and `Referrer-Policy: no-referrer`; every
access is logged (`share_access`) and each address is rate limited.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import os
import threading
import time
from typing import Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from orderdesk.desk import UserInfo
from orderdesk.models.base import utcnow
from orderdesk.share import links, status_view
from orderdesk.sync.server import share_pages
from orderdesk.sync.server.deps import ServerState, access, caller, desk_for, state
from orderdesk.sync.server.security import SYNC
from orderdesk.sync.server.share_live import LiveHub

router = APIRouter(tags=["share"])

KEEPALIVE = float(os.environ.get("ORDERDESK_SHARE_KEEPALIVE", "15"))
RATE_PER_MIN = float(os.environ.get("ORDERDESK_SHARE_RATE", "120"))
BURST = float(os.environ.get("ORDERDESK_SHARE_BURST", "60"))
STREAMS_PER_ADDR = int(os.environ.get("ORDERDESK_SHARE_STREAMS_PER_ADDR", "20"))
POLL_LOG_EVERY = 60.0

PAGE_HEADERS = {
    "X-Robots-Tag": "noindex, nofollow",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": ("default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; "
                                "img-src data:; connect-src 'self'; base-uri 'none'; "
                                "form-action 'none'; frame-ancestors 'none'"),
}


# --- per-address limits ---------------------------------------------------------------
class _Limiter:
    """Token bucket per address (in memory, per worker: a throttle, not an account lock)."""

    def __init__(self) -> None:
        self._buckets: dict[str, tuple[float, float]] = {}
        self._streams: dict[str, int] = {}
        self._polls: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def allow(self, addr: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(addr, (BURST, now))
            tokens = min(BURST, tokens + (now - last) * RATE_PER_MIN / 60.0)
            if tokens < 1:
                self._buckets[addr] = (tokens, now)
                return False
            self._buckets[addr] = (tokens - 1, now)
            if len(self._buckets) > 50_000:  # forget idle addresses, bounded memory
                self._buckets = {a: v for a, v in self._buckets.items() if now - v[1] < 300}
            return True

    def open_stream(self, addr: str) -> bool:
        with self._lock:
            if self._streams.get(addr, 0) >= STREAMS_PER_ADDR:
                return False
            self._streams[addr] = self._streams.get(addr, 0) + 1
            return True

    def close_stream(self, addr: str) -> None:
        with self._lock:
            left = self._streams.get(addr, 1) - 1
            if left <= 0:
                self._streams.pop(addr, None)
            else:
                self._streams[addr] = left

    def should_log_poll(self, link_id: str, addr: str) -> bool:
        now = time.monotonic()
        with self._lock:
            last = self._polls.get((link_id, addr))
            if last is not None and now - last < POLL_LOG_EVERY:
                return False
            self._polls[(link_id, addr)] = now
            if len(self._polls) > 50_000:
                self._polls = {k: v for k, v in self._polls.items() if now - v < POLL_LOG_EVERY}
            return True


def _limiter(request: Request) -> _Limiter:
    app_state = request.app.state
    if not hasattr(app_state, "share_limiter"):
        app_state.share_limiter = _Limiter()
    return app_state.share_limiter


def _hub(request: Request, st: ServerState) -> LiveHub:
    app_state = request.app.state
    if not hasattr(app_state, "share_hub"):
        app_state.share_hub = LiveHub(st.desk)
    return app_state.share_hub


def _addr(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _lang(request: Request) -> str:
    asked = request.query_params.get("lang")
    if asked in ("zh", "en"):
        return asked
    return "en" if request.headers.get("accept-language", "").lower().startswith("en") else "zh"


# --- rendering --------------------------------------------------------------------------
def _render(st: ServerState, check: links.LinkCheck, lang: str) -> tuple[str, str, str] | None:
    """(title, subtitle, live section) of what the link shows, or None if it is gone."""
    t = share_pages.T[lang]
    with st.desk.read() as s:
        if check.kind == "order":
            view = status_view.order_view(s, check.target or "", prices=check.prices)
            if view is None:
                return None
            title = f"{t['order']} {view.order_no}"
            return title, view.customer_name, share_pages.order_section(view, lang)
        if check.kind == "customer":
            cview = status_view.customer_view(s, check.target or "", prices=check.prices)
            if cview is None:
                return None
            return cview.name, t["open_orders"], share_pages.customer_section(cview, lang)
        bview = status_view.board_view(s, check.target or "sales")
        return (share_pages.BOARD_TITLE[lang][bview.role], f"{t['open_orders']} {bview.total_open}",
                share_pages.board_section(bview, lang))


def _digest(section: str) -> str:
    return hashlib.sha256(section.encode("utf-8")).hexdigest()[:12]


def _event_id(head: int, digest: str) -> str:
    return f"{head}.{digest}"


def _digest_of(event_id: str | None) -> str | None:
    if not event_id or "." not in event_id:
        return None
    return event_id.rsplit(".", 1)[1][:12]


def _now_text() -> str:
    return share_pages._dt(utcnow())


def _message(kind: str, lang: str, status: int) -> HTMLResponse:
    return HTMLResponse(share_pages.message_page(kind, lang), status_code=status,
                        headers=PAGE_HEADERS)


def _head(st: ServerState) -> int:
    from orderdesk.sync.server import store

    with st.desk.read() as s:
        return store.head(s)


# --- public pages -----------------------------------------------------------------------
@router.get("/s/static/live.js", include_in_schema=False)
def live_js() -> Response:
    return Response(share_pages.LIVE_JS, media_type="application/javascript",
                    headers={"Cache-Control": "public, max-age=3600",
                             "X-Content-Type-Options": "nosniff"})


class _Refused(Exception):
    """Why a share request is not served: 'slow' (429), 'invalid' (404), 'expired' or
    'revoked' (410); `response` is the page to send."""

    def __init__(self, kind: str, response: Response) -> None:
        super().__init__(kind)
        self.kind = kind
        self.response = response


def _gate(request: Request, st: ServerState, token: str, kind: str) -> tuple[links.LinkCheck | None, Response | None]:
    """Rate limit, check the token and log the access. (check, None) when it may be
    served, else (None, the refusal to send)."""
    try:
        return _check_or_refuse(request, st, token, kind), None
    except _Refused as refused:
        return None, refused.response


def _check_or_refuse(request: Request, st: ServerState, token: str, kind: str) -> links.LinkCheck:
    lang = _lang(request)
    addr = _addr(request)
    if not _limiter(request).allow(addr):
        raise _Refused("slow", _message("slow", lang, 429))
    check = links.check(st.desk, token)
    if check.state == "invalid":
        raise _Refused("invalid", _message("invalid", lang, 404))
    if check.state != "ok":
        links.record_access(st.desk, check.link_id or "", kind, address=addr,
                            user_agent=request.headers.get("user-agent"), outcome=check.state)
        raise _Refused(check.state, _message(check.state, lang, 410))
    if kind != "poll" or _limiter(request).should_log_poll(check.link_id or "", addr):
        links.record_access(st.desk, check.link_id or "", kind, address=addr,
                            user_agent=request.headers.get("user-agent"))
    return check


@router.get("/s/{token}", response_class=HTMLResponse,
            openapi_extra={"x-orderdesk-access": "public"})
def share_page(request: Request, token: str = Path(max_length=100),
               st: ServerState = Depends(state)) -> Response:
    check, refusal = _gate(request, st, token, "page")
    if refusal is not None:
        return refusal
    assert check is not None
    lang = _lang(request)
    rendered = _render(st, check, lang)
    if rendered is None:
        return _message("invalid", lang, 404)
    title, subtitle, section = rendered
    body = share_pages.page(title=title, subtitle=subtitle, section=section, lang=lang,
                            token=links.token_from(token), updated=utcnow(),
                            event_id=_event_id(_head(st), _digest(section)))
    return HTMLResponse(body, headers=PAGE_HEADERS)


@router.get("/s/{token}/fragment", openapi_extra={"x-orderdesk-access": "public"})
def share_fragment(request: Request, token: str = Path(max_length=100),
                   since: str | None = Query(None, max_length=80),
                   st: ServerState = Depends(state)) -> Response:
    lang = _lang(request)
    try:
        check = _check_or_refuse(request, st, token, "poll")
    except _Refused as refused:
        return JSONResponse({"gone": refused.kind != "slow",
                             "page": share_pages.message_page(refused.kind, lang)},
                            status_code=refused.response.status_code, headers=PAGE_HEADERS)
    rendered = _render(st, check, lang)
    if rendered is None:
        return JSONResponse({"gone": True, "page": share_pages.message_page("invalid", lang)},
                            status_code=404, headers=PAGE_HEADERS)
    section = rendered[2]
    digest = _digest(section)
    event_id = _event_id(_head(st), digest)
    if _digest_of(since) == digest:
        return JSONResponse({"changed": False, "id": event_id}, headers=PAGE_HEADERS)
    return JSONResponse({"changed": True, "html": section, "updated": _now_text(),
                         "id": event_id}, headers=PAGE_HEADERS)


def _sse(event: str, data: dict[str, Any], event_id: str | None = None) -> str:
    lines = []
    if event_id:
        lines.append(f"id: {event_id}")
    lines.append(f"event: {event}")
    lines.append("data: " + json.dumps(data, ensure_ascii=False))
    return "\n".join(lines) + "\n\n"


@router.get("/s/{token}/events", openapi_extra={"x-orderdesk-access": "public"})
async def share_events(request: Request, token: str = Path(max_length=100),
                       st: ServerState = Depends(state)) -> Response:
    lang = _lang(request)
    addr = _addr(request)
    check, refusal = await run_in_threadpool(_gate, request, st, token, "stream")
    if refusal is not None:
        return refusal
    assert check is not None
    limiter = _limiter(request)
    if not limiter.open_stream(addr):
        return _message("slow", lang, 429)
    hub = _hub(request, st)
    hub.ensure_started()
    resume = _digest_of(request.headers.get("last-event-id"))
    link_id = check.link_id or ""

    async def stream():  # type: ignore[no-untyped-def]
        hub.streams += 1
        last = resume
        try:
            yield f"retry: 3000\n: {' ' * 64}\n\n"  # padding nudges buffering proxies
            version = -1
            while True:
                if version != hub.version:
                    version = hub.version
                    now_state = await run_in_threadpool(links.still_valid, st.desk, link_id)
                    if now_state != "ok":
                        yield _sse("gone", {"gone": True, "state": now_state,
                                            "page": share_pages.message_page(now_state, lang)})
                        return
                    rendered = await run_in_threadpool(_render, st, check, lang)
                    if rendered is None:
                        yield _sse("gone", {"gone": True, "state": "invalid",
                                            "page": share_pages.message_page("invalid", lang)})
                        return
                    digest = _digest(rendered[2])
                    if digest != last:
                        last = digest
                        event_id = _event_id(hub.head, digest)
                        yield _sse("status", {"html": rendered[2], "updated": _now_text(),
                                              "id": event_id}, event_id)
                moved = await hub.wait(version, KEEPALIVE)
                if not moved:
                    if check.expires_at is not None and check.expires_at <= utcnow():
                        version = -1  # re-check now: it will answer gone
                        continue
                    yield ": keep-alive\n\n"
        except asyncio.CancelledError:
            raise
        finally:
            hub.streams -= 1
            limiter.close_stream(addr)

    headers = dict(PAGE_HEADERS)
    headers.update({"Cache-Control": "no-cache, no-store", "X-Accel-Buffering": "no"})
    return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)


# --- signed-in API -------------------------------------------------------------------------
class ShareIn(BaseModel):
    kind: Literal["order", "customer", "board"] = "order"
    ref: str = Field(min_length=1, max_length=80)
    scope: Literal["status", "status+prices"] = "status"
    days: float = Field(default=links.DEFAULT_DAYS, gt=0, le=links.MAX_DAYS)


class ShareOut(BaseModel):
    url: str
    token: str
    expires_at: dt.datetime
    kind: str
    label: str
    scope: str


class RevokeIn(BaseModel):
    token: str = Field(min_length=1, max_length=400)


class LinkOut(BaseModel):
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


def public_base(request: Request, st: ServerState) -> str:
    """Where phones reach this server: ORDERDESK_PUBLIC_URL, the `share.public_url`
    setting, else the address the caller used."""
    configured = os.environ.get("ORDERDESK_PUBLIC_URL") or links.public_url_setting(st.desk)
    return (configured or str(request.base_url)).rstrip("/")


def _as(st: ServerState, request: Request):  # type: ignore[no-untyped-def]
    who = caller(request)
    return desk_for(st, user=UserInfo(id="", username=who.name, display_name=who.name,
                                      roles=who.roles), station=who.station or "api")


@router.post("/api/share", response_model=ShareOut, status_code=201, tags=["share"],
             **access("share.create"))
def make_link(body: ShareIn, request: Request, st: ServerState = Depends(state)) -> ShareOut:
    made = links.create_link(_as(st, request), body.kind, body.ref, scope=body.scope,
                             days=body.days)
    return ShareOut(url=public_base(request, st) + made.path, token=made.token,
                    expires_at=made.expires_at, kind=made.kind, label=made.label,
                    scope=made.scope)


class NotifyIn(BaseModel):
    ref: str = Field(min_length=1, max_length=80)
    # robot: a group-robot message (7 days); print: a delivery note or certificate that
    # the customer keeps (90 days). Both status only.
    purpose: Literal["robot", "print"] = "robot"


@router.post("/api/share/notify", response_model=ShareOut, status_code=201, tags=["share"],
             **access(SYNC))
def notify_link(body: NotifyIn, request: Request, st: ServerState = Depends(state)) -> ShareOut:
    """A status-only order link for a group-robot message (7 days) or a printed paper
    (delivery note, certificate: 90 days). Stations may ask for it (they send the robot
    messages and print the papers); it shows nothing the station does not already hold,
    and never prices."""
    from orderdesk.share import robot

    who = caller(request)
    label = f"station:{who.name}" if who.kind == "station" else who.name
    made = links.create_link(desk_for(st, user=None, station=who.station or who.name), "order",
                             body.ref, scope="status",
                             days=robot.LINK_DAYS if body.purpose == "robot" else robot.PRINT_DAYS,
                             created_by=label)
    return ShareOut(url=public_base(request, st) + made.path, token=made.token,
                    expires_at=made.expires_at, kind=made.kind, label=made.label,
                    scope=made.scope)


@router.post("/api/share/revoke", response_model=LinkOut, tags=["share"],
             **access("share.create"))
def revoke_link(body: RevokeIn, request: Request, st: ServerState = Depends(state)) -> LinkOut:
    row = links.revoke(_as(st, request), body.token)
    return LinkOut(**row.__dict__)


@router.get("/api/share/links", response_model=list[LinkOut], tags=["share"],
            **access("order.read"))
def list_links(request: Request, kind: Literal["order", "customer"] = "order",
               ref: str = Query(..., min_length=1, max_length=80),
               st: ServerState = Depends(state)) -> list[LinkOut]:
    return [LinkOut(**r.__dict__) for r in links.links_for(_as(st, request), kind, ref)]
