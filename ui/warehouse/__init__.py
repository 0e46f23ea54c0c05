"""Warehouse station: scanner capture, pick progress, batch binding and labels."""

from orderdesk.ui.warehouse.pyside_fix import keep_none_alive

keep_none_alive()
