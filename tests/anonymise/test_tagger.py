"""The sequence tagger: a second opinion that only adds, never over what the rules keep."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from mentorjournal.anonymise import Detector, Known
from mentorjournal.anonymise.evaluation import train_tagger
from mentorjournal.anonymise.evaluation.sets import BRIEF_FILES, brief_notes
from mentorjournal.anonymise.tagger import SequenceTagger, load_tagger, span_labels, tokens


@pytest.fixture(scope="module")
def with_tagger() -> Detector:
    return Detector(Known())


@pytest.fixture(scope="module")
def rules_alone() -> Detector:
    return Detector(Known(), statistical=False)


def _found(detector: Detector, text: str) -> set[str]:
    return {text[i.start : i.end] for i in detector.find(text)}


#: Invented sentences whose organisation or place no rule names (everyday words, no suffix,
#: no list): the tagger reads it from the sentence around it.
ADDED = [
    ("Went to Open Door for lunch then back to the hostel.", "Open Door"),
    ("Signed up at Health Assured through work, first call next week.", "Health Assured"),
]


@pytest.mark.parametrize(("text", "expected"), ADDED)
def test_the_tagger_adds_what_the_rules_miss(
    with_tagger: Detector, rules_alone: Detector, text: str, expected: str
) -> None:
    assert expected not in _found(rules_alone, text)
    assert expected in _found(with_tagger, text)


@pytest.mark.parametrize(
    "text",
    [
        "It rose to 7 after the review. Hope is low but she will try.",
        "Plan: contact DWP tomorrow, then the VA re his claim.",
        "Referred for Systemic Family Therapy; Adult Social Care and Early Help informed.",
        "Fasting during Ramadan, home for Diwali. HADS-D 8.",
        "He was on his way home, on the st corner.",
    ],
)
def test_the_tagger_never_overrules_what_stays(with_tagger: Detector, text: str) -> None:
    assert with_tagger.find(text) == []


def test_additions_never_overlap_the_rules_and_come_sorted(with_tagger: Detector) -> None:
    notes = brief_notes(BRIEF_FILES["brief-dev"])[:40]
    for note in notes:
        found = with_tagger.find(note.text)
        assert [i.start for i in found] == sorted(i.start for i in found)
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_tagging_is_deterministic() -> None:
    text = "Met Kez at Harbour Lights Bakery, then walked to Sunnyside Rec with her nan."
    first = Detector(Known()).find(text)
    assert Detector(Known()).find(text) == first == Detector(Known()).find(text)


def test_span_labels_mark_begin_and_inside() -> None:
    text = "Saw Ana Ruiz at Oak Cafe."
    toks = tokens(text)
    labels = span_labels(toks, [(4, 12, "N"), (16, 24, "O")])
    assert list(zip([w for _, _, w in toks], labels, strict=True)) == [
        ("Saw", "O"),
        ("Ana", "B-N"),
        ("Ruiz", "I-N"),
        ("at", "O"),
        ("Oak", "B-O"),
        ("Cafe", "I-O"),
        (".", "O"),
    ]


def test_the_shipped_model_loads_once_and_labels(with_tagger: Detector) -> None:
    tagger = load_tagger()
    assert load_tagger() is tagger
    assert tagger.label([]) == []


def test_training_reads_only_development_sets(capsys: pytest.CaptureFixture[str]) -> None:
    assert train_tagger.main(["--sets", "brief-test", "--out", "/dev/null"]) == 2
    assert "never trained on" in capsys.readouterr().err
    assert "brief-test" not in train_tagger.TRAINING_SETS
    assert "brief-test2" not in train_tagger.TRAINING_SETS


def test_a_model_trained_on_a_few_notes_tags(tmp_path: Path) -> None:
    """The training path works end to end: a model from ten notes loads and labels a note."""
    out = tmp_path / "small.crfsuite"
    train_tagger.train(brief_notes(BRIEF_FILES["brief-dev"])[:10], out)
    labels = SequenceTagger(out.read_bytes()).label([["w=met", "title"], ["w=sam", "fn"]])
    assert len(labels) == 2
    assert all(0.0 <= p <= 1.0 for _, p in labels)


def test_no_note_stays_in_the_tagger_after_a_call(with_tagger: Detector) -> None:
    """The tagger holds the sequence it labels; it is emptied when labelling ends."""
    with_tagger.find("Went to Open Door for lunch with Kez.")
    assert load_tagger()._tagger.tag() == []
