"""Session notes: templates with fixed named sections, check-ins, and the sign-and-lock record.

A note is a draft until signed; once signed it is a record that only grows by addenda
(see ``signing.py`` for the hashes). Section names follow DOMAIN.md exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from mentorjournal.domain.session_header import SessionHeader, goal_lines, session_minutes
from mentorjournal.domain.validation import (
    require_aware,
    require_enum,
    require_id,
    require_max_len,
    require_range,
    require_text,
    require_unique,
)
from mentorjournal.errors import ValidationError

SECTION_TEXT_MAX = 200_000
ITEM_MAX = 1000
DURATION_MAX_MINUTES = 24 * 60
HASH_HEX_LEN = 64
FREE_SECTION = "Body"


class NoteTemplate(StrEnum):
    """The note layouts; each has a fixed ordered set of named sections."""

    FREE = "free"
    SOAP = "soap"
    DAP = "dap"
    BIRP = "birp"
    GIRP = "girp"

    @property
    def sections(self) -> tuple[str, ...]:
        return TEMPLATE_SECTIONS[self]

    @property
    def label(self) -> str:
        return "Free text" if self is NoteTemplate.FREE else self.value.upper()


TEMPLATE_SECTIONS: dict[NoteTemplate, tuple[str, ...]] = {
    NoteTemplate.FREE: (FREE_SECTION,),
    NoteTemplate.SOAP: ("Subjective", "Objective", "Assessment", "Plan"),
    NoteTemplate.DAP: ("Data", "Assessment", "Plan"),
    NoteTemplate.BIRP: ("Behaviour", "Intervention", "Response", "Plan"),
    NoteTemplate.GIRP: ("Goals", "Intervention", "Response", "Plan"),
}

#: What each section is for, shown as a hint in editors.
SECTION_HINTS: dict[str, str] = {
    "Subjective": "What the mentee said",
    "Objective": "What you observed",
    "Assessment": "Your understanding",
    "Plan": "Next steps",
    "Data": "What happened and was said",
    "Behaviour": "How the mentee presented",
    "Intervention": "What you did",
    "Response": "How the mentee responded",
    "Goals": "Which of the mentee's goals the session addressed",
    FREE_SECTION: "",
}


class SessionMode(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"
    TEXT = "text"


Sections = tuple[tuple[str, str], ...]
FIRST_LINE_MAX = 200


def shorten_at_word(text: str, limit: int) -> str:
    """At most ``limit`` characters, never ending in half a word (a single long word is cut)."""
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    head, space, _tail = cut.rpartition(" ")
    return head.rstrip() if space and head.strip() else text[:limit]


SectionsInput = Mapping[str, str] | Sequence[tuple[str, str]]


def normalise_sections(template: NoteTemplate, sections: SectionsInput) -> Sections:
    """Every section of ``template`` in its order, missing ones empty; unknown names are refused."""
    given = dict(sections.items()) if isinstance(sections, Mapping) else {}
    if not isinstance(sections, Mapping):
        names = [name for name, _text in sections]
        require_unique(names, "The note's sections")
        given = dict(sections)
    allowed = template.sections
    for name in given:
        if name not in allowed:
            raise ValidationError(
                f"A {template.label} note has no such section; it has: {', '.join(allowed)}."
            )
    return tuple((name, given.get(name, "")) for name in allowed)


@dataclass(frozen=True)
class SessionNote:
    """One session with a mentee. ``sections`` may be given as a mapping; it is stored ordered."""

    id: str
    mentee_id: str
    started_at: datetime
    duration_minutes: int = 60
    mode: SessionMode = SessionMode.IN_PERSON
    template: NoteTemplate = NoteTemplate.FREE
    sections: Sections = ()
    mood_before: int | None = None
    mood_after: int | None = None
    risk_flag: bool = False
    risk_followup: str = ""
    goal_ids: tuple[str, ...] = ()
    coping_items_used: tuple[str, ...] = ()
    next_actions: str = ""
    flagged_for_supervision: bool = False
    signed_at: datetime | None = None
    signature: str | None = None
    header: SessionHeader | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Note id")
        require_id(self.mentee_id, "Mentee id")
        require_aware(self.started_at, "The session start")
        require_enum(self.template, NoteTemplate, "Template")
        require_enum(self.mode, SessionMode, "Mode")
        require_range(self.duration_minutes, "Duration (minutes)", 0, DURATION_MAX_MINUTES)
        require_range(self.mood_before, "Mood before", 0, 10)
        require_range(self.mood_after, "Mood after", 0, 10)
        object.__setattr__(self, "sections", normalise_sections(self.template, self.sections))
        for name, text in self.sections:
            if not isinstance(text, str):
                raise ValidationError(f"The {name} section must be text.")
            require_max_len(text, f"The {name} section", SECTION_TEXT_MAX)
        require_max_len(self.risk_followup, "Risk follow-up", SECTION_TEXT_MAX)
        require_max_len(self.next_actions, "Actions for next time", SECTION_TEXT_MAX)
        object.__setattr__(self, "goal_ids", tuple(self.goal_ids))
        object.__setattr__(self, "coping_items_used", tuple(self.coping_items_used))
        for goal_id in self.goal_ids:
            require_id(goal_id, "Goal id")
        require_unique(self.goal_ids, "Goals worked on")
        if self.header is not None:
            self._normalise_header(self.header)
        for item in self.coping_items_used:
            require_text(item, "Coping item", max_len=ITEM_MAX)
        if (self.signed_at is None) != (self.signature is None):
            raise ValidationError("A signed note needs both its signing time and its hash.")
        if self.signed_at is not None:
            require_aware(self.signed_at, "The signing time")
        if self.signature is not None and (
            len(self.signature) != HASH_HEX_LEN
            or any(c not in "0123456789abcdef" for c in self.signature)
        ):
            raise ValidationError("The note's signature is not a SHA-256 hex digest.")

    def _normalise_header(self, header: SessionHeader) -> None:
        """The duration follows from start and end; one progress line per linked goal."""
        if not isinstance(header, SessionHeader):
            raise ValidationError("A note's header must be a session header.")
        if header.ended_at is not None:
            minutes = session_minutes(self.started_at, header.ended_at)
            require_range(minutes, "Duration (minutes)", 0, DURATION_MAX_MINUTES)
            object.__setattr__(self, "duration_minutes", minutes)
        lines = goal_lines(self.goal_ids, header.goals)
        if lines != header.goals:
            object.__setattr__(self, "header", replace(header, goals=lines))

    @property
    def is_signed(self) -> bool:
        return self.signed_at is not None

    def section(self, name: str) -> str:
        return dict(self.sections)[name]

    @property
    def text(self) -> str:
        """The whole note as text: a free note's body, or ``## Section`` blocks for a template."""
        if self.template is NoteTemplate.FREE:
            return self.sections[0][1]
        return "\n\n".join(f"## {name}\n{text}" for name, text in self.sections)

    @property
    def first_line(self) -> str:
        """The first non-empty line of the note, for list views, cut at a word boundary."""
        for _name, text in self.sections:
            for line in text.splitlines():
                if line.strip():
                    return shorten_at_word(line.strip(), FIRST_LINE_MAX)
        return ""


@dataclass(frozen=True)
class NoteSummary:
    """What a list of sessions shows, read without loading whole notes."""

    id: str
    mentee_id: str
    started_at: datetime
    duration_minutes: int
    mode: SessionMode
    template: NoteTemplate
    signed: bool
    risk_flag: bool
    first_line: str


@dataclass(frozen=True)
class Addendum:
    """A dated correction or addition to a signed note; append-only, hash-chained to the note."""

    id: str
    note_id: str
    seq: int
    written_at: datetime
    text: str
    prev_hash: str
    hash: str = field(default="")

    def __post_init__(self) -> None:
        require_id(self.id, "Addendum id")
        require_id(self.note_id, "Note id")
        require_range(self.seq, "Addendum number", 1, 1_000_000)
        require_aware(self.written_at, "The addendum time")
        require_text(self.text, "The addendum", max_len=SECTION_TEXT_MAX)
        for value, what in ((self.prev_hash, "previous hash"), (self.hash, "hash")):
            if len(value) != HASH_HEX_LEN:
                raise ValidationError(f"The addendum's {what} is not a SHA-256 hex digest.")
