"""'How I'm doing': weekly load, risk follow-ups, own check-ins, CPD against the target."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from mentorjournal.domain import SelfCareCheck
from tests.fixtures.journal_fixtures import make_mentee, make_note
from ui.pages.self_review.page import SelfReviewPage
from ui.prompts import ScriptedPrompts
from ui.worker import JournalWorker

NOW = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)  # a Wednesday


def test_self_review_shows_the_figures_and_charts(
    qtbot: QtBot,
    journal: Any,
    vault_clock: ManualClock,
    journal_worker: JournalWorker,
    prompts: ScriptedPrompts,
) -> None:
    vault_clock.current = NOW
    mentee = make_mentee(journal, "M-401")
    make_mentee(journal, "M-402")
    for days in (0, 1, 8):
        make_note(journal, mentee, started_at=NOW - timedelta(days=days, hours=2))
    journal.add_reflection(
        "A long week", self_care=SelfCareCheck(energy=4, stress=7, boundaries=6),
        written_at=NOW - timedelta(days=2),
    )  # fmt: skip
    journal.add_cpd("Listening skills", date(2026, 2, 1), 7.5)
    followup = journal.open_followup(mentee.id, "Check in by phone.").value
    journal.close_followup(followup.id, "Phoned; safe.")
    page = SelfReviewPage(journal_worker, prompts)
    page.cpd_target_hours = 30
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.show()
    assert page.figures["caseload"].text() == "2"
    assert page.figures["this_week"].text() == "2 sessions, 2 h"
    assert page.figures["risk"].text() == "1 opened, 1 closed"
    assert page.figures["cpd"].text() == "7.5 of 30 h (25%)"
    sessions = page.load_chart.series_points()["Sessions"]
    assert len(sessions) == 12 and sessions[-1][1] == 2.0 and sessions[-2][1] == 1.0
    care = page.care_chart.series_points()
    assert care["Stress"] == [(date(2026, 3, 9), 7.0)]
    page.clear()
    assert page.figures["caseload"].text() == ""
    assert page.load_chart.series_points() == {}
