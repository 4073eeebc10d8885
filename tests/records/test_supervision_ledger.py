"""The supervision ledger: agreement, logged meetings signed off and locked, hours by month.

Rules (docs/record-keeping.md, "Supervision ledger"): an agreement needs its purpose,
frequency, what is recorded and where, and the limits of confidentiality; a meeting is signed
off only once logged (length and Proctor functions), never dated before the meeting or in the
future; once signed off it is locked (only an action's "done" tick may change), sealed, and
verify names any change; hours count logged meetings by month against the agreement's target,
else the service profile's (UK DSA: 1.5 h), else the CPD scheme's (UMHAN: 1.5 h).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
import sqlcipher3

from mentorjournal import domain as d
from mentorjournal.domain.cpd_scheme import CpdScheme, SchemeKind
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.supervision import SupervisionFunction as F
from mentorjournal.domain.supervision_ledger import (
    SupervisionAgreement,
    SupervisionTarget,
    meeting_hash,
    year_hours,
)
from mentorjournal.errors import RecordSigned, ValidationError
from mentorjournal.journal import Journal
from mentorjournal.storage import proofs
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note


def _agreement(**fields: object) -> SupervisionAgreement:
    values: dict[str, object] = {
        "id": d.new_id(), "supervisor": "Dr Ada Example", "started_on": date(2026, 1, 5),
        "purpose": "Safe, effective practice and my wellbeing",
        "frequency": "Monthly, 90 minutes", "recorded": "Agenda and actions in this journal",
        "confidentiality": "Risk of serious harm is shared with the service lead",
        "review_on": date(2027, 1, 5),
    }  # fmt: skip
    values.update(fields)
    return SupervisionAgreement(**values)  # type: ignore[arg-type]


def _meeting(journal: Journal, day: date, minutes: int | None = 90, **fields: object) -> str:
    session = d.SupervisionSession(
        d.new_id(), day, "Dr Ada Example",
        agenda=(d.AgendaItem(d.new_id(), "How do I end well?", F.FORMATIVE),),
        discussion="Endings, and my own tiredness.",
        actions=(d.SupervisionAction(d.new_id(), "Plan the last session", "Me"),),
        minutes=minutes, functions=frozenset({F.FORMATIVE, F.RESTORATIVE}), **fields,
    )  # fmt: skip
    journal.save_supervision(session)
    return session.id


def test_an_agreement_needs_each_part_and_a_sane_review_date() -> None:
    for field in ("purpose", "frequency", "recorded", "confidentiality", "supervisor"):
        with pytest.raises(ValidationError, match="must not be empty"):
            _agreement(**{field: "  "})
    with pytest.raises(ValidationError, match="review date cannot be before"):
        _agreement(review_on=date(2025, 12, 1))
    with pytest.raises(ValidationError, match="monthly target"):
        _agreement(target_hours_per_month=0)
    assert _agreement().review_due(date(2027, 1, 5))


def test_the_agreement_is_kept_and_revised(memory_journal: Journal) -> None:
    journal = memory_journal
    first = _agreement()
    journal.save_supervision_agreement(first)
    revised = replace(first, frequency="Fortnightly, 60 minutes")
    journal.save_supervision_agreement(revised)
    assert journal.supervision_agreements() == [revised]
    events = [
        (e.action, e.kind) for e in journal.audit_events() if e.kind == "supervision_agreement"
    ]
    assert sorted(events) == [
        ("create", "supervision_agreement"),
        ("edit", "supervision_agreement"),
    ]


def test_a_meeting_is_signed_off_only_once_logged_and_then_locked(
    memory_journal: Journal,
) -> None:
    journal = memory_journal
    today = journal.today()
    unlogged = _meeting(journal, today, minutes=None)
    with pytest.raises(ValidationError, match="length and the functions"):
        journal.sign_off_supervision(unlogged, name="Dr Ada Example", signed_on=today)
    meeting = _meeting(journal, today - timedelta(days=2))
    with pytest.raises(ValidationError, match="before the meeting"):
        journal.sign_off_supervision(meeting, name="Dr A", signed_on=today - timedelta(days=3))
    with pytest.raises(ValidationError, match="future"):
        journal.sign_off_supervision(meeting, name="Dr A", signed_on=today + timedelta(days=1))
    with pytest.raises(ValidationError, match="name must not be empty"):
        journal.sign_off_supervision(meeting, name=" ", signed_on=today)
    signoff = journal.sign_off_supervision(meeting, name="Dr Ada Example", signed_on=today).value
    stored = journal.get_supervision(meeting)
    assert signoff.content_hash == meeting_hash(stored)
    assert journal.supervision_signoff(meeting) == signoff
    with pytest.raises(RecordSigned, match="signed off"):
        journal.save_supervision(replace(stored, discussion="Rewritten"))
    with pytest.raises(RecordSigned, match="signed off"):
        journal.delete_supervision(meeting)
    with pytest.raises(RecordSigned):
        journal.sign_off_supervision(meeting, name="Dr Ada Example", signed_on=today)
    conn = db_of(journal)
    with pytest.raises(sqlcipher3.IntegrityError, match="record signed"):
        conn.execute(
            "UPDATE supervision_actions SET text = 'x' WHERE supervision_id = ?", (meeting,)
        )
    with pytest.raises(sqlcipher3.IntegrityError, match="record signed"):
        conn.execute("DELETE FROM supervision_signoffs WHERE id = ?", (meeting,))
    # The one change allowed: an agreed action ticked done.
    (action,) = stored.actions
    journal.set_supervision_action_done(action.id, True)
    assert journal.get_supervision(meeting).actions[0].done
    assert proofs.verify_records(conn, None) == []


def test_verify_names_a_signed_off_meeting_changed_behind_the_apps_back(
    memory_journal: Journal,
) -> None:
    journal = memory_journal
    meeting = _meeting(journal, journal.today())
    journal.sign_off_supervision(meeting, name="Dr Ada Example", signed_on=journal.today())
    conn = db_of(journal)
    conn.execute("DROP TRIGGER supervision_signed_off_no_update")
    conn.execute("UPDATE supervision_sessions SET minutes = 180 WHERE id = ?", (meeting,))
    assert proofs.verify_records(conn, None) == [
        f"supervision record {meeting}: it was changed after it was signed off"
    ]


def test_verify_catches_a_rewritten_signoff_by_its_seal(memory_journal: Journal) -> None:
    journal = memory_journal
    meeting = _meeting(journal, journal.today())
    journal.sign_off_supervision(meeting, name="Dr Ada Example", signed_on=journal.today())
    conn = db_of(journal)
    conn.execute("DROP TRIGGER supervision_signoffs_no_update")
    conn.execute("UPDATE supervision_signoffs SET name = 'Someone else' WHERE id = ?", (meeting,))
    assert proofs.verify_records(conn, None) == [
        f"supervision sign-off {meeting}: its seal does not match"
    ]


def test_erasing_a_mentee_keeps_a_signed_off_meeting_valid(memory_journal: Journal) -> None:
    """An item drawn from the mentee's note goes with the mentee; the sign-off still holds."""
    journal = memory_journal
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    item = d.AgendaItem(d.new_id(), "Am I holding too much?", F.NORMATIVE, None,
                        d.SourceKind.NOTE, note.id)  # fmt: skip
    meeting = _meeting(journal, journal.today())
    stored = journal.get_supervision(meeting)
    journal.save_supervision(replace(stored, agenda=(*stored.agenda, item)))
    journal.sign_off_supervision(meeting, name="Dr Ada Example", signed_on=journal.today())
    journal.set_mentee_status(mentee.id, d.MenteeStatus.CLOSED)
    journal.erase_mentee(mentee.id)
    assert len(journal.get_supervision(meeting).agenda) == 1
    assert proofs.verify_records(db_of(journal), None) == []


