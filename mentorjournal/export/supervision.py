"""The anonymised supervision summary: gather, anonymise with one pseudonym map, draft, render.

Case material taken to supervision must be de-identified. This module builds, for a period and
one or several mentees, a ``SupervisionDraft`` in which every identifier the anonymiser finds
(those the vault knows about each mentee first) is replaced consistently across the whole
export; the mentor reviews it in the preview, then ``export_supervision`` writes Markdown, PDF
or DOCX and records *that* an export happened (counts and options, never content) in the audit
log. The pseudonym map exists only while the draft is built and is never written anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from mentorjournal.anonymise.detector import Detector
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.textutil import tokenize
from mentorjournal.domain import (
    Addendum,
    Contact,
    Goal,
    GoalProgress,
    Mentee,
    Place,
    Reflection,
    SessionNote,
)
from mentorjournal.errors import RecordNotFound, ValidationError
from mentorjournal.export.dates import DateStyle, describe_day, replace_date_text
from mentorjournal.export.draft import (
    BlockKind,
    DraftBlock,
    KnownLeak,
    Replacement,
    SupervisionDraft,
)
from mentorjournal.export.output import ExportFormat
from mentorjournal.export.pseudonyms import (
    CATEGORY_LABELS,
    PseudonymMap,
    age_band,
    name_key,
    possessive_suffix,
)
from mentorjournal.export.render import write_document

AUDIT_KIND = "supervision_summary"


class Include(StrEnum):
    """What a summary may contain."""

    SESSIONS = "sessions"
    GOALS = "goals"
    REFLECTIONS = "reflections"
    AGENDA = "agenda"


@dataclass(frozen=True)
class SupervisionOptions:
    """The mentor's choices; no mentee codes means every mentee with a session in the period."""

    start: date
    end: date
    mentee_codes: tuple[str, ...] = ()
    include: frozenset[Include] = frozenset(Include)
    date_style: DateStyle = DateStyle.RELATIVE
    questions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("The period must end on or after the day it starts.")
        if not self.include:
            raise ValidationError("Choose at least one thing to include in the summary.")
        object.__setattr__(self, "mentee_codes", tuple(self.mentee_codes))
        object.__setattr__(self, "include", frozenset(self.include))
        object.__setattr__(self, "questions", tuple(q for q in self.questions if q.strip()))


@dataclass(frozen=True)
class MenteeMaterial:
    """Everything about one mentee that may go into the summary, plus what identifies them."""

    mentee: Mentee
    contacts: tuple[Contact, ...] = ()
    places: tuple[Place, ...] = ()
    sessions: tuple[SessionNote, ...] = ()
    addenda: Mapping[str, tuple[Addendum, ...]] = field(default_factory=dict)
    goals: tuple[Goal, ...] = ()
    progress: Mapping[str, tuple[GoalProgress, ...]] = field(default_factory=dict)
    reflections: tuple[Reflection, ...] = ()

    def known_dict(self) -> dict[str, Any]:
        """The anonymiser's contract dict: everything the vault holds that identifies them."""
        m = self.mentee
        return {
            "mentee": {
                "legal_name": m.legal_name,
                "first_name": m.first_name,
                "last_name": m.last_name,
                "preferred_name": m.preferred_name,
                "dob": m.date_of_birth.isoformat() if m.date_of_birth else None,
                "phone": m.phone,
                "email": m.email,
            },
            "contacts": [
                {"name": c.name, "relation": c.relation or c.role.value, "phone": c.phone}
                for c in self.contacts
            ],
            "places": [{"name": p.name, "type": p.kind.value} for p in self.places],
        }

    def known(self) -> Known:
        return Known.from_dict(self.known_dict())

    def identifying_strings(self) -> list[str]:
        """Every string the vault holds about this mentee's world (for leak checks and tests)."""
        m = self.mentee
        values: list[str | None] = [
            m.legal_name,
            m.first_name,
            m.last_name,
            m.preferred_name,
            m.phone,
            m.email,
            m.date_of_birth.isoformat() if m.date_of_birth else None,
        ]
        for c in self.contacts:
            values += [c.name, c.phone, c.email]
        values += [p.name for p in self.places]
        return [v for v in values if v and v.strip()]


