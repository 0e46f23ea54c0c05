"""Request and answer bodies of the server API (validated by FastAPI, published in OpenAPI).

Every string has a length limit and every list a size limit, so a malformed or hostile
body is refused with a 422 that names the field, before any database work.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Name = Field(min_length=1, max_length=60)
MAX_PUSH = 5000
MAX_VALUE = 32 * 1024 * 1024


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(Strict):
    username: str = Field(min_length=1, max_length=60)
    password: str = Field(min_length=1, max_length=200)
    station: str | None = Field(default=None, max_length=60)


class StationLoginIn(Strict):
    station: str = Field(min_length=1, max_length=60)
    key: str = Field(min_length=10, max_length=200)


class TokenOut(BaseModel):
    token: str
    token_type: str = "bearer"
    expires_at: dt.datetime
    kind: str
    name: str
    roles: list[str]


class MeOut(BaseModel):
    kind: str
    name: str
    roles: list[str]
    station: str | None


class HelloIn(Strict):
    station: str = Field(min_length=1, max_length=60)
    uid: str = Field(min_length=8, max_length=36)


class HelloOut(BaseModel):
    station: str
    number: int
    server_id: str
    head: int


class ChangeIn(Strict):
    change_id: str = Field(min_length=1, max_length=36)
    tx_id: str = Field(min_length=1, max_length=36)
    entity: str = Field(min_length=1, max_length=60)
    entity_id: str = Field(min_length=1, max_length=64)
    op: Literal["insert", "update", "delete"]
    field: str | None = Field(default=None, max_length=60)
    old_value: str | None = Field(default=None, max_length=MAX_VALUE)
    new_value: str | None = Field(default=None, max_length=MAX_VALUE)
    base_seq: int | None = Field(default=None, ge=0)
    user: str | None = Field(default=None, max_length=60)
    station: str | None = Field(default=None, max_length=60)
    at: dt.datetime


class PushIn(Strict):
    changes: list[ChangeIn] = Field(max_length=MAX_PUSH)


class ChangeResult(BaseModel):
    change_id: str
    seq: int
    outcome: str
    result_value: str | None
    conflict_id: str | None
    detail: str | None
    duplicate: bool


class PushOut(BaseModel):
    results: list[ChangeResult]
    head: int


#: The largest station transaction the server stages (a 50,000-row import is about
#: 200,000 changes); a bigger one is refused and parked at the station with the reason.
MAX_TX = 2_000_000


class PieceIn(Strict):
    """One piece of a station transaction too large for one push request."""

    tx_id: str = Field(min_length=1, max_length=36)
    tx_size: int = Field(ge=1, le=MAX_TX)
    start: int = Field(ge=0, le=MAX_TX)
    changes: list[ChangeIn] = Field(min_length=1, max_length=MAX_PUSH)


class PieceOut(BaseModel):
    state: Literal["staged", "applied"]
    staged: int
    tx_size: int
    results: list[ChangeResult]
    head: int


class OutcomesIn(Strict):
    change_ids: list[str] = Field(max_length=MAX_PUSH)


class PullOut(BaseModel):
    changes: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    next_cursor: int
    head: int
    has_more: bool
    # True when `since` is below the pruned part of the log: download the current rows
    # (GET /sync/snapshot) instead, then pull on from the snapshot's head.
    resync: bool = False


class SnapshotOut(BaseModel):
    changes: list[dict[str, Any]]
    conflicts: list[dict[str, Any]]
    head: int
    next_entity: str | None
    next_after: str | None


class LiveOut(BaseModel):
    head: int
    changed: bool


class ResolveIn(Strict):
    change_id: str = Field(min_length=1, max_length=36)
    keep: Literal["kept", "other"] | None = None
    value: str | None = Field(default=None, max_length=MAX_VALUE)
    user: str | None = Field(default=None, max_length=60)


class UserIn(Strict):
    username: str = Field(min_length=2, max_length=60)
    display_name: str = Field(default="", max_length=100)
    password: str = Field(min_length=1, max_length=200)
    roles: list[str] = Field(min_length=1, max_length=9)


class PasswordIn(Strict):
    password: str = Field(min_length=1, max_length=200)


class RolesIn(Strict):
    roles: list[str] = Field(max_length=9)


class UserOut(BaseModel):
    username: str
    display_name: str
    roles: list[str]
    active: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None


class StationIn(Strict):
    name: str = Field(min_length=1, max_length=60, pattern=r"^[\w.\-]+$")


class StationOut(BaseModel):
    name: str
    number: int
    registered_at: dt.datetime
    registered_by: str | None
    last_seen_at: dt.datetime | None
    cursor: int
    active: bool
    key: str | None = None


class ChannelKeyIn(Strict):
    channel: str = Field(min_length=1, max_length=40, pattern=r"^[\w.\-]+$")


class ChannelKeyOut(BaseModel):
    id: str
    channel: str
    prefix: str
    created_at: dt.datetime
    active: bool
    key: str | None = None


class IntakeLineIn(Strict):
    sku: str = Field(min_length=1, max_length=80)
    quantity: float | str
    unit_price: float | str | None = None
    unit: str | None = Field(default=None, max_length=20)


class IntakeOrderIn(Strict):
    channel_order_no: str = Field(min_length=1, max_length=80)
    customer_code: str | None = Field(default=None, max_length=40)
    customer_name: str | None = Field(default=None, max_length=200)
    phone: str | None = Field(default=None, max_length=40)
    address: str | None = Field(default=None, max_length=400)
    customer_po: str | None = Field(default=None, max_length=60)
    order_time: dt.datetime | None = None
    requested_date: dt.date | None = None
    urgent: bool | None = None
    lines: list[IntakeLineIn] = Field(min_length=1, max_length=500)
    note: str | None = Field(default=None, max_length=4000)


class IntakeOut(BaseModel):
    created: bool
    order_id: str | None
    order_no: str | None
    problems: list[str]


class ErrorOut(BaseModel):
    error: str
    message: str
    facts: dict[str, Any] = {}
