"""Insight: the order-flow event log and what is read from it (the three KPIs, customer
fulfilment health), exception quick reports with their lessons-learned cards, and the
handbook those cards grow into. No Qt here; the pages live in orderdesk.ui.overview."""

from orderdesk.messages import TEXTS as _TEXTS

# How the command line words this package's errors (the UI words them through tr()).
_TEXTS.update({
    "insight_unknown_dimension": ("未知的分组维度 {by},可用:{known}",
                                  "unknown breakdown {by}; use one of: {known}"),
    "insight_bad_period": ("时间段无效:{start} 至 {end}", "invalid period: {start} to {end}"),
    "insight_bad_month": ("月份无效:{month}(应为 YYYY-MM)", "invalid month {month} (YYYY-MM)"),
    "insight_weights_not_100": ("权重合计为 {total},必须为 100",
                                "the weights total {total}; they must total 100"),
    "insight_card_incomplete": ("不能关闭:经验卡还缺 {fields}(草稿已保存)",
                                "cannot close: the lessons-learned card still lacks {fields} "
                                "(the draft is saved)"),
    "insight_similar_card": ("与以前的经验卡相似({best} 等 {count} 张):是同一问题再次发生吗?",
                             "this card resembles earlier ones ({best} and {count} in all): "
                             "is it the same problem again?"),
    "insight_exception_closed": ("异常 {report_no} 已关闭", "exception {report_no} is closed"),
    "insight_handbook_format": ("不支持的手册格式:{path}(可用 {known})",
                                "unsupported handbook format: {path} (use {known})"),
})
