"""Continuing professional development: what was done, when, for how long, and what was learnt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from mentorjournal.domain.validation import require_date, require_id, require_max_len, require_text
from mentorjournal.errors import ValidationError

HOURS_MAX = 1000.0


class CpdCategory(Enum):
    """What an activity was about; schemes count some categories towards named minimums."""

    ETHICS = "ethics"
    LAW = "law"
    SAFEGUARDING = "safeguarding"
    CLINICAL_SKILLS = "clinical_skills"
    LIVED_EXPERIENCE = "lived_experience"
    RECOVERY_WELLNESS = "recovery_wellness"
    ADVOCACY = "advocacy"
    CULTURAL_COMPETENCE = "cultural_competence"
    SELF_CARE = "self_care"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CATEGORY_LABELS[self]


CATEGORY_LABELS: dict[CpdCategory, str] = {
    CpdCategory.ETHICS: "Ethics",
    CpdCategory.LAW: "Law",
    CpdCategory.SAFEGUARDING: "Safeguarding",
    CpdCategory.CLINICAL_SKILLS: "Clinical skills",
    CpdCategory.LIVED_EXPERIENCE: "Lived experience",
    CpdCategory.RECOVERY_WELLNESS: "Recovery and wellness",
    CpdCategory.ADVOCACY: "Advocacy",
    CpdCategory.CULTURAL_COMPETENCE: "Cultural competence",
    CpdCategory.SELF_CARE: "Self-care",
    CpdCategory.OTHER: "Other",
}


@dataclass(frozen=True)
class CpdEntry:
    id: str
    activity: str
    on: date
    hours: float
    kind: str = ""
    learning: str = ""
    evidence: str = ""
    #: None for entries logged before categories existed: they count towards totals only.
    category: CpdCategory | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "CPD id")
        require_text(self.activity, "Activity", max_len=500)
        require_date(self.on, "CPD date")
        if self.on is None:
            raise ValidationError("A CPD entry needs a date.")
        if (
            isinstance(self.hours, bool)
            or not isinstance(self.hours, int | float)
            or not 0 < self.hours <= HOURS_MAX
        ):
            raise ValidationError(f"Hours must be more than 0 and at most {HOURS_MAX:g}.")
        require_max_len(self.kind, "Kind", 200)
        require_max_len(self.learning, "Learning", 200_000)
        require_max_len(self.evidence, "Evidence reference", 2000)
        if self.category is not None and not isinstance(self.category, CpdCategory):
            raise ValidationError("Unknown CPD category.")


@dataclass(frozen=True)
class CpdYearTotal:
    year: int
    hours: float
    entries: int
