"""Request limits in front of every route (issue 13), as one pure ASGI middleware.

- **Authentication before the body.** The route's access level (`x-orderdesk-access`,
  declared by `deps.access`) is looked up from the path alone; a request to a route that
  needs a token (or a channel key) without a valid one is answered 401 before a byte of
  its body is read. Public routes (sign-in, health, certificate checks, share pages) are
  not touched.
- **Body size.** A declared `Content-Length` above the limit is answered 413 before
  reading; a body without one (chunked) is read only up to the limit, then 413. The
  limit is a setting: `ORDERDESK_MAX_BODY_BYTES` (default `DEFAULT_MAX_BODY`), or
  `install(app, max_body=...)`.
- **JSON that cannot be right**: `NaN` / `Infinity` anywhere in a JSON body, and nesting
  deeper than Python can parse, are answered 400 (they used to reach the routes and end
  in a 500).

Only requests are looked at: answers (long polls, server-sent events of the share
pages, downloads) stream through untouched.
"""

from __future__ import annotations

import json
import os
from typing import Any

from orderdesk.sync.server import security

DEFAULT_MAX_BODY = 33 * 1024 * 1024  # one 32 MiB value (schemas.MAX_VALUE) and its frame
ENV_MAX_BODY = "ORDERDESK_MAX_BODY_BYTES"
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def max_body_from_env() -> int:
    try:
        value = int(os.environ.get(ENV_MAX_BODY, "") or DEFAULT_MAX_BODY)
    except ValueError:
        value = DEFAULT_MAX_BODY
    return max(1024, value)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


class Limits:
    def __init__(self, app: Any, *, fastapi_app: Any, max_body: int) -> None:
        self.app = app
        self.fastapi_app = fastapi_app
        self.max_body = max_body
        self._routes: list[tuple[Any, str, str]] | None = None

    # -- which access a path needs -----------------------------------------------------
    def _table(self) -> list[tuple[Any, str, str]]:
        """(path regex, method, access) of every route, from the published schema (the
        same `x-orderdesk-access` the route checks), built once."""
        if self._routes is None:
            import re

            rows = []
            for path, item in self.fastapi_app.openapi().get("paths", {}).items():
                pattern = re.compile("^" + re.sub(r"\\{[^/]+?\\}", "[^/]+", re.escape(path))
                                     + "$")
                for method, op in item.items():
                    if isinstance(op, dict):
                        rows.append((pattern, method.upper(),
                                     op.get("x-orderdesk-access", security.PUBLIC)))
            self._routes = rows
        return self._routes

    def _access(self, scope: dict[str, Any]) -> str | None:
        path, method = scope.get("path", ""), scope.get("method", "")
        for pattern, verb, level in self._table():
            if verb == method and pattern.match(path):
                return level
        return None  # no route: FastAPI answers 404/405 itself

    def _authenticated(self, scope: dict[str, Any], access: str) -> bool:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        st = self.fastapi_app.state.orderdesk
        if access == security.CHANNEL:
            key = headers.get("x-api-key", "")
            if not key or len(key) > 200:
                return False
            with st.desk.read() as s:
                return security.channel_by_key(s, key) is not None
        auth = headers.get("authorization", "")
        scheme, _sep, token = auth.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > 200:
            return False
        with st.desk.read() as s:
            principal, _touch = security.check_token(s, token)
        return principal is not None

    # -- ASGI --------------------------------------------------------------------------
    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        from starlette.concurrency import run_in_threadpool

        access = self._access(scope)
        if access is not None and access != security.PUBLIC:
            if not await run_in_threadpool(self._authenticated, scope, access):
                message = ("X-API-Key required or invalid / API 密钥无效"
                           if access == security.CHANNEL else
                           "sign-in required, or the token is invalid or expired / "
                           "需要登录,或令牌无效或已过期")
                await _answer(send, 401, "http_401", message,
                              [(b"www-authenticate", b"Bearer")]
                              if access != security.CHANNEL else [])
                return
        length = None
        for key, value in scope.get("headers", []):
            if key.lower() == b"content-length":
                try:
                    length = int(value)
                except ValueError:
                    await _answer(send, 400, "http_400", "bad Content-Length / 长度无效")
                    return
        if length is not None and length > self.max_body:
            await _answer(send, 413, "http_413", self._too_large())
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                await _answer(send, 413, "http_413", self._too_large())
                return
        data = bytes(body)
        if data and _is_json(scope) and (b"NaN" in data or b"Infinity" in data
                                         or data.count(b"[") + data.count(b"{") > 10000):
            problem = _json_problem(data)
            if problem is not None:
                await _answer(send, 400, "invalid_request", problem)
                return
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": data, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    def _too_large(self) -> str:
        return (f"request body larger than {self.max_body} bytes / 请求内容超过 "
                f"{self.max_body} 字节")


def _is_json(scope: dict[str, Any]) -> bool:
    for key, value in scope.get("headers", []):
        if key.lower() == b"content-type":
            return b"json" in value.lower()
    return False


def _json_problem(data: bytes) -> str | None:
    try:
        json.loads(data, parse_constant=_reject_constant)
    except RecursionError:
        return "JSON nested too deeply / JSON 嵌套过深"
    except ValueError as exc:
        if str(exc) in ("NaN", "Infinity", "-Infinity"):
            return f"non-finite number {exc} / 数值无效 {exc}"
        return None  # FastAPI answers malformed JSON itself (422)
    return None


async def _answer(send: Any, status: int, error: str, message: str,
                  headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": error, "message": message, "facts": {}},
                      ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())] + (headers or [])})
    await send({"type": "http.response.body", "body": body})


def install(app: Any, *, max_body: int | None = None) -> None:
    """Put the limits in front of `app` and document the answers in its OpenAPI."""
    app.add_middleware(Limits, fastapi_app=app,
                       max_body=max_body if max_body is not None else max_body_from_env())
    from fastapi.responses import JSONResponse

    @app.exception_handler(RecursionError)
    async def _too_deep(request: Any, exc: RecursionError) -> JSONResponse:
        return JSONResponse(status_code=400, content={
            "error": "invalid_request", "message": "JSON nested too deeply / JSON 嵌套过深",
            "facts": {}})

    _document(app)


ERROR_SCHEMA = {"type": "object", "properties": {
    "error": {"type": "string"}, "message": {"type": "string"}, "facts": {"type": "object"}}}


def _document(app: Any) -> None:
    """Every route's possible refusals in the OpenAPI schema (401/403 by access level,
    400/413 for bodies, 429 for sign-in)."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        texts = {"400": "malformed request (bad value, non-finite number, too deep)",
                 "401": "no valid token (or channel key)",
                 "403": "authenticated, but not allowed",
                 "413": "request body larger than the limit",
                 "429": "too many failed sign-ins: wait Retry-After seconds"}
        for path, item in schema.get("paths", {}).items():
            for method, op in item.items():
                if not isinstance(op, dict):
                    continue
                access = op.get("x-orderdesk-access", security.PUBLIC)
                codes = ["400"]
                if method.upper() in _BODY_METHODS:
                    codes.append("413")
                if access != security.PUBLIC:
                    codes.append("401")
                if access not in (security.PUBLIC, security.CHANNEL, security.AUTHENTICATED):
                    codes.append("403")
                if path.startswith("/api/auth/") and method == "post":
                    codes += ["401", "429"]
                responses = op.setdefault("responses", {})
                for code in codes:
                    responses.setdefault(code, {"description": texts[code], **ref})
        app.openapi_schema = schema
        return schema

    app.openapi = openapi
