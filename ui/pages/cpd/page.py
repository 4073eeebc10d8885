"""The CPD log: activities with date, hours, kind, learning and evidence; hours per year.

Many registration bodies ask for a yearly number of CPD hours, so the total for the current
year is shown prominently and every year is listed beside the log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.cpd import CpdEntry
from ui.pages import journal_ops as ops
from ui.pages.base import Page
from ui.pages.cpd.models import CpdColumn, CpdModel, CpdTotalsModel, hours_text
from ui.prompts import Prompts
from ui.widgets.adaptive import AdaptiveSplitter
from ui.widgets.record_editor import DATE, HOURS, MULTILINE, Field, RecordEditor
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal

CPD_FIELDS = (
    Field("activity", "&Activity"),
    Field("on", "&Date", DATE),
    Field("hours", "&Hours", HOURS),
    Field("kind", "&Kind (course, reading, shadowing…)"),
    Field("learning", "What I &learnt", MULTILINE),
    Field("evidence", "&Evidence (certificate, file reference)"),
)


class CpdPage(Page[tuple[ops.CpdData, int]]):
    """The CPD log with its form, and yearly totals."""

    def __init__(
        self, worker: JournalWorker, prompts: Prompts, parent: QWidget | None = None
    ) -> None:
        super().__init__(worker, prompts, parent)
        self._this_year: int | None = None
        self.editor = RecordEditor(
            "CPD log",
            CpdModel(self),
            CPD_FIELDS,
            worker=worker,
            prompts=prompts,
            make_record=lambda rid, values: CpdEntry(id=rid, **values),
            save=lambda j, entry: j.save_cpd(entry),
            delete=lambda j, rid: j.delete_cpd(rid),
            stretch_column=CpdColumn.ACTIVITY,
        )
        self.totals = CpdTotalsModel(self)
        self.year_total = QLabel()
        self.year_total.setAccessibleName("CPD hours this year")
        self.year_total.setTextFormat(Qt.TextFormat.PlainText)
        totals_view = read_only_table(
            self.totals,
            "CPD hours per year",
            select_rows=False,
            empty="No hours logged yet.",
        )
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.year_total)
        side_layout.addWidget(totals_view, 1)
        splitter = AdaptiveSplitter()
        splitter.addWidget(self.editor)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    @property
    def model(self) -> CpdModel:
        model = self.editor.model
        assert isinstance(model, CpdModel)
        return model

    # -- page contract -----------------------------------------------------------------------
    def _loader(self) -> Callable[[Journal], tuple[ops.CpdData, int]]:
        return lambda journal: (ops.cpd_data(journal), ops.today(journal).year)

    def _show(self, data: tuple[ops.CpdData, int]) -> None:
        cpd, year = data
        self.editor.set_records(cpd.entries)
        self.totals.set_records(sorted(cpd.totals, key=lambda t: t.year, reverse=True))
        self._this_year = year
        self.year_total.setText(f"{year}: {hours_text(self.totals.hours_for(year))} of CPD logged")

    def _wants(self, changes: Changes) -> bool:
        return changes.cpd

    def save_now(self) -> None:
        """Before a lock: keep an entry being typed if it makes a valid record."""
        self.editor.save_now()

    def _clear(self) -> None:
        self.editor.clear()
        self.totals.clear()
        self.year_total.clear()

    def open_record(self, kind: str, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.editor.view.selectRow(row)
