"""Turn any exception into one translated sentence for the user; never a traceback.

The core raises typed errors with a code and facts (orderdesk/errors.py). Each code has
a sentence here; feature modules add theirs with `register_describer`, keyed by the
error class or its code:

    register_describer(UnknownBarcode, lambda e: QCoreApplication.translate(
        "warehouse", "Unknown barcode {code}").format(**e.facts))

Anything else (a bug, a file error) gets a plain sentence and goes to the log in full.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from orderdesk import errors as core

log = logging.getLogger(__name__)

Describer = Callable[[BaseException], str]
_describers: dict[object, Describer] = {}


def register_describer(code_or_class: str | type[BaseException], fn: Describer) -> None:
    """Word errors of this class (or with this `code`) with `fn(exc) -> str`."""
    _describers[code_or_class] = fn


class _Facts(dict):
    """Format values: a missing fact prints as "-" instead of raising KeyError."""

    def __missing__(self, key: str) -> str:
        return "-"


def _fmt(template: str, exc: BaseException) -> str:
    facts = getattr(exc, "facts", {}) or {}
    values = _Facts({k: _show(v) for k, v in facts.items() if v is not None})
    try:
        return template.format_map(values)
    except (ValueError, IndexError):  # a translation with broken braces
        return template


def _show(value: object) -> str:
    if isinstance(value, dt.datetime):
        return local_time_text(value)
    if isinstance(value, (list, tuple, set)):
        return ", ".join(str(v) for v in value)
    return str(value)


def local_time_text(value: dt.datetime) -> str:
    """A stored UTC time (naive) as the station's local wall-clock time, to the minute."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _reason(reason: object) -> str:
    texts = {
        "exists": QCoreApplication.translate("errors", "it already exists"),
        "required": QCoreApplication.translate("errors", "it is required"),
        "unknown": QCoreApplication.translate("errors", "it is not known"),
        "not_a_number": QCoreApplication.translate("errors", "it is not a number"),
        "not_positive": QCoreApplication.translate("errors", "it must be greater than zero"),
        "not_editable": QCoreApplication.translate("errors", "it cannot be edited"),
        "empty": QCoreApplication.translate("errors", "it is empty"),
        "mapped_elsewhere": QCoreApplication.translate("errors", "it already belongs to another order"),
        "already_initialised": QCoreApplication.translate("errors", "accounts already exist"),
    }
    return texts.get(str(reason), str(reason) if reason else "")


def _validation(exc: BaseException) -> str:
    facts = getattr(exc, "facts", {})
    reason = _reason(facts.get("reason"))
    value = facts.get("value")
    line = facts.get("line")
    text = QCoreApplication.translate("errors", "Invalid {field}").format(
        field=_field_name(str(facts.get("field", "-"))))
    if value not in (None, ""):
        text += QCoreApplication.translate("errors", ": \u201c{value}\u201d").format(value=_show(value))
    if line is not None:
        text += QCoreApplication.translate("errors", " (line {line})").format(line=line)
    if reason:
        text += QCoreApplication.translate("errors", " \u2014 {reason}").format(reason=reason)
    return text + "."


def _field_name(field: str) -> str:
    names = {
        "username": QCoreApplication.translate("errors", "user name"),
        "roles": QCoreApplication.translate("errors", "roles"),
        "password": QCoreApplication.translate("errors", "password"),
        "quantity": QCoreApplication.translate("errors", "quantity"),
        "unit_price": QCoreApplication.translate("errors", "unit price"),
        "sku": QCoreApplication.translate("errors", "product code"),
        "customer": QCoreApplication.translate("errors", "customer"),
        "reason": QCoreApplication.translate("errors", "reason"),
        "body": QCoreApplication.translate("errors", "text"),
        "lines": QCoreApplication.translate("errors", "order lines"),
        "channel_order_no": QCoreApplication.translate("errors", "channel order number"),
        "department": QCoreApplication.translate("errors", "department"),
        "users": QCoreApplication.translate("errors", "accounts"),
    }
    return names.get(field, field)


