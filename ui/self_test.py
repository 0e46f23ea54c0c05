"""`orderdesk app --self-test`: open every page for every role, and every dialog those
pages say they can open, and check that each fits the screen.

Runs on the GUI thread of an existing QApplication. What it checks, per window/dialog:
- its minimum size (the widget's own, or the one its layout forces) fits the screen's
  available geometry less a window frame (`ui.screen_fit`): otherwise no user can
  shrink it onto the screen and its bottom buttons are out of reach;
- the size it opened at fits too, and it lies on the screen.
With `language=True` it also switches each page and dialog to English and back, and
reports every visible text that stayed in the other language (see `ui.i18n_check`).

Pages register the dialogs they can open by overriding `StationPage.self_test_dialogs()`
(see build/notes/issue-14-selftest.md): a list of (name, factory) pairs, each factory
building the dialog the way the page's own action does, without exec().
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QWidget

from orderdesk import roles
from orderdesk.ui.screen_fit import available_geometry, client_budget

log = logging.getLogger(__name__)

DialogFactory = Callable[[], "QWidget | None"]


@dataclass(frozen=True)
class Problem:
    where: str   # "role quality › page quality › dialog preview"
    what: str    # what does not fit, with the numbers

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # cut column headers (not fatal)
    windows: int = 0
    pages: int = 0
    dialogs: int = 0
    broken_pages: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and not self.broken_pages


def widget_name(widget: QWidget) -> str:
    name = widget.objectName()
    cls = type(widget).__name__
    return f"{cls}#{name}" if name else cls


def effective_minimum(widget: QWidget) -> QSize:
    """The smallest size the user can give `widget` (Qt's own rule, qSmartMinSize): an
    explicit minimum size per dimension, else the minimum size hint, unless the size
    policy ignores it."""
    from PySide6.QtWidgets import QSizePolicy

    hint = widget.minimumSizeHint()
    policy = widget.sizePolicy()
    explicit = widget.minimumSize()
    w = explicit.width() or (0 if policy.horizontalPolicy() == QSizePolicy.Policy.Ignored
                             else max(hint.width(), 0))
    h = explicit.height() or (0 if policy.verticalPolicy() == QSizePolicy.Policy.Ignored
                              else max(hint.height(), 0))
    return QSize(w, h)


def _culprit(top: QWidget, horizontal: bool, limit: int) -> str:
    """The chain of children whose minimum size makes `top` too big (largest first)."""
    path: list[str] = []
    current = top
    for _ in range(8):
        from PySide6.QtWidgets import QStackedWidget

        # A stacked widget (tab pages) is as tall as its tallest page, shown or not.
        stacked = isinstance(current, QStackedWidget)
        kids = [w for w in current.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                if not w.isWindow() and (w.isVisibleTo(top) or stacked)]
        if not kids:
            break
        dim = (lambda w: effective_minimum(w).width()) if horizontal else (
            lambda w: effective_minimum(w).height())
        biggest = max(kids, key=dim)
        size = dim(biggest)
        if size <= limit * 0.5:
            break
        path.append(f"{widget_name(biggest)} ({size} px)")
        current = biggest
    return " › ".join(path)


def check_top_level(widget: QWidget, where: str) -> list[Problem]:
    """Problems of one shown top-level window or dialog on its screen."""
    problems: list[Problem] = []
    budget = client_budget(widget)
    minimum = effective_minimum(widget)
    for horizontal, need, have, word in (
            (True, minimum.width(), budget.width(), "width"),
            (False, minimum.height(), budget.height(), "height")):
        if need > have:
            culprit = _culprit(widget, horizontal, have)
            problems.append(Problem(where, (
                f"minimum {word} {need} px forces it past the {have} px the screen has"
                + (f" (from {culprit})" if culprit else ""))))
    size = widget.size()
    # A maximised window is the screen's size by definition (offscreen puts no title
    # bar inside it); only its minimum size can push it past the screen.
    if not widget.isMaximized() and (size.width() > budget.width()
                                     or size.height() > budget.height()):
        problems.append(Problem(where, (
            f"opens at {size.width()}×{size.height()} px, larger than the "
            f"{budget.width()}×{budget.height()} px the screen has")))
    geo = available_geometry(widget)
    frame = widget.frameGeometry()
    if widget.isVisible() and not geo.contains(frame.topLeft()):
        problems.append(Problem(where, f"opens off the screen at {frame.x()},{frame.y()}"))
    return problems


def cut_headers(widget: QWidget, where: str) -> list[str]:
    """Visible table columns whose header text does not fit its column (notes)."""
    notes = []
    for view in widget.findChildren(QAbstractItemView):
        header = getattr(view, "horizontalHeader", None)
        header = header() if header is not None else getattr(view, "header", lambda: None)()
        if not isinstance(header, QHeaderView) or not view.isVisibleTo(widget) or view.model() is None:
            continue
        metrics = header.fontMetrics()
        model = view.model()
        for col in range(model.columnCount()):
            if header.isSectionHidden(col):
                continue
            text = str(model.headerData(col, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(text)
            if text and header.sectionSize(col) < need:
                notes.append(f"{where} › {widget_name(view)}: column “{text}” is "
                             f"{header.sectionSize(col)} px, its header needs {need} px")
            # cells of the first rows elided ("杭州众合汽车电…")
            cell_metrics = view.fontMetrics()
            try:
                rows = min(10, model.rowCount())
            except TypeError:
                rows = 0
            for row in range(rows):
                cell = str(model.data(model.index(row, col)) or "")
                width = cell_metrics.horizontalAdvance(cell)   # Qt adds its own margins
                if cell and "\n" not in cell and header.sectionSize(col) < width:
                    notes.append(f"{where} › {widget_name(view)}: column “{text}” cuts "
                                 f"“{cell}” ({header.sectionSize(col)} px, needs {width} px)")
                    break
    return notes


def each_tab(root: QWidget, settle_fn) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Show every tab of every tab widget in `root` in turn (so hidden tabs' tables are
    looked at too); returns the tab widgets, their current tabs restored after."""
    from PySide6.QtWidgets import QTabWidget

    seen = []
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(root) or tabs.objectName() == "stationTabs":
            continue
        current = tabs.currentIndex()
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            settle_fn()
            seen.append(tabs.widget(i))
            yield tabs.widget(i)
        tabs.setCurrentIndex(current)
    return seen


def not_installed(key: str) -> bool:
    """True when a registered page's module is not in this build at all (a station
    still being written), as opposed to one that is there and fails."""
    import importlib.util

    from orderdesk.ui.pages import PAGES

    module = PAGES[key].partition(":")[0]
    try:
        return importlib.util.find_spec(module) is None
    except ModuleNotFoundError:
        return True


def quiet_offscreen_warnings() -> None:
    """Drop the offscreen plugin's "does not support propagateSizeHints()" line, printed
    once per window; every other Qt message passes through."""
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message):  # type: ignore[no-untyped-def]
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            import sys

            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def settle(ctx, ms: int = 20000) -> None:  # type: ignore[no-untyped-def]
    app = QCoreApplication.instance()
    app.processEvents()
    ctx.tasks.wait_idle(ms)
    app.processEvents()


