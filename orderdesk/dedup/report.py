"""The duplicate log as an Excel workbook: every pair, its score and reasons, the
decision, who and when, counts by channel, the pairs found after the fact, and how the
current rules score the pairs people decided (sheet 规则检验: precision and recall on
decided pairs, the misses and the false alarms)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from orderdesk.dedup.decisions import PairRow, list_pairs
from orderdesk.dedup.evaluate import RulesCheck, check_rules
from orderdesk.tracking import add_audit

STATUS_ZH = {"open": "待处理", "kept": "保留两单", "merged": "已合并"}
SOURCE_ZH = {"entry": "录入时", "import": "导入时", "scan": "事后排查", "manual": "手工合并"}
HEADER = ["发现时间", "发现方式", "渠道A", "订单A", "渠道单号A", "渠道B", "订单B", "渠道单号B",
          "客户", "相似度", "理由", "处理结果", "处理人", "处理时间", "撤销时间"]


def _row(p: PairRow) -> list[Any]:
    b = p.b
    return [
        p.found_at, SOURCE_ZH.get(p.source, p.source), p.a.channel, p.a.order_no,
        p.a.channel_order_no or "", b.channel if b else "", b.order_no if b else "",
        (b.channel_order_no or "") if b else "", p.a.customer or (b.customer if b else ""),
        round(p.score, 3), p.explanation, STATUS_ZH.get(p.status, p.status), p.decided_by or "",
        p.decided_at, p.undone_at,
    ]


CHECK_HEADER = ["判定", "当前规则相似度", "当前规则是否标记", "订单A", "渠道A", "订单B", "渠道B",
                "当前规则理由", "处理人", "处理时间"]


def _ratio(value: float | None) -> Any:
    return "无" if value is None else round(value, 4)


def _write_check(sheet: Any, check: RulesCheck) -> None:
    """Summary rows, then every decided pair as the current rules score it (misses and
    false alarms first)."""
    sheet.append(["已合并(视为重复)", check.merged, "保留两单(视为不同)", check.kept])
    sheet.append(["精确率", _ratio(check.precision), "召回率", _ratio(check.recall)])
    sheet.append(["漏报(已合并但未标记)", len(check.misses), "误报(保留两单但被标记)",
                  len(check.false_alarms)])
    sheet.append(["标记阈值", check.rules.flag_threshold, "时间减半(分钟)", check.rules.fade_minutes])
    sheet.append([])
    sheet.append(CHECK_HEADER)
    label = {"merged": "已合并", "kept": "保留两单"}
    ordered = ([("漏报", d) for d in check.misses] + [("误报", d) for d in check.false_alarms]
               + [("", d) for d in check.pairs
                  if d not in check.misses and d not in check.false_alarms])
    for mark, d in ordered:
        sheet.append([f"{label.get(d.decision, d.decision)}{'·' + mark if mark else ''}",
                      round(d.score, 3), "是" if d.flagged else "否", d.order_a, d.channel_a,
                      d.order_b, d.channel_b, d.explanation, d.decided_by or "", d.decided_at])


def write_log(desk: Any, path: str | Path) -> int:
    """Write the duplicate log workbook; returns how many pairs it lists. Audited."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    pairs = list_pairs(desk, status=None, limit=10**9)
    wb = Workbook()
    ws = wb.active
    ws.title = "重复单日志"
    bold = Font(bold=True)
    ws.append(HEADER)
    for p in pairs:
        ws.append(_row(p))
    by_channel: Counter[tuple[str, str, str]] = Counter()
    for p in pairs:
        channels = " / ".join(sorted({p.a.channel, p.b.channel if p.b else ""} - {""}))
        by_channel[(channels, p.status, "")] += 1
    cs = wb.create_sheet("按渠道")
    cs.append(["渠道组合", "合计", "已合并", "保留两单", "待处理"])
    combos = sorted({k[0] for k in by_channel})
    for combo in combos:
        counts = {s: by_channel[(combo, s, "")] for s in ("merged", "kept", "open")}
        cs.append([combo, sum(counts.values()), counts["merged"], counts["kept"], counts["open"]])
    late = wb.create_sheet("事后发现")
    late.append(HEADER)
    for p in pairs:
        if p.after_the_fact:
            late.append(_row(p))
    check = check_rules(desk, keep_pairs=True)
    rc = wb.create_sheet("规则检验")
    _write_check(rc, check)
    for sheet in (ws, cs, late, rc):
        for cell in sheet[1]:
            cell.font = bold
        sheet.freeze_panes = "A2"
        for col, width in zip("ABCDEFGHIJKLMNO", (19, 10, 10, 18, 16, 10, 18, 16, 24, 8, 60,
                                                   10, 10, 19, 19)):
            sheet.column_dimensions[col].width = width
    out = Path(path)
    wb.save(out)
    with desk.write() as s:
        add_audit(s, action="export", entity="dedup_pairs", new={"file": out.name,
                                                                 "pairs": len(pairs)})
    return len(pairs)