def _builtin(code: str, exc: BaseException) -> str | None:
    if code == "validation_failed":
        return _validation(exc)
    templates = {
        "not_found": QCoreApplication.translate("errors", "Not found: {entity} {key}."),
        "permission_denied": QCoreApplication.translate("errors", "You are not allowed to do this ({action})."),
        "login_failed": QCoreApplication.translate("errors", "Wrong user name or password."),
        "account_locked": QCoreApplication.translate("errors", "This account is locked after too many wrong passwords. "
                                       "Try again after {until}."),
        "account_disabled": QCoreApplication.translate("errors", "This account is disabled. Ask the system administrator."),
        "weak_password": QCoreApplication.translate("errors", "The password is too weak: use at least {min_length} "
                                      "characters from {min_classes} of: lower case, upper case, "
                                      "digits, symbols."),
        "database_too_new": QCoreApplication.translate("errors", "The database {url} was written by a newer orderdesk. "
                                         "Install the newer program."),
        "database_locked": QCoreApplication.translate("errors", "The database {url} is busy in another program. "
                                        "Try again in a moment."),
        "database_unreadable": QCoreApplication.translate("errors", "Cannot read the database {url}: {reason}."),
        "delete_forbidden": QCoreApplication.translate("errors", "Business records cannot be deleted ({entity}); "
                                         "cancel or archive them instead."),
        "file_missing": QCoreApplication.translate("errors", "File not found: {path}."),
    }
    template = templates.get(code)
    return _fmt(template, exc) if template is not None else None


def describe_error(exc: BaseException | object) -> str:
    """One sentence in the current UI language saying what went wrong and where."""
    if not isinstance(exc, BaseException):
        return QCoreApplication.translate("errors", "Something went wrong: {what}.").format(
            what=str(exc))
    for cls in type(exc).__mro__:
        fn = _describers.get(cls)
        if fn is not None:
            return _safe(fn, exc)
    code = getattr(exc, "code", None)
    if isinstance(code, str):
        fn = _describers.get(code)
        if fn is not None:
            return _safe(fn, exc)
        text = _builtin(code, exc)
        if text is not None:
            return text
    if isinstance(exc, core.OrderdeskError):
        return QCoreApplication.translate("errors", "The operation was refused ({code}).").format(
            code=exc.code)
    if isinstance(exc, FileNotFoundError):
        return QCoreApplication.translate("errors", "File not found: {path}.").format(
            path=exc.filename or "-")
    if isinstance(exc, PermissionError):
        return QCoreApplication.translate("errors", "No permission to open {path}.").format(
            path=exc.filename or "-")
    if isinstance(exc, OSError):
        return QCoreApplication.translate("errors", "A file or network operation failed: {what}.").format(
            what=exc.strerror or type(exc).__name__)
    if _is_locked_db(exc):
        return QCoreApplication.translate("errors", "The database is busy in another program. "
                                                    "Try again in a moment.")
    return QCoreApplication.translate(
        "errors", "Something went wrong ({what}). Nothing was saved; the details are in the log."
    ).format(what=type(exc).__name__)


def _is_locked_db(exc: BaseException) -> bool:
    return type(exc).__name__ == "OperationalError" and "locked" in str(exc).lower()


def _safe(fn: Describer, exc: BaseException) -> str:
    try:
        return fn(exc)
    except Exception:  # a broken describer still yields a sentence
        log.exception("error describer failed for %r", exc)
        return QCoreApplication.translate("errors", "The operation was refused ({code}).").format(
            code=getattr(exc, "code", type(exc).__name__))


def show_error(parent: QWidget | None, exc: BaseException | object,
               title: str | None = None) -> QMessageBox:
    """Show the sentence in a warning box (non-blocking: returns the open box)."""
    if isinstance(exc, BaseException) and not isinstance(exc, core.OrderdeskError):
        log.error("error shown to the user", exc_info=exc)
    box = QMessageBox(QMessageBox.Icon.Warning,
                      title or QCoreApplication.translate("errors", "orderdesk"),
                      describe_error(exc), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:
        # A parentless box is owned by Python: keep it alive until it is closed.
        _open_boxes.add(box)
        box.finished.connect(lambda _result, box=box: _open_boxes.discard(box))
    box.open()
    return box


_open_boxes: set[QMessageBox] = set()
