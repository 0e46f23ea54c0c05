"""The one EDI sender for all stations: delivers the EDI outbox from the central database.

Stations queue messages (orderdesk.finance.edi_outbox) in the same transaction as the
shipment or invoice; the rows reach the server by sync. This module runs on the server
(a background thread started by the app, every ORDERDESK_EDI_INTERVAL seconds, default
60, 0 = off) and in `orderdesk edi send`. Several workers may run it: a message is
claimed (state `sending`) in a committed write before anything is sent, so only one
sender holds it; a sender that dies leaves a claim that expires after the lease.

Transports:
- HTTPS POST (`https://...`; plain `http://` is accepted for a partner's test system):
  the interchange as the body, `Idempotency-Key: <interchange control reference>`.
  2xx closes the message (acknowledged); 408, 425, 429, 5xx, timeouts and connection
  errors are retried with exponential backoff; any other 4xx is the partner refusing the
  content, kept as `error` with the partner's text for finance.
- Drop folder (a path or `file://...`, e.g. an SFTP mount or share): written as
  `<ref>.part`, flushed, then renamed to `<ref>.edi` (the partner never sees half a
  file; a file already there under that name is the same interchange, so a resend is a
  no-op). State `sent` until a CONTRL naming the reference appears in `<folder>/ack/`.

Thread use: its own thread or process; it touches no UI and only this module's rows.
"""

from __future__ import annotations

import logging
import os
import threading
import warnings
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from orderdesk.desk import Desk
from orderdesk.finance import edi_outbox

log = logging.getLogger("orderdesk.edi")

RETRY_STATUS = {408, 425, 429}


@dataclass(frozen=True)
class DeliveryReport:
    attempted: int
    delivered: int
    failed: int
    acknowledged_by_file: int = 0


@dataclass(frozen=True)
class Outcome:
    ok: bool
    acknowledged: bool = False
    permanent: bool = False
    detail: str = ""


def _encoding(claim: edi_outbox.Claim) -> str:
    return "utf-8" if claim.syntax == "UNOW" else "latin-1"


def folder_of(url: str) -> Path | None:
    if url.startswith("file://"):
        return Path(unquote(urlparse(url).path))
    if url.startswith("/"):
        return Path(url)
    return None


def post(claim: edi_outbox.Claim, *, timeout: float, client=None) -> Outcome:  # type: ignore[no-untyped-def]
    import httpx

    body = claim.payload.encode(_encoding(claim))
    headers = {"Idempotency-Key": claim.control_ref,
               "Content-Type": f"application/EDIFACT; charset={_encoding(claim)}",
               "X-EDI-Message": f"{claim.kind} {claim.document_no}"}
    try:
        if client is not None:
            response = client.post(claim.url, content=body, headers=headers, timeout=timeout)
        else:
            response = httpx.post(claim.url, content=body, headers=headers, timeout=timeout)
    except httpx.TimeoutException as exc:
        return Outcome(False, detail=f"timeout after {timeout:g} s ({type(exc).__name__})")
    except httpx.HTTPError as exc:
        return Outcome(False, detail=f"{type(exc).__name__}: {exc}")
    text = response.text[:500].strip()
    if 200 <= response.status_code < 300:
        return Outcome(True, acknowledged=True, detail=f"HTTP {response.status_code} {text}")
    permanent = (400 <= response.status_code < 500
                 and response.status_code not in RETRY_STATUS)
    return Outcome(False, permanent=permanent,
                   detail=f"HTTP {response.status_code}: {text or response.reason_phrase}")


def drop(claim: edi_outbox.Claim, folder: Path) -> Outcome:
    if not folder.is_dir():
        return Outcome(False, detail=f"drop folder {folder} is not reachable")
    target = folder / f"{claim.control_ref}.edi"
    if target.exists():
        return Outcome(True, detail=f"{target.name} already delivered")
    part = folder / f"{claim.control_ref}.part"
    try:
        with open(part, "wb") as fh:
            fh.write(claim.payload.encode(_encoding(claim)))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, target)
    except OSError as exc:
        return Outcome(False, detail=f"{type(exc).__name__}: {exc}")
    return Outcome(True, detail=f"written {target.name}")


