"""The supervisor's overview (the boss's first screen), KPI drill-down, the customer
health board and the order exception quick report (reachable from every station)."""
