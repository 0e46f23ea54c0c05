"""Engineering annotations of an order: change notes, pictures and video clips.

A reusable widget for every station that handles an order:

    annotations = OrderAnnotationsWidget(ctx)
    annotations.set_order(order_id)

It lists the order's notes (engineering changes first and highlighted) and its files,
previews pictures in a dialog, opens other files (video clips) with the system viewer,
and adds a text note or a file for users allowed to annotate (engineering, supervisor).
Reads on the query pool, writes on the writer thread; files are read off the GUI thread.
"""

from __future__ import annotations

import mimetypes
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from orderdesk.changes import Changes
from orderdesk.errors import ValidationFailed
from orderdesk.services import board, orders

MAX_FILE_BYTES = 100 * 1024 * 1024
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"}


def attach_file(desk, order_id: str, path: str) -> Changes:  # type: ignore[no-untyped-def]
    """Read a file (worker thread) and attach it as image / video / file."""
    p = Path(path)
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValidationFailed(field="file", value=p.name, reason="too_large",
                               limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    mime = mimetypes.guess_type(p.name)[0] or "application/octet-stream"
    kind = "image" if mime.startswith("image/") else "video" if mime.startswith("video/") else "file"
    orders.add_attachment(desk, order_id, p.name, p.read_bytes(), kind=kind, mime=mime)
    return Changes(orders=True)


def add_engineering_note(desk, order_id: str, body: str) -> Changes:  # type: ignore[no-untyped-def]
    return orders.add_note(desk, order_id, body, kind="engineering")


class ImagePreviewDialog(QDialog):
    def __init__(self, title: str, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.pixmap = QPixmap()
        self.pixmap.loadFromData(data)
        self.image = QLabel()
        self.image.setObjectName("previewImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if self.pixmap.isNull():
            self.image.setText(self.tr("This picture cannot be shown (unknown or damaged "
                                       "format)."))
        else:
            self.image.setPixmap(self.pixmap.scaled(
                900, 650, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        self.resize(940, 700)


class OrderAnnotationsWidget(QWidget):
    """Notes and files of one order; `set_order(order_id)` to show one."""

    annotations_did_load = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.order_id: str | None = None
        self.title = QLabel()
        self.title.setObjectName("annotationsTitle")
        self.notes = QListWidget()
        self.notes.setObjectName("annotationNotes")
        self.notes.setWordWrap(True)
        self.files = QListWidget()
        self.files.setObjectName("annotationFiles")
        self.files.itemActivated.connect(self._on_open)
        self.text = QPlainTextEdit()
        self.text.setObjectName("annotationText")
        self.text.setFixedHeight(64)
        self.add_note_button = QPushButton()
        self.add_note_button.setObjectName("addNote")
        self.add_note_button.clicked.connect(self._on_add_note)
        self.add_file_button = QPushButton()
        self.add_file_button.setObjectName("addFile")
        self.add_file_button.clicked.connect(self._on_add_file)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._on_open(self.files.currentItem()))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.files_label = QLabel()

        row = QHBoxLayout()
        row.addWidget(self.add_note_button)
        row.addWidget(self.add_file_button)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.notes, 2)
        layout.addWidget(self.files_label)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate_ui()
        self._update_enabled()

    def retranslate_ui(self) -> None:
        self.add_note_button.setText(self.tr("Add change note"))
        self.add_file_button.setText(self.tr("Attach picture / video…"))
        self.open_button.setText(self.tr("Open"))
        self.files_label.setText(self.tr("Pictures, video clips and files "
                                         "(double-click to open)"))
        self.text.setPlaceholderText(self.tr("Engineering change: drawing revision, spec, …"))
        if self.order_id is None:
            self.title.setText(self.tr("No order selected"))

    def _can_annotate(self) -> bool:
        user = self.ctx.desk.user
        return user is None or user.can("order.annotate")

    def _update_enabled(self) -> None:
        on = self.order_id is not None
        self.add_note_button.setEnabled(on and self._can_annotate())
        self.text.setEnabled(on and self._can_annotate())
        self.add_file_button.setEnabled(on and self._can_annotate())
        self.open_button.setEnabled(on)

    # -- loading --------------------------------------------------------------------------
    def set_order(self, order_id: str | None) -> None:
        self.order_id = order_id
        self.notes.clear()
        self.files.clear()
        self.message.clear()
        self._update_enabled()
        if order_id is None:
            self.retranslate_ui()
            return
        self.ctx.tasks.query(board.order_detail, self.ctx.desk, order_id, with_trail=False,
                             on_done=self._on_detail, on_error=self._on_error)

    def on_changes(self, changes: Changes) -> None:
        if changes.orders and self.order_id:
            self.set_order(self.order_id)

    def _on_detail(self, detail: board.OrderDetail) -> None:
        from orderdesk.ui.errors import local_time_text

        if detail.summary.id != self.order_id:
            return
        self.title.setText(self.tr("Changes and files of {order}").format(
            order=detail.summary.order_no))
        notes = sorted(detail.notes, key=lambda n: (n[1] != "engineering", n[0]))
        for at, kind, author, body in notes:
            head = (self.tr("Engineering change") if kind == "engineering" else self.tr("Note"))
            item = QListWidgetItem(f"[{head}] {local_time_text(at)} {author or '-'}\n{body}")
            if kind == "engineering":
                item.setBackground(Qt.GlobalColor.yellow)
            self.notes.addItem(item)
        for att_id, filename, kind, _size in detail.attachments:
            # Text tags, not emoji: station PCs often have no colour-emoji font.
            tag = {"image": self.tr("[picture]"), "video": self.tr("[video]")}.get(
                kind, self.tr("[file]"))
            item = QListWidgetItem(f"{tag} {filename}")
            item.setData(Qt.ItemDataRole.UserRole, (att_id, filename, kind))
            self.files.addItem(item)
        self.annotations_did_load.emit()

    # -- actions --------------------------------------------------------------------------
    def _on_add_note(self) -> None:
        body = self.text.toPlainText().strip()
        if not body or self.order_id is None:
            return
        self.ctx.tasks.mutate(add_engineering_note, self.ctx.desk, self.order_id, body,
                              on_done=self._on_added, on_error=self._on_error)

    def _on_add_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a picture or video clip"), "",
            self.tr("Pictures and videos (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.mp4 *.mov "
                    "*.avi *.mkv);;All files (*)"))
        if path:
            self.attach(path)

    def attach(self, path: str) -> None:
        if self.order_id is not None:
            self.ctx.tasks.mutate(attach_file, self.ctx.desk, self.order_id, path,
                                  on_done=self._on_added, on_error=self._on_error)

    def _on_added(self, _changes: object) -> None:
        self.text.clear()
        self.message.setText(self.tr("Saved; every station handling this order sees it."))
        self.set_order(self.order_id)

    def _on_open(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        att_id, filename, kind = item.data(Qt.ItemDataRole.UserRole)
        self.ctx.tasks.query(orders.attachment_content, self.ctx.desk, att_id,
                             on_done=self._show_content, on_error=self._on_error)

    def _show_content(self, content: tuple[str, bytes]) -> None:
        filename, data = content
        if Path(filename).suffix.lower() in IMAGE_SUFFIXES:
            self.preview = ImagePreviewDialog(filename, data, self)
            self.preview.show()
            return
        # Video clips and other files: the system's player/viewer opens a private copy.
        folder = Path(tempfile.mkdtemp(prefix="orderdesk-"))
        target = folder / Path(filename).name
        target.write_bytes(data)
        os.chmod(target, 0o600)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def _on_error(self, exc: BaseException) -> None:
        from orderdesk.ui.pmc.errors import describe as describe_error

        self.message.setText(describe_error(exc))
