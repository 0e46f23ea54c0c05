"""The main window: one tab per station page the user's roles allow, and a status bar.

It only assembles pages from the registry (ui/pages.py); it holds no business logic.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from orderdesk import roles
from orderdesk.fonts import resources_dir
from orderdesk.ui import i18n
from orderdesk.ui.pages import build_page
from orderdesk.ui.page import StationPage
from orderdesk.ui.placeholder import station_name
from orderdesk.ui.screen_fit import fit_to_screen

log = logging.getLogger(__name__)

#: When the station first packs its audit trail after start, and how often it checks again
#: (a pack runs at most daily; see orderdesk/audit_store.py).
PACK_FIRST_MS = 30_000
PACK_CHECK_MS = 6 * 3600 * 1000


def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.is_file() else QIcon()


class MainWindow(QMainWindow):
    """Pages for `user` (orderdesk.desk.UserInfo), built as `PageClass(ctx)`."""

    sign_out_requested = Signal()
    language_did_change = Signal(str)

    def __init__(self, ctx, user, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        # Never larger than the screen it opens on (1366x768 office PCs, 150 % laptops);
        # show_main_window() then maximises it.
        fit_to_screen(self, 1280, 800)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("stationTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        # Pages are built when their tab is first shown (cold start pays for one page,
        # not six); `pages` holds the built ones, `page(key)` builds on demand.
        self.page_keys: list[str] = roles.pages_for(user.roles)
        self.pages: dict[str, StationPage] = {}
        self._slots: dict[str, QWidget] = {}
        for key in self.page_keys:
            slot = QWidget()
            slot.setObjectName(f"slot_{key}")
            layout = QVBoxLayout(slot)
            layout.setContentsMargins(0, 0, 0, 0)
            self._slots[key] = slot
            self.tabs.addTab(slot, icon(key), station_name(key))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        if self.page_keys:
            self.page(self.page_keys[0])

        self._build_menus()
        self._build_status_bar()
        self.retranslate_ui()
        if "sales" in self.page_keys:  # issue 11: the duplicate queue fills itself at start-up
            from orderdesk.ui.sales.review_queue import start_up_scan
            start_up_scan(ctx)
        # Issue 12: audit rows older than the hot window are packed in the background, at
        # start and every few hours (pack_if_due does it at most daily).
        self._pack_job = None
        self._pack_timer = QTimer(self)
        self._pack_timer.setInterval(PACK_CHECK_MS)
        self._pack_timer.timeout.connect(self._pack_trail)
        self._pack_timer.start()
        QTimer.singleShot(PACK_FIRST_MS, self._pack_trail)

    # -- building ---------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setObjectName("settingsAction")
        self.settings_action.triggered.connect(self._on_settings)
        self.password_action = QAction(self)
        self.password_action.setObjectName("changePasswordAction")
        self.password_action.triggered.connect(self._on_change_password)
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self._on_sign_out)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.settings_action)
        from orderdesk.ui.overview.exception_dialog import ReportExceptionAction  # issue 16
        self.file_menu.addAction(ReportExceptionAction(self))
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.password_action)
        self.file_menu.addAction(self.sign_out_action)
        self.file_menu.addAction(self.quit_action)

        self.language_menu = bar.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        # Language names are written in their own language, never translated.
        for lang, label in (("zh", "中文"), ("en", "English")):
            action = QAction(label, self)
            action.setCheckable(True)
            action.setObjectName(f"language_{lang}")
            action.setChecked(i18n.current_language() == lang)
            action.triggered.connect(lambda _checked=False, lang=lang: self.switch_language(lang))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._on_about)
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        status.addWidget(self.user_label)
        self.station_label = QLabel()
        self.station_label.setObjectName("stationLabel")
        status.addPermanentWidget(self.station_label)
        self.sync_widget = self._make_sync_widget()
        self.add_status_widget(self.sync_widget)
        self.rush_widget = self._make_rush_widget()
        if self.rush_widget is not None:
            self.add_status_widget(self.rush_widget)

    def _make_rush_widget(self) -> QWidget | None:
        """Rush orders waiting for this user's department and escalations, for every
        business role (the green channel concerns all departments, not only PMC)."""
        if not roles.BUSINESS_ROLES & set(self.user.roles):
            return None
        try:
            from orderdesk.ui.pmc.rush_status import RushStatusButton

            return RushStatusButton(self.ctx)
        except Exception:  # noqa: BLE001 - a broken indicator must not stop the window
            log.exception("rush status button failed to start")
            return None

    def _make_sync_widget(self) -> QWidget:
        try:
            from orderdesk.ui.sync_status import SyncStatusWidget
        except ModuleNotFoundError as exc:
            if exc.name not in ("orderdesk.ui.sync_status",):
                log.exception("sync status widget failed to import")
            return self._local_only_label()
        except Exception:  # noqa: BLE001 - a broken indicator must not stop the window
            log.exception("sync status widget failed to import")
            return self._local_only_label()
        try:
            return SyncStatusWidget(self.ctx)
        except Exception:  # noqa: BLE001
            log.exception("sync status widget failed to start")
            return self._local_only_label()

    def _local_only_label(self) -> QLabel:
        label = QLabel()
        label.setObjectName("localOnlyLabel")
        label.setProperty("sync", "offline" if self.ctx.server_url else "")
        return label

    def add_status_widget(self, widget: QWidget) -> None:
        """Add a permanent widget at the right of the status bar (e.g. sync state)."""
        self.statusBar().addPermanentWidget(widget)

    # -- language -----------------------------------------------------------------------
    def switch_language(self, lang: str) -> None:
        if lang == i18n.current_language():
            return
        i18n.set_language(lang)
        self.ctx.settings.language = lang
        try:
            self.ctx.settings.save()
        except Exception:  # noqa: BLE001 - a read-only config dir must not block the switch
            log.exception("could not save the language setting")
        self.language_actions[lang].setChecked(True)
        self.language_did_change.emit(lang)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        station = self.ctx.desk.station
        self.setWindowTitle(self.tr("orderdesk \u2014 {user} @ {station}").format(
            user=self.user.display_name, station=station))
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_action.setText(self.tr("Station &settings\u2026"))
        self.password_action.setText(self.tr("Change &password\u2026"))
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About orderdesk"))
        for key, slot in self._slots.items():
            page = self.pages.get(key)
            self.tabs.setTabText(self.tabs.indexOf(slot),
                                 page.page_title() if page is not None else station_name(key))
        role_names = ", ".join(role_name(r) for r in self.user.roles)
        self.user_label.setText(self.tr("Signed in: {name} ({roles})").format(
            name=self.user.display_name, roles=role_names))
        self.station_label.setText(self.tr("Station: {station}").format(station=station))
        if self.sync_widget.objectName() == "localOnlyLabel":
            self.sync_widget.setText(self.tr("Local only") if not self.ctx.server_url
                                     else self.tr("Server: {url} (sync not installed)")
                                     .format(url=self.ctx.server_url))

    # -- pages --------------------------------------------------------------------------
    def page(self, key: str) -> StationPage | None:
        """The page for `key` (built now if its tab was never shown); None if not allowed."""
        page = self.pages.get(key)
        if page is not None or key not in self._slots:
            return page
        page = build_page(key, self.ctx)
        page.setObjectName(f"page_{key}")
        self.pages[key] = page
        self._slots[key].layout().addWidget(page)
        self.ctx.changes_did_apply.connect(page.on_changes)
        index = self.tabs.indexOf(self._slots[key])
        self.tabs.setTabText(index, page.page_title())
        return page

    def _on_tab_changed(self, index: int) -> None:
        for key, slot in self._slots.items():
            if self.tabs.indexOf(slot) == index:
                self.page(key)

    def show_page(self, key: str) -> bool:
        if key not in self._slots:
            return False
        self.page(key)
        self.tabs.setCurrentWidget(self._slots[key])
        return True

    def self_test_dialogs(self) -> list[tuple[str, object]]:
        """The window's own dialogs, for the self-test (see StationPage.self_test_dialogs)."""
        from orderdesk.ui.login import ChangePasswordDialog
        from orderdesk.ui.settings_dialog import SettingsDialog

        def about():  # type: ignore[no-untyped-def]
            box = AboutBox(self)
            box.open()
            return box

        return [("settings", lambda: SettingsDialog(self.ctx, self)),
                ("change password", lambda: ChangePasswordDialog(self.ctx, self)),
                ("about", about),
                ("exception report", lambda a=self.findChild(QAction, "reportExceptionAction"):
                 a.open_dialog() if a.isVisible() else None)]

    # -- actions --------------------------------------------------------------------------
    def _on_settings(self) -> None:
        from orderdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.settings_did_change.connect(self._on_settings_changed)
        dialog.open()

    def _on_change_password(self) -> None:
        from orderdesk.ui.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_settings_changed(self) -> None:
        self.retranslate_ui()

    def _on_about(self) -> None:
        box = AboutBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- leaving: quit (Ctrl+Q, close box) and sign-out ask when work would be lost -------
    def unfinished_work(self) -> list[str]:
        """Typed-but-unsaved input of the pages (`page.unsaved_work()`) and the writes
        and jobs still running, each in words."""
        work: list[str] = []
        for page in self.pages.values():
            hook = getattr(page, "unsaved_work", None)
            if hook is not None:
                try:
                    work.extend(hook())
                except Exception:  # noqa: BLE001 - a broken page must not block quitting
                    log.exception("unsaved_work of %s failed", type(page).__name__)
        work.extend(self.tr("still running: {task}").format(task=task)
                    for task in self.ctx.tasks.running_tasks())
        return work

    def ask(self, title: str, text: str) -> bool:
        """Yes/No question (tests replace it). With no screen (offscreen: CI, the
        self-test) nobody could answer a blocking question: the answer is yes."""
        from PySide6.QtGui import QGuiApplication

        if QGuiApplication.platformName() in ("offscreen", "minimal"):
            log.info("%s: %s (no screen: answered yes)", title, text.replace("\n", " "))
            return True
        return QMessageBox.question(
            self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes

    def confirm_leave(self, quitting: bool) -> bool:
        work = self.unfinished_work()
        if not work:
            return True
        listing = "\n".join(f"\u2022 {item}" for item in work)
        if quitting:
            return self.ask(self.tr("Quit orderdesk?"), self.tr(
                "This is not finished:\n{work}\n\nQuit anyway? Running work is finished "
                "first; typed input that is not saved is lost.").format(work=listing))
        return self.ask(self.tr("Sign out?"), self.tr(
            "This is not finished:\n{work}\n\nSign out anyway? Typed input that is not "
            "saved is lost.").format(work=listing))

    def _on_sign_out(self) -> None:
        if self.confirm_leave(quitting=False):
            self.sign_out_requested.emit()

    def _pack_trail(self) -> None:
        from orderdesk import audit_store

        if self._pack_job is not None and not self._pack_job.finished:
            return
        self._pack_job = self.ctx.tasks.job(audit_store.pack_if_due, self.ctx.desk,
                                            on_error=self._on_pack_failed)

    def _on_pack_failed(self, exc: BaseException) -> None:
        # Housekeeping: nobody waits for it; it is tried again at the next check.
        log.warning("packing the audit trail failed: %s", exc)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.property("forceClose") and not self.confirm_leave(quitting=True):
            event.ignore()
            return
        self._pack_timer.stop()
        if self._pack_job is not None:
            self._pack_job.cancel()  # stops between two transactions; resumed next start
        super().closeEvent(event)


class AboutBox(QMessageBox):
    """Help > About, worded again on a language switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Information)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        from orderdesk import __version__

        self.setWindowTitle(QCoreApplication.translate("MainWindow", "About orderdesk"))
        self.setText(QCoreApplication.translate(
            "MainWindow", "orderdesk {version}\nOrder flow stations for discrete "
            "manufacturers.").format(version=__version__))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def show_main_window(window: QMainWindow) -> None:
    """Open the main window maximised on its screen. It is first given the whole
    available area (less the frame), so it fills the screen where no window manager
    maximises it (kiosk sessions, Xvfb) and stays on the screen when un-maximised."""
    from orderdesk.ui.screen_fit import available_geometry

    geo = available_geometry(window)
    fit_to_screen(window, geo.width(), geo.height())
    window.move(geo.topLeft())
    window.showMaximized()


def role_name(role: str) -> str:
    from PySide6.QtCore import QCoreApplication
    names = {
        "sales": QCoreApplication.translate("roles", "Sales"),
        "engineering": QCoreApplication.translate("roles", "Engineering"),
        "pmc": QCoreApplication.translate("roles", "PMC"),
        "warehouse": QCoreApplication.translate("roles", "Warehouse"),
        "quality": QCoreApplication.translate("roles", "Quality"),
        "finance": QCoreApplication.translate("roles", "Finance"),
        "supervisor": QCoreApplication.translate("roles", "Supervisor"),
        "sysadmin": QCoreApplication.translate("roles", "System admin"),
        "secadmin": QCoreApplication.translate("roles", "Security admin"),
        "auditor": QCoreApplication.translate("roles", "Auditor"),
    }
    return names.get(role, role)

