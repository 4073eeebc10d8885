"""One mentee's whole record as a Document (and so as Markdown, PDF or DOCX).

This is the mentee's record as the mentor keeps it, for a subject-access request, a handover
or the mentor's own archive: it is NOT anonymised (the supervision summary is). It therefore
shows names when the vault holds them, but never internal record ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from mentorjournal.clock import LocalZone
from mentorjournal.domain import (
    GAS_LABELS,
    Addendum,
    Consent,
    Contact,
    CopingPlanVersion,
    Goal,
    GoalProgress,
    Mentee,
    Place,
    PlanSection,
    Resource,
    SessionNote,
)
from mentorjournal.domain.cosignature import CoSignature, ReviewRequest
from mentorjournal.domain.disclosure import Disclosure
from mentorjournal.export.cosignature import signature_blocks
from mentorjournal.export.disclosures import disclosure_blocks
from mentorjournal.export.document import (
    Block,
    BulletList,
    Document,
    Heading,
    Paragraph,
    Run,
    Table,
)
from mentorjournal.export.session_header import header_blocks


@dataclass(frozen=True)
class MenteeRecord:
    """Everything the vault holds about one mentee, gathered for export."""

    mentee: Mentee
    contacts: tuple[Contact, ...] = ()
    places: tuple[Place, ...] = ()
    consents: tuple[Consent, ...] = ()
    resources: tuple[Resource, ...] = ()
    sessions: tuple[SessionNote, ...] = ()
    addenda: Mapping[str, tuple[Addendum, ...]] = field(default_factory=dict)
    goals: tuple[Goal, ...] = ()
    progress: Mapping[str, tuple[GoalProgress, ...]] = field(default_factory=dict)
    coping_plan: CopingPlanVersion | None = None
    disclosures: tuple[Disclosure, ...] = ()
    #: By note id: the supervisor's co-signatures, and the notes put up for review.
    cosignatures: Mapping[str, CoSignature] = field(default_factory=dict)
    reviews: Mapping[str, ReviewRequest] = field(default_factory=dict)


def format_day(day: date | None) -> str:
    return "" if day is None else f"{day.day} {day:%B %Y}"


def format_time(moment: datetime, zone: LocalZone) -> str:
    """An instant as the mentor's wall clock showed it: "8 December 2026, 09:00"."""
    return zone.display(moment)


def _field_rows(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, ...], ...]:
    return tuple((label, value) for label, value in pairs if value)


def _profile(mentee: Mentee) -> list[Block]:
    rows = _field_rows(
        (
            ("Code", mentee.code),
            ("Legal name", mentee.legal_name or ""),
            ("First name", mentee.first_name or ""),
            ("Last name", mentee.last_name or ""),
            ("Preferred name", mentee.preferred_name or ""),
            ("Date of birth", format_day(mentee.date_of_birth)),
            ("Phone", mentee.phone or ""),
            ("Email", mentee.email or ""),
            (
                "Status",
                f"{mentee.status.value} since {format_day(mentee.status_since)}".strip()
                if mentee.status_since
                else mentee.status.value,
            ),
            ("Started", format_day(mentee.started_on)),
            ("Closed", format_day(mentee.closed_on)),
            ("Retain until", format_day(mentee.retention_until)),
        )
    )
    blocks: list[Block] = [Heading(1, "Profile"), Table((("Field", "Value"), *rows))]
    if mentee.notes.strip():
        blocks.append(Paragraph.of(mentee.notes))
    return blocks


def _people(record: MenteeRecord) -> list[Block]:
    blocks: list[Block] = [Heading(1, "People and places")]
    if record.contacts:
        blocks.append(
            Table(
                (
                    ("Name", "Role", "Relation", "Phone", "Email"),
                    *(
                        (c.name, c.role.value, c.relation, c.phone or "", c.email or "")
                        for c in record.contacts
                    ),
                )
            )
        )
    if record.places:
        blocks.append(
            BulletList.of(
                [
                    Run(p.name, bold=True),
                    Run(f" ({p.kind.value})" + (f": {p.notes}" if p.notes else "")),
                ]
                for p in record.places
            )
        )
    if len(blocks) == 1:
        blocks.append(Paragraph.of(Run("None recorded.", italic=True)))
    return blocks


def _consents(consents: Sequence[Consent]) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Consent")]
    if not consents:
        return [*blocks, Paragraph.of(Run("None recorded.", italic=True))]
    rows = [("What", "With whom", "Given", "How", "Review", "Withdrawn")]
    rows.extend(
        (
            c.what,
            c.with_whom,
            format_day(c.given_on),
            c.how.value,
            format_day(c.review_on),
            format_day(c.withdrawn_on),
        )
        for c in consents
    )
    return [*blocks, Table(tuple(rows))]


