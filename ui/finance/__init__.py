"""Finance station: invoice split preview, issue and cancel, split rules, exports, EDI outbox."""
