"""Insight: the order-flow event log and what is read from it (the three KPIs, customer
fulfilment health), exception quick reports with their lessons-learned cards, and the
handbook those cards grow into. No Qt here; the pages live in orderdesk.ui.overview."""
