"""Certificate verification for anyone holding a certificate (public, read-only).

`GET /v/{cert_no}?d=..&k=..&s=..` is the link printed in the certificate's QR code: a
phone opening it gets a small page in Chinese and English; `GET /api/certificates/verify?
qr=...` gives the same verdict as JSON for programs. The decision itself is the quality
module's (`orderdesk.certificates.verify.verify_qr`), on the server's records.
"""

from __future__ import annotations

import html
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from orderdesk.sync.server import security
from orderdesk.sync.server.deps import ServerState, access, state

router = APIRouter(tags=["certificates"])

LABELS = {
    "valid": ("真实有效", "genuine and in force", "#1b7f3b"),
    "revoked": ("已作废", "revoked", "#b3261e"),
    "tampered": ("内容被篡改或伪造", "altered or forged", "#b3261e"),
    "unknown": ("无法确认", "cannot be confirmed", "#8a6d00"),
}


def available() -> bool:
    try:
        from orderdesk.certificates.verify import verify_qr  # noqa: F401
    except ImportError:
        return False
    return True


def _verdict(st: ServerState, text: str) -> dict[str, Any]:
    from orderdesk.certificates.verify import verify_qr

    v = verify_qr(st.desk, text[:4000])
    out: dict[str, Any] = {"status": v.status, "reason": v.reason, "cert_no": v.cert_no,
                           "signature_ok": v.signature_ok, "record_status": v.record_status,
                           "revoked_reason": v.revoked_reason,
                           "revoked_at": v.revoked_at.isoformat() if v.revoked_at else None,
                           "superseded_by": v.superseded_by}
    if v.trace is not None:
        t = v.trace
        out["trace"] = {"order_no": t.order_no, "customer_name": t.customer_name,
                        "sku": t.sku, "product_name": t.product_name,
                        "batch_code": t.batch_code, "lot": t.lot,
                        "batch_quantity": str(t.batch_quantity)}
    return out


@router.get("/api/certificates/verify", **access(security.PUBLIC))
def verify(qr: str = Query(..., min_length=1, max_length=4000),
           st: ServerState = Depends(state)) -> dict[str, Any]:
    """Verdict on a certificate's QR text: valid / revoked / tampered / unknown, and why."""
    return _verdict(st, qr)


@router.get("/v/{cert_no}", response_class=HTMLResponse, **access(security.PUBLIC))
def verify_page(cert_no: str, request: Request, st: ServerState = Depends(state)) -> HTMLResponse:
    """The page a phone opens from the certificate's QR code."""
    result = _verdict(st, str(request.url))
    zh, en, colour = LABELS.get(result["status"], LABELS["unknown"])
    rows = ""
    trace = result.get("trace") or {}
    for label, key in (("订单 Order", "order_no"), ("客户 Customer", "customer_name"),
                       ("产品 Product", "product_name"), ("物料号 SKU", "sku"),
                       ("批次 Batch", "batch_code"), ("批号 Lot", "lot")):
        if trace.get(key):
            rows += f"<tr><th>{label}</th><td>{html.escape(str(trace[key]))}</td></tr>"
    body = (f"<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"<title>合格证验证 {html.escape(cert_no)}</title></head>"
            f"<body style='font-family:sans-serif;max-width:32em;margin:1em auto'>"
            f"<h1 style='color:{colour}'>{zh}<br><small>{en}</small></h1>"
            f"<p>合格证编号 Certificate no.: <b>{html.escape(cert_no)}</b></p>"
            f"<p>原因 Reason: {html.escape(result['reason'])}</p>"
            f"<table>{rows}</table></body></html>")
    return HTMLResponse(body, status_code=200)
