"""What might still identify after anonymisation: the short "please check" list before export.

The detector cannot judge everything. Before a summary leaves the vault the mentor sees three
kinds of leftover: capitalised words that are not in an English word list (a name or place no
rule knew), numbers (a house number, a date in a form no rule reads, a count that is rare), and
free-text life events that identify by themselves when put beside a region and an age (a
funeral, an arrest, a prize). Labels the anonymiser wrote ("Person A", "[Town]") are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mentorjournal.anonymise.gazetteers import load_gazetteers
from mentorjournal.anonymise.lexicon import MONTHS, NOT_NAMES, WEEKDAYS, is_must_keep
from mentorjournal.anonymise.textutil import split_words, tokenize

LIFE_EVENTS = frozenset(
    split_words("""born birth died death funeral wedding married engaged divorce divorced pregnant
    pregnancy miscarriage baby arrested arrest court prison jail sentenced charged deported asylum
    fire accident crash stabbed stabbing attacked assault assaulted evicted eviction homeless
    surgery operation diagnosed diagnosis overdose suicide won award prize trophy medal champion
    competition lottery newspaper news viral famous headline""")
)
#: Words the summary writes itself or that are plainly not identifying when capitalised.
_OWN_WORDS = frozenset(
    split_words("""mentee person parent sibling relative child friend partner teacher clinician worker
    colleague neighbour session sessions addendum note next time risk follow-up mood subjective
    objective assessment plan goals progress reflections reflection agenda questions supervision
    summary redacted week day min gas""")
)
_LABEL_RE = re.compile(
    r"\[[^\]\n]{1,40}\]|\b(?:Mentee|Person|Parent|Sibling|Relative|Child|Friend|Partner|Teacher|"
    r"Clinician|Worker|Colleague|Neighbour) (?:[A-Z]{1,2}|\d{1,3})\b|\bweek \d+, day \d\b|"
    r"\b\d+ (?:weeks?|days?) before week 1\b"
)
_NUMBER_RE = re.compile(r"\b\d[\d/.,:-]*\d\b|\b\d\b")
_SCORE_RE = re.compile(
    r"\b\d{1,2}\s*/\s*(?:5|10|100)\b|\b\d{1,3}\s*%|\b\d{1,3}\s*(?:mg|ml|min|mins|minutes|hours?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class CheckItem:
    """One thing to look at: its kind ("word", "number", "event"), the text, and a little context."""

    kind: str
    text: str
    context: str


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 30) : end + 30].split())


def please_check(text: str, *, limit: int = 30) -> list[CheckItem]:
    """Leftovers in anonymised ``text`` worth a human look, each listed once, at most ``limit``."""
    gaz = load_gazetteers()
    masked = _LABEL_RE.sub(lambda m: " " * len(m.group()), text)
    items: list[CheckItem] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str, start: int, end: int) -> None:
        key = (kind, value.lower())
        if key not in seen and len(items) < limit:
            seen.add(key)
            items.append(CheckItem(kind, value, _context(text, start, end)))

    for tok in tokenize(masked):
        b = tok.base
        if not (tok.capitalised or tok.upper) or len(b) < 2:
            continue
        if b in gaz.common_words or b in gaz.top_words or b in NOT_NAMES or b in _OWN_WORDS:
            continue
        if b in MONTHS or b in WEEKDAYS or is_must_keep(b) or is_must_keep(tok.text):
            continue
        add("word", tok.text, tok.start, tok.end)
    scores = [m.span() for m in _SCORE_RE.finditer(masked)]
    for m in _NUMBER_RE.finditer(masked):
        if any(s <= m.start() < e for s, e in scores):
            continue
        add("number", m.group(), m.start(), m.end())
    for tok in tokenize(masked):
        if tok.base in LIFE_EVENTS:
            add("event", tok.text, tok.start, tok.end)
    return items
