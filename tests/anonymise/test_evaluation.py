"""The accuracy targets on a seed the detector was not tuned on; a regression fails CI.

Targets (issue 6): recall >= 97% overall and >= 99.5% for identifiers the vault knows,
precision >= 92%, fewer than 2% of must-keep words removed. The generator's name, town and
organisation lists are written for the evaluation, not taken from the detector's gazetteers.
"""

from __future__ import annotations

from mentorjournal.anonymise import Detector
from mentorjournal.anonymise.evaluation import evaluate, format_report, generate

HELD_OUT_SEED = 20261126


def test_targets_are_met_on_a_held_out_seed() -> None:
    report = evaluate(generate(150, HELD_OUT_SEED))
    summary = format_report(report)
    assert report.recall_all.rate >= 0.97, summary
    assert report.recall_known.rate >= 0.995, summary
    assert report.precision.rate >= 0.92, summary
    assert 1 - report.keep_lost.rate < 0.02, summary


def test_the_generator_is_deterministic_and_gold_spans_point_at_text() -> None:
    a, b = generate(20, 5), generate(20, 5)
    assert [n.text for n in a] == [n.text for n in b]
    for note in a:
        for g in note.gold:
            assert note.text[g["start"] : g["end"]].strip() == note.text[g["start"] : g["end"]]
        assert all(s < e for s, e in note.keep)


def test_the_evaluation_can_fail() -> None:
    """A detector that finds nothing scores zero recall: the metric is not vacuous."""
    notes = generate(10, 3)

    class Blind(Detector):
        def find(self, text: str) -> list:  # type: ignore[type-arg]
            return []

    from mentorjournal.anonymise.evaluation import metrics

    real = metrics.Detector
    metrics.Detector = Blind  # type: ignore[misc]
    try:
        report = evaluate(notes)
    finally:
        metrics.Detector = real  # type: ignore[misc]
    assert report.recall_all.rate == 0.0
