"""The self-review's figures from a real journal: weekly load by local week, follow-ups, CPD."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from mentorjournal.clock import ManualClock
from mentorjournal.domain import SelfCareCheck
from mentorjournal.domain.self_review import monday_of, week_loads
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import make_mentee, make_note

NOW = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)  # Wednesday


def test_sessions_fall_in_the_mentors_local_week() -> None:
    east = timezone(timedelta(hours=3))
    # Sunday 22:30 UTC is already Monday in UTC+3: the next week there.
    late_sunday = datetime(2026, 3, 8, 22, 30, tzinfo=UTC)
    loads = week_loads([(late_sunday, 60)], date(2026, 3, 11), 2, east)
    assert [(w.week_of, w.sessions) for w in loads] == [
        (date(2026, 3, 2), 0),
        (date(2026, 3, 9), 1),
    ]
    loads = week_loads([(late_sunday, 60)], date(2026, 3, 11), 2, UTC)
    assert [w.sessions for w in loads] == [1, 0]
    assert monday_of(date(2026, 3, 15)) == date(2026, 3, 9)


def test_self_review_gathers_load_follow_ups_check_ins_and_cpd(
    memory_journal: Journal, vault_clock: ManualClock
) -> None:
    vault_clock.current = NOW
    mentee = make_mentee(memory_journal, "M-501")
    make_note(memory_journal, mentee, started_at=NOW - timedelta(hours=3))
    make_note(memory_journal, mentee, started_at=NOW - timedelta(days=100))  # outside 12 weeks
    memory_journal.add_reflection(
        "Tired", self_care=SelfCareCheck(energy=3, stress=8, boundaries=5), written_at=NOW
    )
    memory_journal.add_cpd("Course", date(2026, 1, 20), 6.0)
    memory_journal.add_cpd("Old course", date(2025, 6, 1), 10.0)
    memory_journal.open_followup(mentee.id, "Call on Friday.")
    review = memory_journal.self_review(zone=UTC, cpd_target_hours=24)
    assert review.today == date(2026, 3, 11)
    assert len(review.weeks) == 12 and review.weeks[-1].sessions == 1
    assert sum(w.sessions for w in review.weeks) == 1
    assert (review.risk_opened, review.risk_closed) == (1, 0)
    assert review.self_care[0].stress == 8
    assert review.cpd_hours_this_year == 6.0 and review.cpd_share == 0.25
    assert review.caseload_size == 1
    assert review.average_sessions == 0.0  # this week (still under way) is not averaged in
