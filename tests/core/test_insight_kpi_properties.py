"""The KPIs against a plain-Python oracle on generated order flows. Each generator
varies one property of the flow (receipt time, release delay or none, corrections before
or after confirmation, cancellation, rush cases, the period), so a failure names it."""

from __future__ import annotations

import datetime as dt
import math
import shutil
import statistics
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orderdesk.desk import Desk
from orderdesk.insight import kpi
from tests.core.insight_helpers import catalog, event, order

T0 = dt.datetime(2026, 5, 4, 0, 0)
D = dt.timedelta
NOW = T0 + D(days=40)

order_spec = st.fixed_dictionaries({
    "received_min": st.integers(0, 20 * 24 * 60),          # when, within 20 days
    "release_after": st.one_of(st.none(), st.integers(0, 600)),   # None: still open
    "corrections": st.lists(st.integers(-300, 20000), max_size=3),  # minutes after receipt
    "confirm_after": st.integers(0, 30),                    # confirmation after receipt
    "cancelled": st.sampled_from((False, False, False, True)),
    "rush": st.one_of(st.none(), st.tuples(st.integers(0, 300),
                                            st.one_of(st.none(), st.integers(0, 600)))),
})


def _p90(values):  # type: ignore[no-untyped-def]
    v = sorted(values)
    return v[max(1, math.ceil(0.9 * len(v))) - 1] if v else None


def _fresh(template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("kpi") / f"{uuid.uuid4().hex}.db"
    shutil.copyfile(template_db, path)
    return Desk(path, station="prop")


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(specs=st.lists(order_spec, min_size=0, max_size=10),
       window=st.tuples(st.integers(0, 6), st.integers(4, 25)))
def test_kpis_match_the_oracle(template_db, tmp_path_factory, specs, window):
    desk = _fresh(template_db, tmp_path_factory)
    try:
        cat = catalog(desk)
        for i, sp in enumerate(specs):
            received = T0 + D(minutes=sp["received_min"])
            oid = order(desk, cat, "C1", received, cancelled=sp["cancelled"])
            confirmed = received + D(minutes=sp["confirm_after"])
            event(desk, oid, "confirmed", confirmed)
            if sp["release_after"] is not None:
                event(desk, oid, "released", received + D(minutes=max(sp["release_after"],
                                                                     sp["confirm_after"])))
            for c in sp["corrections"]:
                event(desk, oid, "corrected", received + D(minutes=c))
            if sp["rush"] is not None:
                req, conf = sp["rush"]
                event(desk, oid, "rush_requested", received + D(minutes=req), ref=f"r{i}")
                if conf is not None:
                    event(desk, oid, "rush_confirmed", received + D(minutes=req + conf),
                          ref=f"r{i}")
        start = T0 + D(days=window[0])
        end = start + D(days=window[1])
        report = kpi.kpi_report(desk, start, end, now=NOW)
    finally:
        desk.close()

    # -- the oracle, straight from the specs --------------------------------------------
    in_period = [sp for sp in specs if not sp["cancelled"]
                 and start <= T0 + D(minutes=sp["received_min"]) < end]
    released = [sp for sp in in_period if sp["release_after"] is not None]
    times = [float(max(sp["release_after"], sp["confirm_after"])) for sp in released]
    pt = report.result("processing_time")
    assert pt.n == len(times)
    assert pt.open.n == len(in_period) - len(released)
    assert pt.median == (statistics.median(times) if times else None)
    assert pt.p90 == _p90(times)

    def corrected(sp):  # type: ignore[no-untyped-def]
        return any(c >= sp["confirm_after"] for c in sp["corrections"])

    acc = report.result("first_pass_accuracy")
    assert acc.n == len(released)
    if released:
        expected = sum(0.0 if corrected(sp) else 100.0 for sp in released) / len(released)
        assert abs(acc.value - expected) < 1e-9
    else:
        assert acc.value is None

    rush = [sp for sp in specs if not sp["cancelled"] and sp["rush"] is not None
            and start <= T0 + D(minutes=sp["received_min"] + sp["rush"][0]) < end]
    hours = [sp["rush"][1] / 60 for sp in rush if sp["rush"][1] is not None]
    rl = report.result("rush_latency")
    assert rl.n == len(hours)
    assert rl.open.n == len(rush) - len(hours)
    if hours:
        assert abs(rl.median - statistics.median(hours)) < 1e-9
