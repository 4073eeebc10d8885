"""Shared UI fixtures, used by name from every UI test.

Fixtures:

* ``prompts`` -> :class:`ui.prompts.ScriptedPrompts`: script answers with
  ``prompts.script("confirm", True)``; every question is recorded in ``prompts.log``; an
  unscripted question raises ``UnexpectedPrompt``.
* ``ui_settings`` -> :class:`ui.settings.AppSettings` in a private INI file under ``tmp_path``
  (never the user's real settings).
* ``journal_worker`` -> a :class:`ui.worker.JournalWorker` that owns the ``journal`` fixture
  (a real, open journal on a fast-KDF vault); drained and stopped at teardown.
* ``worker`` -> the same worker, under the name the page tests use.
* ``locked_vault`` -> ``LockedVault(paths, passphrase, recovery_key, clock, state_dir)``: a real
  vault made with the fast KDF, holding the mentees ``M-001`` and ``M-002`` and one note, then
  locked, ready for the unlock window.
* ``make_controller(paths, **overrides)`` -> an :class:`ui.controller.AppController` wired to a
  fresh worker, ``prompts``, ``ui_settings`` and the fast KDF; shut down at teardown.

Helpers (plain functions): ``wait_idle(qtbot, worker)``, ``ask(qtbot, worker, fn)``,
``type_text(qtbot, widget, text)`` (like ``qtbot.keyClicks`` but also types non-ASCII text,
which QTest cannot).
All test data is synthetic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from mentorjournal.paths import VaultPaths
from ui.controller import AppController, JournalOpener
from ui.gc_guard import collected_on_gui_thread
from ui.prompts import ScriptedPrompts
from ui.settings import AppSettings
from ui.worker import JournalWorker

T = TypeVar("T")


def wait_idle(qtbot: QtBot, worker: JournalWorker, timeout: int = 10000) -> None:
    """Wait until every job queued on ``worker`` has answered (callbacks included)."""
    qtbot.waitUntil(lambda: worker.pending == 0, timeout=timeout)


def ask(qtbot: QtBot, worker: JournalWorker, fn: Callable[[Any], T]) -> T:
    """Run ``fn(journal)`` on the worker after everything queued and return its result."""
    box: list[Any] = []
    errors: list[BaseException] = []
    worker.query(fn, box.append, errors.append)
    qtbot.waitUntil(lambda: bool(box or errors), timeout=10000)
    if errors:
        raise errors[0]
    result: T = box[0]
    return result


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` key by key; characters QTest has no key for arrive as text-only key events."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


@pytest.fixture(autouse=True)
def _collect_garbage_on_gui_thread() -> Iterator[None]:
    """As in the app: no widget may be collected, and so destroyed, in the worker thread."""
    with collected_on_gui_thread():
        yield


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def ui_settings(tmp_path: Path) -> AppSettings:
    return AppSettings.at_path(tmp_path / "settings" / "mentorjournal.ini")


@pytest.fixture
def journal_worker(qtbot: QtBot, journal: Any) -> Iterator[JournalWorker]:
    worker = JournalWorker()
    worker.open(lambda: journal)
    wait_idle(qtbot, worker)
    yield worker
    try:
        wait_idle(qtbot, worker)
        worker.close(lambda _j: None)  # the journal fixture locks the vault itself
        wait_idle(qtbot, worker)
    finally:  # stopped even when the queue did not drain: no worker thread outlives its test
        worker.shutdown()


@pytest.fixture
def worker(journal_worker: JournalWorker) -> JournalWorker:
    """The page tests' name for ``journal_worker``."""
    return journal_worker


@dataclass(frozen=True)
class LockedVault:
    paths: VaultPaths
    passphrase: str
    recovery_key: str
    clock: ManualClock
    state_dir: Path


@pytest.fixture
def locked_vault(
    fast_kdf: Any,
    vault_paths: VaultPaths,
    passphrase: str,
    vault_clock: ManualClock,
    vault_state_dir: Path,
) -> LockedVault:
    from mentorjournal.journal import Journal
    from tests.fixtures.journal_fixtures import make_mentee, make_note

    journal, recovery_key = Journal.create(
        vault_paths, passphrase, clock=vault_clock, state_dir=vault_state_dir, kdf=fast_kdf
    )
    try:
        first = make_mentee(journal, code="M-001")
        make_mentee(journal, code="M-002")
        make_note(journal, first, text="Talked about anxiety before the college interview.")
    finally:
        journal.lock()
    return LockedVault(vault_paths, passphrase, recovery_key, vault_clock, vault_state_dir)


@pytest.fixture
def make_controller(
    qtbot: QtBot,
    fast_kdf: Any,
    prompts: ScriptedPrompts,
    ui_settings: AppSettings,
    vault_clock: ManualClock,
    vault_state_dir: Path,
    tmp_path: Path,
) -> Iterator[Callable[..., AppController]]:
    made: list[AppController] = []

    def make(paths: VaultPaths, **overrides: Any) -> AppController:
        options: dict[str, Any] = {
            "worker": JournalWorker(),
            "prompts": prompts,
            "settings": ui_settings,
            "clock": vault_clock,
            "paths": paths,
            "opener": JournalOpener(vault_clock, vault_state_dir, kdf=fast_kdf),
            "demo_paths": VaultPaths(tmp_path / "demo-vault"),
            "watch_system_lock": False,
        }
        options.update(overrides)
        controller = AppController(**options)
        made.append(controller)
        return controller

    yield make
    for controller in made:
        controller.shutdown()
        for name in ("welcome", "create", "unlock", "main"):
            window = controller.window(name)
            if window is not None:
                window.hide()
                window.deleteLater()
