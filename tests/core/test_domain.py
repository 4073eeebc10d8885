"""Domain values validate on construction: bad input is a typed ValidationError, never a bad row."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorjournal.changes import Changed, Changes
from mentorjournal.domain import (
    AgendaItem,
    Consent,
    Contact,
    ContactRole,
    CopingPlanVersion,
    CpdEntry,
    Goal,
    GoalProgress,
    GoalStep,
    Mentee,
    MenteeStatus,
    NoteTemplate,
    PlanSection,
    Reflection,
    ReflectionModel,
    SelfCareCheck,
    SessionNote,
    SourceKind,
    SupervisionFunction,
    SupervisionSession,
    chain_addendum,
    gas_t_score,
    new_id,
    note_hash,
    sign_note,
    verify_chain,
    verify_note,
)
from mentorjournal.domain.note_text import format_note_text, parse_note_text
from mentorjournal.errors import ValidationError

NOW = datetime(2026, 3, 2, 14, 30, tzinfo=UTC)


def _note(**fields: object) -> SessionNote:
    values: dict[str, object] = {"id": new_id(), "mentee_id": new_id(), "started_at": NOW}
    values.update(fields)
    return SessionNote(**values)  # type: ignore[arg-type]


# --- mentee -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["M-017", "A", "Mentee-2026-01"])
def test_good_codes_are_accepted(code: str) -> None:
    assert Mentee(new_id(), code).code == code


@pytest.mark.parametrize("code", ["", " ", "017", "M 017", "M_017", "M-" + "9" * 40, "Zoë-1"])
def test_bad_codes_are_refused(code: str) -> None:
    with pytest.raises(ValidationError):
        Mentee(new_id(), code)


def test_a_mentee_id_must_be_a_uuid() -> None:
    with pytest.raises(ValidationError):
        Mentee("M-017", "M-017")


def test_mentee_contact_details_are_checked() -> None:
    with pytest.raises(ValidationError):
        Mentee(new_id(), "M-1", email="not-an-email")
    with pytest.raises(ValidationError):
        Mentee(new_id(), "M-1", phone="call me maybe")
    assert Mentee(new_id(), "M-1", phone="+44 (0)20 7946 0000", email="a@example.org")


def test_only_a_closed_mentee_is_archived_and_needs_a_retention_date() -> None:
    with pytest.raises(ValidationError):
        Mentee(new_id(), "M-1", archived=True, retention_until=date(2030, 1, 1))
    with pytest.raises(ValidationError):
        Mentee(new_id(), "M-1", status=MenteeStatus.CLOSED, archived=True)
    archived = Mentee(
        new_id(),
        "M-1",
        status=MenteeStatus.CLOSED,
        closed_on=date(2026, 1, 1),
        archived=True,
        retention_until=date(2030, 1, 1),
    )
    assert not archived.erasure_due(date(2029, 12, 31))
    assert archived.erasure_due(date(2030, 1, 1))


def test_closing_cannot_precede_the_start() -> None:
    with pytest.raises(ValidationError):
        Mentee(
            new_id(),
            "M-1",
            status=MenteeStatus.CLOSED,
            started_on=date(2026, 2, 1),
            closed_on=date(2026, 1, 1),
        )


def test_contact_role_must_be_the_enum() -> None:
    with pytest.raises(ValidationError):
        Contact(new_id(), new_id(), "Alex", role="aunt")  # type: ignore[arg-type]
    assert Contact(new_id(), new_id(), "Alex", ContactRole.SIBLING).role is ContactRole.SIBLING


def test_consent_withdrawal_follows_giving_and_ends_it() -> None:
    with pytest.raises(ValidationError):
        Consent(
            new_id(),
            new_id(),
            "Share with GP",
            "GP",
            date(2026, 2, 1),
            withdrawn_on=date(2026, 1, 1),
        )
    consent = Consent(
        new_id(), new_id(), "Share with GP", "GP", date(2026, 1, 1), withdrawn_on=date(2026, 2, 1)
    )
    assert consent.active_on(date(2026, 1, 15))
    assert not consent.active_on(date(2026, 2, 1))


# --- notes --------------------------------------------------------------------------------


def test_template_sections_match_the_domain_brief() -> None:
    assert NoteTemplate.SOAP.sections == ("Subjective", "Objective", "Assessment", "Plan")
    assert NoteTemplate.DAP.sections == ("Data", "Assessment", "Plan")
    assert NoteTemplate.BIRP.sections == ("Behaviour", "Intervention", "Response", "Plan")
    assert NoteTemplate.GIRP.sections == ("Goals", "Intervention", "Response", "Plan")
    assert len(NoteTemplate.FREE.sections) == 1


def test_sections_are_ordered_and_completed_from_a_mapping() -> None:
    note = _note(template=NoteTemplate.DAP, sections={"Plan": "p", "Data": "d"})
    assert note.sections == (("Data", "d"), ("Assessment", ""), ("Plan", "p"))


def test_a_section_the_template_lacks_is_refused() -> None:
    with pytest.raises(ValidationError, match="no such section"):
        _note(template=NoteTemplate.DAP, sections={"Subjective": "x"})


@pytest.mark.parametrize("mood", [-1, 11, True, 5.5])
def test_moods_are_whole_numbers_0_to_10(mood: object) -> None:
    with pytest.raises(ValidationError):
        _note(mood_before=mood)


def test_a_naive_start_time_is_refused() -> None:
    with pytest.raises(ValidationError):
        _note(started_at=datetime(2026, 3, 2, 14, 30))


def test_goal_ids_must_be_ids_and_unique() -> None:
    goal = new_id()
    with pytest.raises(ValidationError):
        _note(goal_ids=(goal, goal))
    with pytest.raises(ValidationError):
        _note(goal_ids=("not an id",))


def test_signature_and_signing_time_come_together() -> None:
    with pytest.raises(ValidationError):
        _note(signed_at=NOW)
    with pytest.raises(ValidationError):
        _note(signed_at=NOW, signature="xyz")


def test_signing_hashes_content_and_any_change_breaks_it() -> None:
    note = _note(sections={"Body": "Talked about college."}, mood_before=4)
    signed = sign_note(note, NOW)
    assert verify_note(signed)
    for changed in (
        SessionNote(**{**signed.__dict__, "sections": (("Body", "Talked about work."),)}),
        SessionNote(**{**signed.__dict__, "mood_before": 5}),
        SessionNote(**{**signed.__dict__, "started_at": NOW + timedelta(minutes=1)}),
        SessionNote(**{**signed.__dict__, "signed_at": NOW + timedelta(seconds=1)}),
    ):
        assert not verify_note(changed)
    with pytest.raises(ValidationError):
        sign_note(signed, NOW)


def test_the_hash_ignores_unicode_composition_and_time_zone_spelling() -> None:
    composed = _note(sections={"Body": "caf\u00e9"})
    decomposed = SessionNote(**{**composed.__dict__, "sections": (("Body", "cafe\u0301"),)})
    assert note_hash(composed, NOW) == note_hash(decomposed, NOW)
    elsewhere = NOW.astimezone(timezone(timedelta(hours=5)))
    assert note_hash(composed, NOW) == note_hash(composed, elsewhere)


def test_addenda_chain_and_a_broken_link_is_found() -> None:
    signed = sign_note(_note(sections={"Body": "Original."}), NOW)
    first = chain_addendum(signed, None, addendum_id=new_id(), written_at=NOW, text="One.")
    second = chain_addendum(signed, first, addendum_id=new_id(), written_at=NOW, text="Two.")
    assert first.prev_hash == signed.signature and second.prev_hash == first.hash
    assert verify_chain(signed, [first, second]) is None
    forged = type(first)(**{**first.__dict__, "text": "One, edited."})
    assert verify_chain(signed, [forged, second]) == 1
    assert verify_chain(signed, [second]) == 1  # a removed first link
    assert verify_chain(signed, [first, first]) == 2


def test_an_unsigned_note_takes_no_addendum() -> None:
    with pytest.raises(ValidationError):
        chain_addendum(_note(), None, addendum_id=new_id(), written_at=NOW, text="x")


# --- note text ----------------------------------------------------------------------------


def test_headings_fill_sections_case_insensitively() -> None:
    text = "## behaviour\nQuiet at first.\n\n## Plan:\r\nCall on Friday.\r\n"
    assert parse_note_text(NoteTemplate.BIRP, text) == (
        ("Behaviour", "Quiet at first."),
        ("Intervention", ""),
        ("Response", ""),
        ("Plan", "Call on Friday."),
    )


@pytest.mark.parametrize(
    "text", ["Loose text\n## Data\nx", "## Data\na\n## Data\nb", "## Nonsense\nx"]
)
def test_misfiled_text_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_note_text(NoteTemplate.DAP, text)


@given(
    st.lists(
        st.text(st.characters(blacklist_characters="\r\n"), min_size=1).filter(
            lambda t: t.strip() and not t.startswith("##")
        ),
        min_size=4,
        max_size=4,
    )
)
def test_formatted_sections_parse_back(texts: list[str]) -> None:
    sections = tuple(zip(NoteTemplate.GIRP.sections, texts, strict=True))
    parsed = parse_note_text(NoteTemplate.GIRP, format_note_text(NoteTemplate.GIRP, sections))
    assert parsed == sections


# --- goals, plans, reflections, supervision, CPD ------------------------------------------


def test_goal_needs_the_mentee_words_and_gas_levels_in_range() -> None:
    mentee = new_id()
    with pytest.raises(ValidationError):
        Goal(new_id(), mentee, "  ")
    with pytest.raises(ValidationError):
        Goal(new_id(), mentee, "Back to college", gas_levels=((3, "way more"),))
    with pytest.raises(ValidationError):
        Goal(new_id(), mentee, "Back to college", gas_levels=((0, "a"), (0, "b")))
    goal = Goal(
        new_id(),
        mentee,
        "Back to college",
        gas_levels=((2, "Full time"), (-2, "Not applied")),
        steps=(GoalStep(new_id(), "Ask for a prospectus", done=True),),
    )
    assert goal.gas_levels == ((-2, "Not applied"), (2, "Full time"))
    assert goal.gas_text(2) == "Full time" and goal.steps_done == 1


def test_progress_needs_a_level_or_a_percentage_in_range() -> None:
    goal = new_id()
    with pytest.raises(ValidationError):
        GoalProgress(new_id(), goal, date(2026, 1, 1))
    with pytest.raises(ValidationError):
        GoalProgress(new_id(), goal, date(2026, 1, 1), percent=101)
    with pytest.raises(ValidationError):
        GoalProgress(new_id(), goal, date(2026, 1, 1), gas_level=-3)
    assert GoalProgress(new_id(), goal, date(2026, 1, 1), percent=100).percent == 100


def test_gas_t_score_follows_kiresuk_sherman() -> None:
    assert gas_t_score([]) is None
    assert gas_t_score([(0, 1.0), (0, 1.0), (0, 1.0)]) == pytest.approx(50.0)
    # one goal at +1: 50 + 10 * 1 / sqrt(0.7 + 0.3) = 60
    assert gas_t_score([(1, 1.0)]) == pytest.approx(60.0)
    two = gas_t_score([(2, 1.0), (-1, 1.0)])
    assert two == pytest.approx(50 + 10 * 1 / (0.7 * 2 + 0.3 * 4) ** 0.5)


def test_plan_sections_are_all_seven_in_order_without_blank_items() -> None:
    plan = CopingPlanVersion(
        new_id(),
        new_id(),
        1,
        NOW,
        {PlanSection.WHAT_MATTERS: ["My dog", "  "], PlanSection.WARNING_SIGNS: ["Not sleeping"]},
    )
    assert [s for s, _ in plan.sections] == list(PlanSection)
    assert plan.items(PlanSection.WHAT_MATTERS) == ("My dog",)
    assert plan.items(PlanSection.PROFESSIONALS) == ()
    with pytest.raises(ValidationError):
        CopingPlanVersion(new_id(), new_id(), 0, NOW, {})
    with pytest.raises(ValidationError):
        CopingPlanVersion(new_id(), new_id(), 1, NOW, {PlanSection.SELF_COPING: "one text"})


def test_reflection_models_have_their_sections_and_self_care_is_0_to_10() -> None:
    gibbs = Reflection(new_id(), NOW, "Week 3", ReflectionModel.GIBBS, {"Feelings": "Tired."})
    assert [n for n, _ in gibbs.sections][-1] == "Action plan"
    driscoll = Reflection(new_id(), NOW, "x", ReflectionModel.DRISCOLL)
    assert [n for n, _ in driscoll.sections] == ["What?", "So what?", "Now what?"]
    with pytest.raises(ValidationError):
        Reflection(new_id(), NOW, "x", ReflectionModel.DRISCOLL, {"Feelings": "x"})
    with pytest.raises(ValidationError):
        SelfCareCheck(stress=11)
    with pytest.raises(ValidationError):
        Reflection(new_id(), NOW, "x", tags=("boundaries", "boundaries"))


def test_agenda_items_name_their_source_record() -> None:
    with pytest.raises(ValidationError):
        AgendaItem(new_id(), "q", SupervisionFunction.FORMATIVE, source_kind=SourceKind.NOTE)
    with pytest.raises(ValidationError):
        SupervisionSession(new_id(), date(2026, 1, 1), "  ")
    item = AgendaItem(new_id(), "How do I end well?", SupervisionFunction.RESTORATIVE)
    assert SupervisionSession(new_id(), date(2026, 1, 1), "Dr Example", (item,)).agenda == (item,)


@pytest.mark.parametrize("hours", [0, -1, 1001, True])
def test_cpd_hours_are_positive_and_bounded(hours: object) -> None:
    with pytest.raises(ValidationError):
        CpdEntry(new_id(), "Course", date(2026, 1, 1), hours)  # type: ignore[arg-type]


# --- change sets --------------------------------------------------------------------------


def test_change_sets_merge_and_all_sets_every_flag() -> None:
    merged = Changes(sessions=True) | Changes(search=True)
    assert merged == Changes(sessions=True, search=True)
    assert Changes.all().cpd and Changes.all().mentees
    assert not Changes().any() and merged.any()
    result = Changed(42, merged)
    assert result.value == 42 and result.changes.sessions


def test_the_first_line_is_cut_at_a_word_boundary() -> None:
    long_line = "word " * 60 + "tail"
    note = _note(sections={"Body": f"\n\n  {long_line}\nsecond line"})
    assert len(note.first_line) <= 200
    assert note.first_line.endswith("word") and long_line.startswith(note.first_line)
    assert _note(sections={"Body": "x" * 300}).first_line == "x" * 200
    assert _note(sections={"Body": " \n "}).first_line == ""


def test_text_with_a_nul_character_is_refused_with_a_message() -> None:
    """SQLite's length() stops at NUL, so '\\x00' would pass Python's check and fail a CHECK."""
    from mentorjournal.domain.validation import require_text

    for text in ("\x00", "\x00after", "before\x00after"):
        with pytest.raises(ValidationError, match="NUL"):
            require_text(text, "The addendum")
