"""The supervision agenda: flagged reflections and notes grouped by Proctor's three functions.

A two-level tree (function -> items) because a supervisor works through normative,
formative and restorative matters in turn. Items start in a sensible group (a note flagged for
risk is normative: safeguarding; a reflection formative) and the mentor can move them
(``set_function``) and give each an optional seven-eyed focus (``set_focus``) before recording
the session; :meth:`AgendaModel.agenda_items` turns the rows into domain ``AgendaItem`` values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mentorjournal.domain.supervision import (
    AgendaCandidate,
    AgendaItem,
    SourceKind,
    SupervisionFocus,
    SupervisionFunction,
)
from mentorjournal.domain.supervision_ledger import SupervisionSignOff
from ui.models.record_model import (
    Column,
    IdRole,
    RecordRole,
    RecordTableModel,
    SortRole,
    text_or_dash,
)

_Index = QModelIndex | QPersistentModelIndex

FUNCTION_LABELS: dict[SupervisionFunction, str] = {
    SupervisionFunction.NORMATIVE: "Normative (standards, ethics, safeguarding)",
    SupervisionFunction.FORMATIVE: "Formative (learning and skills)",
    SupervisionFunction.RESTORATIVE: "Restorative (support and wellbeing)",
}
_FUNCTIONS = tuple(SupervisionFunction)
#: internalId of top-level (function) rows; item rows carry their function's index + 1.
_TOP = 0


class AgendaColumn(IntEnum):
    ITEM = 0
    SOURCE = 1
    WHEN = 2
    FOCUS = 3


@dataclass(frozen=True)
class AgendaRow:
    """One candidate placed in a group, with its optional focus."""

    candidate: AgendaCandidate
    function: SupervisionFunction
    focus: SupervisionFocus | None = None

    @property
    def id(self) -> str:
        return self.candidate.source_id


def default_function(candidate: AgendaCandidate) -> SupervisionFunction:
    """Notes come to supervision for risk or practice standards; reflections for learning."""
    if candidate.source_kind is SourceKind.NOTE:
        return SupervisionFunction.NORMATIVE
    return SupervisionFunction.FORMATIVE


class AgendaModel(QAbstractItemModel):
    """Top level: the three functions (once loaded); children: agenda rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: dict[SupervisionFunction, list[AgendaRow]] = {f: [] for f in _FUNCTIONS}
        self._codes: dict[str, str] = {}
        #: False until loaded and again after ``clear`` (lock): then not even the groups show.
        self._loaded = False

    # -- content ---------------------------------------------------------------------------
    def set_candidates(
        self,
        candidates: Sequence[AgendaCandidate],
        mentee_codes: dict[str, str] | None = None,
        classify: Callable[[AgendaCandidate], SupervisionFunction] = default_function,
    ) -> None:
        """Fill from the journal's flagged items, keeping placements the mentor already chose."""
        previous = {row.id: row for row in self.rows()}
        self.beginResetModel()
        self._groups = {f: [] for f in _FUNCTIONS}
        for candidate in sorted(candidates, key=lambda c: c.when):
            old = previous.get(candidate.source_id)
            row = (
                replace(old, candidate=candidate)
                if old is not None
                else AgendaRow(candidate, classify(candidate))
            )
            self._groups[row.function].append(row)
        if mentee_codes is not None:
            self._codes = dict(mentee_codes)
        self._loaded = True
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._groups = {f: [] for f in _FUNCTIONS}
        self._codes = {}
        self._loaded = False
        self.endResetModel()

    def rows(self, function: SupervisionFunction | None = None) -> list[AgendaRow]:
        functions = _FUNCTIONS if function is None else (function,)
        return [row for f in functions for row in self._groups[f]]

    def set_function(self, source_id: str, function: SupervisionFunction) -> None:
        row = self._take(source_id)
        if row is None:
            return
        self.beginResetModel()
        self._groups[function].append(replace(row, function=function))
        self.endResetModel()

    def set_focus(self, source_id: str, focus: SupervisionFocus | None) -> None:
        for function, rows in self._groups.items():
            for position, row in enumerate(rows):
                if row.id == source_id:
                    rows[position] = replace(row, focus=focus)
                    top = self.index(_FUNCTIONS.index(function), 0)
                    changed = self.index(position, AgendaColumn.FOCUS, top)
                    self.dataChanged.emit(changed, changed)
                    return

    def agenda_items(self, new_id: Callable[[], str]) -> tuple[AgendaItem, ...]:
        """Domain agenda items for a supervision record (question = the item's title)."""
        return tuple(
            AgendaItem(
                id=new_id(),
                question=row.candidate.title,
                function=row.function,
                focus=row.focus,
                source_kind=row.candidate.source_kind,
                source_id=row.candidate.source_id,
            )
            for row in self.rows()
        )

    def _take(self, source_id: str) -> AgendaRow | None:
        for function, rows in self._groups.items():
            for position, row in enumerate(rows):
                if row.id == source_id:
                    self.beginResetModel()
                    del self._groups[function][position]
                    self.endResetModel()
                    return row
        return None

    # -- QAbstractItemModel ----------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(_FUNCTIONS) if self._loaded else 0
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._groups[_FUNCTIONS[parent.row()]])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(AgendaColumn)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _TOP:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Item", "From", "When", "Focus")[section] if 0 <= section < 4 else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            return self._group_data(index, role)
        rows = self._groups[_FUNCTIONS[int(index.internalId()) - 1]]
        if not 0 <= index.row() < len(rows):
            return None
        row = rows[index.row()]
        values: dict[int, Any] = {RecordRole: row, IdRole: row.id}
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == AgendaColumn.ITEM:
            return row.candidate.reason
        return values.get(role)

    def _group_data(self, index: _Index, role: int) -> Any:
        function = _FUNCTIONS[index.row()]
        if index.column() != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            count = len(self._groups[function])
            return f"{FUNCTION_LABELS[function]} — {count} item{'s' if count != 1 else ''}"
        return function if role == RecordRole else None

    def _display(self, row: AgendaRow, column: int) -> str:
        candidate = row.candidate
        if column == AgendaColumn.ITEM:
            return candidate.title
        if column == AgendaColumn.SOURCE:
            kind = (
                "Reflection" if candidate.source_kind is SourceKind.REFLECTION else "Session note"
            )
            code = self._codes.get(candidate.mentee_id or "", "")
            return f"{kind} ({code})" if code else kind
        if column == AgendaColumn.WHEN:
            return f"{candidate.when.astimezone():%d %b %Y}"
        return row.focus.label if row.focus is not None else "–"


