"""``python -m mentorjournal.anonymise.evaluation --n 500 --seed 1 [--show-errors] [--jsonl FILE]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from mentorjournal.anonymise.evaluation.metrics import evaluate, format_report
from mentorjournal.anonymise.evaluation.synth import generate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mentorjournal.anonymise.evaluation")
    parser.add_argument("--n", type=int, default=500, help="number of notes (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--family", choices=("first", "second", "mixed"), default="mixed", help="sentence templates"
    )
    parser.add_argument(
        "--show-errors", action="store_true", help="print examples of misses and false positives"
    )
    parser.add_argument(
        "--jsonl", metavar="FILE", help="also write the notes as CLI --batch input with gold"
    )
    args = parser.parse_args(argv)
    notes = generate(args.n, args.seed, family=args.family)
    report = evaluate(notes, keep_examples=60 if args.show_errors else 0)
    print(f"{args.n} synthetic notes, seed {args.seed}, templates {args.family}")
    print(format_report(report))
    if args.show_errors:
        print("\nmisses:")
        for cat, text, ctx in report.misses:
            print(f"  {cat:12} {text!r:30} ...{ctx}...")
        print("\nfalse positives:")
        for cat, text, ctx in report.false_positives:
            print(f"  {cat:12} {text!r:30} ...{ctx}...")
        print("\nmust-keep words removed:", dict(report.lost_words.most_common(20)))
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as handle:
            for note in notes:
                handle.write(
                    json.dumps(
                        {"id": note.id, "text": note.text, "known": note.known, "gold": note.gold}
                    )
                    + "\n"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