def close_widget(widget: QWidget) -> None:
    from shiboken6 import isValid

    if not isValid(widget):
        return
    widget.setProperty("forceClose", True)
    widget.close()
    widget.deleteLater()
    QCoreApplication.processEvents()


class SelfTest:
    """Walks roles › pages › dialogs on `ctx` (an AppContext); see the module doc."""

    def __init__(self, ctx, users: dict[str, object], *, language: bool = False,  # type: ignore[no-untyped-def]
                 out: Callable[[str], None] = print, roles_to_test: Iterable[str] | None = None) -> None:
        self.ctx = ctx
        self.users = users            # role -> UserInfo to sign in as
        self.language = language
        self.out = out
        self.roles = list(roles_to_test or roles.ROLES)
        self.report = Report()
        self._seen: dict[int, set[str]] = {}
        self._checker = None
        if language:
            from orderdesk.ui.i18n_check import LanguageChecker

            names = {getattr(u, "display_name", "") for u in users.values()}
            self._checker = LanguageChecker(ignore=names - {""})

    # -- one widget -------------------------------------------------------------------------
    def _check(self, widget: QWidget, where: str) -> None:
        # The main window keeps the largest minimum of the pages built so far: name the
        # page that made it too big once, not again for every page shown after it.
        seen = self._seen.setdefault(id(widget), set())
        for problem in check_top_level(widget, where):
            key = problem.what.split(" (from ")[0]
            if key not in seen:
                seen.add(key)
                self.report.problems.append(problem)
        self.report.notes.extend(cut_headers(widget, where))
        if self._checker is not None:
            self.report.problems.extend(
                Problem(where, text) for text in self._checker.check(widget, lambda: settle(self.ctx)))

    def _open_dialog(self, name: str, factory: DialogFactory, where: str) -> None:
        before = set(QApplication.topLevelWidgets())
        try:
            widget = factory()
        except Exception as exc:  # noqa: BLE001 - a dialog that cannot open is a finding
            log.exception("self-test dialog %s failed", where)
            self.report.problems.append(Problem(where, f"could not open: {type(exc).__name__}: {exc}"))
            return
        settle(self.ctx)
        if widget is None:
            self.out(f"self-test: {where}: skipped (nothing to open it on)")
            return
        if not widget.isVisible():
            widget.show()
            settle(self.ctx)
        self.report.dialogs += 1
        self._check(widget, where)
        # Message boxes or sub-dialogs it opened on its own are checked too, then closed.
        for extra in set(QApplication.topLevelWidgets()) - before - {widget}:
            if extra.isVisible() and extra.isWindow() and extra.windowType() != Qt.WindowType.ToolTip \
                    and type(extra).__name__ not in ("QMenu", "QComboBoxPrivateContainer"):
                self._check(extra, f"{where} › {widget_name(extra)}")
                close_widget(extra)
        close_widget(widget)

    # -- the walk -----------------------------------------------------------------------------
    def run(self) -> Report:
        from orderdesk.ui.main_window import MainWindow, show_main_window
        from orderdesk.ui.placeholder import PageErrorPage

        started = time.monotonic()
        self._shell_dialogs()
        for role in self.roles:
            user = self.users.get(role)
            if user is None:
                self.out(f"self-test: role {role}: no account to sign in as, skipped")
                continue
            self.ctx.desk.sign_in(user)
            window = MainWindow(self.ctx, user)
            show_main_window(window)
            settle(self.ctx)
            self.report.windows += 1
            for key in window.page_keys:
                where = f"role {role} › page {key}"
                window.show_page(key)
                settle(self.ctx)
                page = window.pages[key]
                self.report.pages += 1
                if isinstance(page, PageErrorPage):
                    if not_installed(key):
                        self.out(f"self-test: {where}: not in this build yet, skipped")
                    else:
                        self.report.broken_pages.append(f"{key} ({role}): {page.detail}")
                    continue
                self._check(window, where)
                for tab in each_tab(page, lambda: settle(self.ctx)):
                    self.report.notes.extend(cut_headers(tab, where))
                hook = getattr(page, "self_test_dialogs", None)
                for name, factory in (hook() if hook else []):
                    self._open_dialog(name, factory, f"{where} › dialog {name}")
            for name, factory in window.self_test_dialogs():
                self._open_dialog(name, factory, f"role {role} › window › dialog {name}")
            close_widget(window)
            self._seen.pop(id(window), None)
            settle(self.ctx)
        self.ctx.desk.sign_in(None)
        self.out(f"self-test: {self.report.windows} windows, {self.report.pages} pages, "
                 f"{self.report.dialogs} dialogs in {time.monotonic() - started:.1f} s")
        return self.report

    def _shell_dialogs(self) -> None:
        from orderdesk.ui.login import ChangePasswordDialog, FirstRunDialog, LoginDialog

        ctx = self.ctx
        self._open_dialog("login", lambda: LoginDialog(ctx, username="", demo_users=(
            "sales1", "wh1", "qc1", "pmc1", "boss", "admin"), demo_password="Demo@2026"),
            "shell › dialog login")
        self._open_dialog("first run", lambda: FirstRunDialog(ctx), "shell › dialog first run")
        self._open_dialog("forced password change", lambda: ChangePasswordDialog(ctx, forced=True),
                          "shell › dialog forced password change")


def users_by_role(desk) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """A UserInfo per role: an account holding only that role if one exists, else a
    stand-in (the self-test writes nothing, so the account need not exist)."""
    from orderdesk.desk import UserInfo
    from orderdesk.services.users import list_users

    previous, desk.user = desk.user, None
    try:
        rows = list_users(desk)
    finally:
        desk.user = previous
    found: dict[str, object] = {}
    for row in rows:
        if row.active and len(row.roles) == 1 and row.roles[0] not in found:
            found[row.roles[0]] = UserInfo(id=row.id, username=row.username,
                                           display_name=row.display_name, roles=row.roles)
    for role in roles.ROLES:
        found.setdefault(role, UserInfo(id=f"self-test-{role}", username=f"self-test-{role}",
                                        display_name=f"Self test ({role})", roles=(role,)))
    return found
