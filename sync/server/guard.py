"""Checks of what a caller sends before anything is stored (issue 13): values that fit
their columns, stations that only the station itself speaks for.

Every refusal here is a 4xx with a reason, never a 500, and happens before the push
touches the database, so nothing of a malformed push is kept.
"""

from __future__ import annotations

import json
import math
from decimal import Decimal, InvalidOperation
from typing import Any

from fastapi import HTTPException
from sqlalchemy import BigInteger, Float, Integer, Numeric, select
from sqlalchemy.orm import Session

from orderdesk.models.sync import SyncStation
from orderdesk.sync import codec
from orderdesk.sync.server.security import Principal

INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1
#: Deepest JSON nesting a pushed value may have (rows are flat; a few levels of JSON
#: inside settings or notes at most).
MAX_DEPTH = 32
#: Columns that hold a price or an ordered quantity: never negative.
NON_NEGATIVE = frozenset({
    ("order_lines", "quantity"), ("order_lines", "unit_price"),
    ("invoice_lines", "unit_price"), ("products", "unit_price"),
})


class BadValue(ValueError):
    pass


class StationClaimed(Exception):
    """Someone other than the station tried to speak for it."""


def _reject_constant(name: str) -> Any:
    raise BadValue(f"non-finite number {name} / 数值无效 {name}")


def _parse(text: str) -> Any:
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except RecursionError:
        raise BadValue(f"JSON nested deeper than {MAX_DEPTH} levels / JSON 嵌套过深") from None
    except ValueError as exc:
        if isinstance(exc, BadValue):
            raise
        raise BadValue(f"not JSON / 不是 JSON: {str(exc)[:80]}") from None
    _depth_ok(value)
    return value


def _depth_ok(value: Any) -> None:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadValue(f"JSON nested deeper than {MAX_DEPTH} levels / JSON 嵌套过深")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, float) and not math.isfinite(item):
            raise BadValue("non-finite number / 数值无效")


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            raise BadValue("non-finite number / 数值无效")
        return Decimal(str(value))
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return None
        if not number.is_finite():
            raise BadValue(f"non-finite number {value!r} / 数值无效")
        return number
    return None


def check_column(entity: str, column: Any, value: Any) -> None:
    """Raise BadValue when `value` does not fit `column` (range, sign, finiteness)."""
    if value is None:
        return
    kind = column.type
    if isinstance(kind, (Numeric, Integer, BigInteger, Float)):
        number = _number(value)
        if number is None:
            return  # the codec refuses the type itself
        if isinstance(kind, Numeric) and not isinstance(kind, Float) and kind.precision:
            bound = Decimal(10) ** (kind.precision - (kind.scale or 0))
            if abs(number) >= bound:
                raise BadValue(f"{entity}.{column.name}: {value} is out of range "
                               f"/ 超出范围")
        elif isinstance(kind, BigInteger) and abs(number) > INT64_MAX:
            raise BadValue(f"{entity}.{column.name}: {value} is out of range / 超出范围")
        elif isinstance(kind, Integer) and not isinstance(kind, BigInteger) \
                and abs(number) > INT32_MAX:
            raise BadValue(f"{entity}.{column.name}: {value} is out of range / 超出范围")
        if (entity, column.name) in NON_NEGATIVE and number < 0:
            raise BadValue(f"{entity}.{column.name}: {value} must not be negative / 不能为负数")


def check_change(c: Any) -> None:
    """One pushed change: its numbers, its JSON values and their columns."""
    if c.base_seq is not None and not 0 <= c.base_seq <= INT64_MAX:
        raise BadValue("base_seq out of range / base_seq 超出范围")
    try:
        table = codec.table_for(c.entity)
    except (codec.UnknownEntity, KeyError):
        table = None  # refused (and recorded) by the authoriser as not syncable
    for text in (c.old_value, c.new_value):
        if text is None:
            continue
        value = _parse(text)
        if table is None:
            continue
        if c.op == "insert" and text is c.new_value and isinstance(value, dict):
            for name, item in value.items():
                if name in table.columns:
                    check_column(c.entity, table.columns[name], item)
        elif c.op == "update" and text is c.new_value and c.field in table.columns:
            check_column(c.entity, table.columns[c.field], value)


def check_values(changes: list[Any]) -> None:
    """400 for the first change whose values cannot be right; nothing is stored."""
    for c in changes:
        try:
            check_change(c)
        except BadValue as exc:
            raise HTTPException(status_code=400, detail=f"change {c.change_id}: {exc}"[:300])


def check_intake_lines(lines: list[Any]) -> None:
    """Channel intake: finite, in-range quantities and prices; no negative price."""
    qty_col = codec.table_for("order_lines").columns["quantity"]
    price_col = codec.table_for("order_lines").columns["unit_price"]
    for n, line in enumerate(lines, 1):
        try:
            for col, value in ((qty_col, line.quantity), (price_col, line.unit_price)):
                if isinstance(value, str):
                    number = _number(value)
                    value = number if number is not None else None
                check_column("order_lines", col, value)
        except BadValue as exc:
            raise HTTPException(status_code=400, detail=f"line {n}: {exc}"[:300])


