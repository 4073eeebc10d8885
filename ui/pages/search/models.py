"""Search hits as a list model, with highlighted snippets for the delegate to draw.

The search index marks matches with ``\\x02``…``\\x03`` (see the core's search module); this
model turns them into escaped HTML bold for display and strips them for plain text roles, so
screen readers read clean text.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

#: The snippet as safe HTML with matches in bold.
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
#: (kind, record_id, mentee_id or "") for routing the hit.
TARGET_ROLE = Qt.ItemDataRole.UserRole + 2

_KIND_LABELS = {
    "note": "Session note",
    "addendum": "Addendum",
    "goal": "Goal",
    "progress": "Goal progress",
    "plan": "Coping plan",
    "reflection": "Reflection",
    "supervision": "Supervision",
}


def plain(snippet: str) -> str:
    return snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "")


def highlighted_html(snippet: str) -> str:
    """Escape everything, then turn the markers into <b> (no user text becomes markup)."""
    escaped = html.escape(snippet)
    return escaped.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


class SearchHitLike(Protocol):
    """What the journal's search returns for one hit (the storage type, seen from the UI)."""

    @property
    def kind(self) -> str: ...
    @property
    def record_id(self) -> str: ...
    @property
    def mentee_id(self) -> str | None: ...
    @property
    def day(self) -> date | None: ...
    @property
    def title(self) -> str: ...
    @property
    def snippet(self) -> str: ...
    @property
    def mentee_code(self) -> str | None: ...


@dataclass(frozen=True)
class SearchRow:
    kind: str
    record_id: str
    mentee_id: str
    day: str
    title: str
    snippet: str
    mentee_code: str = ""

    @classmethod
    def from_hit(cls, hit: SearchHitLike) -> SearchRow:
        return cls(
            kind=hit.kind,
            record_id=hit.record_id,
            mentee_id=hit.mentee_id or "",
            day=hit.day.isoformat() if hit.day is not None else "",
            title=hit.title,
            snippet=hit.snippet,
            mentee_code=hit.mentee_code or "",
        )

    @property
    def heading(self) -> str:
        parts = [_KIND_LABELS.get(self.kind, self.kind.capitalize())]
        if self.mentee_code:
            parts.append(self.mentee_code)
        if self.day:
            parts.append(self.day)
        if self.title:
            parts.append(self.title)
        return " · ".join(parts)


class SearchResultsModel(QAbstractListModel):
    """The current query's hits; replaced per answer, emptied on lock."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SearchRow] = []

    def set_rows(self, rows: Sequence[SearchRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def hit(self, row: int) -> SearchRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.heading}\n{plain(row.snippet)}"
        if role == HTML_ROLE:
            return f"<small>{html.escape(row.heading)}</small><br>{highlighted_html(row.snippet)}"
        if role == TARGET_ROLE:
            return (row.kind, row.record_id, row.mentee_id)
        return None
