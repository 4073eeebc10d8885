"""Coping-strategy (safety) plans: seven generic sections of ordered items, every version kept.

The sections follow the safety-planning intervention in DOMAIN.md. A plan is revised with the
mentee; each save is a new numbered version and the current plan is the latest version.
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
    require_range,
)
from mentorjournal.errors import ValidationError

ITEM_MAX = 2000
ITEMS_PER_SECTION_MAX = 200


class PlanSection(StrEnum):
    """The seven sections, in the order a plan is read and printed."""

    WARNING_SIGNS = "warning_signs"
    SELF_COPING = "self_coping"
    SOCIAL_DISTRACTION = "social_distraction"
    PEOPLE_TO_ASK = "people_to_ask"
    PROFESSIONALS = "professionals"
    SAFER_ENVIRONMENT = "safer_environment"
    WHAT_MATTERS = "what_matters"

    @property
    def label(self) -> str:
        return SECTION_LABELS[self]


SECTION_LABELS: dict[PlanSection, str] = {
    PlanSection.WARNING_SIGNS: "Warning signs and triggers",
    PlanSection.SELF_COPING: "Things I can do on my own",
    PlanSection.SOCIAL_DISTRACTION: "People and places that help",
    PlanSection.PEOPLE_TO_ASK: "People I can ask for help",
    PlanSection.PROFESSIONALS: "Professionals and services I can contact",
    PlanSection.SAFER_ENVIRONMENT: "Making the environment safer",
    PlanSection.WHAT_MATTERS: "What matters to me",
}

PlanSections = tuple[tuple[PlanSection, tuple[str, ...]], ...]


def normalise_plan_sections(
    sections: Mapping[PlanSection, Sequence[str]] | Sequence[tuple[PlanSection, Sequence[str]]],
) -> PlanSections:
    """All seven sections in order (missing ones empty), items trimmed, blank items dropped."""
    pairs = list(sections.items()) if isinstance(sections, Mapping) else list(sections)
    given: dict[PlanSection, tuple[str, ...]] = {}
    for section, items in pairs:
        require_enum(section, PlanSection, "Plan section")
        if section in given:
            raise ValidationError("A plan section is given twice.")
        if isinstance(items, str):
            raise ValidationError("A plan section holds a list of items, not one text.")
        cleaned = tuple(item.strip() for item in items if item.strip())
        if len(cleaned) > ITEMS_PER_SECTION_MAX:
            raise ValidationError(f"A plan section holds at most {ITEMS_PER_SECTION_MAX} items.")
        for item in cleaned:
            require_max_len(item, "Plan item", ITEM_MAX)
        given[section] = cleaned
    return tuple((section, given.get(section, ())) for section in PlanSection)


@dataclass(frozen=True)
class CopingPlanVersion:
    """One saved version of a mentee's plan (version 1, 2, ...)."""

    id: str
    mentee_id: str
    version: int
    saved_at: datetime
    sections: PlanSections
    note: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Plan version id")
        require_id(self.mentee_id, "Mentee id")
        require_range(self.version, "Plan version", 1, 1_000_000)
        require_aware(self.saved_at, "The time the plan was saved")
        object.__setattr__(self, "sections", normalise_plan_sections(self.sections))
        require_max_len(self.note, "Version note", ITEM_MAX)

    def items(self, section: PlanSection) -> tuple[str, ...]:
        return dict(self.sections)[section]

    @property
    def is_empty(self) -> bool:
        return all(not items for _s, items in self.sections)


@dataclass(frozen=True)
class CopingPlan:
    """A mentee's plan: every version, oldest first; the current one is the last."""

    mentee_id: str
    versions: tuple[CopingPlanVersion, ...]

    @property
    def current(self) -> CopingPlanVersion | None:
        return self.versions[-1] if self.versions else None
