"""Places the town rule leaves: counties, towns in brackets, named seafronts, campuses, cemeteries.

The town rule takes a listed town after a place word ("in", "from", "near") and refuses one
that is also a word or a first name without it, and one that opens a sentence (a capital
there proves nothing; "(" counts as an opening). What it then misses, in notes written by
people who never saw the rules:

- counties, Irish ones above all, named without a preposition ("the other Mayo girls",
  "52 - Limerick - Moyross", "Co. Mayo"): a county is a small enough area to identify;
- a town in brackets after a street or a venue ("Dalry Road (Edinburgh)");
- a named seafront or quarter after "the" ("along the Esplanade", "the Strand");
- a campus named by its place ("Strand campus", "Llandaff campus");
- a cemetery or crematorium with its name ("City Cemetery").
"""

from __future__ import annotations

import re

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import looks_like_typo
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import is_must_keep
from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.proper_nouns import dictionary_words
from mentorjournal.anonymise.textutil import Token, split_words

#: The 32 counties of Ireland and the counties, shires and council areas of Britain that are
#: not also common first names (those need "Co."/"County" or a place word).
COUNTIES = frozenset(
    split_words(
        """antrim armagh carlow cavan cork donegal dublin fermanagh galway kildare kilkenny laois
    leitrim limerick longford louth mayo meath monaghan offaly roscommon sligo tipperary tyrone
    waterford westmeath wexford wicklow
    bedfordshire berkshire buckinghamshire cambridgeshire cheshire cornwall cumbria derbyshire
    dorset essex gloucestershire hampshire herefordshire hertfordshire lancashire
    leicestershire lincolnshire merseyside norfolk northamptonshire northumberland
    nottinghamshire oxfordshire rutland shropshire somerset staffordshire suffolk surrey sussex
    warwickshire wiltshire worcestershire yorkshire teesside tyneside wearside
    aberdeenshire angus argyll ayrshire berwickshire caithness clackmannanshire dumfriesshire
    dunbartonshire fife inverclyde kincardineshire lanarkshire lothian midlothian morayshire
    perthshire renfrewshire roxburghshire selkirkshire stirlingshire
    anglesey carmarthenshire ceredigion conwy denbighshire flintshire glamorgan gwent gwynedd
    monmouthshire pembrokeshire powys"""
    )
)
#: Counties that are also first names or words: only after "Co."/"County" or a place word.
_SHY_COUNTIES = frozenset(
    {"clare", "kerry", "down", "derry", "kent", "durham", "moray", "angus", "devon", "sutherland"}
)
_PLACE_WORDS = frozenset({"in", "from", "near", "to", "around", "across", "of", "outside"})
_ALL_COUNTIES = COUNTIES | _SHY_COUNTIES
_BRACKET_RE = re.compile(r"\((?P<town>[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+){0,2})(?=[),])")
#: A seafront, riverside or quarter a town is known by, written with "the".
_LANDMARK_RE = re.compile(
    r"\b(?:the|The)[ ](?P<l>Esplanade|Promenade|Strand|Embankment|Boardwalk|Waterfront|Quays?|"
    r"Foreshore|Seafront|Corniche|Shambles|Headland|Marina|Meadows|Downs|Backs|Bullring|"
    r"Lanes|Cathedral Quarter|Northern Quarter|Jewellery Quarter)\b"
)
_LANDMARK_BASES = frozenset(
    split_words("""esplanade promenade strand embankment boardwalk waterfront quay quays foreshore
    seafront corniche shambles headland marina meadows downs backs bullring lanes quarter""")
)
_CEMETERY_BASES = frozenset(
    split_words("cemetery crematorium graveyard churchyard memorial burial")
)
_LOWER_PLACE_CUES = frozenset(split_words("from in near"))
#: "in Mount Florida", "from Port Talbot", "near Fort William": a place whatever follows.
_PREFIX_BASES = frozenset(split_words("mount mt port fort"))
_PREFIXED_PLACE_RE = re.compile(
    r"\b(?:in|from|near|to|at|around|outside|towards)[ ]"
    r"(?P<p>(?:Mount|Mt\.?|Port|Fort)[ ][A-Z][\w'’-]+)"
)
#: "on Bettws estate", "from the Ely estate": a housing estate named by its place.
_ESTATE_RE = re.compile(
    r"\b(?:on|in|from|off|near|round|around)[ ](?:the[ ])?"
    r"(?P<p>[A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?)[ ]estate\b"
)
#: A town found by another rule runs on over the seafront or beach named after it
#: ("Frankston foreshore") and over the Irish article before it ("An Spidéal").
_PLACE_TAIL_RE = re.compile(
    r"[ ](?:foreshore|beach|pier|promenade|prom|seafront|esplanade|harbour|harbor|marina|quay|"
    r"waterfront|boardwalk|front|docks|bay)\b"
)
_NEXT_TOWN_RE = re.compile(r",[ ](?P<t>[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+)?)(?![\w'’-])")
_CODE_OR_END_RE = re.compile(r",?[ ]?(?:\d{4,6}\b|[A-Z]{2,3}[ ]\d{4}\b|[.;]?[ ]*$|[.;]?[ ]*\n)")
_PLACE_OR_NAME = (Category.PLACE, Category.NAME)
_PLACE_HEAD_RE = re.compile(r"\bAn[ ]$")
_TITLES = frozenset(split_words("mr mrs ms miss mx dr prof sir dame rev fr"))
_HEADING_DASH_RE = re.compile(r"[ ][-–—][ ]")
#: A dash between a line's parts ("Recovery mentor - Stirling - Tues"), not a hyphen in a word.
_DASH_BEFORE_RE = re.compile(r"(?:^|\s)[-–—][ ]$")


