"""Cheap necessary conditions for the detector's regular expressions: skip a scan that cannot match.

Python's regex engine tries a pattern at every position of the text it is given (about 30 ns a
character on this machine, for ``\\d+`` as for a long alternation), and a note is scanned by a
hundred patterns. Most patterns cannot match most notes: a street shape needs a street word, an
age shape "old" or "aged". ``may_match`` answers from the pattern's own parse tree, worked out
once per pattern: every match contains one of a few literal strings (``"old"``, ``"/"``), and
``str.find`` looks for them a hundred times faster than the engine scans. When the answer is
no, the scan is skipped; when it is yes (or the pattern has no such strings), the scan runs as
before. The scan's result never changes, only whether it is run.

Only characters the match consumes count (not lookarounds, not ``\\b``), so a window of text
``[start, end)`` can be checked on its own. Under ``re.IGNORECASE`` the strings are compared
with a folded copy of the text (lower case, plus the four characters that Python's case-blind
matching takes for an ASCII letter: ``İ ı ſ K``), whose length must equal the text's.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from mentorjournal.anonymise.textutil import is_word_char

#: The engine's own parser (the tree the compiled pattern came from); private, so not typed.
#: Without it (another Python) every scan simply runs.
try:
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - CPython 3.11-3.13 have it
    _parser = None

#: Characters Python's case-insensitive matching takes for an ASCII letter although their
#: ``lower()`` is not that letter (found by trying every code point against a-z).
_ODD_CASE = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: An inline flag group that may switch case-blind matching on ("(?i)", "(?si:", "(?-i:").
_INLINE_IGNORECASE_RE = re.compile(r"\(\?[a-zA-Z-]*i")
#: Sets of strings larger than this are not followed further (the check would cost too much).
_MAX_STRINGS = 16

Strings = frozenset[str]


@functools.lru_cache(maxsize=8)
def folded(text: str) -> str | None:
    """``text`` lower-cased with the odd case partners mapped, or None when that changes its length."""
    out = text.translate(_ODD_CASE).lower()
    return out if len(out) == len(text) else None


def clear() -> None:
    """Forget the folded copies of the notes searched: no note's text stays in memory."""
    folded.cache_clear()
    word_openings.cache_clear()


def _char(code: int, fold: bool) -> str | None:
    """The string a literal character needs in the haystack (None: no condition can be drawn)."""
    ch = chr(code)
    if not fold:
        return ch
    if not ch.isascii():
        return None  # which characters fold to it is not worked out here ("Σ" has two lower cases)
    return ch.lower()


def _best(candidates: list[Strings]) -> Strings | None:
    """The most selective condition: its shortest string longest, then the fewest strings."""
    useful = [c for c in candidates if c and "" not in c and len(c) <= _MAX_STRINGS]
    if not useful:
        return None
    return max(useful, key=lambda c: (min(len(s) for s in c), -len(c)))


Info = tuple[Strings | None, Strings | None]


def _in(items: Any, fold: bool) -> Info:
    """A character class of a few plain characters ("[/.]") requires one of them."""
    chars: set[str] = set()
    for item_op, item_av in items:
        ch = _char(item_av, fold) if item_op is _parser.LITERAL else None
        if ch is None:
            return None, None
        chars.add(ch)
    exact = frozenset(chars)
    return (exact, exact) if len(exact) <= 4 else (None, None)


def _branch(alternatives: Any, flags: int, fold: bool) -> Info:
    """Alternatives: one of their strings, when every alternative requires some."""
    exacts: set[str] = set()
    musts: set[str] = set()
    exact_ok = must_ok = True
    for alternative in alternatives:
        exact, must = _sequence(alternative, flags, fold)
        if exact is None:
            exact_ok = False
        else:
            exacts |= exact
        if must is None:
            must_ok = False
        else:
            musts |= must
    return (
        frozenset(exacts) if exact_ok and len(exacts) <= _MAX_STRINGS else None,
        frozenset(musts) if must_ok else None,
    )


def _repeat(low: int, high: int, sub: Any, flags: int, fold: bool) -> Info:
    """A repeat requires what its body does only when the body must occur at least once."""
    exact, must = _sequence(sub, flags, fold)
    if low == 0:
        return (exact | {""} if exact is not None and high == 1 else None), None
    if low == high == 1:
        return exact, must
    return None, must


