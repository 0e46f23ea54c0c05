"""Certificates on paper: PDF pages rasterised with pypdfium2 and painted on a QPrinter.

PySide6-Essentials has no QtPdf, so a page is drawn as a picture at the printer's
resolution (300 dpi is plenty for text and the QR code). Painting on a QPrinter is
allowed from a worker thread (Qt: QPainter may paint QImage, QPrinter and QPicture
outside the GUI thread), so a shipment's print job runs in `ctx.tasks.job` with
progress and cancel; only the QPrintDialog runs on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from orderdesk.certificates import pdf as certificate_pdf
from orderdesk.certificates import service
from orderdesk.desk import Desk

PRINT_DPI = 300


def page_images(data: bytes, dpi: int, *, first: int = 0, count: int | None = None
                ) -> list[QImage]:
    """PDF pages as QImages (any thread)."""
    import pypdfium2 as pdfium

    images = []
    document = pdfium.PdfDocument(data)
    try:
        last = len(document) if count is None else min(len(document), first + count)
        for index in range(first, last):
            page = document[index]
            pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
            images.append(QImage(pil.tobytes("raw", "RGB"), pil.width, pil.height,
                                 3 * pil.width, QImage.Format.Format_RGB888).copy())
            page.close()
    finally:
        document.close()
    return images


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def prepare_a4(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)


def print_certificates(desk: Desk, cert_ids: list[str], printer: QPrinter,
                       link_for: Callable[[str], str | None] | None = None, *,
                       abort: threading.Event,
                       progress: Callable[[int, int, str], None]) -> int:
    """Render the certificates into one PDF, then paint page by page on the printer.

    Runs as a job (worker thread). Cancel stops between pages and aborts the printer's
    job, so nothing half-printed is sent on. Returns the pages printed.
    """
    import io

    buf = io.BytesIO()
    total = len(cert_ids)
    service.render_certificates(desk, cert_ids, buf, abort=abort,
                                progress=lambda done, _t: progress(done, total * 2, ""),
                                link_for=link_for)
    data = buf.getvalue()
    pages = page_count(data)
    prepare_a4(printer)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("QualityPrinting",
                                                 "The printer could not be opened."))
    printed = 0
    try:
        for index in range(pages):
            if abort.is_set():
                printer.abort()
                raise certificate_pdf.RenderCancelled(done=printed, total=pages)
            (image,) = page_images(data, PRINT_DPI, first=index, count=1)
            if index:
                printer.newPage()
            painter.drawImage(QRectF(painter.viewport()), image)
            printed += 1
            progress(total + int(total * printed / pages), total * 2, "")
    finally:
        painter.end()
    service.record_output(desk, cert_ids, action="print",
                          target=printer.printerName() or printer.outputFileName() or "printer")
    return printed


def scaled(image: QImage, width: int) -> QImage:
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
