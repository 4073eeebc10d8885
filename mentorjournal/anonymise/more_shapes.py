"""Dates, ages and references in shapes ``patterns.py`` and ``more_forms.py`` leave out.

Dates written in the mentee's own language (French, Welsh, Māori, Afrikaans, Spanish, German,
Dutch, Portuguese, Italian and Polish month and weekday names, months in Roman numerals as
Polish forms write them: "3 XI 2026"), years with an apostrophe after a cue ("in '09", "fall
'24"), spans of years ("2003-04", "1991-2013"), a year straight after a life event with no
"in" ("left 2011", "came over 2004", "and again 2013"), a day.month after an event verb
("discharged 12.09"). Ages in a bracketed list of names ("(Ola 12, Kuba 9)") or after a plural
of children ("grandchildren (4, 8, 13)"), an age a life event happened at ("moved to Leeds at
12", "started drinking at 14"), an age with its unit after a name ("Jan Nowak, 40 lat", ", 36
yrs"). References made of three or more groups of letters and digits ("GA-ETV-55031",
"HELB/TVET/26/448109") and a register's prefix before a slashed number ("CAS 412/08/2026").

Each shape is tried only at a run of digits (the list ``more_forms.digit_runs`` makes), so a
note without digits costs nothing; every one has look-alikes that must stay in
``tests/anonymise/test_more_shapes.py`` (scores, doses, times, room numbers, course codes).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.textutil import split_words

_I = re.IGNORECASE

# --- dates in other languages ---------------------------------------------------------------

#: Month names and their usual short forms in the languages mentors' notes quote, after a day.
_FOREIGN_MONTHS = (
    # French
    r"janvier|janv|f[ée]vrier|f[ée]vr|mars|avril|avr|mai|juin|juillet|juil|ao[uû]t|septembre|"
    r"octobre|novembre|d[ée]cembre|d[ée]c|"
    # Welsh
    r"ionawr|chwefror|mawrth|ebrill|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr|"
    # Māori
    r"kohit[āa]tea|huitanguru|pout[ūu]terangi|paengawh[āa]wh[āa]|haratua|pipiri|h[ōo]ngongoi|"
    r"hereturik[ōo]k[āa]|mahuru|whiringa-[āa]-nuku|whiringa-[āa]-rangi|hakihea|"
    # Afrikaans and Dutch
    r"januarie|februarie|maart|mei|junie|julie|augustus|oktober|desember|des|okt|mrt|"
    r"januari|februari|juni|juli|augustus|december|"
    # Spanish, Portuguese, Italian
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|"
    r"diciembre|ene|dic|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|"
    r"dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    # Tagalog
    r"enero|pebrero|marso|abril|mayo|hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre|"
    # German
    r"januar|februar|m[äa]rz|juni|juli|dezember|dez|"
    # Polish, in the forms after a day (``more_forms`` has them too, without a weekday)
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|pa[zź]dziernika|"
    r"listopada|grudnia"
)
#: Weekdays in the same languages (and English), written before a date.
_WEEKDAYS = (
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"dydd[ \t]+(?:llun|mawrth|mercher|iau|gwener|sadwrn|sul)|llun|mercher|gwener|sadwrn|"
    r"r[āa]hina|r[āa]t[ūu]|r[āa]apa|r[āa]pare|r[āa]mere|r[āa]horoi|r[āa]tapu|"
    r"maandag|dinsdag|woensdag|donderdag|vrydag|vrijdag|saterdag|zaterdag|sondag|zondag|"
    r"lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
    r"poniedzia[łl]ek|wtorek|[śs]roda|czwartek|pi[ąa]tek|sobota|niedziela|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|"
    r"sat|sun"
)
#: The weekdays of the other languages only (an English weekday before a bare day is planning,
#: "next Mon 14th", which ``patterns`` keeps).
_FOREIGN_WEEKDAYS = _WEEKDAYS.split("|monday|", 1)[0]
_ROMAN_MONTH = r"(?-i:XII|XI|IX|X|VIII|VII|VI|V|IV|III|II|I)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d{2}"
_ENGLISH_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# Every date shape below is matched AT a run of digits (``re.match`` at the run, and a short
# search of the few characters before it for a weekday or a cue): a scan of the whole note for
# a forty-word alternation costs about a millisecond a note, the runs a few microseconds each.

#: At a run: "4 déc.", "4 listopada 2026", "9 Tachwedd", "3 XI 2026", "16 XI," - a day with a
#: month in another language or in Roman numerals.
FOREIGN_DAY_MONTH_RE = re.compile(
    rf"{_DAY}(?:er)?\.?[ \t]+(?:de[ \t]+)?"
    rf"(?:(?:{_FOREIGN_MONTHS})\b\.?|{_ROMAN_MONTH}\b(?=[ \t]+{_YEAR}|[ \t]*[,.;:)]|[ \t]*$))"
    rf"(?:,?[ \t]+(?:de[ \t]+)?{_YEAR}\b(?:[ \t]*r\.)?)?",
    _I | re.MULTILINE,
)
#: Before it: the weekday in any language and "le" ("środa, ", "Llun ", "le ").
WEEKDAY_BEFORE_RE = re.compile(
    rf"(?:\b(?:{_WEEKDAYS})\b\.?,?[ \t]+)?(?:\ble[ \t]+)?$",
    _I,
)
#: At a run after another language's weekday: "jeudi le 10", "Wtorek 10.11".
FOREIGN_WEEKDAY_DAY_RE = re.compile(
    rf"{_DAY}(?:er)?(?:\.(?:0?[1-9]|1[0-2]))?(?![\d:/]|\.\d|[ \t]*(?:am|pm|h\b|hrs?\b|mg|%))"
    rf"(?=[ \t]*(?:[-–—,.;:)]|$|at\b|à\b|\d))",
    _I | re.MULTILINE,
)
#: The last word before a run (and its "le"): "jeudi" in "jeudi le 10", "Wtorek" in "Wtorek 10.11".
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\.?,?[ \t]+(?:le[ \t]+)?$")
_FOREIGN_WEEKDAY_WORD_RE = re.compile(rf"(?:{_FOREIGN_WEEKDAYS})", _I)
FOREIGN_WEEKDAY_BEFORE_RE = re.compile(
    rf"\b(?:{_FOREIGN_WEEKDAYS})\b,?[ \t]+(?:le[ \t]+)?$",
    _I,
)
#: "Abril 15, 2024": at the run, the day and year; before it, the month in another language.
MONTH_FIRST_DAY_RE = re.compile(rf"{_DAY},?[ \t]+{_YEAR}\b")
FOREIGN_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_FOREIGN_MONTHS})[ \t]+$", _I)
#: "ika-7 ng Marso 2025": the Tagalog "the 7th of".
IKA_RE = re.compile(
    rf"{_DAY}[ \t]+ng[ \t]+(?:{_FOREIGN_MONTHS}|{_ENGLISH_MONTH})\b(?:[ \t]+{_YEAR}\b)?", _I
)
IKA_BEFORE_RE = re.compile(r"\bika-?[ \t]?$", _I)
#: "19 Feb 25", "10 March 25": a day, a month and a two-digit year at the end of a header or
#: before a field's gap (not "12 March 25 minutes"); a weekday before it joins it.
DAY_MONTH_SHORT_YEAR_RE = re.compile(
    rf"{_DAY}(?:st|nd|rd|th)?[ \t]+{_ENGLISH_MONTH}\.?,?[ \t]+(?:[0-3]\d)"
    rf"(?![\d:.,/'’])(?=[ \t]*$|[ \t]{{2,}}|[ \t]*[-–—|;)])",
    _I | re.MULTILINE,
)
#: "wk of 10/3", "w/c 16 Nov", "week of Jan 13": the week's words belong to the date after them.
WEEK_OF_RE = re.compile(
    rf"\b(?:w/c|w/b|wk[ \t]+of|week[ \t]+of|week[ \t]+commencing|week[ \t]+beginning)[ \t]*"
    rf"(?:{_DAY}[/.](?:0?[1-9]|1[0-2])(?:[/.](?:\d{{4}}|\d{{2}}))?(?![\d/])"
    rf"|{_DAY}(?:st|nd|rd|th)?[ \t]+{_ENGLISH_MONTH}\b\.?|{_ENGLISH_MONTH}\.?[ \t]+{_DAY}"
    rf"(?:st|nd|rd|th)?\b)",
    _I,
)
#: A day/month or an ordinal day in a note's first line, beside a dash: "youth wk - 30/1 - ",
#: "North Belfast - 06/10 Met", "gambling peer support falkirk 28th - gary".
HEADER_SLASH_RE = re.compile(
    r"(?:(?<=[-–—][ \t])(?P<d>\d{1,2}/\d{1,2})(?![\d/])(?=[ \t]*(?:[-–—,]|$)|[ \t]+[A-Z])"
    r"|(?P<o>\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))(?=[ \t]+[-–—][ \t]))",
    re.MULTILINE,
)

# --- years ----------------------------------------------------------------------------------


# The year and day shapes above, split for matching at a run of digits: what must come before
# the run (searched in the few characters before it) and what the run must be.
APOSTROPHE_BEFORE_RE = re.compile(
    r"(?:\b(?P<season>spring|summer|autumn|fall|winter)(?:[ \t]+of)?[ \t]+"
    r"|\b(?:in|since|from|until|till|by|around|during|before|after|back[ \t]+in|class[ \t]+of|"
    r"early|mid|late)[ \t]+)['’]$",
    _I,
)
YEAR_SPAN_AT_RE = re.compile(
    r"(?P<a>(?:19|20)\d{2})[ \t]?[-–][ \t]?(?P<b>(?:19|20)?\d{2})(?![\d/.:-]|[ \t]*"
    r"(?:mg|ml|kcal|calories|steps|people|pounds|dollars|%|units|hours|hrs|metres|meters|km))",
    _I,
)
YEAR_AT_RE = re.compile(
    r"(?:19[3-9]\d|20[0-3]\d)\b(?![/.:-]?\d|[ \t]*(?:-|–|to)[ \t]*\d)"
    r"(?![ \t]*(?:mg|ml|kcal|calories|steps|people|pounds|dollars|%|units))",
    _I,
)
EVENT_BEFORE_YEAR_RE = re.compile(
    r"\b(?:left|joined|enlisted|deployed|demobbed|discharged|emigrated|came[ \t]+over|moved[ \t]+over|"
    r"arrived|retired|widowed|again)\b(?:[ \t]+(?:[A-Z][\w'’-]*|\([^()\n]{1,24}\))){0,2}[ \t]+$"
    r"|\b(?:diagnosed|deployed|sectioned|widowed|adopted|fostered|evicted|enlisted|demobbed)\b"
    r"(?:[ \t]+(?:[a-z][\w'’-]*|[A-Z]{2,}))?(?:[ \t]+[a-z][\w'’-]*){0,2}[ \t]+$",
    _I,
)
EVENT_BEFORE_BRACKET_RE = re.compile(
    r"\b(?:death|died|funeral|divorce|divorced|wedding|married|birth|born|diagnosis|diagnosed|"
    r"accident|overdose|arrest|arrested|release|released|discharge|discharged|deployment|deployed|"
    r"separation|separated|miscarriage|stroke|suicide|passing|passed|loss|redundancy|eviction)"
    r"[ \t]*\($",
    _I,
)
DAY_DOT_MONTH_AT_RE = re.compile(
    r"(?:[12]\d|3[01]|0?[1-9])\.(?:0?[1-9]|1[0-2])(?![\d.]\d|\d|[ \t]*(?:[a-zA-Z%]|\d))"
)
DAY_DOT_MONTH_BEFORE_RE = re.compile(
    r"\b(?:discharged|admitted|released|referred|faxed|sent|posted|emailed|started|starts|began|"
    r"moved|arrived|seen|sectioned|since|from|until|till|by|on)"
    r"(?:[ \t]+(?:to|at|from|by|on)[ \t]+[A-Z][\w'’-]*)?[ \t]+$"
)

# --- ages -----------------------------------------------------------------------------------

#: Words that number things in brackets and are not people: "(Ward 4, Bay 2)", "(Year 10)".
_NOT_PEOPLE = frozenset(
    split_words(
        """year years yr ward bay room flat bed level floor unit page step steps session sessions week
    weeks day days term block bus route table question q section part stage grade class group
    band phase chapter box lot item no number platform gate exit junction line goal goals action
    actions task tasks point points option options items questions"""
    )
)
#: "(Ola 12, Kuba 9)", "(Lucy 12 and Cam 9)": two or more names each with a number.
NAME_AGE_LIST_RE = re.compile(
    r"\((?P<list>[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?[ \t]+\d{1,2}"
    r"(?:[ \t]*(?:,|and|&)[ \t]*[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?[ \t]+\d{1,2})+)\)"
)
_NAME_AGE_RE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)?)[ \t]+(\d{1,2})")
_NOT_LIFE_TIME_RE = re.compile(
    r"\b(?:today|tomorrow|tonight|yesterday|morning|afternoon|evening|session|meeting|appointment|"
    r"appt|call|group|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|"
    r"thu|thurs|fri|sat|sun|week|clock|lesson|class|shift|bus|train)\b",
    _I,
)

#: "Bridget (late 70s)", "Brad (mid-40s, electrician)", "early 50s, unhoused", "mid-forties": a
#: decade of life with its part, all of it (not "the late 90s", an era).
DECADE_AGE_RE = re.compile(
    r"(?<!\bthe[ \t])(?<!\bthe)\b(?:early|mid|late)[- ]?(?:[1-9]0['’]?s|twenties|thirties|forties|"
    r"fifties|sixties|seventies|eighties|nineties)\b",
    _I,
)
_NUMBER_UNITS = r"one|two|three|four|five|six|seven|eight|nine"
#: "Stan Dowd (ninety-three)", "Paddy O' (seventy-eight)": an age in words in brackets after a name.
WORD_AGE_BRACKET_RE = re.compile(
    r"(?<=[\w'’][ \t]\()(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    rf"(?:[- ](?:{_NUMBER_UNITS}))?(?=\))",
    _I,
)
#: "Baby Mateo is 9 wks now": a baby's age in weeks or months after its name.
BABY_IS_RE = re.compile(
    r"\b(?:baby|son|daughter|newborn)[ \t]+(?:boy[ \t]+|girl[ \t]+)?[A-Z][^\W\d_]+[ \t]+is[ \t]+"
    r"(?:now[ \t]+|only[ \t]+|just[ \t]+)?(?P<a>\d{1,2}[ \t]*(?:months?|mths?|mos?|weeks?|wks?))\b",
    _I,
)
_CHILD_WORDS = frozenset(
    split_words("""baby babies son daughter girl boy child kid newborn infant twins grandson
    granddaughter pēpi pepi amma nan gran""")
)
#: Words before a bracketed duration that make it a length of time, not an age.
_DURATION_WORDS = frozenset(
    split_words("""sober clean dry abstinent sentence sentenced waitlist wait waiting course
    programme program leave off ago for contract placement notice treatment probation order ban
    suspended prison jail custody rehab detox residential stay admission since away gap""")
)

_SCORE_WORDS_IN = re.compile(
    r"\b(?:scores?|scored|phq|gad|core|mood|ratings?|rated|out of|sessions?|weeks?|page|ward|bed|"
    r"goals?|steps?|points?|items?)\b",
    _I,
)
#: "someone who is 17", "a lad who's 15": an age after "who is" (before the run; at it, no unit).
WHO_IS_BEFORE_RE = re.compile(
    r"\bwho(?:['’]s|[ \t]+is|[ \t]+was|[ \t]+turns|[ \t]+turned)[ \t]+(?:only[ \t]+|just[ \t]+|"
    r"now[ \t]+)?$",
    _I,
)
WHO_IS_AGE_AT_RE = re.compile(
    r"\d{1,2}(?![\d:.%/]|[ \t]*(?:mins?|minutes|hours|hrs|days|weeks|months|am|pm|percent|"
    r"out|of|points|x\b|times|st\b|nd\b|rd\b|th\b|miles|km))",
    _I,
)

# The age shapes above, split for matching at a run of digits.
CHILDREN_BEFORE_RE = re.compile(
    r"\b(?:kids|children|sons|daughters|boys|girls|grandkids|grandchildren|grandsons|"
    r"granddaughters|twins|siblings|brothers|sisters|stepkids|stepchildren)[ \t]*"
    r"\((?:aged[ \t]+)?$",
    _I,
)
CHILDREN_LIST_AT_RE = re.compile(r"\d{1,2}(?:[ \t]*(?:,|and|&)[ \t]*\d{1,2})+(?=\))")
AT_EVENT_BEFORE_RE = re.compile(
    r"\b(?:(?:moved|came|emigrated|migrated|relocated|arrived|fled)(?:[ \t]+(?:over|here|back))?"
    r"[ \t]+(?:to|from|in)[ \t]+(?:the[ \t]+)?[A-Z]"
    r"|(?:diagnosed|died|passed[ \t]+away|sectioned|hospitali[sz]ed|adopted|fostered|orphaned|"
    r"widowed|married|pregnan(?:t|cy)|expelled|excluded|arrested|homeless|sexually[ \t]+abused|"
    r"abused|assaulted|ran[ \t]+away)\b"
    r"|(?:left|started|began|quit|stopped|dropped[ \t]+out[ \t]+of)[ \t]+(?:school|home|care|"
    r"college|education|drinking|using|smoking|vaping|self-harming|cutting|gambling|work)\b)"
    r"[^.;:!?\n]{0,60}\bat[ \t]+$",
)
AGE_AT_RE = re.compile(
    r"\d{1,2}\b(?![ \t]*(?:[.:]\d|am\b|pm\b|a\.m|p\.m|o['’]?clock|%|h\b|hrs?\b|mins?\b|minutes|"
    r"weeks|months|days|mg|ml|kg|st\b|stone|lbs?\b|th\b|nd\b|rd\b|/))"
)
UNIT_AGE_AT_RE = re.compile(
    r"(?P<n>\d{1,3})[ \t]*(?P<u>lat\b|l\.|yrs?\b\.?|y/o|y\.o\.|yo\b|y\b(?![/.]))"
    r"(?=[ \t]*(?:[,;|)—–]|-[ \t]|$|old\b)|[ \t]{2,})",
    re.MULTILINE,
)
UNIT_AGE_BEFORE_RE = re.compile(r"(?:[a-z)\"”’.],[ \t]*|\([ \t]*|\b[Aa]ge[ \t]*[:=-]?[ \t]*)$")
DECADE_AT_RE = re.compile(r"[1-9]0['’]?s\b")
DECADE_BEFORE_RE = re.compile(r"\b(?:early|mid|late)[- ]?$", _I)
WORD_BEFORE_BRACKET_RE = re.compile(r"(?P<w>[^\W\d_]+)[ \t]*\($")
UNIT_IN_BRACKET_AT_RE = re.compile(
    r"\d{1,3}[ \t]*(?:months?|mths?|mos?|weeks?|wks?|yrs?|yo|y/o)(?=(?:[ \t]+old)?\))"
)
AGE_WORDS_AT_RE = re.compile(
    r"(?P<a>\d{1,2})(?:[ \t]+(?:and|&)[ \t]+(?P<b>\d{1,2}))?"
    r"(?=,[ \t]*[a-z]|[ \t]+(?:last|next|this)[ \t]+(?:week|month|year)\b|[ \t]+(?:on|in)[ \t]+[A-Z])"
)
LAST_IN_BRACKET_BEFORE_RE = re.compile(r"\b[A-Z][^\W\d_]+[ \t]+\((?P<c>[^()\n/]{3,60}),[ \t]*$")
ALIAS_BEFORE_RE = re.compile(r"\((?P<c>[A-Za-z][A-Za-z.'’ -]{1,24})\),?[ \t]+$")
ALIAS_AGE_AT_RE = re.compile(r"[1-9]\d(?=[ \t]*(?:[—–,]|-[ \t]|$))", re.MULTILINE)
PHONE_IN_BRACKET_AT_RE = re.compile(r"0\d{1,4}(?:[ \t-]\d{2,4}){2,3}(?=\))")

# --- references -----------------------------------------------------------------------------

#: Three or more groups of capitals and digits joined by hyphens or slashes, one of them three
#: digits or more: "GA-ETV-55031", "EDSP-VII-2024-00871", "TL5/MAT/26/7714".
MULTI_PART_CODE_RE = re.compile(
    r"(?<![\w/-])[A-Z][A-Z0-9]{0,6}(?:[-/][A-Z0-9]{1,8}){2,5}(?![\w/]|-\w)"
)
#: A register's capitals, a space, and a number in three or four slashed parts that is not a
#: date: "CAS 412/08/2026" (a South African police case), "OB 42/19/09/2026".
PREFIXED_SLASHED_RE = re.compile(
    r"(?<![\w/])(?P<p>[A-Z]{2,5})[ \t]+(?P<n>\d{1,6}(?:/\d{1,6}){2,3})(?![\w/])"
)
_NOT_REGISTERS = frozenset(
    split_words(
        """DOB DOD EDD MON TUE TUES WED THU THUR THURS FRI SAT SUN JAN FEB MAR APR MAY JUN JUL AUG SEP
    SEPT OCT NOV DEC ON BY TO IN AT OF AND THE NEXT DATE DUE FROM BP HR RR SATS PHQ GAD"""
    )
)


#: A student's or a member's number: one letter and seven or eight digits ("u7720194",
#: "s2211094", "z5123456").
LETTER_DIGITS_RE = re.compile(r"(?<![\w/.-])[A-Za-z]\d{7,8}(?![\w/]|[.-]\d)")


# --- handles --------------------------------------------------------------------------------

#: "plays ML (JRxSlayer08)", "gaming on Steam (kai_77)": a handle in brackets after a game;
#: it looks like one (a digit, an underscore or a capital inside a word).
GAME_HANDLE_RE = re.compile(
    r"\b(?:plays|playing|games|gaming|gamer)\b[^()\n.!?]{0,24}\("
    r"(?P<h>(?=[\w.]*(?:\d|_|[a-z][A-Z]))[A-Za-z][\w.]{3,23})\)"
)


#: "on Snapchat (bigrich_3021, yungfeleti)": every one-word item in brackets straight after a
#: platform is a handle, not only the first.
PLATFORM_LIST_RE = re.compile(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|tiktok|discord|twitter|threads|twitch|steam|xbox|psn|"
    r"roblox|kik|telegram|facebook|fb)[ \t]*\((?P<l>@?[\w.]{3,30}(?:(?:,[ \t]*|[ \t]+and[ \t]+)"
    r"@?[\w.]{3,30})+)\)",
    _I,
)
#: A date of birth with its day and month masked: "DOB: xx/xx/1979", "XX-XX-85".
MASKED_DATE_RE = re.compile(r"(?<![\w/-])[xX]{1,2}([/.-])[xX]{1,2}\1(?:19|20)?\d{2}(?![\w/-])")


def _service_number(digits: str) -> bool:
    """Freephone and shared-cost prefixes (the list ``patterns.is_service_number`` holds; this
    module cannot import it: ``patterns`` imports this one)."""
    return digits.startswith(("0800", "0808", "0500", "0508", "0860", "0861", "03", "0845", "0870"))


def _valid_date(number: str) -> bool:
    parts = [int(p) for p in number.split("/")]
    if len(parts) != 3:
        return False
    a, b, _ = parts
    return (1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)


def _is_code(code: str) -> bool:
    groups = re.split(r"[-/]", code)
    digit_groups = [g for g in groups if g.isdigit()]
    if not any(len(g) >= 3 for g in digit_groups):
        return False
    if sum(c.isdigit() for c in code) < 4:
        return False
    return any(sum(c.isalpha() for c in g) >= 2 for g in groups)


def find_more_shapes(text: str, runs: list[int]) -> Iterator[Identifier]:
    """Every shape of this module; ``runs`` are where runs of digits start (none: nothing)."""
    if not runs:
        return
    n = len(text)
    for start in runs:
        end = start
        while end < n and text[end].isdigit():
            end += 1
        yield from _dates_at(text, start, end)
        yield from _ages_at(text, start, end)
    lower = text.lower()
    yield from _more_dates(text, lower)
    yield from _ages(text, lower)
    yield from _codes(text, runs)
    if "(" in text:
        yield from _handles(text, lower)


def _before(regex: re.Pattern[str], text: str, pos: int, width: int) -> re.Match[str] | None:
    return regex.search(text, max(0, pos - width), pos)


#: Shapes whose run is followed by the rest of the date and preceded by a word of it.
_MONTH_BEFORE_SHAPES = (
    (MONTH_FIRST_DAY_RE, FOREIGN_MONTH_BEFORE_RE, 20),  # "Abril 15, 2024"
    (IKA_RE, IKA_BEFORE_RE, 6),  # "ika-7 ng Marso 2025"
)


def _dates_at(text: str, start: int, end: int) -> Iterator[Identifier]:
    """The date shapes that hold a run of digits, tried at that run."""
    digits = end - start
    last = text[start - 1 : start]
    if digits == 4:
        yield from _years_at(text, start, end, last)
    elif digits <= 2:
        if not last or last not in "./:-":
            yield from _foreign_at(text, start)
        yield from _days_at(text, start, end, last)


def _days_at(text: str, start: int, end: int, last: str) -> Iterator[Identifier]:
    """ "in '09", "discharged 12.09", "19 Feb 25", "Abril 15, 2024", "ika-7 ng Marso"."""
    if (
        end - start == 2
        and last in ("'", "’")
        and (m := _before(APOSTROPHE_BEFORE_RE, text, start, 26)) is not None
        and not (end < len(text) and (text[end].isalnum() or text[end] in "'’"))
    ):
        yield Identifier(m.start("season") if m.group("season") else start - 1, end, Category.DATE)
    if (
        text[end : end + 1] == "."
        and (m := DAY_DOT_MONTH_AT_RE.match(text, start)) is not None
        and _before(DAY_DOT_MONTH_BEFORE_RE, text, start, 40) is not None
    ):
        yield Identifier(start, m.end(), Category.DATE)
    if (m := DAY_MONTH_SHORT_YEAR_RE.match(text, start)) is not None and last not in "/.":
        w = _before(WEEKDAY_BEFORE_RE, text, start, 24)
        yield Identifier(w.start() if w and w.group() else start, m.end(), Category.DATE)
    for core, before, width in _MONTH_BEFORE_SHAPES:
        if (m := core.match(text, start)) is not None and (
            b4 := _before(before, text, start, width)
        ) is not None:
            yield Identifier(b4.start(), m.end(), Category.DATE)


def _years_at(text: str, start: int, end: int, last: str) -> Iterator[Identifier]:
    """ "2003-04", "Left 2011", "and again 2013", "his mum's death (2019)"."""
    if (m := YEAR_SPAN_AT_RE.match(text, start)) is not None and last not in "/.,:£$€-":
        a, b = int(m.group("a")), m.group("b")
        end_year = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if a < end_year <= a + 40:
            yield Identifier(start, m.end(), Category.DATE)
    if YEAR_AT_RE.match(text, start) is None:
        return
    m = _before(EVENT_BEFORE_YEAR_RE, text, start, 70)
    after_event = m is not None and not (
        m.group().lower().startswith("again")
        and not re.search(r"\b(?:19|20)\d{2}\b", text[max(0, m.start() - 40) : m.start()])
    )  # "again 2013" only after another year
    if after_event or (
        last == "("
        and text[end : end + 1] == ")"
        and _before(EVENT_BEFORE_BRACKET_RE, text, start, 30) is not None
    ):
        yield Identifier(start, end, Category.DATE)


def _foreign_at(text: str, start: int) -> Iterator[Identifier]:
    """ "le 4 déc.", "środa, 4 listopada 2026", "3 XI 2026", "jeudi le 10", "Wtorek 10.11"."""
    if start == 0 or not text[start - 1].isspace():
        return  # a day in these shapes stands after a space (a weekday, "le", a label)
    m = FOREIGN_DAY_MONTH_RE.match(text, start)
    if m is not None:
        end = m.end()
        if text[end - 1] == "." and not text[end - 2].isalpha():
            end -= 1  # a full stop after digits ends the sentence; "déc." keeps its own
        w = _before(WEEKDAY_BEFORE_RE, text, start, 30)
        yield Identifier(w.start() if w and w.group() else start, end, Category.DATE)
        return
    word = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
    if word is None or _FOREIGN_WEEKDAY_WORD_RE.fullmatch(word.group(1)) is None:
        return  # most runs follow no weekday of another language: spare the two searches
    m = FOREIGN_WEEKDAY_DAY_RE.match(text, start)
    if m is not None and (w := _before(FOREIGN_WEEKDAY_BEFORE_RE, text, start, 30)) is not None:
        yield Identifier(w.start(), m.end(), Category.DATE)


def _ages_at(text: str, start: int, end: int) -> Iterator[Identifier]:
    """The age shapes that hold a run of digits, tried at that run."""
    digits = end - start
    if digits > 3:
        return
    last = text[start - 1 : start]
    if (
        (last in ("(", " ", ",") or not last)
        and (m := UNIT_AGE_AT_RE.match(text, start)) is not None
        and 0 < int(m.group("n")) <= 110
        and _before(UNIT_AGE_BEFORE_RE, text, start, 12) is not None
        and not _after_a_lower_word(text, start)
    ):
        yield Identifier(start, m.end("u"), Category.AGE)
    if digits == 2 and text[start + 1] == "0" and text[end : end + 1] in ("s", "'", "’"):
        m = DECADE_AT_RE.match(text, start)
        b4 = _before(DECADE_BEFORE_RE, text, start, 7)
        if m is not None and b4 is not None and not text[: b4.start()].lower().endswith("the "):
            yield Identifier(b4.start(), m.end(), Category.AGE)
    if (
        digits <= 2
        and text[start - 3 : start].lower() in ("at ", "at\t")
        and AGE_AT_RE.match(text, start) is not None
        and _before(AT_EVENT_BEFORE_RE, text, start, 110) is not None
    ):
        around = text[max(0, start - 110) : end + 20]
        if _NOT_LIFE_TIME_RE.search(around[around.rfind(".") + 1 :]) is None:
            yield Identifier(start, end, Category.AGE)
    if (
        digits <= 2
        and last in (" ", "\t")
        and "who" in text[max(0, start - 22) : start].lower()
        and WHO_IS_AGE_AT_RE.match(text, start) is not None
        and _before(WHO_IS_BEFORE_RE, text, start, 22) is not None
    ):
        yield Identifier(start, end, Category.AGE)
    if last == "(":
        yield from _bracket_ages_at(text, start, end)
    elif digits == 2:
        yield from _ages_after_at(text, start, end)


def _ages_after_at(text: str, start: int, end: int) -> Iterator[Identifier]:
    """ "Nadia (OT yr 1, GCU, mature student, 38)", "B.O. (Blessing) 26 —"."""
    if text[end : end + 1] == ")" and text[start - 2 : start] in (", ", ",\t"):
        b4 = _before(LAST_IN_BRACKET_BEFORE_RE, text, start, 90)
        if b4 is not None and _SCORE_WORDS_IN.search(b4.group("c")) is None:
            if int(text[start:end]) >= 13:
                yield Identifier(start, end, Category.AGE)
            return
    if ")" in text[max(0, start - 4) : start] and ALIAS_AGE_AT_RE.match(text, start) is not None:
        b4 = _before(ALIAS_BEFORE_RE, text, start, 32)
        if b4 is not None:
            words = b4.group("c").split()
            if len(words) <= 3 and not any(w.lower().strip(".") in _NOT_PEOPLE for w in words):
                yield Identifier(start, end, Category.AGE)


def _bracket_ages_at(text: str, start: int, end: int) -> Iterator[Identifier]:
    """A number opening a bracket: children's ages, an age with its unit or with words about
    the person after it, a phone."""
    if CHILDREN_BEFORE_RE.search(text, max(0, start - 24), start) is not None:
        m = CHILDREN_LIST_AT_RE.match(text, start)
        if m is not None:
            for d in re.finditer(r"\d{1,2}", m.group()):
                yield Identifier(start + d.start(), start + d.end(), Category.AGE)
            return
    word_m = _before(WORD_BEFORE_BRACKET_RE, text, start, 30)
    word = word_m.group("w") if word_m else ""
    word_at = word_m.start() if word_m else start
    if (m := UNIT_IN_BRACKET_AT_RE.match(text, start)) is not None and word:
        low = word.lower()
        if low not in _DURATION_WORDS and (
            low in _CHILD_WORDS or (word[0].isupper() and not _sentence_start(text, word_at))
        ):
            yield Identifier(start, m.end(), Category.AGE)
    elif (
        (m := AGE_WORDS_AT_RE.match(text, start)) is not None and word and text[start - 2] in " \t"
    ):
        low = word.lower()
        if (
            low not in _NOT_PEOPLE
            and low not in _DURATION_WORDS
            and (
                int(m.group("a")) >= 10
                or (word[0].isupper() and not _sentence_start(text, word_at))
            )
        ):
            yield Identifier(start, m.end("a"), Category.AGE)
            if m.group("b"):
                yield Identifier(m.start("b"), m.end("b"), Category.AGE)
    elif text[start] == "0" and (m := PHONE_IN_BRACKET_AT_RE.match(text, start)) is not None:
        digits = re.sub(r"\D", "", m.group())
        if 9 <= len(digits) <= 11 and not _service_number(digits):
            yield Identifier(start, m.end(), Category.PHONE)


def _handles(text: str, lower: str) -> Iterator[Identifier]:
    if any(w in lower for w in ("plays", "playing", "gaming", "gamer", "games")):
        for m in finditer(GAME_HANDLE_RE, text):
            yield Identifier(m.start("h"), m.end("h"), Category.HANDLE)
    if any(p in lower for p in _PLATFORM_HINTS):
        for m in finditer(PLATFORM_LIST_RE, text):
            base = m.start("l")
            for h in re.finditer(r"@?[\w.]{3,30}", m.group("l")):
                if h.group() != "and":
                    yield Identifier(base + h.start(), base + h.end(), Category.HANDLE)


_PLATFORM_HINTS = (
    "snap", "insta", "tiktok", "discord", "twitter", "threads", "twitch", "steam", "xbox", "psn",
    "roblox", "kik", "telegram", "facebook", "fb",
)  # fmt: skip


def _more_dates(text: str, lower: str) -> Iterator[Identifier]:
    if any(w in lower for w in _WEEK_WORDS):
        for m in finditer(WEEK_OF_RE, text):
            yield Identifier(m.start(), m.end(), Category.DATE)
    if "xx" in lower:
        for m in finditer(MASKED_DATE_RE, text):
            yield Identifier(m.start(), m.end(), Category.DATE)
    newline = text.find("\n")
    first_line = text if newline < 0 else text[:newline]
    for m in HEADER_SLASH_RE.finditer(first_line):
        if m.group("o"):
            yield Identifier(m.start("o"), m.end("o"), Category.DATE)
            continue
        a, b = (int(p) for p in m.group("d").split("/"))
        score = b == 10 and not m.group("d").startswith("0")  # "- 7/10 -" is a rating
        if not score and ((1 <= a <= 31 and 1 <= b <= 12) or (1 <= a <= 12 and 1 <= b <= 31)):
            yield Identifier(m.start("d"), m.end("d"), Category.DATE)


def _after_a_lower_word(text: str, pos: int) -> bool:
    """ "supply tech, 20 yrs": a length of service after a job, not an age after a name."""
    word = re.search(r"([^\W\d_]+)[ \t]*,[ \t]*$", text[max(0, pos - 30) : pos])
    return word is not None and word.group(1).islower()


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n-–—|"


_DECADE_WORDS = (
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
)  # fmt: skip
_WEEK_WORDS = ("w/c", "w/b", "wk of", "week of", "week commencing", "week beginning")


def _ages(text: str, lower: str) -> Iterator[Identifier]:
    """The age shapes led by words (each gated on its words)."""
    if any(w in lower for w in _DECADE_WORDS):
        for m in finditer(DECADE_AGE_RE, text):
            if not m.group()[-1:].isdigit() and "0" not in m.group():
                yield Identifier(m.start(), m.end(), Category.AGE)
    if any(w in lower for w in ("baby", " son ", "daughter", "newborn")):
        for m in finditer(BABY_IS_RE, text):
            yield Identifier(m.start("a"), m.end("a"), Category.AGE)
    if "(" in text:
        yield from _listed_ages(text, lower)


def _listed_ages(text: str, lower: str) -> Iterator[Identifier]:
    """ "(Ola 12, Kuba 9)", "(ninety-three)"."""
    for m in finditer(NAME_AGE_LIST_RE, text):
        pairs = list(_NAME_AGE_RE.finditer(m.group("list")))
        if any(p.group(1).lower() in _NOT_PEOPLE for p in pairs):
            continue
        base = m.start("list")
        for p in pairs:
            yield Identifier(base + p.start(2), base + p.end(2), Category.AGE)
    if "ty)" in lower or "ty-" in lower or "ty " in lower:
        for m in finditer(WORD_AGE_BRACKET_RE, text):
            yield Identifier(m.start(), m.end(), Category.AGE)


def _codes(text: str, runs: list[int]) -> Iterator[Identifier]:
    """References holding a run of digits, looked for only around runs that could be in one."""
    n = len(text)
    done = -1
    for start in runs:
        if start < done:
            continue  # inside a reference already found
        end = start
        while end < n and text[end].isdigit():
            end += 1
        digits = end - start
        before, after = text[start - 1 : start], text[end : end + 1]
        if digits >= 3 and (before in ("-", "/") or after in ("-", "/")):
            for m in MULTI_PART_CODE_RE.finditer(text, max(0, start - 40), min(n, end + 40)):
                if m.start() <= start < m.end() and _is_code(m.group()):
                    done = m.end()
                    yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
                    break
        if digits in (7, 8) and before.isalpha():
            letter = LETTER_DIGITS_RE.match(text, start - 1)
            if letter is not None:
                yield Identifier(letter.start(), letter.end(), Category.ID_NUMBER)
        if after == "/" and text[start - 2 : start - 1].isupper() and before in (" ", "\t"):
            slashed = PREFIXED_SLASHED_RE.search(text, max(0, start - 7), min(n, end + 20))
            if (
                slashed is not None
                and slashed.start("n") == start
                and slashed.group("p") not in _NOT_REGISTERS
                and not _valid_date(slashed.group("n"))
            ):
                yield Identifier(slashed.start(), slashed.end(), Category.ID_NUMBER)
