"""Small text helpers shared by the detectors: word tokens, sentence starts, possessives."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

WORD_RE = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’\-]*")
_SENTENCE_END = frozenset('.!?:;•*>\n"“()')


class Token(NamedTuple):
    """A word of a note. A named tuple, not a dataclass: a 300-word note makes 300 of these on
    every scan, and a tuple is built about three times faster (about 0.2 ms a note)."""

    start: int
    end: int
    text: str
    #: Lower-case form without a possessive ending ("Sam's" -> "sam").
    base: str
    possessive: bool
    #: "Sam", not "SAM": worked out once here, since every rule asks it of every word.
    capitalised: bool = False
    #: "SAM", "CBT": two letters or more, all capitals.
    upper: bool = False


_new_token = tuple.__new__  # Token(...) through NamedTuple.__new__ costs a Python call more


def _token(start: int, end: int, text: str, base: str, possessive: bool) -> Token:
    all_caps = text.isupper()
    return _new_token(
        Token,
        (
            start,
            end,
            text,
            base,
            possessive,
            text[0].isupper() and not all_caps,
            all_caps and len(text) > 1,
        ),
    )


def strip_possessive(word: str) -> tuple[str, bool]:
    """("sam's", True), ("james'", True); a bare trailing s is left to the caller's lookup."""
    lower = word.lower().replace("’", "'").rstrip("-")
    if lower.endswith("'s"):
        return lower[:-2], True
    if lower.endswith("'"):
        return lower[:-1], True
    return lower, False


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    for match in WORD_RE.finditer(text):
        raw = match.group()
        if "'" not in raw and "’" not in raw and raw[-1] != "-":
            all_caps = raw.isupper()
            append(
                _new_token(
                    Token,
                    (
                        match.start(),
                        match.end(),
                        raw,
                        raw.lower(),
                        False,
                        raw[0].isupper() and not all_caps,
                        all_caps and len(raw) > 1,
                    ),
                )
            )
            continue
        base, possessive = strip_possessive(raw)
        word = raw if possessive else raw.rstrip("'’-")
        base = base.rstrip("'’-")
        if not word or not base:
            continue
        start = match.start()
        append(_token(start, start + len(word), word, base, possessive))
    return tokens


def sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` begins a sentence, a line or a bullet (a capital there proves nothing)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t-–—•*0123456789":
        if text[i] in "-–—•*" and (i == 0 or text[i - 1] in "\n "):
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


_PREVIOUS_WORD_RE = re.compile(r"[A-Za-z'’&]+")
_NEXT_WORD_RE = re.compile(r"[A-Za-z'’]+")
_CLAUSE_STOPS = ".!?\n;"


def previous_words(text: str, pos: int, n: int = 3) -> list[str]:
    """The ``n`` lower-case words before ``pos`` (nearest last), within the same sentence."""
    window = text[max(0, pos - 60) : pos]
    cut = max(map(window.rfind, _CLAUSE_STOPS))
    if cut >= 0:
        window = window[cut + 1 :]
    if window.isascii():  # lower-casing ASCII first cannot change what the pattern finds
        return _PREVIOUS_WORD_RE.findall(window.lower())[-n:]
    return [w.lower().replace("’", "'") for w in _PREVIOUS_WORD_RE.findall(window)][-n:]


def next_words(text: str, pos: int, n: int = 2) -> list[str]:
    """The ``n`` lower-case words after ``pos``, within the same sentence."""
    window = text[pos : pos + 50]
    cuts = [c for c in map(window.find, _CLAUSE_STOPS) if c >= 0]
    if cuts:
        window = window[: min(cuts)]
    if window.isascii():
        return _NEXT_WORD_RE.findall(window.lower())[:n]
    return [w.lower().replace("’", "'") for w in _NEXT_WORD_RE.findall(window)][:n]


def edit_distance_at_most(a: str, b: str, limit: int) -> bool:
    """Damerau-Levenshtein (adjacent transpositions) distance <= limit, with early exits."""
    if abs(len(a) - len(b)) > limit:
        return False
    if a == b:
        return True
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return False
        prev2, prev = prev, cur
    return prev[-1] <= limit


def is_word_char(c: str) -> bool:
    """What a regular expression's ``\\w`` matches in a ``str`` pattern: a letter, a digit or ``_``."""
    return c.isalnum() or c == "_"


def find_phrases(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Whole-word occurrences of any of ``phrases`` (case-sensitive), leftmost first and the
    longest where several start at one place, never overlapping; not after ``@`` ("@sam").

    The same spans as ``re.finditer(r"(?<![\\w@])(?:" + alternation, longest first + r")(?!\\w)")``
    without compiling a pattern for every note: building that pattern cost more than the search
    (the phrases are the names found in one note, different each time). Empty phrases are ignored.
    """
    candidates: list[tuple[int, int]] = []
    size = len(text)
    for phrase in set(phrases):
        n = len(phrase)
        if not n:
            continue
        i = text.find(phrase)
        while i >= 0:
            end = i + n
            if (i == 0 or (text[i - 1] != "@" and not is_word_char(text[i - 1]))) and (
                end == size or not is_word_char(text[end])
            ):
                candidates.append((i, -n))
            i = text.find(phrase, i + 1)
    candidates.sort()
    out: list[tuple[int, int]] = []
    reached = 0
    for start, minus_length in candidates:
        if start >= reached:
            reached = start - minus_length
            out.append((start, reached))
    return out


def split_words(text: str) -> list[str]:
    """Whitespace-separated words of a word-list literal (keeps long lists readable)."""
    return text.split()
