"""A status-bar button for every station: rush orders waiting for the user's department
and unread escalations; click for the green-channel board (confirm your step there).

    main_window.add_status_widget(RushStatusButton(ctx))

It also runs the green-channel check every minute (rules, escalations, robot messages)
so escalation happens whichever stations are open; the work runs on the writer thread
and the query pool, never in the slot.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QDialog, QToolButton, QVBoxLayout, QWidget

from orderdesk.changes import Changes
from orderdesk.models.base import utcnow
from orderdesk.pmc import green_channel as gc
from orderdesk.ui.pmc import errors as _pmc_errors  # noqa: F401 - registers error wording
from orderdesk.ui.pmc.green import GreenChannelBoard, _escalate
from orderdesk.ui.screen_fit import fit_to_screen


def _counts(desk, now: dt.datetime) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    """(rush cases waiting for the user's department, open rush cases in all,
    unread escalations). A supervisor's "mine" is every department's."""
    roles = set(desk.user.roles) if desk.user else set()
    everyone = not roles or "supervisor" in roles
    waiting = total = 0
    for case in gc.list_cases(desk):
        step = case.current()
        if step is None:
            continue
        total += 1
        if everyone or step.department in roles:
            waiting += 1
    return waiting, total, len(gc.notifications(desk, all_roles=everyone))


def _periodic_escalate(desk, now: dt.datetime):  # type: ignore[no-untyped-def]
    return _escalate(desk, now)


# The minute's escalation check is housekeeping: quitting waits for it without asking.
_periodic_escalate.task_quiet = True  # type: ignore[attr-defined]


class RushBoardDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rush green channel"))
        self.board = GreenChannelBoard(ctx, self, escalate=False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.board)
        ctx.changes_did_apply.connect(self._on_changes)
        self.board.reload()
        fit_to_screen(self, 1300, 700)   # never past a 768-px screen

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        self.board.on_changes(changes)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("Rush green channel"))
            self.board.retranslate_ui()
            self.board.reload()   # texts made from the data (robot message counts)
        super().changeEvent(event)


class RushStatusButton(QToolButton):
    def __init__(self, ctx, parent: QWidget | None = None, *,  # type: ignore[no-untyped-def]
                 tick_ms: int = 60_000) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("rushStatus")
        self.waiting = 0
        self.total = 0
        self.unread = 0
        self._sender = None
        self.clicked.connect(self.open_board)
        ctx.changes_did_apply.connect(self._on_changes)
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._show()
        self.tick()

    def tick(self) -> None:
        self.ctx.tasks.mutate(_periodic_escalate, self.ctx.desk, utcnow(), on_done=self._after_tick,
                              on_error=lambda e: self.refresh())

    def _after_tick(self, _result: object) -> None:
        try:
            from orderdesk.sync.webhooks import WebhookSender
        except ImportError:
            WebhookSender = None  # noqa: N806 - a build without the HTTP layer
        if WebhookSender is not None:
            if self._sender is None:
                from orderdesk.ui.board.share_dialog import robot_link_provider

                self._sender = WebhookSender(self.ctx.desk, link_for=robot_link_provider(self.ctx))
            self.ctx.tasks.query(self._sender.send_due, on_done=lambda r: None,
                                 on_error=lambda e: None)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.tasks.query(_counts, self.ctx.desk, utcnow(), on_done=self._on_counts,
                             on_error=lambda e: None)

    def _on_changes(self, changes: Changes, _initiator: object) -> None:
        if changes.orders:
            self.refresh()

    def _on_counts(self, counts: tuple[int, int, int]) -> None:
        self.waiting, self.total, self.unread = counts
        self._show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Re-word at once on a language switch (it lagged one switch behind before).
        if event.type() == QEvent.Type.LanguageChange:
            self._show()
        super().changeEvent(event)

    def _show(self) -> None:
        # Say what is counted: rush orders waiting for my department / open in all.
        self.setText(self.tr("\u26a1 Rush orders: {mine} mine / {all} all · escalations "
                             "{unread}").format(mine=self.waiting,
                                                all=getattr(self, "total", self.waiting),
                                                unread=self.unread))
        self.setToolTip(self.tr("Rush orders whose next step is your department's (mine), "
                                "rush orders open in all departments (all), and unread "
                                "escalations. Click to open the green channel."))
        self.setStyleSheet("QToolButton { color: #b00020; font-weight: bold; }"
                           if self.unread else "")

    def open_board(self) -> RushBoardDialog:
        dialog = RushBoardDialog(self.ctx, self.window())
        dialog.show()
        return dialog
