"""A read-only record table whose cells are worked out once and kept in Qt's own item model.

Why: a view asks its model for much more than it shows. Laying out and painting the caseload
home asked a Python model (``RecordTableModel``) for about 7,500 cells and 10,000 row and
column counts, each a call from C++ into Python, ~45 ms of CPU between the unlock and the home
on screen. Here ``set_records`` computes each cell's text, tooltip, alignment and sort value
once, into ``QStandardItem``s; after that every question the view, the header and a sorting
proxy ask is answered in C++. Worth it for a table that is filled wholesale and read many times
(the home); the other tables keep ``RecordTableModel``, which computes cells on demand.

Same contract as ``RecordTableModel``: ``COLUMNS`` of :class:`Column`, ``set_records``,
``clear``, ``records``, ``record_at``, ``record_id``, ``row_of``, and the same roles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from ui.icons import icon
from ui.models.record_model import Column, IdRole, RecordRole, RecordRows, SortRole

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class StoredTableModel(RecordRows, QStandardItemModel):
    """Rows are records, columns come from ``COLUMNS``; cells are computed at ``set_records``."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self.setHorizontalHeaderLabels([c.header for c in self.COLUMNS])
        self._records: list[Any] = []

    # -- data in and out -------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        """Replace every row (a fresh query result): one reset, not a signal per row."""
        rows = [self._row(record) for record in records]
        self.beginResetModel()
        blocked = self.blockSignals(True)  # the per-row inserts below; the reset says it all
        try:
            self.setRowCount(0)
            for items in rows:
                self.appendRow(items)
            self._records = list(records)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    def _row(self, record: Any) -> list[QStandardItem]:
        record_id = self.record_id(record)
        items: list[QStandardItem] = []
        for column in self.COLUMNS:
            text = column.display(record)
            item = QStandardItem(text)
            item.setFlags(_FLAGS)
            item.setData(record, RecordRole)
            item.setData(record_id, IdRole)
            item.setData(column.sort_key(record) if column.sort_key else text, SortRole)
            if column.tooltip is not None:
                item.setToolTip(column.tooltip(record))
            if column.align_right:
                item.setData(_RIGHT, Qt.ItemDataRole.TextAlignmentRole)
            if column.icon is not None:
                name = column.icon(record)
                if name:
                    item.setIcon(icon(name))
            items.append(item)
        return items

    def clear(self) -> None:  # rows only: the headers stay
        """Drop every record (lock): nothing of the vault stays in memory here."""
        self.set_records(())
