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
_ROMAN_MONTH = r"(?-i:XII|XI|IX|X|VIII|VII|VI|V|IV|III|II|I)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_YEAR = r"(?:19|20)\d{2}"
#: "le 4 déc.", "środa, 4 listopada 2026", "Llun 9 Tachwedd", "4 Des 2026", "3 XI 2026",
#: "jeudi le 10", "Wtorek 10.11": a day with a month in another language or in Roman numerals,
#: with the weekday or "le" before it.
FOREIGN_DATE_RE = re.compile(
    rf"(?:\b(?:{_WEEKDAYS})\b\.?,?[ \t]+)?(?:\ble[ \t]+)?"
    rf"(?<![\d.,/:-]){_DAY}(?:er)?\.?[ \t]+(?:de[ \t]+)?"
    rf"(?:(?:{_FOREIGN_MONTHS})\b\.?|{_ROMAN_MONTH}\b(?=[ \t]+{_YEAR}|[ \t]*[,.;:)]|[ \t]*$))"
    rf"(?:,?[ \t]+(?:de[ \t]+)?{_YEAR}\b(?:[ \t]*r\.)?)?"
    rf"|\b(?:{_WEEKDAYS})\b,?[ \t]+(?:le[ \t]+)?{_DAY}(?:er)?"
    rf"(?:\.(?:0?[1-9]|1[0-2]))?(?![\d:/]|\.\d|[ \t]*(?:am|pm|h\b|hrs?\b|mg|%))"
    rf"(?=[ \t]*(?:[-–—,.;:)]|$|at\b|à\b|\d))",
    _I | re.MULTILINE,
)
_ENGLISH_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
#: "Abril 15, 2024", "ika-7 ng Marso 2025": a month first in another language (with its year),
#: and the Tagalog "the 7th of".
MONTH_FIRST_FOREIGN_RE = re.compile(
    rf"\b(?:{_FOREIGN_MONTHS})[ \t]+{_DAY}(?:,)?[ \t]+{_YEAR}\b"
    rf"|\bika-?[ \t]?{_DAY}[ \t]+ng[ \t]+(?:{_FOREIGN_MONTHS}|{_ENGLISH_MONTH})\b(?:[ \t]+{_YEAR}\b)?",
    _I,
)
#: "19 Feb 25", "Mon 10 March 25": a day, a month and a two-digit year at the end of a header
#: or before a field's gap (not "12 March 25 minutes").
DAY_MONTH_SHORT_YEAR_RE = re.compile(
    rf"(?:\b(?:{_WEEKDAYS})\b\.?,?[ \t]+)?"
    rf"(?<![\d/.])(?:{_DAY})(?:st|nd|rd|th)?[ \t]+{_ENGLISH_MONTH}\.?,?[ \t]+(?:[0-3]\d)"
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

#: A weekday in English alone before a bare day is planning ("next Mon 14th" is kept by
#: ``patterns``): only the other languages' weekdays make the day-only branch a date.
_ENGLISH_WEEKDAY_RE = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|"
    r"fri|sat|sun)\b",
    _I,
)

# --- years ----------------------------------------------------------------------------------

