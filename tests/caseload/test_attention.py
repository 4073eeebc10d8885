"""The caseload's "needs attention" reasons: most urgent first, each naming what it is about."""

from __future__ import annotations

from datetime import date

from mentorjournal.domain import Instrument, new_id
from mentorjournal.domain.caseload import CaseloadEntry, LatestMeasure


def _entry(**changes: object) -> CaseloadEntry:
    values: dict[str, object] = {
        "mentee_id": new_id(),
        "mentee_code": "M-201",
        "status": "active",
        "last_session": date(2026, 3, 1),
        "days_since_last_session": 9,
        "next_appointment": None,
        "open_risk_followups": 0,
        "unsigned_drafts": 0,
        "goals_review_due": 0,
        "plan_review_due": False,
        "consent_reviews_due": 0,
        "latest_measures": (),
        "gas_t_score": None,
    }
    values.update(changes)
    return CaseloadEntry(**values)  # type: ignore[arg-type]


def test_each_reason_names_the_record_it_is_about_most_urgent_first() -> None:
    worse = LatestMeasure(Instrument.PHQ9, date(2026, 3, 1), 16, "moderately severe", 6)
    entry = _entry(
        open_risk_followups=1,
        days_since_last_session=40,
        latest_measures=(worse,),
        unsigned_drafts=2,
        goals_review_due=1,
        plan_review_due=True,
        consent_reviews_due=1,
    )
    assert [i.kind for i in entry.attention_items()] == [
        "risk_followup",
        "appointment",
        "note",
        "measure",
        "note",
        "goal",
        "plan",
        "consent",
    ]
    assert entry.attention_reasons() == tuple(i.text for i in entry.attention_items())
    told = _entry(open_risk_followups=1, disclosures_untold=2)
    assert [i.kind for i in told.attention_items()][:2] == ["risk_followup", "disclosure"]
    assert told.attention_reasons()[1] == "2 disclosure(s) not yet told"
    assert entry.attention_reasons()[0] == "1 open risk follow-up(s)"
    assert "PHQ-9 up 6" in entry.attention_reasons()


def test_a_mentee_with_nothing_due_needs_no_attention() -> None:
    from mentorjournal.domain.appointments import Appointment
    from mentorjournal.domain.caseload import local_midnight

    entry = _entry()
    nxt = Appointment(new_id(), entry.mentee_id, local_midnight(date(2026, 3, 12)))
    calm = _entry(next_appointment=nxt)
    assert entry.attention_reasons() == ("no next appointment",)
    assert calm.attention_items() == () and not calm.needs_attention
