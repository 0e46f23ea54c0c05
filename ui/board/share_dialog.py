"""Share an order's live status: a link, its QR code and a text for WeChat / WeCom.

The central server mints links (it holds the key), so making one needs the server and a
person's own sign-in there: the dialog asks for the signed-in user's password once per
session and keeps the short-lived server token in memory only (never on disk). Offline,
it says so; nothing is lost. Network calls run on the query pool (ctx.tasks).
"""

from __future__ import annotations

import io
import threading
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from orderdesk.ui.errors import describe_error

# Server tokens of this app session, per (server, user): memory only, gone at exit.
_TOKENS: dict[tuple[str, str], str] = {}
_TOKENS_LOCK = threading.Lock()


class PasswordNeeded(Exception):
    """The server needs the person's own sign-in before it makes a link."""


def _client(server_url: str, username: str, password: str | None, station: str):  # type: ignore[no-untyped-def]
    from orderdesk.sync.client import Credentials, SyncClient

    client = SyncClient(server_url, Credentials(username=username, password=password or ""),
                        station=station, timeout=8.0)
    with _TOKENS_LOCK:
        client.token = _TOKENS.get((server_url, username))
    if client.token is None:
        if not password:
            client.close()
            raise PasswordNeeded()
        client.login()
        with _TOKENS_LOCK:
            _TOKENS[(server_url, username)] = client.token or ""
    return client


def _remember(client: Any, server_url: str, username: str) -> None:
    with _TOKENS_LOCK:
        if client.token:
            _TOKENS[(server_url, username)] = client.token
        else:
            _TOKENS.pop((server_url, username), None)


def make_link_job(server_url: str, username: str, password: str | None, station: str,
                  order_no: str, scope: str, days: int) -> dict[str, Any]:
    """Worker thread: a new link and the order's links (for the list)."""
    from orderdesk.sync import share_client

    client = _client(server_url, username, password, station)
    try:
        made = share_client.make_link(client, order_no, scope=scope, days=days)
        made["links"] = share_client.links_of(client, order_no)
        return made
    except Exception:
        _remember(client, server_url, username)
        raise
    finally:
        _remember(client, server_url, username)
        client.close()


def list_links_job(server_url: str, username: str, station: str, order_no: str) -> list[dict[str, Any]]:
    from orderdesk.sync import share_client

    client = _client(server_url, username, None, station)
    try:
        return share_client.links_of(client, order_no)
    finally:
        _remember(client, server_url, username)
        client.close()


def revoke_job(server_url: str, username: str, station: str, link_id: str,
               order_no: str, password: str | None = None) -> list[dict[str, Any]]:
    from orderdesk.sync import share_client

    client = _client(server_url, username, password, station)
    try:
        share_client.revoke(client, link_id)
        return share_client.links_of(client, order_no)
    finally:
        _remember(client, server_url, username)
        client.close()


def _local(stamp: object) -> str:
    """A server time (UTC, ISO text) as this PC's local time."""
    import datetime as dt

    try:
        when = dt.datetime.fromisoformat(str(stamp)).replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return str(stamp or "")
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def robot_link_provider(ctx, purpose: str = "robot"):  # type: ignore[no-untyped-def]
    """For WebhookSender(link_for=...): robot messages carry a link to the order's status,
    asked of the server with this station's key. None when the station has no server."""
    from orderdesk.sync.share_client import station_link_provider
    from orderdesk.ui.sync_worker import station_credentials

    credentials = station_credentials()
    if not ctx.server_url or credentials is None:
        return None
    name = (getattr(ctx.settings, "station_name", "") or "").strip() or ctx.desk.station
    return station_link_provider(ctx.server_url, credentials, name, purpose)


def print_link_provider(ctx):  # type: ignore[no-untyped-def]
    """For printed papers (delivery note, certificate): a 90-day status-only link."""
    return robot_link_provider(ctx, "print")


def qr_pixmap(text: str, size: int = 180) -> QPixmap:
    import qrcode

    buf = io.BytesIO()
    qrcode.make(text, box_size=6, border=2).save(buf, format="PNG")
    image = QImage.fromData(buf.getvalue(), "PNG")
    return QPixmap.fromImage(image).scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)


