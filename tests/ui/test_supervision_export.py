"""The supervision preview: replacements highlighted, restore, redact, warning, nothing written early."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mentorjournal.export.draft import join_blocks
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.export.supervision_seed import Caseload, seed_caseload
from tests.fixtures.journal_fixtures import db_of
from tests.ui.conftest import ask, wait_idle
from ui.pages.supervision.export_dialog import SupervisionExportDialog
from ui.pages.supervision.highlights import CATEGORY_COLOURS
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


@pytest.fixture
def seeded(journal: Journal) -> Caseload:
    return seed_caseload(journal)


@pytest.fixture
def dialog(
    qtbot: QtBot, seeded: Caseload, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> Iterator[SupervisionExportDialog]:
    made = SupervisionExportDialog(journal_worker, prompts, today=date(2026, 1, 31))
    qtbot.addWidget(made)
    made.show()
    wait_idle(qtbot, journal_worker)
    made.from_edit.setDate(made.from_edit.date().addDays(-30))
    yield made
    made.clear()


def _preview(
    qtbot: QtBot, dialog: SupervisionExportDialog, worker: JournalWorker, code: str = "M-901"
) -> None:
    for row in range(dialog.mentee_list.count()):
        item = dialog.mentee_list.item(row)
        if item.data(Qt.ItemDataRole.UserRole) == code:
            item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.draft is not None, timeout=10000)
    wait_idle(qtbot, worker)


def _click_text_position(qtbot: QtBot, dialog: SupervisionExportDialog, position: int) -> None:
    cursor = QTextCursor(dialog.preview.document())
    cursor.setPosition(position)
    rect = dialog.preview.cursorRect(cursor)
    point = QPoint(rect.center().x() + 3, rect.center().y())
    qtbot.mouseClick(dialog.preview.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _export_events(qtbot: QtBot, worker: JournalWorker) -> list[str]:
    return ask(
        qtbot,
        worker,
        lambda j: [e.kind for e in audit.events(db_of(j), limit=1000) if e.action == "export"],
    )


def test_preview_highlights_every_replacement_by_category(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker, seeded: Caseload
) -> None:
    _preview(qtbot, dialog, journal_worker)
    draft = dialog.draft
    assert draft is not None
    text = dialog.preview.toPlainText()
    assert "Mentee A" in text and "Parent 1" in text
    for value in seeded.strings["M-901"]:
        assert not re.search(rf"\b{re.escape(value)}", text, re.IGNORECASE), value
    total = sum(len(b.replacements) for b in draft.blocks)
    assert total > 10
    _text, starts = join_blocks(draft.blocks)
    painted = 0
    for base, block in zip(starts, draft.blocks, strict=True):
        for span in block.spans():
            colour = dialog.highlight_at(base + span.start).background().color().name()
            assert colour == QColor(CATEGORY_COLOURS[span.replacement.category]).name()
            painted += 1
    assert painted == total
    # Plain text between replacements is not highlighted.
    plain = text.index("cooked together")
    assert dialog.highlight_at(plain).background().style() == Qt.BrushStyle.NoBrush
    # Not by colour alone: the list names every person or place in words (one row each, with
    # every way it was written and a count), the legend names kinds.
    assert dialog.replacement_list.count() == len(draft.groups()) < total
    rows = [dialog.replacement_list.item(i).text() for i in range(dialog.replacement_list.count())]
    assert any(r.startswith("Parent 1 ← “Morwenna”, “morwenna” · Person, ×") for r in rows), rows
    assert "Person" in dialog.legend.text() and "Date" in dialog.legend.text()
    assert dialog.warning_banner.isHidden()


def test_clicking_a_replacement_restores_it_and_warns(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)
    text = dialog.preview.toPlainText()
    position = text.index("Parent 1")
    _click_text_position(qtbot, dialog, position)
    wait_idle(qtbot, journal_worker)
    restored = dialog.preview.toPlainText()
    assert "Morwenna" in restored
    assert restored.count("Parent 1") == text.count("Parent 1") - 1
    qtbot.waitUntil(dialog.warning_banner.isVisible, timeout=5000)
    leak = dialog.leaks[0]
    _text, starts = join_blocks(dialog.draft.blocks if dialog.draft else ())
    underline = dialog.highlight_at(starts[leak.block] + leak.start)
    assert underline.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert "still visible" in dialog.warning_banner.text()
    assert "Person" in dialog.warning_banner.text()
    # Toggle it back from the list with the keyboard: the warning goes away.
    for row in range(dialog.replacement_list.count()):
        if "kept as written" in dialog.replacement_list.item(row).text():
            dialog.replacement_list.setCurrentRow(row)
    dialog.replacement_list.setFocus()
    qtbot.keyClick(dialog.replacement_list, Qt.Key.Key_Return)
    wait_idle(qtbot, journal_worker)
    assert "Morwenna" not in dialog.preview.toPlainText()
    qtbot.waitUntil(dialog.warning_banner.isHidden, timeout=5000)


def test_redact_a_selection(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)
    text = dialog.preview.toPlainText()
    start = text.index("cooked together")
    cursor = dialog.preview.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len("cooked together"), QTextCursor.MoveMode.KeepAnchor)
    dialog.preview.setTextCursor(cursor)
    qtbot.mouseClick(dialog.redact_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    after = dialog.preview.toPlainText()
    assert "cooked together" not in after
    assert "[redacted]" in after
    items = [dialog.replacement_list.item(i).text() for i in range(dialog.replacement_list.count())]
    assert "[redacted] ← “cooked together” · Redacted by you, ×1" in items


def test_nothing_is_written_until_the_file_dialog_is_confirmed(
    qtbot: QtBot,
    dialog: SupervisionExportDialog,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    out_dir = tmp_path / "exports"
    out_dir.mkdir()
    _preview(qtbot, dialog, journal_worker)
    assert list(out_dir.iterdir()) == []
    prompts.script("save_file", None)  # the mentor cancels the file dialog
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert list(out_dir.iterdir()) == []
    assert _export_events(qtbot, journal_worker) == []
    prompts.script("save_file", out_dir / "summary.docx")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert [p.name for p in out_dir.iterdir()] == ["summary.docx"]
    assert _export_events(qtbot, journal_worker) == ["supervision_summary"]
    assert prompts.asked("inform")[-1].title == "Supervision summary"


def test_exporting_with_a_visible_identifier_asks_first(
    qtbot: QtBot,
    dialog: SupervisionExportDialog,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
    tmp_path: Path,
) -> None:
    _preview(qtbot, dialog, journal_worker)
    assert dialog.toggle_at(dialog.preview.toPlainText().index("Mentee A said"))
    wait_idle(qtbot, journal_worker)
    assert dialog.leaks
    prompts.script("confirm", False)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert prompts.asked("confirm")[0].title == "Identifiers still visible"
    assert list(tmp_path.glob("*.md")) == []
    assert _export_events(qtbot, journal_worker) == []


def test_clear_forgets_the_draft_and_every_row(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)
    dialog.clear()
    assert dialog.draft is None
    assert dialog.preview.toPlainText() == ""
    assert dialog.replacement_list.count() == 0 and dialog.mentee_list.count() == 0
    assert not dialog.export_button.isEnabled()


def test_every_control_has_an_accessible_name_and_takes_focus(
    dialog: SupervisionExportDialog,
) -> None:
    kinds = (QAbstractButton, QComboBox, QDateEdit, QListWidget, QPlainTextEdit)
    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) >= 12
    for control in controls:
        assert control.accessibleName(), type(control).__name__
        assert control.focusPolicy() != Qt.FocusPolicy.NoFocus, control.accessibleName()


def test_a_backwards_period_is_explained_not_run(
    qtbot: QtBot,
    dialog: SupervisionExportDialog,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    dialog.from_edit.setDate(dialog.to_edit.date().addDays(5))
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert dialog.draft is None
    assert prompts.asked("error")[0].title == "Supervision summary"


def test_highlighting_the_preview_is_one_change_to_its_document(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)
    draft = dialog.draft
    assert draft is not None and draft.replacement_count() > 1
    changes: list[int] = []
    dialog.preview.document().contentsChange.connect(lambda pos, _r, _a: changes.append(pos))
    dialog._highlight()  # as after every restore, redaction or new preview
    # One edit block: the document is laid out once, not after each replacement's colour.
    assert len(changes) == 1
    index, block = next((i, b) for i, b in enumerate(draft.blocks) if b.replacements)
    span = block.spans()[0]
    shown = dialog.highlight_at(dialog._starts[index] + span.start).background().color()
    assert shown == QColor(CATEGORY_COLOURS[span.replacement.category])  # still coloured


# -- the mentor stays in control -------------------------------------------------------------


def _select(dialog: SupervisionExportDialog, phrase: str) -> None:
    text = dialog.preview.toPlainText()
    start = text.index(phrase)
    cursor = dialog.preview.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    dialog.preview.setTextCursor(cursor)


def _update(qtbot: QtBot, dialog: SupervisionExportDialog, worker: JournalWorker) -> None:
    before = dialog.draft
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.draft is not before, timeout=10000)
    wait_idle(qtbot, worker)


def test_manual_redactions_and_restores_survive_update_preview(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)
    _select(dialog, "cooked together")
    qtbot.mouseClick(dialog.redact_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    text = dialog.preview.toPlainText()
    _click_text_position(qtbot, dialog, text.index("[Town]"))  # keep the town as written
    wait_idle(qtbot, journal_worker)
    assert "Brackenford" in dialog.preview.toPlainText()
    _update(qtbot, dialog, journal_worker)
    after = dialog.preview.toPlainText()
    assert "cooked together" not in after and "[redacted]" in after
    assert "Brackenford" in after  # a restored item stays restored


def test_redact_everywhere_removes_every_occurrence_now_and_after_update(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)

    def mums() -> int:
        return len(re.findall(r"\bmum\b", dialog.preview.toPlainText(), re.IGNORECASE))

    assert mums() >= 2
    _select(dialog, "mum")
    qtbot.mouseClick(dialog.redact_all_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    assert mums() == 0
    _update(qtbot, dialog, journal_worker)
    assert mums() == 0


def test_one_row_restores_every_mention_of_a_person_and_enter_replaces_them_again(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)
    rows = [dialog.replacement_list.item(i).text() for i in range(dialog.replacement_list.count())]
    row = next(i for i, r in enumerate(rows) if r.startswith("Parent 1 ←"))
    mentions = dialog.preview.toPlainText().count("Parent 1")
    assert f"×{mentions}" in rows[row]
    dialog.replacement_list.setCurrentRow(row)
    dialog.replacement_list.setFocus()
    qtbot.keyClick(dialog.replacement_list, Qt.Key.Key_Return)
    wait_idle(qtbot, journal_worker)
    assert "Parent 1" not in dialog.preview.toPlainText()
    current = dialog.replacement_list.item(row)
    assert "kept as written" in current.text()
    dialog.replacement_list.setCurrentRow(row)
    qtbot.keyClick(dialog.replacement_list, Qt.Key.Key_Return)
    wait_idle(qtbot, journal_worker)
    assert dialog.preview.toPlainText().count("Parent 1") == mentions


def test_please_check_lists_what_the_anonymiser_cannot_judge(
    qtbot: QtBot, dialog: SupervisionExportDialog, journal_worker: JournalWorker
) -> None:
    _preview(qtbot, dialog, journal_worker)
    assert dialog.check_list.accessibleName() == "Please check before export"
    assert dialog.check_list.count() >= 1
    _select(dialog, "cooked together")
    qtbot.mouseClick(dialog.redact_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, journal_worker)
    rows = [dialog.check_list.item(i).text() for i in range(dialog.check_list.count())]
    assert not any("Mentee A" in r.split("—")[0] or "Parent 1" in r.split("—")[0] for r in rows), (
        rows
    )
