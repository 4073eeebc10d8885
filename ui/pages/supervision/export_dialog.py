"""Preview and export the anonymised supervision summary: see every replacement before it leaves.

The mentor picks a period, mentees, what to include and how dates read; the anonymisation runs
on the journal worker (never on the GUI thread) and comes back as a ``SupervisionDraft``. The
preview shows the anonymised text with every replacement highlighted by category (colour plus
a legend, and a list that names each replacement in words, so meaning never rests on colour).
Clicking a replacement, or choosing it in the list and pressing Restore, keeps the original;
selecting text and pressing "Redact selection" removes it. A banner warns while any identifier
the vault knows is still visible. Nothing is written until "Export…" is confirmed in the file
dialog, and the export itself (write, then audit) runs on the worker too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mentorjournal.export.draft import (
    Corrections,
    KnownLeak,
    ReplacementGroup,
    SupervisionDraft,
    join_blocks,
)
from mentorjournal.export.supervision_summary import SupervisionOptions
from ui.pages.supervision.highlights import category_name, legend_html, paint_draft
from ui.pages.supervision.options_form import SupervisionOptionsForm
from ui.pages.supervision.replacements_panel import ReplacementsPanel
from ui.prompts import Prompts
from ui.widgets.flow import FlowLayout
from ui.worker import JournalWorker

if TYPE_CHECKING:
    from mentorjournal.journal import Journal

EXPORT_FILTERS = "PDF (*.pdf);;Word document (*.docx);;Markdown (*.md)"
DEFAULT_WEEKS = 4


@dataclass(frozen=True)
class _Located:
    """A replacement found at a position of the preview: which block and which replacement."""

    block: int
    index: int


class _Preview(QPlainTextEdit):
    """Read-only preview; a plain click (no selection) on a replacement asks to toggle it."""

    def __init__(self, dialog: SupervisionExportDialog) -> None:
        super().__init__(dialog)
        self._dialog = dialog

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() is Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self._dialog.toggle_at(self.cursorForPosition(event.position().toPoint()).position())


class SupervisionExportDialog(QDialog):
    """The preview dialog; constructed like every page: ``(worker, prompts, parent)``."""

    def __init__(
        self,
        worker: JournalWorker,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.prompts = prompts
        self._draft: SupervisionDraft | None = None
        self._leaks: list[KnownLeak] = []
        #: Phrases the mentor redacted everywhere; re-applied to every fresh draft.
        self._everywhere: tuple[str, ...] = ()
        self._groups: list[ReplacementGroup] = []
        self._starts: list[int] = []
        self._generation = 0
        self.setWindowTitle("Supervision summary (anonymised)")
        self.setAccessibleName("Supervision summary preview")
        self.resize(1100, 720)
        end = today or date.today()
        self._build(end - timedelta(weeks=DEFAULT_WEEKS), end)
        self.load_mentees()

    # --- building -------------------------------------------------------------------------

    def _build(self, start: date, end: date) -> None:
        options = self._build_options(start, end)
        self._build_preview()
        self._build_buttons()
        self._lay_out(options)
        self._set_draft_actions(False)

    def _build_options(self, start: date, end: date) -> QWidget:
        self.form = SupervisionOptionsForm(start, end, self)
        self.form.update_button.clicked.connect(self.refresh)
        # The form's controls, named on the dialog as before (tests and the tour reach them).
        self.from_edit, self.to_edit = self.form.from_edit, self.form.to_edit
        self.mentee_list = self.form.mentee_list
        self.include_boxes = self.form.include_boxes
        self.date_style, self.questions = self.form.date_style, self.form.questions
        self.update_button = self.form.update_button
        return self.form

    def _build_preview(self) -> None:
        self.warning_banner = QLabel(self)
        self.warning_banner.setWordWrap(True)
        self.warning_banner.setAccessibleName("Warning")
        self.warning_banner.setStyleSheet(
            "QLabel { background: #fff3cd; color: #5c4400; border: 1px solid #d39e00;"
            " padding: 6px; }"
        )
        self.warning_banner.hide()
        self.status_label = QLabel("Choose the period and press Update preview.", self)
        self.status_label.setAccessibleName("Preview status")
        self.status_label.setWordWrap(True)
        self.legend = QLabel(self)
        self.legend.setAccessibleName("Highlight legend")
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)

        self.preview = _Preview(self)
        self.preview.setReadOnly(True)
        self.preview.setUndoRedoEnabled(False)
        self.preview.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.preview.setAccessibleName("Anonymised preview")
        self.preview.setAccessibleDescription(
            "The summary as it will be exported. Replacements are listed by kind in the list beside it."
        )
        self.side = ReplacementsPanel(self)
        self.replacement_list = self.side.replacement_list
        self.check_list = self.side.check_list
        self.restore_button = self.side.restore_button
        self.replacement_list.itemActivated.connect(self._activate_item)
        self.restore_button.clicked.connect(self._toggle_current_item)

    def _build_buttons(self) -> None:
        self.redact_button = QPushButton("&Redact selection", self)
        self.redact_button.setAccessibleName("Redact the selected text")
        self.redact_button.clicked.connect(self._redact_clicked)
        self.redact_all_button = QPushButton("Redact e&verywhere", self)
        self.redact_all_button.setAccessibleName(
            "Redact every occurrence of the selected text in the whole summary"
        )
        self.redact_all_button.clicked.connect(self._redact_everywhere_clicked)
        self.export_button = QPushButton("&Export…", self)
        self.export_button.setAccessibleName("Export the summary to a file")
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAccessibleName("Close without exporting")
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, self._redact_clicked)

    def _lay_out(self, options: QWidget) -> None:
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(options)
        splitter.addWidget(self.preview)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 520, 320])

        # A wrapping row: four buttons at 200% text are wider than a small laptop's screen.
        buttons = FlowLayout()
        buttons.addWidget(self.redact_button)
        buttons.addWidget(self.redact_all_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning_banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)

    def _set_draft_actions(self, enabled: bool) -> None:
        for button in (
            self.redact_button,
            self.redact_all_button,
            self.export_button,
            self.restore_button,
        ):
            button.setEnabled(enabled)

    # --- loading --------------------------------------------------------------------------

    def load_mentees(self) -> None:
        """Fill the mentee list (codes only) from the worker."""
        generation = self._generation

        def read(journal: Journal) -> list[tuple[str, str]]:
            return [(m.code, m.status.value) for m in journal.list_mentees(archived=False)]

        def show(rows: list[tuple[str, str]]) -> None:
            if generation != self._generation:
                return
            self.form.show_mentees(rows)

        self.worker.query(read, show, self._failed)

    def options(self) -> SupervisionOptions:
        """What the controls ask for (raises ValidationError for a backwards period)."""
        return self.form.options()

    def corrections(self) -> Corrections:
        """The mentor's restores and redactions so far (they survive "Update preview")."""
        base = self._draft.corrections() if self._draft is not None else Corrections()
        return Corrections(base.restored, base.redacted, self._everywhere)

    def refresh(self) -> None:
        """Anonymise afresh on the worker, then re-apply the mentor's restores and redactions."""
        from mentorjournal.errors import MentorJournalError

        try:
            options = self.options()
        except MentorJournalError as exc:
            self.prompts.show_error(exc, "Supervision summary")
            return
        self._generation += 1
        generation = self._generation
        self.status_label.setText("Anonymising…")
        self.update_button.setEnabled(False)
        corrections = self.corrections()

        def work(journal: Journal) -> tuple[SupervisionDraft, list[KnownLeak]]:
            from mentorjournal.export.supervision_summary import known_leaks, prepare

            draft = prepare(journal, options).apply(corrections)
            return draft, known_leaks(draft)

        def done(result: tuple[SupervisionDraft, list[KnownLeak]]) -> None:
            if generation != self._generation:
                return
            self.update_button.setEnabled(True)
            self._show(*result)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.update_button.setEnabled(True)
                self.status_label.setText("The preview could not be made.")
                self._failed(error)

        self.worker.query(work, done, failed)

    def _failed(self, error: BaseException) -> None:
        self.prompts.show_error(error, "Supervision summary")

    # --- showing --------------------------------------------------------------------------

    @property
    def draft(self) -> SupervisionDraft | None:
        return self._draft

    @property
    def leaks(self) -> list[KnownLeak]:
        return list(self._leaks)

    def _show(self, draft: SupervisionDraft, leaks: list[KnownLeak]) -> None:
        self._draft = draft
        self._leaks = leaks
        text, self._starts = join_blocks(draft.blocks)
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setPlainText(text)
        self.preview.verticalScrollBar().setValue(scroll)
        self._highlight()
        self._fill_list()
        self._fill_checks()
        self._show_legend()
        self._show_warning()
        self._set_draft_actions(True)
        count = draft.replacement_count()
        self.status_label.setText(
            f"{count} replacement{'s' if count != 1 else ''}. Click one to keep the original;"
            " select text and press Redact selection (or Redact everywhere) to remove more."
            " Your changes stay when you update the preview. Nothing is saved until you export."
        )

    def _highlight(self) -> None:
        """Colour each replacement and underline each leak in the (read-only) preview text."""
        paint_draft(
            self.preview.document(),
            self._draft,
            self._starts,
            self._leaks,
            self.preview.font().pointSizeF(),
        )

    def highlight_at(self, position: int) -> QTextCharFormat:
        """The format shown at ``position`` of the preview (what a sighted user sees there)."""
        cursor = QTextCursor(self.preview.document())
        cursor.setPosition(position + 1)
        return cursor.charFormat()

    def _fill_list(self) -> None:
        self._groups = self._draft.groups() if self._draft is not None else []
        self.side.show_groups(self._groups)

    def _fill_checks(self) -> None:
        self.side.show_checks(self._draft.please_check() if self._draft is not None else None)

    def _show_legend(self) -> None:
        if self._draft is None:
            self.legend.clear()
            return
        self.legend.setText(legend_html(self._draft.categories()))
        self.legend.setAccessibleDescription(
            "Colours mark the kind of each replacement; the Replacements list names each one."
        )

    def _show_warning(self) -> None:
        if not self._leaks:
            self.warning_banner.hide()
            self.warning_banner.clear()
            return
        kinds = sorted({category_name(leak.category) for leak in self._leaks})
        count = len(self._leaks)
        self.warning_banner.setText(
            f"⚠ Warning: {count} identifier{'s' if count != 1 else ''} the vault knows about"
            f" {'is' if count == 1 else 'are'} still visible ({', '.join(kinds)}), underlined"
            " in red. Replace or redact them before exporting."
        )
        self.warning_banner.show()

    # --- editing --------------------------------------------------------------------------

    def locate(self, position: int) -> _Located | None:
        """The replacement under ``position`` of the preview text, if any."""
        if self._draft is None:
            return None
        for block_index, block in enumerate(self._draft.blocks):
            base = self._starts[block_index]
            if not base <= position <= base + len(block.text):
                continue
            for span in block.spans():
                if base + span.start <= position < base + span.end:
                    return _Located(block_index, span.index)
        return None

    def toggle_at(self, position: int) -> bool:
        """Restore (or replace again) the replacement at ``position``; False when there is none."""
        found = self.locate(position)
        if found is None or self._draft is None:
            return False
        self._apply(self._draft.toggle(found.block, found.index))
        return True

    def _activate_item(self, item: QListWidgetItem) -> None:
        """Restore every mention of the row's person or place, or replace them all again."""
        if self._draft is None:
            return
        number = int(item.data(Qt.ItemDataRole.UserRole))
        if not 0 <= number < len(self._groups):
            return
        group = self._groups[number]
        row = self.replacement_list.row(item)
        if group.category == "redacted":
            draft = self._draft
            for block, index in sorted(group.members, reverse=True):
                draft = draft.toggle(block, index)
            self._everywhere = tuple(
                p for p in self._everywhere if p.lower() not in {s.lower() for s in group.surfaces}
            )
        else:
            # None kept: restore every mention. Any kept: replace them all again.
            draft = self._draft.set_kept(group.members, group.kept == 0)
        self._apply(draft)
        self.replacement_list.setCurrentRow(min(row, self.replacement_list.count() - 1))

    def _toggle_current_item(self) -> None:
        item = self.replacement_list.currentItem()
        if item is not None:
            self._activate_item(item)

    def _redact_clicked(self) -> None:
        # Slots return None: PySide mishandles a bool returned to a signal (crash at exit).
        self.redact_selection()

    def _redact_everywhere_clicked(self) -> None:
        self.redact_everywhere()

    def redact_everywhere(self) -> bool:
        """Redact every occurrence of the selected words in the whole summary, now and after updates."""
        cursor = self.preview.textCursor()
        phrase = cursor.selectedText().replace("\u2029", " ").strip()
        if self._draft is None or not phrase:
            self.status_label.setText(
                "Select a word or phrase in the preview first, then Redact everywhere."
            )
            return False
        self._everywhere = (*self._everywhere, phrase)
        draft = self._draft.redact_everywhere(phrase)
        if draft is self._draft:
            return False
        self._apply(draft)
        return True

    def redact_selection(self) -> bool:
        """Redact what is selected in the preview (across blocks if need be)."""
        cursor = self.preview.textCursor()
        if self._draft is None or not cursor.hasSelection():
            self.status_label.setText(
                "Select some text in the preview first, then Redact selection."
            )
            return False
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        draft = self._draft
        for block_index, block in enumerate(self._draft.blocks):
            base = self._starts[block_index]
            low, high = max(start, base), min(end, base + len(block.text))
            if low < high:
                draft = draft.redact(block_index, low - base, high - base)
        if draft is self._draft:
            return False
        self._apply(draft)
        return True

    def _apply(self, draft: SupervisionDraft) -> None:
        """Show the edited draft at once, then re-check for known identifiers on the worker."""
        self._show(draft, self._leaks)
        generation = self._generation

        def check(_journal: Journal) -> list[KnownLeak]:
            from mentorjournal.export.supervision_summary import known_leaks

            return known_leaks(draft)

        def checked(leaks: list[KnownLeak]) -> None:
            if generation == self._generation and self._draft is draft:
                self._leaks = leaks
                self._highlight()
                self._show_warning()

        self.worker.query(check, checked, self._failed)

    # --- exporting ------------------------------------------------------------------------

    def export(self) -> None:
        """Ask where (file dialog), warn if identifiers remain, then write and audit on the worker."""
        draft = self._draft
        if draft is None:
            return
        if self._leaks and not self.prompts.confirm(
            "Identifiers still visible",
            "Some details the vault knows about a mentee are still visible in the summary."
            " Export anyway?",
            ok_label="Export anyway",
            destructive=True,
        ):
            return
        path = self.prompts.save_file("Export supervision summary", "", EXPORT_FILTERS)
        if path is None:
            return
        if path.suffix.lower() not in (".md", ".pdf", ".docx"):
            path = path.with_name(path.name + ".pdf")
        generation = self._generation
        self.export_button.setEnabled(False)
        self.status_label.setText("Exporting…")

        def work(journal: Journal) -> Path:
            from mentorjournal.export.audited import export_supervision

            export_supervision(journal, draft, path)
            return path

        def done(written: Path) -> None:
            if generation != self._generation:
                return
            self.export_button.setEnabled(True)
            self.status_label.setText(f"Exported to {written.name}.")
            self.prompts.inform(
                "Supervision summary", f"The anonymised summary was saved as {written.name}."
            )

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.export_button.setEnabled(True)
                self.status_label.setText("The summary was not exported.")
            self._failed(error)

        # A query: the export changes no record a page shows (its audit event is written by
        # the export itself), so there is no change set to broadcast.
        self.worker.query(work, done, failed)

    # --- lock -----------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget every record (called on lock); late worker answers are ignored."""
        self._generation += 1
        self._draft = None
        self._leaks = []
        self._starts = []
        self._everywhere = ()
        self._groups = []
        self.preview.clear()
        self.side.clear()
        self.form.clear()
        self.legend.clear()
        self.warning_banner.hide()
        self.warning_banner.clear()
        self._set_draft_actions(False)
        self.status_label.setText("Locked.")
