"""Excel exports of the insight tables: the KPI report (figures, weekly, monthly,
breakdown, the cases behind each figure and the open ones), the health board and the
exception queue. Figures are rounded by kpi.shown, the way the screens show them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from orderdesk.insight import health as health_mod
from orderdesk.insight.exceptions import ExceptionRow
from orderdesk.insight.kpi import KpiReport, shown

Sheet = tuple[str, Sequence[str], Sequence[Sequence[Any]]]

KPI_HEADERS = ("key", "name", "name_zh", "value", "median", "p90", "n", "target", "unit",
               "met", "open_n", "open_median_age", "open_p90_age", "open_max_age",
               "skipped", "definition")


def kpi_summary_rows(report: KpiReport) -> list[list[Any]]:
    """One row per KPI, in KPI_HEADERS order; the dashboard tiles show these values."""
    rows = []
    for r in report.results:
        u = r.kpi.unit
        rows.append([r.kpi.key, r.kpi.name, r.kpi.name_zh, shown(r.value, u),
                     shown(r.median, u), shown(r.p90, u), r.n, r.kpi.target, u,
                     None if r.met is None else ("yes" if r.met else "no"), r.open.n,
                     shown(r.open.median_age, u), shown(r.open.p90_age, u),
                     shown(r.open.max_age, u), r.skipped, r.kpi.definition])
    return rows


def kpi_sheets(report: KpiReport) -> list[Sheet]:
    fig_headers = ("kpi", "group", "value", "median", "p90", "n", "open")
    weekly, monthly, breakdown, cases = [], [], [], []
    for r in report.results:
        u = r.kpi.unit
        for target, figs in ((weekly, r.weekly), (monthly, r.monthly),
                             (breakdown, r.breakdown)):
            target.extend([r.kpi.key, f.label, shown(f.value, u), shown(f.median, u),
                           shown(f.p90, u), f.n, f.open_n] for f in figs)
        for c in r.cases:
            cases.append([r.kpi.key, c.order_no, c.customer_code, c.tier, c.channel,
                          c.product_line, c.start_at, c.stop_at, shown(c.value, u), "closed"])
        for c in r.open_cases:
            cases.append([r.kpi.key, c.order_no, c.customer_code, c.tier, c.channel,
                          c.product_line, c.start_at, None, shown(c.value, u), "open (age)"])
    period = [["from", report.start], ["to (exclusive)", report.end], ["by", report.by or "-"],
              ["generated", report.generated_at]]
    return [("KPIs", KPI_HEADERS, kpi_summary_rows(report)), ("Period", ("item", "value"), period),
            ("Weekly", fig_headers, weekly), ("Monthly", fig_headers, monthly),
            ("Breakdown", fig_headers, breakdown),
            ("Cases", ("kpi", "order_no", "customer", "tier", "channel", "product_line",
                       "start", "stop", "value", "state"), cases)]


HEALTH_HEADERS = ("code", "name", "tier", "color", "score", "otif_pct", "otif_n",
                  "changes_per_100_lines", "changes_n", "complaints_per_100_deliveries",
                  "complaints_n", "payment_compliance_pct", "payment_n", "snapshot")


def health_rows(board: health_mod.HealthBoard) -> list[list[Any]]:
    rows = []
    for h in board.customers:
        row: list[Any] = [h.code, h.name, h.tier, h.color,
                          None if h.score is None else round(h.score, 1)]
        for key in health_mod.SUBSCORES:
            s = h.sub(key)
            row += [None if s.value is None else round(s.value, 2), s.n]
        row.append("yes" if h.snapshot else "no")
        rows.append(row)
    return rows


EXCEPTION_HEADERS = ("report_no", "kind", "order_no", "line", "customer", "description",
                     "owner", "due_at", "status", "raised_by", "raised_at", "closed_at",
                     "photos", "card_category", "card_cause", "card_action", "card_applies_to")


def exception_rows(rows: Sequence[ExceptionRow]) -> list[list[Any]]:
    out = []
    for r in rows:
        c = r.card
        out.append([r.report_no, r.kind, r.order_no, r.line_no, r.customer_name, r.description,
                    r.owner, r.due_at, r.status, r.raised_by, r.raised_at, r.closed_at, r.photos,
                    c.category if c else None, c.cause if c else None,
                    c.action if c else None, c.applies_to if c else None])
    return out


def write_xlsx(path: Path | str, sheets: Sequence[Sheet]) -> Path:
    """Write sheets (title, headers, rows) to an .xlsx file; written whole or not at all."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    for title, headers, rows in sheets:
        ws = wb.create_sheet(title[:31])
        ws.append(list(headers))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(list(row))
        ws.freeze_panes = "A2"
    tmp = path.with_name(path.name + ".part")
    wb.save(str(tmp))
    tmp.replace(path)
    return path