@dataclass(frozen=True)
class SupervisionMaterial:
    """What was gathered: per mentee, plus the mentor's own flagged reflections and agenda."""

    mentees: tuple[MenteeMaterial, ...]
    reflections: tuple[Reflection, ...] = ()
    agenda: tuple[str, ...] = ()


class _Context:
    """One export's state while drafting: the pseudonym map, the knowns, the date anchor."""

    def __init__(self, material: SupervisionMaterial, options: SupervisionOptions) -> None:
        self.options = options
        self.pseudonyms = PseudonymMap()
        self.materials = material.mentees
        self.knowns: list[tuple[MenteeMaterial | None, Known]] = [
            (mm, mm.known()) for mm in material.mentees
        ] or [(None, Known())]
        # One compiled detector per mentee for the whole export (building one costs far more
        # than running it on a paragraph).
        self.detectors = [(mm, Detector(known)) for mm, known in self.knowns]
        self.contact_keys = {
            mm.mentee.id: dict(zip(known.contact_keys(), mm.contacts, strict=True))
            for mm, known in self.knowns
            if mm is not None
        }
        firsts = [n.started_at.date() for mm in material.mentees for n in mm.sessions]
        self.anchor = min(firsts, default=options.start)
        for mm in material.mentees:  # labels in selection order: the first mentee is "Mentee A"
            self.pseudonyms.mentee(mm.mentee.id)

    def day(self, day: date) -> str:
        return describe_day(day, self.anchor, self.options.date_style)

    def _detect(
        self, text: str, owner: MenteeMaterial | None
    ) -> list[tuple[MenteeMaterial | None, Identifier]]:
        """Identifiers from every mentee's Known; the owner's known hits win overlaps."""
        found: list[tuple[int, MenteeMaterial | None, Identifier]] = []
        scan = self.detectors[0][1].scan(text)  # what no mentee's Known changes: once
        for mm, detector in self.detectors:
            for ident in detector.find(text, scan):
                rank = (0 if mm is owner else 1) if ident.who is not None else 2
                found.append((rank, mm if ident.who is not None else owner, ident))
        found.sort(key=lambda t: (t[0], -(t[2].end - t[2].start), t[2].start))
        chosen: list[tuple[MenteeMaterial | None, Identifier]] = []
        for _rank, mm, ident in found:
            if all(not ident.overlaps(other) for _m, other in chosen):
                chosen.append((mm, ident))
        chosen.sort(key=lambda pair: pair[1].start)
        return chosen

    def _person(self, mm: MenteeMaterial | None, ident: Identifier, original: str) -> str:
        who = ident.who or ""
        if mm is not None and who == "mentee":
            return self.pseudonyms.mentee(mm.mentee.id)
        if mm is not None and who.startswith("contact:"):
            contact = self.contact_keys[mm.mentee.id].get(who)
            if contact is not None:
                return self.pseudonyms.person((mm.mentee.id, contact.id), contact.role.value)
        return self.pseudonyms.person(("name", name_key(original)), ident.role)

    def _place(self, mm: MenteeMaterial | None, ident: Identifier, original: str) -> str:
        who = ident.who or ""
        if mm is not None and who.startswith("place:"):
            index = int(who.split(":", 1)[1])
            if index < len(mm.places):
                place = mm.places[index]
                return self.pseudonyms.place((mm.mentee.id, place.id), place.kind.value)
        kind = ident.role or ("town" if ident.category == "place" else "organisation")
        return self.pseudonyms.place(("place", name_key(original)), kind)

    def _pseudonym(
        self, mm: MenteeMaterial | None, ident: Identifier, original: str, written: date
    ) -> str:
        category = str(ident.category)
        if category == "name":
            return self._person(mm, ident, original) + possessive_suffix(original)
        if category in ("place", "organisation"):
            return self._place(mm, ident, original) + possessive_suffix(original)
        if category == "date":
            if ident.who == "mentee":
                return "[date of birth]"
            return replace_date_text(original, written, self.anchor, self.options.date_style)
        if category == "age":
            return age_band(original)
        return CATEGORY_LABELS.get(category, "[redacted]")

    def heading(self, text: str, level: int) -> DraftBlock:
        """A heading the program wrote (labels, pseudonyms, relative dates): nothing to find."""
        return DraftBlock(BlockKind.HEADING, text, (), level=level)

    def block(
        self,
        kind: BlockKind,
        text: str,
        owner: MenteeMaterial | None,
        written: date,
        *,
        level: int = 1,
        anonymise: bool = True,
    ) -> DraftBlock:
        replacements: list[Replacement] = []
        if anonymise:
            for mm, ident in self._detect(text, owner):
                original = text[ident.start : ident.end]
                replacements.append(
                    Replacement(
                        ident.start,
                        ident.end,
                        str(ident.category),
                        original,
                        self._pseudonym(mm, ident, original, written),
                        known=ident.who is not None,
                    )
                )
        return DraftBlock(
            kind,
            text,
            tuple(replacements),
            level=level,
            mentee_id=owner.mentee.id if owner else None,
        )


