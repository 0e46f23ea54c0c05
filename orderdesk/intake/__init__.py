"""Order intake from every channel: sheets, chat messages, hot folders and the intake API.

Qt-free and HTTP-free. The sales page, the CLI and the server's intake route call these.
"""

from __future__ import annotations

from orderdesk.intake.columns import ColumnMapping
from orderdesk.intake.errors import (
    EmptyFile,
    HeaderNotFound,
    ImportAborted,
    IntakeError,
    MissingColumns,
    PasswordProtected,
    UnreadableFile,
)
from orderdesk.intake.orders_import import (
    CREATE,
    CustomerProposal,
    FilePreview,
    FileReport,
    ImportReport,
    ParsedLine,
    RejectedRow,
    RowProblem,
    preview_file,
    run_import,
)

__all__ = [
    "CREATE", "ColumnMapping", "CustomerProposal", "EmptyFile", "FilePreview", "FileReport",
    "HeaderNotFound", "ImportAborted", "ImportReport", "IntakeError", "MissingColumns",
    "ParsedLine", "PasswordProtected", "RejectedRow", "RowProblem", "UnreadableFile",
    "preview_file", "run_import",
]
