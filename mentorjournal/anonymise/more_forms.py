"""Dates, ages, references and handles in the forms mentors of many countries write that the
main shapes in ``patterns.py`` do not cover.

Found by writing notes in other voices (UK, Irish, US, Canadian, Australian, New Zealand, South
African, Indian, Nigerian, Filipino and Polish mentors) and reading what was missed; each shape
has its look-alikes that must stay in ``tests/anonymise/test_regional_forms.py``. The shapes are
plain regular expressions over the note, tried only where digits are (``patterns._near``) or
gated on their cue words, so a note without them costs nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.textutil import split_words

_I = re.IGNORECASE

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_RELATIONS = (
    r"mum|mom|mam|mother|dad|da|father|nan|nana|nanna|gran|granny|grandad|grandpa|grandma|"
    r"grandmother|grandfather|lola|lolo|brother|bro|sister|sis|son|daughter|aunt|auntie|aunty|"
    r"uncle|cousin|partner|boyfriend|girlfriend|bf|gf|husband|wife|friend|stepdad|stepmum|stepmom|"
    r"stepson|stepdaughter|niece|nephew|grandson|granddaughter|baby|child|kid|neighbour|neighbor|"
    r"toddler|teen|teenager|youngest|eldest|oldest"
)

# --- ages ---------------------------------------------------------------------------------

_UNIT_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEEN_WORDS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TEN_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: A number in words, "twenty one" and "twenty-one" alike, and "a hundred and two".
NUMBER_WORD = (
    rf"(?:(?:a|one)[ -]hundred(?:[ -](?:and[ ])?(?:(?:{_TEN_WORDS})(?:[ -](?:{_UNIT_WORDS}))?|"
    rf"{_TEEN_WORDS}|{_UNIT_WORDS}))?|(?:{_TEN_WORDS})(?:[ -](?:{_UNIT_WORDS}))?|{_TEEN_WORDS}|"
    rf"{_UNIT_WORDS})"
)
_PERSON_IS = (
    r"(?:she|he)(?:['’]s|\s+is|\s+was)|they(?:['’]re|\s+are|\s+were)|i(?:['’]m|\s+am|\s+was)|"
    r"who(?:['’]s|\s+is|\s+was)|(?:" + _RELATIONS + r")(?:['’]s|\s+is|\s+was)"
)
_QUALIFIER = r"(?:(?:only|just|nearly|almost|barely|now|already|about|around|over|under)\s+)?"
#: After an age written in words: the end of a clause or a word that cannot start a count.
_WORD_AGE_END = (
    r"(?=\s*(?:[,.;:)!?]|$|and\b|but\b|now\b|so\b|this\b|next\b|in\b|with\b|when\b|at\b|or\b|"
    r"years?\b|yrs?\b|then\b|today\b|tomorrow\b|soon\b|&))"
)

#: Ages in words the main shapes miss (each yields its ``n`` group).
WORD_AGE_RES: tuple[re.Pattern[str], ...] = (
    # "He's only twelve", "she is twenty one", "Gran's ninety-three", "I was fifteen when"
    re.compile(
        r"\b(?:"
        + _PERSON_IS
        + r")\s+"
        + _QUALIFIER
        + r"(?P<n>"
        + NUMBER_WORD
        + r")\b"
        + _WORD_AGE_END,
        _I,
    ),
    # "turned a hundred", "aged twenty one", "will be eighteen"
    re.compile(
        r"\b(?:aged|age|turned|turns|turning|will\s+be|['’]ll\s+be|will\s+turn)\s+"
        + _QUALIFIER
        + r"(?P<n>"
        + NUMBER_WORD
        + r")\b(?!\s*(?:minutes|mins|hours|days|weeks|months|times|"
        r"o['’]clock|pm|am|of\b|people|cans|pints|drinks|units|pills|tablets))",
        _I,
    ),
    # "At seventeen she left home", "at fifteen, he": the pronoun after says it is an age
    re.compile(
        r"\bat\s+(?P<n>thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety)\s*,?\s+(?=(?:she|he|they|i|her|his|their)\b)",
        _I,
    ),
    # "a thirty year old", "a twenty-one-year-old"
    re.compile(r"\b(?P<n>" + NUMBER_WORD + r")[ -](?:years?|yrs?)[ -]olds?\b", _I),
    # "a nonagenarian": the word says the decade
    re.compile(r"\b(?P<n>octogenarian|nonagenarian|centenarian|supercentenarian)s?\b", _I),
)

#: Age shapes in digits the main shapes miss: (shape, what must come just before, cue words).
#: Every shape starts at the first digit of the age and is tried only where a run of digits
#: starts (``digit_runs``), the words before it are checked only where it matched, and a shape
#: with cue words only when the note holds one: far cheaper than patterns that start with a list
#: of words scanned over every position. They pass through ``patterns.find_ages``, whose filters
#: drop ratings, counts and earlier scores.
_RELATION_BEFORE = r"(?i:\b(?:" + _RELATIONS + r"))"
AGE_RES: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, frozenset[str]], ...] = (
    # "42y old", "15-y-o", "16 y.o", "19 yrs old" run together
    (
        re.compile(r"(?<![\w.])(?P<n>\d{1,3})[ -]?(?:y|yr|yrs)[ .-]?(?:o\.?|old)(?![\w/])", _I),
        None,
        frozenset(),
    ),
    # "Age 16yrs", "Age – 22", "Age/Sex: 34/M", "age:- 17"
    (
        re.compile(
            r"(?P<n>\d{1,3})(?:\s?(?:yrs?|years?|y)\b|(?=\s*/\s*[MFmf]\b)|\b)"
            r"(?!\s*(?:/|%|mg|ml|pm|am|:|\.\d|minutes|mins|hours|hrs|days|weeks|months|times|x\b))",
            _I,
        ),
        re.compile(r"\bage[ds]?(?:/sex|/gender)?\s*(?:[:=]\s*[-–—]?|[-–—])?\s*$", _I),
        frozenset(split_words("age aged ages")),
    ),
    # "34/M", "16 / female": age and sex with a slash
    (
        re.compile(r"(?<![\w/])(?P<n>\d{1,2})\s?/\s?(?:[MF]|male|female)(?![\w/])"),
        None,
        frozenset(),
    ),
    # "F/29", "M / 17": sex and age with a slash
    (
        re.compile(r"(?P<n>\d{1,2})(?![\w/])"),
        re.compile(r"(?<![\w/])(?:[MF]|male|female)\s?/\s?$"),
        frozenset(split_words("m f male female")),
    ),
    # "Patient 28F", "client 34 M,", "YP 16F": age and sex after the person's role
    (
        re.compile(r"(?<![\w.])(?P<n>\d{1,2})\s?[MF](?![\w'’/])"),
        re.compile(
            r"\b(?:patient|pt|client|mentee|participant|referral|yp|young\s+person|service\s+user|"
            r"su|member|student|learner|resident)\s*:?\s+$",
            _I,
        ),
        frozenset(),
    ),
    # "Mr T (42 yrs)", "Daughter (14yrs)", "Tom (15; Year 10)", "her son (9, autistic)"
    (
        re.compile(
            r"(?<=\()(?P<n>\d{1,2})(?:\s?(?:yrs?|years?|y/?o)\.?\)|\s*;|\s*,\s*(?=[A-Za-z]))",
            _I,
        ),
        re.compile(r"(?:\b[A-Z][\w'’.-]*|" + _RELATION_BEFORE + r")\s*\($"),
        frozenset(),
    ),
    # "Son - 11.", "Mum: 58", "grandad – 91": a relation, a dash or colon and a number ending it
    (
        re.compile(
            r"(?P<n>\d{1,3})(?:\s?(?:yrs?|y/?o))?(?=\s*(?:[.,;)]|$|and\b|&))",
            _I | re.MULTILINE,
        ),
        re.compile(
            r"(?:" + _RELATION_BEFORE + r"|(?i:\b(?:sons|daughters|kids|children)))\s*[-–:]\s*$"
        ),
        frozenset(),
    ),
    # "Grandad's 91.", "Mum's 58 and", "Sam's 15,": a person's age after their possessive
    (
        re.compile(r"(?P<n>\d{1,3})(?=\s*(?:[.,;!)]|$|and\b|but\b|now\b|so\b|&))", re.MULTILINE),
        re.compile(r"(?:" + _RELATION_BEFORE + r"|\b[A-Z][a-z]+)['’]s\s+" + _QUALIFIER + r"$"),
        frozenset(),
    ),
    # "He was 14 when it started", "she was 15 at the time"
    (
        re.compile(r"(?P<n>\d{1,2})\s+(?=when\b|at\s+the\s+time\b|then\b)", _I),
        re.compile(r"\b(?:she|he|they|i)\s+(?:was|were)\s+" + _QUALIFIER + r"$", _I),
        frozenset(split_words("when time then")),
    ),
    # "Son 9yrs", "daughter 7 yrs": a relation and years with no "old"
    (
        re.compile(
            r"(?<![\w.])(?P<n>\d{1,2})\s?(?:yrs?|years?)\b"
            r"(?!\s+(?:ago|of|in|since|clean|sober|later|old))",
            _I,
        ),
        re.compile(_RELATION_BEFORE + r"\s+$"),
        frozenset(),
    ),
    # "for her 90th", "Nan's 80th party", "his 18th.": a birthday named by its ordinal
    (
        re.compile(
            r"(?<![\w.])(?P<n>1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th)\b"
            r"(?=\s*(?:[.,;!?)]|$|party|do\b|bash|celebration|and\b|next\b|this\b|last\b|in\b|on\b|"
            r"at\b|was\b|is\b|coming\b))",
            _I,
        ),
        re.compile(r"(?:\b(?i:her|his|their|my|your)|['’]s)\s+$"),
        frozenset(),
    ),
    # "...at the hub, Commercial Road. 26. Using since...": an age as a sentence of its own
    (
        re.compile(r"(?P<n>1[3-9]|[2-9]\d)\.(?=[ \t]+[A-Za-z])"),
        re.compile(r"[A-Za-z][.!?][ \t]+$"),
        frozenset(),
    ),
    # "a new baby (3 months)", "baby 4 months": a baby's age with its unit
    (
        re.compile(r"(?P<n>\d{1,2}\s?(?:months?|mths?|weeks?|wks?))(?=\))", _I),
        re.compile(r"\b(?:baby|babies|newborn|son|daughter|twins|boy|girl)\s*\($", _I),
        frozenset(),
    ),
    (
        re.compile(
            r"(?P<n>\d{1,2}\s?(?:months?|mths?|weeks?|wks?))\b"
            r"(?!\s+(?:ago|later|pregnant|postpartum|post|since|in\b|of\b))",
            _I,
        ),
        re.compile(r"\b(?:baby|newborn)\s+$", _I),
        frozenset(),
    ),
    # "A man, mid-40s", "early 20s": a decade of life (not "the late 90s", an era)
    (
        re.compile(r"(?P<n>[1-9]0['’]?s)\b", _I),
        re.compile(r"(?<!the )\b(?:early|mid|late)[- ]?$", _I),
        frozenset(
            split_words(
                "early mid late mid-20s mid-30s mid-40s mid-50s mid-60s mid-70s mid-80s mid-90s"
            )
        ),
    ),
    # "He's 40-something", "she's 45ish", "is approx 45", "Client: 34 yrs, male."
    (
        re.compile(r"(?P<n>[2-9]0)[- ]?something\b", _I),
        None,
        frozenset(),
    ),
    (
        re.compile(
            r"(?P<n>1[3-9]|[2-9]\d|1[01]\d)(?:[- ]?ish\b|(?:½|[ ]½|[ ]and[ ]a[ ]half\b))",
            _I,
        ),
        re.compile(r"\b(?:is|aged?|she['’]s|he['’]s|who['’]s|i['’]m|they['’]re)[ \t]+$", _I),
        frozenset(),
    ),
    (
        re.compile(
            r"(?P<n>\d{1,3})\b(?!\s*(?:/|%|mg|ml|pm|am|:|\.\d|minutes|mins|hours|hrs|days|weeks))"
        ),
        re.compile(
            r"\b(?:is|aged?|she['’]s|he['’]s|who['’]s)[ \t]+(?:approx\.?|approximately|roughly|"
            r"circa|c\.|~)[ \t]*$",
            _I,
        ),
        frozenset(),
    ),
    (
        re.compile(
            r"(?P<n>\d{1,3})\s?(?:yrs?|years?|y/?o|y)\b(?!\s+(?:ago|clean|sober|since))",
            _I,
        ),
        re.compile(
            r"\b(?:patient|pt|client|mentee|participant|referral|yp|young\s+person|service\s+user|"
            r"su|member|student|learner|resident)[ \t]*:?[ \t]*$",
            _I,
        ),
        frozenset(),
    ),
    # "DOB/Age: 01/01/1980 (45)": the age in brackets after the date of birth
    (
        re.compile(r"(?<=\()(?P<n>\d{1,3})(?=\))"),
        re.compile(r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:19|20)\d{2})[ \t]*\($"),
        frozenset(),
    ),
    # "her toddler (2)", "the youngest (4)": a child's age in brackets, however small
    (
        re.compile(r"(?<=\()(?P<n>\d{1,2})(?=\))"),
        re.compile(_RELATION_BEFORE + r"[ \t]*\($"),
        frozenset(),
    ),
    # "Brother 22 is in prison", "son 9 lives with his dad"
    (
        re.compile(r"(?P<n>\d{1,2})(?=[ \t]+(?:is|was|has|had|lives|lived|works|goes|and|who)\b)"),
        re.compile(_RELATION_BEFORE + r"[ \t]+$"),
        frozenset(),
    ),
    # "Celebrating 18 today", "celebrated her 40th", "the eldest at 19"
    (
        re.compile(r"(?P<n>1[3-9]|[2-9]\d|1[01]\d)(?:st|nd|rd|th)?\b"),
        re.compile(
            r"\b(?:celebrating|celebrated|celebrates)[ \t]+(?:(?:her|his|their|my)[ \t]+)?$|"
            r"\b(?:eldest|oldest|youngest)[ \t]+at[ \t]+$",
            _I,
        ),
        frozenset(split_words("celebrating celebrated celebrates eldest oldest youngest")),
    ),
    # "YP is 15 (DOB ...)", "she's 16 (nearly 17)": an age before a bracket
    (
        re.compile(r"(?P<n>\d{1,2})(?=[ \t]*\()"),
        re.compile(r"\b(?:is|she['’]s|he['’]s|who['’]s|they['’]re|aged?)[ \t]+$", _I),
        frozenset(),
    ),
    # "Mr O, 52, ex-forces", "Jo B., 44,": an age between commas after an initial
    (
        re.compile(r"(?P<n>\d{1,3})(?=,[ \t])"),
        re.compile(
            r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+[A-Z]\.?,[ \t]$|\b[A-Z][a-z]+[ \t]+[A-Z]\.,[ \t]$"
        ),
        frozenset(),
    ),
    # "Her gran, 101, lives alone": over 99 between commas
    (
        re.compile(r"(?P<n>1[01]\d)(?=,\s)"),
        re.compile(r"[a-z],\s$"),
        frozenset(),
    ),
    # "Kids 3, 5 and 8", "children: 4 & 7": every number of the list is an age (see ``list_ages``)
)
_DIGIT_RUN_RE = re.compile(r"\d+")


def digit_runs(text: str) -> list[int]:
    """Where each run of digits starts: the only places the digit shapes here are tried."""
    return [m.start() for m in _DIGIT_RUN_RE.finditer(text)]


def _not_an_age_run(text: str, start: int, end: int) -> bool:
    """A run of digits inside a date, a time, a decimal or an amount ("12/11", "10:05", "4.5",
    "£50"): the age shapes need not be tried there."""
    after = text[end : end + 2]
    if after[:1] == ":" or (after[:1] in ("/", ".", "-") and after[1:2].isdigit()):
        return True
    before = text[max(0, start - 2) : start]
    return before[-1:] in ("£", "$", "€", "₦", "#") or (
        before[-1:] in ("/", ":", ".") and before[:1].isdigit()
    )


def age_matches(
    text: str, runs: list[int], bases: frozenset[str] | set[str] | None
) -> Iterator[re.Match[str]]:
    """Each match of ``AGE_RES`` (its ``n`` group is the age) at a run of digits."""
    shapes = [
        (regex, before, _BEFORE_CHARS[i])
        for i, (regex, before, cues) in enumerate(AGE_RES)
        if bases is None or not cues or not bases.isdisjoint(cues)
    ]
    n = len(text)
    for start in runs:
        end = start
        while end < n and text[end].isdigit():
            end += 1
        if end - start > 3 or _not_an_age_run(text, start, end):
            continue  # a year, a phone, a time or part of a date: no age shape starts here
        last = text[start - 1 : start]
        for regex, before, chars in shapes:
            if chars is not None and last not in chars:
                continue  # the words before cannot be right: spare the search
            m = regex.match(text, start)
            if m is not None and (
                before is None or before.search(text, max(0, start - 28), start) is not None
            ):
                yield m


def _before_chars(before: re.Pattern[str] | None) -> frozenset[str] | None:
    """The characters an age must follow for ``before`` to hold, when its end says so."""
    if before is None:
        return None
    if before.pattern.endswith(r"\($"):
        return frozenset("(")
    if before.pattern.endswith((r"[ \t]+$", r"\s+$", r",[ \t]$", r",\s$")):
        return frozenset(" \t")
    return None


_BEFORE_CHARS = [_before_chars(before) for _, before, _ in AGE_RES]


_CHILDREN_LIST_RE = re.compile(
    r"\b(?:kids|children|sons|daughters|boys|girls|grandkids|grandchildren|twins)"
    r"(?:\s+(?:are|were|aged|now))?\s*[:-]?\s*"
    r"(?P<list>\d{1,2}(?:\s*(?:,|and|&|-|–|to)\s*\d{1,2})+)\b"
    r"(?!\s*(?:/|%|mg|ml|pm|am|:|minutes|mins|hours|hrs|days|weeks|months|times|x\b|of\b))",
    _I,
)
_CHILDREN_WORDS = frozenset(
    split_words("kids children sons daughters boys girls grandkids grandchildren twins")
)


def list_ages(text: str, bases: frozenset[str] | set[str] | None) -> Iterator[Identifier]:
    """ "Kids 3, 5 and 8": every number in a list straight after children is an age."""
    if bases is not None and bases.isdisjoint(_CHILDREN_WORDS):
        return
    for m in finditer(_CHILDREN_LIST_RE, text):
        for n in re.finditer(r"\d{1,2}", m.group("list")):
            yield Identifier(m.start("list") + n.start(), m.start("list") + n.end(), Category.AGE)


# --- dates --------------------------------------------------------------------------------

_ORDINAL_WORDS = (
    r"(?:(?:twenty|thirty)[ -]?first|twenty[ -]?(?:second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth)|thirtieth|twentieth|first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|"
    r"eighteenth|nineteenth)"
)
_POLISH_MONTHS = (
    r"(?:stycze[nń]|stycznia|luty|lutego|marzec|marca|kwiecie[nń]|kwietnia|maj|maja|czerwiec|"
    r"czerwca|lipiec|lipca|sierpie[nń]|sierpnia|wrzesie[nń]|wrze[sś]nia|pa[zź]dziernik|"
    r"pa[zź]dziernika|listopad|listopada|grudzie[nń]|grudnia)"
)
#: Date shapes in digits the main shapes miss.
DATE_RES: tuple[re.Pattern[str], ...] = (
    # "03DEC26", "3Dec2026": the military and pharmacy form
    re.compile(r"\b(?:0?[1-9]|[12]\d|3[01])" + _MONTH + r"(?:\d{4}|\d{2})\b", _I),
    # "11/2025", "03.2024", "10-2019": a month and a four-digit year
    re.compile(r"(?<![\d/.:-])(?:0?[1-9]|1[0-2])[/.](?:19|20)\d{2}(?![\d/-]|\.\d)"),
    re.compile(r"(?<![\d/.:-])(?:0[1-9]|1[0-2])-(?:19|20)\d{2}(?![\d/.-])"),
    # "3 grudnia 2026", "3 grudnia 2026 r.": a Polish month after the day
    re.compile(
        r"\b(?:[12]\d|3[01]|0?[1-9])\.?[ \t]+"
        + _POLISH_MONTHS
        + r"\b(?:[ \t]+(?:19|20)\d{2}(?:[ \t]*r\.)?)?",
        _I,
    ),
    # "14.03.1994 r.": the Polish year mark belongs to the date
    re.compile(
        r"(?<![\d.])(?:[12]\d|3[01]|0?[1-9])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}[ \t]*r\.",
        _I,
    ),
)
#: Date shapes made of words, gated on their words.
WORD_DATE_RES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    # "the third of December", "December the twenty-first", "first of May"
    (
        re.compile(
            r"\b(?:the\s+)?" + _ORDINAL_WORDS + r"\s+(?:of\s+)?" + _MONTH + r"\b\.?"
            r"(?:,?\s+(?:19|20)\d{2}\b)?|\b"
            + _MONTH
            + r"\.?\s+(?:the\s+)?"
            + _ORDINAL_WORDS
            + r"\b(?:,?\s+(?:19|20)\d{2}\b)?",
            _I,
        ),
        frozenset(
            split_words(
                """first second third fourth fifth sixth seventh eighth ninth tenth eleventh
                twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth
                nineteenth twentieth thirtieth twenty-first twenty-second twenty-third
                twenty-fourth twenty-fifth twenty-sixth twenty-seventh twenty-eighth
                twenty-ninth thirty-first twenty thirty"""
            )
        ),
    ),
    # "released mid-Nov", "late-December": a part of a named month, hyphenated
    (
        re.compile(
            r"\b(?:early|mid|late)-(?-i:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|"
            r"May|[Jj]une?|[Jj]uly?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|"
            r"[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)\b",
            _I,
        ),
        frozenset(
            f"{part}-{month}"
            for part in ("early", "mid", "late")
            for month in split_words(
                """jan january feb february mar march apr april may jun june jul july aug august
                sep sept september oct october nov november dec december"""
            )
        ),
    ),
)

_MONTH_CAPITALISED = (
    r"(?-i:[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|May|[Jj]une?|[Jj]uly?|"
    r"[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|[Nn]ov(?:ember)?|[Dd]ec(?:ember)?)"
)
#: More word dates, each gated on its words: a season with its year, "mid Dec" without a cue, a
#: Polish month named alone after its cue. (A season tied to an event, "relapsed in summer", was
#: tried and dropped: outside writers mark it as often as they leave it, and our own generator
#: keeps "over the summer".)
MORE_WORD_DATE_RES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    # "in spring 2025", "summer of 2019": a season with its year
    (
        re.compile(
            r"\b(?:spring|summer|autumn|fall|winter)[ \t]+(?:of[ \t]+)?(?:19|20)\d{2}\b",
            _I,
        ),
        frozenset(split_words("spring summer autumn fall winter")),
    ),
    # "maybe mid Dec for a flat", "early January": a part of a named month without a cue
    (
        re.compile(r"\b(?:early|mid|late)[ \t]+" + _MONTH_CAPITALISED + r"\b", _I),
        frozenset(split_words("early mid late")),
    ),
    # "contract ends in grudzień", "od stycznia": a Polish month after its cue
    (
        re.compile(
            r"\b(?:in|since|until|till|by|from|w|od|do|end of)[ \t]+(?P<d>"
            + _POLISH_MONTHS
            + r")\b",
            _I,
        ),
        frozenset(
            split_words(
                """styczeń styczen stycznia luty lutego marzec marca kwiecień kwiecien kwietnia maj
                maja czerwiec czerwca lipiec lipca sierpień sierpien sierpnia wrzesień wrzesien
                września wrzesnia październik pazdziernik października pazdziernika listopad
                listopada grudzień grudzien grudnia"""
            )
        ),
    ),
)
#: A year tied to a life event a few words before it: "left the army in 2023", "started uni in
#: 2021" (``patterns.YEAR_EVENT_RE`` takes the verb just before). Not a move ("came from
#: Zimbabwe in 2002"): outside writers leave those years in.
YEAR_LIFE_RE = re.compile(
    r"\b(?:left|joined|started|finished|stopped|quit|lost|became|served|deployed|enlisted|"
    r"adopted|fostered|evicted|released|discharged|divorced|married|graduated)\b(?:[ \t]+[\w'’-]+){0,3}?[ \t]+in[ \t]+"
    r"(?P<d>(?:19|20)\d{2})\b(?![/.:-]?\d)",
    _I,
)
#: A year after a preposition of time: "came from Enugu in 1999", "clean since 2019", "until
#: 2024", "around 2010". Outside writers mark such years as dates (205 of 218 in the three
#: brief-dev sets) and with a place or an event a year narrows who someone is, so a year the
#: note ties to a time is a date; a year used as a number ("in 2000 mg", "from 2000 to 2500
#: calories") or a year range of counts stays.
YEAR_AFTER_PREPOSITION_RE = re.compile(
    r"\b(?:in|since|from|until|till|til|by|around|circa|c\.|before|after|during|early|mid|late|"
    r"end[ \t]+of|start[ \t]+of|beginning[ \t]+of)[ \t]+(?:(?:early|mid|late)[- ]?)?"
    r"(?P<d>(?:19[3-9]\d|20[0-3]\d))\b(?![/.:-]?\d|[ \t]*(?:-|–|to)[ \t]*\d{3,})"
    r"(?![ \t]*(?:mg|mcg|ml|g\b|kg|calories|kcal|steps|words|people|pounds|dollars|euros|rand|"
    r"units|miles|km|metres|meters|feet|ft\b|days|weeks|months|hours|minutes|£|\$|%|x\b))",
    _I,
)
#: A day.month in a note's first line, beside a dash: "recov mentor 4.11 - shaz", "Session - 4.11".
HEADER_DAY_MONTH_RE = re.compile(
    r"(?<![\d.])(?:[12]\d|3[01]|0?[1-9])\.(?:0?[1-9]|1[0-2])(?![\d.])"
    r"(?=[ \t]+[-–][ \t]+[A-Za-z]|[ \t]*$)",
    re.MULTILINE,
)
_HEADER_BEFORE_RE = re.compile(r"(?:[A-Za-z][ \t]+|[-–][ \t]+)$")

#: "bailed the 29th", "restarts the 16th.": "the" and an ordinal ending its clause is a day,
#: unless a rank is meant ("came the 3rd").
THE_ORDINAL_RE = re.compile(
    r"\bthe[ \t]+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
    r"(?=[ \t]*(?:[.,;:)!?]|$|(?:and|at|to|for|from|until|till|when|or|with|-|–)\b))",
    _I | re.MULTILINE,
)
_RANK_BEFORE_THE_RE = re.compile(
    r"\b(?:came|come|comes|finished|finish|placed|ranked|rank|position|one\s+of|of|than|be|is|was|"
    r"were|are)\s+$",
    _I,
)
#: A time written after a date in forms ``patterns.TIME_AFTER_RE`` leaves out: "12 Dec at 1530",
#: "9/12/26 at 11.", "01/12/2026 1400" at the end of a line.
TIME_AFTER_RE = re.compile(
    r",?[ \t]*(?:at|@)[ \t]*(?:[01]\d|2[0-3])[0-5]\d(?:[ \t]*(?:hrs?|h)\b)?"
    r"(?=[ \t]*(?:[.,;)]|$|[-–]|to\b|until\b|till\b))(?!\.\d)"
    r"|,?[ \t]*(?:at|@)[ \t]*(?:[01]?\d|2[0-3])(?=[ \t]*(?:[.,;)]|$))"
    r"|[ \t]+(?:[01]\d|2[0-3])[0-5]\d(?=[ \t]*(?:$|[-–]|hrs?\b|h\b))",
    _I | re.MULTILINE,
)
#: A weekday in brackets after a date belongs to it: "12/3/2026 (Thursday)", "3rd Dec (Thu)".
WEEKDAY_AFTER_RE = re.compile(
    r"[ \t]*\((?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|"
    r"sat|saturday|sun|sunday)\.?\)",
    _I,
)


_DATE_AT_DIGITS_RE = re.compile("|".join(f"(?:{r.pattern})" for r in DATE_RES), _I)


def find_more_dates(
    text: str,
    bases: frozenset[str] | set[str] | None,
    runs: list[int],
    *,
    has_month: bool = True,
) -> Iterator[Identifier]:
    """Dates in the forms of ``DATE_RES`` and ``the 29th`` (tried where a run of digits starts)
    and of ``WORD_DATE_RES`` (the ordinals in words only when a month is named)."""
    first_line_end = _first_newline(text)
    for start in runs:
        m = _DATE_AT_DIGITS_RE.match(text, start)
        if m is not None:
            yield Identifier(m.start(), m.end(), Category.DATE)
        elif text[max(0, start - 4) : start].lower() == "the ":
            m = THE_ORDINAL_RE.match(text, start - 4)
            if m is not None and not _RANK_BEFORE_THE_RE.search(
                text, max(0, start - 20), start - 4
            ):
                yield Identifier(m.start(), m.end(), Category.DATE)
        if (
            start < first_line_end
            and (m := HEADER_DAY_MONTH_RE.match(text, start)) is not None
            and _HEADER_BEFORE_RE.search(text, max(0, start - 4), start) is not None
        ):
            yield Identifier(m.start(), m.end(), Category.DATE)
    for i, (regex, cues) in enumerate(WORD_DATE_RES):
        if (i > 0 or has_month) and (bases is None or not cues or not bases.isdisjoint(cues)):
            for m in regex.finditer(text):
                yield Identifier(m.start(), m.end(), Category.DATE)
    for i, (regex, cues) in enumerate(MORE_WORD_DATE_RES):
        if (i != 1 or has_month) and (bases is None or not bases.isdisjoint(cues)):
            for m in regex.finditer(text):
                g = "d" if "d" in regex.groupindex else 0
                yield Identifier(m.start(g), m.end(g), Category.DATE)


def _first_newline(text: str) -> int:
    newline = text.find("\n")
    return len(text) if newline < 0 else newline


# --- references ---------------------------------------------------------------------------

#: Issuers' words that name a reference before it, in more countries than ``patterns`` knows:
#: prisons (NOMIS, HMP, inmate, DOC), police (PNC, CRO, log), the Philippines (TIN, UMID, SSS,
#: GSIS, PhilHealth, Pag-IBIG), Poland (NIP, REGON, NFZ, dowód), India (PAN, UAN, ABHA, EPIC,
#: voter ID), Nigeria (JAMB, WAEC, NHIS), South Africa (SASSA), Australia (NDIS, DVA, ABN,
#: Centrelink), Canada (OHIP, RAMQ, MSP), the US (MBI, EIN, A-number, USCIS, DL), UK (UTR, SCN).
REF_KEYWORDS = (
    r"nomis|hmp|inmate|doc|pnc|cro|tin|umid|sss|gsis|philhealth|pag-ibig|pagibig|nip|regon|nfz|"
    r"dowod|dowód|uan|abha|voter|jamb|waec|nhis|sassa|ndis|dva|abn|centrelink|ohip|ramq|msp|mbi|"
    r"uscis|alien|a-number|dl|utr|scn|hmrc|dwp|ssdi|warrant|permit|brp|share code|sevis|i-94|"
    r"green card|national id|id card|identity card|ghana card|nuban|cin|philsys|mr(?=\s*#)|acct|"
    r"sid|ur(?=\s*(?:no\b|number|#|:|\d{5,}\b))|npi|edipi|service(?=\s*(?:no\b|number|#))|"
    r"force(?=\s*(?:no\b|number|#))|match(?=\s*(?:id|no\b|#))|last ?4(?:\s+(?:ssn|digits))?|"
    r"pmkeys|albumu|nmc pin|health(?=\s*#)|sr(?=\s*#)|dossier|datix|caseload"
)
#: The first word of each keyword: where the reference pattern is tried.
REF_FIRST_WORDS = frozenset(
    split_words("""nomis hmp inmate doc pnc cro tin umid sss gsis philhealth pag-ibig pagibig nip
    regon nfz dowod dowód uan abha voter jamb waec nhis sassa ndis dva abn centrelink ohip ramq msp
    mbi uscis alien a-number dl utr scn hmrc dwp ssdi warrant permit brp share sevis i-94 green
    national identity ghana nuban cin mr philsys acct sid ur service force match last pmkeys albumu
    nmc health sr dossier datix caseload last4 npi edipi""")
)
#: Shapes that are references wherever they stand.
ID_RES: tuple[re.Pattern[str], ...] = (
    # UK prison number: a letter, four digits, two letters ("A1234BC")
    re.compile(r"\b[A-Z]\d{4}[A-Z]{2}\b"),
    # India PAN: five letters, four digits, a letter ("ABCDE1234F")
    re.compile(r"\b[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z]\b"),
    # Philippines PhilHealth, SSS, UMID, TIN; Poland NIP: their hyphenated groups
    re.compile(
        r"(?<![\d-])(?:\d{2}-\d{9}-\d|\d{2}-\d{7}-\d|\d{4}-\d{7}-\d|\d{3}-\d{3}-\d{3}-\d{3,5}|"
        r"\d{3}-\d{3}-\d{2}-\d{2}|\d{4}-\d{4}-\d{4}-\d{4})(?![\d-])"
    ),
    # a UK immigration share code: "share code W4X 7YZ 9AB"
    re.compile(
        r"(?:(?<=share code )|(?<=share code: )|(?<=Share code )|(?<=Share code: ))"
        r"[A-Z0-9]{3}[ -]?[A-Z0-9]{3}[ -]?[A-Z0-9]{3}\b"
    ),
    # a card's last four digits: "card ending 4432", "account ending in 0912"
    re.compile(r"(?:(?<=\bending )|(?<=\bending in ))(?!(?:19|20)\d\d\b)\d{4}\b"),
    # a family court's or a university's mixed code: "ZE25P01873", "19CS1045"
    re.compile(r"\b[A-Z]{1,3}\d{2,}[A-Z]{1,2}\d{3,}\b|\b\d{2,}[A-Z]{1,3}\d{3,}\b"),
    # US Medicare beneficiary identifier: "1EG4-TE5-MK72"
    re.compile(r"\b[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}\b"),
    # US alien registration number: "A# 123-456-789", "A-number A123456789"
    re.compile(r"\bA#?[ -]?\d{3}[ -]?\d{3}[ -]?\d{3}\b|\bA\d{8,9}\b"),
)
#: A police log written with its date: "log 1234 of 28/11", "incident 0145 28/11/26".
LOG_DATE_AFTER_RE = re.compile(r"[ \t]+(?:of[ \t]+)?\d{1,2}/\d{1,2}(?:/\d{2,4})?\b")


#: A course or module code ("pass ECO1010", "the FINA2000 paper") and a US billing code for
#: peer support ("CPT H0038", "H2015 U1") name a course or a service, not a person.
_COURSE_BEFORE_RE = re.compile(
    r"\b(?:module|modules|course|courses|paper|papers|unit|units|exam|exams|class|classes|subject|"
    r"lecture|lectures|pass|passed|fail|failed|resit|resits|sit|sitting|repeat|repeating|"
    r"supplementary|supp|for|in|and|taking|takes|doing|cpt|hcpcs|code|codes|billing|billed|"
    r"service|medicaid|medicare|billable|his|her|their|the)"
    r"[ \t:]*$",
    _I,
)
_COURSE_AFTER_RE = re.compile(
    r"[ \t]*(?:paper|papers|exam|exams|module|modules|supplementary|supp|assignment|lab|lecture|"
    r"class|coursework|resit|test|tutorial|essay|report|project|quiz|quizzes|midterm|midterms|"
    r"final|finals|labs?|seminar|peer|u[1-9]|hq|hn|ho|hm|hf)\b",
    _I,
)
_COURSE_CODE_RE = re.compile(r"[A-Z]{2,5}\d{3,5}[A-Z]?|[A-Z]\d{4}")
#: Rand, shillings, naira and rupees written against their amount: "sends R1500 a month".
_MONEY_CODE_RE = re.compile(r"R\d{2,6}")
_MONEY_BEFORE_RE = re.compile(
    r"\b(?:send|sends|sent|pay|pays|paid|cost|costs|earn|earns|earned|owe|owes|owed|get|gets|got|"
    r"borrow|borrowed|lend|lent|spend|spends|spent|about|around|over|under|of|for|only|just|"
    r"another|extra|save|saves|saved)[ \t]+$",
    _I,
)
_MONEY_AFTER_RE = re.compile(r"[ \t]*(?:a|per|/|p)[ \t]*(?:month|week|day|mo|wk|m\b|w\b)", _I)


def not_a_reference(text: str, start: int, end: int) -> bool:
    """A course or billing code, or an amount of rand, where ``CODE_RE`` found a reference."""
    if _MONEY_CODE_RE.fullmatch(text, start, end) is not None and (
        _MONEY_BEFORE_RE.search(text, max(0, start - 16), start) is not None
        or _MONEY_AFTER_RE.match(text, end) is not None
    ):
        return True
    return _COURSE_CODE_RE.fullmatch(text, start, end) is not None and (
        _COURSE_BEFORE_RE.search(text, max(0, start - 24), start) is not None
        or _COURSE_AFTER_RE.match(text, end) is not None
        or text[max(0, start - 1) : start] == "("
    )


def find_more_ids(text: str, runs: list[int]) -> Iterator[Identifier]:
    """The shapes of ``ID_RES``, tried in a few letters around each run of digits (one pattern
    of all of them), and only at a run that could be one: a run between capitals or before a
    hyphen ("A1234BC", "ZE25P01873", "34-1234567-8"), after an "A" (an A-number), or any run
    when the note says "ending" or "share code"."""
    anywhere = "ending" in text or "hare code" in text
    n = len(text)
    done = -1
    for start in runs:
        if start < done:
            continue  # the run is inside a reference already found
        end = start
        while end < n and text[end].isdigit():
            end += 1
        after, before = text[end : end + 1], text[max(0, start - 3) : start]
        if not (
            anywhere or after == "-" or after.isupper() or before[-1:].isupper() or "A" in before
        ):
            continue
        for m in _IDS_RE.finditer(text, max(0, start - 6), min(n, start + 24)):
            if m.start() <= start < m.end():
                done = m.end()
                yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
                break


# --- handles ------------------------------------------------------------------------------

#: Platforms of games and apps named before a handle, beyond ``patterns._PLATFORMS``.
MORE_PLATFORMS = (
    r"ps4|ps5|playstation|nintendo|epic games|valorant|warzone|grindr|tinder|bumble|depop|vinted|"
    r"strava|wechat|viber|skype|xbl|xbox live|battle\.net|lichess|letterboxd|goodreads|duolingo|"
    r"substack|bsky|messenger"
)
MORE_PLATFORM_WORDS = frozenset(
    split_words("""ps4 ps5 playstation nintendo valorant warzone grindr tinder bumble depop vinted
    strava wechat viber skype xbl lichess letterboxd goodreads duolingo substack bsky messenger""")
)
#: Words between a platform and its handle: "xbox gt", "Minecraft user", "Roblox IGN".
HANDLE_MIDDLE = r"gt|ign|user|acc|profile|page"
#: The words ``WORD_DATE_RES`` needs one of (a note with none of them and no digits or month
#: skips the word dates).
WORD_DATE_CUES = frozenset().union(*(cues for _, cues in WORD_DATE_RES + MORE_WORD_DATE_RES))

#: A handle in brackets further after its platform than ``patterns.HANDLE_BRACKET_RE`` allows,
#: when it looks like one (a dot, an underscore or a digit): "made a new Facebook to reach his
#: old friends (nate.b.pdx)".
FAR_BRACKET = r"\b[^()\n.!?]{25,64}\((?P<h>@?[A-Za-z0-9_]*[._\d][A-Za-z0-9_.]*[A-Za-z0-9_])\)"
NOT_BRACKET_HANDLES = frozenset(split_words("e.g i.e a.m p.m etc n.b"))

_IDS_RE = re.compile("|".join(f"(?:{r.pattern})" for r in ID_RES))
