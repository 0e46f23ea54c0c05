"""Errors of the planning core, with their wording for the command line and server."""

from __future__ import annotations

from orderdesk.errors import OrderdeskError
from orderdesk.messages import TEXTS


class PlanningFileInvalid(OrderdeskError):
    """An import file with rows the code cannot explain; nothing was imported.
    facts: path, problems (list of 'sheet row N: column: reason' strings)."""

    code = "planning_file_invalid"


class PlanningRequestInvalid(OrderdeskError):
    """A posted body (server API) with records the server cannot explain; nothing was
    written. facts: count, first, problems."""

    code = "planning_request_invalid"


class NoApprovedAlternative(OrderdeskError):
    """A work order cannot move to that machine: it is not approved for the product."""

    code = "planning_not_approved"


class ProposalStale(OrderdeskError):
    """An order of the proposal changed since it was made; make a new proposal."""

    code = "planning_proposal_stale"


TEXTS.update({
    "planning_file_invalid": ("{path} 有 {count} 处问题,未导入任何数据:{first}",
                              "{path} has {count} problem(s), nothing was imported: {first}"),
    "planning_request_invalid": ("请求有 {count} 处问题,未写入任何数据:{problems}",
                                 "the request has {count} problem(s), nothing was written: "
                                 "{problems}"),
    "planning_not_approved": ("机台 {machine} 未获准生产 {sku}(客户认可机台清单中没有)",
                              "machine {machine} is not approved for {sku} (not on the "
                              "customer-approved list)"),
    "planning_proposal_stale": ("订单 {order_no} 在建议生成后已被修改,请重新生成改期建议",
                                "order {order_no} changed after the proposal was made; make "
                                "a new proposal"),
})
