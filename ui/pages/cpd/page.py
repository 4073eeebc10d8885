"""The CPD log: activities with date, category, hours, kind, learning and evidence.

Beside the log: progress towards the mentor's scheme in its current cycle (what is still
needed, in plain words), hours per category, and hours per year; "Choose scheme…" sets the
scheme and "Export log…" writes the renewal log (PDF, DOCX or Markdown).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.domain.cpd import CATEGORY_LABELS, CpdCategory, CpdEntry
from mentorjournal.domain.cpd_scheme import UNCATEGORISED_LABEL, SchemeProgress
from ui.callbacks import command
from ui.pages import journal_ops as ops
from ui.pages.base import Page
from ui.pages.cpd.models import (
    CategoryHoursModel,
    CpdColumn,
    CpdModel,
    CpdTotalsModel,
    hours_text,
)
from ui.prompts import Prompts
from ui.widgets.adaptive import AdaptiveSplitter, VerticalScrollArea
from ui.widgets.record_editor import CHOICE, DATE, HOURS, MULTILINE, Field, RecordEditor
from ui.widgets.tables import read_only_table
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.changes import Changes
    from mentorjournal.journal import Journal

CPD_FIELDS = (
    Field("activity", "&Activity"),
    Field("on", "&Date", DATE),
    Field("hours", "&Hours", HOURS),
    Field(
        "category",
        "&Category",
        CHOICE,
        enum=CpdCategory,
        labels=dict(CATEGORY_LABELS),
        none_label=UNCATEGORISED_LABEL,
    ),
    Field("kind", "&Kind (course, reading…)"),
    Field("learning", "What I &learnt", MULTILINE),
    Field("evidence", "&Evidence (certificate, file)"),
)


class _SidePanel(QWidget):
    """The scheme and totals beside the log: never narrower than about 30 characters.

    Narrower, its wrapped labels and tables need more height than the page has at large text;
    asking for the width makes the splitter stack the panel under the log instead.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.fontMetrics().averageCharWidth() * 30), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Wrapped labels keep the height their lines need at the width they now have."""
        super().resizeEvent(event)
        for label in self.findChildren(QLabel):
            if label.wordWrap() and label.width() > 0:
                label.setMinimumHeight(max(0, label.heightForWidth(label.width())))


class _StackedAtFullHeight(AdaptiveSplitter):
    """Stacked (large text, small screen), the log and the panel each get their full height.

    The page scrolls instead, so no field is squeezed below the height its text needs.
    """

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.orientation() is not Qt.Orientation.Vertical:
            return hint
        parts = [self.widget(i) for i in range(self.count())]
        shown = [p for p in parts if p is not None and not p.isHidden()]
        width = max(1, self.width())
        full = sum(
            max(p.sizeHint().height(), p.heightForWidth(width) if p.hasHeightForWidth() else 0)
            for p in shown
        )
        full += self.handleWidth() * max(0, len(shown) - 1)
        return QSize(hint.width(), max(hint.height(), full))


class CpdPage(Page[tuple[ops.CpdData, int]]):
    """The CPD log with its form, progress towards the scheme, hours by category and year."""

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
            stretch_column=0,
            empty="No hours logged yet.",
        )
        self.categories = CategoryHoursModel(self)
        categories_view = read_only_table(
            self.categories,
            "CPD hours by category",
            select_rows=False,
            stretch_column=0,
            empty="No hours in this cycle yet.",
        )
        side = _SidePanel()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self._scheme_box())
        self.categories_title = QLabel("Hours by category")
        side_layout.addWidget(self.categories_title)
        side_layout.addWidget(categories_view, 1)
        side_layout.addWidget(self.year_total)
        side_layout.addWidget(totals_view, 1)
        splitter = _StackedAtFullHeight()
        splitter.addWidget(self.editor)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 360])
        log_header = self.editor.view.horizontalHeader()
        for column in (CpdColumn.DATE, CpdColumn.CATEGORY, CpdColumn.KIND, CpdColumn.HOURS):
            log_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for view in (totals_view, categories_view):
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        page_scroll = VerticalScrollArea()  # large text on a small screen: scroll, not squeeze
        page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        page_scroll.setWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page_scroll)

    def _scheme_box(self) -> QGroupBox:
        box = QGroupBox("My scheme")
        self.scheme_title = QLabel()
        self.scheme_title.setWordWrap(True)
        self.scheme_title.setTextFormat(Qt.TextFormat.PlainText)
        self.scheme_title.setAccessibleName("CPD scheme and cycle")
        self.hours_bar = QProgressBar()
        self.hours_bar.setAccessibleName("CPD hours this cycle")
        self.hours_bar.setTextVisible(True)
        self.scheme_status = QLabel()
        self.scheme_status.setWordWrap(True)
        self.scheme_status.setTextFormat(Qt.TextFormat.PlainText)
        self.scheme_status.setAccessibleName("What the cycle still needs")
        self.scheme_button = QPushButton("Choose &scheme…")
        self.scheme_button.setAccessibleName("Choose the CPD scheme")
        self.scheme_button.clicked.connect(self.choose_scheme)
        self.scheme_button.setEnabled(False)
        self.export_button = QPushButton("E&xport log…")
        self.export_button.setAccessibleName("Export the CPD log for renewal")
        self.export_button.clicked.connect(self.export_log)
        buttons = QHBoxLayout()
        buttons.addWidget(self.scheme_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.scheme_title)
        layout.addWidget(self.hours_bar)
        layout.addWidget(self.scheme_status)
        layout.addLayout(buttons)
        self._data: ops.CpdData | None = None
        self.scheme_dialog: QDialog | None = None
        return box

    def _show_progress(self, progress: SchemeProgress | None) -> None:
        self.hours_bar.setVisible(progress is not None)
        if progress is None:
            self.scheme_title.setText("No scheme chosen: hours are totalled by category.")
            self.scheme_status.setText("")
            self.categories_title.setText("Hours by category (whole log)")
            return
        self.categories_title.setText("Hours by category (this cycle)")
        self.scheme_title.setText(
            f"{progress.scheme}: cycle {progress.cycle_start:%d %b %Y} to "
            f"{progress.cycle_end:%d %b %Y}, {progress.days_left} days left"
        )
        required = progress.hours.required
        self.hours_bar.setRange(0, max(1, round(required * 100)))
        self.hours_bar.setValue(min(round(progress.hours.done * 100), round(required * 100)))
        self.hours_bar.setFormat(f"{progress.hours.done:g} of {required:g} h")
        lines = [f"{m.label}: {m.done:g} of {m.required:g} h" for m in progress.minimums]
        if progress.activities_required:
            lines.append(
                f"Activities: {progress.activities_done} of {progress.activities_required}"
            )
        lines.append(
            "This cycle's requirement is met."
            if progress.met
            else "Still needed: " + "; ".join(progress.shortfalls()) + "."
        )
        self.scheme_status.setText("\n".join(lines))

    def choose_scheme(self) -> QDialog:
        """Open the scheme picker; saving goes through the worker when it is accepted."""
        from ui.pages.cpd.scheme_dialog import SchemeDialog

        data = self._data
        assert data is not None and data.today is not None, "enabled only once loaded"
        dialog = SchemeDialog(data.scheme, data.today, self)
        dialog.accepted.connect(lambda: self._save_scheme(dialog))
        self.scheme_dialog = dialog
        dialog.open()
        return dialog

    def _save_scheme(self, dialog: Any) -> None:
        scheme = dialog.scheme()
        command(
            self,
            self._worker,
            lambda j: j.set_cpd_scheme(scheme),
            lambda _changed: None,
            self._prompts.show_error,
        )

    def export_log(self) -> None:
        """Ask where, then write the renewal log for the current cycle (or this year)."""
        path = self._prompts.save_file(
            "Export CPD log", "cpd-log.pdf", "PDF (*.pdf);;Word (*.docx);;Markdown (*.md)"
        )
        if path is None:
            return

        def write(j: Any) -> Any:
            from mentorjournal.export.cpd_log import export_cpd_log

            return export_cpd_log(j, path)

        self._query(  # an export changes no record (its audit event is not a view's business)
            write,
            lambda _fmt: self._prompts.inform("CPD log", f"The CPD log was saved to {path}."),
        )

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
        self._data = cpd
        self.scheme_button.setEnabled(True)
        self.editor.set_records(cpd.entries)
        self.categories.set_records(cpd.by_category)
        self._show_progress(cpd.progress)
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
        self.categories.clear()
        self.scheme_title.clear()
        self.scheme_status.clear()
        self._data = None
        self.scheme_button.setEnabled(False)

    def open_record(self, kind: str, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row >= 0:
            self.editor.view.selectRow(row)
