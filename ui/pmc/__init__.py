"""PMC station: kit completeness, shortages, green channel, BOM/stock/receipt editing."""
