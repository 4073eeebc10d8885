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

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.coref import Entity
from mentorjournal.anonymise.dates import DateMode, age_label, replace_date
from mentorjournal.anonymise.detector import Detector
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.pseudonyms import PseudonymMap

Span = tuple[int, int]
#: An extra span to redact: (start, end) or (start, end, category).
ExtraSpan = tuple[int, int] | tuple[int, int, Category]


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

    def resolve(self, ident: Identifier, text: str, known: Known, scope: str = "") -> Entity | None:
        """Which person, place or value this mention is (None for dates and ages, which are derived).

        Call it for every mention of an export before ``render`` so a label reflects the most
        specific role any mention gave ("Sam" then "her sister Sam Jones": one "Sibling 1").
        """
        if ident.category in (Category.DATE, Category.AGE) or ident.who == "manual":
            return None
        self.pseudonyms.add_known(known, scope)
        return self.pseudonyms.entity(ident, text, scope)

    def render(
        self,
        ident: Identifier,
        text: str,
        known: Known,
        entity: Entity | None,
        *,
        written: dt.date | None = None,
        anchor: dt.date | None = None,
    ) -> str:
        """The replacement for one identifier: the one policy every export uses."""
        o = self.options
        surface = text[ident.start : ident.end]
        if ident.category is Category.DATE:
            return replace_date(
                surface,
                mode=o.date_mode,
                anchor=anchor or o.reference_date,
                written=written or o.reference_date,
                dob=known.mentee.dob,
                is_dob=ident.role == "dob",
            )
        if ident.category is Category.AGE:
            return age_label(surface)
        if entity is None:
            return o.redacted_label
        label = self.pseudonyms.label_of(entity)
        if ident.category in (Category.NAME, Category.ORGANISATION, Category.PLACE):
            return label + _possessive(surface)
        return label

    def group_key(self, entity: Entity | None) -> str | None:
        """A stable key for every mention of one entity (the preview groups replacements by it)."""
        return None if entity is None else f"entity:{self.pseudonyms.coref.entities[entity.id].id}"

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
        entities = [self.resolve(i, text, known) for i in chosen]
        out: list[str] = []
        reps: list[Replacement] = []
        pos = 0
        length = 0
        for ident, entity in zip(chosen, entities, strict=True):
            surface = text[ident.start : ident.end]
            is_manual = ident.who == "manual"
            new = (
                self.options.redacted_label
                if is_manual
                else self.render(ident, text, known, entity)
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
