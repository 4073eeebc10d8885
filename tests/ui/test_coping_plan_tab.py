"""Coping plan: reorder by keyboard and drag, save versions, compare two, print a real PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from mentorjournal.domain.plans import PlanSection
from tests.fixtures.journal_fixtures import make_mentee
from tests.ui.conftest import ask
from ui.pages.coping_plan.diff import Change
from ui.pages.coping_plan.page import CopingPlanTab
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker


def _tab(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> CopingPlanTab:
    tab = CopingPlanTab(worker, prompts)
    qtbot.addWidget(tab)
    worker.changed.connect(tab.on_changes)
    tab.resize(1200, 900)
    tab.show()
    return tab


def _type_items(qtbot: QtBot, tab: CopingPlanTab, section: PlanSection, items: list[str]) -> None:
    editor = tab.sections[section]
    for item in items:
        qtbot.keyClicks(editor.new_item, item)
        qtbot.keyClick(editor.new_item, Qt.Key.Key_Return)


def test_reorder_save_versions_and_diff_highlights_changes(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    coping = tab.sections[PlanSection.SELF_COPING]
    _type_items(qtbot, tab, PlanSection.SELF_COPING, ["Walk the dog", "Music", "Warm bath"])
    _type_items(qtbot, tab, PlanSection.PROFESSIONALS, ["Crisis line 0800 000 000"])
    assert tab.state.text().startswith("Changed")
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.versions_model.rowCount() == 1, timeout=5000)
    assert tab.state.text() == "Current version 1" or tab.state.text().startswith(
        "Saved as version 1"
    )
    # keyboard reorder: select "Warm bath" and move it to the top with Alt+Up twice
    coping.view.setCurrentIndex(coping.model.index(2))
    coping.view.setFocus()
    coping.up_button.click()
    qtbot.keyClick(coping.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert coping.model.items() == ("Warm bath", "Walk the dog", "Music")
    assert coping.view.currentIndex().row() == 0  # selection follows the item
    # drag-and-drop is a model move: drop "Music" above "Walk the dog"
    mime = coping.model.mimeData([coping.model.index(2)])
    coping.model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert coping.model.items() == ("Warm bath", "Music", "Walk the dog")
    # remove one, add one
    coping.view.setCurrentIndex(coping.model.index(2))
    coping.remove_button.click()
    _type_items(qtbot, tab, PlanSection.SELF_COPING, ["Draw"])
    qtbot.keyClicks(tab.version_note, "Reviewed together")
    tab.save_button.click()
    qtbot.waitUntil(lambda: tab.versions_model.rowCount() == 2, timeout=5000)
    versions = ask(qtbot, worker, lambda j: j.plan_versions(mentee.id))
    assert [v.version for v in versions] == [1, 2]
    assert versions[1].items(PlanSection.SELF_COPING) == ("Warm bath", "Music", "Draw")
    assert versions[1].note == "Reviewed together"
    assert versions[0].items(PlanSection.SELF_COPING) == ("Walk the dog", "Music", "Warm bath")
    # the two newest versions are preselected for comparison
    assert tab.compare_button.isEnabled()
    tab.compare_button.click()
    coping_diff = next(d for d in tab.diff_view.diffs() if d.title == PlanSection.SELF_COPING.label)
    changes = {(i.change, i.text) for i in coping_diff.items}
    assert (Change.ADDED, "Draw") in changes
    assert (Change.REMOVED, "Walk the dog") in changes
    assert (Change.MOVED, "Warm bath") in changes or (Change.MOVED, "Music") in changes
    assert "Added: Draw" in tab.diff_view.toPlainText()
    assert tab.diff_summary.text().startswith("Version 1 → version 2: 1 added, 1 removed")


def test_reopening_shows_the_current_version_and_lock_saves_edits(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    mentee = make_mentee(journal)
    journal.save_plan(mentee.id, {PlanSection.WARNING_SIGNS: ["Not sleeping"]})
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    warning = tab.sections[PlanSection.WARNING_SIGNS]
    qtbot.waitUntil(lambda: warning.model.items() == ("Not sleeping",), timeout=5000)
    _type_items(qtbot, tab, PlanSection.WHAT_MATTERS, ["My sister"])
    tab.save_now()  # what lock calls: the edit becomes version 2, nothing lost
    tab.clear()
    assert all(e.model.rowCount() == 0 for e in tab.sections.values())
    assert tab.versions_model.rowCount() == 0
    current = ask(qtbot, worker, lambda j: j.current_plan(mentee.id))
    assert current.version == 2 and current.items(PlanSection.WHAT_MATTERS) == ("My sister",)


def test_print_writes_a_real_one_page_pdf_through_the_file_dialog(
    qtbot: QtBot, worker, prompts, journal, tmp_path: Path
) -> None:
    mentee = make_mentee(journal)
    journal.save_plan(
        mentee.id,
        {
            PlanSection.SELF_COPING: ["Walk by the river"],
            PlanSection.PROFESSIONALS: ["Crisis line 0800 000 000"],
        },
    )
    tab = _tab(qtbot, worker, prompts)
    tab.set_mentee(mentee.id)
    qtbot.waitUntil(lambda: tab.versions_model.rowCount() == 1, timeout=5000)
    target = tmp_path / "plan"
    prompts.script("save_file", str(target))
    tab.print_button.click()
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    # The dialog starts with a name that says what the file is, not in the launch folder.
    ((_kind, offered),) = [o for o in prompts.offered if o[0] == "save_file"]
    assert Path(offered).name == "coping-plan-version-1.pdf"
    assert Path(offered).parent != Path.cwd()
    assert "Print" not in tab.print_button.text()  # it saves a file; printing is from there
    pdf = target.with_suffix(".pdf")
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Walk by the river" in text and "0800 000 000" in text
    assert prompts.asked("error") == []
    # cancelling the file dialog writes nothing
    prompts.script("save_file", None)
    tab.print_button.click()
    assert len(prompts.asked("inform")) == 1
