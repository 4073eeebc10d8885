"""A second opinion on the rules: a CRF sequence tagger trained on notes written outside the code.

The rules find what a shape, a cue word or a list names. What they miss is mostly names of
organisations, places and people in everyday words that only a sentence's shape gives away
("went to The Stop for lunch", "signed up at Health Assured"). A linear-chain CRF reads each
word with its neighbours, its shape, the lists it is on and what the rules made of it, and
labels it; trained on the brief-dev notes (people who never saw the code wrote and marked
them), it learns where those writers see an identifier the rules did not.

It only ever ADDS: a span the tagger labels as a name, organisation, place or address that no
rule took, that is not a service the rules keep ("Samaritans"), and that is not made only of
words that must stay. The rules stay the first and main line; measured on sets the tagger was
not trained on, it adds 0.6-1.1 points of recall for at most 0.3 of precision (docs/anonymiser.md).

The model (``data/tagger.crfsuite``, about 1 MB) is built by
``python -m mentorjournal.anonymise.evaluation.train_tagger``; the features below are the
ones it was trained with, so any change to them means retraining. Tagging is deterministic.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from collections.abc import Iterable, Sequence
from importlib import resources

import pycrfsuite

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.cues import COMMON_ACRONYMS
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import EVERYDAY_NAME_WORDS, NOT_NAMES, is_must_keep
from mentorjournal.anonymise.proper_nouns import ORDINARY

MODEL_FILE = "tagger.crfsuite"
#: Words with inner apostrophes, or one character of punctuation: "O'Neill", "Sam's", "(".
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\S")
#: Gold and rule categories the tagger labels; every other category is "x" (a shape: a date,
#: a phone), which it reads as context but never adds.
LETTER: dict[str, str] = {
    Category.NAME.value: "N",
    Category.ORGANISATION.value: "O",
    Category.PLACE.value: "P",
    Category.ADDRESS.value: "A",
}
_ADDED: dict[str, Category] = {
    "N": Category.NAME,
    "O": Category.ORGANISATION,
    "P": Category.PLACE,
    "A": Category.ADDRESS,
}
_SENTENCE_PUNCT = frozenset(".!?:;•*-")
#: "reading The Hunger Games", "playing Fortnite": a title of a book, show or game identifies
#: nobody.
_MEDIA_BEFORE_RE = re.compile(
    r"\b(?:read|reading|watch|watching|watched|play|playing|played|listening\s+to|"
    r"listened\s+to|binge-?watching)\s+$",
    re.IGNORECASE,
)
#: "ring the Legal Aid South Africa intake line": a body named as the line one rings stays.
_LINE_AFTER_RE = re.compile(r"\s+(?:[a-z]+\s+)?(?:line|helpline|hotline)\b")
_NEXT_WORD_RE = re.compile(r"\s+([A-Za-z]+)")
#: A full stop after a word of three letters or more ends a sentence ("St. Mary's" goes on).
_SENTENCE_END_RE = re.compile(r"[a-z]{3}[.!?]\s")
#: A word's shape: capitals X, small letters x, digits d ("O'Neill" -> "X'Xxxxx"), then runs
#: cut to two ("X'Xxx"); one translate instead of three substitutions.
_SHAPE_TABLE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "X" * 26 + "x" * 26 + "d" * 10
)
_REPEAT_RE = re.compile(r"(.)\1+")

Span = tuple[int, int, str]


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for every word and punctuation mark of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def span_labels(toks: Sequence[tuple[int, int, str]], spans: Iterable[Span]) -> list[str]:
    """BIO labels of each token under ``spans`` (start, end, label): "B-O", "I-O", "O"."""
    labels = ["O"] * len(toks)
    starts = [t[0] for t in toks]
    for start, end, label in sorted(spans):
        k = max(0, bisect.bisect_right(starts, start) - 1)
        first = True
        while k < len(toks) and toks[k][0] < end:
            if toks[k][1] > start and labels[k] == "O":
                labels[k] = ("B-" if first else "I-") + label
                first = False
            k += 1
    return labels


def _shape(word: str) -> str:
    return _REPEAT_RE.sub(r"\1\1", word.translate(_SHAPE_TABLE))


def _flags(
    word: str, lower: str, full_shape: str, gaz: Gazetteers, kept_words: frozenset[str]
) -> list[str]:
    """The yes/no features of one word: its case, digits and the lists it is on."""
    flags = []
    if word[:1].isupper() and not word.isupper():
        flags.append("title")
    if word.isupper() and len(word) > 1:
        flags.append("upper")
    if "d" in full_shape:
        flags.append("digit")
    for name, words in (
        ("fn", gaz.first_names),
        ("sn", gaz.surnames),
        ("town", gaz.towns),
        ("common", gaz.common_words),
        ("top", gaz.top_words),
        ("kept", kept_words),
    ):
        if lower in words:
            flags.append(name)
    return flags


def features(
    text: str,
    toks: Sequence[tuple[int, int, str]],
    rule_labels: Sequence[str],
    gaz: Gazetteers,
    kept_words: frozenset[str],
) -> list[list[str]]:
    """Each token's features: itself, its shape and lists, what the rules made of it, and the
    same for two tokens either side. Training and tagging both call this one function."""
    own: list[list[str]] = []
    near: list[tuple[str, str, str, str, str]] = []
    for k, (_, _, word) in enumerate(toks):
        possessive = word.endswith(("'s", "’s"))
        lower = word[:-2].lower() if possessive else word.lower()
        title = word[:1].isupper() and not word.isupper()
        full_shape = _shape(word)
        shape = full_shape[:6]
        new_line = _opens_line(text, toks, k)
        f = [
            "w=" + lower,
            "sh=" + shape,
            "p3=" + lower[:3],
            "s3=" + lower[-3:],
            "r=" + rule_labels[k],
        ]
        f.extend(_flags(word, lower, full_shape, gaz, kept_words))
        if _starts_sentence(text, toks, k):
            f.append("sstart")
        if new_line:
            f.append("nl")
        if possessive:
            f.append("poss")
        own.append(f)
        common = "1" if lower in gaz.common_words else "0"
        near.append((lower, "1" if title else "0", rule_labels[k], shape, common))
    n = len(toks)
    out: list[list[str]] = []
    for k in range(n):
        f = list(own[k])
        for d in (-2, -1, 1, 2):
            j = k + d
            if 0 <= j < n:
                n_lower, n_title, n_rule, n_shape, n_common = near[j]
                f.append(f"{d}:w={n_lower}")
                f.append(f"{d}:t={n_title}")
                f.append(f"{d}:r={n_rule}")
                if d in (-1, 1):
                    f.append(f"{d}:sh={n_shape}")
                    f.append(f"{d}:c={n_common}")
            else:
                f.append(f"{d}:BOS")
        out.append(f)
    return out


class SequenceTagger:
    """The trained CRF behind a lock (a crfsuite tagger holds the sequence it is labelling)."""

    def __init__(self, model: bytes) -> None:
        #: crfsuite reads the model in place: the bytes must outlive the tagger.
        self._model = model
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(self._model)
        self._lock = threading.Lock()

    def label(self, items: list[list[str]]) -> list[tuple[str, float]]:
        """Each token's label and the probability of that label."""
        if not items:
            return []
        with self._lock:
            try:
                self._tagger.set(items)
                labels = self._tagger.tag()
                return [(y, self._tagger.marginal(y, k)) for k, y in enumerate(labels)]
            finally:
                self._tagger.set([])  # no note's words stay behind the call