def test_hours_by_month_against_the_target_in_order_of_precedence(
    memory_journal: Journal,
) -> None:
    journal = memory_journal
    today = journal.today()
    assert journal.supervision_target() is None
    journal.set_cpd_scheme(CpdScheme(SchemeKind.UMHAN, date(today.year, 1, 1)))
    assert journal.supervision_target() == SupervisionTarget(1.5, "UMHAN")
    journal.set_record_settings(RecordSettings(ServiceProfileKind.UK_DSA))
    assert journal.supervision_target() == SupervisionTarget(1.5, "UK DSA mentoring")
    journal.save_supervision_agreement(
        _agreement(started_on=today - timedelta(days=1), target_hours_per_month=2)
    )
    target = journal.supervision_target()
    assert target == SupervisionTarget(2, "your supervision agreement")
    first_of_month = today.replace(day=1)
    _meeting(journal, first_of_month, minutes=90)
    _meeting(journal, first_of_month, minutes=45)
    _meeting(journal, first_of_month, minutes=None)  # not logged: not counted
    hours = journal.supervision_hours()
    this_month = hours.months[-1]
    assert (this_month.month, this_month.minutes, this_month.meetings) == (first_of_month, 135, 2)
    assert this_month.target_minutes == 120 and this_month.met
    assert len(hours.months) == today.month
    assert hours.minutes == 135 and hours.target_minutes == 120 * today.month
    with pytest.raises(ValidationError, match="still to come"):
        journal.supervision_hours(today.year + 1)


