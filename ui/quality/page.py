"""Quality station: certificates of conformity for bound batches.

Tabs: Certificates (batches ready → issue; certificates → preview, print, save, revoke,
reissue; whole-shipment print as one cancellable job), Material lots, Templates, Verify.
Every database call runs through ctx.tasks; nothing here opens a session.
"""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orderdesk.certificates import pdf as certificate_pdf
from orderdesk.certificates import service
from orderdesk.certificates.service import CertificateRow, IssueResult, ReadyRow
from orderdesk.changes import Changes
from orderdesk.ui.errors import describe_error, register_describer
from orderdesk.ui.page import StationPage
from orderdesk.quality.inspection import OVERRIDABLE, override_blocks
from orderdesk.ui.quality.dialogs import PreviewDialog, ReasonDialog
from orderdesk.ui.quality.inspection_dialog import InspectionDialog, block_text
from orderdesk.ui.quality.materials import MaterialsWidget
from orderdesk.ui.quality.models import CertificateModel, ReadyModel
from orderdesk.ui.quality.printing import page_images, print_certificates
from orderdesk.ui.quality.templates import TemplatesWidget
from orderdesk.ui.quality.verify_view import VerifyWidget
from orderdesk.ui.screen_fit import ScrollingTabWidget
from orderdesk.ui.tasks import ProgressDialog

PREVIEW_DPI = 110


def _describe_state(exc: BaseException) -> str:
    f = exc.facts  # type: ignore[attr-defined]
    state = f.get("state")
    if state == "unbound":
        return QCoreApplication.translate("QualityPage", "This batch is no longer bound to the order; it cannot get a certificate.")
    if state == "order_cancelled":
        return QCoreApplication.translate(
            "QualityPage", "Order {order} is cancelled or merged; no certificate can be issued."
        ).format(order=f.get("order", "-"))
    if state == "no_bound_batches":
        return QCoreApplication.translate("QualityPage", "No batches are bound to this order yet.")
    return QCoreApplication.translate("QualityPage", "Certificate {number} is {state}; this is not possible.").format(
        number=f.get("number", "-"), state=state)


def _describe_sheet(exc: BaseException) -> str:
    f = exc.facts  # type: ignore[attr-defined]
    reason = {"missing": QCoreApplication.translate("QualityPage", "a value is missing"), "bad_date": QCoreApplication.translate("QualityPage", "the date cannot be read"),
              "header_not_found": QCoreApplication.translate("QualityPage", "no header row with lot code and grade in the first 15 rows"),
              "unreadable": QCoreApplication.translate("QualityPage", "the file is not a readable spreadsheet"),
              "no_rows": QCoreApplication.translate("QualityPage", "there are no material lots in it"),
              "encoding": QCoreApplication.translate("QualityPage", "the text encoding is unknown")}.get(f.get("reason"), f.get("reason"))
    where = ""
    if f.get("row"):
        where = QCoreApplication.translate("QualityPage", " (row {row}, column {column})").format(row=f["row"],
                                                            column=f.get("column", "-"))
    return QCoreApplication.translate("QualityPage", "Cannot import {file}: {reason}{where}.").format(
        file=f.get("file", "-"), reason=reason, where=where)


register_describer(service.CertificateStateError, _describe_state)
register_describer("material_sheet", _describe_sheet)
register_describer(service.ReasonRequired, lambda e: QCoreApplication.translate(
    "QualityPage", "A reason is required."))
register_describer(certificate_pdf.RenderCancelled, lambda e: QCoreApplication.translate(
    "QualityPage", "Cancelled."))


def _table(parent: QWidget, multi: bool = False) -> QTableView:
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(40)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _load_lists(desk, text: str, only_missing: bool):  # type: ignore[no-untyped-def]
    return (service.ready_for_certificates(desk, search=text, only_missing=only_missing),
            service.list_certificates(desk, search=text, limit=500))


