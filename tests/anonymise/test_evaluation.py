"""The accuracy targets on a seed the detector was not tuned on; a regression fails CI.

Targets (issue 6): recall >= 97% overall and >= 99.5% for identifiers the vault knows,
precision >= 92%, fewer than 2% of must-keep words removed. The generator's name, town and
organisation lists are written for the evaluation, not taken from the detector's gazetteers.
"""

from __future__ import annotations

import time

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.evaluation import evaluate, format_report, generate

from .conftest import KNOWN_DICT
from .sample_note import SAMPLE_NOTE

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


def _three_hundred_word_notes() -> list[tuple[Known, str]]:
    notes = generate(60, 99)
    out = []
    for i in range(0, 60, 3):
        text = " ".join(n.text for n in notes[i : i + 3])
        words = text.split()
        out.append((Known.from_dict(notes[i].known), " ".join(words[:300])))
    return out


def test_speed_budget_per_300_word_note_with_headroom_for_a_busy_machine() -> None:
    """About 3 ms of CPU for a realistic 300-word note; 3x headroom here for a loaded CI machine.

    The synthetic notes are far denser in identifiers (one every eight words) and cost more.
    """
    known = Known.from_dict(KNOWN_DICT)
    detector = Detector(known)
    assert len(SAMPLE_NOTE.split()) >= 300
    assert min(_cpu_ms(detector, SAMPLE_NOTE) for _ in range(5)) < 15.0
    notes = _three_hundred_word_notes()
    detectors = {k: Detector(k) for k, _ in notes}
    dense = min(_cpu_ms_per_note(notes, detectors) for _ in range(3))
    assert dense < 20.0, f"{dense:.2f} ms per dense 300-word note"


@pytest.mark.slow
def test_speed_budget_is_five_ms_per_300_word_note() -> None:
    detector = Detector(Known.from_dict(KNOWN_DICT))
    best = min(_cpu_ms(detector, SAMPLE_NOTE) for _ in range(9))
    assert best < 5.0, f"{best:.2f} ms per 300-word note"


def _cpu_ms(detector: Detector, text: str, repeat: int = 20) -> float:
    detector.find(text)
    start = time.process_time()
    for _ in range(repeat):
        detector.find(text)
    return (time.process_time() - start) / repeat * 1000


def _cpu_ms_per_note(notes: list[tuple[Known, str]], detectors: dict[Known, Detector]) -> float:
    start = time.process_time()
    for k, t in notes:
        detectors[k].find(t)
    return (time.process_time() - start) / len(notes) * 1000
