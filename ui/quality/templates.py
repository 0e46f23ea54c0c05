"""Certificate templates per customer, edited by quality staff without code.

What a template decides: language (Chinese/English), company name and address, logo,
which fields print, the RoHS wording and a footer. The preview draws a sample certificate
with the unsaved values (off the GUI thread).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from orderdesk.certificates import pdf, service
from orderdesk.certificates.service import TemplateInput, TemplateRow


class TemplatesWidget(QWidget):
    preview_did_render = Signal(object)     # list of QImage pages

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.current_id: str | None = None
        self.logo: bytes | None = None
        self.clear_logo = False
        self.templates: list[TemplateRow] = []

        self.list = QListWidget(self)
        self.list.currentRowChanged.connect(self._on_template_chosen)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_template)

        self.name = QLineEdit(self)
        self.customer = QComboBox(self)
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.customer.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.language = QComboBox(self)
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.company = QLineEdit(self)
        self.address = QLineEdit(self)
        self.logo_label = QLabel(self)
        self.logo_button = QPushButton(self)
        self.logo_button.clicked.connect(self._on_choose_logo)
        self.logo_clear = QPushButton(self)
        self.logo_clear.clicked.connect(self._on_clear_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.logo_clear)
        self.form = QFormLayout()
        self.form.addRow(self._label(), self.name)
        self.form.addRow(self._label(), self.customer)
        self.form.addRow(self._label(), self.language)
        self.form.addRow(self._label(), self.company)
        self.form.addRow(self._label(), self.address)
        self.form.addRow(self._label(), logo_row)

        self.fields_box = QGroupBox(self)
        grid = QGridLayout(self.fields_box)
        self.field_checks: dict[str, QCheckBox] = {}
        for i, key in enumerate(pdf.FIELD_KEYS):
            box = QCheckBox(self.fields_box)
            box.setChecked(key in pdf.DEFAULT_FIELDS)
            self.field_checks[key] = box
            grid.addWidget(box, i // 3, i % 3)

        self.rohs = QPlainTextEdit(self)
        self.rohs.setMaximumHeight(90)
        self.footer = QPlainTextEdit(self)
        self.footer.setMaximumHeight(60)
        self.texts = QFormLayout()
        self.texts.addRow(self._label(), self.rohs)
        self.texts.addRow(self._label(), self.footer)

        self.preview_button = QPushButton(self)
        self.preview_button.clicked.connect(self._on_preview)
        self.save_button = QPushButton(self)
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self._on_save)
        self.deactivate_button = QPushButton(self)
        self.deactivate_button.clicked.connect(self._on_deactivate)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.deactivate_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.list, 1)
        lv.addWidget(self.new_button)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addLayout(self.form)
        rv.addWidget(self.fields_box)
        rv.addLayout(self.texts)
        rv.addStretch(1)
        rv.addLayout(buttons)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.retranslate_ui()
        self._show_logo()

    def field_name(self, key: str) -> str:
        return {
            "logo": self.tr("Logo"), "customer": self.tr("Customer"),
            "order_no": self.tr("Order number"), "customer_po": self.tr("Customer PO"),
            "spec": self.tr("Specification"), "lot": self.tr("Production lot"),
            "production_date": self.tr("Production date"), "expiry_date": self.tr("Expiry date"),
            "material_report": self.tr("Material report"), "rohs": self.tr("RoHS declaration"),
            "footer": self.tr("Footer"),
        }[key]

    def _label(self) -> QLabel:
        if not hasattr(self, "_labels"):
            self._labels: list[QLabel] = []
        label = QLabel(self)
        self._labels.append(label)
        return label

    def retranslate_ui(self) -> None:
        self.new_button.setText(self.tr("New template"))
        labels = (self.tr("Template name"), self.tr("For customer"), self.tr("Language"),
                  self.tr("Company name"), self.tr("Company address"), self.tr("Logo"))
        for row, text in enumerate(labels):
            self._labels[row].setText(text)
        self.fields_box.setTitle(self.tr("Fields printed"))
        for key, box in self.field_checks.items():
            box.setText(self.field_name(key))
        self._labels[6].setText(self.tr("RoHS wording"))
        self._labels[7].setText(self.tr("Footer"))
        self.rohs.setPlaceholderText(self.tr("Empty: the standard declaration (EU 2011/65/EU, "
                                             "(EU) 2015/863, GB/T 26572)"))
        self.logo_button.setText(self.tr("Choose…"))
        self.logo_clear.setText(self.tr("No logo"))
        self.preview_button.setText(self.tr("Preview"))
        self.save_button.setText(self.tr("Save template"))
        self.deactivate_button.setText(self.tr("Deactivate"))
        if self.customer.count():
            self.customer.setItemText(0, self.tr("All customers (default)"))
        self._show_logo()

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.ctx.tasks.query(_load, self.ctx.desk, on_done=self._on_loaded)

    def _on_loaded(self, result) -> None:  # type: ignore[no-untyped-def]
        templates, customers = result
        chosen = self.customer.currentData()
        self.customer.blockSignals(True)
        self.customer.clear()
        self.customer.addItem(self.tr("All customers (default)"), None)
        for c in customers:
            self.customer.addItem(f"{c.code} {c.name}", c.id)
        self.customer.setCurrentIndex(max(0, self.customer.findData(chosen)))
        self.customer.blockSignals(False)
        self.templates = templates
        current = self.current_id
        self.list.blockSignals(True)
        self.list.clear()
        for t in templates:
            who = t.customer_name or self.tr("all customers")
            item = QListWidgetItem(f"{t.name} · {who} · {t.language}")
            item.setData(Qt.ItemDataRole.UserRole, t.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [t.id for t in templates]
        if current in ids:
            self.list.setCurrentRow(ids.index(current))
        elif templates and current is None and not self.name.text():
            self.list.setCurrentRow(0)

    def _on_template_chosen(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            self.show_template(self.templates[row])

    def show_template(self, t: TemplateRow) -> None:
        self.current_id = t.id
        self.name.setText(t.name)
        self.customer.setCurrentIndex(max(0, self.customer.findData(t.customer_id)))
        self.language.setCurrentIndex(max(0, self.language.findData(t.language)))
        self.company.setText(t.company_name)
        self.address.setText(t.company_address)
        for key, box in self.field_checks.items():
            box.setChecked(key in t.fields)
        self.rohs.setPlainText(t.rohs_text)
        self.footer.setPlainText(t.footer_text)
        self.logo = None
        self.clear_logo = False
        self._has_saved_logo = bool(t.logo_sha256)
        self._show_logo()

    def new_template(self) -> None:
        self.list.clearSelection()
        self.current_id = None
        for edit in (self.name, self.company, self.address):
            edit.clear()
        self.rohs.clear()
        self.footer.clear()
        self.customer.setCurrentIndex(0)
        self.language.setCurrentIndex(0)
        for key, box in self.field_checks.items():
            box.setChecked(key in pdf.DEFAULT_FIELDS)
        self.logo, self.clear_logo, self._has_saved_logo = None, False, False
        self._show_logo()
        self.name.setFocus()

    def _show_logo(self) -> None:
        if self.logo is not None:
            self.logo_label.setText(self.tr("New logo, {kb} KB").format(
                kb=max(1, len(self.logo) // 1024)))
        elif getattr(self, "_has_saved_logo", False) and not self.clear_logo:
            self.logo_label.setText(self.tr("Saved logo"))
        else:
            self.logo_label.setText(self.tr("No logo"))

    def _on_choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg *.bmp)"))
        if path:
            self.set_logo_file(Path(path))

    def set_logo_file(self, path: Path) -> None:
        try:
            self.logo = path.read_bytes()
        except OSError as exc:
            self._on_failed(exc)
            return
        self.clear_logo = False
        self._show_logo()

    def _on_clear_logo(self) -> None:
        self.logo = None
        self.clear_logo = True
        self._show_logo()

    # -- writing -----------------------------------------------------------------------------
    def template_input(self) -> TemplateInput:
        return TemplateInput(
            id=self.current_id, name=self.name.text(), customer_id=self.customer.currentData(),
            language=self.language.currentData(), company_name=self.company.text(),
            company_address=self.address.text(),
            fields=tuple(k for k, box in self.field_checks.items() if box.isChecked()),
            rohs_text=self.rohs.toPlainText(), footer_text=self.footer.toPlainText(),
            logo=self.logo, clear_logo=self.clear_logo)

    def _say(self, text: str, state: str = "ok") -> None:
        self.message.setText(text)
        self.message.setProperty("state", state)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _on_failed(self, exc: BaseException) -> None:
        from orderdesk.ui.errors import describe_error

        self._say(describe_error(exc), "error")

    def _on_save(self) -> None:
        self.ctx.tasks.mutate(service.save_template, self.ctx.desk, self.template_input(),
                              on_done=self._on_saved, on_error=self._on_failed)

    def _on_saved(self, row: TemplateRow) -> None:
        self.current_id = row.id
        self.logo = None
        self._has_saved_logo = bool(row.logo_sha256)
        self._show_logo()
        self._say(self.tr("Template “{name}” saved.").format(name=row.name))
        self.ctx.apply(service.Changes(certificates=True), self)
        self.reload()

    def _on_deactivate(self) -> None:
        if self.current_id is None:
            return
        self.ctx.tasks.mutate(service.set_template_active, self.ctx.desk, self.current_id, False,
                              on_done=self._on_deactivated, on_error=self._on_failed)

    def _on_deactivated(self, _changes) -> None:  # type: ignore[no-untyped-def]
        self._say(self.tr("Template deactivated; certificates use the default template."))
        self.current_id = None
        self.reload()

    def _on_preview(self) -> None:
        from orderdesk.ui.quality.printing import page_images

        def job(desk, inp):  # type: ignore[no-untyped-def]
            return page_images(service.template_preview(desk, inp), 96)

        self.ctx.tasks.query(job, self.ctx.desk, self.template_input(),
                             on_done=self._on_preview_ready, on_error=self._on_failed)

    def _on_preview_ready(self, images: list) -> None:  # type: ignore[type-arg]
        from orderdesk.ui.quality.dialogs import PreviewDialog

        self.preview_did_render.emit(images)
        dialog = PreviewDialog(self.tr("Template preview"), images, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def _load(desk):  # type: ignore[no-untyped-def]
    return service.list_templates(desk), service.customer_choices(desk)
