"""``python -m mentorjournal.anonymise.evaluation --sets all`` (the per-set table ``make eval`` prints).

Also ``--n 500 --seed 1 [--family ...] [--show-errors] [--jsonl FILE]`` for one synthetic run.
``--show-errors`` is refused for the test and held-out sets: their misses are not for tuning.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from mentorjournal.anonymise.evaluation.metrics import Report, evaluate, format_report, format_table
from mentorjournal.anonymise.evaluation.sets import HELDOUT_ENV, SETS, SetUnavailable, heldout
from mentorjournal.anonymise.evaluation.synth import generate

_TUNABLE = (
    "synth-dev",
    "locales-dev",
    "presidio-dev",
    "brief-dev",
    "brief-dev2",
    "brief-dev3",
    "brief-dev4",
    "brief-dev5",
    "brief-dev6",
)


def run_sets(
    names: Sequence[str], n: int, show_errors: bool, heldout_file: Path | None = None
) -> int:
    reports: list[tuple[str, int, Report | str]] = []
    for name in names:
        try:
            notes = heldout(heldout_file) if name == "heldout" else SETS[name](n)
        except SetUnavailable as exc:
            reports.append((name, 0, str(exc)))
            continue
        keep = 40 if show_errors and name in _TUNABLE else 0
        report = evaluate(notes, keep_examples=keep)
        reports.append((name, len(notes), report))
        for kind, examples in (("missed", report.misses), ("false+", report.false_positives)):
            for cat, text, ctx in examples:
                print(f"  {name} {kind} {cat:12} {text!r:30} ...{ctx}...")
    print(format_table(reports))
    return 0


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
    parser.add_argument(
        "--sets",
        help=f"comma-separated sets or 'all' ({', '.join(SETS)}); --n notes each (synthetic sets)",
    )
    parser.add_argument(
        "--heldout",
        metavar="FILE",
        help=f"the held-out notes (JSON lines with gold spans), kept outside the repository; "
        f"default ${HELDOUT_ENV}",
    )
    args = parser.parse_args(argv)
    if args.sets:
        names = list(SETS) if args.sets == "all" else [s.strip() for s in args.sets.split(",")]
        unknown = [s for s in names if s not in SETS]
        if unknown:
            parser.error(f"unknown set(s): {', '.join(unknown)}")
        heldout_file = Path(args.heldout) if args.heldout else None
        return run_sets(names, args.n, args.show_errors, heldout_file)
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
