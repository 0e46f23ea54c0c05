"""The order exception quick report (订单异常快速上报), reachable from every station, and
the close with its lessons-learned card."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from orderdesk.insight import exceptions as ex
from orderdesk.models.base import utcnow
from orderdesk.ui.errors import register_describer, show_error
from orderdesk.ui.overview import labels
from orderdesk.ui.screen_fit import fit_to_screen

MAX_PHOTO_BYTES = 10 * 1024 * 1024


class ExceptionReportDialog(QDialog):
    """Kind, order (and line), description, photos, owner and due time -> the queue."""

    report_did_raise = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None, order_no: str | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("exceptionReportDialog")
        self.ctx = ctx
        self.photos: list[tuple[str, bytes]] = []
        fit_to_screen(self, 620, 520)
        self.kind_box = QComboBox()
        self.kind_box.setProperty("i18n_data", True)  # kind names are the factory's data (self-test language check)
        self.order_edit = QLineEdit(order_no or "")
        self.order_edit.setObjectName("exceptionOrder")
        self.line_spin = QSpinBox()
        self.line_spin.setRange(0, 999)
        self.description = QPlainTextEdit()
        self.description.setObjectName("exceptionDescription")
        self.owner_edit = QLineEdit()
        self.due_spin = QDoubleSpinBox()
        self.due_spin.setRange(1, 24 * 30)
        self.due_spin.setValue(ex.DEFAULT_DUE_HOURS)
        self.due_spin.setDecimals(0)
        self.photo_button = QPushButton()
        self.photo_button.clicked.connect(self._on_add_photo)
        self.photo_label = QLabel()
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(7)]
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.photo_label, 1)
        for label, field in zip(self._labels, (self.kind_box, self.order_edit, self.line_spin,
                                               self.description, self.owner_edit,
                                               self.due_spin, photo_row)):
            self.form.addRow(label, field)
        self.submit_button = QPushButton()
        self.submit_button.setObjectName("exceptionSubmit")
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self._on_submit)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self.ctx.tasks.query(ex.kinds, self.ctx.desk, on_done=self._on_kinds)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Order exception quick report"))
        for label, text in zip(self._labels, (
                self.tr("Kind"), self.tr("Order number"), self.tr("Line (0: whole order)"),
                self.tr("What happened"), self.tr("Owner (user)"), self.tr("Due in hours"),
                self.tr("Photos"))):
            label.setText(text)
        self.photo_button.setText(self.tr("Add photo…"))
        self.photo_label.setText(self.tr("{n} photo(s)").format(n=len(self.photos)))
        self.submit_button.setText(self.tr("Report"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_kinds(self, kinds: tuple[ex.Kind, ...]) -> None:
        self.kind_box.clear()
        for k in kinds:
            self.kind_box.addItem(k.name, k.code)

    def _on_add_photo(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Add photo"), "",
                                                self.tr("Images (*.jpg *.jpeg *.png *.bmp)"))
        for p in paths:
            self.add_photo_file(Path(p))

    def add_photo_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as exc:
            show_error(self, exc)
            return False
        if not data or len(data) > MAX_PHOTO_BYTES:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("{name}: empty or larger than 10 MB, not added.")
                                .format(name=path.name))
            return False
        self.photos.append((path.name, data))
        self.retranslate_ui()
        return True

    def _on_submit(self) -> None:
        text = self.description.toPlainText().strip()
        if not text or self.kind_box.currentData() is None:
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("Choose a kind and say what happened."))
            return
        self.submit_button.setEnabled(False)
        self.ctx.tasks.mutate(
            ex.report_exception, self.ctx.desk, kind=self.kind_box.currentData(),
            description=text, order_no=self.order_edit.text().strip() or None,
            line_no=self.line_spin.value() or None, owner=self.owner_edit.text().strip() or None,
            due_at=utcnow() + dt.timedelta(hours=self.due_spin.value()),
            photos=tuple(self.photos), on_done=self._on_done, on_error=self._on_error)

    def _on_done(self, result: ex.ReportResult) -> None:
        self.report_did_raise.emit(result.row)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.submit_button.setEnabled(True)
        show_error(self, exc)


class CloseExceptionDialog(QDialog):
    """The lessons-learned card: category (人机料法环测) + cause, action, where it applies.
    Save as a draft at any time; Close is refused by the service with the missing fields
    named; a card like an earlier one asks "the same problem again?"."""

    exception_did_close = Signal(object)

    def __init__(self, ctx, row: ex.ExceptionRow, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setObjectName("closeExceptionDialog")
        self.ctx = ctx
        self.row = row
        fit_to_screen(self, 640, 600)
        card = row.card
        self.head = QLabel()
        self.head.setWordWrap(True)
        self.category_box = QComboBox()
        self.category_box.addItem("", None)
        for code in ex.CATEGORIES:
            self.category_box.addItem("", code)
        if card and card.category:
            self.category_box.setCurrentIndex(self.category_box.findData(card.category))
        self.scenario = QPlainTextEdit((card.scenario if card else None) or row.description)
        self.cause = QPlainTextEdit((card.cause if card else None) or "")
        self.action = QPlainTextEdit((card.action if card else None) or "")
        self.applies = QLineEdit((card.applies_to if card else None) or "")
        self._labels = [QLabel() for _ in range(5)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.category_box, self.scenario, self.cause,
                                               self.action, self.applies)):
            form.addRow(label, field)
        self.draft_button = QPushButton()
        self.draft_button.clicked.connect(self._on_draft)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeWithCard")
        self.close_button.clicked.connect(lambda: self._on_close(None))
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.draft_button, self.close_button, self.cancel_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Close with the lessons-learned card"))
        self.head.setText(self.tr("{no} · {kind} · order {order}: {text}").format(
            no=self.row.report_no, kind=self.row.kind, order=self.row.order_no or "—",
            text=self.row.description))
        self.category_box.setItemText(0, self.tr("(choose)"))
        for i, code in enumerate(ex.CATEGORIES, start=1):
            self.category_box.setItemText(i, labels.category_name(code))
        for label, text in zip(self._labels, (
                self.tr("Root cause (人机料法环测)"), self.tr("Scenario"), self.tr("Cause"),
                self.tr("Action taken"), self.tr("Where it applies"))):
            label.setText(text)
        self.draft_button.setText(self.tr("Save draft"))
        self.close_button.setText(self.tr("Close exception"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def fields(self) -> dict:
        return dict(category=self.category_box.currentData(),
                    scenario=self.scenario.toPlainText(), cause=self.cause.toPlainText(),
                    action=self.action.toPlainText(), applies_to=self.applies.text())

    def _on_draft(self) -> None:
        self.ctx.tasks.mutate(ex.save_card, self.ctx.desk, self.row.id, **self.fields(),
                              on_done=lambda _c: self.accept(),
                              on_error=lambda e: show_error(self, e))

    def _on_close(self, same_as: str | None) -> None:
        self.close_button.setEnabled(False)
        self.ctx.tasks.mutate(ex.close_exception, self.ctx.desk, self.row.id, **self.fields(),
                              same_as=same_as, on_done=self._on_closed,
                              on_error=self._on_error)

    def _on_closed(self, card: ex.CardRow) -> None:
        self.exception_did_close.emit(card)
        self.accept()

    def _on_error(self, exc: BaseException) -> None:
        self.close_button.setEnabled(True)
        if isinstance(exc, ex.SimilarCardFound):
            best = exc.candidates[0]
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("The same problem again?"),
                              self.tr("This card reads like card {no} ({score:.0f} % alike):\n"
                                      "{scenario}\n{cause}\n\nIs it the same problem again?")
                              .format(no=best.report_no, score=best.score,
                                      scenario=best.scenario, cause=best.cause),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                              | QMessageBox.StandardButton.Cancel, self)
            box.setObjectName("sameProblemBox")
            box.finished.connect(lambda code: self._on_same_answer(code, best.card_id))
            box.open()
            self._same_box = box
            return
        show_error(self, exc)

    def _on_same_answer(self, code: int, card_id: str) -> None:
        if code == QMessageBox.StandardButton.Yes:
            self._on_close(card_id)
        elif code == QMessageBox.StandardButton.No:
            self._on_close("")


def _describe_incomplete(exc: ex.CardIncomplete) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {"category": QCoreApplication.translate("InsightErrors", "root cause"),
             "cause": QCoreApplication.translate("InsightErrors", "cause"),
             "action": QCoreApplication.translate("InsightErrors", "action taken"),
             "applies_to": QCoreApplication.translate("InsightErrors", "where it applies")}
    missing = "、".join(names.get(m, m) for m in exc.facts.get("missing", []))
    return QCoreApplication.translate(
        "InsightErrors", "The exception cannot close yet: the card lacks {missing}. "
                         "What you wrote is saved as a draft.").format(missing=missing)


register_describer(ex.CardIncomplete, _describe_incomplete)


class ReportExceptionAction(QAction):
    """The menu entry that opens the quick report from any station (every business role;
    hidden for the admin roles, who do not enter business data). It follows language
    switches itself, through an event filter on the window."""

    def __init__(self, window) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self.window_ = window
        self.setObjectName("reportExceptionAction")
        self.setShortcut(QKeySequence("Ctrl+Shift+E"))
        user = window.ctx.desk.user
        self.setVisible(bool(user and user.can("exception.report")))
        self.triggered.connect(self.open_dialog)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(QCoreApplication.translate("ReportExceptionAction",
                                                "Report order &exception…"))

    def eventFilter(self, obj, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def open_dialog(self) -> ExceptionReportDialog:
        page = self.window_.tabs.currentWidget()
        order_no = getattr(page, "current_order_no", lambda: None)()
        dialog = ExceptionReportDialog(self.window_.ctx, self.window_, order_no=order_no)
        dialog.open()
        return dialog
