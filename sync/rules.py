"""The documented rules for two stations changing the same field while apart.

A change carries the server sequence its station had seen for the field (`base_seq`).
If the field was written since then by another station, the two edits were concurrent.
What happens then, per field:

| field kind | rule | outcome |
| --- | --- | --- |
| additive (stock on hand / allocated) | applied as a delta onto the server value | applied, no conflict |
| department status (status_sales/production/warehouse) | the further state wins | further: applied; backward: held + conflict `status_backward` |
| guarded (a line's price; its quantity once a batch is bound) | the server value is kept | held + conflict `guarded` |
| any other field | last arrival (server order) wins | applied + conflict `concurrent_edit` |
| an edit or delete of a row that is gone / was edited | not applied | held or rejected + conflict `edit_deleted` |

Equal values are never a conflict. Different fields of one row never conflict. A
conflict keeps both values, both stations, users and times; the loser's change stays
in the change log with outcome `held`/`conflict`, and the audit trail has a row for
each side. A person resolves it (the resolution is a new change).
"""

from __future__ import annotations

from orderdesk import statuses

ADDITIVE = {("stock", "on_hand"), ("stock", "allocated")}

STATUS_FIELDS = {
    ("orders", "status_sales"): "sales",
    ("orders", "status_production"): "production",
    ("orders", "status_warehouse"): "warehouse",
}

#: Always guarded when concurrent.
GUARDED = {("order_lines", "unit_price")}
#: Guarded once a batch is bound to the line.
GUARDED_IF_BOUND = {("order_lines", "quantity")}

RULE_LAST_ARRIVAL = "last_arrival_wins"
RULE_FORWARD_STATUS = "forward_status_wins"
RULE_SERVER_KEPT = "server_value_kept"
RULE_NOT_APPLIED = "not_applied"


def status_is_forward(entity: str, field: str, current: str | None, incoming: str | None) -> bool:
    """True when `incoming` is at least as far along its department's flow as `current`."""
    dept = STATUS_FIELDS[(entity, field)]
    flow = statuses.FLOW[dept]
    if incoming not in flow:
        return False
    if current not in flow:
        return True
    return flow.index(incoming) >= flow.index(current)
