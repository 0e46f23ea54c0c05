"""Typed errors of the domain core.

The core raises these with a code and the facts; the UI and the CLI turn them into a
sentence in the user's language. Never put user-facing prose here.
"""

from __future__ import annotations

from typing import Any


class OrderdeskError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"

    def __init__(self, **facts: Any) -> None:
        self.facts = facts
        super().__init__(f"{self.code}: {facts}")


class NotFound(OrderdeskError):
    code = "not_found"


class ValidationFailed(OrderdeskError):
    code = "validation_failed"


class PermissionDenied(OrderdeskError):
    code = "permission_denied"


class LoginFailed(OrderdeskError):
    code = "login_failed"


class AccountLocked(OrderdeskError):
    code = "account_locked"


class AccountDisabled(OrderdeskError):
    code = "account_disabled"


class WeakPassword(OrderdeskError):
    code = "weak_password"


class DatabaseTooNew(OrderdeskError):
    code = "database_too_new"


class DatabaseLocked(OrderdeskError):
    code = "database_locked"


class DatabaseUnreadable(OrderdeskError):
    code = "database_unreadable"


class DeleteForbidden(OrderdeskError):
    """Business rows are never deleted; they are cancelled or archived."""

    code = "delete_forbidden"
