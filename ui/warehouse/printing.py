"""Print a label PDF on any Qt printer (a label printer with its driver, or an office one).

Qt cannot draw a PDF by itself here (PySide6-Essentials has no QtPdf), so each page is
rasterised with pypdfium2 at the printer's resolution and painted full-page, which is
what label printer drivers expect anyway. GUI thread (QPrintDialog is modal).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def pdf_pages_as_images(data: bytes, dpi: int) -> list[QImage]:
    import pypdfium2 as pdfium

    images = []
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            pil = page.render(scale=dpi / 72).to_pil().convert("RGB")
            raw = pil.tobytes("raw", "RGB")
            image = QImage(raw, pil.width, pil.height, 3 * pil.width,
                           QImage.Format.Format_RGB888).copy()
            images.append(image)
            page.close()
    finally:
        document.close()
    return images


def print_pdf(printer: QPrinter, data: bytes, width_mm: float, height_mm: float) -> int:
    """Paint each PDF page on its own printer page; returns the number of pages."""
    printer.setPageLayout(QPageLayout(QPageSize(QSizeF(width_mm, height_mm),
                                                QPageSize.Unit.Millimeter),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    dpi = max(203, min(printer.resolution(), 600))
    images = pdf_pages_as_images(data, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("WarehousePrinting", "The printer could not be opened."))
    try:
        for n, image in enumerate(images):
            if n:
                printer.newPage()
            target = QRectF(painter.viewport())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)


def print_pdf_dialog(parent: QWidget, data: bytes, width_mm: float, height_mm: float
                     ) -> tuple[bool, str] | None:
    """Ask for a printer and print; returns (ok, message for the banner), None if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("WarehousePrinting", "Print batch labels"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    try:
        pages = print_pdf(printer, data, width_mm, height_mm)
    except (OSError, ImportError) as exc:
        return False, QCoreApplication.translate("WarehousePrinting", "Printing failed: {error}").format(error=str(exc))
    return True, QCoreApplication.translate("WarehousePrinting", "{count} label(s) sent to {printer}").format(count=pages,
                                                            printer=printer.printerName()
                                                            or QCoreApplication.translate("WarehousePrinting", "the printer"))
