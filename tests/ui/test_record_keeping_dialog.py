"""Record keeping settings: profile, signer and lists are stored in the vault, refused clearly."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import Signer
from mentorjournal.domain.settings import RecordSettings
from tests.ui.conftest import ask
from ui.pages.settings.record_keeping import RecordKeepingDialog


def _dialog(qtbot: QtBot, worker, prompts) -> RecordKeepingDialog:
    dialog = RecordKeepingDialog(worker, prompts)
    qtbot.addWidget(dialog)
    dialog.load()
    dialog.show()
    return dialog


def test_choosing_a_profile_explains_it_and_saving_stores_everything(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    dialog = _dialog(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: dialog.profile.currentData() == "none", timeout=5000)
    assert dialog.rules.text().startswith("Before signing: nothing beyond")
    dialog.profile.setCurrentIndex(dialog.profile.findData("us_medicaid_peer"))
    text = dialog.rules.text()
    assert "service code" in text and "business day 3" in text and "15-minute units" in text
    assert "Peer support, individual = H0038" in dialog.services.placeholderText()
    qtbot.keyClicks(dialog.name, "Sam Example")
    qtbot.keyClicks(dialog.role, "Peer Support Specialist")
    qtbot.keyClicks(dialog.credentials, "CPS")
    dialog.places.setPlainText("Drop-in centre\n\nCommunity (99)\n")
    dialog.services.setPlainText("Walk and talk = H0038\nPhone check-in")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.buttons.accepted.emit()
    stored = ask(qtbot, worker, lambda j: j.record_settings())
    assert stored == RecordSettings(
        ServiceProfileKind.US_MEDICAID_PEER,
        Signer("Sam Example", "Peer Support Specialist", "CPS"),
        places=("Drop-in centre", "Community (99)"),
        services=(("Walk and talk", "H0038"), ("Phone check-in", "")),
    )
    assert prompts.asked("error") == []
    again = _dialog(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: again.name.text() == "Sam Example", timeout=5000)
    assert again.profile.currentData() == "us_medicaid_peer"
    assert again.services.toPlainText() == "Walk and talk = H0038\nPhone check-in"


def test_a_name_without_a_role_is_refused_in_one_line_and_nothing_is_stored(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    dialog = _dialog(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: dialog.profile.currentData() == "none", timeout=5000)
    qtbot.keyClicks(dialog.name, "Sam Example")
    dialog.places.setPlainText("Office\nOffice")
    dialog.buttons.accepted.emit()
    (error,) = prompts.asked("error")
    assert "your role" in str(error.answer) and "\n" not in str(error.answer)
    assert dialog.isVisible() and dialog.name.text() == "Sam Example"
    assert ask(qtbot, worker, lambda j: j.record_settings()) == RecordSettings()


def test_the_rules_tab_changes_what_a_profile_requires_and_keeps_each_profile_apart(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    from mentorjournal.domain.rule_overrides import RuleOverride
    from mentorjournal.domain.service_profile import HeaderField

    dialog = _dialog(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: dialog.profile.currentData() == "none", timeout=5000)
    dialog.profile.setCurrentIndex(dialog.profile.findData("uk_dsa"))
    assert dialog.required[HeaderField.PLACE].isChecked()
    assert dialog.due_kind.currentData() == "hours" and dialog.due_value.value() == 24
    dialog.tabs.setCurrentIndex(1)
    dialog.required[HeaderField.GOALS].setChecked(True)
    dialog.due_kind.setCurrentIndex(dialog.due_kind.findData("business_days"))
    dialog.due_value.setValue(2)
    assert "a plan goal" in dialog.rules.text() and "business day 2" in dialog.rules.text()
    # Another profile shows its own rules; coming back shows what was typed.
    dialog.profile.setCurrentIndex(dialog.profile.findData("volunteer"))
    assert not dialog.required[HeaderField.GOALS].isChecked()
    assert dialog.due_value.value() == 5
    dialog.profile.setCurrentIndex(dialog.profile.findData("uk_dsa"))
    assert dialog.required[HeaderField.GOALS].isChecked() and dialog.due_value.value() == 2
    qtbot.keyClicks(dialog.name, "Sam Example")
    qtbot.keyClicks(dialog.role, "Mentor")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.buttons.accepted.emit()
    stored = ask(qtbot, worker, lambda j: j.record_settings())
    uk = ServiceProfileKind.UK_DSA
    assert stored.overrides == {
        uk: RuleOverride(
            uk.rules.required | {HeaderField.GOALS}, due_business_days=2, crisis_due_hours=24
        )
    }
    assert stored.rules.due_business_days == 2 and stored.rules.due_hours is None
    again = _dialog(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: again.name.text() == "Sam Example", timeout=5000)
    assert again.required[HeaderField.GOALS].isChecked() and again.due_value.value() == 2
    again.reset_rules.click()
    assert not again.required[HeaderField.GOALS].isChecked()


def test_a_rule_that_cannot_hold_is_refused_in_one_line_and_nothing_is_stored(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    from mentorjournal.domain.service_profile import HeaderField

    dialog = _dialog(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: dialog.profile.currentData() == "none", timeout=5000)
    dialog.required[HeaderField.SERVICE_CODE].setChecked(True)
    assert "cannot be saved yet" in dialog.rules.text()
    dialog.buttons.accepted.emit()
    (error,) = prompts.asked("error")
    assert "service type required" in str(error.answer) and "\n" not in str(error.answer)
    assert dialog.isVisible()
    assert ask(qtbot, worker, lambda j: j.record_settings()) == RecordSettings()


def test_the_retention_tab_shows_the_profile_periods_and_stores_changes(
    qtbot: QtBot, worker, prompts, journal
) -> None:
    from mentorjournal.domain.retention import RecordType

    dialog = _dialog(qtbot, worker, prompts)
    qtbot.waitUntil(lambda: dialog.profile.currentData() == "none", timeout=5000)
    dialog.profile.setCurrentIndex(dialog.profile.findData("us_medicaid_peer"))
    dialog.tabs.setCurrentIndex(2)
    assert dialog.years[RecordType.SESSION_NOTES].value() == 5
    assert "Medicaid" in dialog.retention_source.text()
    dialog.profile.setCurrentIndex(dialog.profile.findData("uk_dsa"))
    assert dialog.years[RecordType.SESSION_NOTES].value() == 20
    assert "NHS" in dialog.retention_source.text()
    dialog.years[RecordType.APPOINTMENTS].setValue(3)
    qtbot.keyClicks(dialog.name, "Sam Example")
    qtbot.keyClicks(dialog.role, "Mentor")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.buttons.accepted.emit()
    stored = ask(qtbot, worker, lambda j: j.record_settings())
    assert stored.retention == {ServiceProfileKind.UK_DSA: {RecordType.APPOINTMENTS: 3}}
    assert stored.retention_policy.years(RecordType.APPOINTMENTS) == 3