class ActionColumn(IntEnum):
    TEXT = 0
    OWNER = 1
    DUE = 2
    DONE = 3


class ActionsModel(RecordTableModel):
    """Agreed actions of a supervision session (what, who, by when, done)."""

    COLUMNS = (
        Column("Action", lambda a: a.text, tooltip=lambda a: a.text),
        Column("Owner", lambda a: text_or_dash(a.owner)),
        Column(
            "Due",
            lambda a: "–" if a.due_on is None else f"{a.due_on:%d %b %Y}",
            sort_key=lambda a: a.due_on,
        ),
        Column("Done", lambda a: "Done" if a.done else "Open"),
    )


class SupervisionColumn(IntEnum):
    DATE = 0
    SUPERVISOR = 1
    ITEMS = 2
    OPEN_ACTIONS = 3


class SupervisionSessionsModel(RecordTableModel):
    """Past supervision sessions, newest first, with their length and sign-off."""

    COLUMNS = (
        Column("Date", lambda s: f"{s.held_on:%d %b %Y}", sort_key=lambda s: s.held_on),
        Column("Supervisor", lambda s: s.supervisor),
        Column(
            "Length",
            lambda s: "–" if s.minutes is None else f"{s.minutes} min",
            sort_key=lambda s: s.minutes or 0,
            align_right=True,
        ),
        Column("Agenda items", lambda s: str(len(s.agenda)), align_right=True),
        Column(
            "Open actions",
            lambda s: str(sum(1 for a in s.actions if not a.done)),
            align_right=True,
        ),
        Column("Signed off", lambda _s: ""),  # filled from the sign-offs (``_cell``)
    )
    SIGNED_OFF_COLUMN = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signed_off: dict[str, str] = {}
        self._signers: dict[str, str] = {}

    def set_signoffs(self, signoffs: dict[str, SupervisionSignOff]) -> None:
        """Which sessions are signed off (set before ``set_records``)."""
        self._signed_off = {key: f"{s.signed_on:%d %b %Y}" for key, s in signoffs.items()}
        self._signers = {key: s.name for key, s in signoffs.items()}

    def is_signed_off(self, supervision_id: str) -> bool:
        return supervision_id in self._signed_off

    def signed_off_on(self, supervision_id: str) -> str:
        return self._signed_off.get(supervision_id, "")

    def signoff_line(self, supervision_id: str) -> str:
        """ "by Dr A on 12 Nov 2026" for the record form's state line."""
        return f"by {self._signers.get(supervision_id, '')} on {self._signed_off.get(supervision_id, '')}"

    def clear(self) -> None:
        self._signed_off = {}
        self._signers = {}
        super().clear()

    def _cell(self, row: int, col: int, role: int) -> Any:
        if col == self.SIGNED_OFF_COLUMN:
            key = self.record_at(row).id
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._signed_off.get(key, "not yet")
            if role == SortRole:
                return self._signed_off.get(key, "")
            if role == Qt.ItemDataRole.ToolTipRole and key in self._signers:
                return f"Signed off by {self._signers[key]} on {self._signed_off[key]}"
        return super()._cell(row, col, role)
