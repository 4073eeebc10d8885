"""Every journal repository round-trips its values through real SQLCipher, and indexes for search."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from mentorjournal.changes import Changes
from mentorjournal.clock import ManualClock
from mentorjournal.domain import (
    AgendaItem,
    Consent,
    ConsentMethod,
    Contact,
    ContactRole,
    CpdEntry,
    GoalStatus,
    GoalStep,
    MenteeStatus,
    Place,
    PlaceKind,
    PlanSection,
    ReflectionModel,
    Resource,
    SelfCareCheck,
    SourceKind,
    SupervisionAction,
    SupervisionFocus,
    SupervisionFunction,
    SupervisionSession,
    TimelineKind,
    new_id,
)
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note, make_reflection

DAY = 86400


def test_mentee_round_trip_with_every_field(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal, "M-010")
    full = replace(
        mentee,
        legal_name="Alexandra Example",
        first_name="Alex",
        last_name="Example",
        preferred_name="Lex",
        date_of_birth=date(2004, 2, 29),
        phone="+44 7700 900000",
        email="lex@example.org",
        notes="Prefers afternoons. \u2728",
        status=MenteeStatus.PAUSED,
        status_since=date(2026, 1, 5),
    )
    result = memory_journal.update_mentee(full)
    assert result.changes == Changes(mentees=True)
    assert memory_journal.get_mentee(mentee.id) == full
    assert memory_journal.mentee_by_code("m-010") == full  # codes match case-insensitively
    assert memory_journal.list_mentees(status=MenteeStatus.ACTIVE) == []


def test_duplicate_codes_are_refused(memory_journal: Journal) -> None:
    make_mentee(memory_journal, "M-011")
    with pytest.raises(ValidationError, match="already exists"):
        make_mentee(memory_journal, "M-011")


def test_status_changes_close_archive_and_reopen(
    memory_journal: Journal, vault_clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal)
    with pytest.raises(ValidationError):
        memory_journal.archive_mentee(mentee.id, date(2030, 1, 1))
    closed = memory_journal.set_mentee_status(mentee.id, MenteeStatus.CLOSED).value
    assert closed.closed_on == vault_clock.now().date()
    archived = memory_journal.archive_mentee(mentee.id, date(2033, 1, 1)).value
    assert archived.archived and memory_journal.list_mentees(archived=True) == [archived]
    assert memory_journal.mentees_due_for_erasure(date(2032, 12, 31)) == []
    assert memory_journal.mentees_due_for_erasure(date(2033, 1, 1)) == [archived]
    reopened = memory_journal.set_mentee_status(mentee.id, MenteeStatus.ACTIVE).value
    assert not reopened.archived and reopened.closed_on is None


def test_listings_give_every_mentee_by_code_without_names(memory_journal: Journal) -> None:
    from mentorjournal.domain import MenteeListing

    later = make_mentee(memory_journal, "M-002", first_name="Example", last_name="Person")
    first = make_mentee(memory_journal, "M-001")
    memory_journal.set_mentee_status(later.id, MenteeStatus.CLOSED)
    memory_journal.archive_mentee(later.id, date(2033, 1, 1))
    assert memory_journal.mentee_listings() == [
        MenteeListing(first.id, "M-001", MenteeStatus.ACTIVE, archived=False),
        MenteeListing(later.id, "M-002", MenteeStatus.CLOSED, archived=True),
    ]
    assert [m.code for m in memory_journal.list_mentees()] == ["M-001", "M-002"]


def test_contacts_places_consents_resources_round_trip(memory_journal: Journal) -> None:
    m = make_mentee(memory_journal).id
    contact = Contact(new_id(), m, "Jo Example", ContactRole.PARENT, "mum", "01632 960000")
    place = Place(new_id(), m, "Riverside College", PlaceKind.SCHOOL)
    consent = Consent(
        new_id(), m, "Share progress", "Key worker", date(2026, 1, 5), ConsentMethod.WRITTEN
    )
    resource = Resource(new_id(), m, "Food bank", "food", "0808 000 000", date(2026, 1, 6))
    memory_journal.save_contact(contact)
    memory_journal.save_place(place)
    memory_journal.save_consent(consent)
    memory_journal.save_resource(resource)
    assert memory_journal.list_contacts(m) == [contact]
    assert memory_journal.list_places(m) == [place]
    assert memory_journal.list_consents(m) == [consent]
    assert memory_journal.list_resources(m) == [resource]
    withdrawn = replace(consent, withdrawn_on=date(2026, 2, 1))
    memory_journal.save_consent(withdrawn)
    assert memory_journal.list_consents(m) == [withdrawn]
    memory_journal.delete_contact(contact.id)
    assert memory_journal.list_contacts(m) == []
    with pytest.raises(RecordNotFound):
        memory_journal.delete_contact(contact.id)
    with pytest.raises(ValidationError):
        memory_journal.save_place(replace(place, id=new_id(), mentee_id=new_id()))


def test_goal_with_steps_and_progress_round_trips(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    goal = memory_journal.add_goal(
        mentee.id,
        "I want to get back to college",
        specific="Enrol on the access course",
        time_bound=date(2026, 9, 1),
        gas_levels={-2: "No application", 0: "Applied", 2: "Started the course"},
        steps=(GoalStep(new_id(), "Phone admissions", date(2026, 2, 1)),),
    ).value
    assert memory_journal.get_goal(goal.id) == goal
    ticked = replace(
        goal,
        status=GoalStatus.ACHIEVED,
        steps=(replace(goal.steps[0], done=True), GoalStep(new_id(), "Visit open day")),
    )
    memory_journal.update_goal(ticked)
    assert memory_journal.list_goals(mentee.id) == [ticked]
    note = make_note(memory_journal, mentee)
    first = memory_journal.add_progress(goal.id, on=date(2026, 2, 1), gas_level=-1).value
    latest = memory_journal.add_progress(
        goal.id, on=date(2026, 3, 1), gas_level=1, percent=60, note="Applied!", session_id=note.id
    ).value
    assert memory_journal.progress(goal.id) == [first, latest]
    (overview,) = memory_journal.goal_overviews(mentee.id)
    assert overview.latest == latest and overview.progress_count == 2
    assert memory_journal.gas_t_score(mentee.id) == pytest.approx(60.0)
    assert [h.record_id for h in memory_journal.search("applied", kinds=["progress"])] == [
        latest.id
    ]
    memory_journal.delete_goal(goal.id)
    assert memory_journal.list_goals(mentee.id) == []
    assert memory_journal.search("admissions") == []
    assert memory_journal.search("applied") == []


def test_plan_versions_are_kept_and_the_latest_is_current(
    memory_journal: Journal, vault_clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal)
    assert memory_journal.current_plan(mentee.id) is None
    v1 = memory_journal.save_plan(mentee.id, {PlanSection.WARNING_SIGNS: ["Not sleeping"]}).value
    vault_clock.advance(DAY)
    v2 = memory_journal.save_plan(
        mentee.id,
        {
            PlanSection.WARNING_SIGNS: ["Not sleeping", "Skipping meals"],
            PlanSection.PROFESSIONALS: ["Crisis line 0800 000 0000"],
        },
        note="Reviewed together",
    ).value
    assert (v1.version, v2.version) == (1, 2)
    plan = memory_journal.plan(mentee.id)
    assert plan.versions == (v1, v2) and plan.current == v2
    assert memory_journal.plan_version(mentee.id, 1) == v1
    hits = memory_journal.search("sleeping", kinds=["plan"])
    assert [h.record_id for h in hits] == [v2.id]  # only the current version is searchable
    with pytest.raises(RecordNotFound):
        memory_journal.plan_version(mentee.id, 3)


def test_reflection_round_trip_and_session_link_sets_the_mentee(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    note = make_note(memory_journal, mentee)
    reflection = memory_journal.add_reflection(
        "Rushing to fix",
        model=ReflectionModel.DRISCOLL,
        sections={"What?": "I interrupted.", "Now what?": "Count to three."},
        session_id=note.id,
        tags=("listening", "boundaries"),
        flagged_for_supervision=True,
        self_care=SelfCareCheck(energy=4, stress=7, boundaries=6),
    ).value
    assert reflection.mentee_id == mentee.id
    assert memory_journal.get_reflection(reflection.id) == reflection
    assert memory_journal.list_reflections(flagged_only=True) == [reflection]
    assert [h.record_id for h in memory_journal.search("interrupted")] == [reflection.id]
    memory_journal.delete_reflection(reflection.id)
    assert memory_journal.list_reflections() == []


def test_supervision_round_trip_and_agenda_candidates(memory_journal: Journal) -> None:
    mentee = make_mentee(memory_journal)
    risky = make_note(memory_journal, mentee, risk_flag=True, risk_followup="Safety plan checked")
    plain = make_note(memory_journal, mentee)
    flagged = make_reflection(memory_journal, flagged_for_supervision=True)
    make_reflection(memory_journal, title="Not flagged")
    candidates = memory_journal.agenda_candidates()
    assert {c.source_id for c in candidates} == {risky.id, flagged.id}
    memory_journal.flag_note(plain.id)
    assert {c.source_id for c in memory_journal.agenda_candidates()} == {
        risky.id,
        flagged.id,
        plain.id,
    }
    session = SupervisionSession(
        new_id(),
        date(2026, 1, 20),
        "Dr Example",
        agenda=(
            AgendaItem(
                new_id(),
                "How do I hold the risk?",
                SupervisionFunction.NORMATIVE,
                SupervisionFocus.MENTEE,
                SourceKind.NOTE,
                risky.id,
            ),
            AgendaItem(new_id(), "Feeling drained", SupervisionFunction.RESTORATIVE),
        ),
        discussion="Talked through escalation routes.",
        actions=(
            SupervisionAction(new_id(), "Read the safeguarding policy", "me", date(2026, 2, 1)),
        ),
    )
    memory_journal.save_supervision(session)
    assert memory_journal.get_supervision(session.id) == session
    assert memory_journal.list_supervision() == [session]
    assert risky.id not in {c.source_id for c in memory_journal.agenda_candidates()}
    assert risky.id in {c.source_id for c in memory_journal.agenda_candidates(include_taken=True)}
    assert [h.record_id for h in memory_journal.search("escalation")] == [session.id]
    done = replace(session, actions=(replace(session.actions[0], done=True),))
    memory_journal.save_supervision(done)
    assert memory_journal.get_supervision(session.id) == done
    memory_journal.delete_supervision(session.id)
    assert memory_journal.search("escalation") == []


def test_cpd_round_trip_and_yearly_totals(memory_journal: Journal) -> None:
    a = memory_journal.add_cpd("Trauma-informed care", date(2025, 11, 3), 6, kind="course").value
    b = memory_journal.add_cpd("Peer support forum", date(2026, 1, 9), 1.5).value
    c = CpdEntry(new_id(), "Reading: motivational interviewing", date(2026, 2, 2), 2.25)
    memory_journal.save_cpd(c)
    assert memory_journal.list_cpd(year=2026) == [c, b]
    assert memory_journal.list_cpd() == [c, b, a]
    totals = memory_journal.cpd_totals()
    assert [(t.year, t.hours, t.entries) for t in totals] == [(2025, 6.0, 1), (2026, 3.75, 2)]
    memory_journal.delete_cpd(a.id)
    assert [t.year for t in memory_journal.cpd_totals()] == [2026]


def test_timeline_merges_sessions_progress_and_reflections_by_date(
    memory_journal: Journal, vault_clock: ManualClock
) -> None:
    mentee = make_mentee(memory_journal)
    note = make_note(memory_journal, mentee, text="First session.")
    goal = memory_journal.add_goal(mentee.id, "Sleep better").value
    vault_clock.advance(2 * DAY)
    progress = memory_journal.add_progress(goal.id, gas_level=0).value
    vault_clock.advance(DAY)
    reflection = make_reflection(memory_journal, mentee_id=mentee.id)
    timeline = memory_journal.timeline(mentee.id)
    assert [(e.kind, e.record_id) for e in timeline] == [
        (TimelineKind.SESSION, note.id),
        (TimelineKind.PROGRESS, progress.id),
        (TimelineKind.REFLECTION, reflection.id),
    ]
    window = memory_journal.timeline(mentee.id, since=progress.on, until=progress.on)
    assert [e.record_id for e in window] == [progress.id]


def test_every_command_leaves_an_audit_event_without_content(memory_journal: Journal) -> None:
    from mentorjournal.storage import audit

    mentee = make_mentee(memory_journal)
    note = make_note(memory_journal, mentee, text="secretword inside", sign=True)
    memory_journal.add_addendum(note.id, "another secretword")
    events = audit.events(db_of(memory_journal))
    assert [e.action for e in events] == ["create", "create", "sign", "addendum"]
    assert all("secretword" not in f"{e.detail}{e.record_id}" for e in events)
    assert audit.verify_chain(db_of(memory_journal)).ok


def test_each_command_reports_what_it_changed(memory_journal: Journal) -> None:
    j = memory_journal
    added = j.add_mentee("M-050")
    assert added.changes == Changes(mentees=True)
    m = added.value.id
    assert j.save_contact(Contact(new_id(), m, "Jo")).changes == Changes(contacts=True)
    assert j.add_goal(m, "Walk daily").changes == Changes(goals=True, search=True)
    plan = j.save_plan(m, {PlanSection.SELF_COPING: ["Music"]})
    assert plan.changes == Changes(plans=True, search=True)
    assert j.new_note(m).changes == Changes(sessions=True, search=True)
    reflection = j.add_reflection("Tired", flagged_for_supervision=True)
    assert reflection.changes.reflections and reflection.changes.supervision
    session = SupervisionSession(new_id(), date(2026, 1, 1), "Dr Example")
    assert j.save_supervision(session).changes == Changes(supervision=True, search=True)
    assert j.add_cpd("Course", date(2026, 1, 1), 2).changes == Changes(cpd=True)
    assert j.erase_mentee(m).changes == Changes.all()
