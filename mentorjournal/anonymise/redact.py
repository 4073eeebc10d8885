"""Replacing what the detector found: consistent pseudonyms, derived dates and age bands.

The preview dialog needs to honour the mentor's corrections, so ``anonymise`` takes ``keep``
(spans the mentor restored) and ``extra`` (spans the mentor selected to redact), and returns
every replacement with its original and output offsets so each can be highlighted and undone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.dates import age_band, month_label, parse_date, relative_label
from mentorjournal.anonymise.detector import Detector
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.patterns import number_value
from mentorjournal.anonymise.pseudonyms import PseudonymMap

Span = tuple[int, int]
#: An extra span to redact: (start, end) or (start, end, category).
ExtraSpan = tuple[int, int] | tuple[int, int, Category]


class DateMode(StrEnum):
    RELATIVE = "relative"  # "week 3, day 2" from options.reference_date
    MONTH = "month"  # "March 2025"


@dataclass(frozen=True, slots=True)
class AnonymiseOptions:
    """How to replace: the mentee's code, how dates read, and the export's first session date."""

    mentee_code: str = "Mentee A"
    date_mode: DateMode = DateMode.MONTH
    reference_date: dt.date | None = None
    redacted_label: str = "[redacted]"


@dataclass(frozen=True, slots=True)
class Replacement:
    """One change: ``original`` at ``start:end`` in the input became ``replacement`` at ``out_start:out_end``."""

    start: int
    end: int
    category: Category
    original: str
    replacement: str
    out_start: int
    out_end: int
    who: str | None = None
    #: True when the mentor selected this span by hand in the preview.
    manual: bool = False


@dataclass(frozen=True, slots=True)
class AnonymisedText:
    text: str
    replacements: tuple[Replacement, ...] = field(default_factory=tuple)

    @property
    def spans(self) -> list[Identifier]:
        return [Identifier(r.start, r.end, r.category, r.who) for r in self.replacements]


def _possessive(surface: str) -> str:
    return "'s" if re.search(r"['’]s$", surface) else ("'" if surface.endswith(("'", "’")) else "")


class Anonymiser:
    """One per export: holds the pseudonym map so labels stay consistent across notes and mentees."""

    def __init__(
        self, options: AnonymiseOptions | None = None, pseudonyms: PseudonymMap | None = None
    ) -> None:
        self.options = options or AnonymiseOptions()
        self.pseudonyms = pseudonyms or PseudonymMap(self.options.mentee_code)
        self._detectors: dict[Known, Detector] = {}

    def detector(self, known: Known) -> Detector:
        if known not in self._detectors:
            self._detectors[known] = Detector(known)
        return self._detectors[known]

    def replacement_for(self, ident: Identifier, surface: str, known: Known) -> str:
        o = self.options
        if ident.category is Category.DATE:
            parts = parse_date(surface)
            dob = known.mentee.dob
            default_year = o.reference_date.year if o.reference_date else None
            if (
                dob is not None
                and (parts.day, parts.month) == (dob.day, dob.month)
                and parts.year in (None, dob.year)
            ):
                return "[date of birth]"
            if o.date_mode is DateMode.RELATIVE and o.reference_date is not None:
                date = parts.to_date(default_year)
                if date is not None:
                    return relative_label(date, o.reference_date)
            return month_label(parts, default_year)
        if ident.category is Category.AGE:
            value = number_value(surface)
            return f"[{age_band(value)}]" if value is not None else "[age]"
        label = self.pseudonyms.label(ident, surface)
        if ident.category in (Category.NAME, Category.ORGANISATION, Category.PLACE):
            return label + _possessive(surface)
        return label

    def anonymise(
        self,
        text: str,
        known: Known | None = None,
        *,
        keep: Sequence[Span] = (),
        extra: Sequence[ExtraSpan] = (),
    ) -> AnonymisedText:
        known = known or Known()
        found = [
            i
            for i in self.detector(known).find(text)
            if not any(i.start < e and s < i.end for s, e in keep)
        ]
        manual: list[Identifier] = []
        for span in extra:
            start, end = max(0, span[0]), min(len(text), span[1])
            if end > start:
                category = span[2] if len(span) == 3 else Category.NAME
                manual.append(Identifier(start, end, category, who="manual"))
        manual = _union(manual)
        found = [i for i in found if not any(i.overlaps(m) for m in manual)]
        chosen = sorted(found + manual, key=lambda i: i.start)
        out: list[str] = []
        reps: list[Replacement] = []
        pos = 0
        length = 0
        for ident in chosen:
            surface = text[ident.start : ident.end]
            is_manual = ident.who == "manual"
            new = (
                self.options.redacted_label
                if is_manual
                else self.replacement_for(ident, surface, known)
            )
            gap = text[pos : ident.start]
            out.append(gap)
            length += len(gap)
            out.append(new)
            reps.append(Replacement(ident.start, ident.end, ident.category, surface, new, length,
                                    length + len(new), None if is_manual else ident.who, is_manual))  # fmt: skip
            length += len(new)
            pos = ident.end
        out.append(text[pos:])
        return AnonymisedText("".join(out), tuple(reps))


def _union(spans: list[Identifier]) -> list[Identifier]:
    merged: list[Identifier] = []
    for s in sorted(spans, key=lambda i: i.start):
        if merged and s.start <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Identifier(last.start, max(last.end, s.end), last.category, "manual")
        else:
            merged.append(s)
    return merged


def anonymise(
    text: str,
    known: Known | None = None,
    *,
    options: AnonymiseOptions | None = None,
    pseudonyms: PseudonymMap | None = None,
    keep: Sequence[Span] = (),
    extra: Sequence[ExtraSpan] = (),
) -> AnonymisedText:
    """Anonymise one text; pass the export's ``PseudonymMap`` to keep labels consistent across texts."""
    return Anonymiser(options, pseudonyms).anonymise(text, known, keep=keep, extra=extra)


def remaining_known_identifiers(text: str, known: Known) -> list[Identifier]:
    """What the vault knows that still appears in ``text`` (the preview warns before export)."""
    return Detector(known).find_known(text)
