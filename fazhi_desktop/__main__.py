"""`python -m fazhi_desktop` does what the `fazhi-desktop` command does."""

from __future__ import annotations

import sys

from fazhi_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
