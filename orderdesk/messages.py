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
    "backup_missing": ("文件不存在:{path}", "file not found: {path}"),
    "backup_not_sqlite": ("{path} 不是工作站的 SQLite 数据库;服务器的 PostgreSQL 请用 pg_dump 备份",
                          "{path} is not a station's SQLite database; back up the server's "
                          "PostgreSQL with pg_dump"),
    "backup_unreadable": ("{path} 不是可读的数据库文件({detail})",
                          "{path} is not a readable database file ({detail})"),
    "backup_damaged": ("{path} 已损坏,完整性检查未通过({detail}),未做任何更改",
                       "{path} is damaged: the integrity check failed ({detail}); nothing "
                       "was changed"),
    "backup_not_orderdesk": ("{path} 不是 orderdesk 数据库", "{path} is not an orderdesk database"),
    "backup_newer_release": ("{path} 来自更新版本的 orderdesk({detail}),请先升级程序",
                             "{path} comes from a newer orderdesk ({detail}); upgrade first"),
    "backup_exists": ("{path} 已存在,不会覆盖;请换一个文件名",
                      "{path} exists already and is not overwritten; choose another name"),
    "backup_folder_missing": ("目录不存在:{path}", "folder not found: {path}"),
    "backup_in_use": ("{path} 正被工作站使用,请先关闭 orderdesk 再恢复",
                      "{path} is in use by a station; close orderdesk before restoring"),
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
