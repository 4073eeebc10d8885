"""PyInstaller entry point of the ``mentorjournal`` command-line executable."""

import sys

from mentorjournal.cli import main

if __name__ == "__main__":
    sys.exit(main())