def extend_places(text: str, found: list[Identifier]) -> list[Identifier]:
    """Places (and unknown names that are places) with their seafront or their Irish article."""
    out = []
    for ident in found:
        start, end, category, role = ident.start, ident.end, ident.category, ident.role
        if category is Category.PLACE and not ident.known and text[end : end + 1] == " ":
            tail = _PLACE_TAIL_RE.match(text, end)
            end = tail.end() if tail is not None else end
        if category in _PLACE_OR_NAME and not ident.known and text[start - 3 : start] == "An ":
            head = _PLACE_HEAD_RE.search(text, max(0, start - 3), start)
            if head is not None and not _opens_sentence(text, head.start()):
                start, category, role = head.start(), Category.PLACE, "town"
        same = (start, end, category) == (ident.start, ident.end, ident.category)
        out.append(ident if same else Identifier(start, end, category, None, role))
    return out


_CAMPUS_RE = re.compile(
    r"\b(?P<p>[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+)?|[A-Z]{2,5})[ ](?:campus|Campus)\b"
)
_GENERIC_CAMPUS = frozenset(
    split_words(
        """main north south east west central city new old upper lower university college the this
    that our her his their my a one each every other whole same home online virtual"""
    )
)
_CEMETERY_RE = re.compile(
    r"\b(?P<c>(?:St\.?[ ])?(?:[A-Z][a-z'’]+[ ]){1,3}(?:Cemetery|Crematorium|Graveyard|"
    r"Churchyard|Memorial Park|Burial Ground))\b"
)


_DETERMINERS = frozenset(split_words("the a our her his their my"))
#: Shapes tried only when one of their words is in the note: (words, regex, group, first
#: words that make it no name: "the cemetery", "main campus").
_NAMED_PLACE_SHAPES: tuple[tuple[frozenset[str], re.Pattern[str], str, frozenset[str]], ...] = (
    (_LANDMARK_BASES, _LANDMARK_RE, "l", frozenset()),
    (_PREFIX_BASES, _PREFIXED_PLACE_RE, "p", frozenset()),
    (frozenset({"estate"}), _ESTATE_RE, "p", frozenset()),
    (frozenset({"campus"}), _CAMPUS_RE, "p", _GENERIC_CAMPUS | _DETERMINERS),
    (_CEMETERY_BASES, _CEMETERY_RE, "c", _DETERMINERS),
)


