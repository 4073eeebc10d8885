"""The search results' delegate lays out each row's HTML once and forgets it with the rows."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from ui.pages.search.dialog import SearchAnswer, SearchDialog
from ui.pages.search.models import SearchRow
from ui.worker import JournalWorker


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[SearchDialog]:
    worker = JournalWorker()
    dialog = SearchDialog(worker)
    qtbot.addWidget(dialog)
    yield dialog
    worker.shutdown()


def _rows(count: int) -> list[SearchRow]:
    return [
        SearchRow(
            "session", f"id{n}", "m1", "2026-11-0{n % 9 + 1}", "", f"we talked \x02about\x03 {n}"
        )
        for n in range(count)
    ]


def _painted(qtbot: QtBot, dialog: SearchDialog, rows: list[SearchRow]) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog._show(dialog.generation, SearchAnswer(rows))
    dialog.results.viewport().repaint()


def test_each_row_is_laid_out_once_for_its_size_and_its_paint(
    qtbot: QtBot, dialog: SearchDialog
) -> None:
    rows = _rows(50)
    _painted(qtbot, dialog, rows)
    width = dialog.results.viewport().width()
    at_width = [key for key in dialog.delegate._documents if key[1] == width]
    assert len(at_width) == len(rows)  # sized and painted from one layout per row
    assert len(dialog.delegate._documents) < 2 * len(rows)  # not laid out again, narrower
    keys_after_paint = set(dialog.delegate._documents)
    dialog.results.viewport().repaint()  # a second paint lays out nothing new
    assert set(dialog.delegate._documents) == keys_after_paint


def test_new_rows_and_clearing_drop_the_old_documents(qtbot: QtBot, dialog: SearchDialog) -> None:
    _painted(qtbot, dialog, _rows(20))
    assert dialog.delegate._documents
    dialog._show(dialog.generation, SearchAnswer([]))
    assert dialog.delegate._documents == {}
    _painted(qtbot, dialog, _rows(5))
    dialog.clear()  # on lock: no note text may stay behind in a cached layout
    assert dialog.delegate._documents == {}
