"""The FastAPI application of the central server.

`create_app(db_url)` migrates the database (Alembic, SQLite or PostgreSQL), publishes
any waiting server-side writes, and mounts one router per resource. Thin routes, one
transaction per request; errors come back as JSON `{error, message, facts}` in the
caller's language (Accept-Language, Chinese by default) and never as a traceback.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import select
from starlette.exceptions import HTTPException as StarletteHTTPException

from orderdesk import __version__
from orderdesk.errors import OrderdeskError
from orderdesk.messages import describe
from orderdesk.models import Setting
from orderdesk.sync.server import store
from orderdesk.sync.server.deps import ServerState
from orderdesk.sync.server.deskserver import ServerDesk

log = logging.getLogger("orderdesk.server")

STATUS = {
    "not_found": 404, "validation_failed": 422, "permission_denied": 403,
    "login_failed": 401, "account_locked": 423, "account_disabled": 403,
    "weak_password": 422, "database_locked": 503,
}
SERVER_ID_KEY = "sync.server_id"


def _lang(request: Request) -> str:
    accept = request.headers.get("accept-language", "").lower()
    return "en" if accept.startswith("en") else "zh"


def _safe(facts: dict[str, Any]) -> dict[str, Any]:
    return {k: v if isinstance(v, (str, int, float, bool, type(None))) else str(v)
            for k, v in facts.items() if k not in ("password", "token", "key")}


def _server_id(desk: ServerDesk) -> str:
    """A random id fixed at the first start; stations notice a different server."""
    from orderdesk.ids import uuid7

    with desk.read() as s:
        found = s.scalar(select(Setting.value).where(Setting.key == SERVER_ID_KEY))
    if found:
        return found
    with desk.write() as s:
        found = s.scalar(select(Setting.value).where(Setting.key == SERVER_ID_KEY))
        if found:
            return found
        value = uuid7()
        s.add(Setting(key=SERVER_ID_KEY, value=value))
    return value


def create_app(db_url: str, *, migrate: bool = True) -> FastAPI:
    desk = ServerDesk(db_url, migrate=migrate)
    with desk.write():
        pass  # publishes writes made straight on the database while the server was down
    app = FastAPI(title="orderdesk server", version=__version__,
                  description="Central server of orderdesk: accounts, station registry, "
                              "offline-first sync (push / pull / live), conflicts, channel "
                              "intake. Every route's access level is in `x-orderdesk-access`.")
    app.state.orderdesk = ServerState(desk=desk, server_id=_server_id(desk))
    from orderdesk.sync.server import edi_sender  # the one EDI sender for all stations

    if edi_sender.interval_from_env() > 0:
        _edi = edi_sender.SenderThread(desk, edi_sender.interval_from_env())
        app.router.on_startup.append(_edi.start)
        app.router.on_shutdown.append(_edi.stop)

    @app.exception_handler(OrderdeskError)
    async def _domain_error(request: Request, exc: OrderdeskError) -> JSONResponse:
        return JSONResponse(status_code=STATUS.get(exc.code, 400), content={
            "error": exc.code, "message": describe(exc, _lang(request)),
            "facts": _safe(exc.facts)})

    @app.exception_handler(RequestValidationError)
    async def _bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors()[:20]:
            where = ".".join(str(p) for p in err.get("loc", ()))
            problems.append(f"{where}: {err.get('msg', 'invalid')}")
        zh = _lang(request) == "zh"
        message = ("请求内容有误:" if zh else "invalid request: ") + "; ".join(problems)
        return JSONResponse(status_code=422, content={
            "error": "invalid_request", "message": message,
            "facts": {"problems": problems}})

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse(status_code=exc.status_code, headers=getattr(exc, "headers", None),
                            content={"error": f"http_{exc.status_code}",
                                     "message": str(exc.detail), "facts": {}})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return JSONResponse(status_code=500, content={
            "error": "internal", "message": "服务器内部错误,已记录 / internal server error "
                                            "(logged)", "facts": {}})

    @app.get("/api/health", tags=["meta"], openapi_extra={"x-orderdesk-access": "public"})
    def health() -> dict[str, Any]:
        with desk.read() as s:
            return {"ok": True, "version": __version__, "head": store.head(s),
                    "server_id": app.state.orderdesk.server_id}

    from orderdesk.sync.server.routes import auth, intake, stations, sync, users

    for module in (auth, sync, users, stations, intake):
        app.include_router(module.router)
    try:
        from orderdesk.sync.server.routes import certificates
    except ImportError:  # the certificate verifier is not part of this build yet
        certificates = None
    if certificates is not None and certificates.available():
        app.include_router(certificates.router)
    from orderdesk.sync.server.routes import share

    app.include_router(share.router)
    from orderdesk.sync.server.routes import planning as planning_routes  # issue 17

    app.include_router(planning_routes.router)
    from orderdesk.sync.server import anchors, limits

    app.include_router(anchors.router)
    limits.install(app)  # 401 before the body, 413, 400 for NaN / too deep (issue 13)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` with several workers (ORDERDESK_SERVER_DB)."""
    import os

    return create_app(os.environ["ORDERDESK_SERVER_DB"], migrate=False)
