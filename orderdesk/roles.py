"""Roles, and the stations (pages) and actions each may reach.

System admin, security admin and auditor are separate (等保2.0 三权分立) and none of
them enters business data.
"""

from __future__ import annotations

ROLES = (
    "sales", "engineering", "pmc", "warehouse", "quality", "finance", "supervisor",
    "sysadmin", "secadmin", "auditor",
)

PAGES = ("overview", "sales", "warehouse", "quality", "pmc", "finance", "board", "admin")

BUSINESS_ROLES = {"sales", "engineering", "pmc", "warehouse", "quality", "finance", "supervisor"}

#: The three admin roles of 三权分立: an account holds at most one of them, and never
#: one together with a business role (等保2.0 M1).
ADMIN_ROLES = frozenset({"sysadmin", "secadmin", "auditor"})

#: Reason code of a refused combination (service errors, the server's push refusals).
ROLE_MIX = "role_mix"

ROLE_PAGES: dict[str, tuple[str, ...]] = {
    "sales": ("sales", "board"),
    "engineering": ("board",),
    "pmc": ("pmc", "board"),
    "warehouse": ("warehouse", "board"),
    "quality": ("quality", "board"),
    "finance": ("finance", "board"),
    "supervisor": ("overview", "sales", "warehouse", "quality", "pmc", "finance", "board"),
    "sysadmin": ("admin",),
    "secadmin": ("admin",),
    "auditor": ("admin",),
}

# Actions checked by services (and by the server's routes).
ROLE_ACTIONS: dict[str, frozenset[str]] = {
    "sales": frozenset({"order.write", "order.read", "catalog.read", "duplicate.decide",
                        "import.run", "rush.request", "share.create"}),
    "engineering": frozenset({"order.read", "order.annotate", "catalog.read"}),
    "pmc": frozenset({"order.read", "order.status.production", "catalog.read", "catalog.write",
                      "stock.write", "rush.confirm", "settings.business"}),
    "warehouse": frozenset({"order.read", "order.status.warehouse", "catalog.read",
                            "batch.bind", "shipment.create", "shipment.read"}),
    "quality": frozenset({"order.read", "catalog.read", "certificate.issue",
                          "settings.templates"}),
    "finance": frozenset({"order.read", "catalog.read", "shipment.read", "invoice.issue",
                          "invoice.cancel", "invoice.rules", "edi.manage"}),
    "supervisor": frozenset({"order.write", "order.read", "order.status.production",
                             "order.status.warehouse", "catalog.read", "catalog.write",
                             "duplicate.decide", "import.run", "batch.bind", "batch.unbind",
                             "certificate.issue", "certificate.revoke", "certificate.override",
                             "rush.request",
                             "rush.confirm", "settings.business", "stock.write",
                             "order.annotate", "share.create", "shipment.create",
                             "shipment.read"}),
    "sysadmin": frozenset({"users.manage", "settings.system"}),
    "secadmin": frozenset({"users.security", "audit.read"}),
    "auditor": frozenset({"audit.read"}),
}


# Insight (order exception quick report, 订单异常快速上报): every business role reports
# from its own station; supervisors and quality run the queue and close with the card.
for _role in BUSINESS_ROLES:
    ROLE_ACTIONS[_role] = ROLE_ACTIONS[_role] | {"exception.report"}
for _role in ("supervisor", "quality"):
    ROLE_ACTIONS[_role] = ROLE_ACTIONS[_role] | {"exception.manage"}


def role_mix(roles: set[str] | frozenset[str] | list[str] | tuple[str, ...]) -> bool:
    """True when one account may not hold these roles together (三权分立): two admin
    roles, or an admin role with a business role."""
    held = set(roles)
    admin = held & ADMIN_ROLES
    return len(admin) > 1 or bool(admin and held - ADMIN_ROLES)


def pages_for(roles: set[str] | frozenset[str] | list[str]) -> list[str]:
    """Pages a user with these roles sees, in the fixed page order."""
    allowed = {page for role in roles for page in ROLE_PAGES.get(role, ())}
    return [page for page in PAGES if page in allowed]


def can(roles: set[str] | frozenset[str] | list[str], action: str) -> bool:
    return any(action in ROLE_ACTIONS.get(role, ()) for role in roles)


# Planning (orderdesk.planning): PMC edits machines and routings, accepts alternative
# routes and confirms reschedules; supervisors may too.
for _role in ("pmc", "supervisor"):
    ROLE_ACTIONS[_role] = ROLE_ACTIONS[_role] | {"planning.write"}
