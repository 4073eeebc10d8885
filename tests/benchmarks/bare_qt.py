"""Baseline process: a bare PySide6 window with one line edit, shown, then idle.

No argument: prints ``ready`` once the event loop is idle after the first show, then exits
(``app_probe start`` prints the same line at the same moment). ``paint``: prints ``painted <t>``
after the window's first paint and ``keys <t>`` once a key pressed then reached the line edit,
as ``gui_probe paint`` does for the app (``t`` is ``time.monotonic()``). ``watchdog SECONDS``:
runs the GUI-thread watchdog of ``gui_probe script`` in this bare event loop for that long and
prints ``result <json>``: the machine's own stalls, the baseline of the app's.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit


def main(argv: list[str]) -> int:
    app = QApplication(sys.argv[:1])
    edit = QLineEdit()
    edit.setPlaceholderText("Passphrase")
    edit.show()
    mode = argv[0] if argv else "ready"
    keep: list[object] = []
    if mode == "paint":
        from tests.benchmarks.paint import PaintFilter, report_keys

        keep.append(PaintFilter(edit, lambda: report_keys(edit)))
    elif mode == "watchdog":
        from tests.benchmarks.watchdog import StallLog, start_watchdog, summary

        log = StallLog(phase="bare event loop")
        keep.append(start_watchdog(log))

        def done() -> None:
            print("result", json.dumps({"stalls": summary(log.lateness_ms, log.long)}), flush=True)
            app.quit()

        QTimer.singleShot(int(1000 * float(argv[1])), done)
    else:

        def ready() -> None:
            print("ready", flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
