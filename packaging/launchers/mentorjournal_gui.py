"""PyInstaller entry point of the ``mentorjournal-gui`` executable (same as the gui-script)."""

import sys

from ui.app import main

if __name__ == "__main__":
    sys.exit(main())
