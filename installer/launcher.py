"""Entry point of the PyInstaller bundle: the same `orderdesk` command as the console
script, so `orderdesk app`, `orderdesk init` and the rest work from the bundle."""

import multiprocessing
import sys

from orderdesk.cli import main

if __name__ == "__main__":
    # A frozen program that starts worker processes must call this first.
    multiprocessing.freeze_support()
    sys.exit(main())
