"""Train the sequence tagger (``tagger.py``) on the brief-dev notes and write its model.

    python -m mentorjournal.anonymise.evaluation.train_tagger [--out FILE] [--sets brief-dev,...]

Only development sets are read: the test splits and the held-out notes judge the tagger, so
they never train it. Each note is run through the rules alone (``Detector(statistical=False)``)
and every token gets the features the tagger sees at run time, labelled with the writer's
gold spans. Training is deterministic: the same notes and rules give the same model, so
retrain after changing a rule or a list (the rules' labels are among the features).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from mentorjournal.anonymise import tagger
from mentorjournal.anonymise.detector import _KEPT_WORDS, Detector
from mentorjournal.anonymise.evaluation.sets import BRIEF_FILES, EvalNote, brief_notes
from mentorjournal.anonymise.gazetteers import load_gazetteers
from mentorjournal.anonymise.known import Known

#: Every brief-dev set; the brief-test splits are never trained on.
TRAINING_SETS = tuple(name for name in BRIEF_FILES if name.startswith("brief-dev"))
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / tagger.MODEL_FILE
#: L1 keeps the model small (most features get weight 0); L2 and the iteration count were
#: chosen by leave-one-set-out runs over the brief-dev sets (docs/anonymiser.md).
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 150, "feature.possible_transitions": True}


def sequences(notes: Sequence[EvalNote]) -> list[tuple[list[list[str]], list[str]]]:
    """(features, gold labels) for each note, the rules' finds among the features."""
    gaz = load_gazetteers()
    detectors: dict[Known, Detector] = {}
    out = []
    for note in notes:
        known = Known.from_dict(note.known)
        detector = detectors.get(known) or detectors.setdefault(
            known, Detector(known, gaz, statistical=False)
        )
        toks = tagger.tokens(note.text)
        rules = tagger.span_labels(toks, tagger.rule_spans(detector.find(note.text)))
        gold = tagger.span_labels(
            toks,
            [(g["start"], g["end"], tagger.LETTER.get(g["category"], "x")) for g in note.gold],
        )
        out.append((tagger.features(note.text, toks, rules, gaz, _KEPT_WORDS), gold))
    return out


def train(notes: Sequence[EvalNote], out: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for items, labels in sequences(notes):
        trainer.append(items, labels)
    trainer.set_params(PARAMS)
    trainer.train(str(out))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--sets", default=",".join(TRAINING_SETS))
    args = parser.parse_args(argv)
    names = [n for n in args.sets.split(",") if n]
    refused = [n for n in names if n not in TRAINING_SETS]
    if refused:
        print(f"not a development set (never trained on): {', '.join(refused)}", file=sys.stderr)
        return 2
    notes = [note for name in names for note in brief_notes(BRIEF_FILES[name])]
    train(notes, args.out)
    print(f"trained on {len(notes)} notes from {', '.join(names)}: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
