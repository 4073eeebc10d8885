"""Scoring the detector against gold spans: recall (known and not known), precision, kept words lost.

A gold identifier counts as found only when every letter and digit of it is covered by predicted
spans (a half-redacted name still identifies); a predicted span is correct when it overlaps a
gold identifier; a must-keep word is lost when any predicted span touches it.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from mentorjournal.anonymise.detector import Detector
from mentorjournal.anonymise.known import Known


@dataclass
class Tally:
    found: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0


@dataclass
class Report:
    recall_all: Tally = field(default_factory=Tally)
    recall_known: Tally = field(default_factory=Tally)
    recall_unknown: Tally = field(default_factory=Tally)
    precision: Tally = field(default_factory=Tally)
    keep_lost: Tally = field(default_factory=Tally)
    recall_by_category: dict[str, Tally] = field(default_factory=dict)
    precision_by_category: dict[str, Tally] = field(default_factory=dict)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    lost_words: Counter[str] = field(default_factory=Counter)
    ms_per_note: float = 0.0
    words_per_note: float = 0.0
    #: CPU time (process_time) per 300 words of text, the budget's unit.
    ms_per_300_words: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "recall": self.recall_all.rate,
            "recall_known": self.recall_known.rate,
            "recall_unknown": self.recall_unknown.rate,
            "precision": self.precision.rate,
            "must_keep_removed": 1 - self.keep_lost.rate if self.keep_lost.total else 0.0,
            "ms_per_note": self.ms_per_note,
        }


def _covered(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    for i in range(start, end):
        if text[i].isalnum() and not any(s <= i < e for s, e in spans):
            return False
    return True


def evaluate(notes: Sequence[Any], *, keep_examples: int = 30) -> Report:
    """Score ``find`` over notes with ``.text``, ``.known`` (dict), ``.gold`` and ``.keep``."""
    report = Report()
    detectors: dict[Known, Detector] = {}
    elapsed = 0.0
    words = 0
    for note in notes:
        known = Known.from_dict(note.known)
        detector = detectors.get(known) or detectors.setdefault(known, Detector(known))
        t0 = time.process_time()
        found = detector.find(note.text)
        elapsed += time.process_time() - t0
        words += len(note.text.split())
        spans = [(i.start, i.end) for i in found]
        for g in note.gold:
            ok = _covered(note.text, g["start"], g["end"], spans)
            for tally in (report.recall_all, report.recall_known if g["known"] else report.recall_unknown,
                          report.recall_by_category.setdefault(g["category"], Tally())):  # fmt: skip
                tally.total += 1
                tally.found += ok
            if not ok and len(report.misses) < keep_examples:
                ctx = note.text[max(0, g["start"] - 30) : g["end"] + 30].replace("\n", " ")
                report.misses.append((g["category"], note.text[g["start"] : g["end"]], ctx))
        neutral = getattr(note, "neutral", ())
        for ident in found:
            ok = any(ident.start < g["end"] and g["start"] < ident.end for g in note.gold)
            if not ok and any(ident.start < e and s < ident.end for s, e in neutral):
                continue  # on something we do not claim to find (a country, a title): not scored
            for tally in (
                report.precision,
                report.precision_by_category.setdefault(ident.category.value, Tally()),
            ):
                tally.total += 1
                tally.found += ok
            if not ok and len(report.false_positives) < keep_examples:
                ctx = note.text[max(0, ident.start - 30) : ident.end + 30].replace("\n", " ")
                report.false_positives.append(
                    (ident.category.value, note.text[ident.start : ident.end], ctx)
                )
        for s, e in note.keep:
            lost = any(i.start < e and s < i.end for i in found)
            report.keep_lost.total += 1
            report.keep_lost.found += not lost
            if lost:
                report.lost_words[note.text[s:e].lower()] += 1
    report.ms_per_note = elapsed / max(1, len(notes)) * 1000
    report.words_per_note = words / max(1, len(notes))
    report.ms_per_300_words = elapsed / max(1, words) * 300 * 1000
    return report


def format_report(report: Report) -> str:
    r = report
    lines = [
        f"entity recall (all)        {r.recall_all.rate:7.2%}  ({r.recall_all.found}/{r.recall_all.total})",
        f"entity recall (known)      {r.recall_known.rate:7.2%}  ({r.recall_known.found}/{r.recall_known.total})",
        f"entity recall (not known)  {r.recall_unknown.rate:7.2%}  ({r.recall_unknown.found}/{r.recall_unknown.total})",
        f"precision                  {r.precision.rate:7.2%}  ({r.precision.found}/{r.precision.total})",
        f"must-keep words removed    {1 - r.keep_lost.rate:7.2%}  ({r.keep_lost.total - r.keep_lost.found}/{r.keep_lost.total})",
        f"speed                      {r.ms_per_note:.2f} ms/note ({r.words_per_note:.0f} words/note), "
        f"{r.ms_per_300_words:.2f} ms CPU per 300 words",
        "",
        "category        recall            precision",
    ]
    for cat in sorted(set(r.recall_by_category) | set(r.precision_by_category)):
        rec = r.recall_by_category.get(cat, Tally())
        pre = r.precision_by_category.get(cat, Tally())
        lines.append(
            f"{cat:14}  {rec.rate:7.2%} ({rec.found:4}/{rec.total:4})  {pre.rate:7.2%} ({pre.found:4}/{pre.total:4})"
        )
    return "\n".join(lines)


def format_table(reports: list[tuple[str, int, Report | str]]) -> str:
    """One row per set, then recall by category per set: the table ``make eval`` prints."""
    head = (
        f"{'set':13} {'notes':>5} {'ids':>5} {'recall':>7} {'known':>7} {'unknown':>7} "
        f"{'precision':>9} {'must-stay removed':>18} {'ms/300w':>7}"
    )
    lines = [head, "-" * len(head)]
    cats: set[str] = set()
    for name, n, r in reports:
        if isinstance(r, str):
            lines.append(f"{name:13} skipped: {r}")
            continue
        cats |= set(r.recall_by_category)
        lost = r.keep_lost.total - r.keep_lost.found
        known = f"{r.recall_known.rate:7.2%}" if r.recall_known.total else f"{'-':>7}"
        lines.append(
            f"{name:13} {n:5} {r.recall_all.total:5} {r.recall_all.rate:7.2%} {known} "
            f"{r.recall_unknown.rate:7.2%} {r.precision.rate:9.2%} "
            f"{f'{lost}/{r.keep_lost.total}':>18} {r.ms_per_300_words:7.2f}"
        )
    scored = [(name, r) for name, _n, r in reports if not isinstance(r, str)]
    lines += [
        "",
        "recall by category (found/total)",
        f"{'category':13} " + " ".join(f"{n:>16}" for n, _r in scored),
    ]
    for cat in sorted(cats):
        cells = []
        for _name, r in scored:
            t = r.recall_by_category.get(cat)
            cells.append(f"{t.rate:7.1%} {t.found:>4}/{t.total:<4}" if t else f"{'-':>16}")
        lines.append(f"{cat:13} " + " ".join(f"{c:>16}" for c in cells))
    return "\n".join(lines)