#: "in '09", "since '98", "fall '24", "summer of '19": a two-digit year with its apostrophe
#: after a cue of time (a quote opened after "in" has a letter after the apostrophe).
APOSTROPHE_YEAR_RE = re.compile(
    r"(?:\b(?P<season>spring|summer|autumn|fall|winter)(?:[ \t]+of)?[ \t]+"
    r"|\b(?:in|since|from|until|till|by|around|during|before|after|back[ \t]+in|class[ \t]+of|"
    r"early|mid|late)[ \t]+)"
    r"(?P<y>['’]\d{2})(?![\w'’])",
    _I,
)
#: "2003-04", "1991-2013", "2010–11": a span of years (the second after the first, within
#: forty years); not a range of amounts ("2000-2500 calories").
YEAR_SPAN_RE = re.compile(
    r"(?<![\d/.,:£$€-])(?P<a>(?:19|20)\d{2})[ \t]?[-–][ \t]?(?P<b>(?:19|20)?\d{2})(?![\d/.:-]|[ \t]*"
    r"(?:mg|ml|kcal|calories|steps|people|pounds|dollars|%|units|hours|hrs|metres|meters|km))",
    _I,
)
#: A year straight after a life event, without "in": "Left 2011", "came over 2004", "deployed
#: DRC (MONUSCO) 2008", "and again 2013" after another year.
YEAR_AFTER_EVENT_RE = re.compile(
    r"\b(?:left|joined|enlisted|deployed|demobbed|discharged|emigrated|came[ \t]+over|moved[ \t]+over|"
    r"arrived|retired|widowed|again)\b(?:[ \t]+(?:[A-Z][\w'’-]*|\([^()\n]{1,24}\))){0,2}[ \t]+"
    r"(?P<d>(?:19[3-9]\d|20[0-3]\d))\b(?![/.:-]?\d|[ \t]*(?:-|–|to)[ \t]*\d)"
    r"(?![ \t]*(?:mg|ml|kcal|calories|steps|people|pounds|dollars|%|units))",
    _I,
)
#: "his mum's death (2019)", "the divorce (2015)": a year in brackets after a life event.
EVENT_YEAR_BRACKET_RE = re.compile(
    r"\b(?:death|died|funeral|divorce|divorced|wedding|married|birth|born|diagnosis|diagnosed|"
    r"accident|overdose|arrest|arrested|release|released|discharge|discharged|deployment|deployed|"
    r"separation|separated|miscarriage|stroke|suicide|passing|passed|loss|redundancy|eviction)"
    r"[ \t]*\((?P<d>(?:19|20)\d{2})\)",
    _I,
)
#: "Diagnosed bipolar disorder 2019", "deployed with the Rifles 2009": a year after a life event
#: and up to three lower-case words.
EVENT_WORDS_YEAR_RE = re.compile(
    r"\b(?:diagnosed|deployed|sectioned|widowed|adopted|fostered|evicted|enlisted|demobbed)\b"
    r"(?:[ \t]+(?:[a-z][\w'’-]*|[A-Z]{2,}))?(?:[ \t]+[a-z][\w'’-]*){0,2}[ \t]+(?P<d>(?:19[3-9]\d|20[0-3]\d))"
    r"\b(?![/.:-]?\d|[ \t]*(?:-|–|to)[ \t]*\d)",
    _I,
)
#: "discharged 12.09", "faxed to Karitane 2.12", "since 20.10": a day.month after an event verb
#: or a preposition of time (a decimal after them has a unit or is a level: "0.8").
DAY_DOT_MONTH_RE = re.compile(
    r"\b(?:discharged|admitted|released|referred|faxed|sent|posted|emailed|started|starts|began|"
    r"moved|arrived|seen|sectioned|since|from|until|till|by|on)"
    r"(?:[ \t]+(?:to|at|from|by|on)[ \t]+[A-Z][\w'’-]*)?[ \t]+"
    r"(?P<d>(?:[12]\d|3[01]|0?[1-9])\.(?:0?[1-9]|1[0-2]))(?![\d.]\d|\d|[ \t]*(?:[a-zA-Z%]|\d))",
)

# --- ages -----------------------------------------------------------------------------------