def _resources(resources: Sequence[Resource]) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Resources and services")]
    if not resources:
        return [*blocks, Paragraph.of(Run("None recorded.", italic=True))]
    rows = [("Name", "Kind", "Contact", "Referred", "Outcome")]
    rows.extend(
        (r.name, r.kind, r.contact, format_day(r.referred_on), r.outcome) for r in resources
    )
    return [*blocks, Table(tuple(rows))]


def session_blocks(
    note: SessionNote,
    addenda: Sequence[Addendum] = (),
    goal_words: Mapping[str, str] | None = None,
    *,
    zone: LocalZone,
    cosignature: CoSignature | None = None,
    review: ReviewRequest | None = None,
) -> list[Block]:
    """One session: heading, facts line, header, the goals it worked on, each non-empty
    section, actions, both signatures (when it was co-signed or put up for review), then its
    addenda. ``goal_words`` names goals by id (their words, not the ids)."""
    facts = [
        f"{note.duration_minutes} min",
        note.mode.value.replace("_", " "),
        note.template.label,
    ]
    if note.mood_before is not None or note.mood_after is not None:
        before = "–" if note.mood_before is None else note.mood_before
        after = "–" if note.mood_after is None else note.mood_after
        facts.append(f"mood {before} → {after}")
    facts.append(f"signed {format_time(note.signed_at, zone)}" if note.signed_at else "draft")
    blocks: list[Block] = [
        Heading(2, f"Session of {format_time(note.started_at, zone)}"),
        Paragraph.of(Run(" · ".join(facts), italic=True)),
        *header_blocks(note, zone=zone, goal_names=goal_words),
    ]
    if note.risk_flag:
        blocks.append(Paragraph.of([Run("Risk flagged. ", bold=True), Run(note.risk_followup)]))
    worked = [goal_words[g] for g in note.goal_ids if goal_words and g in goal_words]
    if worked:
        blocks.append(Paragraph.of([Run("Goals worked on: ", bold=True), Run("; ".join(worked))]))
    for name, text in note.sections:
        if not text.strip():
            continue
        if len(note.sections) > 1:
            blocks.append(Heading(3, name))
        blocks.append(Paragraph.of(text.strip()))
    if note.coping_items_used:
        blocks.append(
            Paragraph.of(
                [Run("Coping strategies used: ", bold=True), Run("; ".join(note.coping_items_used))]
            )
        )
    if note.next_actions.strip():
        blocks.append(Paragraph.of([Run("Next time: ", bold=True), Run(note.next_actions.strip())]))
    blocks += signature_blocks(note, cosignature, review, zone=zone)
    for addendum in addenda:
        blocks.append(
            Paragraph.of(
                [
                    Run(
                        f"Addendum {addendum.seq}, {format_time(addendum.written_at, zone)}: ",
                        bold=True,
                    ),
                    Run(addendum.text),
                ]
            )
        )
    return blocks


def _progress_line(entry: GoalProgress) -> tuple[Run, ...]:
    rating = []
    if entry.gas_level is not None:
        rating.append(f"GAS {entry.gas_level:+d} ({GAS_LABELS[entry.gas_level].lower()})")
    if entry.percent is not None:
        rating.append(f"{entry.percent}%")
    runs = [Run(f"{format_day(entry.on)}: ", bold=True), Run(", ".join(rating))]
    if entry.note.strip():
        runs.append(Run(f" — {entry.note.strip()}"))
    return tuple(runs)


def goal_blocks(goal: Goal, progress: Sequence[GoalProgress] = ()) -> list[Block]:
    """One goal: the mentee's words, SMART fields, GAS levels, steps and progress over time."""
    blocks: list[Block] = [
        Heading(2, f"“{goal.mentee_words}”"),
        Paragraph.of(Run(f"Status: {goal.status.value}", italic=True)),
    ]
    smart = _field_rows(
        (
            ("Specific", goal.specific),
            ("Measurable", goal.measurable),
            ("Achievable", goal.achievable),
            ("Relevant", goal.relevant),
            ("By", format_day(goal.time_bound)),
        )
    )
    if smart:
        blocks.append(Table((("SMART", ""), *smart)))
    if goal.gas_levels:
        blocks.append(
            Table(
                (
                    ("GAS level", "Description"),
                    *((f"{lvl:+d}", text) for lvl, text in goal.gas_levels),
                )
            )
        )
    if goal.steps:
        blocks.append(
            BulletList.of(
                ("☑ " if s.done else "☐ ")
                + s.text
                + (f" (by {format_day(s.due_on)})" if s.due_on else "")
                for s in goal.steps
            )
        )
    if progress:
        blocks.append(Heading(3, "Progress"))
        blocks.append(
            BulletList(tuple(_progress_line(p) for p in sorted(progress, key=lambda p: p.on)))
        )
    return blocks


