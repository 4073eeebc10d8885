"""Ctrl+K: search the whole vault as you type.

Why this shape: every keystroke must stay instant, so the query runs in the worker thread
after a short pause in typing (debounce), and an answer that arrives after the text changed
again is dropped (each query carries a generation number). Enter opens the chosen record by
emitting ``record_chosen``; the main window routes it to the right tab or page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ui.pages.search.models import HTML_ROLE, TARGET_ROLE, SearchResultsModel, SearchRow
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal

DEBOUNCE_MS = 150
RESULT_LIMIT = 50

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SearchAnswer:
    """What one query found, as the dialog shows it."""

    rows: list[SearchRow]
    #: Said under the count when only the most recent matches could be ranked ("" if not).
    notice: str = ""


def run_search(journal: Journal, text: str, limit: int = RESULT_LIMIT) -> SearchAnswer:
    """Runs in the worker thread."""
    results = journal.search_results(text, limit=limit)
    return SearchAnswer([SearchRow.from_hit(hit) for hit in results.hits], results.notice)


class HtmlDelegate(QStyledItemDelegate):
    """Draws the snippet's HTML (bold matches) inside the normal item frame.

    Laying out a row's HTML is most of the cost of showing results: the list asks every row's
    size once (50 rows) and then paints the visible ones, so each laid-out document is kept,
    by text, width and font, until the rows change (``forget``).
    """

    #: More than a screenful of answers' rows at a few widths; beyond it, start afresh.
    MAX_KEPT = 400

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[tuple[str, int, str], QTextDocument] = {}

    def forget(self) -> None:
        """Drop the laid-out documents (the rows were replaced or cleared)."""
        self._documents.clear()

    def _document(self, option: QStyleOptionViewItem, index: _Index) -> QTextDocument:
        html = str(index.data(HTML_ROLE) or "")
        width = max(100, option.rect.width())
        key = (html, width, option.font.key())
        doc = self._documents.get(key)
        if doc is None:
            if len(self._documents) >= self.MAX_KEPT:
                self._documents.clear()
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setHtml(html)
            doc.setTextWidth(width)
            self._documents[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group_role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


class SearchDialog(QDialog):
    """Search-as-you-type over the whole vault."""

    #: kind, record id, mentee id ("" when the record is the mentor's own).
    record_chosen = Signal(str, str, str)
    #: Emitted with the number of rows each time an answer is shown (tests wait on it).
    results_shown = Signal(int)

    def __init__(
        self,
        worker: JournalWorker,
        parent: QWidget | None = None,
        code_for: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._code_for = code_for
        self._generation = 0
        self.setObjectName("searchDialog")
        self.setWindowTitle("Search everything")
        self.resize(720, 520)
        self.model = SearchResultsModel(self)
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText("Type to search notes, goals, plans, reflections…")
        self.query_edit.setAccessibleName("Search text")
        self.query_edit.setClearButtonEnabled(True)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.delegate = HtmlDelegate(self.results)
        self.results.setItemDelegate(self.delegate)
        self.model.modelReset.connect(self.delegate.forget)
        self.results.setWordWrap(True)
        # Rows are laid out at the list's width: a scroll bar that appears once 50 rows are in
        # would narrow it and make every row be laid out a second time.
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.results.setUniformItemSizes(False)
        self.results.activated.connect(self._open_index)
        self.state_label = QLabel("", self)
        self.state_label.setAccessibleName("Search state")
        self.state_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.state_label)
        layout.addWidget(self.results, 1)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._run)
        self.query_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.query_edit.returnPressed.connect(self.open_current)
        self.query_edit.installEventFilter(self)

    @property
    def generation(self) -> int:
        return self._generation

    def start(self) -> None:
        self.query_edit.setFocus()
        self.query_edit.selectAll()

    def clear(self) -> None:
        """Forget the query and its hits (on lock); answers still in flight are dropped."""
        self._generation += 1
        self._debounce.stop()
        self.query_edit.blockSignals(True)
        self.query_edit.clear()
        self.query_edit.blockSignals(False)
        self.model.clear()
        self.state_label.setText("")

    def open_current(self) -> None:
        index = self.results.currentIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0)
        if index.isValid():
            self._open_index(index)

    def _open_index(self, index: QModelIndex) -> None:
        kind, record_id, mentee_id = index.data(TARGET_ROLE)
        self.hide()
        self.record_chosen.emit(kind, record_id, mentee_id)

    def _run(self) -> None:
        text = self.query_edit.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.model.clear()
            self.state_label.setText("")
            return
        self.state_label.setText("Searching…")
        self._worker.query(
            lambda journal: run_search(journal, text),
            lambda answer: self._show(generation, answer),
            lambda error: self._failed(generation, error),
        )

    def _show(self, generation: int, answer: SearchAnswer) -> None:
        if generation != self._generation:
            return  # the text changed since: a newer answer is on its way
        rows = answer.rows
        if self._code_for is not None:
            rows = [
                replace(r, mentee_code=self._code_for(r.mentee_id)) if r.mentee_id else r
                for r in rows
            ]
        self.model.set_rows(rows)
        count = len(rows)
        shown = "No matches" if count == 0 else f"{count} match{'es' if count != 1 else ''}"
        self.state_label.setText(f"{shown}. {answer.notice}" if answer.notice else shown)
        if count:
            self.results.setCurrentIndex(self.model.index(0))
        self.results_shown.emit(count)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.model.clear()
            self.state_label.setText("Search is not available right now.")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search box move through the results without leaving the box."""
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.model.rowCount():
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(
                    0, min(self.model.rowCount() - 1, self.results.currentIndex().row() + step)
                )
                self.results.setCurrentIndex(self.model.index(row))
                return True
        return super().eventFilter(watched, event)