#: Words that number things in brackets and are not people: "(Ward 4, Bay 2)", "(Year 10)".
_NOT_PEOPLE = frozenset(
    split_words(
        """year years yr ward bay room flat bed level floor unit page step steps session sessions week
    weeks day days term block bus route table question q section part stage grade class group
    band phase chapter box lot item no number platform gate exit junction line"""
    )
)
#: "(Ola 12, Kuba 9)", "(Lucy 12 and Cam 9)": two or more names each with a number.
NAME_AGE_LIST_RE = re.compile(
    r"\((?P<list>[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?[ \t]+\d{1,2}"
    r"(?:[ \t]*(?:,|and|&)[ \t]*[A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)?[ \t]+\d{1,2})+)\)"
)
_NAME_AGE_RE = re.compile(r"([^\W\d_]+(?:[-'’][^\W\d_]+)?)[ \t]+(\d{1,2})")
#: "grandchildren (4, 8, 13)", "children (17, 14, 9)": the ages of children in brackets.
CHILDREN_BRACKET_RE = re.compile(
    r"\b(?:kids|children|sons|daughters|boys|girls|grandkids|grandchildren|grandsons|"
    r"granddaughters|twins|siblings|brothers|sisters|stepkids|stepchildren)[ \t]*"
    r"\((?:aged[ \t]+)?(?P<list>\d{1,2}(?:[ \t]*(?:,|and|&)[ \t]*\d{1,2})+)\)",
    _I,
)
#: An age a life event happened at: "moved to Bristol from Oslo at 12", "came to Canada at 4",
#: "started drinking at 14", "diagnosed at 9", "an unplanned pregnancy at 42". Not a time: the
#: event is a move to a named place or a life event, and no clock, unit or meeting is near.
AGE_AT_EVENT_RE = re.compile(
    r"\b(?:(?:moved|came|emigrated|migrated|relocated|arrived|fled)(?:[ \t]+(?:over|here|back))?"
    r"[ \t]+(?:to|from|in)[ \t]+(?:the[ \t]+)?[A-Z]"
    r"|(?:diagnosed|died|passed[ \t]+away|sectioned|hospitali[sz]ed|adopted|fostered|orphaned|"
    r"widowed|married|pregnan(?:t|cy)|expelled|excluded|arrested|homeless|sexually[ \t]+abused|"
    r"abused|assaulted|ran[ \t]+away)\b"
    r"|(?:left|started|began|quit|stopped|dropped[ \t]+out[ \t]+of)[ \t]+(?:school|home|care|"
    r"college|education|drinking|using|smoking|vaping|self-harming|cutting|gambling|work)\b)"
    r"[^.;:!?\n]{0,60}?\bat[ \t]+(?P<n>\d{1,2})\b"
    r"(?![ \t]*(?:[.:]\d|am\b|pm\b|a\.m|p\.m|o['’]?clock|%|h\b|hrs?\b|mins?\b|minutes|weeks|"
    r"months|days|mg|ml|kg|st\b|stone|lbs?\b|th\b|st\b|nd\b|rd\b|/))",
    re.MULTILINE,
)
_NOT_LIFE_TIME_RE = re.compile(
    r"\b(?:today|tomorrow|tonight|yesterday|morning|afternoon|evening|session|meeting|appointment|"
    r"appt|call|group|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|"
    r"thu|thurs|fri|sat|sun|week|clock|lesson|class|shift|bus|train)\b",
    _I,
)
#: An age with its unit after a name, a closing bracket or quote: "Jan Nowak, 40 lat,",
#: '("Vicky"), 36 yrs,', "Tomasz (34 l.)": the unit makes a bare number an age.
AGE_WITH_UNIT_RE = re.compile(
    r"(?:(?<=[a-z)\"”’.]),[ \t]*|\([ \t]*|\b[Aa]ge[ \t]*[:=-]?[ \t]*)(?P<n>\d{1,3})[ \t]*(?P<u>lat\b|l\.|yrs?\b\.?|y/o|y\.o\.|yo\b|y\b(?![/.]))"
    r"(?=[ \t]*(?:[,;|)—–]|-[ \t]|$|old\b)|[ \t]{2,})",
    re.MULTILINE,
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
#: "Kathleen (18 months)", "baby girl (14 mo)", "amma (91 yrs)": an age with its unit in
#: brackets after a name or a child (not "sober (6 weeks)": the word before must say who).
UNIT_AGE_BRACKET_RE = re.compile(
    r"(?P<w>[^\W\d_]+)[ \t]*\((?P<a>\d{1,3}[ \t]*(?:months?|mths?|mos?|weeks?|wks?|yrs?|yo|y/o))"
    r"(?:[ \t]+old)?\)",
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
    yield from _foreign_dates(text, runs)
    if "'" in text or "’" in text:
        for m in APOSTROPHE_YEAR_RE.finditer(text):
            start = m.start("season") if m.group("season") else m.start("y")
            yield Identifier(start, m.end("y"), Category.DATE)
    for m in YEAR_SPAN_RE.finditer(text):
        a, b = int(m.group("a")), m.group("b")
        end_year = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if a < end_year <= a + 40:
            yield Identifier(m.start(), m.end(), Category.DATE)
    for m in YEAR_AFTER_EVENT_RE.finditer(text):
        if m.group().lower().startswith("again") and not re.search(
            r"\b(?:19|20)\d{2}\b", text[max(0, m.start() - 40) : m.start()]
        ):
            continue  # "again 2013" only after another year
        yield Identifier(m.start("d"), m.end("d"), Category.DATE)
    if "." in text:
        for m in DAY_DOT_MONTH_RE.finditer(text):
            yield Identifier(m.start("d"), m.end("d"), Category.DATE)
    yield from _more_dates(text)
    yield from _ages(text)
    yield from _codes(text)
    if "(" in text:
        yield from _handles(text)


def _handles(text: str) -> Iterator[Identifier]:
    for m in GAME_HANDLE_RE.finditer(text):
        yield Identifier(m.start("h"), m.end("h"), Category.HANDLE)
    for m in PLATFORM_LIST_RE.finditer(text):
        base = m.start("l")
        for h in re.finditer(r"@?[\w.]{3,30}", m.group("l")):
            if h.group() != "and":
                yield Identifier(base + h.start(), base + h.end(), Category.HANDLE)


def _more_dates(text: str) -> Iterator[Identifier]:
    for regex in (MONTH_FIRST_FOREIGN_RE, DAY_MONTH_SHORT_YEAR_RE, WEEK_OF_RE, MASKED_DATE_RE):
        for m in regex.finditer(text):
            yield Identifier(m.start(), m.end(), Category.DATE)
    for regex in (EVENT_YEAR_BRACKET_RE, EVENT_WORDS_YEAR_RE):
        for m in regex.finditer(text):
            yield Identifier(m.start("d"), m.end("d"), Category.DATE)
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


def _foreign_dates(text: str, runs: list[int]) -> Iterator[Identifier]:
    for m in FOREIGN_DATE_RE.finditer(text):
        found = m.group()
        if not any(c.isdigit() for c in found):
            continue
        if not re.search(r"[^\W\d_]{2,}|\b[IVX]+\b", found.replace("le ", "", 1)):
            continue  # digits alone
        stripped = found.rstrip(" \t,")
        if stripped.endswith(".") and not stripped[-2:-1].isalpha():
            stripped = stripped[:-1]  # a full stop after digits ends the sentence, not "déc."
        day_only = re.fullmatch(
            r"(?:[^\W\d_]+\.?,?[ \t]+)?(?:le[ \t]+)?\d{1,2}(?:er)?(?:\.\d{1,2})?", stripped, _I
        )
        if day_only is not None:
            head = stripped.split()[0].lower().rstrip(".,")
            # an English weekday with a bare day is planning ("next Mon 14"): ``patterns`` decides
            if _ENGLISH_WEEKDAY_RE.fullmatch(head) and "." not in stripped:
                continue
        end = m.start() + len(stripped)
        yield Identifier(m.start(), end, Category.DATE)


def _after_a_lower_word(text: str, pos: int) -> bool:
    """ "supply tech, 20 yrs": a length of service after a job, not an age after a name."""
    word = re.search(r"([^\W\d_]+)[ \t]*,[ \t]*$", text[max(0, pos - 30) : pos + 1])
    return word is not None and word.group(1).islower()


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    return not before or before[-1] in ".!?:\n-–—|"


def _ages(text: str) -> Iterator[Identifier]:
    if "(" in text:
        yield from _bracketed_ages(text)
    if " at " in text:
        for m in AGE_AT_EVENT_RE.finditer(text):
            around = text[m.start() : m.end("n") + 20]  # "moved to Leeds at 9 on Monday"
            if _NOT_LIFE_TIME_RE.search(around) is None:
                yield Identifier(m.start("n"), m.end("n"), Category.AGE)
    for m in DECADE_AGE_RE.finditer(text):
        yield Identifier(m.start(), m.end(), Category.AGE)
    for m in BABY_IS_RE.finditer(text):
        yield Identifier(m.start("a"), m.end("a"), Category.AGE)
    for m in AGE_WITH_UNIT_RE.finditer(text):
        if 0 < int(m.group("n")) <= 110 and not _after_a_lower_word(text, m.start()):
            yield Identifier(m.start("n"), m.end("u"), Category.AGE)


def _bracketed_ages(text: str) -> Iterator[Identifier]:
    """ "(Ola 12, Kuba 9)", "grandchildren (4, 8, 13)", "(ninety-three)", "Kathleen (18 months)"."""
    for m in NAME_AGE_LIST_RE.finditer(text):
        pairs = list(_NAME_AGE_RE.finditer(m.group("list")))
        if any(p.group(1).lower() in _NOT_PEOPLE for p in pairs):
            continue
        base = m.start("list")
        for p in pairs:
            yield Identifier(base + p.start(2), base + p.end(2), Category.AGE)
    for m in CHILDREN_BRACKET_RE.finditer(text):
        base = m.start("list")
        for n in re.finditer(r"\d{1,2}", m.group("list")):
            yield Identifier(base + n.start(), base + n.end(), Category.AGE)
    for m in WORD_AGE_BRACKET_RE.finditer(text):
        yield Identifier(m.start(), m.end(), Category.AGE)
    for m in UNIT_AGE_BRACKET_RE.finditer(text):
        word = m.group("w").lower()
        if word not in _DURATION_WORDS and (
            word in _CHILD_WORDS
            or (m.group("w")[0].isupper() and not _sentence_start(text, m.start("w")))
        ):
            yield Identifier(m.start("a"), m.end("a"), Category.AGE)


def _codes(text: str) -> Iterator[Identifier]:
    for m in MULTI_PART_CODE_RE.finditer(text):
        if _is_code(m.group()):
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
    for m in LETTER_DIGITS_RE.finditer(text):
        yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
    if "/" in text:
        for m in PREFIXED_SLASHED_RE.finditer(text):
            if m.group("p") not in _NOT_REGISTERS and not _valid_date(m.group("n")):
                yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