def _session_blocks(ctx: _Context, mm: MenteeMaterial) -> list[DraftBlock]:
    blocks = [ctx.heading("Session summaries", 2)]
    for number, note in enumerate(sorted(mm.sessions, key=lambda n: n.started_at), start=1):
        day = note.started_at.date()
        facts = [ctx.day(day), f"{note.duration_minutes} min", note.mode.value.replace("_", " ")]
        blocks.append(ctx.heading(f"Session {number} · {' · '.join(facts)}", 3))
        checks = []
        if note.mood_before is not None or note.mood_after is not None:
            checks.append(
                f"Mood {note.mood_before if note.mood_before is not None else '–'} → "
                f"{note.mood_after if note.mood_after is not None else '–'} (0–10)"
            )
        if note.risk_flag:
            checks.append("Risk flagged")
        if checks:
            blocks.append(ctx.block(BlockKind.NOTE, " · ".join(checks), None, day, anonymise=False))
        if note.risk_flag and note.risk_followup.strip():
            blocks.append(
                ctx.block(
                    BlockKind.PARAGRAPH, f"Risk follow-up: {note.risk_followup.strip()}", mm, day
                )
            )
        for name, text in note.sections:
            if text.strip():
                label = "" if len(note.sections) == 1 else f"{name}: "
                blocks.append(ctx.block(BlockKind.PARAGRAPH, label + text.strip(), mm, day))
        for addendum in mm.addenda.get(note.id, ()):
            blocks.append(
                ctx.block(
                    BlockKind.PARAGRAPH,
                    f"Addendum: {addendum.text.strip()}",
                    mm,
                    addendum.written_at.date(),
                )
            )
        if note.next_actions.strip():
            blocks.append(
                ctx.block(BlockKind.PARAGRAPH, f"Next time: {note.next_actions.strip()}", mm, day)
            )
    return blocks


def _goal_blocks(ctx: _Context, mm: MenteeMaterial) -> list[DraftBlock]:
    blocks = [ctx.heading("Goals and progress", 2)]
    for goal in mm.goals:
        blocks.append(
            ctx.block(
                BlockKind.PARAGRAPH, f"“{goal.mentee_words}” ({goal.status.value})", mm, ctx.anchor
            )
        )
        for entry in sorted(mm.progress.get(goal.id, ()), key=lambda p: p.on):
            if not ctx.options.start <= entry.on <= ctx.options.end:
                continue
            rating = []
            if entry.gas_level is not None:
                rating.append(f"GAS {entry.gas_level:+d}")
            if entry.percent is not None:
                rating.append(f"{entry.percent}%")
            line = f"{ctx.day(entry.on)}: {', '.join(rating)}"
            blocks.append(ctx.block(BlockKind.BULLET, line, None, entry.on, anonymise=False))
            if entry.note.strip():
                blocks.append(
                    ctx.block(BlockKind.BULLET, f"Note: {entry.note.strip()}", mm, entry.on)
                )
    return blocks