class PlaceForms:
    """Finds the place shapes above; built once per detector (it keeps the gazetteers)."""

    def __init__(self, gazetteers: Gazetteers) -> None:
        self._g = gazetteers

    def find(self, text: str, tokens: list[Token], bases: set[str]) -> list[Identifier]:
        """``bases`` is the set of ``tokens``' lower-case forms."""
        out: list[Identifier] = []
        if not bases.isdisjoint(_ALL_COUNTIES):
            out.extend(self._counties(text, tokens))
        if "(" in text:
            out.extend(self._bracketed_towns(text))
        if not bases.isdisjoint(_LOWER_PLACE_CUES):
            out.extend(self._lower_places(tokens))
        out.extend(self._header_towns(text, tokens))
        for hints, regex, group, stop in _NAMED_PLACE_SHAPES:
            if bases.isdisjoint(hints):
                continue
            for m in regex.finditer(text):
                p = m.group(group)
                first = p.split(maxsplit=1)[0].lower()
                if first in stop or is_must_keep(p):
                    continue  # "the cemetery", "main campus", a kept service
                out.append(Identifier(m.start(group), m.end(group), Category.PLACE, role="town"))
        return out

    def towns_after_places(self, text: str, found: list[Identifier]) -> list[Identifier]:
        """ "Newtown, Wellington 6021": a listed town written after a place and a comma is a
        town, even one that is also a word; ``found`` is sorted and disjoint."""
        out = list(found)
        for k, ident in enumerate(found):
            if ident.category is not Category.PLACE or text[ident.end : ident.end + 2] != ", ":
                continue
            m = _NEXT_TOWN_RE.match(text, ident.end)
            key = m.group("t").lower() if m is not None else ""
            if m is None or key not in self._g.towns:
                continue
            shy = key in self._g.town_words or key.split()[0] in self._g.first_names
            if shy and not _CODE_OR_END_RE.match(text, m.end("t")):
                continue  # "Leeds, Reading and Bath", "Leeds, Will came": needs its code or end
            if k + 1 < len(found) and found[k + 1].start < m.end("t"):
                continue
            if is_must_keep(m.group("t")):
                continue
            out.append(Identifier(m.start("t"), m.end("t"), Category.PLACE, role="town"))
        return sorted(out, key=lambda i: i.start) if len(out) > len(found) else found

    def _header_towns(self, text: str, tokens: list[Token]) -> list[Identifier]:
        """ "dundee - quick one", "Recovery mentor - Stirling - Tues", "youth mentor winnipeg":
        a listed town in a note's first line, or after a dash that separates a line's parts,
        is where the note happens, whatever its case and with no preposition before it. Only
        a town that is no word and no first name ("Reading", "Hope", "anchorage" need a cue);
        in lower case, also no dictionary word."""
        g = self._g
        first_line_end = text.find("\n", len(text) - len(text.lstrip()))
        if first_line_end < 0:  # one line: its heading is what comes before a dash, if any
            dash = _HEADING_DASH_RE.search(text, 0, 80)
            first_line_end = dash.start() if dash is not None else 0
        out: list[Identifier] = []
        k = 0
        while k < len(tokens):
            tok = tokens[k]
            in_header = tok.start < first_line_end
            if not in_header and not _DASH_BEFORE_RE.search(text, max(0, tok.start - 3), tok.start):
                k += 1
                continue
            lengths = g.town_lengths.get(tok.base)
            if not lengths or tok.text.isupper() or (k and tokens[k - 1].base in _TITLES):
                k += 1  # "Mr Thornbury" is a person, whatever town shares the name
                continue
            for n in lengths:
                last = k + n - 1
                if last >= len(tokens):
                    continue
                phrase = text[tok.start : tokens[last].end]
                key = phrase.lower()
                if (
                    key not in g.towns
                    or key in g.town_words
                    or key.split()[0] in g.first_names
                    or is_must_keep(phrase)
                    or "\n" in phrase
                ):
                    continue
                if phrase.islower() and any(w in dictionary_words() for w in key.split()):
                    continue
                if not (phrase.islower() or all(t.capitalised for t in tokens[k : last + 1])):
                    continue
                out.append(Identifier(tok.start, tokens[last].end, Category.PLACE, role="town"))
                k = last
                break
            k += 1
        return out

    def _lower_places(self, tokens: list[Token]) -> list[Identifier]:
        """ "the bus from pollok": a lower-case word no word list has after "from"/"in"/"near"
        (five letters or more: "from hosp", "in sesh" are clipped words, not places)."""
        g = self._g
        out: list[Identifier] = []
        for k in [k for k, t in enumerate(tokens[:-1]) if t.base in _LOWER_PLACE_CUES]:
            prev, tok = tokens[k], tokens[k + 1]
            base = tok.base
            if (
                tok.text.islower()
                and len(base) >= 5
                and tok.end - prev.end == len(tok.text) + 1
                and base not in g.common_words
                and not all(part in g.common_words for part in base.split("-"))  # "home-home"
                and base not in g.first_names
                and not is_must_keep(base)
                and not looks_like_typo(base, g.common_words)
                and any(c in "aeiou" for c in base)
            ):
                out.append(Identifier(tok.start, tok.end, Category.PLACE, role="town"))
        return out

    def _counties(self, text: str, tokens: list[Token]) -> list[Identifier]:
        out: list[Identifier] = []
        for k, tok in enumerate(tokens):
            if tok.base not in _ALL_COUNTIES or not tok.capitalised:
                continue
            start, end = tok.start, tok.end
            before = tokens[k - 1] if k else None
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if before is not None and before.text in ("Co", "County", "Contae"):
                gap = text[before.end : tok.start]
                cued = gap in (" ", ". ")
                start = before.start if cued else start
            elif (
                after is not None
                and after.text in ("Co", "County")
                and text[end : after.start] == " "
            ):
                cued, end = True, after.end + (text[after.end : after.end + 1] == ".")
            else:
                cued = False
            if not cued:
                words = re.findall(r"[A-Za-z]+", text[max(0, start - 24) : start])
                place_word = bool(words) and words[-1].lower() in _PLACE_WORDS
                if tok.base in _SHY_COUNTIES and not place_word:
                    continue
                if not place_word and _opens_sentence(text, start):
                    continue  # "Cork" opening a sentence may be anything; mid-line it is a place
            out.append(Identifier(start, end, Category.PLACE, role="town"))
        return out

    def _bracketed_towns(self, text: str) -> list[Identifier]:
        g = self._g
        out: list[Identifier] = []
        for m in finditer(_BRACKET_RE, text):
            town = m.group("town")
            key = town.lower()
            first = key.split()[0]
            if (
                key not in g.towns
                or key in g.town_words
                or first in g.first_names
                or is_must_keep(town)
            ):
                continue
            out.append(Identifier(m.start("town"), m.end("town"), Category.PLACE, role="town"))
        return out


def _opens_sentence(text: str, pos: int) -> bool:
    """True at the start of the text, a line or a sentence (not after a dash or a bracket)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in '.!?\n:;"“'
