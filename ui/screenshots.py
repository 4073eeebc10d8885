"""``python -m ui.screenshots OUT_DIR``: pictures of the real app on a fresh demo vault.

Why a program and not hand-made pictures: the README and the AppStream metainfo show these
screenshots, and they must show the app as it is. The views are the ones the layout audit
checks (:mod:`ui.tour`), so a picture never shows a screen the audit did not look at. Writes
the README set at 1280x800 (:data:`NAMES`, plus a dark main window) into ``OUT_DIR`` and every
view at 1024x700, a small laptop, into ``OUT_DIR/1024x700``. Dialogs are drawn centred over
the main window, as a user would see them. Run it on a real X server (``make screenshots``
uses Xvfb when installed) or offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

SIZE = (1280, 800)
SMALL = (1024, 700)
SMALL_DIR = "1024x700"
NAMES = (
    "first-run",
    "unlock",
    "home",
    "main-window",
    "session-editor",
    "goals",
    "coping-plan",
    "reflection",
    "self-review",
    "measures",
    "supervision-preview",
    "search",
    "settings",
    "record-keeping",
    "print-timesheet",
)
DARK_NAME = "main-window-dark"


def _picture(tour: Any, view: Any, size: tuple[int, int]) -> Any:
    """The view at ``size``; a dialog over the dimmed main window."""
    from PySide6.QtCore import QPoint, QSize
    from PySide6.QtGui import QColor, QPainter

    from ui.layout_audit import fit

    widget = view.show()
    target = fit(widget, QSize(*size), view.dialog)
    widget.resize(target)
    if not view.dialog:
        tour.settle(0.3)
        return widget.grab()
    main = tour.main
    main.resize(*size)
    tour.settle(0.3)
    picture = main.grab()
    over = widget.grab()
    painter = QPainter(picture)
    painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))
    corner = QPoint((picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2)
    painter.drawPixmap(corner, over)
    painter.end()
    return picture


def _save(picture: Any, path: Path) -> Path:
    if not picture.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def shoot(out_dir: Path, work: Path) -> list[Path]:
    """Write both sets; returns the files written."""
    from ui.settings import Theme
    from ui.tour import Tour

    tour = Tour(work)
    written: list[Path] = []
    small_dir = out_dir / SMALL_DIR
    small_dir.mkdir(parents=True, exist_ok=True)
    try:
        tour.open_demo()
        views = tour.views()
        for view in views:
            if view.name in NAMES:
                written.append(_save(_picture(tour, view, SIZE), out_dir / f"{view.name}.png"))
            written.append(_save(_picture(tour, view, SMALL), small_dir / f"{view.name}.png"))
            if view.dialog:
                tour.hide_dialogs()
        tour.theme.apply(Theme.DARK, 100)
        main_view = next(v for v in views if v.name == "session-editor")
        written.append(_save(_picture(tour, main_view, SIZE), out_dir / f"{DARK_NAME}.png"))
    finally:
        tour.close()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0] if args else "docs/screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="mentorjournal-shots-") as work:
        written = shoot(out_dir, Path(work))
    for path in written:
        print(path)
    missing = [n for n in (*NAMES, DARK_NAME) if not (out_dir / f"{n}.png").exists()]
    if missing:
        print(f"missing screenshots: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
