"""The chat/phone message parser against a set of realistic messages with expected results."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from orderdesk.intake.messages import MessageCatalog, parse_message, parse_text

FIXTURE = Path(__file__).parents[1] / "intake_fixtures" / "messages.json"
DATA = json.loads(FIXTURE.read_text(encoding="utf-8"))
NOW = dt.datetime.fromisoformat(DATA["now"])


def build_message_catalog(desk) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services import catalog

    with desk.write() as s:
        catalog.upsert_customer(s, "C001", "苏州恒锐精密有限公司", tier="A",
                                aliases=["恒锐", "恒锐精密"], contacts=[("王工", "138-0013-8000")],
                                addresses=["苏州工业园区星湖街1号"])
        catalog.upsert_customer(s, "C002", "无锡华通汽车电子有限公司", aliases=["华通"],
                                contacts=[("李经理", "13900139000")])
        catalog.upsert_customer(s, "C003", "宁波瑞丰塑胶有限公司", aliases=["瑞丰"],
                                contacts=[("陈小姐", "+86 137 0000 1111")])
        catalog.upsert_customer(s, "C004", "深圳华通电器有限公司", aliases=["深圳华通"],
                                contacts=[("王工", "13600000000")])
        catalog.upsert_product(s, "BRK-1001", "支架", spec="PA66+GF30 80mm", pack_size=100,
                               nicknames=["小支架"])
        catalog.upsert_product(s, "BRK-1002", "支架", spec="PA66+GF30 120mm", pack_size=100,
                               nicknames=["大支架"])
        catalog.upsert_product(s, "HSG-2002", "外壳", spec="PBT+GF30", pack_size=50,
                               nicknames=["插头壳", "白壳"])
        catalog.upsert_product(s, "HSG-2003", "外壳", spec="PBT 白色", pack_size=50,
                               nicknames=["白壳"])
        catalog.upsert_product(s, "CLP-3001", "卡扣", spec="POM 黑色", pack_size=500,
                               nicknames=["黑扣"])
        catalog.upsert_product(s, "GEAR-3003", "齿轮", spec="POM M1.5", pack_size=200,
                               nicknames=["白齿轮"])
        catalog.upsert_product(s, "RES-PA66", "PA66 粒料", unit="kg", is_component=True)


@pytest.fixture(scope="module")
def cat(template_db, tmp_path_factory):  # type: ignore[no-untyped-def]
    """The catalog is built once: parse_text is pure, so every case can share it."""
    import shutil

    from orderdesk.desk import Desk

    path = tmp_path_factory.mktemp("messages") / "catalog.db"
    shutil.copyfile(template_db, path)
    desk = Desk(path)
    build_message_catalog(desk)
    with desk.read() as s:
        loaded = MessageCatalog.load(s)
    desk.close()
    return loaded


def _compare(result: dict, expect: dict) -> list[str]:
    wrong = []
    for key, want in expect.items():
        if key == "lines":
            got = [{k: ln[k] for k in w} for ln, w in zip(result["lines"], want)]
            if len(result["lines"]) != len(want) or got != want:
                wrong.append(f"lines: got {result['lines']}, want {want}")
        elif key == "candidates_customer":
            got = [c["code"] for c in result["candidates"]["customer"]]
            if got != want:
                wrong.append(f"customer candidates: got {got}, want {want}")
        elif key == "candidates_lines":
            got = [c["skus"] for c in result["candidates"]["lines"]]
            if got != want:
                wrong.append(f"line candidates: got {got}, want {want}")
        elif key == "customer_text":
            if result["candidates"]["customer_text"] != want:
                wrong.append(f"customer_text: got {result['candidates']['customer_text']}")
        elif key == "change":
            for k, v in want.items():
                if result["change"].get(k) != v:
                    wrong.append(f"change.{k}: got {result['change'].get(k)!r}, want {v!r}")
        elif result.get(key) != want:
            wrong.append(f"{key}: got {result.get(key)!r}, want {want!r}")
    return wrong


def test_the_set_is_big_enough() -> None:
    kinds = [m["expect"]["kind"] for m in DATA["messages"]]
    assert len(kinds) >= 60
    assert {"order", "change_request", "not_an_order"} == set(kinds)


@pytest.mark.parametrize("case", DATA["messages"], ids=[m["text"][:24] for m in DATA["messages"]])
def test_message(cat, case) -> None:  # type: ignore[no-untyped-def]
    proposal = parse_text(case["text"], cat, now=NOW, sender_phone=case.get("sender_phone"))
    wrong = _compare(proposal.as_dict(), case["expect"])
    assert not wrong, f"{case['text']}: " + "; ".join(wrong)


def test_change_request_refers_to_the_customers_latest_order(desk) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.services.orders import LineDraft, OrderDraft, create_order

    build_message_catalog(desk)
    create_order(desk, OrderDraft(channel="wechat", customer_code="C001",
                                  order_time=dt.datetime(2026, 3, 1, 9),
                                  lines=[LineDraft("BRK-1001", 5000)]))
    newest = create_order(desk, OrderDraft(channel="wechat", customer_code="C001",
                                           order_time=dt.datetime(2026, 3, 3, 9),
                                           lines=[LineDraft("BRK-1001", 3000)]))
    proposal = parse_message(desk, "上次那单改成6000", now=NOW, sender_phone="13800138000")
    assert proposal.kind == "change_request"
    assert proposal.order_ref == newest.order_no


def test_proposal_is_complete_only_when_nothing_is_left_to_choose(cat) -> None:  # type: ignore[no-untyped-def]
    assert parse_text("恒锐 BRK-1001 5000个", cat, now=NOW).complete
    assert not parse_text("恒锐 白壳 2000个", cat, now=NOW).complete
    assert not parse_text("王工 BRK-1001 5000个", cat, now=NOW).complete


def test_cli_parse_message_prints_the_proposal_as_json(desk, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.cli import main

    build_message_catalog(desk)
    desk.close()
    code = main(["parse-message", "--db", str(db_path), "--now", "2026-03-04T10:00:00",
                 "--sender-phone", "13800138000", "小支架 五千个,明天要,加急", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["kind"] == "order"
    assert data["customer_code"] == "C001"
    assert data["lines"][0]["sku"] == "BRK-1001" and data["lines"][0]["quantity"] == 5000
    assert data["due_date"] == "2026-03-05" and data["urgent"] is True


def test_cli_rejects_a_bad_now(desk, db_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from orderdesk.cli import main

    desk.close()
    code = main(["parse-message", "--db", str(db_path), "--now", "yesterday", "hi", "--json"])
    err = capsys.readouterr().err
    assert code == 2
    assert "yesterday" in err and "Traceback" not in err
