"""Wording of core errors for the command line, in Chinese or English.

The desktop app words errors through Qt's tr(); commands and the server use this table.
The language comes from ORDERDESK_LANG, else LANG (zh unless it says English).
"""

from __future__ import annotations

import os

from orderdesk.errors import OrderdeskError

TEXTS: dict[str, tuple[str, str]] = {
    "not_found": ("找不到{entity}:{key}", "{entity} not found: {key}"),
    "validation_failed": ("数据有误:字段 {field},值 {value},原因 {reason}",
                          "invalid data: field {field}, value {value}, reason {reason}"),
    "permission_denied": ("没有权限执行 {action}", "not allowed to {action}"),
    "login_failed": ("用户名或密码错误", "wrong user name or password"),
    "account_locked": ("账号已锁定,请于 {until} 后再试", "account locked until {until}"),
    "account_disabled": ("账号已停用", "account disabled"),
    "weak_password": ("密码太弱:至少 {min_length} 位,包含大写、小写、数字、符号中的 {min_classes} 类",
                      "password too weak: at least {min_length} characters from {min_classes} of "
                      "upper case, lower case, digits, symbols"),
    "database_too_new": ("数据库 {url} 来自更新版本的 orderdesk({revisions}),请升级程序",
                         "database {url} was written by a newer orderdesk ({revisions}); "
                         "upgrade the program"),
    "database_locked": ("数据库 {url} 被其他程序锁定,请稍后重试",
                        "database {url} is locked by another program; try again later"),
    "database_unreadable": ("无法读取数据库 {url}:{reason}", "cannot read database {url}: {reason}"),
    "delete_forbidden": ("业务数据不能删除({entity}),请使用取消或归档",
                         "business rows cannot be deleted ({entity}); cancel or archive instead"),
    "file_missing": ("文件不存在:{path}", "file not found: {path}"),
}


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return "-"


def language() -> str:
    lang = os.environ.get("ORDERDESK_LANG") or os.environ.get("LANG", "zh")
    return "en" if lang.lower().startswith("en") else "zh"


def describe(error: OrderdeskError | str, lang: str | None = None, **facts: object) -> str:
    code = error if isinstance(error, str) else error.code
    if not isinstance(error, str):
        facts = {**error.facts, **facts}
    zh, en = TEXTS.get(code, ("错误:{detail}", "error: {detail}"))
    template = en if (lang or language()) == "en" else zh
    values = _Blank({k: v for k, v in facts.items() if v is not None})
    values.setdefault("detail", code)
    return template.format_map(values)
