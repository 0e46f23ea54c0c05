"""Administration: accounts and roles (system admin), audit log (security admin, auditor)."""
