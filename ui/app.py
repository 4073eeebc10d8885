"""Entry point of the desktop app (``mentorjournal-gui``): set up Qt, then hand over to the controller.

Cold start matters (a mentor opens the journal right after a session), so this module imports
only Qt widgets and small core modules; the journal, vault, SQLCipher and cryptography load in
the worker thread when the passphrase is submitted. ``--version`` and ``--smoke-test`` do not
even create a window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

APP_ID = "io.github.mentorjournal.MentorJournal"
VERSION_DELAY_MS = 1000


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mentorjournal-gui", description="Mentor Journal: a private journal for mentors."
    )
    parser.add_argument("--vault", metavar="DIR", help="vault folder (default: your data folder)")
    parser.add_argument(
        "--demo", action="store_true", help="open the separate demo vault with synthetic data"
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument(
        "--smoke-test", action="store_true", help="start offscreen on a temporary demo vault, exit"
    )
    return parser


def version_number() -> str:
    import mentorjournal

    return mentorjournal.__version__


def version_text() -> str:
    return f"Mentor Journal {version_number()}"


def create_application(argv: Sequence[str]) -> object:
    """The QApplication with names, icon and high-DPI behaviour set (no settings read yet)."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from mentorjournal.paths import APP_NAME

    existing = QApplication.instance()
    if existing is not None:
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("MentorJournal")
    app.setApplicationDisplayName("Mentor Journal")
    # The version lookup (importlib.metadata) costs ~100 ms: done once the first window is up.
    QTimer.singleShot(VERSION_DELAY_MS, lambda: app.setApplicationVersion(version_number()))
    app.setDesktopFileName(APP_ID)
    _set_icon(app)
    return app


def _set_icon(app: object) -> None:
    from pathlib import Path

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    root = Path(__file__).resolve().parent.parent / "resources" / "icons"
    for candidate in (
        root / "mentorjournal.svg",
        root / "hicolor" / "scalable" / "mentorjournal.svg",
    ):
        if candidate.exists() and isinstance(app, QApplication):
            app.setWindowIcon(QIcon(str(candidate)))
            return
    # Installed without the source tree (wheel, Flatpak): the icon theme has it under the app id.
    themed = QIcon.fromTheme(APP_ID)
    if not themed.isNull() and isinstance(app, QApplication):
        app.setWindowIcon(themed)


def run_gui(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from ui.system_libs import check

    problem = check()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from mentorjournal.clock import SystemClock
    from mentorjournal.paths import VaultPaths, resolve_vault_dir, user_state_dir
    from ui.controller import AppController, JournalOpener
    from ui.prompts import QtPrompts
    from ui.settings import AppSettings
    from ui.theme import ThemeManager
    from ui.worker import JournalWorker

    app = create_application(argv)
    assert isinstance(app, QApplication)
    from ui.gc_guard import GuiThreadCollector

    collector = GuiThreadCollector(app)  # no widget may die in the worker thread
    app.aboutToQuit.connect(collector.stop)
    settings = AppSettings.default()
    theme = ThemeManager(app)
    theme.apply(settings.theme, settings.text_scale)
    clock = SystemClock()
    worker = JournalWorker()
    controller = AppController(
        worker=worker,
        prompts=QtPrompts(),
        settings=settings,
        clock=clock,
        paths=VaultPaths(resolve_vault_dir(args.vault)),
        opener=JournalOpener(clock, user_state_dir()),
        demo=args.demo,
        apply_appearance=lambda: theme.apply(settings.theme, settings.text_scale),
    )
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    return int(app.exec())


def main(argv: Sequence[str] | None = None) -> int:
    from mentorjournal.vault.hardening import harden_process

    harden_process()  # no core dump may ever hold an unlocked key or a note
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(arguments)
    if args.version:
        print(version_text())
        return 0
    if args.smoke_test:
        from ui.smoke import run_smoke_test

        return int(run_smoke_test(arguments))
    return run_gui(args, [sys.argv[0] if sys.argv else "mentorjournal-gui", *arguments])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