@functools.cache
def load_tagger() -> SequenceTagger:
    """Read the model once (1.6 MB); every Detector shares it, as it shares the gazetteers."""
    model = resources.files("mentorjournal.anonymise").joinpath("data", MODEL_FILE).read_bytes()
    return SequenceTagger(model)


def added_spans(
    text: str,
    found: Sequence[Identifier],
    protected: Sequence[tuple[int, int]],
    tagger: SequenceTagger,
    *,
    gaz: Gazetteers,
    kept_words: frozenset[str],
    threshold: float = 0.5,
) -> list[Identifier]:
    """What the tagger labels as a name, organisation, place or address and nothing already
    covers: never over a span of ``found`` or a kept service, never a kept term."""
    toks = tokens(text)
    if not toks:
        return []
    rules = span_labels(toks, rule_spans(found))
    labelled = tagger.label(features(text, toks, rules, gaz, kept_words))
    taken = [(i.start, i.end) for i in found] + list(protected)
    out: list[Identifier] = []
    k = 0
    while k < len(labelled):
        letter = labelled[k][0][2:]
        if letter not in _ADDED:
            k += 1
            continue
        j = k + 1
        while j < len(labelled) and labelled[j][0] == "I-" + letter:
            j += 1
        first = k
        opens = _starts_sentence(text, toks, first)
        if opens and first + 1 < j and toks[first][2].lower() in gaz.top_words:
            first += 1  # "- Reading The Hunger Games": a sentence's first everyday word
        start, end = toks[first][0], toks[j - 1][1]
        if (
            min(p for _, p in labelled[first:j]) >= threshold
            # "Wits were frayed": one English word opening a sentence is capitalised for that
            and not (opens and first == k and j - k == 1 and toks[k][2].lower() in gaz.common_words)
            and _next_word(text, end) not in _GENERIC_HEADS  # "the CPA review", "Central station"
            and not any(s < end and start < e for s, e in taken)
            and "\n" not in text[start:end]
            and _MEDIA_BEFORE_RE.search(text, max(0, start - 24), start) is None
            and _LINE_AFTER_RE.match(text, end) is None
            and _SENTENCE_END_RE.search(text, start, end) is None  # "from Jamaica. Hospital"
            and _may_identify(
                [w for _, _, w in toks[first:j] if w[0].isalpha()], letter, gaz, kept_words
            )
            and not is_must_keep(text[start:end])
        ):
            out.append(Identifier(start, end, _ADDED[letter]))
        k = j
    return out