class ShareLinkDialog(QDialog):
    """Make, copy and revoke the share links of one order."""

    def __init__(self, ctx, order_no: str, customer_name: str = "",  # type: ignore[no-untyped-def]
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_no = order_no
        self.customer_name = customer_name
        self.setObjectName("shareLinkDialog")
        self.made: dict[str, Any] | None = None

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.scope = QComboBox()
        self.scope.setObjectName("shareScope")
        self.days = QSpinBox()
        self.days.setObjectName("shareDays")
        self.days.setRange(1, 366)
        self.days.setValue(30)
        self.make_button = QPushButton()
        self.make_button.setObjectName("shareMake")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self._on_make)
        self.scope_label, self.days_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.scope_label, self.scope)
        form.addRow(self.days_label, self.days)

        self.url = QLineEdit()
        self.url.setObjectName("shareUrl")
        self.url.setReadOnly(True)
        self.copy_url = QPushButton()
        self.copy_url.setObjectName("shareCopyUrl")
        self.copy_url.clicked.connect(lambda: self._copy(self.url.text()))
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_url)
        self.qr = QLabel()
        self.qr.setObjectName("shareQr")
        self.qr.setFixedSize(180, 180)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QPlainTextEdit()
        self.message.setObjectName("shareMessage")
        self.message.setReadOnly(True)
        self.message.setMinimumHeight(90)
        self.message.setMaximumHeight(130)
        self.copy_message = QPushButton()
        self.copy_message.setObjectName("shareCopyMessage")
        self.copy_message.clicked.connect(lambda: self._copy(self.message.toPlainText()))
        result = QHBoxLayout()
        result.addWidget(self.qr)
        text_col = QVBoxLayout()
        text_col.addLayout(url_row)
        text_col.addWidget(self.message)
        text_col.addWidget(self.copy_message, 0, Qt.AlignmentFlag.AlignRight)
        result.addLayout(text_col, 1)

        self.status = QLabel()
        self.status.setObjectName("shareStatus")
        self.status.setWordWrap(True)
        self.links = QTableWidget(0, 7)
        self.links.setObjectName("shareLinks")
        self.links.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.links.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.links.verticalHeader().setVisible(False)
        self.links.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.links.horizontalHeader().setStretchLastSection(True)
        self.revoke_button = QPushButton()
        self.revoke_button.setObjectName("shareRevoke")
        self.revoke_button.clicked.connect(self._on_revoke)
        self.links_label = QLabel()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.make_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(top)
        layout.addLayout(result)
        layout.addWidget(self.status)
        layout.addWidget(self.links_label)
        layout.addWidget(self.links, 1)
        layout.addWidget(self.revoke_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.buttons)
        self._link_ids: list[str] = []
        self.links.setMinimumHeight(120)
        from orderdesk.ui.screen_fit import fit_to_screen

        fit_to_screen(self, 780, 640)
        self.retranslate_ui()
        self._set_result_visible(False)
        if self._server() and self._user():
            self.ctx.tasks.query(list_links_job, self._server(), self._user(), self._station(),
                                 self.order_no, on_done=self._show_links,
                                 on_error=lambda _exc: None)

    # -- text -------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Share order {order}").format(order=self.order_no))
        self.intro.setText(self.tr(
            "Anyone with the link sees this order's live status on a phone, without an app. "
            "Prices are shown only if you choose so. You can stop a link at any time."))
        current = self.scope.currentIndex()
        self.scope.clear()
        self.scope.addItem(self.tr("Status only"), "status")
        self.scope.addItem(self.tr("Status and prices"), "status+prices")
        self.scope.setCurrentIndex(max(current, 0))
        self.scope_label.setText(self.tr("Shows"))
        self.days_label.setText(self.tr("Valid for (days)"))
        self.make_button.setText(self.tr("Make link"))
        self.copy_url.setText(self.tr("Copy link"))
        self.copy_message.setText(self.tr("Copy WeChat text"))
        self.links_label.setText(self.tr("Links of this order (every opening is logged)"))
        self.links.setHorizontalHeaderLabels([
            self.tr("Made"), self.tr("By"), self.tr("Shows"), self.tr("Expires"),
            self.tr("State"), self.tr("Views"), self.tr("Last opened")])
        self.revoke_button.setText(self.tr("Stop selected link"))
        if self.made is not None:
            self.message.setPlainText(self._wechat_text(self.made))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- helpers ----------------------------------------------------------------------------
    def _server(self) -> str:
        return (self.ctx.server_url or "").strip()

    def _user(self) -> str:
        user = getattr(self.ctx.desk, "user", None)
        return user.username if user is not None else ""

    def _station(self) -> str:
        name = (getattr(self.ctx.settings, "station_name", "") or "").strip()
        return name or self.ctx.desk.station

    def _lang(self) -> str:
        from orderdesk.ui.i18n import current_language

        return "en" if current_language().startswith("en") else "zh"

    def _wechat_text(self, made: dict[str, Any]) -> str:
        from orderdesk.sync.share_client import wechat_text

        return wechat_text(self.order_no, self.customer_name, made["url"],
                           str(made.get("expires_at", ""))[:10], self._lang())

    def _set_result_visible(self, visible: bool) -> None:
        for w in (self.url, self.copy_url, self.qr, self.message, self.copy_message):
            w.setVisible(visible)

    def _say(self, text: str, state: str = "") -> None:
        self.status.setText(text)
        self.status.setProperty("state", state)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self._say(self.tr("Copied."), "ok")

    # -- actions ----------------------------------------------------------------------------
    def _on_make(self, _checked: bool = False, password: str | None = None) -> None:
        if not self._server():
            self._say(self.tr("This station works without a server, so it cannot make share "
                              "links. Set the server address in Settings."), "error")
            return
        if not self._user():
            self._say(self.tr("Sign in first."), "error")
            return
        self.make_button.setEnabled(False)
        self._say(self.tr("Asking the server…"))
        self.ctx.tasks.query(make_link_job, self._server(), self._user(), password,
                             self._station(), self.order_no, self.scope.currentData(),
                             self.days.value(), on_done=self._on_made,
                             on_error=lambda exc: self._on_failed(exc, self._on_make))

    def _on_made(self, made: dict[str, Any]) -> None:
        self.make_button.setEnabled(True)
        self.made = made
        self.url.setText(made["url"])
        self.qr.setPixmap(qr_pixmap(made["url"]))
        self.message.setPlainText(self._wechat_text(made))
        self._set_result_visible(True)
        self._say(self.tr("Link made. It stays valid until {date}.")
                  .format(date=str(made.get("expires_at", ""))[:10]), "ok")
        self._show_links(made.get("links") or [])

    def _on_failed(self, exc: BaseException, retry=None) -> None:  # type: ignore[no-untyped-def]
        self.make_button.setEnabled(True)
        if isinstance(exc, PasswordNeeded) and retry is not None:
            password, ok = QInputDialog.getText(
                self, self.tr("Sign in at the server"),
                self.tr("Password of {user} for the central server:").format(user=self._user()),
                QLineEdit.EchoMode.Password)
            if ok and password:
                retry(password=password)
            else:
                self._say(self.tr("Nothing was changed."), "")
            return
        self._say(describe_error(exc), "error")

    def _show_links(self, rows: list[dict[str, Any]]) -> None:
        self.links.setRowCount(len(rows))
        self._link_ids = [r["id"] for r in rows]
        states = {"ok": self.tr("active"), "expired": self.tr("expired"),
                  "revoked": self.tr("stopped")}
        scopes = {"status": self.tr("Status only"), "status+prices": self.tr("Status and prices")}
        for i, r in enumerate(rows):
            values = [_local(r.get("created_at")), r.get("created_by") or "",
                      scopes.get(r.get("scope"), r.get("scope")),
                      str(r.get("expires_at", ""))[:10], states.get(r.get("state"), r.get("state")),
                      str(r.get("view_count", 0)),
                      _local(r.get("last_seen_at")) if r.get("last_seen_at") else "—"]
            for j, v in enumerate(values):
                self.links.setItem(i, j, QTableWidgetItem(str(v)))

    def _on_revoke(self, _checked: bool = False, password: str | None = None) -> None:
        row = self.links.currentRow()
        if row < 0 or row >= len(self._link_ids):
            self._say(self.tr("Select a link in the list first."), "")
            return
        self.ctx.tasks.query(revoke_job, self._server(), self._user(), self._station(),
                             self._link_ids[row], self.order_no, password,
                             on_done=self._on_revoked,
                             on_error=lambda exc: self._on_failed(exc, self._on_revoke))

    def _on_revoked(self, rows: list[dict[str, Any]]) -> None:
        self._show_links(rows)
        self._say(self.tr("Link stopped. Pages open on phones close within seconds."), "ok")
