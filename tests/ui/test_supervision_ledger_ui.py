"""The supervision ledger in the Supervision page: log a meeting, sign it off, keep the agreement,
see the hours against the target."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.domain.supervision import SupervisionFunction
from tests.ui.conftest import ask
from tests.ui.test_supervision_page import _page


def test_a_logged_meeting_is_signed_off_in_a_dialog_and_then_locked(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    page = _page(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: page.ledger.data is not None, timeout=5000)
    today = journal.today()
    assert page.held_on.date().toPython() == today  # dated by the journal's clock
    qtbot.keyClicks(page.supervisor, "Dr Ada Example")
    page.minutes.setValue(90)
    page.function_boxes[SupervisionFunction.FORMATIVE].setChecked(True)
    page.function_boxes[SupervisionFunction.RESTORATIVE].setChecked(True)
    qtbot.keyClicks(page.action_text, "Plan the ending")
    page.add_action_button.click()
    assert not page.signoff_button.isVisible()  # nothing stored to sign off yet
    page.save_button.click()
    qtbot.waitUntil(lambda: page.sessions.rowCount() == 1, timeout=5000)
    page.sessions_view.selectRow(0)
    qtbot.waitUntil(page.signoff_button.isVisible, timeout=5000)
    for widget in (page.minutes, *page.function_boxes.values(), page.signoff_button):
        assert widget.accessibleName() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus

    dialog = page.open_signoff()
    assert dialog is not None and dialog.name.text() == "Dr Ada Example"
    dialog.name.clear()
    dialog.ok_button.click()  # no name: said in the dialog, which stays open
    assert dialog.isVisible() and "supervisor's name" in dialog.problem.text()
    qtbot.keyClicks(dialog.name, "Dr Ada Example")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: page.state.text().startswith("Signed off"), timeout=5000)
    qtbot.waitUntil(lambda: page.sessions.index(0, 5).data() != "not yet", timeout=5000)
    assert not page.minutes.isEnabled() and page.discussion.isReadOnly()
    assert not page.signoff_button.isVisible()
    stored = ask(qtbot, worker, lambda j: j.list_supervision())[0]
    assert stored.minutes == 90 and len(stored.functions) == 2
    assert ask(qtbot, worker, lambda j: j.supervision_signoff(stored.id)) is not None

    # The one change left: tick the agreed action done.
    page.actions_view.selectRow(0)
    page.done_button.click()
    qtbot.waitUntil(
        lambda: ask(qtbot, worker, lambda j: j.get_supervision(stored.id)).actions[0].done,
        timeout=5000,
    )
    assert prompts.asked("error") == []


def test_the_agreement_is_added_in_a_dialog_and_sets_the_hours_target(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    page = _page(qtbot, worker, prompts)
    page.tabs.setCurrentIndex(1)
    ledger = page.ledger
    qtbot.waitUntil(lambda: "No agreement recorded yet" in ledger.agreement.text(), timeout=5000)
    assert ledger.summary.text().startswith("This month: 0 h")
    dialog = page.open_agreement()
    qtbot.keyClicks(dialog.supervisor, "Dr Ada Example")
    dialog.save_button.click()  # the purpose and the rest are missing
    assert dialog.isVisible() and "Purpose must not be empty" in dialog.problem.text()
    qtbot.keyClicks(dialog.purpose, "Safe practice and my wellbeing")
    qtbot.keyClicks(dialog.frequency, "Monthly, 90 minutes")
    qtbot.keyClicks(dialog.recorded, "Agenda and actions in this journal")
    qtbot.keyClicks(dialog.confidentiality, "Serious risk is shared with the lead")
    dialog.target.setValue(1.5)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: "With Dr Ada Example" in ledger.agreement.text(), timeout=5000)
    assert "Frequency: Monthly, 90 minutes" in ledger.agreement.text()
    assert "of 1.5 h (your supervision agreement)" in ledger.summary.text()
    assert ledger.agreement_button.text().replace("&", "") == "Review agreement…"
    assert ledger.model.rowCount() >= 1
    assert prompts.asked("error") == []


def test_the_log_is_exported_from_the_hours_tab(
    qtbot: QtBot, worker, prompts, journal, tmp_path
) -> None:
    page = _page(qtbot, worker, prompts)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.ledger.data is not None, timeout=5000)
    assert page.ledger.export_button.accessibleName()
    target = tmp_path / "supervision-log.docx"
    prompts.script("save_file", target)
    page.ledger.export_button.click()
    qtbot.waitUntil(lambda: bool(prompts.asked("inform")), timeout=10000)
    assert target.exists() and target.stat().st_size > 0
    assert prompts.asked("error") == []
