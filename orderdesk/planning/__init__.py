"""Planning ahead: machine capacity against the orders that need it, machine OEE, and
the supply-chain risk of imported materials held at customs.

Modules: `rules` (the settings), `calendar` (available hours from shifts and planned
downtime), `oee` (OEE from machine logs), `capacity` (load per bucket, the 92% rule,
alternative routes), `setup` (machines, routings, work orders: edits and imports),
`customs` (inbound shipments, lane baselines, the risk rule), `reschedule` (proposals
and their confirmation), `entry` (the warning at order entry), `demo`.
No Qt, no HTTP.
"""
