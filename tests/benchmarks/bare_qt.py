"""Baseline process: a bare PySide6 window with one line edit, shown, then idle.

Prints ``ready <seconds since interpreter start>`` once the event loop is idle after the first
show, then exits. The app's own start probe (``app_start.py``) prints the same line at the
same moment, so the two are measured identically.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit


def main() -> int:
    app = QApplication(sys.argv)
    edit = QLineEdit()
    edit.setPlaceholderText("Passphrase")
    edit.show()

    def ready() -> None:
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
