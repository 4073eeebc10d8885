"""The ordered, editable items of one coping-plan section, reorderable by drag and by keyboard.

Why a custom list model rather than QStringListModel: the Move up/down buttons, drag-and-drop
internal moves and inline editing must all go through ``moveRows``/``setData`` so the view keeps
its selection and the tab knows the plan is modified (``edited``).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ui.models.record_model import Column, RecordTableModel, text_or_dash

_Index = QModelIndex | QPersistentModelIndex
_MIME = "application/x-mentorjournal-plan-rows"


class PlanItemsModel(QAbstractListModel):
    """One section's items; ``edited`` fires after any change the user made."""

    edited = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[str] = []

    # -- content ---------------------------------------------------------------------------
    def set_items(self, items: Sequence[str]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> tuple[str, ...]:
        """Non-blank items, trimmed, in order (what a saved version holds)."""
        return tuple(item.strip() for item in self._items if item.strip())

    def clear(self) -> None:
        self.set_items(())

    def add_item(self, text: str, row: int | None = None) -> int:
        row = len(self._items) if row is None else max(0, min(row, len(self._items)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._items.insert(row, text)
        self.endInsertRows()
        self.edited.emit()
        return row

    def remove_item(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self.removeRows(row, 1)

    def move_item(self, row: int, delta: int) -> int:
        """Move one item up (-1) or down (+1); returns its new row (unchanged at the ends)."""
        target = row + delta
        if not (0 <= row < len(self._items) and 0 <= target < len(self._items)):
            return row
        destination = target + 1 if delta > 0 else target
        self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)
        return target

    # -- QAbstractListModel ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self._items[index.row()]
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if not 0 <= index.row() < len(self._items) or not isinstance(value, str):
            return False
        if self._items[index.row()] == value:
            return True
        self._items[index.row()] = value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.edited.emit()
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def removeRows(self, row: int, count: int, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or count < 1 or row < 0 or row + count > len(self._items):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._items[row : row + count]
        self.endRemoveRows()
        self.edited.emit()
        return True

    def moveRows(
        self,
        source_parent: _Index,
        source_row: int,
        count: int,
        destination_parent: _Index,
        destination_child: int,
    ) -> bool:
        if source_parent.isValid() or destination_parent.isValid() or count < 1:
            return False
        if source_row < 0 or source_row + count > len(self._items):
            return False
        if not 0 <= destination_child <= len(self._items):
            return False
        if source_row <= destination_child <= source_row + count:
            return False  # a move onto itself
        if not self.beginMoveRows(
            QModelIndex(), source_row, source_row + count - 1, QModelIndex(), destination_child
        ):
            return False
        moving = self._items[source_row : source_row + count]
        del self._items[source_row : source_row + count]
        insert_at = (
            destination_child - count if destination_child > source_row else destination_child
        )
        self._items[insert_at:insert_at] = moving
        self.endMoveRows()
        self.edited.emit()
        return True

    # -- drag and drop (internal move) -----------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime.setData(_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        return data.hasFormat(_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        raw = bytes(data.data(_MIME).data()).decode()
        rows = [int(r) for r in raw.split(",") if r]
        if len(rows) != 1:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._items)
        self.moveRows(QModelIndex(), rows[0], 1, QModelIndex(), row)
        # The move is done here; returning False stops the view from also removing the source.
        return False


class PlanVersionColumn(IntEnum):
    VERSION = 0
    SAVED = 1
    ITEMS = 2
    NOTE = 3


class PlanVersionsModel(RecordTableModel):
    """Every saved version of a plan, newest first (the history list)."""

    COLUMNS = (
        Column("Version", lambda v: str(v.version), sort_key=lambda v: v.version),
        Column(
            "Saved",
            lambda v: f"{v.saved_at.astimezone():%d %b %Y %H:%M}",
            sort_key=lambda v: v.saved_at,
        ),
        Column(
            "Items", lambda v: str(sum(len(items) for _s, items in v.sections)), align_right=True
        ),
        Column("Note", lambda v: text_or_dash(v.note), tooltip=lambda v: v.note),
    )
