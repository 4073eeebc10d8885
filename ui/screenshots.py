"""``python -m ui.screenshots OUT_DIR``: pictures of the real app on a fresh demo vault.

Why a program and not hand-made pictures: the README and the AppStream metainfo show these
screenshots, and they must show the app as it is. This starts the same controller and windows
the app uses, offscreen, on a throw-away demo vault in a temporary folder (the user's vault and
settings are never touched), walks through the views with the main window's public methods,
and writes ``first-run``, ``unlock``, ``main-window``, ``session-editor``, ``goals``,
``coping-plan``, ``reflection``, ``supervision-preview``, ``search`` and ``settings`` PNGs at
1280x800. Dialogs are drawn centred over the main window, as a user would see them.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZE = (1280, 800)
NAMES = (
    "first-run",
    "unlock",
    "main-window",
    "session-editor",
    "goals",
    "coping-plan",
    "reflection",
    "supervision-preview",
    "search",
    "settings",
)


class Shooter:
    """Drives the app and saves one PNG per view."""

    def __init__(self, out_dir: Path, work: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from mentorjournal.clock import SystemClock
        from mentorjournal.paths import VaultPaths
        from ui.app import create_application
        from ui.controller import AppController, JournalOpener
        from ui.prompts import ScriptedPrompts
        from ui.settings import AppSettings, Theme
        from ui.theme import ThemeManager
        from ui.worker import JournalWorker

        self.out_dir = out_dir
        app = create_application(["mentorjournal-screenshots"])
        assert isinstance(app, QApplication)
        self.app = app
        ThemeManager(app).apply(Theme.LIGHT, 100)
        clock = SystemClock()
        self.prompts = ScriptedPrompts()
        self.worker = JournalWorker()
        self.controller = AppController(
            worker=self.worker,
            prompts=self.prompts,
            settings=AppSettings.at_path(work / "settings.ini"),
            clock=clock,
            paths=VaultPaths(work / "vault"),
            demo_paths=VaultPaths(work / "demo-vault"),
            opener=JournalOpener(clock, work / "state"),
            watch_system_lock=False,
        )
        self.written: list[Path] = []

    # -- helpers -------------------------------------------------------------------------------
    def settle(self, seconds: float = 0.4) -> None:
        """Let queued jobs, debounces and repaints finish."""
        end = time.monotonic() + seconds
        while time.monotonic() < end or self.worker.pending:
            self.app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > end + 60:
                raise TimeoutError("the worker did not finish")

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError(f"timed out waiting for {what}")
            self.app.processEvents()
            time.sleep(0.01)

    def save(self, name: str, widget: Any, overlay: Any = None) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtGui import QColor, QPainter

        widget.resize(*SIZE)
        self.settle(0.3)
        picture = widget.grab()
        if overlay is not None:
            self.settle(0.2)
            over = overlay.grab()
            painter = QPainter(picture)
            painter.fillRect(picture.rect(), QColor(0, 0, 0, 70))
            top_left = QPoint(
                (picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2
            )
            painter.drawPixmap(top_left, over)
            painter.end()
        path = self.out_dir / f"{name}.png"
        if not picture.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        self.written.append(path)

    # -- the tour -----------------------------------------------------------------------------
    def run(self) -> list[Path]:
        controller = self.controller
        controller.show_welcome()
        self.save("first-run", controller.welcome)
        controller.explore_demo()
        self.wait_for(lambda: controller.state.value == "main", "the demo vault")
        main = controller.main_window
        self.wait_for(lambda: main.mentees.rowCount() > 0, "the mentee list")
        first = main.mentee_proxy.index(0, 0)
        main.mentee_view.setCurrentIndex(first)
        main.show_mentee_tab("sessions")
        self.settle(0.8)
        self.save("main-window", main)
        self._open_first_note(main.page("sessions"))
        self.save("session-editor", main)
        main.show_mentee_tab("goals")
        self._select_first_row(main.page("goals"))
        self.save("goals", main)
        main.show_mentee_tab("coping_plan")
        self.save("coping-plan", main)
        main.show_area("reflection")
        self.save("reflection", main)
        self._supervision(main)
        search = main.open_search()
        search.query_edit.setText("anxious")
        self.wait_for(lambda: search.model.rowCount() > 0 or self._stopped(search), "results")
        search.resize(760, 520)
        self.save("search", main, overlay=search)
        search.hide()
        settings = main.open_settings()
        settings.resize(660, 560)
        self.save("settings", main, overlay=settings)
        settings.hide()
        controller.lock("Locked after 5 minutes without activity.")
        self.settle(0.5)
        self.save("unlock", controller.unlock_window)
        return self.written

    @staticmethod
    def _stopped(search: Any) -> bool:
        text = search.state_label.text()
        return text not in {"", "Searching…"}

    def _select_first_row(self, page: Any) -> None:
        self.settle(0.6)
        view = getattr(page, "view", None)
        if view is not None:
            model = view.model()
            if model is not None and model.rowCount() > 0:
                view.setCurrentIndex(model.index(0, 0))
        self.settle(0.6)

    def _open_first_note(self, page: Any) -> None:
        self._select_first_row(page)
        model = getattr(page, "model", None)
        opener = getattr(page, "open_note", None)
        if model is not None and opener is not None and model.rowCount() > 0:
            from PySide6.QtCore import Qt

            note_id = model.index(0, 0).data(Qt.ItemDataRole.UserRole + 1)
            if isinstance(note_id, str):
                opener(note_id)
        self.settle(0.8)

    def _supervision(self, main: Any) -> None:
        dialog = main.open_supervision_preview()
        self.settle(0.5)
        self._preview(dialog)
        dialog.resize(1100, 720)
        self.save("supervision-preview", main, overlay=dialog)
        dialog.hide()

    def _preview(self, dialog: Any) -> None:
        """Ask the supervision export preview for one mentee's summary and wait for the anonymised text."""
        from PySide6.QtCore import Qt

        mentees = getattr(dialog, "mentee_list", None)
        if mentees is not None and mentees.count() > 0:
            mentees.item(0).setCheckState(Qt.CheckState.Checked)
        refresh = getattr(dialog, "refresh", None)
        if refresh is None:
            return
        refresh()
        self.settle(0.5)
        status = getattr(dialog, "status_label", None)
        if status is not None:
            self.wait_for(lambda: "Anonymising" not in status.text(), "the preview", 60)
        self.settle(0.5)

    def close(self) -> None:
        self.controller.shutdown()
        for name in ("welcome", "create", "unlock", "main"):
            window = self.controller.window(name)
            if window is not None:
                window.hide()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0] if args else "docs/screenshots")
    out_dir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="mentorjournal-shots-") as work:
        shooter = Shooter(out_dir, Path(work))
        try:
            written = shooter.run()
        finally:
            shooter.close()
    for path in written:
        print(path)
    missing = [n for n in NAMES if not (out_dir / f"{n}.png").exists()]
    if missing:
        print(f"missing screenshots: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