def scan_acknowledgements(desk: Desk) -> int:
    """CONTRL files in `<drop folder>/ack/` close the `sent` messages they name (UCI
    action 7 = acknowledged; 4 = rejected, which becomes `error` with the file's name)."""
    from pydifact.parser import Parser

    closed = 0
    sent = edi_outbox.list_messages(desk, states=("sent",))
    folders = {folder_of(m.url) for m in sent} - {None}
    refs = {m.control_ref: m for m in sent}
    for folder in folders:
        ack_dir = folder / "ack"  # type: ignore[operator]
        if not ack_dir.is_dir():
            continue
        for path in sorted(ack_dir.iterdir()):
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # pydifact: no service-segment XML
                    segments = list(Parser().parse(path.read_text("utf-8", errors="replace")))
            except Exception as exc:  # noqa: BLE001 - a broken file is the partner's, skip it
                log.warning("unreadable acknowledgement %s: %s", path, exc)
                continue
            for seg in segments:
                if seg.tag != "UCI" or not seg.elements:
                    continue
                ref = str(seg.elements[0])
                action = str(seg.elements[3]) if len(seg.elements) > 3 else "7"
                message = refs.get(ref)
                if message is None:
                    continue
                if action == "7":
                    closed += edi_outbox.record_acknowledgement(desk, ref, f"CONTRL {path.name}")
                else:
                    edi_outbox.record_failure(desk, message.id, f"partner rejected the "
                                              f"interchange (CONTRL {path.name}, UCI "
                                              f"action {action})", permanent=True)
    return closed


def deliver_pending(desk: Desk, *, timeout: float = 30.0, client=None,  # type: ignore[no-untyped-def]
                    lease_s: float = edi_outbox.LEASE_S,
                    base_s: float = edi_outbox.BACKOFF_BASE_S, limit: int = 50) -> DeliveryReport:
    """One round: claim what is due, send each, record each outcome."""
    acked = scan_acknowledgements(desk)
    claims = edi_outbox.claim_due(desk, lease_s=lease_s, limit=limit)
    delivered = failed = 0
    for claim in claims:
        folder = folder_of(claim.url)
        try:
            outcome = (drop(claim, folder) if folder is not None
                       else post(claim, timeout=timeout, client=client))
        except Exception as exc:  # noqa: BLE001 - one bad message must not stop the round
            log.exception("EDI delivery of %s failed", claim.control_ref)
            outcome = Outcome(False, detail=f"{type(exc).__name__}: {exc}")
        if outcome.ok:
            edi_outbox.record_delivered(desk, claim.id, acknowledged=outcome.acknowledged,
                                        detail=outcome.detail)
            delivered += 1
        else:
            edi_outbox.record_failure(desk, claim.id, outcome.detail,
                                      permanent=outcome.permanent, base_s=base_s)
            failed += 1
    return DeliveryReport(len(claims), delivered, failed, acked)


class SenderThread:
    """The server's schedule: one round every `interval` seconds until stopped."""

    def __init__(self, desk: Desk, interval: float) -> None:
        self.desk = desk
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="edi-sender", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.interval + 5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                if edi_outbox.pending(self.desk) or edi_outbox.list_messages(
                        self.desk, states=("sent",), limit=1):
                    deliver_pending(self.desk)
            except Exception:  # noqa: BLE001 - keep the schedule alive; the error is logged
                log.exception("EDI sender round failed")


def interval_from_env() -> float:
    try:
        return float(os.environ.get("ORDERDESK_EDI_INTERVAL", "60"))
    except ValueError:
        return 60.0
