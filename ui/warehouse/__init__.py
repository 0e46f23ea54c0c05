"""Warehouse station: scanner capture, pick progress, batch binding and labels."""