_ZERO_WIDTH = (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT) if _parser is not None else ()
_REPEATS = (
    (_parser.MAX_REPEAT, _parser.MIN_REPEAT, getattr(_parser, "POSSESSIVE_REPEAT", None))
    if _parser is not None
    else ()
)


def _node(op: Any, av: Any, flags: int, fold: bool) -> Info:
    """(exact, must) of one node: the strings it can match (when few), and strings one of which
    every match of it contains (None when nothing is known)."""
    info: Info = (None, None)  # any character, a class, a back-reference: nothing to require
    if op is _parser.LITERAL:
        ch = _char(av, fold)
        info = (None, None) if ch is None else (frozenset([ch]), frozenset([ch]))
    elif op is _parser.IN:
        info = _in(av, fold)
    elif op in _ZERO_WIDTH:
        info = frozenset([""]), None  # consumes nothing
    elif op is _parser.SUBPATTERN:
        _group, add, remove, sub = av
        info = _sequence(sub, (flags | add) & ~remove, fold)
    elif op is getattr(_parser, "ATOMIC_GROUP", None):
        info = _sequence(av, flags, fold)
    elif op is _parser.BRANCH:
        info = _branch(av[1], flags, fold)
    elif op in _REPEATS:
        info = _repeat(av[0], av[1], av[2], flags, fold)
    return info


def _sequence(items: Any, flags: int, fold: bool) -> Info:
    """(exact, must) of a run of nodes: adjacent exact nodes join into longer strings."""
    candidates: list[Strings] = []
    whole: set[str] | None = {""}
    run: set[str] = {""}
    for op, av in items:
        exact, must = _node(op, av, flags, fold)
        if must is not None:
            candidates.append(must)
        if exact is None:
            candidates.append(frozenset(run))
            run = {""}
            whole = None
            continue
        if len(run) * len(exact) > _MAX_STRINGS:
            candidates.append(frozenset(run))
            run = set(exact)
        else:
            run = {a + b for a in run for b in exact}
        if whole is not None:
            whole = {a + b for a in whole for b in exact}
            if len(whole) > _MAX_STRINGS:
                whole = None
    candidates.append(frozenset(run))
    return (frozenset(whole) if whole is not None else None), _best(candidates)


_GROUPS = (
    (_parser.SUBPATTERN, getattr(_parser, "ATOMIC_GROUP", None)) if _parser is not None else ()
)
#: Trying the pattern at one place costs about as much as the engine's scan of this many
#: characters (a case-blind scan is several times slower): beyond that, the scan is used.
_CANDIDATES_PER_CHAR = 25
_CANDIDATES_PER_CHAR_FOLDED = 8
#: Leading strings are followed further than required ones: each costs one ``str.find``.
_MAX_LEADING = 256


def _leading_of(op: Any, av: Any, flags: int, fold: bool) -> tuple[Strings, bool] | None:
    """Leading strings of a group, an alternation or a repeat that must occur at least once."""
    if op is _parser.SUBPATTERN:
        return _leading(av[3], (flags | av[1]) & ~av[2], fold)
    if op is getattr(_parser, "ATOMIC_GROUP", None):
        return _leading(av, flags, fold)
    if op in _REPEATS and av[0] >= 1:
        return _leading(av[2], flags, fold)
    if op is _parser.BRANCH:
        strings: set[str] = set()
        boundary = True
        for alternative in av[1]:
            lead = _leading(alternative, flags, fold)
            if lead is None:
                return None
            strings |= lead[0]
            boundary = boundary and lead[1]
        return (frozenset(strings), boundary) if len(strings) <= _MAX_LEADING else None
    return None