def _may_identify(
    words: list[str], letter: str, gaz: Gazetteers, kept_words: frozenset[str]
) -> bool:
    """What the rules keep on purpose the tagger does not overrule, whatever some writers
    marked: a kept word or a therapy inside ("Systemic Family Therapy"), only national
    acronyms and everyday terms ("DWP", "the VA", "Ramadan"), everyday words in lower case
    ("it rose to 7"; a lower-case given name like "jamie" may still be a name)."""
    if not any(len(w) > 1 for w in words):
        return False  # "D 8" of "HADS-D 8": a letter is no address
    lowers = [w.lower() for w in words]
    if any(w in kept_words for w in lowers) or lowers[-1] in _GENERIC_HEADS:
        return False
    if all(
        w in COMMON_ACRONYMS or lw in NOT_NAMES or lw in ORDINARY
        for w, lw in zip(words, lowers, strict=True)
    ):
        return False
    if all(w.islower() for w in words):
        return letter == "N" and not any(w in gaz.common_words for w in lowers)
    # "Grace period ends", "Big Summer plans": one everyday word needs a rule's cue
    return not (
        len(words) == 1 and (lowers[0] in gaz.top_words or lowers[0] in EVERYDAY_NAME_WORDS)
    )


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD_RE.match(text, end)
    return m.group(1).lower() if m else ""


def _opens_line(text: str, toks: Sequence[tuple[int, int, str]], k: int) -> bool:
    return k == 0 or text.find("\n", toks[k - 1][1], toks[k][0]) != -1


def _starts_sentence(text: str, toks: Sequence[tuple[int, int, str]], k: int) -> bool:
    """The one test of a sentence start: the features' "sstart" and the spans' first word."""
    return _opens_line(text, toks, k) or toks[k - 1][2] in _SENTENCE_PUNCT


#: Last words that make a phrase a kind of help anyone may get, not one provider.
_GENERIC_HEADS = frozenset(
    ["therapy", "therapies", "counselling", "counseling", "station", "review", "meeting"]
)


def rule_spans(found: Iterable[Identifier]) -> list[Span]:
    """The rules' finds as tagger labels: "N", "O", "P", "A" or "x", with "k" when known."""
    return [
        (i.start, i.end, LETTER.get(i.category.value, "x") + ("k" if i.known else ""))
        for i in found
    ]
