"""The mentee list: codes only (never names), with a filter box, status filter and archive toggle.

Why a small row type instead of the domain ``Mentee``: the list must not hold names, dates of
birth or phone numbers in GUI memory longer than needed, and a plain frozen row keeps the
model independent of how the journal spells its classes.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

if TYPE_CHECKING:
    from mentorjournal.domain.mentee import Mentee, MenteeListing
    from mentorjournal.journal import Journal

_Index = QModelIndex | QPersistentModelIndex

#: Role carrying the mentee's id (UUID string) for every column.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role carrying the status value ("active", "paused", "closed").
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
#: Role carrying True when the mentee is archived.
ARCHIVED_ROLE = Qt.ItemDataRole.UserRole + 3


class Column(enum.IntEnum):
    CODE = 0
    STATUS = 1


_HEADERS = {Column.CODE: "Code", Column.STATUS: "Status"}


@dataclass(frozen=True)
class MenteeRow:
    """What the list shows about one mentee: the pseudonym code, status and archive flag."""

    id: str
    code: str
    status: str
    archived: bool = False

    @classmethod
    def from_domain(cls, mentee: Mentee | MenteeListing) -> MenteeRow:
        return cls(
            id=mentee.id,
            code=mentee.code,
            status=mentee.status.value,
            archived=mentee.archived,
        )


def load_mentee_rows(journal: Journal) -> list[MenteeRow]:
    """Runs in the worker thread: every mentee (archived too; the proxy hides them), by code.

    Reads the code-only listings, so no name or birth date is loaded to show the list.
    """
    return [MenteeRow.from_domain(m) for m in journal.mentee_listings()]


def _display(row: MenteeRow, column: int) -> str:
    if column == Column.CODE:
        return row.code
    text = row.status.capitalize()
    return f"{text} (archived)" if row.archived else text


# Roles as plain ints looked up once: ``data`` runs ~750 times when 100 mentees are sorted and
# filtered, and each call used to convert the column to an enum and build a dict with a
# formatted tooltip.
_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.AccessibleTextRole)})
_ROLE_VALUES: dict[int, Callable[[MenteeRow], Any]] = {
    int(ARCHIVED_ROLE): lambda row: row.archived,
    int(STATUS_ROLE): lambda row: row.status,
    int(ID_ROLE): lambda row: row.id,
    int(Qt.ItemDataRole.ToolTipRole): lambda row: (
        f"{row.code}: {row.status}" + (", archived" if row.archived else "")
    ),
}
_COLUMNS = len(Column)


class MenteeListModel(QAbstractTableModel):
    """Rows of :class:`MenteeRow`; replaced wholesale on refresh, emptied on lock."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MenteeRow] = []

    def set_rows(self, rows: Sequence[MenteeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def row_of(self, mentee_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == mentee_id), -1)

    def mentee(self, row: int) -> MenteeRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in _TEXT_ROLES:
            return _display(row, index.column())
        value = _ROLE_VALUES.get(role)
        return None if value is None else value(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(Column)
        ):
            return _HEADERS[Column(section)]
        return None


class MenteeFilterProxy(QSortFilterProxyModel):
    """Filters by text in the code, by status ("" = any) and hides archived unless asked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._status = ""
        self._show_archived = False
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(Column.CODE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange()

    def set_show_archived(self, show: bool) -> None:
        self.beginFilterChange()
        self._show_archived = show
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, Column.CODE, source_parent)
        if not self._show_archived and model.data(index, ARCHIVED_ROLE):
            return False
        if self._status and model.data(index, STATUS_ROLE) != self._status:
            return False
        return super().filterAcceptsRow(source_row, source_parent)