def _leading(items: Any, flags: int, fold: bool) -> tuple[Strings, bool] | None:
    """Strings one of which every match of these nodes starts with, and whether a word boundary
    (``\\b``) always stands before them; None when the start is not a known string."""
    prefixes: set[str] = {""}
    boundary = False
    for op, av in items:
        if op in _ZERO_WIDTH:
            if op is _parser.AT and av is _parser.AT_BOUNDARY and prefixes == {""}:
                boundary = True
            continue
        exact, _must = _node(op, av, flags, fold)
        if prefixes == {""} and op in _GROUPS:  # "(?-i:\\bX\\b)": the boundary inside counts
            inner_lead = _leading_of(op, av, flags, fold)
            boundary = boundary or (inner_lead is not None and inner_lead[1])
        if exact is not None:
            grown = {a + b for a in prefixes for b in exact}
            if len(grown) > _MAX_LEADING:
                break
            prefixes = grown
            continue
        inner = _leading_of(op, av, flags, fold)
        if inner is not None:
            grown = {a + b for a in prefixes for b in inner[0]}
            if len(grown) <= _MAX_LEADING:
                boundary = boundary or (prefixes == {""} and inner[1])
                prefixes = grown
        break
    if "" in prefixes:
        return None
    return frozenset(prefixes), boundary


@functools.cache
def _leading_strings_of(pattern: str, flags: int) -> tuple[tuple[str, ...], bool, bool] | None:
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    fold = _folds(pattern, tree.state.flags)
    lead = _leading(tree.data, tree.state.flags, fold)
    if lead is None:
        return None
    strings, boundary = lead
    if not fold and tree.data and tree.data[0][0] is _parser.LITERAL:
        return None  # the engine finds a case-sensitive literal start by itself, fast
    # the boundary test below reads "no word character before": right only before a word character
    boundary = boundary and all(is_word_char(s[0]) for s in strings)
    return tuple(sorted(strings)), fold, boundary


def leading(regex: re.Pattern[str]) -> tuple[tuple[str, ...], bool, bool] | None:
    """Strings one of which every match of ``regex`` starts with, whether to look for them in the
    folded text, and whether a word boundary stands before them; None when not known."""
    return _leading_strings_of(regex.pattern, regex.flags)


#: Characters a match can begin with, when few and no letter among them (a digit, "+", "("): the
#: scan then starts at the first of them in its stretch of text (``_first_chars``).
_FirstChars = tuple[frozenset[str], bool]  # (characters, any Unicode digit)


def _first_of_in(items: Any) -> _FirstChars | None:
    chars: set[str] = set()
    digits = False
    for op, av in items:
        if op is _parser.LITERAL:
            chars.add(chr(av))
        elif op is _parser.RANGE and 48 <= av[0] <= av[1] <= 57:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _parser.CATEGORY and av is _parser.CATEGORY_DIGIT:
            digits = True
        else:
            return None  # a negated class, a letter range, a category of letters: anything
    return frozenset(chars), digits


def _first_of_branch(alternatives: Any) -> tuple[_FirstChars | None, bool]:
    chars: set[str] = set()
    digits = False
    empty = False
    for alternative in alternatives:
        first, alternative_empty = _first_of_sequence(alternative)
        if first is None:
            return None, True
        chars |= first[0]
        digits = digits or first[1]
        empty = empty or alternative_empty
    return (frozenset(chars), digits), empty


def _first_of_node(op: Any, av: Any) -> tuple[_FirstChars | None, bool]:
    """(first characters, whether the node can match nothing) of one node."""
    result: tuple[_FirstChars | None, bool] = (None, True)  # anything else: not known
    if op is _parser.LITERAL:
        result = (frozenset([chr(av)]), False), False
    elif op is _parser.IN:
        result = _first_of_in(av), False
    elif op is _parser.SUBPATTERN:
        result = _first_of_sequence(av[3])
    elif op is getattr(_parser, "ATOMIC_GROUP", None):
        result = _first_of_sequence(av)
    elif op is _parser.BRANCH:
        result = _first_of_branch(av[1])
    elif op in _REPEATS:
        first, empty = _first_of_sequence(av[2])
        result = first, empty or av[0] == 0
    return result


def _first_of_sequence(items: Any) -> tuple[_FirstChars | None, bool]:
    chars: set[str] = set()
    digits = False
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # an assertion consumes nothing: the next node's character comes first
        first, empty = _first_of_node(op, av)
        if first is None:
            return None, True
        chars |= first[0]
        digits = digits or first[1]
        if not empty:
            return (frozenset(chars), digits), False
    return (frozenset(chars), digits), True