# ---- stations speak for themselves --------------------------------------------------

def owns_station(who: Principal, name: str) -> bool:
    """The caller is the station itself: its key, or a person signed in at it."""
    if who.kind == "station":
        return who.name == name
    return who.kind == "user" and who.station == name


def hello_allowed(session: Session, who: Principal, name: str) -> None:
    """Raise StationClaimed unless the caller may bind this station name.

    A person's token binds only the station it was issued for; a station registered
    with a key (by the system admin) is bound by its key only, so nobody can take its
    name before the real station's first contact."""
    if who.kind == "station":
        return
    if who.station != name:
        raise StationClaimed(f"sign in at station {name} to register it / 请在工作站 {name} "
                             f"上登录后再注册")
    key = session.scalar(select(SyncStation.key_hash).where(SyncStation.name == name))
    if key is not None:
        raise StationClaimed(f"station {name} is registered with a key: only its key may "
                             f"connect it / 工作站 {name} 已用密钥注册,只能用其密钥连接")


# ---- refused changes are kept small ---------------------------------------------------

STUB_PREFIX = 120


def stub(text: str | None) -> str | None:
    """What the log, the audit trail and the conflict keep of a refused value: its
    SHA-256, its length and a short prefix (a refused 50 MB value costs bytes, not MB).
    Short values are kept whole: the admin reads what was refused."""
    if text is None or len(text) <= STUB_PREFIX:
        return text
    import hashlib

    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
    return json.dumps({"refused_value": {"sha256": digest, "length": len(text),
                                         "prefix": text[:STUB_PREFIX]}}, ensure_ascii=False)


# ---- secrets stay home ----------------------------------------------------------------

#: What a station receives instead of a password hash: no argon2 hash verifies it, so
#: nothing it can be used for (offline sign-in uses `OfflineVerifier` material instead).
NO_HASH = "!"
SECRET_FIELDS = frozenset({("users", "password_hash")})


def redact_change(change: dict[str, Any]) -> dict[str, Any]:
    """A pulled change without any password hash (issue 13: hashes never leave)."""
    entity = change.get("entity")
    if entity != "users":
        return change
    if change.get("field") == "password_hash":
        return {**change, "value": json.dumps(NO_HASH)}
    if change.get("op") == "insert" and change.get("value"):
        try:
            row = json.loads(change["value"])
        except ValueError:
            return {**change, "value": None}
        if isinstance(row, dict) and "password_hash" in row:
            row["password_hash"] = NO_HASH
            return {**change, "value": json.dumps(row, ensure_ascii=False)}
    return change


def redact_row(entity: str, values: dict[str, Any]) -> dict[str, Any]:
    if entity == "users" and "password_hash" in values:
        values["password_hash"] = NO_HASH
    return values


def redact_conflict(conflict: dict[str, Any]) -> dict[str, Any]:
    if (conflict.get("entity"), conflict.get("field")) in SECRET_FIELDS:
        return {**conflict, **{k: json.dumps(NO_HASH) for k in
                               ("base_value", "kept_value", "other_value", "resolution")
                               if conflict.get(k) is not None}}
    return conflict


# ---- certificate trust keys: proposals only, unless a system admin -----------------------

def _trust_entry(c: Any) -> dict[str, Any] | None:
    from orderdesk.certificates.signing import TRUSTED_KEY_PREFIX

    if c.entity != "settings" or not c.entity_id.startswith(TRUSTED_KEY_PREFIX):
        return None
    try:
        if c.op == "insert":
            text = (json.loads(c.new_value or "{}") or {}).get("value")
        elif c.op == "update" and c.field == "value":
            text = json.loads(c.new_value or "null")
        else:
            return None
        entry = json.loads(text) if isinstance(text, str) else None
    except (ValueError, AttributeError):
        return {"kind": "unreadable"}
    return entry if isinstance(entry, dict) else {"kind": "unreadable"}


def check_trust_keys(session: Session, changes: list[Any]) -> None:
    """403 for a pushed trusted-key entry that is more than a station's proposal (kind
    "server", or claiming an approval) unless its actor is a system admin (issue 13)."""
    from orderdesk import roles as role_defs
    from orderdesk.sync.server.authorize import Authorizer

    authz = None
    for c in changes:
        entry = _trust_entry(c)
        if entry is None or (entry.get("kind") == "station" and not entry.get("approved_by")):
            continue
        authz = authz or Authorizer(session)
        person = authz.person(c.user or "")
        if person is None or not person.active or not role_defs.can(person.roles,
                                                                     "settings.system"):
            raise HTTPException(status_code=403, detail=(
                f"change {c.change_id}: only a system admin trusts a server key or approves "
                f"a key / 只有系统管理员可信任服务器密钥或批准密钥"))
