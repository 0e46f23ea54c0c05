"""The `orderdesk` command: one sub-command per job, each in its own module.

Feature modules register their sub-commands through `register(subparsers)`. Modules of
the Qt or HTTP layers (orderdesk.ui.cli, orderdesk.sync.cli) are listed here by name and
import their heavy libraries only when their command runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from sqlalchemy.exc import SQLAlchemyError

from orderdesk import __version__
from orderdesk.errors import OrderdeskError
from orderdesk.messages import describe

COMMAND_MODULES = (
    "orderdesk.cli.audit",
    "orderdesk.cli.backup",
    "orderdesk.cli.basic",
    "orderdesk.cli.certificates",
    "orderdesk.cli.dedup",
    "orderdesk.cli.export",
    "orderdesk.cli.finance",
    "orderdesk.cli.intake",
    "orderdesk.cli.insight",
    "orderdesk.cli.pmc",
    "orderdesk.cli.planning",
    "orderdesk.cli.share",
    "orderdesk.cli.warehouse",
    "orderdesk.sync.cli",
    "orderdesk.ui.cli",
)


# Commands that start often and must start fast (the desktop app at every shift change;
# imports and exports that factory IT scripts run against a clock) load only their own
# module instead of every command's imports.
FAST_COMMANDS = {"app": "orderdesk.ui.cli", "import": "orderdesk.cli.intake",
                 "export": "orderdesk.cli.export"}


class CommandError(Exception):
    """A clear message for the user and an exit code; never a traceback."""

    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def build_parser(only: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="orderdesk",
        description="orderdesk: order flow stations for discrete manufacturers",
    )
    parser.add_argument("--version", action="version", version=f"orderdesk {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for name in dict.fromkeys(only or COMMAND_MODULES):  # a module listed twice registers once
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # a layer that is not installed in this build
            raise
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    fast = FAST_COMMANDS.get(argv[0]) if argv else None
    parser = build_parser([fast] if fast else None)
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int | None] = args.handler
    try:
        return int(handler(args) or 0)
    except CommandError as exc:
        print(f"orderdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except OrderdeskError as exc:
        print(f"orderdesk: {describe(exc)}", file=sys.stderr)
        return 2
    except SQLAlchemyError as exc:
        # A database problem the services did not type (disk full, corrupt file...).
        print(f"orderdesk: {describe('database_unreadable', url=getattr(args, 'db', None) or getattr(args, 'db_url', '-'), reason=type(exc).__name__ + ': ' + str(getattr(exc, 'orig', exc)))}",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
