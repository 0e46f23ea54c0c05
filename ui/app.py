"""Building the QApplication: CJK font, stylesheet, icon, language.

The shipped WenQuanYi Micro Hei is registered with QFontDatabase so Chinese renders on a
bare machine (no system CJK font), and made the application font.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from orderdesk.fonts import CJK_FONT_FAMILY, cjk_font_path, resources_dir

log = logging.getLogger(__name__)

_set_up: set[int] = set()


def load_cjk_font() -> str | None:
    """Register the shipped CJK font; return its family name (None if it is missing)."""
    try:
        path = cjk_font_path()
    except FileNotFoundError:
        log.error("CJK font missing: Chinese text may show as boxes", exc_info=True)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.error("CJK font %s could not be loaded", path)
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    return CJK_FONT_FAMILY if CJK_FONT_FAMILY in families else (families[0] if families else None)


def stylesheet() -> str:
    path = resources_dir() / "styles" / "station.qss"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        log.warning("stylesheet %s missing; using Qt's default look", path)
        return ""


def setup_application(app: QGuiApplication) -> None:
    """Font, style and icon on an existing application (idempotent; tests call it too)."""
    if id(app) in _set_up:
        return
    _set_up.add(id(app))
    app.setApplicationName("orderdesk")
    app.setOrganizationName("orderdesk")
    family = load_cjk_font()
    if family:
        font = QFont(family)
        font.setPointSize(12)
        # Latin text keeps a UI font when one exists; CJK falls back to the shipped face.
        font.setFamilies([family])
        app.setFont(font)
    icon_path = resources_dir() / "icons" / "app.svg"
    if icon_path.is_file():
        app.setWindowIcon(QIcon(str(icon_path)))
    if isinstance(app, QApplication):
        app.setStyle("Fusion")  # same look on every platform, and the QSS builds on it
        app.setStyleSheet(stylesheet())


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    setup_application(app)
    from orderdesk.ui import main_thread_gc

    main_thread_gc.install(app)
    return app


class StationShell(QObject):
    """Sign-in, main window, sign-out, idle lock: the life of one station session.

    Non-blocking (dialogs are opened, not exec'd), so tests can drive it with qtbot.
    `quit_requested` fires when the user quits from a dialog; run_app ends the loop then.
    """

    quit_requested = Signal()
    window_did_open = Signal(object)

    def __init__(self, ctx, *, demo_users: tuple[str, ...] = (), demo_password: str = "",  # type: ignore[no-untyped-def]
                 username: str = "") -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.demo_users = demo_users
        self.demo_password = demo_password
        self.username = username or ctx.settings.last_user
        self.window = None
        self.dialog: QDialog | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    # -- flow -----------------------------------------------------------------------------
    def start(self) -> None:
        from orderdesk.services.users import has_users
        from orderdesk.sync.identity_client import install_online_sign_in
        from orderdesk.ui.sync_worker import station_credentials

        # Accounts synced from the server carry no hash: sign-in asks it (issue 13).
        install_online_sign_in(self.ctx.server_url,
                               (self.ctx.settings.station_name or "").strip()
                               or self.ctx.desk.station, station_credentials())
        if has_users(self.ctx.desk):
            self.show_login()
        else:
            self.show_first_run()

    def show_first_run(self) -> None:
        from orderdesk.ui.login import FirstRunDialog

        dialog = FirstRunDialog(self.ctx)
        self._open_dialog(dialog, self._on_first_run_done)

    def _on_first_run_done(self, result: int) -> None:
        dialog = self.dialog
        self.dialog = None
        if result != QDialog.DialogCode.Accepted or dialog is None:
            self.quit_requested.emit()
            return
        self.username = dialog.user.username
        self.show_login()

    def show_login(self, message: str = "") -> None:
        from orderdesk.ui.login import LoginDialog

        dialog = LoginDialog(self.ctx, username=self.username, demo_users=self.demo_users,
                             demo_password=self.demo_password)
        if message:
            dialog.message.setText(message)
            dialog.message.setVisible(True)
        self._open_dialog(dialog, self._on_login_done)

    def _open_dialog(self, dialog: QDialog, slot) -> None:  # type: ignore[no-untyped-def]
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(slot)
        dialog.open()

    def _on_login_done(self, result: int) -> None:
        dialog = self.dialog
        self.dialog = None
        if result != QDialog.DialogCode.Accepted or dialog is None or dialog.user is None:
            self.quit_requested.emit()
            return
        from orderdesk.services.audit import password_change_required

        user = dialog.user
        self.ctx.desk.sign_in(user)
        self.ctx.tasks.query(password_change_required, self.ctx.desk, user.username,
                             on_done=lambda required: self._after_login(user, required),
                             on_error=lambda exc: self._after_login(user, False))

    def _after_login(self, user, must_change: bool) -> None:  # type: ignore[no-untyped-def]
        if not must_change:
            self.open_window(user)
            return
        from orderdesk.ui.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx, forced=True)

        def done(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.open_window(user)
            else:
                self.sign_out()

        self._open_dialog(dialog, done)

    def open_window(self, user) -> None:  # type: ignore[no-untyped-def]
        from orderdesk.ui.main_window import MainWindow

        self.ctx.desk.sign_in(user)
        self.username = user.username
        self.ctx.settings.last_user = user.username
        try:
            self.ctx.settings.save()
        except Exception:  # noqa: BLE001 - a read-only config dir is not fatal
            log.exception("could not save station settings")
        self.window = MainWindow(self.ctx, user)
        self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.window.sign_out_requested.connect(self.sign_out)
        self.window.destroyed.connect(self._on_window_destroyed)
        from orderdesk.ui.main_window import show_main_window

        show_main_window(self.window)
        self._restart_idle()
        self.window_did_open.emit(self.window)

    def _on_window_destroyed(self) -> None:
        # Closing the main window (File > Quit or the close box) ends the app, unless
        # the window went away because the user signed out.
        if self.window is not None and not self._signing_out:
            self.window = None
            self.quit_requested.emit()

    _signing_out = False

    def sign_out(self, reason: str = "") -> None:
        from orderdesk.services.audit import record_logout

        user = self.ctx.desk.user
        self._signing_out = True
        self._idle.stop()
        if self.window is not None:
            window, self.window = self.window, None
            window.setProperty("forceClose", True)
            window.close()
        self._signing_out = False
        if user is not None:
            self.ctx.tasks.mutate(record_logout, self.ctx.desk, user.username,
                                  reason or "user", on_error=lambda exc: log.warning(
                                      "logout not recorded: %s", exc))
        self.ctx.desk.sign_in(None)
        # The next person at this PC types their own name: a name left filled in (with
        # the cursor in the password field) sent their name into the password and counted
        # against the previous user's lockout.
        self.username = ""
        message = ""
        if reason == "idle":
            message = self.tr("Signed out after {minutes} minutes without use. "
                              "Sign in again.").format(minutes=self.ctx.settings.idle_minutes)
        self.show_login(message)

    # -- idle lock (等保: session timeout) --------------------------------------------------
    def _restart_idle(self) -> None:
        minutes = int(self.ctx.settings.idle_minutes or 0)
        if minutes > 0 and self.window is not None:
            self._idle.start(minutes * 60 * 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY and self.window is not None:
            self._restart_idle()
        return False

    def _on_idle(self) -> None:
        if self.window is not None and not self.ctx.tasks.writes_pending():
            self.sign_out("idle")
        else:
            self._restart_idle()


_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}
