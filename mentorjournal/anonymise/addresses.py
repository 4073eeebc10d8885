"""Street addresses written the North American way, and postal codes written after a place.

Notes from the US and Canada give addresses as "4420 N 7th Ave #12", "2318 Campbellton Rd SW
Apt C4" or "5830 Granite Pkwy Ste 100": a number, an optional direction, a numbered or named
street, an abbreviated street word, an optional quadrant and a unit. The other rules find the
street and leave the number, the quadrant or the unit behind, and a half-removed address still
identifies. Postal codes of Australia, New Zealand, South Africa and the Philippines (four
digits), India (six) and Canada ("M9M 2G2") are only told from other numbers by where they
stand: straight after an address or a town ("7 Grey Street, 3216", "Cebu City 6000").
"""

from __future__ import annotations

import re

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import MONTHS, WEEKDAYS, is_must_keep
from mentorjournal.anonymise.prefilter import finditer

_SUFFIX = (
    r"(?:St|Ave|Av|Blvd|Rd|Dr|Pkwy|Pky|Ln|Way|Ct|Pl|Hwy|Ter|Terr|Cir|Sq|Trl|Loop|Run|Pike|"
    r"Street|Avenue|Boulevard|Road|Drive|Parkway|Lane|Court|Place|Highway|Terrace|Circle)\.?"
)
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
_UNIT = (
    r"(?:,?[ ]?#[ ]?\w{1,6}|,?[ ](?:Apt|Apartment|Ste|Suite|Unit|Fl|Floor|Rm|Room)\.?[ ]?#?\w{1,6})"
)
#: "1450 E 10th St", "2318 Campbellton Rd SW Apt C4", "35 Jarvis St, #1207", "13562 72 Ave".
STREET_RE = re.compile(
    r"(?<![\w/.-])\d{1,6}(?:-\d{1,6})?[A-Za-z]?[ ]"
    r"(?:" + _DIRECTION + r"[ ])?"
    r"(?:\d{1,4}(?:st|nd|rd|th)?|[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+){0,3})[ ]"
    + _SUFFIX
    + r"(?![\w])(?:[ ]"
    + _DIRECTION
    + r"(?![\w]))?"
    + _UNIT
    + r"?"
)
_STATE = r"(?:[A-Z]{2,3}|Qld|Vic|Tas)"
#: A postal code straight after an address or a town, with an optional state or province.
_CODE_AFTER_RE = re.compile(
    r",?[ ](?:" + _STATE + r",?[ ])?(?P<code>"
    r"[A-Z]\d[A-Z][ ]?\d[A-Z]\d"  # Canada
    r"|(?!19[5-9]\d|20[0-3]\d)\d{4}"  # Australia, New Zealand, South Africa, Philippines
    r"|\d{6}"  # India, Nigeria
    r")(?![\w/:-]|[.,]\d|\.\w|[ ]\d)"  # not the start of a phone number ("Dublin 1800 247 247")
)


#: A town after a street, before a state code or a postal code.
_TOWN_AFTER_RE = re.compile(
    r",[ ](?P<town>[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+){0,2})(?=,?[ ](?:[A-Z]{2}\b|\d{4,6}\b|[A-Z]{1,2}\d))"
)


def street_addresses(text: str) -> list[Identifier]:
    """Numbered streets with their direction, quadrant and unit."""
    if not any(c.isdigit() for c in text):
        return []
    return [Identifier(m.start(), m.end(), Category.ADDRESS) for m in finditer(STREET_RE, text)]


def codes_after_places(text: str, found: list[Identifier]) -> list[Identifier]:
    """Postal codes written straight after an address or a town found by another rule, and
    the town between an address and its state or code ("4420 N 7th Ave, Phoenix, AZ 85013")."""
    out: list[Identifier] = []
    for ident in found:
        if ident.category not in (Category.ADDRESS, Category.PLACE):
            continue
        end = ident.end
        t = _TOWN_AFTER_RE.match(text, end) if ident.category is Category.ADDRESS else None
        if (
            t is not None
            and not is_must_keep(t.group("town"))
            and (t.group("town").split()[0].lower() not in WEEKDAYS | MONTHS.keys())
        ):
            out.append(Identifier(t.start("town"), t.end("town"), Category.PLACE, None, "town"))
            end = t.end("town")
        m = _CODE_AFTER_RE.match(text, end)
        if m is not None:
            out.append(Identifier(m.start("code"), m.end("code"), Category.POSTCODE))
    return out
