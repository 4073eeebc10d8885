"""PHQ-9 and GAD-7 as published: item counts, answer scale, scoring and severity bands."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from mentorjournal.domain import Instrument, MeasureResult, RiskFollowUp, new_id
from mentorjournal.domain.caseload import local_midnight, local_today
from mentorjournal.domain.measures import (
    ANSWER_SCALE,
    SOURCE_CITATION,
    MeasurePoint,
    band_for,
    trend,
    validate_answers,
)
from mentorjournal.errors import ValidationError

MENTEE = new_id()


def _result(instrument: Instrument, answers: tuple[int, ...]) -> MeasureResult:
    return MeasureResult(new_id(), MENTEE, instrument, date(2026, 3, 1), answers)


def test_the_instruments_have_their_published_length_and_answer_scale() -> None:
    assert len(Instrument.PHQ9.items) == 9
    assert len(Instrument.GAD7.items) == 7
    assert ANSWER_SCALE == (
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    )
    assert Instrument.PHQ9.max_score == 27
    assert Instrument.GAD7.max_score == 21
    assert "better off dead" in Instrument.PHQ9.items[8]
    assert "Kroenke" in SOURCE_CITATION and "Pfizer" in SOURCE_CITATION


@pytest.mark.parametrize(
    ("score", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "moderately severe"), (19, "moderately severe"),
     (20, "severe"), (27, "severe")],
)  # fmt: skip
def test_phq9_bands_follow_the_published_cut_points(score: int, band: str) -> None:
    assert band_for(Instrument.PHQ9, score) == band


@pytest.mark.parametrize(
    ("score", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "severe"), (21, "severe")],
)  # fmt: skip
def test_gad7_bands_follow_the_published_cut_points(score: int, band: str) -> None:
    assert band_for(Instrument.GAD7, score) == band


def test_a_result_scores_its_answers_and_says_it_as_the_cli_prints_it() -> None:
    result = _result(Instrument.PHQ9, (2, 2, 1, 1, 1, 2, 1, 1, 0))
    assert result.score == 11
    assert result.summary == "PHQ-9 11 (moderate)"
    assert not result.calls_for_risk_conversation


def test_phq9_item_nine_above_zero_calls_for_a_risk_conversation() -> None:
    assert _result(Instrument.PHQ9, (0,) * 8 + (1,)).calls_for_risk_conversation
    assert not _result(Instrument.GAD7, (3,) * 7).calls_for_risk_conversation


@pytest.mark.parametrize(
    ("instrument", "answers", "message"),
    [
        (Instrument.PHQ9, (1,) * 8, "needs 9 answers"),
        (Instrument.GAD7, (1,) * 8, "needs 7 answers"),
        (Instrument.GAD7, (1, 1, 1, 4, 1, 1, 1), "answer 4 must be"),
        (Instrument.PHQ9, (0, -1, 0, 0, 0, 0, 0, 0, 0), "answer 2 must be"),
    ],
)
def test_wrong_count_or_range_is_refused_with_a_plain_message(
    instrument: Instrument, answers: tuple[int, ...], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_answers(instrument, answers)
    with pytest.raises(ValidationError):
        _result(instrument, answers)


def test_trend_is_the_change_from_the_previous_total() -> None:
    points = [
        MeasurePoint(MENTEE, Instrument.GAD7, date(2026, 1, d), s) for d, s in ((1, 14), (29, 9))
    ]
    assert trend(points[:1]) is None
    assert trend(points) == -5


def test_a_follow_up_cannot_close_before_it_opened() -> None:
    opened = datetime(2026, 3, 1, 10, tzinfo=UTC)
    with pytest.raises(ValidationError):
        RiskFollowUp(new_id(), MENTEE, opened, "Talk", closed_at=opened - timedelta(minutes=1))


@pytest.mark.parametrize("hours", [-8, 0, 9])
def test_local_day_is_the_mentors_day_on_both_sides_of_utc(hours: int) -> None:
    zone = timezone(timedelta(hours=hours))
    just_after_midnight = datetime(2026, 3, 2, 0, 5, tzinfo=zone)
    assert local_today(just_after_midnight.astimezone(UTC), zone) == date(2026, 3, 2)
    assert local_midnight(date(2026, 3, 2), zone).astimezone(zone).hour == 0
