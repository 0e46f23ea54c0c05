"""Verification screen: scan or paste a certificate's QR text, get a big verdict + trace.

A 2D scanner in keyboard mode types the link and Enter into the field (it keeps focus on
this screen); pasting works too. The check runs in the query pool; online, the server's
answer on revocation is asked as well (a few seconds at most; offline it is skipped and
the banner says the check was local).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from orderdesk.certificates.verify import Verdict, verify_qr

STATE = {"valid": "ok", "revoked": "error", "tampered": "error", "unknown": "warning"}


def server_check(server_url: str):  # type: ignore[no-untyped-def]
    """A `remote` checker for verify_qr asking the central server (query pool thread).

    Uses requests, like the sync client, so the station bundle needs nothing more."""
    import requests

    def check(cert_no: str, qr_text: str = "") -> str | None:
        try:
            reply = requests.get(f"{server_url.rstrip('/')}/api/certificates/verify",
                                 params={"qr": qr_text}, timeout=4.0)
            reply.raise_for_status()
            body = reply.json()
        except (requests.RequestException, ValueError) as exc:
            raise OSError(str(exc)) from exc
        return body.get("record_status") if isinstance(body, dict) else None

    return check


def run_check(desk, text: str, server_url: str | None) -> Verdict:  # type: ignore[no-untyped-def]
    remote = None
    if server_url:
        ask = server_check(server_url)
        remote = lambda cert_no: ask(cert_no, text)  # noqa: E731
    return verify_qr(desk, text, remote=remote)


class VerifyWidget(QWidget):
    verdict_did_show = Signal(object)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.ctx = ctx
        self.verdict: Verdict | None = None
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.input = QLineEdit(self)
        self.input.setObjectName("scanInput")
        self.input.setMinimumHeight(48)
        self.input.returnPressed.connect(self._on_submit)
        self.check_button = QPushButton(self)
        self.check_button.setProperty("role", "primary")
        self.check_button.clicked.connect(self._on_submit)
        self.paste_button = QPushButton(self)
        self.paste_button.clicked.connect(self._on_paste)
        self.banner = QLabel(self)
        self.banner.setObjectName("verifyBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(130)
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.banner.setStyleSheet("font-size: 26pt; font-weight: bold; padding: 12px;")
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)

        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.paste_button)
        row.addWidget(self.check_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addWidget(self.banner)
        layout.addWidget(self.details, 1)
        self.retranslate_ui()
        self._set_state("idle", self.tr("Scan a certificate's QR code"))

    def retranslate_ui(self) -> None:
        self.intro.setText(self.tr("Scan the QR code on a certificate with the 2D scanner, or "
                                   "paste the link. The check works without the server: the "
                                   "signature is checked here, revocation against this "
                                   "station's records (and the server's when online)."))
        self.input.setPlaceholderText(self.tr("https://…/v/QC-…"))
        self.check_button.setText(self.tr("Check"))
        self.paste_button.setText(self.tr("Paste"))
        if self.verdict is not None:
            self._show(self.verdict)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        self.input.setFocus()

    def _set_state(self, state: str, text: str) -> None:
        self.banner.setProperty("state", state)
        self.banner.setText(text)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)

    def _on_paste(self) -> None:
        self.input.setText(QGuiApplication.clipboard().text().strip())
        self._on_submit()

    def check(self, text: str) -> None:
        self.input.setText(text)
        self._on_submit()

    def _on_submit(self) -> None:
        text = self.input.text().strip()
        if not text:
            return
        self.input.selectAll()
        self._set_state("idle", self.tr("Checking…"))
        self.ctx.tasks.query(run_check, self.ctx.desk, text, self.ctx.server_url,
                             on_done=self._show, on_error=self._on_failed)

    def _on_failed(self, exc: BaseException) -> None:
        from orderdesk.ui.errors import describe_error

        self._set_state("warning", describe_error(exc))

    # -- wording -------------------------------------------------------------------------
    def headline(self, v: Verdict) -> str:
        return {
            "valid": self.tr("VALID — genuine and in force"),
            "revoked": self.tr("REVOKED — do not accept"),
            "tampered": self.tr("TAMPERED — altered or forged"),
            "unknown": self.tr("UNKNOWN — cannot be confirmed"),
        }[v.status]

    def reason_text(self, v: Verdict) -> str:
        return {
            "ok": self.tr("Signature correct; the certificate is in force."),
            "not_a_certificate": self.tr("This is not an orderdesk certificate code."),
            "untrusted_key": self.tr("Signed with a key this station does not trust."),
            "bad_signature": self.tr("The signature does not match the content: the code was "
                                     "changed or forged."),
            "number_mismatch": self.tr("The certificate number in the link differs from the "
                                       "signed one."),
            "key_retired": self.tr("Signed with a key that was retired before the issue date."),
            "not_on_record": self.tr("The signature is genuine, but this station has no record "
                                     "of the certificate, so revocation cannot be checked here. "
                                     "Synchronise or check online."),
            "record_mismatch": self.tr("The code differs from the certificate on record."),
            "revoked": self.tr("The certificate was revoked."),
            "superseded": self.tr("The certificate was replaced by a reissued one."),
        }.get(v.reason, v.reason)

    def _show(self, v: Verdict) -> None:
        self.verdict = v
        self._set_state(STATE[v.status], self.headline(v))
        self.details.setHtml(self.details_html(v))
        self.verdict_did_show.emit(v)

    def details_html(self, v: Verdict) -> str:
        from html import escape

        rows: list[tuple[str, str]] = [(self.tr("Why"), self.reason_text(v))]
        if v.cert_no:
            rows.append((self.tr("Certificate"), v.cert_no))
        if v.revoked_reason:
            rows.append((self.tr("Revocation reason"), v.revoked_reason))
        if v.superseded_by:
            rows.append((self.tr("Replaced by"), v.superseded_by))
        if v.key_id:
            kind = {"server": self.tr("server key"), "station": self.tr("station key")}.get(
                v.key_kind or "", "")
            rows.append((self.tr("Signed with"), f"{v.key_id} {kind}".strip()))
        rows.append((self.tr("Checked"), self.tr("online with the server") if v.online_checked
                     else self.tr("on this station")))
        f = v.fields
        if f is not None and v.signature_ok:
            rows += [(self.tr("Order"), f.order_no), (self.tr("Customer PO"), f.customer_po),
                     (self.tr("Product"), f.sku), (self.tr("Batch"), f.batch_code),
                     (self.tr("Quantity"), f"{f.quantity.normalize():f} {f.unit}"),
                     (self.tr("Issued"), f.issued.isoformat()),
                     (self.tr("Inspector"), f.inspector)]
        html = "<table cellpadding='4'>" + "".join(
            f"<tr><th align='left'>{escape(k)}</th><td>{escape(str(val))}</td></tr>"
            for k, val in rows) + "</table>"
        t = v.trace
        if t is not None:
            trace_title = self.tr("Trace")
            html += f"<h3>{escape(trace_title)}</h3><table cellpadding='4'>"
            for k, val in ((self.tr("Order"), t.order_no), (self.tr("Customer"), t.customer_name),
                           (self.tr("Product"), f"{t.sku} {t.product_name}"),
                           (self.tr("Batch"), f"{t.batch_code} {t.lot}".strip()),
                           (self.tr("Production date"),
                            t.production_date.isoformat() if t.production_date else "—")):
                html += f"<tr><th align='left'>{escape(k)}</th><td>{escape(val)}</td></tr>"
            bound_to = self.tr("Bound to")
            for b in t.bindings:
                state = self.tr("bound") if b.active else self.tr("unbound")
                html += (f"<tr><th align='left'>{escape(bound_to)}</th><td>"
                         f"{escape(b.order_no)} · {b.quantity.normalize():f} · {escape(state)}"
                         f"</td></tr>")
            html += "</table>"
            lot_title = self.tr("Material lot")
            for m in t.materials:
                html += (f"<h4>{escape(lot_title)} {escape(m.code)} · "
                         f"{escape(m.grade)} · {escape(m.supplier)}</h4><table border='1' "
                         f"cellspacing='0' cellpadding='3'>")
                for item in m.results:
                    html += "<tr>" + "".join(f"<td>{escape(x)}</td>" for x in item) + "</tr>"
                html += "</table>"
        return html
