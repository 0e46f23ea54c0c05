"""Errors of shipping, invoicing and EDI, and their wording for the command line."""

from __future__ import annotations

from orderdesk.errors import OrderdeskError
from orderdesk.messages import TEXTS


class ShipRefused(OrderdeskError):
    """An order cannot go on this shipment; `reason` says why."""

    code = "ship_refused"


class SplitRefused(OrderdeskError):
    code = "split_refused"


class InvoiceStateError(OrderdeskError):
    code = "invoice_state"


class EdiError(OrderdeskError):
    code = "edi_error"


SHIP_REASONS = {
    "unknown_order": ("找不到订单 {order_no}", "no such order: {order_no}"),
    "cancelled": ("订单 {order_no} 已取消或已合并", "order {order_no} is cancelled or merged"),
    "no_customer": ("订单 {order_no} 没有客户", "order {order_no} has no customer"),
    "mixed_customers": ("一张发货单只能是同一客户:{order_no} 属于 {customer},其他订单属于 {other}",
                        "one shipment is for one customer: {order_no} is {customer}'s, the "
                        "others are {other}'s"),
    "nothing_bound": ("订单 {order_no} 没有已绑定且未发运的批次",
                      "order {order_no} has no bound batches left to ship"),
    "no_orders": ("请至少给出一个订单号", "give at least one order number"),
}

SPLIT_REASONS = {
    "no_price": ("第 {line_no} 行 {sku} 没有单价,无法开票;请销售补全价格",
                 "line {line_no} ({sku}) has no unit price; sales must price it before invoicing"),
    "shipment_cancelled": ("发货单 {shipment_no} 已取消", "shipment {shipment_no} is cancelled"),
    "self_billing": ("客户 {customer} 为自开票(客户开具红字/结算单),不开销项发票",
                     "customer {customer} bills itself (self-billing): no outbound invoice"),
    "rules_changed": ("发货单 {shipment_no} 已开票 {issued} 张;现行规则会拆成 {proposed} 张。"
                      "如需按新规则重开,请先红冲原发票",
                      "shipment {shipment_no} already has {issued} invoices; the current rules "
                      "would make {proposed}. Cancel (credit) them first to re-issue"),
}

TEXTS.update({
    "ship_refused": ("无法发运:{reason}", "cannot ship: {reason}"),
    "split_refused": ("无法拆分发票:{reason}", "cannot split the invoices: {reason}"),
    "invoice_line_over_cap": (
        "第 {line_no} 行 {sku} 金额 {amount} 超过单张发票限额 {cap},且客户不允许拆分行;"
        "请在拆票规则中允许拆行或提高限额",
        "line {line_no} ({sku}) is {amount}, over the per-invoice cap of {cap}, and the "
        "customer does not allow split lines; allow split lines or raise the cap"),
    "invoice_unit_over_cap": (
        "第 {line_no} 行 {sku} 单价 {unit_price} 一件就超过单张发票限额 {cap}",
        "line {line_no} ({sku}): one unit at {unit_price} is already over the cap of {cap}"),
    "invoice_rule_invalid": ("拆票规则有误:{field} = {value}", "invalid split rule: {field} = {value}"),
    "invoice_state": ("发票 {invoice_no} 当前状态为 {status},不能{action}",
                      "invoice {invoice_no} is {status}; cannot {action}"),
    "edi_error": ("EDI:{reason}", "EDI: {reason}"),
})


def reason_text(table: dict[str, tuple[str, str]], code: str, lang: str, **facts: object
                ) -> str:
    zh, en = table.get(code, (code, code))
    template = en if lang == "en" else zh
    try:
        return template.format(**{k: ("-" if v is None else v) for k, v in facts.items()})
    except (KeyError, IndexError):
        return template


def describe(exc: OrderdeskError, lang: str | None = None) -> str:
    """A refusal in full: the table sentence with its reason worded too."""
    from orderdesk.messages import describe as base, language

    lang = lang or language()
    facts = dict(exc.facts)
    reason = facts.get("reason")
    if isinstance(exc, ShipRefused) and isinstance(reason, str):
        facts["reason"] = reason_text(SHIP_REASONS, reason, lang, **facts)
    elif isinstance(exc, SplitRefused) and isinstance(reason, str):
        facts["reason"] = reason_text(SPLIT_REASONS, reason, lang, **facts)
    return base(exc.code, lang, **facts)
