"""`orderdesk kpi / health / exceptions` on a real database file; the JSON and the Excel
export give the same figures."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl

from orderdesk.cli import main
from orderdesk.insight import export, kpi
from tests.core.insight_helpers import catalog, event, flow


def _flows(desk):  # type: ignore[no-untyped-def]
    cat = catalog(desk)
    base = dt.datetime(2026, 3, 2, 8)
    for i, minutes in enumerate((3, 7, 12, 20, 45)):
        oid = flow(desk, cat, "C1" if i % 2 else "C2", base + dt.timedelta(hours=i), minutes,
                   channel=("wechat", "phone")[i % 2])
        if i == 4:
            event(desk, oid, "corrected", base + dt.timedelta(days=2), detail="orders.customer_po")
    flow(desk, cat, "C1", base + dt.timedelta(days=3), None)
    return cat


def test_kpi_json_has_the_named_fields_and_equals_the_excel_export(desk, db_path, tmp_path,
                                                                   capsys):
    _flows(desk)
    xlsx = tmp_path / "kpi.xlsx"
    assert main(["kpi", "--db", str(db_path), "--from", "2026-03-01", "--to", "2026-03-31",
                 "--by", "channel", "--json", "--xlsx", str(xlsx)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [k["key"] for k in data["kpis"]] == ["processing_time", "first_pass_accuracy",
                                                "rush_latency"]
    for k in data["kpis"]:
        assert {"value", "median", "p90", "n", "target", "unit", "breakdown"} <= set(k)
    pt = data["kpis"][0]
    assert (pt["value"], pt["median"], pt["p90"], pt["n"], pt["target"], pt["unit"]) == (
        12.0, 12.0, 45.0, 5, 15.0, "min")
    assert pt["open"]["n"] == 1
    assert {b["group"]: b["n"] for b in pt["breakdown"]} == {"phone": 2, "wechat": 3}
    assert data["kpis"][1]["value"] == 80.0

    ws = openpyxl.load_workbook(xlsx)["KPIs"]
    headers = [c.value for c in ws[1]]
    sheet = {row[0]: dict(zip(headers, row)) for row in ws.iter_rows(min_row=2, values_only=True)}
    for k in data["kpis"]:
        row = sheet[k["key"]]
        assert (row["value"], row["median"], row["p90"], row["n"], row["target"],
                row["open_n"]) == (k["value"], k["median"], k["p90"], k["n"], k["target"],
                                   k["open"]["n"])


def test_kpi_refuses_a_bad_period_and_dimension(desk, db_path, capsys):
    catalog(desk)
    assert main(["kpi", "--db", str(db_path), "--from", "2026-03-10", "--to",
                 "2026-03-01"]) == 2
    assert "--to" in capsys.readouterr().err


def test_health_json_lists_each_customer_with_colour_and_subscores(desk, db_path, capsys):
    _flows(desk)
    assert main(["health", "--db", str(db_path), "--month", "2026-03", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {c["code"] for c in data["customers"]} == {"C1", "C2"}
    for c in data["customers"]:
        assert c["color"] in ("red", "yellow", "green", "no_data")
        for key in ("otif", "changes", "complaints", "payment"):
            assert {"value", "n"} <= set(c[key])
    assert main(["health", "--db", str(db_path), "--month", "March"]) == 2
    assert "YYYY-MM" in capsys.readouterr().err


def test_exceptions_report_list_close_and_handbook(desk, db_path, tmp_path, capsys):
    catalog(desk)
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    assert main(["exceptions", "report", "--db", str(db_path), "--kind", "quality",
                 "--description", "外观色差", "--photo", str(photo), "--json"]) == 0
    no = json.loads(capsys.readouterr().out)["report_no"]
    assert main(["exceptions", "list", "--db", str(db_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["report_no"] for r in listed] == [no] and listed[0]["photos"] == 1
    # Close refused, the missing fields named; nothing closed.
    assert main(["exceptions", "close", "--db", str(db_path), no, "--category", "method"]) == 2
    err = capsys.readouterr().err
    assert "cause" in err and "action" in err and "applies_to" in err
    assert main(["exceptions", "close", "--db", str(db_path), no, "--category", "method",
                 "--cause", "标准不清", "--action", "加样板", "--applies-to", "外观件"]) == 0
    capsys.readouterr()
    assert main(["exceptions", "list", "--db", str(db_path), "--status", "closed",
                 "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["card_state"] == "accepted"
    out = tmp_path / "hb.docx"
    assert main(["exceptions", "handbook", "--db", str(db_path), "--out", str(out)]) == 0
    assert out.is_file() and "edition 1" in capsys.readouterr().out
    assert main(["exceptions", "handbook", "--db", str(db_path), "--out",
                 str(tmp_path / "hb.txt")]) == 2


def test_export_rows_are_the_report_rounded_once(desk):
    _flows(desk)
    report = kpi.kpi_report(desk, dt.datetime(2026, 3, 1), dt.datetime(2026, 4, 1))
    rows = export.kpi_summary_rows(report)
    js = kpi.to_json(report)["kpis"]
    assert [r[3] for r in rows] == [k["value"] for k in js]


def test_exception_kinds_are_edited_and_a_kind_off_the_list_is_refused(desk, db_path, capsys):
    assert main(["exceptions", "kinds", "--db", str(db_path), "--set", "complaint=客户投诉",
                 "mould=模具问题"]) == 0
    assert "mould" in capsys.readouterr().out
    assert main(["exceptions", "report", "--db", str(db_path), "--kind", "mould",
                 "--description", "模具磨损"]) == 0
    capsys.readouterr()
    assert main(["exceptions", "report", "--db", str(db_path), "--kind", "quality",
                 "--description", "x"]) == 2
    assert "kind" in capsys.readouterr().err
    assert main(["exceptions", "kinds", "--db", str(db_path), "--set", "novalue"]) == 2
