"""orderdesk domain core: models, services and jobs. No Qt, no HTTP."""

__version__ = "0.1.0"