def test_a_past_year_has_twelve_months_and_a_missed_month_shows() -> None:
    meetings = [
        d.SupervisionSession(d.new_id(), date(2025, 3, 4), "Dr A", minutes=60,
                             functions=frozenset({F.NORMATIVE})),
        d.SupervisionSession(d.new_id(), date(2025, 3, 20), "Dr A", minutes=30,
                             functions=frozenset({F.RESTORATIVE})),
        d.SupervisionSession(d.new_id(), date(2026, 1, 4), "Dr A", minutes=600,
                             functions=frozenset({F.FORMATIVE})),
    ]  # fmt: skip
    year = year_hours(meetings, 2025, through=date(2026, 2, 1),
                      target=SupervisionTarget(1.5, "UMHAN"))  # fmt: skip
    assert [m.minutes for m in year.months] == [0, 0, 90, *([0] * 9)]
    assert [m.met for m in year.months][:3] == [False, False, True]
    assert year.minutes == 90 and year.meetings == 2 and year.target_minutes == 90 * 12


def test_a_meeting_length_and_functions_are_checked() -> None:
    with pytest.raises(ValidationError, match="length in minutes"):
        d.SupervisionSession(d.new_id(), date(2026, 1, 2), "Dr A", minutes=0)
    with pytest.raises(ValidationError, match="Function"):
        d.SupervisionSession(d.new_id(), date(2026, 1, 2), "Dr A",
                             functions=frozenset({"normative"}))  # type: ignore[arg-type]  # fmt: skip


def test_the_exported_log_leaves_out_discussion_and_drawn_items(
    memory_journal: Journal, tmp_path: object
) -> None:
    from mentorjournal.export.markdown import to_markdown
    from mentorjournal.export.supervision_log import SupervisionLog, supervision_log_document

    journal = memory_journal
    mentee = make_mentee(journal)
    note = make_note(journal, mentee, sign=True)
    drawn = d.AgendaItem(d.new_id(), "Session with Jamie about the overdose", F.NORMATIVE,
                         None, d.SourceKind.NOTE, note.id)  # fmt: skip
    meeting_id = _meeting(journal, journal.today())
    stored = journal.get_supervision(meeting_id)
    journal.save_supervision(replace(stored, agenda=(*stored.agenda, drawn)))
    journal.sign_off_supervision(meeting_id, name="Dr Ada Example", signed_on=journal.today())
    hours = journal.supervision_hours()
    log = SupervisionLog(
        hours.year, None, hours, None, tuple(journal.list_supervision()),
        journal.supervision_signoffs(),
    )  # fmt: skip
    text = to_markdown(supervision_log_document(log))
    assert "How do I end well?" in text and "a flagged note" in text
    assert "Jamie" not in text and "Endings, and my own tiredness" not in text
    assert "formative, restorative" in text and "Dr Ada Example" in text
