"""``mentorjournal-gui --smoke-test``: prove a build starts, shows every view, locks and unlocks.

Why it exists: a PyInstaller bundle can build cleanly and still fail at run time (a Qt plugin,
SQLCipher's FTS5, Argon2id in ``cryptography`` or a lazily imported module left out). So the
bundle runs the real app, offscreen, on a throw-away demo vault: the same controller, windows,
worker thread, vault and search the user gets, driven through their public methods.

It never touches the user's data: the vault, state folder, settings (an INI file, not the
registry or ~/.config) and backup folder are passed explicitly as paths inside one temporary
folder that is deleted afterwards, and HOME, the XDG folders and TMPDIR point there too. The key derivation is the real Argon2id at the
documented floor cost (``FLOOR``), so the test takes seconds, not minutes.

Exit status 0 with one summary line on stdout; otherwise 1 with one line on stderr naming the
step that failed. Nothing here is used by the running app.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

#: Longest wait for any one step (the demo vault is made and filled in the first one).
STEP_TIMEOUT_S = 120.0
#: A word the demo prose always contains, to prove full-text search works in the build.
SEARCH_WORD = "goal"
_ISOLATED_VARIABLES = (
    "HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_CACHE_HOME",
    "TMPDIR",
    "APPDATA",
    "LOCALAPPDATA",
)


class SmokeFailure(Exception):
    """A step of the smoke test did not do what the app promises."""


def run_smoke_test(argv: Sequence[str] | None = None) -> int:
    """Run the whole smoke test; 0 when every step passed, 1 with a one-line reason otherwise."""
    del argv  # the app's own options are irrelevant: the smoke test always uses a fresh demo
    started = time.monotonic()
    try:
        with _isolated_environment() as root:
            summary = _SmokeRun(root).run()
    except SmokeFailure as exc:
        print(f"smoke test failed: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # anything unexpected is a failure too, still on one line
        print(f"smoke test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"smoke test passed in {time.monotonic() - started:.1f} s: {summary}")
    return 0


@contextmanager
def _isolated_environment() -> Iterator[Path]:
    """Point every per-user location into a temporary folder; restore everything afterwards."""
    saved = {name: os.environ.get(name) for name in (*_ISOLATED_VARIABLES, "QT_QPA_PLATFORM")}
    saved_tempdir = tempfile.tempdir
    with tempfile.TemporaryDirectory(prefix="mentorjournal-smoke-") as raw:
        root = Path(raw)
        try:
            for name in _ISOLATED_VARIABLES:
                folder = root / name.lower()
                folder.mkdir(mode=0o700)
                os.environ[name] = str(folder)
            tempfile.tempdir = str(root / "tmpdir")
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            yield root
        finally:
            tempfile.tempdir = saved_tempdir
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


class _SmokeRun:
    """The steps, in order; each waits for the worker thread and checks nothing went wrong."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.unexpected: list[str] = []
        self.opened: list[str] = []

    def run(self) -> str:
        from PySide6.QtCore import qInstallMessageHandler

        previous_hook = sys.excepthook
        sys.excepthook = self._on_unhandled
        previous_handler = qInstallMessageHandler(_quiet_offscreen_notices)
        try:
            return self._steps()
        finally:
            qInstallMessageHandler(previous_handler)
            sys.excepthook = previous_hook

    def _on_unhandled(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        # Exceptions raised inside Qt slots land here instead of stopping the app.
        self.unexpected.append(f"{kind.__name__}: {error}{_where(tb)}")

    # -- set-up --------------------------------------------------------------------------------
    def _steps(self) -> str:
        from PySide6.QtWidgets import QApplication

        from mentorjournal.clock import SystemClock
        from mentorjournal.paths import VaultPaths
        from mentorjournal.vault.kdf import FLOOR
        from ui.app import create_application
        from ui.controller import AppController, JournalOpener, State
        from ui.prompts import ScriptedPrompts
        from ui.settings import AppSettings
        from ui.theme import ThemeManager
        from ui.worker import JournalWorker

        app = create_application(["mentorjournal-gui", "--smoke-test"])
        if not isinstance(app, QApplication):
            raise SmokeFailure("no QApplication could be created")
        self.app = app
        self.state = State
        settings = AppSettings.at_path(self.root / "settings.ini")
        # Explicit, so nothing depends on HOME/XDG (Windows and macOS ignore those variables).
        settings.backup_folder = self.root / "backups"
        ThemeManager(app).apply(settings.theme, settings.text_scale)
        clock = SystemClock()
        self.prompts = ScriptedPrompts()
        self.worker = JournalWorker()
        self.controller = AppController(
            worker=self.worker,
            prompts=self.prompts,
            settings=settings,
            clock=clock,
            paths=VaultPaths(self.root / "vault"),
            demo_paths=VaultPaths(self.root / "demo-vault"),
            opener=JournalOpener(clock, self.root / "state", kdf=FLOOR),
            demo=True,
        )
        try:
            self._step("load the app icon", self._check_icon)
            self._step("create and open the demo vault", self._open_demo)
            self._step("open every view", self._open_views)
            self._step("search the vault", self._search)
            self._step("open settings", self._open_settings)
            self._step("lock", self._lock)
            self._step("unlock with the passphrase", self._unlock)
            self._step("lock again", self._lock)
        finally:
            self.controller.shutdown()
            for name in ("main", "unlock", "welcome", "create"):
                window = self.controller.window(name)
                if window is not None:
                    window.close()
                    window.deleteLater()
            self._settle()
        return (
            f"opened {len(self.opened)} views ({', '.join(self.opened)}); "
            "searched; locked, unlocked and locked again"
        )

    # -- steps ---------------------------------------------------------------------------------
    def _check_icon(self) -> None:
        """The SVG icon needs the bundled resources and Qt's SVG icon engine or image plugin."""
        if self.app.windowIcon().pixmap(32, 32).isNull():
            raise SmokeFailure("the window icon is missing (resources/icons or the SVG plugins)")

    def _main_shown(self) -> bool:
        """Unlocked, and the main window is up (it shows once the mentee list is read)."""
        return bool(
            self.controller.state is self.state.MAIN and self.controller.main_window.isVisible()
        )

    def _open_demo(self) -> None:
        self.controller.start()
        self._wait(self._main_shown, "the main window")
        window = self.controller.main_window
        self._wait(lambda: window.mentees.rowCount() > 0, "the demo mentees to be listed")
        if "DEMO" not in window.windowTitle():
            raise SmokeFailure(f"the demo vault is not labelled DEMO: {window.windowTitle()!r}")

    def _open_views(self) -> None:
        from ui.windows.page_registry import AREAS, MENTEE_TABS

        window = self.controller.main_window
        for spec in MENTEE_TABS:
            self._show(spec.key, partial(window.show_mentee_tab, spec.key))
        for spec in AREAS:
            self._show(spec.key, partial(window.show_area, spec.key))
        dialog = window.open_supervision_preview()
        self._settle_worker()
        if not dialog.isVisible():
            raise SmokeFailure("the supervision preview did not open")
        self._render(dialog, "supervision preview")
        self.opened.append("supervision preview")
        dialog.close()

    def _show(self, key: str, show: Callable[[], Any]) -> None:
        window = self.controller.main_window
        page = show()
        self._settle_worker()
        if page is not window.current_page():
            raise SmokeFailure(f"the {key} view did not come forward")
        self._render(window, key)
        self.opened.append(key)

    def _search(self) -> None:
        from PySide6.QtCore import QAbstractItemModel

        dialog = self.controller.main_window.open_search()
        dialog.query_edit.setText(SEARCH_WORD)

        def found() -> bool:
            return any(model.rowCount() > 0 for model in dialog.findChildren(QAbstractItemModel))

        self._wait(found, f"search results for {SEARCH_WORD!r}")
        self._render(dialog, "search")
        self.opened.append("search")
        dialog.close()

    def _open_settings(self) -> None:
        dialog = self.controller.main_window.open_settings()
        self._settle_worker()
        self._render(dialog, "settings")
        self.opened.append("settings")
        dialog.close()

    def _lock(self) -> None:
        window = self.controller.main_window
        self.controller.lock("Locked by the smoke test.")
        self._wait(lambda: self.controller.state is self.state.UNLOCK, "the unlock window")
        self._settle_worker()
        full = [
            f"{type(model).__name__} ({model.rowCount()} rows)"
            for model in window.models()
            if model.rowCount() > 0
        ]
        if full:
            raise SmokeFailure(f"data still shown after locking: {', '.join(full)}")
        if window.isVisible():
            raise SmokeFailure("the main window is still visible after locking")

    def _unlock(self) -> None:
        from ui.controller import demo_passphrase

        unlock = self.controller.unlock_window
        unlock.secret.setText(demo_passphrase())
        unlock.submit()
        self._wait(self._main_shown, "the vault to unlock")
        window = self.controller.main_window
        self._wait(lambda: window.mentees.rowCount() > 0, "the mentees after unlocking")

    # -- helpers -------------------------------------------------------------------------------
    def _step(self, name: str, action: Callable[[], None]) -> None:
        try:
            action()
            self._settle()
            self._check()
        except SmokeFailure as exc:
            raise SmokeFailure(f"{name}: {exc}") from exc
        except Exception as exc:
            where = _where(exc.__traceback__)
            raise SmokeFailure(f"{name}: {type(exc).__name__}: {exc}{where}") from exc

    def _check(self) -> None:
        """Fail on any error the app showed or any exception a slot raised."""
        if self.unexpected:
            raise SmokeFailure(self.unexpected[0])
        errors = [asked for asked in self.prompts.log if asked.kind in {"error", "warn"}]
        if errors:
            raise SmokeFailure(f"the app reported {errors[0].title!r}: {errors[0].text}")

    def _render(self, widget: Any, what: str) -> None:
        """Paint the widget offscreen, so a crash or exception while drawing counts."""
        if widget.grab().isNull():
            raise SmokeFailure(f"the {what} view could not be drawn")
        self._check()

    def _settle_worker(self) -> None:
        self._wait(lambda: self.worker.pending == 0, "the worker thread to finish")
        self._settle()

    def _settle(self) -> None:
        for _round in range(5):
            self.app.processEvents()

    def _wait(self, done: Callable[[], bool], what: str) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + STEP_TIMEOUT_S
        while not done():
            self._check()
            if time.monotonic() > deadline:
                raise SmokeFailure(f"timed out after {STEP_TIMEOUT_S:.0f} s waiting for {what}")
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()


#: Qt notices that only say the offscreen platform cannot do something a desktop can.
_OFFSCREEN_NOTICES = ("This plugin does not support",)


def _quiet_offscreen_notices(_kind: Any, _context: Any, message: str) -> None:
    """Pass Qt's messages to stderr, except the offscreen platform's harmless notices."""
    if not any(notice in message for notice in _OFFSCREEN_NOTICES):
        print(message, file=sys.stderr)


def _where(tb: TracebackType | None) -> str:
    """Where an exception was raised, as " (at file:line)", so the one line points at the bug."""
    frames = traceback.extract_tb(tb)
    if not frames:
        return ""
    last = frames[-1]
    return f" (at {Path(last.filename).name}:{last.lineno})"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_smoke_test(sys.argv[1:]))
