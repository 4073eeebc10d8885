"""The read-only record tables every view shows: one way to set them up, so they all behave alike.

Rows are chosen whole, never edited in place (editing happens in a form beside the table), the
row-number header is hidden, and one column may take the spare width.

Readable at any text size: every other column is as wide as its heading and its widest value
(so "Template" never shows as "Tem…"), text stays on one line (a date is never broken over
two rows), the stretching column elides what does not fit, and the row height follows the
font when the text size changes.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

ROW_PADDING = 10
#: A table asks for at most this many average characters of width; wider content scrolls.
MAX_MIN_CHARS = 24


class RecordTable(QTableView):
    """A table whose row height follows its font (text size is a setting)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stretch_column: int | None = None
        #: Said in the empty table: what to do next (an empty grid said nothing at all).
        self.empty_text = ""
        self._refit_timer = QTimer(self)  # after new rows, once the columns have their sizes
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self.refit)
        self._fit_rows()
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + ROW_PADDING)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() is QEvent.Type.FontChange:
            self._fit_rows()
        super().changeEvent(event)

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != self.stretch_column:
            self.updateGeometry()  # the minimum width below follows the columns' contents

    def content_width(self) -> int:
        """The width every column needs: content for most, the heading for the stretching one."""
        header = self.horizontalHeader()
        model = self.model()
        last = model.columnCount() - 1
        width = 0
        for column in range(model.columnCount()):
            if header.isSectionHidden(column):
                continue
            stretching = column == (last if self.stretch_column is None else self.stretch_column)
            if stretching:
                width += header.sectionSizeFromContents(column).width()
            else:
                width += header.sectionSize(column)
        return width + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width()

    def minimumSizeHint(self) -> QSize:
        """Wide enough for every column, up to a limit beyond which the table scrolls."""
        hint = super().minimumSizeHint()
        cap = self.fontMetrics().averageCharWidth() * MAX_MIN_CHARS
        return QSize(max(hint.width(), min(self.content_width(), cap)), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def set_empty_text(self, text: str) -> None:
        """What the table says while it has no rows (also its accessible description)."""
        self.empty_text = text
        self.setAccessibleDescription(text)
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if not self.empty_text or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        margin = self.fontMetrics().height()
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        painter.drawText(
            area,
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            | int(Qt.TextFlag.TextWordWrap),
            self.empty_text,
        )
        painter.end()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
                signal.connect(self._schedule_refit)

    def _schedule_refit(self, *_args: object) -> None:
        self._refit_timer.start()

    def refit(self) -> None:
        """Too narrow for every column: stop stretching and scroll sideways, cutting nothing."""
        header = self.horizontalHeader()
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        column = model.columnCount() - 1 if self.stretch_column is None else self.stretch_column
        if self.width() >= self.content_width():
            if header.sectionResizeMode(column) is not QHeaderView.ResizeMode.Stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            return
        if header.sectionResizeMode(column) is not QHeaderView.ResizeMode.Interactive:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        wanted = header.sectionSizeFromContents(column).width()
        if header.sectionSize(column) < wanted:
            header.resizeSection(column, wanted)


#: How many rows column sizing looks at (Qt reads the visible ones first, then others).
SIZING_ROWS = 100


def fit_columns(view: QTableView, stretch_column: int | None) -> None:
    """Columns as wide as their content; ``stretch_column`` (else the last) takes the rest."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Size columns from the rows on show and a sample, not every row: with all 500 sessions of
    # a mentee each switch read ~17,000 cells on the GUI thread (most of a 100-900 ms stall).
    header.setResizeContentsPrecision(SIZING_ROWS)
    model = view.model()
    last = model.columnCount() - 1 if model is not None else 0
    column = last if stretch_column is None else stretch_column
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(view.fontMetrics().horizontalAdvance("Mmm"))


def read_only_table(
    model: QAbstractItemModel,
    accessible_name: str,
    *,
    stretch_column: int | None = None,
    single_selection: bool = False,
    select_rows: bool = True,
    empty: str = "",
) -> RecordTable:
    """A table over ``model`` that screen readers announce as ``accessible_name``; ``empty``
    is what it says while it has no rows (what to do next)."""
    view = RecordTable()
    view.set_empty_text(empty)
    view.setModel(model)
    view.setAccessibleName(accessible_name)
    if select_rows:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if single_selection:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().hide()
    view.stretch_column = stretch_column
    fit_columns(view, stretch_column)
    return view
