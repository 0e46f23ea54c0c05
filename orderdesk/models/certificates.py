"""Quality certificates, material lots with their test results, and per-customer templates.

A Certificate is issued for one batch binding (this batch, on this order line). Its key
fields are frozen at issue as the canonical signed text (`payload`), so what the QR code
vouches for can be compared with the record forever, whatever later happens to the order.
Certificates are never deleted: revoking sets status "revoked" with who/when/why;
reissuing marks the old one "superseded" and points the new one at it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from orderdesk.models.base import Base, IdMixin, StampMixin, utcnow

CERTIFICATE_STATUSES = ("issued", "revoked", "superseded")


class Certificate(IdMixin, Base):
    __tablename__ = "certificates"
    __table_args__ = (Index("ix_certificates_binding_status", "binding_id", "status"),)

    number: Mapped[str] = mapped_column(String(40), unique=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id"), index=True)
    binding_id: Mapped[str | None] = mapped_column(ForeignKey("batch_bindings.id"))
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    order_line_id: Mapped[str | None] = mapped_column(ForeignKey("order_lines.id"))
    template_id: Mapped[str | None] = mapped_column(ForeignKey("certificate_templates.id"))
    # The canonical key fields (see orderdesk.certificates.payload), base64url, as signed.
    payload: Mapped[str] = mapped_column(Text)
    signature: Mapped[str] = mapped_column(String(100))
    key_id: Mapped[str] = mapped_column(String(16))
    qr_text: Mapped[str] = mapped_column(Text)
    # Facts printed but not signed (names, spec, material results) as JSON at issue time,
    # so a reprint shows what the first print showed.
    snapshot: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="issued", index=True)
    inspector: Mapped[str] = mapped_column(String(60))
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str | None] = mapped_column(String(60))
    station: Mapped[str | None] = mapped_column(String(60))
    revoked_at: Mapped[dt.datetime | None] = mapped_column()
    revoked_by: Mapped[str | None] = mapped_column(String(60))
    revoked_reason: Mapped[str | None] = mapped_column(String(400))
    reissued_from_id: Mapped[str | None] = mapped_column(ForeignKey("certificates.id"))
    superseded_by_id: Mapped[str | None] = mapped_column(String(36))
    printed_count: Mapped[int] = mapped_column(default=0)


class MaterialLot(IdMixin, StampMixin, Base):
    """A lot of raw material (resin, inserts) with its incoming test report."""

    __tablename__ = "material_lots"

    code: Mapped[str] = mapped_column(String(60), unique=True)
    material_grade: Mapped[str] = mapped_column(String(100))
    supplier: Mapped[str | None] = mapped_column(String(200))
    supplier_lot: Mapped[str | None] = mapped_column(String(60))
    received_date: Mapped[dt.date | None] = mapped_column(Date)
    report_no: Mapped[str | None] = mapped_column(String(60))
    # JSON list of {item, standard, result, unit, verdict}.
    test_results: Mapped[str] = mapped_column(Text, default="[]")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class BatchMaterial(IdMixin, Base):
    """Trace link: this production batch was made from this material lot."""

    __tablename__ = "batch_materials"
    __table_args__ = (UniqueConstraint("batch_id", "material_lot_id"),)

    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id"), index=True)
    material_lot_id: Mapped[str] = mapped_column(ForeignKey("material_lots.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    linked_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    linked_by: Mapped[str | None] = mapped_column(String(60))


class CertificateTemplate(IdMixin, StampMixin, Base):
    """How a customer's certificates look. customer_id NULL is the company default."""

    __tablename__ = "certificate_templates"

    name: Mapped[str] = mapped_column(String(100))
    customer_id: Mapped[str | None] = mapped_column(ForeignKey("customers.id"), index=True)
    language: Mapped[str] = mapped_column(String(5), default="zh")
    logo_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"))
    company_name: Mapped[str] = mapped_column(String(200), default="")
    company_address: Mapped[str | None] = mapped_column(String(400))
    # JSON list of field keys shown (orderdesk.certificates.pdf.FIELD_KEYS).
    fields: Mapped[str] = mapped_column(Text, default="[]")
    rohs_text: Mapped[str | None] = mapped_column(Text)
    footer_text: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