@functools.cache
def _first_chars_of(pattern: str, flags: int) -> re.Pattern[str] | None:
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    first, empty = _first_of_sequence(tree.data)
    if first is None or empty:
        return None
    chars, digits = first
    if _folds(pattern, tree.state.flags) and not all(c.isascii() for c in chars):
        return None  # a case-blind character may have partners outside the set ("ⅰ", "Ⅰ")
    if any(c.isalpha() or c.isspace() or c in "_-" for c in chars):
        return None  # letters and spaces are everywhere: no stretch to skip
    return re.compile(
        "[" + "".join(re.escape(c) for c in sorted(chars)) + (r"\d" if digits else "") + "]"
    )


def first_chars(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """A character class every match of ``regex`` begins with, when it holds no letter and no
    space (digits, "+", "("); None otherwise. No match can start before the first of them."""
    return _first_chars_of(regex.pattern, regex.flags)


#: A pattern's leading strings, whether folded, whether after ``\b``, and (after ``\b`` only)
#: their openings (``_opening``) and the strings grouped by opening.
Lead = tuple[tuple[str, ...], bool, bool, frozenset[str] | None, dict[str, tuple[str, ...]] | None]
Plan = tuple[
    Lead | None,
    tuple[tuple[str, ...], bool] | None,
    re.Pattern[str] | None,
]


def _opening(string: str) -> str:
    """The first two characters of a string (one when it has one): what ``word_openings`` holds."""
    return string[:2]


#: Where a word begins (``\b`` before a word character): its first character and the next one.
#: Matches never overlap a word start (the character after one is never one), so ``findall``
#: sees every word of the text.
_WORD_START_RE = re.compile(r"\b\w.?", re.DOTALL)


@functools.lru_cache(maxsize=8)
def word_openings(haystack: str) -> frozenset[str]:
    r"""The first two characters of every word of ``haystack``, and each first character alone.

    A leading string after ``\b`` that begins with a word character can only be found where a
    word begins (``\w`` and ``is_word_char`` agree on every character, and folding keeps a
    character a word character or not), so a string whose opening is not here is not looked
    for: one ``findall`` a note instead of a ``str.find`` for each of some five hundred strings
    that are mostly absent. Forgotten by ``clear`` with the folded copies.
    """
    pairs = _WORD_START_RE.findall(haystack)
    return frozenset(pairs).union([pair[0] for pair in pairs])


@functools.cache
def _plan_of(pattern: str, flags: int) -> Plan:
    """A pattern's conditions, looked up together: ``finditer`` runs a hundred times a note,
    and one cache lookup costs less than a call for each."""
    found = _leading_strings_of(pattern, flags)
    lead: Lead | None = None
    if found is not None:  # "jan" finds every "january" too: one search for both
        strings, fold, boundary = found
        strings = tuple(s for s in strings if not any(t != s and s.startswith(t) for t in strings))
        by_opening: dict[str, tuple[str, ...]] | None = None
        if boundary:
            by_opening = {}
            for s in strings:
                by_opening[_opening(s)] = (*by_opening.get(_opening(s), ()), s)
        openings = None if by_opening is None else frozenset(by_opening)
        lead = (strings, fold, boundary, openings, by_opening)
    return lead, _requirement_of(pattern, flags), _first_chars_of(pattern, flags)


def finditer(
    regex: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    """The matches of ``regex.finditer(text, pos, endpos)``, found faster.

    When every match starts with one of a few known strings, the pattern is tried only where
    ``str.find`` finds one (a case-blind alternation of forty words costs the engine hundreds of
    nanoseconds a character; forty ``find`` calls cost a few microseconds); each match is the
    first one the engine would find from where the previous one ended. Otherwise the scan runs
    unless the pattern's required strings (``may_match``) rule it out.

    The checks run when it is called, not when the first match is asked for, and a scan that
    runs is the engine's own iterator, not one wrapped in a Python generator: the same matches
    for less work per call (the text is a ``str`` and cannot change in between).
    """
    size = len(text)
    end = size if endpos is None or endpos > size else endpos
    lead, need, first = _plan_of(regex.pattern, regex.flags)
    if lead is not None and len(lead[0]) * 8 < end - pos:
        haystack = folded(text) if lead[1] else text
        if haystack is not None:
            if lead[3] is not None and lead[3].isdisjoint(word_openings(haystack)):
                return iter(())  # no word of the note opens as any of the strings does
            return _at_leading_strings(regex, text, haystack, (pos, end), lead)
    if need is not None:
        strings, fold = need
        haystack = folded(text) if fold else text
        if haystack is not None:
            for s in strings:  # a loop, not any(genexpr): it runs a hundred times a note
                if haystack.find(s, pos, end) >= 0:
                    break
            else:
                return iter(())
    if first is not None:  # "(?<!\d)\d{3}": no match starts before the first digit of the stretch
        start = first.search(text, pos, end)
        if start is None:
            return iter(())
        pos = start.start()
    return regex.finditer(text, pos, end)


def _at_leading_strings(
    regex: re.Pattern[str],
    text: str,
    haystack: str,
    span: tuple[int, int],
    lead: Lead,
) -> Iterator[re.Match[str]]:
    """``finditer`` for a pattern whose matches start with one of ``lead``'s strings."""
    pos, end = span
    strings, fold, boundary, openings, by_opening = lead
    wanted: Sequence[str] = strings
    if openings is not None and by_opening is not None:
        # after \b: only the strings some word of the note opens with (a frozenset's
        # intersection walks the smaller of the two)
        wanted = [
            s for key in openings.intersection(word_openings(haystack)) for s in by_opening[key]
        ]
    starts = _starts(text, haystack, wanted, (pos, end), boundary=boundary)
    if len(starts) * (_CANDIDATES_PER_CHAR_FOLDED if fold else _CANDIDATES_PER_CHAR) > end - pos:
        # so many places to try that the engine's own scan is cheaper (common words: "at", "on")
        yield from regex.finditer(text, pos, end)
        return
    reached = pos
    for start in sorted(starts):
        if start < reached:
            continue
        m = regex.match(text, start, end)
        if m is not None:
            yield m
            reached = m.end()  # never equal to start: a match begins with a non-empty string


def _starts(
    text: str,
    haystack: str,
    strings: Sequence[str],
    span: tuple[int, int],
    *,
    boundary: bool,
) -> set[int]:
    """Where in ``span`` each of ``strings`` occurs (after no word character, with ``boundary``)."""
    pos, end = span
    starts: set[int] = set()
    for string in strings:
        i = haystack.find(string, pos, end)
        while i >= 0:
            if not boundary or i == 0 or not is_word_char(text[i - 1]):
                starts.add(i)
            i = haystack.find(string, i + 1, end)
    return starts


def _parse(pattern: str, flags: int) -> Any:
    if _parser is None:
        return None
    try:
        return _parser.parse(pattern, flags)
    except Exception:  # an unusual pattern just gets no shortcut
        return None


def _folds(pattern: str, flags: int) -> bool:
    """Any case-blind part folds it all (sound for ASCII literals, which is all that is used)."""
    return bool(flags & re.IGNORECASE) or _INLINE_IGNORECASE_RE.search(pattern) is not None


@functools.cache
def _requirement_of(pattern: str, flags: int) -> tuple[tuple[str, ...], bool] | None:
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    flags = tree.state.flags
    fold = _folds(pattern, flags)
    _exact, must = _sequence(tree.data, flags, fold)
    if must is None or all(s.isspace() for s in must):
        return None
    return tuple(sorted(must, key=len, reverse=True)), fold


def requirement(regex: re.Pattern[str]) -> tuple[tuple[str, ...], bool] | None:
    """Strings one of which every match of ``regex`` contains, and whether they are to be looked
    for in the folded text; None when the pattern gives no such condition."""
    return _requirement_of(regex.pattern, regex.flags)


def may_match(regex: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> bool:
    """False only when ``regex`` cannot match inside ``text[start:end]`` (then it need not run)."""
    need = requirement(regex)
    if need is None:
        return True
    strings, fold = need
    haystack = folded(text) if fold else text
    if haystack is None:
        return True
    stop = len(text) if end is None else end
    for s in strings:  # noqa: SIM110 - a loop, not any(genexpr): it runs a hundred times a note
        if haystack.find(s, start, stop) >= 0:
            return True
    return False


def search(
    regex: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """``regex.search(text, pos, endpos)``: the first match ``finditer`` finds (the leftmost one,
    as the engine's search), so a note that holds none of the pattern's strings is not scanned."""
    return next(finditer(regex, text, pos, endpos), None)
