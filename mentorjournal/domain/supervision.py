"""Supervision: Proctor's three functions, Hawkins and Shohet's seven-eyed focus, agreed actions.

Agenda items point at their source (a flagged reflection or note) by kind and id rather than
copying case material, which must be de-identified before it is taken to supervision.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mentorjournal.domain.validation import (
    require_date,
    require_enum,
    require_id,
    require_max_len,
    require_optional_id,
    require_range,
    require_text,
)
from mentorjournal.errors import ValidationError

TEXT_MAX = 200_000


class SupervisionFunction(StrEnum):
    NORMATIVE = "normative"
    FORMATIVE = "formative"
    RESTORATIVE = "restorative"


class SupervisionFocus(StrEnum):
    """The seven eyes, in order 1..7."""

    MENTEE = "mentee"
    INTERVENTIONS = "interventions"
    RELATIONSHIP = "relationship"
    MENTOR = "mentor"
    PARALLEL_PROCESS = "parallel_process"
    SUPERVISOR = "supervisor"
    WIDER_CONTEXT = "wider_context"

    @property
    def label(self) -> str:
        return FOCUS_LABELS[self]


FOCUS_LABELS: dict[SupervisionFocus, str] = {
    SupervisionFocus.MENTEE: "The mentee",
    SupervisionFocus.INTERVENTIONS: "The mentor's interventions",
    SupervisionFocus.RELATIONSHIP: "The relationship",
    SupervisionFocus.MENTOR: "The mentor",
    SupervisionFocus.PARALLEL_PROCESS: "The parallel process",
    SupervisionFocus.SUPERVISOR: "The supervisor's own process",
    SupervisionFocus.WIDER_CONTEXT: "The wider context",
}


class SourceKind(StrEnum):
    """Where an agenda item came from."""

    REFLECTION = "reflection"
    NOTE = "note"
    OTHER = "other"


@dataclass(frozen=True)
class AgendaItem:
    id: str
    question: str
    function: SupervisionFunction
    focus: SupervisionFocus | None = None
    source_kind: SourceKind = SourceKind.OTHER
    source_id: str | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Agenda item id")
        require_text(self.question, "The agenda question", max_len=TEXT_MAX)
        require_enum(self.function, SupervisionFunction, "Function")
        if self.focus is not None:
            require_enum(self.focus, SupervisionFocus, "Focus")
        require_enum(self.source_kind, SourceKind, "Source kind")
        require_optional_id(self.source_id, "Source id")
        if (self.source_kind is SourceKind.OTHER) != (self.source_id is None):
            raise ValidationError("An agenda item drawn from a record must name that record.")


@dataclass(frozen=True)
class SupervisionAction:
    id: str
    text: str
    owner: str = ""
    due_on: date | None = None
    done: bool = False

    def __post_init__(self) -> None:
        require_id(self.id, "Action id")
        require_text(self.text, "The action", max_len=5000)
        require_max_len(self.owner, "Owner", 200)
        require_date(self.due_on, "Due date")


@dataclass(frozen=True)
class SupervisionSession:
    id: str
    held_on: date
    supervisor: str
    agenda: tuple[AgendaItem, ...] = ()
    discussion: str = ""
    actions: tuple[SupervisionAction, ...] = ()
    #: The ledger: the meeting's length (``None``: not logged as supervision time yet) and the
    #: Proctor functions it covered (see ``supervision_ledger.py``).
    minutes: int | None = None
    functions: frozenset[SupervisionFunction] = frozenset()

    def __post_init__(self) -> None:
        require_id(self.id, "Supervision id")
        require_range(self.minutes, "The meeting's length in minutes", 1, 1440)
        object.__setattr__(self, "functions", frozenset(self.functions))
        for function in self.functions:
            require_enum(function, SupervisionFunction, "Function")
        require_date(self.held_on, "Supervision date")
        if self.held_on is None:
            raise ValidationError("A supervision session needs a date.")
        require_text(self.supervisor, "Supervisor", max_len=200)
        require_max_len(self.discussion, "Discussion", TEXT_MAX)
        object.__setattr__(self, "agenda", tuple(self.agenda))
        object.__setattr__(self, "actions", tuple(self.actions))
        if len({i.id for i in self.agenda}) != len(self.agenda):
            raise ValidationError("Two agenda items share an id.")
        if len({a.id for a in self.actions}) != len(self.actions):
            raise ValidationError("Two actions share an id.")


@dataclass(frozen=True)
class AgendaCandidate:
    """Something flagged to take to supervision: a reflection, or a note with a risk flag or flag."""

    source_kind: SourceKind
    source_id: str
    mentee_id: str | None
    when: datetime
    title: str
    reason: str

    def __post_init__(self) -> None:
        require_enum(self.source_kind, SourceKind, "Source kind")
        require_id(self.source_id, "Source id")
        require_optional_id(self.mentee_id, "Mentee id")
