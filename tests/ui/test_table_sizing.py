"""Column sizing of a long list reads a sample of its rows, not every one of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.models.record_model import Column, RecordTableModel
from ui.widgets.tables import SIZING_ROWS, read_only_table


class _CountingModel(RecordTableModel):
    COLUMNS = (
        Column("Day", lambda r: f"2026-01-{r % 28 + 1:02d}"),
        Column("Mode", lambda r: "in person" if r % 2 else "phone"),
        Column("Minutes", lambda r: str(30 + r % 4 * 15)),
        Column("Note", lambda r: "we talked about college " * (1 + r % 3)),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows_read: set[int] = set()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            self.rows_read.add(index.row())
        return super().data(index, role)


def test_a_long_list_sizes_its_columns_from_a_sample_of_rows(qtbot: QtBot) -> None:
    model = _CountingModel()
    view = read_only_table(model, "Sessions", stretch_column=3)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    model.set_records(list(range(2000)))  # a mentee's whole history
    view.horizontalHeader().resizeSections(view.horizontalHeader().ResizeMode.ResizeToContents)
    # Not a sleep: run what the view has queued (the refit after new rows), then paint now,
    # so every row the view would read for sizing and showing has been read before counting.
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not view._refit_timer.isActive(), timeout=5000)
    view.grab()
    assert 0 < len(model.rows_read) <= SIZING_ROWS + 50  # the sample and the rows on show
    assert view.columnWidth(0) >= view.fontMetrics().horizontalAdvance("2026-01-01")
