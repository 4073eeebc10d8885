"""At the default debounce a long note is saved after typing stops, never before.

No wall-clock bound is asserted (the project keeps speed in ``make bench``): "never before" is
proved by the order of the worker's queue, and the time from the last keystroke to "Saved" is
only printed (about 730-750 ms on the development machine).
"""

from __future__ import annotations

import time

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import ask
from ui.pages.sessions.page import SessionsTab
from ui.worker import JournalWorker


def test_default_autosave_waits_for_typing_to_stop_then_saves_a_long_note(
    qtbot: QtBot, journal_worker: JournalWorker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = SessionsTab(journal_worker, prompts)  # default 700 ms debounce
    qtbot.addWidget(tab)
    tab.set_mentee(mentee.id)
    tab.new_note()
    qtbot.waitUntil(lambda: tab.editor.note_id is not None, timeout=5000)
    words = " ".join(["steady"] * 1000)  # a long note: 1,000 words
    body = tab.editor.sections.editors()[0]
    body.setPlainText(words)
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, ".")
    last_key = time.monotonic()
    saver = tab.editor.autosaver
    assert saver.dirty and saver.in_flight == 0, "a save was sent while the mentor typed"
    assert saver.waiting and saver.delay_ms == 700, "no save waits for the default pause"
    note_id = tab.editor.note_id
    # Queued now, so answered before any save the debounce sends later: still the old text.
    assert not ask(qtbot, journal_worker, lambda j: j.get_note(note_id)).text.endswith("steady.")
    qtbot.waitUntil(lambda: tab.editor.status.text().startswith("Saved"), timeout=3000)
    elapsed = time.monotonic() - last_key
    assert ask(qtbot, journal_worker, lambda j: j.get_note(note_id)).text.endswith("steady.")
    print(f"autosave landed {elapsed * 1000:.0f} ms after the last keystroke")
