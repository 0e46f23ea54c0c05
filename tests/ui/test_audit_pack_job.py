"""The station app packs its audit trail in the background (issue 12)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select


def test_the_main_window_packs_old_audit_rows_in_the_background(qtbot, ctx, desk,  # type: ignore[no-untyped-def]
                                                               demo_catalog, sign_in,
                                                               monkeypatch):
    from orderdesk import audit_store
    from orderdesk.models import AuditArchiveBlock, AuditLog
    from orderdesk.services import audit
    from orderdesk.ui import main_window
    from orderdesk.ui.main_window import MainWindow

    # Everything written so far counts as old: the app's pack takes it.
    real_pack = audit_store.pack
    later = dt.datetime.now() + dt.timedelta(days=audit_store.HOT_DAYS + 1)
    monkeypatch.setattr(audit_store, "pack",
                        lambda d, **kw: real_pack(d, **{**kw, "now": later, "block_rows": 10}))
    monkeypatch.setattr(main_window, "PACK_FIRST_MS", 0)
    user = sign_in("sales")
    with desk.read() as s:
        before = s.scalar(select(func.count()).select_from(AuditLog))
    assert before > 20
    window = MainWindow(ctx, user)
    qtbot.addWidget(window)

    def packed() -> int:
        with desk.read() as s:
            return s.scalar(select(func.count()).select_from(AuditArchiveBlock))

    qtbot.waitUntil(lambda: packed() > 0, timeout=15000)
    assert ctx.tasks.wait_idle(10000)
    desk.sign_in(None)
    assert audit.verify_chain(desk).ok
    with desk.read() as s:
        assert audit_store.packed_count(s) >= before - 10
    window.setProperty("forceClose", True)
    window.close()
