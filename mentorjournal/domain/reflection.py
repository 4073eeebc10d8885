"""The mentor's own reflections: free or structured (Gibbs, Driscoll, Kolb), with a self-care check.

A reflection may mention a mentee or a session and is often flagged to take to supervision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from mentorjournal.domain.validation import (
    require_aware,
    require_enum,
    require_id,
    require_max_len,
    require_optional_id,
    require_range,
    require_text,
    require_unique,
)
from mentorjournal.errors import ValidationError

TEXT_MAX = 200_000
TAG_MAX = 60


class ReflectionModel(StrEnum):
    FREE = "free"
    GIBBS = "gibbs"
    DRISCOLL = "driscoll"
    KOLB = "kolb"

    @property
    def sections(self) -> tuple[str, ...]:
        return MODEL_SECTIONS[self]


MODEL_SECTIONS: dict[ReflectionModel, tuple[str, ...]] = {
    ReflectionModel.FREE: ("Reflection",),
    ReflectionModel.GIBBS: (
        "Description",
        "Feelings",
        "Evaluation",
        "Analysis",
        "Conclusion",
        "Action plan",
    ),
    ReflectionModel.DRISCOLL: ("What?", "So what?", "Now what?"),
    ReflectionModel.KOLB: (
        "Concrete experience",
        "Reflective observation",
        "Abstract conceptualisation",
        "Active experimentation",
    ),
}


def normalise_reflection_sections(
    model: ReflectionModel, sections: Mapping[str, str] | Sequence[tuple[str, str]]
) -> tuple[tuple[str, str], ...]:
    pairs = list(sections.items()) if isinstance(sections, Mapping) else list(sections)
    require_unique([name for name, _t in pairs], "The reflection's sections")
    given = dict(pairs)
    for name in given:
        if name not in model.sections:
            raise ValidationError(
                f"A {model.value} reflection has no such section; "
                f"it has: {', '.join(model.sections)}."
            )
    return tuple((name, given.get(name, "")) for name in model.sections)


@dataclass(frozen=True)
class SelfCareCheck:
    """How am I doing: each 0-10, any may be left out."""

    energy: int | None = None
    stress: int | None = None
    boundaries: int | None = None

    def __post_init__(self) -> None:
        require_range(self.energy, "Energy", 0, 10)
        require_range(self.stress, "Stress", 0, 10)
        require_range(self.boundaries, "Boundaries", 0, 10)


@dataclass(frozen=True)
class Reflection:
    id: str
    written_at: datetime
    title: str
    model: ReflectionModel = ReflectionModel.FREE
    sections: tuple[tuple[str, str], ...] = ()
    mentee_id: str | None = None
    session_id: str | None = None
    tags: tuple[str, ...] = ()
    flagged_for_supervision: bool = False
    self_care: SelfCareCheck = SelfCareCheck()

    def __post_init__(self) -> None:
        require_id(self.id, "Reflection id")
        require_aware(self.written_at, "The reflection time")
        require_text(self.title, "Title", max_len=300)
        require_enum(self.model, ReflectionModel, "Reflective model")
        object.__setattr__(
            self, "sections", normalise_reflection_sections(self.model, self.sections)
        )
        for name, text in self.sections:
            require_max_len(text, f"The {name} section", TEXT_MAX)
        require_optional_id(self.mentee_id, "Mentee id")
        require_optional_id(self.session_id, "Session id")
        tags = tuple(tag.strip() for tag in self.tags)
        for tag in tags:
            require_text(tag, "Tag", max_len=TAG_MAX)
        require_unique(tags, "Tags")
        object.__setattr__(self, "tags", tags)
        if not isinstance(self.self_care, SelfCareCheck):
            raise ValidationError("The self-care check is malformed.")

    @property
    def text(self) -> str:
        if self.model is ReflectionModel.FREE:
            return self.sections[0][1]
        return "\n\n".join(f"## {name}\n{text}" for name, text in self.sections)
