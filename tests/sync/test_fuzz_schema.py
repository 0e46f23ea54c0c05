"""Property-based fuzz of every route in the published OpenAPI schema (issue 13):
schemathesis generates requests (path, query, headers, bodies) from the schema, sent to a
real server process as four kinds of caller — nobody, a forged token, a signed-in person
whose roles the route does not allow, and one it allows. Asserted for every request:
never a 5xx; and for the first three kinds, a 4xx and nothing written (the database's
fingerprint — row counts of every synchronised table, accounts, stations, keys, the change
log head — is the same after their requests).

Bounded: a fixed number of examples per operation and caller (derandomized, no database
of examples), well under a minute on the 2-core machine. The counts (operations,
requests, 5xx) are printed: `pytest -rP tests/sync/test_fuzz_schema.py`.
"""

from __future__ import annotations

import collections
from typing import Any

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from sqlalchemy import func, select

from orderdesk.desk import Desk
from orderdesk.models import Base
from orderdesk.sync.server import security, store
from orderdesk.sync.server.security import Principal

from .conftest import PASSWORD, USERS

schemathesis = pytest.importorskip("schemathesis")

#: Examples per operation and caller (the unauthorised ones are cheap to refuse).
EXAMPLES = {"nobody": 2, "forged": 2, "wrong": 2, "right": 5}
#: The operation that ends the caller's own token: fuzzed without a real token only.
NO_TOKEN_FUZZ = {("POST", "/api/auth/logout")}


def _fingerprint(desk: Desk) -> tuple:
    if True:
        with desk.read() as s:
            counts = []
            names = store.snapshot_entities() + ["sync_stations", "sync_api_keys",
                                                 "sync_conflicts"]
            for name in names:
                table = Base.metadata.tables.get(name)
                if table is not None:
                    counts.append((name, s.scalar(select(func.count()).select_from(table))))
            return tuple(counts) + (("head", store.head(s)),)


def _tokens(server) -> dict[str, str]:  # type: ignore[no-untyped-def]
    out = {}
    for name in USERS:
        r = requests.post(server.url + "/api/auth/login",
                          json={"username": name, "password": PASSWORD, "station": "FUZZ"})
        assert r.status_code == 200, r.text
        out[name] = r.json()["token"]
    return out


def _who(level: str, allowed: bool) -> str | None:
    """A seeded person whose roles do (allowed) or do not pass an access level."""
    for name, roles in USERS.items():
        if Principal("user", name, tuple(roles), "FUZZ").can(level) == allowed:
            return name
    return None


def test_fuzz_every_route_with_and_without_tokens(sqlite_server):
    server = sqlite_server
    spec = requests.get(server.url + "/openapi.json").json()
    schema = schemathesis.openapi.from_dict(spec)
    operations = [result.ok() for result in schema.get_all_operations()]
    tokens = _tokens(server)
    admin = tokens["admin"]
    channel_key = requests.post(server.url + "/api/channel-keys", json={"channel": "fuzz"},
                                headers={"Authorization": f"Bearer {admin}"}).json()["key"]
    made = requests.post(server.url + "/api/stations", json={"name": "FUZZ-ST"},
                         headers={"Authorization": f"Bearer {admin}"}).json()
    station_tok = requests.post(server.url + "/api/auth/station",
                                json={"station": "FUZZ-ST", "key": made["key"]}).json()["token"]
    http = requests.Session()
    counts: collections.Counter[str] = collections.Counter()
    failures: list[str] = []

    def headers_for(level: str, caller: str) -> dict[str, str] | None:
        if caller == "nobody":
            return {}
        if caller == "forged":
            return ({"X-API-Key": "odk_" + "x" * 43} if level == security.CHANNEL else
                    {"Authorization": "Bearer " + "x" * 43})
        if level == security.CHANNEL:
            key = channel_key if caller == "right" else None
            return {"X-API-Key": key} if key else {"Authorization": f"Bearer {admin}"}
        if level == security.STATION:
            return ({"Authorization": f"Bearer {station_tok}"} if caller == "right" else
                    {"Authorization": f"Bearer {tokens['sales1']}"})
        name = _who(level, caller == "right")
        return None if name is None else {"Authorization": f"Bearer {tokens[name]}"}

    def send(case: Any, extra: dict[str, str]) -> requests.Response:
        kwargs = case.as_transport_kwargs(base_url=server.url)
        kwargs["headers"] = {k: v for k, v in (kwargs.get("headers") or {}).items()
                             if k.lower() not in ("authorization", "x-api-key")}
        kwargs["headers"].update(extra)
        kwargs["headers"]["X-Station"] = "FUZZ"
        params = dict(kwargs.get("params") or {})
        if case.path in ("/sync/live",):
            params["timeout"] = 0  # a long poll would only wait
        kwargs["params"] = params
        kwargs.pop("cookies", None)
        return http.request(timeout=30, **kwargs)

    check = Desk(server.db_url, migrate=False, station="fuzz-check")
    for op in operations:
        level = op.definition.raw.get("x-orderdesk-access", security.PUBLIC)
        counts["operations"] += 1
        before = _fingerprint(check) if level != security.PUBLIC else None
        for caller, n in EXAMPLES.items():
            if level == security.PUBLIC and caller != "nobody":
                continue
            if caller != "nobody" and caller != "forged" and (op.method.upper(),
                                                               op.path) in NO_TOKEN_FUZZ:
                continue
            extra = headers_for(level, caller)
            if extra is None:
                continue
            unauthorised = level != security.PUBLIC and caller != "right"

            @settings(max_examples=n, deadline=None, derandomize=True, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=op.as_strategy())
            def run(case: Any) -> None:
                answer = send(case, extra)
                counts["requests"] += 1
                where = f"{op.method.upper()} {op.path} as {caller}"
                if answer.status_code >= 500:
                    counts["5xx"] += 1
                    failures.append(f"{where}: {answer.status_code} {answer.text[:200]}")
                if unauthorised and not 400 <= answer.status_code < 500:
                    failures.append(f"{where}: answered {answer.status_code} to an "
                                    f"unauthorised caller")

            try:
                run()
            except Unsatisfiable:
                counts["unsatisfiable"] += 1
            if unauthorised:  # the unauthorised callers come first: nothing may change
                after = _fingerprint(check)
                if after != before:
                    failures.append(f"{op.method.upper()} {op.path} as {caller}: the database "
                                    f"changed: {set(after) ^ set(before)}")
    check.close()
    counts.setdefault("5xx", 0)
    print(f"\nfuzz: operations {counts['operations']}, requests {counts['requests']}, "
          f"5xx {counts['5xx']}, unsatisfiable {counts['unsatisfiable']}")
    assert counts["operations"] >= 30
    assert not failures, "\n".join(failures[:30])
