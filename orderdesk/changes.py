"""What a service call changed, so each screen refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    orders: bool = False
    catalog: bool = False
    stock: bool = False
    bindings: bool = False
    certificates: bool = False
    duplicates: bool = False
    users: bool = False
    settings: bool = False
    conflicts: bool = False
    planning: bool = False    # machines, routings, work orders, shipments (orderdesk.planning)

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name)
                          for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


ALL = Changes(**{f.name: True for f in fields(Changes)})
