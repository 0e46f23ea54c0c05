"""Adversarial intake corpora: generators that vary one property at a time.

Written from the issue text and DOMAIN.md, not from the parser: each generator says what
a customer might write and what a correct reading is. See catalog.py (the catalog both
use), messages.py and sheets.py; benchmarks/intake_accuracy.py prints the per-property
table.
"""
