"""Share links to read-only status pages (served by the central server)."""
