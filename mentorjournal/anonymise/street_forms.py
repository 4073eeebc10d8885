"""Street addresses written the way the rest of the world writes them, and addresses in parts.

The English rules find "12 Mill Lane" and "4420 N 7th Ave". Notes about people in Wales,
Ireland, Poland, India, the Philippines, South Africa or continental Europe write the street
word first ("6 Heol y Nant", "ul. Kilińskiego 76/40", "16 rue Isambard", "aleja Konstytucji 3
Maja 205"), fuse it into the name ("Fynshovedvej 34", "Wiesenstrasse 138"), or name a colony
rather than a street ("45, Lajpat Nagar"). Addresses are also given in parts that other rules
find one by one and leave a part behind: "Plot 44, Edendale", "Blk 12 Lot 7, Ecol St.",
"Birley Fields, Block C, Flat 6". US notes give a street corner ("5th & Lehigh") and US
forces' mail its own shape ("PSC 3538, Box 6140, APO AP 28834").

``street_forms`` finds the shapes in a text; ``join_address_parts`` runs after the other rules
and makes one address of a unit ("Flat 6", "Plot 44", "Blk 12") and the named parts it is
written against, so no part of it is left in the text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import MONTHS, WEEKDAYS
from mentorjournal.anonymise.prefilter import finditer, search
from mentorjournal.anonymise.textutil import split_words

_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽŁŚŻŹĆŃÓ]"
_WORD = _CAP + r"[\w'’.-]*"
#: Small words inside a street's name: Welsh "y"/"yr", Irish "na"/"an", Romance "de la".
_LINK = r"(?:y|yr|na|an|de|del|de la|du|des|la|le|di|da|do|dos|das|e|i|von|van)"
#: Street words written before the name (case as written: lower-case "via" and "rue" are English).
_OPENERS = (
    r"Heol|Stryd|Ffordd|Lôn|Rhodfa|Cilgant|Bóthar|Bothar|Sráid|Sraid|Ascaill|Rue|Calle|Avenida|"
    r"Rua|Via|Viale|Corso|Piazza|Largo|Travessa|Trg|Strada|Carrer|Paseo|Camino|Cruce|Discesa|"
    r"Jalan|Jl\.|Boulevard|Chaussée|Ulica|ulica|ul\.|Ul\.|aleja|Aleja|al\.|Al\.|plac|Plac|pl\.|"
    r"Pl\.|osiedle|Osiedle|os\.|Os\."
)
#: The same after a house number, where lower case is unambiguous ("16 rue Isambard").
_OPENERS_AFTER_NUMBER = _OPENERS + r"|rue|calle|via|viale|corso|boulevard|avenida|rua|travessa"
_NAME_WORDS = (
    r"(?:"
    + _LINK
    + r"[ ])?"
    + _WORD
    + r"(?:[ ](?:"
    + _LINK
    + r"(?=[ ]"
    + _CAP
    + r")|"
    + _WORD
    + r"|\d{1,3}(?=[ ]"
    + _CAP
    + r")|[IVX]{1,4}(?=[ ]\d)))"
    + r"{0,3}"
)
_HOUSE = r"\d{1,5}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?"
#: "6 Heol y Nant", "16 rue Isambard", "12 Bóthar na Trá".
_NUMBER_FIRST_RE = re.compile(
    r"(?<![\w/.,-])" + _HOUSE + r",?[ ](?:" + _OPENERS_AFTER_NUMBER + r")[ ]" + _NAME_WORDS
)
#: "ul. Kilińskiego 76/40", "aleja Konstytucji 3 Maja 205", "Via Roma 131", "Heol y Nant".
_OPENER_FIRST_RE = re.compile(
    r"(?<![\w.])(?:"
    + _OPENERS
    + r")[ ]"
    + _NAME_WORDS
    + r"(?:[ ]\d{1,4}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?(?![\w/]))?"
)
_NUMBER_BEFORE_RE = re.compile(r"\d[A-Za-z]?,?[ ]$")
#: A street word fused into the name, with its number: "Fynshovedvej 34", "Zeppelinstr 70".
_FUSED_RE = re.compile(
    r"(?<![\w/.-])(?:\d{1,6}[ ])?" + _CAP + r"[\wæøåäöüß]{2,}?"
    r"(?:vej|vænget|gade|vegur|vegen|veien|gata|gatan|vägen|straße|strasse|str\.?|weg|laan|"
    r"straat|steeg|gracht|tie|katu|kuja|polku|utca|ulice|allee|gasse|platz|ring|damm|ufer)"
    r"[ ]\d{1,4}[a-z]?(?:/\d{1,4})?(?![\w/])"
)
#: Indian colonies and roads: "45, Lajpat Nagar", "12 MG Marg", "B-4 Vasant Vihar".
_INDIAN_RE = re.compile(
    r"(?<![\w/.-])(?:[A-Z]-?)?\d{1,5}[A-Z]?(?:/\d{1,4})?,?[ ](?:(?:[A-Z][a-z]+|[A-Z]{1,3})[ ]){1,3}"
    r"(?:Nagar|Colony|Enclave|Vihar|Marg|Layout|Puram|Bagh|Chowk|Extension|Extn\.?)\b"
)
#: British and Irish street words the English rules leave out: "14 Kirk Wynd", "3 Tolbooth Vennel".
_MORE_SUFFIX_RE = re.compile(
    r"(?<![\w/.-])\d{1,5}[A-Za-z]?,?[ ](?:[A-Z][a-z'’]+[ ]){1,3}"
    r"(?:Wynd|Vennel|Brae|Loan|Loaning|Gait|Chare|Croft|Fold|Garth|Chase|Quay|Wharf|Yard|Heights|"
    r"Meadows|Drove|Nook|Dene|Leys|Approach|Broadway|Circus|Mead|Orchard|Villas|Esplanade|"
    r"Promenade|Embankment|Crossing|Hollow|Ridge|Glen|Grange|Manor|Lawn|Lawns|Park)\b"
)
#: US forces' mail: "PSC 3538, Box 6140", "Unit 8601 Box 2955", then "APO AE 28834".
_MILITARY_RE = re.compile(
    r"\b(?:(?:PSC|CMR|Unit)[ ]\d{3,5},?[ ]Box[ ]\d{2,5}|(?:USNS|USNV|USS|USCGC)[ ][A-Z][a-z]+)"
    r"(?:,?\s{1,4}(?:APO|FPO|DPO)[ ](?:AA|AE|AP)[ ]\d{5})?"
)
#: "PO Box 1234", "P.O. Box 55", "Private Bag X9", "Locked Bag 7".
_PO_BOX_RE = re.compile(
    r"\b(?:P\.?[ ]?O\.?[ ]?Box|Post[ ]Office[ ]Box|Private[ ]Bag|Locked[ ]Bag)[ ]?[A-Z]?\d{1,6}\b"
)
_ORDINAL = r"\d{1,3}(?:st|nd|rd|th)"
_STREET_WORD = r"(?:St|Ave|Av|Blvd|Rd|Dr|Street|Avenue|Road|Boulevard|Pike)\b\.?"
#: "5th & Lehigh", "Broad and Erie" after "corner of", "5th and Main St".
_CORNER_RE = re.compile(
    r"(?P<cue>\b(?:corner|intersection)[ ]of[ ](?:the[ ])?)?"
    r"(?P<a>" + _ORDINAL + r"|" + _CAP + r"[a-z]+)(?:[ ]" + _STREET_WORD + r")?"
    r"[ ]?(?P<op>&|and)[ ]?"
    r"(?P<b>" + _ORDINAL + r"|" + _CAP + r"[a-z]+)(?P<suffix>[ ]" + _STREET_WORD + r")?"
)
#: Openers that are also English words: without a house number "Via Leeds" is a route.
_ENGLISH_OPENERS = ("Via ", "Boulevard ", "Largo ", "Camino ", "Strada ")
_NOT_STREETS = frozenset(WEEKDAYS) | frozenset(MONTHS) | {"the", "and", "or", "she", "he"}


#: Streets written in lower case after a word of movement: "walked down ladypool rd".
_LOWER_STREET_RE = re.compile(
    r"(?:\b(?:down|up|onto|into|past|along|on|off|near|from|to|at)|(?<![\w/.,-])\d{1,4}[a-z]?)[ ]"
    r"(?!(?:the|a|an|this|that|my|her|his|our|their|your|same|wrong|right|main|open|high|"
    r"long|busy|quiet|back|side|dirt|slip|ring|toll|b|memory|country|fast|slow|bus|cycle|bike|"
    r"middle|inside|outside|one|service|access|farm|private|next|other|each|every|new|old|its|"
    r"first|second|third|last|same|local|nearest|corner|end)[ ])"
    r"(?P<a>[A-Za-z][a-z'’-]+(?:[ ][a-z][a-z'’-]+){0,2}[ ](?:rd|ave|ln|cres|road|street|lane|avenue|"
    r"st|blvd|hwy)(?:[ ][nsew](?![\w'’]))?)"
    r"\b\.?"
)
_LOWER_STREET_WORD_RE = re.compile(
    r"(?<=[a-z] )(?:rd|ave|ln|cres|road|street|lane|avenue|st|blvd|hwy)\b(?![ ][A-Z][a-z])"
)
_LOWER_STREET_BASES = frozenset(split_words("rd ave ln cres road street lane avenue st blvd hwy"))
_NUMBERED_STREET_BASES = frozenset(split_words("ave avenue st street"))
_HOUSE_NUMBER_BEFORE_RE = re.compile(r"(?<![\w/.,-])\d{1,4}[a-z]?[ ]$")
#: "on 137 Ave", "Forest Lawn, 44 St SE": a numbered avenue or street, as western Canada writes.
_NUMBERED_STREET_RE = re.compile(
    r"(?:\b(?:on|off|at|near|along)[ ]|,[ ])(?P<a>\d{1,3}(?:st|nd|rd|th)?[ ](?:St|Ave|Avenue|Street)"
    r"(?:[ ](?:NE|NW|SE|SW|N|S|E|W)\b)?)(?![ ]?[A-Z][a-z]|[\w'’-])"
)
#: The street word first, in lower case, after "on"/"along": "works on rue Sainte-Catherine".
_LOWER_OPENER_RE = re.compile(
    r"\b(?:on|along|off|at|in|from)[ ](?P<a>(?:rue|calle|avenida|rua|boulevard|ulica)[ ]"
    + _NAME_WORDS
    + r")"
)
#: "on Usher's Island", "off Custom House Quay": a quay or an island one is on.
_ON_QUAY_RE = re.compile(
    r"\b(?:on|off|along)[ ](?P<a>(?:[A-Z][\w'’-]+[ ]){1,2}(?:Island|Quay|Wharf))\b"
)
#: Lower-case forms of the words each shape needs: a shape is only searched for when one is
#: in the note (a scan of the whole note per shape costs more than all the lookups).
_OPENER_BASES = frozenset(
    w.replace("\\", "").rstrip(".").lower() for w in _OPENERS_AFTER_NUMBER.split("|")
)
_INDIAN_BASES = frozenset(
    split_words("nagar colony enclave vihar marg layout puram bagh chowk extension extn")
)
_MORE_SUFFIX_BASES = frozenset(
    split_words("""wynd vennel brae loan loaning gait chare croft fold garth chase quay wharf yard
    heights meadows drove nook dene leys approach broadway circus mead orchard villas esplanade
    promenade embankment crossing hollow ridge glen grange manor lawn lawns park""")
)
_FUSED_ENDS = (
    "vej", "vænget", "gade", "vegur", "vegen", "veien", "gata", "gatan", "vägen", "straße",
    "strasse", "str", "weg", "laan", "straat", "steeg", "gracht", "tie", "katu", "kuja", "polku",
    "utca", "ulice", "allee", "gasse", "platz", "ring", "damm", "ufer",
)  # fmt: skip
_FUSED_TAILS = frozenset(e[-3:] for e in _FUSED_ENDS)
_ORDINAL_RE = re.compile(r"\d(?:st|nd|rd|th)\b")


def street_forms(text: str, bases: set[str]) -> list[Identifier]:
    """Addresses in the shapes above; each needs a digit or a distinctive street word.
    ``bases`` is the set of the note's tokens' lower-case forms."""
    found: list[Identifier] = []
    has_digit = any(c.isdigit() for c in text)
    if not bases.isdisjoint(_OPENER_BASES):
        if has_digit:
            found.extend(_spans(_NUMBER_FIRST_RE, text))
        found.extend(
            Identifier(m.start(), m.end(), Category.ADDRESS)
            for m in finditer(_OPENER_FIRST_RE, text)
            if (m.group()[-1].isdigit() or not m.group().startswith(_ENGLISH_OPENERS))
            and not _NUMBER_BEFORE_RE.search(text, max(0, m.start() - 4), m.start())
        )
    if ("&" in text and search(_ORDINAL_RE, text)) or (
        ("corner" in bases or "intersection" in bases) and " and " in text
    ):
        found.extend(_corners(text))
    if not bases.isdisjoint(_LOWER_STREET_BASES):
        found.extend(_lower_streets(text))
    if not bases.isdisjoint(_OPENER_BASES):
        found.extend(_spans(_LOWER_OPENER_RE, text, "a"))
    if "island" in bases or "quay" in bases or "wharf" in bases:
        found.extend(_spans(_ON_QUAY_RE, text, "a"))
    if not has_digit:
        return found
    if any(len(b) > 5 and b[-3:] in _FUSED_TAILS and b.endswith(_FUSED_ENDS) for b in bases):
        found.extend(_spans(_FUSED_RE, text))
    if not bases.isdisjoint(_INDIAN_BASES):
        found.extend(_spans(_INDIAN_RE, text))
    if not bases.isdisjoint(_MORE_SUFFIX_BASES):
        found.extend(_spans(_MORE_SUFFIX_RE, text))
    found.extend(_boxes_and_numbered_streets(text, bases))
    return found


def _boxes_and_numbered_streets(text: str, bases: set[str]) -> list[Identifier]:
    """US forces' mail, PO boxes and numbered avenues ("on 137 Ave"), each only when its word is
    in the note."""
    found: list[Identifier] = []
    if not bases.isdisjoint(_NUMBERED_STREET_BASES):
        found.extend(_spans(_NUMBERED_STREET_RE, text, "a"))
    if "box" in bases or "FPO" in text:
        found.extend(_spans(_MILITARY_RE, text))
    if "box" in bases or "bag" in bases:
        found.extend(_spans(_PO_BOX_RE, text))
    return found


def _lower_streets(text: str) -> list[Identifier]:
    """ "walked down ladypool rd": searched only in the few words before each street word."""
    out: list[Identifier] = []
    for word in finditer(_LOWER_STREET_WORD_RE, text):
        m = _LOWER_STREET_RE.search(text, max(0, word.start() - 40), word.end() + 3)
        if m is not None and m.end("a") in (word.end(), word.end() + 2):  # "barton st e"
            start = m.start("a")
            if (
                house := _HOUSE_NUMBER_BEFORE_RE.search(text, max(0, start - 6), start)
            ) is not None:
                start = house.start()  # "14 alma st": the house number is the address's
            out.append(Identifier(start, m.end("a"), Category.ADDRESS))
    return out


def _spans(regex: re.Pattern[str], text: str, group: int | str = 0) -> list[Identifier]:
    return [
        Identifier(m.start(group), m.end(group), Category.ADDRESS) for m in regex.finditer(text)
    ]


def _corners(text: str) -> list[Identifier]:
    out = []
    for m in finditer(_CORNER_RE, text):
        a, b = m.group("a"), m.group("b")
        if a.lower() in _NOT_STREETS or b.lower() in _NOT_STREETS:
            continue
        ordinal = [bool(re.fullmatch(_ORDINAL, x)) for x in (a, b)]
        if m.group("cue"):
            pass  # "the corner of Broad and Erie"
        elif m.group("suffix") and any(ordinal):
            pass  # "5th and Main St"
        elif m.group("op") == "&" and any(ordinal) and not all(ordinal):
            before = text[max(0, m.start() - 8) : m.start()].lower()
            if re.search(r"\b(?:the|on|of)\s*$", before):
                continue  # "on the 5th & Friday": a date, not a street
        else:
            continue
        out.append(Identifier(m.start("a"), m.end(), Category.ADDRESS))
    return out


#: A unit of an address: "Flat 6", "Plot 44", "Blk 12", "Block C", "Lot 7", "Stand 1234".
_UNIT_RE = re.compile(
    r"\b(?:Plot|Lot|Blk|Block|Bldg|Stand|Erf|Flat|Apt|Apartment|Unit|Suite|Ste|House|Hse|apt|unit|"
    r"suite|Level|Zone|Section|Phase)\.?"
    r"[ ]?(?:No\.?[ ]?)?(?:\d{1,5}[A-Za-z]?(?:/\d{1,4}[A-Za-z]?)?|[A-Z])(?![\w/])"
)
#: "3/45 Kent Street": the unit before the house number belongs to the address.
_UNIT_SLASH_RE = re.compile(r"(?<![\w/])\d{1,4}[A-Za-z]?/$")
#: "at 4 Coed-y-Brenin, Caerphilly": a house number before a named place, then its town.
_HOUSE_BEFORE_RE = re.compile(r"\b(?:at|to|from|address:?|is)[ ](?P<n>\d{1,4}[A-Za-z]?)[ ]$")
_TOWN_AFTER_RE = re.compile(r",[ ][A-Z]")
_UNIT_HINTS = ("Plot", "Lot", "Bl", "Bldg", "Stand", "Erf", "Flat", "Apt", "Apartment", "Unit",
               "Suite", "Ste", "House", "Hse", "apt", "unit", "suite", "Level", "Zone",
               "Section", "Phase")  # fmt: skip
_JOINABLE = frozenset({Category.ADDRESS, Category.PLACE, Category.ORGANISATION, Category.NAME})
_JOINER_RE = re.compile(r"(?:,[ ]?|[ ]|[ ]?-[ ]?)$")


def _house_numbers(text: str, found: list[Identifier]) -> list[Identifier]:
    """An address takes the unit written before its number ("3/45 Kent Street"); a named place
    after "at 4" and before ", Town" is an address with its number ("at 4 Coed-y-Brenin,
    Caerphilly")."""
    out: list[Identifier] = []
    for ident in found:
        start = ident.start
        if ident.category is Category.ADDRESS and text[start : start + 1].isdigit():
            slash = _UNIT_SLASH_RE.search(text, max(0, start - 6), start)
            rating = text.startswith(("10 ", "5 "), start)  # "mood 3/10 Kent Street"
            start = slash.start() if slash is not None and not rating else start
        elif (
            ident.category in (Category.PLACE, Category.ORGANISATION)
            and not ident.known
            and text[start - 1 : start] == " "
            and text[start - 2 : start - 1].isalnum()
            and _TOWN_AFTER_RE.match(text, ident.end)
        ):
            house = _HOUSE_BEFORE_RE.search(text, max(0, start - 16), start)
            if house is not None:
                out.append(Identifier(house.start("n"), ident.end, Category.ADDRESS))
                continue
        out.append(ident if start == ident.start else replace(ident, start=start))
    return out


def join_address_parts(text: str, found: list[Identifier]) -> list[Identifier]:
    """One address from a unit and the named parts written against it.

    ``found`` is sorted and disjoint. A group is a run of units and found spans (an address, a
    place, an organisation or a name nobody knows) joined by a comma or a space; a group that
    holds a unit and at least one other part becomes one address. A postcode after it stays
    its own (the postcode rules run on the result).
    """
    if not any(c.isdigit() for c in text) and "Block" not in text:
        return found
    found = _house_numbers(text, found)
    if not any(w in text for w in _UNIT_HINTS):
        return found
    units = [(m.start(), m.end()) for m in finditer(_UNIT_RE, text)]
    if not units:
        return found
    parts: list[tuple[int, int, Identifier | None]] = [
        (i.start, i.end, i) for i in found if i.category in _JOINABLE and not i.known
    ]
    for s, e in units:
        if not any(i.start <= s and e <= i.end for i in found):
            parts.append((s, e, None))
    parts.sort(key=lambda p: (p[0], -p[1]))
    groups: list[list[tuple[int, int, Identifier | None]]] = []
    for part in parts:
        if groups:
            last = groups[-1]
            end = max(p[1] for p in last)
            gap = text[end : part[0]]
            if part[0] < end or (len(gap) <= 3 and _JOINER_RE.fullmatch(gap)):
                last.append(part)
                continue
        groups.append([part])
    merged: list[Identifier] = []
    absorbed: set[Identifier] = set()
    for group in groups:
        has_unit = any(p[2] is None or _UNIT_RE.fullmatch(text[p[0] : p[1]]) for p in group)
        if len(group) < 2 or not has_unit:
            continue
        start = min(p[0] for p in group)
        end = max(p[1] for p in group)
        merged.append(Identifier(start, end, Category.ADDRESS))
        absorbed.update(p[2] for p in group if p[2] is not None)
    if not merged:
        return found
    out = [i for i in found if i not in absorbed] + merged
    return sorted(out, key=lambda i: i.start)
