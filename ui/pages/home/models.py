"""The caseload home's tables: this week's appointments and one row per active mentee.

The caseload model's columns each answer "is there something to do here?"; the proxy sorts on
natural values (dates, numbers) and can keep only mentees who need attention.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from mentorjournal.domain.appointments import MODE_LABELS
from mentorjournal.domain.caseload import CaseloadEntry, LatestMeasure
from mentorjournal.domain.measures import Instrument
from ui.models.record_model import Column, RecordRole, SortRole
from ui.models.stored_model import StoredTableModel

_Index = QModelIndex | QPersistentModelIndex
_FAR = 1_000_000


def _count(value: int) -> str:
    return str(value) if value else "–"


def when_text(moment: Any) -> str:
    return f"{moment.astimezone():%a %d %b, %H:%M}"


class AppointmentColumn(IntEnum):
    WHEN = 0
    MENTEE = 1
    LENGTH = 2
    MODE = 3
    STATUS = 4


class WeekAppointmentsModel(StoredTableModel):
    """Appointments (``AppointmentListing``) from today for a week."""

    COLUMNS = (
        Column("When", lambda x: when_text(x.appointment.at), sort_key=lambda x: x.appointment.at),
        Column("Mentee", lambda x: x.mentee_code),
        Column(
            "Length",
            lambda x: f"{x.appointment.minutes} min",
            sort_key=lambda x: x.appointment.minutes,
            align_right=True,
        ),
        Column("Mode", lambda x: MODE_LABELS[x.appointment.mode]),
        Column("Status", lambda x: x.appointment.status.label),
    )

    def record_id(self, record: Any) -> str | None:
        return str(record.appointment.id)


class CaseloadColumn(IntEnum):
    MENTEE = 0
    ATTENTION = 1
    LAST_SESSION = 2
    NEXT = 3
    MEASURES = 4
    GAS = 5


def _last(e: CaseloadEntry) -> str:
    if e.last_session is None or e.days_since_last_session is None:
        return "Never"
    days = e.days_since_last_session
    ago = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
    return f"{e.last_session:%d %b} ({ago})"


def _next(e: CaseloadEntry) -> str:
    a = e.next_appointment
    return "None planned" if a is None else f"{when_text(a.at)}, {MODE_LABELS[a.mode].lower()}"


def _measure(m: LatestMeasure) -> str:
    """``PHQ-9 11 (-4)``: score and change, the compact form the table has room for.

    The published band is in the tooltip, where the whole of ``describe()`` is."""
    text = f"{m.instrument.label} {m.score}"
    if m.change is None:
        return text
    return f"{text} ({'±0' if m.change == 0 else f'{m.change:+d}'})"


def _in_order(e: CaseloadEntry) -> list[LatestMeasure]:
    """PHQ-9 before GAD-7, as the questionnaires are offered."""
    order = list(Instrument)
    return sorted(e.latest_measures, key=lambda m: order.index(m.instrument))


def _measures(e: CaseloadEntry) -> str:
    return "; ".join(_measure(m) for m in _in_order(e)) or "–"


def _gas(e: CaseloadEntry) -> str:
    return "–" if e.gas_t_score is None else f"{e.gas_t_score:.0f}"


def _urgency(e: CaseloadEntry) -> int:
    """Open risk follow-ups first, then how many reasons, then the longest unseen.

    One number, since the proxy compares sort values as Qt variants (not Python tuples)."""
    unseen = 9_999 if e.days_since_last_session is None else min(e.days_since_last_session, 9_999)
    return min(e.open_risk_followups, 99) * 1_000_000 + len(e.attention_items()) * 10_000 + unseen


#: The page each column opens for its mentee (the kinds ``MainWindow.open_record`` knows).
#: "Needs attention" opens what its first (most urgent) reason is about.
COLUMN_KINDS: dict[CaseloadColumn, str] = {
    CaseloadColumn.MENTEE: "mentee",
    CaseloadColumn.ATTENTION: "mentee",
    CaseloadColumn.LAST_SESSION: "note",
    CaseloadColumn.NEXT: "appointment",
    CaseloadColumn.MEASURES: "measure",
    CaseloadColumn.GAS: "goal",
}


def kind_for(entry: CaseloadEntry, column: CaseloadColumn) -> str:
    """The kind of record a cell opens: its column's, or the most urgent reason's."""
    if column is CaseloadColumn.ATTENTION:
        items = entry.attention_items()
        return items[0].kind if items else "mentee"
    return COLUMN_KINDS[column]


class CaseloadModel(StoredTableModel):
    """One ``CaseloadEntry`` per active mentee.

    Six columns so the table reads at a glance without scrolling sideways: the counts (risk
    follow-ups, drafts, reviews due) are the "Needs attention" reasons, most urgent first; its
    tooltip lists them one per line and opening it goes to the first.
    """

    COLUMNS = (
        Column("Mentee", lambda e: e.mentee_code),
        Column("Needs attention", lambda e: "; ".join(e.attention_reasons()) or "–",
               sort_key=_urgency,
               tooltip=lambda e: "\n".join(e.attention_reasons()) or "Nothing due"),
        Column(
            "Last session",
            _last,
            sort_key=lambda e: _FAR if e.days_since_last_session is None else e.days_since_last_session,
        ),
        Column(
            "Next appointment",
            _next,
            sort_key=lambda e: "~" if e.next_appointment is None else e.next_appointment.at.isoformat(),
        ),
        Column("Latest measures", _measures,
               sort_key=lambda e: max((m.score for m in e.latest_measures), default=-1),
               tooltip=lambda e: "\n".join(m.describe() for m in _in_order(e)) or "None yet"),
        Column("GAS T", _gas, sort_key=lambda e: -1.0 if e.gas_t_score is None else e.gas_t_score,
               align_right=True),
    )  # fmt: skip

    def record_id(self, record: Any) -> str | None:
        return str(record.mentee_id)


class CaseloadProxy(QSortFilterProxyModel):
    """Sorts on natural values; "needs attention" keeps only mentees with a reason."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._attention_only = False
        self.setSortRole(SortRole)

    @property
    def attention_only(self) -> bool:
        return self._attention_only

    def set_attention_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._attention_only = on
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._attention_only:
            return True
        model = self.sourceModel()
        entry = model.data(model.index(source_row, 0, source_parent), RecordRole)
        return isinstance(entry, CaseloadEntry) and entry.needs_attention
