"""Chat and phone messages to draft orders (rule- and catalog-based)."""

from orderdesk.intake.messages.parser import (
    Choice,
    MessageCatalog,
    MessageProposal,
    ProposedLine,
    parse_message,
    parse_text,
)

__all__ = ["Choice", "MessageCatalog", "MessageProposal", "ProposedLine", "parse_message",
           "parse_text"]