def plan_blocks(plan: CopingPlanVersion | None, *, zone: LocalZone) -> list[Block]:
    blocks: list[Block] = [Heading(1, "Coping plan")]
    if plan is None or plan.is_empty:
        return [*blocks, Paragraph.of(Run("No plan yet.", italic=True))]
    blocks.append(
        Paragraph.of(
            Run(f"Version {plan.version}, saved {format_time(plan.saved_at, zone)}", italic=True)
        )
    )
    for section in PlanSection:
        items = plan.items(section)
        if items:
            blocks.append(Heading(2, section.label))
            blocks.append(BulletList.of(items))
    return blocks


def mentee_record_document(
    record: MenteeRecord, exported_at: datetime, *, zone: LocalZone
) -> Document:
    """The whole record, in the order a reader expects: who, consent, sessions, goals, plan."""
    blocks: list[Block] = []
    blocks += _profile(record.mentee)
    blocks += _people(record)
    blocks += _consents(record.consents)
    blocks += _resources(record.resources)
    blocks += disclosure_blocks(record.disclosures)
    blocks.append(Heading(1, "Sessions"))
    if not record.sessions:
        blocks.append(Paragraph.of(Run("No sessions yet.", italic=True)))
    words = {goal.id: goal.mentee_words for goal in record.goals}
    for note in sorted(record.sessions, key=lambda n: n.started_at):
        blocks += session_blocks(
            note, record.addenda.get(note.id, ()), words, zone=zone,
            cosignature=record.cosignatures.get(note.id), review=record.reviews.get(note.id),
        )  # fmt: skip
    blocks.append(Heading(1, "Goals"))
    if not record.goals:
        blocks.append(Paragraph.of(Run("No goals yet.", italic=True)))
    for goal in record.goals:
        blocks += goal_blocks(goal, record.progress.get(goal.id, ()))
    blocks += plan_blocks(record.coping_plan, zone=zone)
    return Document(
        title=f"Record of {record.mentee.code}",
        subtitle=f"Exported {format_time(exported_at, zone)} · confidential",
        blocks=tuple(blocks),
    )


class RecordSource(Protocol):
    """The journal reads a whole record needs (``mentorjournal.journal.Journal`` provides them)."""

    def mentee_by_code(self, code: str) -> Mentee: ...
    def list_contacts(self, mentee_id: str) -> list[Contact]: ...
    def list_places(self, mentee_id: str) -> list[Place]: ...
    def list_consents(self, mentee_id: str) -> list[Consent]: ...
    def list_resources(self, mentee_id: str) -> list[Resource]: ...
    def notes_for(
        self, mentee_id: str, *, since: date | None = None, until: date | None = None
    ) -> list[SessionNote]: ...
    def addenda(self, note_id: str) -> list[Addendum]: ...
    def list_goals(self, mentee_id: str) -> list[Goal]: ...
    def progress(self, goal_id: str) -> list[GoalProgress]: ...
    def current_plan(self, mentee_id: str) -> CopingPlanVersion | None: ...
    def list_disclosures(
        self, mentee_id: str, *, current_only: bool = False
    ) -> list[Disclosure]: ...
    def cosignatures_for(self, mentee_id: str) -> dict[str, CoSignature]: ...
    def review_requests_for(self, mentee_id: str) -> dict[str, ReviewRequest]: ...


def load_mentee_record(source: RecordSource, code: str) -> MenteeRecord:
    """Everything the vault holds about the mentee with ``code`` (RecordNotFound if none)."""
    mentee = source.mentee_by_code(code)
    notes = tuple(source.notes_for(mentee.id))
    goals = tuple(source.list_goals(mentee.id))
    return MenteeRecord(
        mentee=mentee,
        contacts=tuple(source.list_contacts(mentee.id)),
        places=tuple(source.list_places(mentee.id)),
        consents=tuple(source.list_consents(mentee.id)),
        resources=tuple(source.list_resources(mentee.id)),
        sessions=notes,
        addenda={n.id: tuple(source.addenda(n.id)) for n in notes if n.is_signed},
        goals=goals,
        progress={g.id: tuple(source.progress(g.id)) for g in goals},
        coping_plan=source.current_plan(mentee.id),
        disclosures=tuple(source.list_disclosures(mentee.id)),
        cosignatures=source.cosignatures_for(mentee.id),
        reviews=source.review_requests_for(mentee.id),
    )
