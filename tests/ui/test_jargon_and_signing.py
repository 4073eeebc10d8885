"""Terms of the trade explain themselves; Sign & lock is in sight; a signed note says so plainly."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.domain.notes import NoteTemplate
from tests.fixtures.journal_fixtures import make_mentee, make_note
from ui.glossary import TERMS, HelpButton
from ui.pages.sessions.page import SessionsTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _tab(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> SessionsTab:
    tab = SessionsTab(worker, prompts, autosave_ms=100)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)
    tab.resize(1000, 640)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_every_template_says_what_its_letters_stand_for(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    tab = _tab(qtbot, journal_worker, prompts)
    combo = tab.editor.template
    for index in range(combo.count()):
        template = NoteTemplate(combo.itemData(index))
        tip = combo.itemData(index, Qt.ItemDataRole.ToolTipRole)
        assert tip, template
        for section in template.sections if template is not NoteTemplate.FREE else ():
            assert section in tip, (template, section)
    help_button = tab.editor.template_help
    combo.setCurrentIndex(combo.findData(NoteTemplate.GIRP.value))
    assert "Goals" in help_button.toolTip()


def test_the_other_terms_have_one_sentence_each() -> None:
    for term in (
        "gas",
        "proctor",
        "fingerprint",
        "recalibrate",
        "seven-eyed",
        "sign",
        "phq9",
        "gad7",
    ):
        sentence = TERMS[term]
        assert sentence.endswith(".") and len(sentence) < 260, term


def test_sign_and_lock_is_in_sight_and_a_signed_note_shows_no_raw_fingerprint(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts, journal: Any
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, journal_worker, prompts)
    tab.set_mentee(mentee.id)
    tab.new_note()
    editor = tab.editor
    qtbot.waitUntil(lambda: editor.note_id is not None, timeout=5000)
    qtbot.waitUntil(lambda: not editor.sign_button.visibleRegion().isEmpty(), timeout=2000)
    button = editor.sign_button
    assert button.mapTo(tab, button.rect().bottomRight()).y() <= tab.height()
    assert button.property("primary") is True
    qtbot.keyClicks(editor.sections.editors()[0], "Talked through the week.")
    prompts.script("confirm", True)
    button.click()
    qtbot.waitUntil(editor.is_read_only, timeout=5000)
    shown = editor.signed_label.text()
    assert editor.signed_label.isVisible() and "permanent record" in shown
    assert not re.search(r"[0-9a-f]{32}", shown), "a raw fingerprint is not a signed state"
    assert re.search(r"[0-9a-f]{32}", editor.signed_label.toolTip())
    assert editor.status.text().startswith("Signed")


def test_help_button_explains_on_click(qtbot: QtBot) -> None:
    button = HelpButton("gas")
    qtbot.addWidget(button)
    assert "Goal Attainment Scaling" in button.toolTip()
    assert button.accessibleDescription() == button.toolTip()


def test_a_search_hit_opens_its_note_at_the_hit_and_marks_it(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts, journal: Any
) -> None:
    mentee = make_mentee(journal)
    long = "\n".join(f"Line {n} of what was said." for n in range(40))
    sections = dict.fromkeys(NoteTemplate.SOAP.sections, long)
    sections[NoteTemplate.SOAP.sections[-1]] = f"{long}\nWe agreed to visit the zebrafinch aviary."
    note = make_note(journal, mentee, template=NoteTemplate.SOAP, sections=sections, sign=True)
    tab = _tab(qtbot, journal_worker, prompts)
    tab.resize(1000, 500)
    tab.set_mentee(mentee.id)
    tab.open_record("note", note.id)
    tab.highlight("Zebrafinch")
    qtbot.waitUntil(lambda: tab.editor.note_id == note.id, timeout=5000)

    def last() -> Any:
        return tab.editor.sections.editors()[-1]  # made anew for the note's template

    qtbot.waitUntil(lambda: bool(last().extraSelections()), timeout=5000)
    assert last().extraSelections()[0].cursor.selectedText() == "zebrafinch"
    assert [bool(e.extraSelections()) for e in tab.editor.sections.editors()[:-1]] == [False] * 3
    # In sight: the field holding the hit is shown, not the top of the note or its addenda.
    qtbot.waitUntil(lambda: not last().visibleRegion().isEmpty(), timeout=2000)
    qtbot.waitUntil(lambda: tab.editor_scroll.verticalScrollBar().value() > 0, timeout=2000)
    # ... and within the field, at the line of the hit (the 41st line).
    assert last().viewport().rect().contains(last().cursorRect().center())
    assert last().verticalScrollBar().value() > 0


def test_each_questionnaire_says_what_it_is(
    qtbot: QtBot, journal_worker: JournalWorker, prompts: ScriptedPrompts
) -> None:
    from ui.pages.measures.page import MeasuresTab

    tab = MeasuresTab(journal_worker, prompts)
    qtbot.addWidget(tab)
    combo = tab.instrument
    tips = [combo.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(combo.count())]
    assert all(tip and "never a diagnosis" in tip for tip in tips), tips
    assert combo.toolTip() == tips[combo.currentIndex()]
