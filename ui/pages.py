"""Registry of station pages: page key -> "module.path:ClassName".

Keys and their order follow orderdesk.roles.PAGES. Each station engineer changes only
their own line. A page whose module fails to import shows an error page instead.
"""

from __future__ import annotations

import importlib
import logging

from orderdesk import roles

log = logging.getLogger(__name__)

PAGES: dict[str, str] = {
    "overview": "orderdesk.ui.overview.page:OverviewPage",
    "sales": "orderdesk.ui.sales.page:SalesPage",
    "warehouse": "orderdesk.ui.warehouse.page:WarehousePage",
    "quality": "orderdesk.ui.quality.page:QualityPage",
    "pmc": "orderdesk.ui.pmc.page:PmcPage",
    "finance": "orderdesk.ui.finance.page:FinancePage",
    "board": "orderdesk.ui.board.page:BoardPage",
    "admin": "orderdesk.ui.admin.page:AdminPage",
}

assert tuple(PAGES) == roles.PAGES, "keep PAGES in the order of orderdesk.roles.PAGES"


def page_class(key: str) -> type:
    """Import and return the page class registered for `key` (raises on failure)."""
    module_name, _, class_name = PAGES[key].partition(":")
    module = importlib.import_module(module_name)
    return getattr(module, class_name)


def build_page(key: str, ctx):  # type: ignore[no-untyped-def]
    """The page for `key`, or an error page saying it could not be loaded."""
    from orderdesk.ui.placeholder import PageErrorPage

    try:
        return page_class(key)(ctx)
    except Exception as exc:  # noqa: BLE001 - one broken station must not stop the others
        log.exception("station page %s (%s) failed to load", key, PAGES.get(key))
        return PageErrorPage(ctx, key, f"{type(exc).__name__}: {exc}")
