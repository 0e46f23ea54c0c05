"""All tables. Feature modules add their own module here and import it below."""

from orderdesk.models.base import Base, utcnow
from orderdesk.models.catalog import (
    Address,
    BomLine,
    Contact,
    Customer,
    CustomerAlias,
    Product,
    ProductNickname,
    Receipt,
    StockItem,
)
from orderdesk.models.infra import (
    AuditArchiveBlock,
    AuditArchiveKey,
    AuditLog,
    Outbox,
    Setting,
    SyncState,
)
from orderdesk.models.orders import (
    Attachment,
    Blob,
    NumberSequence,
    Note,
    Order,
    OrderChannelRef,
    OrderLine,
    StatusEvent,
)
from orderdesk.models.users import User, UserRole
from orderdesk.models.intake import IntakeFile  # noqa: E402,F401
from orderdesk.models.rush import Notification, RushCase, RushStep, WebhookMessage  # noqa: E402,F401
from orderdesk.models.batches import Batch, BatchBinding, ScanEvent  # noqa: E402,F401
from orderdesk.models.certificates import BatchMaterial, Certificate, CertificateTemplate, MaterialLot  # noqa: E402,F401,E501
from orderdesk.models.dedup import DedupKey, DuplicatePair, MergeMove  # noqa: E402,F401
from orderdesk.models.inspections import Inspection, IssueOverride  # noqa: E402,F401
from orderdesk.models.finance import EdiMessage, EdiPartner, Invoice, InvoiceLine, InvoiceRule, ProductTax, Shipment, ShipmentLine  # noqa: E402,F401,E501
from orderdesk.models.share import ShareAccess, ShareLink, ShareSecret  # noqa: E402,F401
from orderdesk.models.planning import InboundShipment, MachineLog, PlannedDowntime, RescheduleRecord, Routing, ShiftWindow, WorkCentre, WorkOrder  # noqa: E402,F401,E501
from orderdesk.models.sync import ApiKey, AuthToken, ChangeLog, RowVersion, SyncConflict, SyncCounter, SyncStation  # noqa: E402,F401,E501
from orderdesk.models.volume import ParkedTransaction, StagedChange  # noqa: E402,F401
from orderdesk.models.insight import ExceptionPhoto, ExceptionReport, FlowEvent, FlowEventMark, HandbookEdition, HealthSnapshot, InsightCase, LessonCard  # noqa: E402,F401,E501
from orderdesk.models.security import AuditAnchor, LoginThrottle, OfflineVerifier  # noqa: E402,F401

__all__ = [
    "Address", "Attachment", "AuditArchiveBlock", "AuditArchiveKey", "AuditLog", "Base", "Blob",
    "BomLine", "Contact", "Customer",
    "CustomerAlias", "Note", "NumberSequence", "Order", "OrderChannelRef", "OrderLine",
    "Outbox", "Product", "ProductNickname", "Receipt", "Setting", "StatusEvent", "StockItem",
    "SyncState", "User", "UserRole", "utcnow",
]
