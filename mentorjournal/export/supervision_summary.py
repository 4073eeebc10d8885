"""The anonymised supervision summary: gather, anonymise with one pseudonym map, draft, render.

Case material taken to supervision must be de-identified. This module builds, for a period and
one or several mentees, a ``SupervisionDraft`` in which every identifier the anonymiser finds
(those the vault knows about each mentee first) is replaced consistently across the whole
export; the mentor reviews it in the preview, then ``export_supervision`` writes Markdown, PDF
or DOCX and records *that* an export happened (counts and options, never content) in the audit
log. The pseudonym map exists only while the draft is built and is never written anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.coref import Entity
from mentorjournal.anonymise.dates import DateMode, describe_day
from mentorjournal.anonymise.detector import Detector
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.pseudonyms import PseudonymMap, letter
from mentorjournal.anonymise.redact import AnonymiseOptions, Anonymiser
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
from mentorjournal.export.draft import (
    BlockKind,
    DraftBlock,
    KnownLeak,
    Replacement,
    SupervisionDraft,
)
from mentorjournal.export.output import ExportFormat
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
    date_style: DateMode = DateMode.RELATIVE
    questions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("The period must end on or after the day it starts.")
        if not self.include:
            raise ValidationError("Choose at least one thing to include in the summary.")
        object.__setattr__(self, "mentee_codes", tuple(self.mentee_codes))
        object.__setattr__(self, "include", frozenset(self.include))
        object.__setattr__(self, "questions", tuple(q for q in self.questions if q.strip()))


def split_preferred_names(value: str | None) -> list[str]:
    """The preferred-name field holds what the mentee is called: the preferred name first, then
    any nicknames, separated by commas or semicolons ("Jo, Jojo, JJ"). The anonymiser gets them
    all, so "Jojo" is the mentee too."""
    return [part.strip() for part in re.split(r"[,;]", value or "") if part.strip()]


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
        names = split_preferred_names(m.preferred_name)
        preferred, nicknames = (names[0] if names else None), names[1:]
        return {
            "mentee": {
                "legal_name": m.legal_name,
                "first_name": m.first_name,
                "last_name": m.last_name,
                "preferred_name": preferred,
                "nicknames": nicknames,
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
            *split_preferred_names(m.preferred_name),
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


#: The ``found`` of a block the program wrote itself (ratings, dates): never searched.
_NOT_ANONYMISED: list[tuple[MenteeMaterial | None, Identifier]] = []


@dataclass
class _Pending:
    """A block whose identifiers are found but not yet labelled (labels wait for every mention)."""

    kind: BlockKind
    text: str
    owner: MenteeMaterial | None
    written: date
    level: int
    found: list[tuple[MenteeMaterial | None, Identifier]]
    entities: list[Entity | None] = field(default_factory=list)


class _Context:
    """One export's state while drafting: one anonymiser (one policy, one pseudonym map), the knowns, the date anchor.

    Drafting runs in three passes so a label reflects every mention: find identifiers in every
    block, resolve which mentions are one person or place across the whole export, then label.
    """

    def __init__(self, material: SupervisionMaterial, options: SupervisionOptions) -> None:
        self.options = options
        self.materials = material.mentees
        firsts = [n.started_at.date() for mm in material.mentees for n in mm.sessions]
        self.anchor = min(firsts, default=options.start)
        self.anonymiser = Anonymiser(
            AnonymiseOptions(date_mode=options.date_style, reference_date=self.anchor),
            PseudonymMap(),
        )
        self.pseudonyms = self.anonymiser.pseudonyms
        self.knowns: list[tuple[MenteeMaterial | None, Known]] = [
            (mm, mm.known()) for mm in material.mentees
        ] or [(None, Known())]
        # One compiled detector per mentee for the whole export (building one costs far more
        # than running it on a paragraph).
        self.detectors = [(mm, Detector(known)) for mm, known in self.knowns]
        self.labels: dict[str, str] = {}
        for number, (mm, known) in enumerate(self.knowns, start=1):
            if mm is not None:  # labels in selection order: the first mentee is "Mentee A"
                label = f"Mentee {letter(number)}"
                self.labels[mm.mentee.id] = label
                self.pseudonyms.add_known(known, mm.mentee.id, label)
        self.pending: list[_Pending | DraftBlock] = []

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

    def heading(self, text: str, level: int) -> None:
        """A heading the program wrote (labels, pseudonyms, relative dates): nothing to find."""
        self.pending.append(DraftBlock(BlockKind.HEADING, text, (), level=level, authored=False))

    def block(
        self,
        kind: BlockKind,
        text: str,
        owner: MenteeMaterial | None,
        written: date,
        *,
        level: int = 1,
        anonymise: bool = True,
    ) -> None:
        found = self._detect(text, owner) if anonymise else _NOT_ANONYMISED
        self.pending.append(_Pending(kind, text, owner, written, level, found))

    def _known_of(self, mm: MenteeMaterial | None) -> Known:
        for candidate, known in self.knowns:
            if candidate is mm:
                return known
        return Known()

    def _propagate(self) -> None:
        """A name found in one note is found in every other ("Jordan Ellery" on Monday, "Jordan" on Friday)."""
        detector = self.detectors[0][1]
        words: set[str] = set()
        for item in self.pending:
            if isinstance(item, _Pending):
                words |= detector.name_words(item.text, [ident for _mm, ident in item.found])
        if not words:
            return
        for item in self.pending:
            if isinstance(item, _Pending) and item.found is not _NOT_ANONYMISED:
                idents = [ident for _mm, ident in item.found]
                extra = detector.also_found(item.text, idents, words)
                if extra:
                    item.found = sorted(
                        [*item.found, *((item.owner, e) for e in extra)], key=lambda p: p[1].start
                    )

    def _resolve(self) -> None:
        self._propagate()
        for item in self.pending:
            if isinstance(item, _Pending):
                item.entities = [
                    self.anonymiser.resolve(
                        ident, item.text, self._known_of(mm), mm.mentee.id if mm else ""
                    )
                    for mm, ident in item.found
                ]
        for mm, _known in self.knowns:
            if mm is not None and not mm.known().mentee.names():
                self._guess_nameless_mentee(mm)

    def _guess_nameless_mentee(self, mm: MenteeMaterial) -> None:
        """A mentee with no name recorded: the person their notes name most is taken as them.

        Otherwise the mentee's own name would show as "Person A" under the heading "Mentee A".
        Taken only when one unknown person with no relation is named at least twice and more
        often than anyone else; the preview says so (``notices``), since it is a guess.
        """
        counts: dict[int, int] = {}
        for item in self.pending:
            if not isinstance(item, _Pending) or item.owner is not mm:
                continue
            for (_mm, ident), entity in zip(item.found, item.entities, strict=True):
                if (
                    entity is not None
                    and ident.category is Category.NAME
                    and entity.who is None
                    and entity.role in (None, "adult", "person")
                ):
                    root = self.pseudonyms.coref.entities[entity.id]
                    counts[root.id] = counts.get(root.id, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            return
        entity = self.pseudonyms.coref.entities[ranked[0][0]]
        entity.is_mentee = True
        entity.who = f"{mm.mentee.id}|mentee"

    def finish(self) -> list[DraftBlock]:
        """Resolve every mention across the export, then label them in reading order."""
        self._resolve()
        blocks: list[DraftBlock] = []
        for item in self.pending:
            if isinstance(item, DraftBlock):
                blocks.append(item)
                continue
            replacements = []
            for (mm, ident), entity in zip(item.found, item.entities, strict=True):
                original = item.text[ident.start : ident.end]
                pseudonym = self.anonymiser.render(
                    ident,
                    item.text,
                    self._known_of(mm),
                    entity,
                    written=item.written,
                    anchor=self.anchor,
                )
                replacements.append(
                    Replacement(
                        ident.start,
                        ident.end,
                        str(ident.category),
                        original,
                        pseudonym,
                        known=ident.who is not None,
                        group=self.anonymiser.group_key(entity) or f"value:{pseudonym}",
                    )
                )
            blocks.append(
                DraftBlock(
                    item.kind,
                    item.text,
                    tuple(replacements),
                    level=item.level,
                    mentee_id=item.owner.mentee.id if item.owner else None,
                    authored=item.found is not _NOT_ANONYMISED,
                )
            )
        return blocks


def _session_blocks(ctx: _Context, mm: MenteeMaterial) -> None:
    ctx.heading("Session summaries", 2)
    for number, note in enumerate(sorted(mm.sessions, key=lambda n: n.started_at), start=1):
        day = note.started_at.date()
        facts = [ctx.day(day), f"{note.duration_minutes} min", note.mode.value.replace("_", " ")]
        ctx.heading(f"Session {number} · {' · '.join(facts)}", 3)
        checks = []
        if note.mood_before is not None or note.mood_after is not None:
            checks.append(
                f"Mood {note.mood_before if note.mood_before is not None else '–'} → "
                f"{note.mood_after if note.mood_after is not None else '–'} (0–10)"
            )
        if note.risk_flag:
            checks.append("Risk flagged")
        if checks:
            ctx.block(BlockKind.NOTE, " · ".join(checks), None, day, anonymise=False)
        if note.risk_flag and note.risk_followup.strip():
            ctx.block(BlockKind.PARAGRAPH, f"Risk follow-up: {note.risk_followup.strip()}", mm, day)
        # The goals it worked on, in the mentee's words (anonymised like any text); only when
        # goals are in the summary, since the mentor may leave them out.
        goals = {goal.id: goal for goal in mm.goals}
        worked = [f"“{goals[i].mentee_words}”" for i in note.goal_ids if i in goals]
        if worked:
            ctx.block(BlockKind.PARAGRAPH, f"Goals worked on: {'; '.join(worked)}", mm, day)
        for name, text in note.sections:
            if text.strip():
                label = "" if len(note.sections) == 1 else f"{name}: "
                ctx.block(BlockKind.PARAGRAPH, label + text.strip(), mm, day)
        for addendum in mm.addenda.get(note.id, ()):
            ctx.block(
                BlockKind.PARAGRAPH,
                f"Addendum: {addendum.text.strip()}",
                mm,
                addendum.written_at.date(),
            )
        if note.next_actions.strip():
            ctx.block(BlockKind.PARAGRAPH, f"Next time: {note.next_actions.strip()}", mm, day)


def _goal_blocks(ctx: _Context, mm: MenteeMaterial) -> None:
    ctx.heading("Goals and progress", 2)
    for goal in mm.goals:
        ctx.block(
            BlockKind.PARAGRAPH, f"“{goal.mentee_words}” ({goal.status.value})", mm, ctx.anchor
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
            ctx.block(BlockKind.BULLET, line, None, entry.on, anonymise=False)
            if entry.note.strip():
                ctx.block(BlockKind.BULLET, f"Note: {entry.note.strip()}", mm, entry.on)


def _reflection_blocks(
    ctx: _Context, reflections: Sequence[Reflection], owner: MenteeMaterial | None, level: int
) -> None:
    for reflection in sorted(reflections, key=lambda r: r.written_at):
        day = reflection.written_at.date()
        ctx.block(BlockKind.HEADING, reflection.title, owner, day, level=level)
        ctx.block(BlockKind.NOTE, ctx.day(day), None, day, anonymise=False)
        for name, text in reflection.sections:
            if text.strip():
                label = "" if len(reflection.sections) == 1 else f"{name} "
                ctx.block(BlockKind.PARAGRAPH, label + text.strip(), owner, day)


def build_draft(material: SupervisionMaterial, options: SupervisionOptions) -> SupervisionDraft:
    """Anonymise the gathered material into a draft, with one pseudonym map for all of it."""
    ctx = _Context(material, options)
    counts = {"sessions": 0, "goals": 0, "reflections": 0, "agenda": 0}
    for mm in material.mentees:
        label = ctx.labels[mm.mentee.id]
        ctx.heading(label, 1)
        if Include.SESSIONS in options.include and mm.sessions:
            _session_blocks(ctx, mm)
            counts["sessions"] += len(mm.sessions)
        if Include.GOALS in options.include and mm.goals:
            _goal_blocks(ctx, mm)
            counts["goals"] += len(mm.goals)
        if Include.REFLECTIONS in options.include and mm.reflections:
            ctx.heading("Reflections to discuss", 2)
            _reflection_blocks(ctx, mm.reflections, mm, 3)
            counts["reflections"] += len(mm.reflections)
    if Include.REFLECTIONS in options.include and material.reflections:
        ctx.heading("My reflections", 1)
        _reflection_blocks(ctx, material.reflections, None, 2)
        counts["reflections"] += len(material.reflections)
    agenda = [*material.agenda, *options.questions] if Include.AGENDA in options.include else []
    if agenda:
        ctx.heading("Agenda and questions for supervision", 1)
        owner = material.mentees[0] if len(material.mentees) == 1 else None
        for item in agenda:
            ctx.block(BlockKind.BULLET, item.strip(), owner, ctx.anchor)
        counts["agenda"] = len(agenda)
    if options.date_style is DateMode.RELATIVE:
        period = (
            "Dates are counted in weeks from the first session in this summary (week 1, day 1)."
        )
    else:
        first = describe_day(options.start, ctx.anchor, DateMode.MONTH)
        last = describe_day(options.end, ctx.anchor, DateMode.MONTH)
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
        blocks=tuple(ctx.finish()),
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
