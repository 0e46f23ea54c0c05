"""Pairwise precision and recall on the labelled multi-channel set (fixed seed).

A quality assertion, not a timing one: ~23% duplicates with the noise sales see, plus
hard negatives (repeat orders, other customers buying the same SKU at the same time,
sibling SKUs sharing their first 8 characters). benchmarks/bench_dedup.py prints the
same figures next to the plain fingerprint rule.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import dedup_dataset as dataset  # noqa: E402


def test_precision_and_recall_on_the_labelled_set(desk):  # type: ignore[no-untyped-def]
    data = dataset.generate(seed=20261125, real_orders=1500)
    kinds = Counter(r.kind for r in data.records)
    assert 0.21 <= data.duplicate_share <= 0.25
    assert kinds["repeat"] > 80 and kinds["other_customer"] > 50  # hard negatives present
    ids, flagged = dataset.bulk_load(desk, data)
    truth = data.true_pairs()
    predicted = dataset.predicted_pairs(desk, ids)
    precision, recall = dataset.precision_recall(predicted, truth)
    assert precision >= 0.99, (precision, sorted(predicted - truth)[:5])
    assert recall >= 0.98, (recall, sorted(truth - predicted)[:5])
    # No hard negative (repeat order, other customer) is ever flagged.
    wrong_kinds = {data.records[i].kind for pair in predicted - truth for i in pair}
    assert not wrong_kinds & {"repeat", "other_customer"}, wrong_kinds
    assert flagged == len({i for pair in predicted for i in pair})
    # The plain fingerprint rule does much worse on the same set.
    fp_precision, fp_recall = dataset.precision_recall(dataset.fingerprint_pairs(data), truth)
    assert fp_recall < 0.5 and fp_precision < precision