def _reflection_blocks(
    ctx: _Context, reflections: Sequence[Reflection], owner: MenteeMaterial | None, level: int
) -> list[DraftBlock]:
    blocks: list[DraftBlock] = []
    for reflection in sorted(reflections, key=lambda r: r.written_at):
        day = reflection.written_at.date()
        blocks.append(ctx.block(BlockKind.HEADING, reflection.title, owner, day, level=level))
        blocks.append(ctx.block(BlockKind.NOTE, ctx.day(day), None, day, anonymise=False))
        for name, text in reflection.sections:
            if text.strip():
                label = "" if len(reflection.sections) == 1 else f"{name} "
                blocks.append(ctx.block(BlockKind.PARAGRAPH, label + text.strip(), owner, day))
    return blocks


def build_draft(material: SupervisionMaterial, options: SupervisionOptions) -> SupervisionDraft:
    """Anonymise the gathered material into a draft, with one pseudonym map for all of it."""
    ctx = _Context(material, options)
    blocks: list[DraftBlock] = []
    counts = {"sessions": 0, "goals": 0, "reflections": 0, "agenda": 0}
    for mm in material.mentees:
        label = ctx.pseudonyms.mentee(mm.mentee.id)
        blocks.append(ctx.heading(label, 1))
        if Include.SESSIONS in options.include and mm.sessions:
            blocks += _session_blocks(ctx, mm)
            counts["sessions"] += len(mm.sessions)
        if Include.GOALS in options.include and mm.goals:
            blocks += _goal_blocks(ctx, mm)
            counts["goals"] += len(mm.goals)
        if Include.REFLECTIONS in options.include and mm.reflections:
            blocks.append(ctx.heading("Reflections to discuss", 2))
            blocks += _reflection_blocks(ctx, mm.reflections, mm, 3)
            counts["reflections"] += len(mm.reflections)
    if Include.REFLECTIONS in options.include and material.reflections:
        blocks.append(ctx.heading("My reflections", 1))
        blocks += _reflection_blocks(ctx, material.reflections, None, 2)
        counts["reflections"] += len(material.reflections)
    agenda = [*material.agenda, *options.questions] if Include.AGENDA in options.include else []
    if agenda:
        blocks.append(ctx.heading("Agenda and questions for supervision", 1))
        owner = material.mentees[0] if len(material.mentees) == 1 else None
        blocks += [ctx.block(BlockKind.BULLET, item.strip(), owner, ctx.anchor) for item in agenda]
        counts["agenda"] = len(agenda)
    if options.date_style is DateStyle.RELATIVE:
        period = (
            "Dates are counted in weeks from the first session in this summary (week 1, day 1)."
        )
    else:
        first = describe_day(options.start, ctx.anchor, DateStyle.MONTH)
        last = describe_day(options.end, ctx.anchor, DateStyle.MONTH)
        period = f"Covers {first} to {last}."
    subtitle = (
        "Anonymised for supervision: names, places, dates and other identifiers are replaced. "
        + period
    )
    summary = ";".join(
        [
            f"mentees={len(material.mentees)}",
            *(f"{k}={v}" for k, v in counts.items()),
            f"dates={options.date_style.value}",
        ]
    )
    return SupervisionDraft(
        title="Supervision summary",
        subtitle=subtitle,
        blocks=tuple(blocks),
        summary=summary,
        known=tuple(known for _mm, known in ctx.knowns),
    )


