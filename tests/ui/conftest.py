"""Fixtures for pytest-qt tests of the desktop UI.

- `ctx`: an AppContext over the `desk` fixture (a real SQLite file), nobody signed in,
  UI language English (source strings) so tests can assert on the English text; a
  test that wants Chinese calls `orderdesk.ui.i18n.set_language("zh")` (the fixture
  switches back afterwards). Background tasks are waited for and stopped at teardown.
- `sign_in(*roles, username=None)`: creates an account with these roles (strong
  password `USER_PASSWORD`), signs the desk in as it, returns its UserInfo.
- `wait_tasks(ctx)`: process events until every background task delivered its result.
"""

from __future__ import annotations

import itertools

import pytest

USER_PASSWORD = "Test#Pass2026"
_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def _cheap_password_hashing(monkeypatch):  # type: ignore[no-untyped-def]
    """argon2id with minimal cost in UI tests (same code path, far less CPU per login)."""
    from argon2 import PasswordHasher

    from orderdesk.services import users

    monkeypatch.setattr(users, "_hasher", PasswordHasher(time_cost=1, memory_cost=64,
                                                         parallelism=1))


@pytest.fixture
def ctx(desk, qapp):  # type: ignore[no-untyped-def]
    from orderdesk.ui import i18n
    from orderdesk.ui.app import setup_application
    from orderdesk.ui.context import AppContext, StationSettings

    setup_application(qapp)
    i18n.set_language("en")
    context = AppContext(desk, settings=StationSettings(station_name="test-station",
                                                        language="en"))
    yield context
    assert context.tasks.wait_idle(10000), "background tasks did not finish"
    context.tasks.shutdown()
    i18n.set_language("en")


@pytest.fixture
def sign_in(desk):  # type: ignore[no-untyped-def]
    from orderdesk.services.users import create_user

    def _sign_in(*roles: str, username: str | None = None):  # type: ignore[no-untyped-def]
        name = username or f"{'_'.join(roles) or 'user'}{next(_counter)}"
        previous, desk.user = desk.user, None  # create as the system
        try:
            info = create_user(desk, name, name.title(), USER_PASSWORD, list(roles))
        finally:
            desk.user = previous
        desk.sign_in(info)
        return info

    return _sign_in


def wait_tasks(ctx, timeout_ms: int = 10000) -> None:  # type: ignore[no-untyped-def]
    assert ctx.tasks.wait_idle(timeout_ms), "background tasks did not finish in time"


@pytest.fixture(name="wait_tasks")
def _wait_tasks_fixture():  # type: ignore[no-untyped-def]
    return wait_tasks


@pytest.fixture
def preview(ctx, qtbot, demo_catalog, sign_in):  # type: ignore[no-untyped-def]
    """The import preview, shown, for a signed-in sales user; its clock is 2 March 2026
    (the generated sheets' order dates)."""
    import datetime as dt

    from orderdesk.ui.sales.import_preview import ImportPreviewWidget
    from orderdesk.ui.sales.texts import register_describers

    register_describers()
    sign_in("sales")
    widget = ImportPreviewWidget(ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.now = dt.datetime(2026, 3, 2, 9, 30)
    return widget
