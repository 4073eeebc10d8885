"""Outcome measures: PHQ-9 and GAD-7 item by item, and the mentee's own 0-10 scales.

The questionnaires are reproduced with their published wording, answer scale and severity
bands. Source: the PHQ-9 and GAD-7 were developed by Drs. Robert L. Spitzer, Janet B. W.
Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.; Pfizer
states that no permission is required to reproduce, translate, display or distribute them.

A mentor is not a diagnostician: a score is shown as change over time with its published
band, never as a diagnosis. PHQ-9 item 9 above 0 always calls for a risk conversation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from mentorjournal.domain.validation import (
    require_aware,
    require_date,
    require_enum,
    require_id,
    require_max_len,
    require_optional_id,
    require_range,
    require_text,
)
from mentorjournal.errors import ValidationError

SOURCE_CITATION = (
    "PHQ-9 and GAD-7: developed by Drs. Robert L. Spitzer, Janet B. W. Williams, Kurt Kroenke "
    "and colleagues, with an educational grant from Pfizer Inc. No permission required to "
    "reproduce, translate, display or distribute."
)
NOT_A_DIAGNOSIS = (
    "Scores show change over time for the conversation with your mentee; they are not a diagnosis."
)

#: The answer scale both questionnaires share, scored 0-3.
ANSWER_SCALE: tuple[str, ...] = (
    "Not at all",
    "Several days",
    "More than half the days",
    "Nearly every day",
)

PHQ9_STEM = (
    "Over the last 2 weeks, how often have you been bothered by any of the following problems?"
)
PHQ9_ITEMS: tuple[str, ...] = (
    "Little interest or pleasure in doing things",
    "Feeling down, depressed, or hopeless",
    "Trouble falling or staying asleep, or sleeping too much",
    "Feeling tired or having little energy",
    "Poor appetite or overeating",
    "Feeling bad about yourself — or that you are a failure or have let yourself or your "
    "family down",
    "Trouble concentrating on things, such as reading the newspaper or watching television",
    "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
    "being so fidgety or restless that you have been moving around a lot more than usual",
    "Thoughts that you would be better off dead or of hurting yourself in some way",
)
GAD7_STEM = "Over the last 2 weeks, how often have you been bothered by the following problems?"
GAD7_ITEMS: tuple[str, ...] = (
    "Feeling nervous, anxious or on edge",
    "Not being able to stop or control worrying",
    "Worrying too much about different things",
    "Trouble relaxing",
    "Being so restless that it is hard to sit still",
    "Becoming easily annoyed or irritable",
    "Feeling afraid as if something awful might happen",
)

#: PHQ-9 item 9 (thoughts of being better off dead or of self-harm), as a 0-based index.
PHQ9_RISK_ITEM = 8
MAX_ANSWER = len(ANSWER_SCALE) - 1


class Instrument(StrEnum):
    PHQ9 = "phq9"
    GAD7 = "gad7"

    @property
    def label(self) -> str:
        return "PHQ-9" if self is Instrument.PHQ9 else "GAD-7"

    @property
    def stem(self) -> str:
        return PHQ9_STEM if self is Instrument.PHQ9 else GAD7_STEM

    @property
    def items(self) -> tuple[str, ...]:
        return PHQ9_ITEMS if self is Instrument.PHQ9 else GAD7_ITEMS

    @property
    def max_score(self) -> int:
        return MAX_ANSWER * len(self.items)

    @property
    def bands(self) -> tuple[tuple[int, int, str], ...]:
        """Published severity bands as (low, high, name), inclusive."""
        return PHQ9_BANDS if self is Instrument.PHQ9 else GAD7_BANDS


PHQ9_BANDS: tuple[tuple[int, int, str], ...] = (
    (0, 4, "minimal"),
    (5, 9, "mild"),
    (10, 14, "moderate"),
    (15, 19, "moderately severe"),
    (20, 27, "severe"),
)
GAD7_BANDS: tuple[tuple[int, int, str], ...] = (
    (0, 4, "minimal"),
    (5, 9, "mild"),
    (10, 14, "moderate"),
    (15, 21, "severe"),
)


def band_for(instrument: Instrument, score: int) -> str:
    """The published band a total falls in (``ValidationError`` outside the instrument's range)."""
    for low, high, name in instrument.bands:
        if low <= score <= high:
            return name
    raise ValidationError(f"A {instrument.label} total must be from 0 to {instrument.max_score}.")


def validate_answers(instrument: Instrument, answers: Sequence[int]) -> tuple[int, ...]:
    """Exactly one answer per item, each 0-3; the message says which rule was broken."""
    count = len(instrument.items)
    if len(answers) != count:
        raise ValidationError(
            f"{instrument.label} needs {count} answers, one per question; got {len(answers)}."
        )
    for number, answer in enumerate(answers, start=1):
        if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= MAX_ANSWER:
            raise ValidationError(
                f"{instrument.label} answer {number} must be a whole number from 0 to {MAX_ANSWER}."
            )
    return tuple(answers)


@dataclass(frozen=True)
class MeasureResult:
    """One completed questionnaire: the answers as given; total and band follow from them."""

    id: str
    mentee_id: str
    instrument: Instrument
    taken_on: date
    answers: tuple[int, ...]
    session_id: str | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Measure id")
        require_id(self.mentee_id, "Mentee id")
        require_enum(self.instrument, Instrument, "Instrument")
        require_date(self.taken_on, "Date")
        object.__setattr__(self, "answers", validate_answers(self.instrument, self.answers))
        require_optional_id(self.session_id, "Session id")

    @property
    def score(self) -> int:
        return sum(self.answers)

    @property
    def band(self) -> str:
        return band_for(self.instrument, self.score)

    @property
    def summary(self) -> str:
        """``PHQ-9 11 (moderate)``: how the CLI and lists say a result."""
        return f"{self.instrument.label} {self.score} ({self.band})"

    @property
    def calls_for_risk_conversation(self) -> bool:
        """PHQ-9 item 9 above 0: prompt the coping plan and record a risk follow-up."""
        return self.instrument is Instrument.PHQ9 and self.answers[PHQ9_RISK_ITEM] > 0


@dataclass(frozen=True)
class MeasurePoint:
    """A light result for charts and the caseload: date, total, band."""

    mentee_id: str
    instrument: Instrument
    taken_on: date
    score: int

    @property
    def band(self) -> str:
        return band_for(self.instrument, self.score)


def trend(points: Sequence[MeasurePoint]) -> int | None:
    """Change of the latest total from the one before (negative: fewer symptoms), or None."""
    if len(points) < 2:
        return None
    return points[-1].score - points[-2].score


SCALE_MIN = 0
SCALE_MAX = 10
SCALE_NAME_MAX = 80


@dataclass(frozen=True)
class TrackedScale:
    """A 0-10 scale the mentee chose to track, named in their words ("Sleep", "Confidence")."""

    id: str
    mentee_id: str
    name: str
    low_label: str = ""
    high_label: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Scale id")
        require_id(self.mentee_id, "Mentee id")
        require_text(self.name, "Scale name", max_len=SCALE_NAME_MAX)
        require_max_len(self.low_label, "Label for 0", SCALE_NAME_MAX)
        require_max_len(self.high_label, "Label for 10", SCALE_NAME_MAX)


@dataclass(frozen=True)
class ScaleRating:
    id: str
    scale_id: str
    rated_on: date
    value: int

    def __post_init__(self) -> None:
        require_id(self.id, "Rating id")
        require_id(self.scale_id, "Scale id")
        require_date(self.rated_on, "Date")
        require_range(self.value, "Rating", SCALE_MIN, SCALE_MAX)


class RiskSource(StrEnum):
    MEASURE = "measure"
    NOTE = "note"
    OTHER = "other"


@dataclass(frozen=True)
class RiskFollowUp:
    """A risk conversation to have and record; open until the mentor closes it with an outcome."""

    id: str
    mentee_id: str
    opened_at: datetime
    reason: str
    source_kind: RiskSource = RiskSource.OTHER
    source_id: str | None = None
    closed_at: datetime | None = None
    outcome: str = ""

    def __post_init__(self) -> None:
        require_id(self.id, "Follow-up id")
        require_id(self.mentee_id, "Mentee id")
        require_aware(self.opened_at, "Opened at")
        require_text(self.reason, "Reason", max_len=500)
        require_enum(self.source_kind, RiskSource, "Source")
        require_optional_id(self.source_id, "Source id")
        if self.closed_at is not None:
            require_aware(self.closed_at, "Closed at")
            if self.closed_at < self.opened_at:
                raise ValidationError("A follow-up cannot be closed before it was opened.")
        require_max_len(self.outcome, "Outcome", 2000)

    @property
    def is_open(self) -> bool:
        return self.closed_at is None
