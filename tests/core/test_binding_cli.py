"""`orderdesk scan` and `orderdesk labels` on a real station database."""

from __future__ import annotations

import datetime as dt

from orderdesk.cli import main
from orderdesk.services.orders import LineDraft, OrderDraft, create_order
from orderdesk.warehouse import binding as wb


def test_scan_and_labels_commands(desk, demo_catalog, db_path, tmp_path, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ORDERDESK_LANG", "en")
    ref = create_order(desk, OrderDraft(channel="phone", customer_code="C001",
                                        lines=[LineDraft("BRK-1001", 200)]))
    b = wb.register_batch(desk, "BRK-1001", 200, production_date=dt.date.today())
    desk.close()

    out_pdf = tmp_path / "labels.pdf"
    assert main(["labels", ref.order_no, "--db", str(db_path), "--out", str(out_pdf)]) == 3
    assert "no bound batches" in capsys.readouterr().err

    rc = main(["scan", "--db", str(db_path), f"ODO:{ref.order_no}", f"ODB:{b.code}",
               f"ODB:{b.code}"])
    text = capsys.readouterr().out
    assert rc == 1  # the second scan of the same batch is refused
    assert f"bound: batch {b.code}, 200 → line 1 BRK-1001  [1:200/200]" in text
    assert "scanned twice" in text

    assert main(["labels", f"ODO:{ref.order_no}", "--db", str(db_path),
                 "--out", str(out_pdf)]) == 0
    assert out_pdf.read_bytes().startswith(b"%PDF")
    assert main(["labels", ref.order_no, "--db", str(db_path), "--out", str(out_pdf),
                 "--size", "banana"]) == 2
    assert "--size" in capsys.readouterr().err
    assert main(["scan", "--db", str(db_path), "--order", "SO-1999-000009", "x"]) == 2
    assert main(["scan", "--db", str(tmp_path / "missing.db"), "x"]) == 2


def test_batch_add_command(desk, demo_catalog, db_path, tmp_path, capsys):  # type: ignore[no-untyped-def]
    desk.close()
    pdf = tmp_path / "new.pdf"
    rc = main(["batch-add", "--db", str(db_path), "--sku", "BRK-1001", "--quantity", "100",
               "--count", "3", "--lot", "L2611-A", "--production-date", "2026-11-20",
               "--expiry", "2028-11-19", "--labels", str(pdf)])
    out = capsys.readouterr().out
    assert rc == 0 and out.count("\tBRK-1001\t100\tlot L2611-A") == 3
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["batch-add", "--db", str(db_path), "--sku", "NOPE-1", "--quantity", "1"]) == 2
    assert main(["batch-add", "--db", str(db_path), "--sku", "BRK-1001", "--quantity", "x"]) == 2
    assert main(["batch-add", "--db", str(db_path), "--sku", "BRK-1001", "--quantity", "5",
                 "--expiry", "31/12/2028"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
