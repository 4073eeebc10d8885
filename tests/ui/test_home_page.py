"""The caseload home: this week's appointments, the caseload table, sorting, filtering, opening."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from mentorjournal.domain import Instrument
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.ui.conftest import wait_idle
from ui.pages.home.models import CaseloadColumn, CaseloadModel, WeekAppointmentsModel
from ui.pages.home.page import HomePage
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker

NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _seed(journal: Any, clock: ManualClock) -> dict[str, str]:
    clock.current = NOW
    busy = make_mentee(journal, "M-101")
    quiet = make_mentee(journal, "M-102")
    make_note(journal, busy, started_at=NOW - timedelta(days=2))  # an unsigned draft
    make_note(journal, quiet, started_at=NOW - timedelta(days=3), sign=True)
    journal.add_appointment(busy.id, NOW + timedelta(hours=3))
    journal.add_appointment(quiet.id, NOW + timedelta(days=2))
    journal.add_measure(busy.id, Instrument.PHQ9, [1] * 9)  # item 9: a risk follow-up
    return {"busy": busy.id, "quiet": quiet.id}


def _page(qtbot: QtBot, worker: JournalWorker, prompts: ScriptedPrompts) -> HomePage:
    page = HomePage(worker, prompts)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    return page


def test_home_shows_the_weeks_appointments_and_one_row_per_active_mentee(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    _seed(journal, vault_clock)
    page = _page(qtbot, journal_worker, prompts)
    assert page.week_model.rowCount() == 2
    assert [page.week_model.index(r, 1).data() for r in range(2)] == ["M-101", "M-102"]
    assert page.caseload_model.rowCount() == 2
    codes = {e.mentee_code: e for e in page.caseload_model.records()}
    assert codes["M-101"].open_risk_followups == 1
    assert codes["M-101"].unsigned_drafts == 1
    cell = page.caseload_model.index(
        page.caseload_model.row_of(codes["M-101"].mentee_id), CaseloadColumn.MEASURES
    )
    assert cell.data() == "PHQ-9 9"  # score (and change); the band is in the tooltip
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == "PHQ-9 9 (mild)"
    assert "2 active mentee(s)" in page.count_label.text()


def test_needs_attention_filter_and_sorting(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    _seed(journal, vault_clock)
    page = _page(qtbot, journal_worker, prompts)
    page.caseload_view.sortByColumn(CaseloadColumn.ATTENTION, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, CaseloadColumn.MENTEE).data() == "M-101"  # open risk first
    page.caseload_view.sortByColumn(CaseloadColumn.ATTENTION, Qt.SortOrder.AscendingOrder)
    assert page.proxy.index(0, CaseloadColumn.MENTEE).data() == "M-102"
    waiting = [e for e in page.caseload_model.records() if e.needs_attention]
    page.attention.setChecked(True)
    assert page.proxy.rowCount() == len(waiting)
    page.attention.setChecked(False)
    assert page.proxy.rowCount() == 2


def test_activating_a_cell_asks_for_the_part_of_the_record_it_is_about(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    ids = _seed(journal, vault_clock)
    page = _page(qtbot, journal_worker, prompts)
    asked: list[tuple[str, str, str]] = []
    page.record_requested.connect(lambda *a: asked.append(a))
    row = next(
        r for r in range(page.proxy.rowCount())
        if page.proxy.index(r, 0).data() == "M-101"
    )  # fmt: skip
    page.caseload_view.activated.emit(page.proxy.index(row, CaseloadColumn.MEASURES))
    page.caseload_view.activated.emit(page.proxy.index(row, CaseloadColumn.NEXT))
    assert asked[0] == ("measure", "", ids["busy"])
    assert asked[1][0] == "appointment" and asked[1][1] and asked[1][2] == ids["busy"]
    page.week_view.activated.emit(page.week_model.index(0, 0))
    assert asked[2][0] == "appointment" and asked[2][2] == ids["busy"]
    # "Needs attention" opens its most urgent reason: M-101's open risk follow-up.
    page.caseload_view.activated.emit(page.proxy.index(row, CaseloadColumn.ATTENTION))
    assert asked[3] == ("risk_followup", "", ids["busy"])


def test_home_reloads_on_changes_and_clears_on_lock(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    ids = _seed(journal, vault_clock)
    page = _page(qtbot, journal_worker, prompts)
    results: list[Any] = []
    journal_worker.changed.connect(page.on_changes)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        journal_worker.command(
            lambda j: j.add_appointment(ids["quiet"], NOW + timedelta(days=1)), results.append
        )
    assert page.week_model.rowCount() == 3
    page.clear()
    assert page.week_model.rowCount() == page.caseload_model.rowCount() == 0
    wait_idle(qtbot, journal_worker)


def test_home_models_pass_the_model_tester(
    qtmodeltester: Any,
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    _seed(journal, vault_clock)
    page = _page(qtbot, journal_worker, prompts)
    week = WeekAppointmentsModel()
    week.set_records(page.week_model.records())
    caseload = CaseloadModel()
    caseload.set_records(page.caseload_model.records())
    qtmodeltester.check(week)
    qtmodeltester.check(caseload)
    qtmodeltester.check(page.proxy)


def test_home_is_the_first_page_after_unlock_and_opens_a_mentees_record(
    qtbot: QtBot, make_controller: Any, locked_vault: Any
) -> None:
    from tests.ui.test_app_flows import _unlocked

    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    home = main.page("home")
    assert main.current_page() is home
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.caseload_model.rowCount() == 2, timeout=10000)
    entry = home.caseload_model.records()[0]
    home.record_requested.emit("measure", "", entry.mentee_id)
    assert main.mentee_id == entry.mentee_id
    assert main.current_page() is main.page("measures")
    main.select_mentee(None)
    assert main.current_page() is home


def test_the_window_shows_with_the_home_already_filled(
    qtbot: QtBot, make_controller: Any, locked_vault: Any
) -> None:
    """One paint with the caseload in it, not an empty home first and a second paint later."""
    from tests.ui.test_app_flows import _unlock

    controller = make_controller(locked_vault.paths)
    rows_when_shown: list[int] = []
    controller.unlocked.connect(
        lambda: rows_when_shown.append(
            controller.main_window.page("home").caseload_model.rowCount()
        )
    )
    controller.start()
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: bool(rows_when_shown), timeout=10000)
    assert rows_when_shown == [2]


def test_the_home_and_the_list_are_read_right_behind_the_unlock_and_a_wrong_one_reads_nothing(
    qtbot: QtBot,
    make_controller: Any,
    locked_vault: Any,
    prompts: ScriptedPrompts,
    monkeypatch: Any,
) -> None:
    """Queued while the KDF runs, the first reads need no word from the GUI thread after it;
    behind a wrong passphrase they fail without a word (the unlock window says why)."""
    from tests.ui.test_app_flows import _unlock
    from ui.controller import State
    from ui.pages.home.page import load_home
    from ui.windows.main_window import load_mentee_rows

    controller = make_controller(locked_vault.paths)
    posted: list[tuple[Any, State]] = []
    real_query = controller.worker.query

    def query(fn: Any, *then: Any) -> None:
        posted.append((fn, controller.state))
        real_query(fn, *then)

    monkeypatch.setattr(controller.worker, "query", query)
    controller.start()
    qtbot.waitUntil(  # the warm-up has built the home
        lambda: "main" in controller._windows and controller._windows["main"].first_page_built(),
        timeout=10000,
    )
    _unlock(qtbot, controller, "not the passphrase")
    qtbot.waitUntil(lambda: controller.state is State.UNLOCK, timeout=10000)
    qtbot.waitUntil(lambda: controller.worker.pending == 0, timeout=10000)
    assert (load_home, State.OPENING) in posted and (load_mentee_rows, State.OPENING) in posted
    assert prompts.asked("error") == []
    home = controller._windows["main"].built_page("home")
    assert home.caseload_model.rowCount() == 0
    rows_when_shown: list[int] = []
    controller.unlocked.connect(lambda: rows_when_shown.append(home.caseload_model.rowCount()))
    posted.clear()
    _unlock(qtbot, controller, locked_vault.passphrase)
    qtbot.waitUntil(lambda: bool(rows_when_shown), timeout=10000)
    assert rows_when_shown == [2]
    assert [state for fn, state in posted if fn in (load_home, load_mentee_rows)] == [
        State.OPENING,
        State.OPENING,
    ]
    assert prompts.asked("error") == []


def test_the_journal_menu_exports_and_prints_the_open_note_and_the_record(
    qtbot: QtBot, make_controller: Any, locked_vault: Any, prompts: ScriptedPrompts, tmp_path: Any
) -> None:
    from tests.ui.test_app_flows import _unlocked
    from ui.windows import export_actions

    controller = make_controller(locked_vault.paths)
    main = _unlocked(qtbot, controller, locked_vault)
    mentee_id = main.sidebar.mentees.mentee(0).id
    main.select_mentee(mentee_id)
    sessions: Any = main.show_mentee_tab("sessions")
    qtbot.waitUntil(lambda: sessions.model.rowCount() == 1, timeout=10000)
    sessions.open_note(sessions.model.record_at(0).id)
    qtbot.waitUntil(lambda: sessions.editor.current_note() is not None, timeout=10000)
    prompts.script("save_file", str(tmp_path / "note.md"))
    prompts.script("inform", None)
    export_actions.export_open_note(main)
    qtbot.waitUntil((tmp_path / "note.md").exists, timeout=10000)
    assert "college interview" in (tmp_path / "note.md").read_text(encoding="utf-8")
    prompts.script("print_document", True)
    export_actions.print_open_note(main)
    qtbot.waitUntil(lambda: bool(prompts.asked("print_document")), timeout=10000)
    assert "college interview" in prompts.asked("print_document")[0].text
    prompts.script("save_file", str(tmp_path / "record.docx"))
    prompts.script("inform", None)
    export_actions.export_mentee_record(main)
    qtbot.waitUntil((tmp_path / "record.docx").exists, timeout=10000)


def test_a_recent_disclosure_the_mentee_was_not_told_of_needs_attention_and_opens_disclosures(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    from mentorjournal.domain import new_id
    from mentorjournal.domain.disclosure import (
        Disclosure,
        DisclosureBasis,
        MenteeInformed,
        ShareMethod,
    )

    ids = _seed(journal, vault_clock)

    def disclose(mentee_id: str, days_ago: int, informed: MenteeInformed, **more: Any) -> str:
        entry = Disclosure(
            new_id(), mentee_id, NOW - timedelta(days=days_ago), DisclosureBasis.RISK_TO_OTHERS,
            "Threat towards a neighbour", "Police non-emergency line", ShareMethod.PHONE,
            "Risk of serious harm to others", informed=informed, **more,
        )  # fmt: skip
        return str(journal.record_disclosure(entry).value.id)

    disclose(ids["quiet"], 40, MenteeInformed.NOT_YET)  # not recent: no reason
    disclose(ids["quiet"], 3, MenteeInformed.AFTER)  # told: no reason
    first = disclose(ids["quiet"], 2, MenteeInformed.NOT_YET)
    page = _page(qtbot, journal_worker, prompts)
    codes = {e.mentee_code: e for e in page.caseload_model.records()}
    assert codes["M-102"].disclosures_untold == 1
    assert codes["M-101"].disclosures_untold == 0
    asked: list[tuple[str, str, str]] = []
    page.record_requested.connect(lambda *a: asked.append(a))
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "M-102")
    cell = page.proxy.index(row, CaseloadColumn.ATTENTION)
    assert "1 disclosure(s) not yet told" in cell.data()
    page.caseload_view.activated.emit(cell)
    assert asked[-1] == ("disclosure", "", ids["quiet"])
    # Telling them (a correction saying so) clears the reason; the home reloads on the change.
    journal_worker.changed.connect(page.on_changes)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        journal_worker.command(
            lambda j: j.record_disclosure(
                Disclosure(
                    new_id(), ids["quiet"], NOW - timedelta(days=2),
                    DisclosureBasis.RISK_TO_OTHERS, "Threat towards a neighbour",
                    "Police non-emergency line", ShareMethod.PHONE,
                    "Risk of serious harm to others", informed=MenteeInformed.AFTER,
                    corrects_id=first,
                )
            ),
            lambda _r: None,
            lambda error: None,
        )  # fmt: skip
    codes = {e.mentee_code: e for e in page.caseload_model.records()}
    assert codes["M-102"].disclosures_untold == 0
