"""A read-only table model over a list of frozen domain records, described by column specs.

Why one base: every list in the content views (sessions, goals, contacts, consents, CPD, ...)
is "a tuple of frozen records shown in columns". Each model module declares its column
``IntEnum`` and a tuple of :class:`Column` specs; this base does the Qt bookkeeping once, so the
behaviour tested by ``qtmodeltester`` is the same everywhere. Records are replaced wholesale
from a worker query result (``set_records``) and dropped on lock (``clear``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from ui.icons import icon

#: The whole record behind a row (any column).
RecordRole = Qt.ItemDataRole.UserRole + 1
#: The record's id (``record.id``), for selection restore and opening editors.
IdRole = Qt.ItemDataRole.UserRole + 2
#: A value that sorts naturally (dates, numbers) rather than its display text.
SortRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
#: The roles ``RecordTableModel.data`` answers; any other is None without looking anything up.
_ANSWERED = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        RecordRole,
        IdRole,
        SortRole,
    )
)


class RecordRows:
    """The record behind each row, by row or by id: shared by both table model bases."""

    _records: list[Any]

    def records(self) -> tuple[Any, ...]:
        return tuple(self._records)

    def record_at(self, row: int) -> Any:
        return self._records[row]

    def record_id(self, record: Any) -> str | None:
        """The id a row answers to (override when the record wraps another, e.g. an overview)."""
        value = getattr(record, "id", None)
        return value if isinstance(value, str) else None

    def row_of(self, record_id: str) -> int:
        """The row of the record with this id, or -1."""
        for row, record in enumerate(self._records):
            if self.record_id(record) == record_id:
                return row
        return -1


@dataclass(frozen=True)
class Column:
    """How one column shows a record: header, display text, and optional sort key / tooltip."""

    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any], str] | None = None
    align_right: bool = False
    #: The name of a :mod:`ui.icons` icon shown before the text (a status at a glance).
    icon: Callable[[Any], str | None] | None = None


class RecordTableModel(RecordRows, QAbstractTableModel):
    """Rows are records, columns come from ``COLUMNS`` (set by each subclass)."""

    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[Any] = []

    # -- data in and out -------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        """Replace every row (a fresh query result)."""
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def clear(self) -> None:
        """Drop every record (lock): nothing of the vault stays in memory here."""
        self.set_records(())

    # -- QAbstractTableModel ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:
            # Sizing a column asks every cell for eight roles; five of them were answered None
            # only after the record and column lookups (~40% of a caseload table's first fill).
            return None
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        if not 0 <= index.column() < len(self.COLUMNS):
            return None
        return self._cell(index.row(), index.column(), role)

    def _cell(self, row: int, col: int, role: int) -> Any:  # noqa: PLR0911
        record = self._records[row]
        column = self.COLUMNS[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.display(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(record) if column.tooltip else None
        if role == Qt.ItemDataRole.DecorationRole:
            name = column.icon(record) if column.icon else None
            return icon(name) if name else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == RecordRole:
            return record
        if role == IdRole:
            return self.record_id(record)
        if role == SortRole:
            return column.sort_key(record) if column.sort_key else column.display(record)
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section].header
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def text_or_dash(value: object) -> str:
    """Display helper: empty values show as an en dash so a blank cell is never ambiguous."""
    if value is None or value == "":
        return "–"
    return str(value)