def known_leaks(draft: SupervisionDraft) -> list[KnownLeak]:
    """Known identifiers still visible (restored by the mentor, or missed): the preview warns."""
    detectors = [Detector(known) for known in draft.known]
    leaks: list[KnownLeak] = []
    for index, block in enumerate(draft.blocks):
        text = block.text
        tokens = tokenize(text)
        for detector in detectors:
            for ident in detector.find_known(text, tokens):
                leaks.append(KnownLeak(index, ident.start, ident.end, str(ident.category)))
    return leaks


class SupervisionSource(Protocol):
    """The journal reads a summary needs (``mentorjournal.journal.Journal`` provides them)."""

    def mentee_by_code(self, code: str) -> Mentee: ...
    def list_mentees(self) -> list[Mentee]: ...
    def list_contacts(self, mentee_id: str) -> list[Contact]: ...
    def list_places(self, mentee_id: str) -> list[Place]: ...
    def notes_for(
        self, mentee_id: str, *, since: date | None = None, until: date | None = None
    ) -> list[SessionNote]: ...
    def addenda(self, note_id: str) -> list[Addendum]: ...
    def list_goals(self, mentee_id: str) -> list[Goal]: ...
    def progress(self, goal_id: str) -> list[GoalProgress]: ...
    def list_reflections(
        self,
        *,
        mentee_id: str | None = None,
        flagged_only: bool = False,
        since: date | None = None,
        until: date | None = None,
    ) -> list[Reflection]: ...
    def list_supervision(self) -> list[Any]: ...


def _mentee_material(
    source: SupervisionSource, mentee: Mentee, options: SupervisionOptions
) -> MenteeMaterial:
    notes = tuple(source.notes_for(mentee.id, since=options.start, until=options.end))
    goals = tuple(source.list_goals(mentee.id)) if Include.GOALS in options.include else ()
    return MenteeMaterial(
        mentee=mentee,
        contacts=tuple(source.list_contacts(mentee.id)),
        places=tuple(source.list_places(mentee.id)),
        sessions=notes,
        addenda={n.id: tuple(source.addenda(n.id)) for n in notes if n.is_signed},
        goals=goals,
        progress={g.id: tuple(source.progress(g.id)) for g in goals},
        reflections=tuple(
            source.list_reflections(
                mentee_id=mentee.id, flagged_only=True, since=options.start, until=options.end
            )
        ),
    )


def gather(source: SupervisionSource, options: SupervisionOptions) -> SupervisionMaterial:
    """Read what the options ask for from the vault (in the worker thread or the CLI)."""
    if options.mentee_codes:
        mentees = [source.mentee_by_code(code) for code in options.mentee_codes]
    else:
        mentees = [
            m
            for m in source.list_mentees()
            if source.notes_for(m.id, since=options.start, until=options.end)
        ]
    if not mentees and Include.REFLECTIONS not in options.include:
        raise RecordNotFound("No mentee has a session in that period.")
    materials = tuple(_mentee_material(source, m, options) for m in mentees)
    chosen = {m.id for m in mentees}
    own: tuple[Reflection, ...] = ()
    if Include.REFLECTIONS in options.include:
        # The mentor's own flagged reflections; one about a mentee not in this export is left
        # out, since the export's anonymiser does not know that mentee's identifiers.
        own = tuple(
            r
            for r in source.list_reflections(
                flagged_only=True, since=options.start, until=options.end
            )
            if r.mentee_id is None
        )
    agenda: tuple[str, ...] = ()
    if Include.AGENDA in options.include:
        agenda = tuple(
            item.question
            for session in source.list_supervision()
            if session.held_on >= options.start
            for item in session.agenda
        )
    del chosen
    return SupervisionMaterial(mentees=materials, reflections=own, agenda=agenda)


def prepare(source: SupervisionSource, options: SupervisionOptions) -> SupervisionDraft:
    """Gather and anonymise: the draft the preview shows (nothing is written)."""
    return build_draft(gather(source, options), options)


def render(draft: SupervisionDraft, path: Path) -> ExportFormat:
    """Write the draft as .md, .pdf or .docx (by extension), atomically and 0600."""
    return write_document(draft.document(), path)
