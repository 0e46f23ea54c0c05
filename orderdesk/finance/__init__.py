"""Shipping and finance: shipments, invoice split by customer rules, red-letter credits,
tax-system and ledger exports, EDIFACT DESADV/INVOIC and the EDI outbox.

No Qt and no HTTP here: the EDI transports live in orderdesk.sync.server.edi_sender.
"""