def _preview_job(desk, cert_id: str):  # type: ignore[no-untyped-def]
    return page_images(service.certificate_pdf(desk, cert_id), PREVIEW_DPI)


def _order_certificate_ids(desk, order_id: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The order's certificates in force, oldest first (the order they were issued in)."""
    return [r.id for r in service.list_certificates(
        desk, order_id=order_id, status="issued", limit=1_000_000)][::-1]


def _print_links(ctx):  # type: ignore[no-untyped-def]
    from orderdesk.ui.board.share_dialog import print_link_provider

    return print_link_provider(ctx)


def _save_job(desk, cert_ids: list[str], path: Path, link_for=None, *, abort, progress):  # type: ignore[no-untyped-def]
    report = service.render_certificates(desk, cert_ids, path, abort=abort,
                                         progress=lambda d, t: progress(d, t, ""),
                                         link_for=link_for)
    service.record_output(desk, cert_ids, action="export", target=str(path))
    return report


class QualityPage(StationPage):
    """The quality station. `status_did_show(text, state)` after each message."""

    status_did_show = Signal(str, str)

    def __init__(self, ctx) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx)
        self.setProperty("station", "quality")
        self._asked = ("", False)
        self.last_dialog: QWidget | None = None
        self.print_handle = None

        # Tabs scroll when a 768-px screen is too short for them (ui.screen_fit).
        self.tabs = ScrollingTabWidget(self)
        # -- certificates tab
        self.cert_tab = QWidget(self)
        self.search = QLineEdit(self.cert_tab)
        self.search.textChanged.connect(self.reload)
        self.only_missing = QCheckBox(self.cert_tab)
        self.only_missing.toggled.connect(self.reload)
        self.ready_box = QGroupBox(self.cert_tab)
        self.ready_model = ReadyModel(self)
        self.ready_view = _table(self.ready_box, multi=True)
        self.ready_view.setModel(self.ready_model)
        self.issue_button = QPushButton(self.ready_box)
        self.issue_button.setProperty("role", "primary")
        self.issue_button.clicked.connect(self._on_issue_selected)
        self.issue_order_button = QPushButton(self.ready_box)
        self.issue_order_button.clicked.connect(self._on_issue_order)
        # No certificate without a recorded inspection (orderdesk.quality.inspection).
        self.inspect_button = QPushButton(self.ready_box)
        self.inspect_button.setObjectName("inspectButton")
        self.inspect_button.clicked.connect(self._on_inspect)
        self.ready_view.doubleClicked.connect(lambda _i: self._on_inspect())
        self.override_button = QPushButton(self.ready_box)
        self.override_button.setObjectName("overrideButton")
        self.override_button.clicked.connect(self._on_override)
        user = ctx.desk.user
        self.override_button.setVisible(bool(user and user.can("certificate.override")))
        rb = QVBoxLayout(self.ready_box)
        rb.addWidget(self.ready_view, 1)
        rrow = QHBoxLayout()
        rrow.addWidget(self.inspect_button)
        rrow.addWidget(self.override_button)
        rrow.addStretch(1)
        rrow.addWidget(self.issue_order_button)
        rrow.addWidget(self.issue_button)
        rb.addLayout(rrow)

        self.cert_box = QGroupBox(self.cert_tab)
        self.cert_model = CertificateModel(self)
        self.cert_view = _table(self.cert_box, multi=True)
        self.cert_view.setModel(self.cert_model)
        self.cert_view.doubleClicked.connect(lambda _i: self._on_preview())
        self.preview_button = QPushButton(self.cert_box)
        self.preview_button.clicked.connect(self._on_preview)
        self.print_button = QPushButton(self.cert_box)
        self.print_button.setProperty("role", "primary")
        self.print_button.clicked.connect(self._on_print_selected)
        self.print_order_button = QPushButton(self.cert_box)
        self.print_order_button.clicked.connect(self._on_print_order)
        self.save_button = QPushButton(self.cert_box)
        self.save_button.clicked.connect(self._on_save_pdf)
        self.revoke_button = QPushButton(self.cert_box)
        self.revoke_button.setProperty("role", "danger")
        self.revoke_button.clicked.connect(self._on_revoke)
        self.reissue_button = QPushButton(self.cert_box)
        self.reissue_button.clicked.connect(self._on_reissue)
        cb = QVBoxLayout(self.cert_box)
        cb.addWidget(self.cert_view, 1)
        crow = QHBoxLayout()
        for b in (self.preview_button, self.save_button, self.print_button,
                  self.print_order_button):
            crow.addWidget(b)
        crow.addStretch(1)
        crow.addWidget(self.reissue_button)
        crow.addWidget(self.revoke_button)
        cb.addLayout(crow)

        self.status = QLabel(self.cert_tab)
        self.status.setObjectName("qualityStatus")
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(40)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.only_missing)
        split = QSplitter(Qt.Orientation.Vertical, self.cert_tab)
        split.addWidget(self.ready_box)
        split.addWidget(self.cert_box)
        # Batches waiting for inspection and signing get the larger share.
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        ct = QVBoxLayout(self.cert_tab)
        ct.addLayout(top)
        ct.addWidget(split, 1)
        ct.addWidget(self.status)

        self.materials = MaterialsWidget(ctx, self)
        self.materials.lots_did_change.connect(self.reload)
        self.templates = TemplatesWidget(ctx, self)
        self.verify = VerifyWidget(ctx, self)
        self.tabs.addTab(self.cert_tab, "")
        self.tabs.addTab(self.materials, "")
        self.tabs.addTab(self.templates, "")
        self.tabs.addTab(self.verify, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.tabs)
        self.retranslate_ui()
        self.reload()
        self.materials.reload()
        self.templates.reload()

    # -- page protocol -------------------------------------------------------------------------
    def page_title(self) -> str:
        return self.tr("Quality")

    def retranslate_ui(self) -> None:
        self.tabs.setTabText(0, self.tr("Certificates"))
        self.tabs.setTabText(1, self.tr("Material lots"))
        self.tabs.setTabText(2, self.tr("Templates"))
        self.tabs.setTabText(3, self.tr("Verify"))
        self.search.setPlaceholderText(self.tr("Search order, batch, customer, PO, certificate"))
        self.only_missing.setText(self.tr("Only batches without a certificate"))
        self.ready_box.setTitle(self.tr("Bound batches"))
        self.issue_button.setText(self.tr("Issue certificates for selected"))
        self.issue_order_button.setText(self.tr("Issue for the whole order"))
        self.inspect_button.setText(self.tr("Record inspection…"))
        self.override_button.setText(self.tr("Release despite block…"))
        self.cert_box.setTitle(self.tr("Certificates"))
        self.preview_button.setText(self.tr("Preview"))
        self.save_button.setText(self.tr("Save PDF…"))
        self.print_button.setText(self.tr("Print…"))
        self.print_order_button.setText(self.tr("Print shipment…"))
        self.revoke_button.setText(self.tr("Revoke…"))
        self.reissue_button.setText(self.tr("Reissue…"))
        self.ready_model.retranslate()
        self.cert_model.retranslate()
        for child in (self.materials, self.templates, self.verify):
            child.retranslate_ui()

    def on_changes(self, changes: Changes, initiator: object) -> None:
        if changes.certificates or changes.bindings or changes.orders:
            self.reload()
        if changes.certificates and initiator is not self.templates:
            self.templates.reload()
        if changes.certificates and initiator is not self.materials:
            self.materials.reload()

    # -- messages ------------------------------------------------------------------------------
    def say(self, text: str, state: str = "ok") -> None:
        self.status.setText(text)
        self.status.setProperty("state", state)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status_did_show.emit(text, state)

    def _on_failed(self, exc: BaseException) -> None:
        cancelled = isinstance(exc, certificate_pdf.RenderCancelled)
        self.say(describe_error(exc), "warning" if cancelled else "error")

    # -- lists ---------------------------------------------------------------------------------
    def reload(self) -> None:
        asked = (self.search.text(), self.only_missing.isChecked())
        self._asked = asked
        self.ctx.tasks.query(_load_lists, self.ctx.desk, *asked,
                             on_done=lambda r, a=asked: self._on_loaded(a, r),
                             on_error=self._on_failed)

    def _on_loaded(self, asked, result) -> None:  # type: ignore[no-untyped-def]
        if asked != self._asked:
            return  # an older search answered late
        ready, certs = result
        self.ready_model.set_rows(ready)
        keep = {r.id for r in self.selected_certificates()}
        self.cert_model.set_rows(certs)
        for i, row in enumerate(certs):
            if row.id in keep:
                self.cert_view.selectRow(i)

    def selected_ready(self) -> list[ReadyRow]:
        rows = sorted({i.row() for i in self.ready_view.selectionModel().selectedRows()})
        return [r for r in (self.ready_model.row_at(i) for i in rows) if r is not None]

    def selected_certificates(self) -> list[CertificateRow]:
        rows = sorted({i.row() for i in self.cert_view.selectionModel().selectedRows()})
        return [r for r in (self.cert_model.row_at(i) for i in rows) if r is not None]

    def _need_certificate(self) -> CertificateRow | None:
        rows = self.selected_certificates()
        if not rows:
            self.say(self.tr("Select a certificate first."), "warning")
            return None
        return rows[0]

    # -- issuing -------------------------------------------------------------------------------
    def _on_issue_selected(self) -> None:
        rows = self.selected_ready()
        if not rows:
            self.say(self.tr("Select one or more bound batches first."), "warning")
            return
        self.issue([r.binding_id for r in rows])

    def issue(self, binding_ids: list[str]) -> None:
        self.say(self.tr("Issuing…"), "idle")
        self.ctx.tasks.mutate(service.issue_for_bindings, self.ctx.desk, binding_ids,
                              on_done=self._on_issued, on_error=self._on_failed)

    def _on_issue_order(self) -> None:
        rows = self.selected_ready()
        if not rows:
            self.say(self.tr("Select a batch of the order first."), "warning")
            return
        self.say(self.tr("Issuing…"), "idle")
        self.ctx.tasks.mutate(service.issue_for_order, self.ctx.desk, rows[0].order_id,
                              on_done=self._on_issued, on_error=self._on_failed)

    def _on_issued(self, result: IssueResult) -> None:
        numbers = ", ".join(c.number for c in result.certificates[:5])
        more = "…" if len(result.certificates) > 5 else ""
        self.say(self.tr("{new} certificates issued, {old} already in force: {numbers}")
                 .format(new=result.created, old=result.already_issued,
                         numbers=numbers + more))

    # -- inspection and overrides ----------------------------------------------------------------
    def _on_inspect(self) -> None:
        rows = self.selected_ready()
        if not rows:
            self.say(self.tr("Select the batch you inspected first."), "warning")
            return
        self.open_inspection(rows[0])

    def open_inspection(self, row: ReadyRow) -> InspectionDialog:
        dialog = InspectionDialog(self.ctx, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.inspection_did_record.connect(self._on_inspected)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _on_inspected(self, row) -> None:  # type: ignore[no-untyped-def]
        if row.result == "pass":
            self.say(self.tr("Inspection of {batch} recorded: passed.").format(batch=row.batch_code))
        else:
            self.say(self.tr("Inspection of {batch} recorded: failed. No certificate can be "
                             "signed for it.").format(batch=row.batch_code), "error")

    def _on_override(self) -> None:
        rows = [r for r in self.selected_ready() if r.blocks]
        if not rows:
            self.say(self.tr("Select a blocked batch first."), "warning")
            return
        self.open_override(rows[0])

    def open_override(self, row: ReadyRow) -> ReasonDialog | None:
        hard = [c for c in row.blocks if c not in OVERRIDABLE]
        if hard:
            self.say(self.tr("{batch} cannot be released: {reasons}.").format(
                batch=row.batch_code, reasons="; ".join(block_text(c) for c in hard)), "error")
            return None
        reasons = "; ".join(block_text(c) for c in row.blocks)
        dialog = ReasonDialog(lambda: self.tr("Release despite block"),
                              lambda: self.tr("Batch {batch} is blocked: {reasons}. Release it "
                                              "for a certificate anyway? Your name and reason "
                                              "are recorded.").format(
                                  batch=row.batch_code,
                                  reasons="; ".join(block_text(c) for c in row.blocks)),
                              lambda: self.tr("Release"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog, r=row: self.override(r.binding_id, d.reason()))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def override(self, binding_id: str, reason: str) -> None:
        self.ctx.tasks.mutate(override_blocks, self.ctx.desk, binding_id, reason,
                              on_done=lambda _c: self.say(self.tr(
                                  "Released; the override and its reason are recorded.")),
                              on_error=self._on_failed)

    def self_test_dialogs(self):  # type: ignore[no-untyped-def]
        """Dialogs for `orderdesk app --self-test` (see StationPage.self_test_dialogs)."""
        from PySide6.QtGui import QImage

        def first_ready():  # type: ignore[no-untyped-def]
            return self.ready_model.row_at(0)

        def preview():  # type: ignore[no-untyped-def]
            page = QImage(910, 1287, QImage.Format.Format_RGB32)   # a 110 dpi A4 page
            page.fill(0xFFFFFF)
            dialog = PreviewDialog(lambda: self.tr("Certificate {number}").format(number="QC-0"),
                                   [page], self)
            dialog.open()
            return dialog

        def reason():  # type: ignore[no-untyped-def]
            return ReasonDialog(lambda: self.tr("Revoke certificate"), lambda: self.tr(
                "Revoke {number}? Its QR code will verify as revoked everywhere once "
                "synchronised.").format(number="QC-0"), lambda: self.tr("Revoke"), self)

        return [
            ("inspection", lambda: self.open_inspection(first_ready()) if first_ready() else None),
            ("preview", preview),
            ("reason", reason),
        ]

    # -- preview / save / print ----------------------------------------------------------------
    def _on_preview(self) -> None:
        row = self._need_certificate()
        if row is not None:
            self.preview(row.id, row.number)

    def preview(self, cert_id: str, number: str) -> None:
        self.say(self.tr("Drawing {number}…").format(number=number), "idle")
        self.ctx.tasks.query(_preview_job, self.ctx.desk, cert_id,
                             on_done=lambda images, n=number: self._on_preview_ready(n, images),
                             on_error=self._on_failed)

    def _on_preview_ready(self, number: str, images: list) -> None:  # type: ignore[type-arg]
        self.say(self.tr("Preview of {number}.").format(number=number))
        dialog = PreviewDialog(lambda: self.tr("Certificate {number}").format(number=number),
                               images, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()

    def _on_save_pdf(self) -> None:
        rows = self.selected_certificates()
        if not rows:
            self.say(self.tr("Select a certificate first."), "warning")
            return
        name = f"{rows[0].number}.pdf" if len(rows) == 1 else f"{rows[0].order_no}-certificates.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save certificates as PDF"), name,
                                              self.tr("PDF (*.pdf)"))
        if path:
            self.save_pdf([r.id for r in rows], Path(path))

    def save_pdf(self, cert_ids: list[str], path: Path) -> None:
        from orderdesk.ui.board.share_dialog import print_link_provider

        ProgressDialog.run(self, self.ctx.tasks, _save_job, self.ctx.desk, cert_ids, path,
                           print_link_provider(self.ctx),
                           title=self.tr("Saving certificates"),
                           on_done=lambda r, p=path: self.say(
                               self.tr("Saved {count} certificates ({pages} pages) to {path}.")
                               .format(count=r.certificates, pages=r.pages, path=p)),
                           on_error=self._on_failed)

    def _on_print_selected(self) -> None:
        rows = self.selected_certificates()
        if not rows:
            self.say(self.tr("Select a certificate first."), "warning")
            return
        self._ask_printer_and_print([r.id for r in rows])

    def _on_print_order(self) -> None:
        row = self._need_certificate()
        if row is None:
            return
        self.ctx.tasks.query(_order_certificate_ids, self.ctx.desk, row.order_id,
                             on_done=lambda ids, r=row: self._on_order_ids(r, ids),
                             on_error=self._on_failed)

    def _on_order_ids(self, row: CertificateRow, ids: list[str]) -> None:
        if not ids:
            self.say(self.tr("Order {order} has no certificates in force.")
                     .format(order=row.order_no), "warning")
            return
        self._ask_printer_and_print(ids)

    def _ask_printer_and_print(self, cert_ids: list[str]) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if self.ctx.settings.printer:
            printer.setPrinterName(self.ctx.settings.printer)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print certificates"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_on(printer, cert_ids)

    def print_on(self, printer: QPrinter, cert_ids: list[str]) -> ProgressDialog:
        """Print these certificates as one job on `printer` (off the GUI thread)."""
        self.say(self.tr("Printing {count} certificates…").format(count=len(cert_ids)), "idle")
        self._printer = printer   # the job paints on it: keep it alive until it ends
        dialog = ProgressDialog.run(
            self, self.ctx.tasks, print_certificates, self.ctx.desk, list(cert_ids), printer,
            _print_links(self.ctx),
            title=self.tr("Printing certificates"),
            on_done=lambda pages: self._on_printed(len(cert_ids), pages),
            on_error=self._on_failed)
        self.print_handle = dialog.handle
        return dialog

    def _on_printed(self, count: int, pages: int) -> None:
        self.say(self.tr("Printed {count} certificates ({pages} pages).")
                 .format(count=count, pages=pages))
        self.ctx.apply(Changes(certificates=True), self)
        self.reload()

    # -- revoke / reissue ----------------------------------------------------------------------
    def _on_revoke(self) -> None:
        row = self._need_certificate()
        if row is None:
            return
        dialog = ReasonDialog(lambda: self.tr("Revoke certificate"),
                              lambda: self.tr("Revoke {number}? Its QR code will verify as "
                                              "revoked everywhere once synchronised.")
                              .format(number=row.number),
                              lambda: self.tr("Revoke"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog, r=row: self.revoke(r.id, d.reason()))
        self.last_dialog = dialog
        dialog.open()

    def revoke(self, cert_id: str, reason: str) -> None:
        self.ctx.tasks.mutate(service.revoke_certificate, self.ctx.desk, cert_id, reason,
                              on_done=lambda _c: self.say(self.tr("Certificate revoked.")),
                              on_error=self._on_failed)

    def _on_reissue(self) -> None:
        row = self._need_certificate()
        if row is None:
            return
        dialog = ReasonDialog(lambda: self.tr("Reissue certificate"),
                              lambda: self.tr("Replace {number} by a new certificate drawn from "
                                              "today's data (for example a corrected material "
                                              "report)?").format(number=row.number),
                              lambda: self.tr("Reissue"), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog, r=row: self.reissue(r.id, d.reason()))
        self.last_dialog = dialog
        dialog.open()

    def reissue(self, cert_id: str, reason: str) -> None:
        self.ctx.tasks.mutate(_reissue, self.ctx.desk, cert_id, reason,
                              on_done=lambda row: self.say(
                                  self.tr("Reissued as {number}.").format(number=row.number)),
                              on_error=self._on_failed)


class _Reissued:
    """A reissue result that announces the change (TaskRunner reads `.changes`)."""

    def __init__(self, row: CertificateRow) -> None:
        self.row = row
        self.number = row.number
        self.changes = Changes(certificates=True)


def _reissue(desk, cert_id: str, reason: str) -> _Reissued:  # type: ignore[no-untyped-def]
    return _Reissued(service.reissue_certificate(desk, cert_id, reason))
