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
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import is_must_keep
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
        if not bases.isdisjoint(_LANDMARK_BASES):
            for m in _LANDMARK_RE.finditer(text):
                out.append(Identifier(m.start("l"), m.end("l"), Category.PLACE, role="town"))
        if "campus" in bases:
            for m in _CAMPUS_RE.finditer(text):
                p = m.group("p")
                if p.split()[0].lower() in _GENERIC_CAMPUS or is_must_keep(p):
                    continue
                out.append(Identifier(m.start("p"), m.end("p"), Category.PLACE, role="town"))
        if not bases.isdisjoint(_CEMETERY_BASES):
            for m in _CEMETERY_RE.finditer(text):
                first = m.group("c").split()[0].lower()
                if first in ("the", "a", "our", "her", "his", "their", "my"):
                    continue
                out.append(Identifier(m.start("c"), m.end("c"), Category.PLACE, role="town"))
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
        for m in _BRACKET_RE.finditer(text):
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
