"""Department statuses of an order and the order in which they move forward.

Codes are stored and exported; the UI shows translated labels. Business users may add
statuses later through settings; these are the defaults every factory starts with.
"""

from __future__ import annotations

DEPARTMENTS = ("sales", "production", "warehouse")

SALES = ("draft", "confirmed", "contracted", "awaiting_schedule")
PRODUCTION = ("awaiting_schedule", "material_issued", "in_production", "in_inspection", "finished")
WAREHOUSE = ("awaiting_stock", "kitted", "picking", "ready_to_ship", "shipped")

FLOW: dict[str, tuple[str, ...]] = {
    "sales": SALES,
    "production": PRODUCTION,
    "warehouse": WAREHOUSE,
}

INITIAL = {dept: flow[0] for dept, flow in FLOW.items()}

# Chinese names as the factory says them; used by exports for people and by the UI's
# translation source strings.
ZH_LABELS = {
    "draft": "草稿", "confirmed": "已确认", "contracted": "已签约", "awaiting_schedule": "待排产",
    "material_issued": "投料中", "in_production": "生产中", "in_inspection": "质检中",
    "finished": "已完工", "awaiting_stock": "待备货", "kitted": "已备货", "picking": "拣货中",
    "ready_to_ship": "待发运", "shipped": "已发运",
}


def rank(department: str, status: str) -> int:
    """Position of a status in its department's flow; later is further along."""
    return FLOW[department].index(status)


def is_valid(department: str, status: str) -> bool:
    return department in FLOW and status in FLOW[department]
