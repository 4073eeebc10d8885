"""The caseload home, the first page after unlock: who needs me this week?

Top: today's and this week's appointments. Below: one row per active mentee with the last
session, the next appointment, open risk follow-ups, unsigned drafts, reviews due, the latest
PHQ-9/GAD-7 with its change, and the GAS T-score. Sorting by any column and a "needs
attention" filter; activating a cell opens the part of the mentee's record it is about.
Everything is read in one worker query (the caseload is set-based, a few milliseconds even at
50,000 sessions), so the page is ready as soon as the window shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.appointments import AppointmentListing
from mentorjournal.domain.caseload import CaseloadEntry
from ui.models.record_model import RecordRole
from ui.pages.base import Page
from ui.pages.home.models import (
    CaseloadColumn,
    CaseloadModel,
    CaseloadProxy,
    WeekAppointmentsModel,
    kind_for,
)
from ui.prompts import Prompts
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal

#: Rows each column's width is measured from (Qt takes the ones on show first): the home is
#: the first page after unlock, and sizing every cell of both tables was most of its first
#: fill. Its columns hold values of much the same width (codes, dates, short counts).
HOME_SIZING_ROWS = 20

#: Change flags that can move a caseload figure.
WATCHED = (
    "mentees",
    "sessions",
    "goals",
    "plans",
    "contacts",
    "supervision",
    "appointments",
    "measures",
    "disclosures",
)


@dataclass(frozen=True)
class HomeData:
    today: date
    week: tuple[AppointmentListing, ...]
    caseload: tuple[CaseloadEntry, ...]


def load_home(journal: Any) -> HomeData:
    """Runs in the worker: the week's appointments and the caseload, in the mentor's zone."""
    return HomeData(
        journal.local_today(), tuple(journal.week_appointments()), tuple(journal.caseload())
    )


class HomePage(Page[HomeData]):
    """Appointments this week and the caseload table.

    ``record_requested`` carries (kind, record id or "", mentee id): the main window opens that
    part of the record.
    """

    #: Emitted after each load is shown (tests and the start-up benchmark wait on it).
    loaded = Signal()

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self.setObjectName("homePage")
        self.title = QLabel("Today")
        self.title.setObjectName("homeTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.week_model = WeekAppointmentsModel(self)
        self.week_view = read_only_table(
            self.week_model, "Appointments today and this week", single_selection=True
        )
        self.week_view.setObjectName("weekAppointments")
        self.week_view.activated.connect(self._open_appointment)
        self.title.setWordWrap(True)
        self.today_label = QLabel()
        self.today_label.setObjectName("todaySummary")
        self.today_label.setWordWrap(True)
        self.caseload_model = CaseloadModel(self)
        self.proxy = CaseloadProxy(self)
        self.proxy.setSourceModel(self.caseload_model)
        # "Needs attention" takes the spare width and elides; its tooltip lists every reason.
        self.caseload_view = read_only_table(
            self.proxy,
            "Caseload",
            single_selection=True,
            stretch_column=CaseloadColumn.ATTENTION,
        )
        self.caseload_view.setObjectName("caseloadTable")
        for view in (self.week_view, self.caseload_view):
            view.horizontalHeader().setResizeContentsPrecision(HOME_SIZING_ROWS)
        self.caseload_view.setSortingEnabled(True)
        self.caseload_view.sortByColumn(CaseloadColumn.ATTENTION, Qt.SortOrder.DescendingOrder)
        self.caseload_view.activated.connect(self._open_cell)
        self.attention = QCheckBox("Only mentees who &need attention")
        self.attention.setAccessibleName("Show only mentees who need attention")
        self.attention.toggled.connect(self._filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseloadCount")
        self.count_label.setWordWrap(True)
        self.export_button = QPushButton("&Export list…")
        self.export_button.setAccessibleName("Export the caseload list")
        self.export_button.clicked.connect(self.export_caseload)
        self.print_button = QPushButton("&Print list…")
        self.print_button.setAccessibleName("Print the caseload list")
        self.print_button.clicked.connect(self.print_caseload)
        self._build()

    def _build(self) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.title)
        top_layout.addWidget(self.today_label)
        top_layout.addWidget(self.week_view, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        heading = QLabel("Caseload")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        bar.addWidget(heading)
        bar.addWidget(self.count_label, 1)
        bottom_layout.addLayout(bar)
        bottom_layout.addWidget(self.attention)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        bottom_layout.addLayout(actions)
        hint = QLabel(
            "Open a row with Enter or a double click: each column opens the part of the record "
            "it is about, and Needs attention its most urgent item. Scores show change over "
            "time, never a diagnosis."
        )
        hint.setWordWrap(True)
        bottom_layout.addWidget(hint)
        bottom_layout.addWidget(self.caseload_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # -- page contract -----------------------------------------------------------------------
    def _loader(self) -> Callable[[Journal], HomeData]:
        return load_home

    def _show(self, data: HomeData) -> None:
        self.show_data(data)

    def _wants(self, changes: Changes) -> bool:
        return any(getattr(changes, flag, False) for flag in WATCHED)

    def _clear(self) -> None:
        self.week_model.clear()
        self.caseload_model.clear()
        self.today_label.clear()
        self.count_label.clear()
        self.title.setText("Today")

    def find_in_view(self) -> bool:
        self.caseload_view.setFocus()
        return True

    def show_data(self, data: HomeData) -> None:
        self.title.setText(f"Today, {data.today:%A %d %B %Y}")
        todays = [x for x in data.week if x.appointment.local_day() == data.today]
        self.today_label.setText(
            f"{len(todays)} appointment(s) today, {len(data.week)} in the next seven days."
        )
        self.week_model.set_records(data.week)
        self.caseload_model.set_records(data.caseload)
        self._update_count()
        self.loaded.emit()

    def _filter(self, on: bool) -> None:
        self.proxy.set_attention_only(on)
        self._update_count()

    def _update_count(self) -> None:
        total = self.caseload_model.rowCount()
        waiting = sum(1 for e in self.caseload_model.records() if e.needs_attention)
        self.count_label.setText(f"{total} active mentee(s), {waiting} need attention")

    # -- opening records ---------------------------------------------------------------------
    def _open_cell(self, index: QModelIndex) -> None:
        entry = index.data(RecordRole)
        if not isinstance(entry, CaseloadEntry):
            return
        kind = kind_for(entry, CaseloadColumn(index.column()))
        record_id = ""
        if kind == "appointment" and entry.next_appointment is not None:
            record_id = entry.next_appointment.id
        self.record_requested.emit(kind, record_id, entry.mentee_id)

    def _open_appointment(self, index: QModelIndex) -> None:
        listing = index.data(RecordRole)
        if isinstance(listing, AppointmentListing):
            a = listing.appointment
            self.record_requested.emit("appointment", a.id, a.mentee_id)

    def export_caseload(self) -> None:
        """Write the caseload list (.md, .pdf or .docx) with the exporter the CLI uses."""
        from ui.pages.home.export import export_caseload_list

        export_caseload_list(self, self._worker, self._prompts)

    def print_caseload(self) -> None:
        from ui.pages.home.export import print_caseload_list

        print_caseload_list(self, self._worker, self._prompts)
