"""Roads named by their number, as rural and small-town North American notes give a place.

"at the Sonic on Hwy 90", "her trailer, Rte 340 near ...", "home visit, FM 1338 outside ...",
"3375 US Route 60 E", "on BIA Route 2", "Lives Rd 72 off Ave 416": a highway, route, farm road
or numbered county road is where someone lives or works, and the development writers mark it
as an address. Only with a cue: a place preposition before it (on, off, at, near, along, by,
lives) or a house number, or a kind that is only ever a road (Hwy, Rte, FM). Not a bus route
("the Route 7 bus"), and not a bare "Road 2" or "Avenue 3" in a list.
"""

from __future__ import annotations

import re

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.identifier import Identifier

_KIND = r"(?:Hwy|Highway|Rte|Route|Rd|Road|Ave|Avenue|FM)"
_AGENCY = r"(?:US|U\.S\.|State|County|BIA|Interstate|I-)"
#: A road by its number, with an optional agency before and a compass letter after.
_ROAD = rf"(?:{_AGENCY}[ ]?)?{_KIND}\.?[ ]?\d{{1,4}}[A-Z]?(?:[ ][NSEW]\b)?"
_CUED_RE = re.compile(
    rf"(?:\b(?:on|off|at|near|along|by|[Ll]ives|[Ll]iving|onto|via)[ ](?:the[ ])?|\b\d{{2,5}}[ ])"
    rf"(?P<road>{_ROAD})(?![\w-])"
)
#: Kinds that name nothing but a road, found without a cue: "Hwy 90", "Rte 340", "FM 1338".
_ROAD_ONLY_RE = re.compile(r"\b(?:Hwy|Rte|FM)\.?[ ]?\d{1,4}\b(?:[ ][NSEW]\b)?")
_KIND_WORDS = ("Hwy", "Highway", "Rte", "Route", "Rd", "Road", "Ave", "Avenue", "FM")
_NOT_AFTER_RE = re.compile(r"[ ]+(?:bus|buses|train|line|service|coach)\b", re.IGNORECASE)


def road_numbers(text: str) -> list[Identifier]:
    """Numbered roads with their house number when one is written just before."""
    if not any(k in text for k in _KIND_WORDS) or not any(c.isdigit() for c in text):
        return []
    out: list[Identifier] = []
    for m in _CUED_RE.finditer(text):
        start, end = m.start("road"), m.end("road")
        if _NOT_AFTER_RE.match(text, end):
            continue
        number = re.search(r"\b\d{2,5}[ ]$", text[max(0, start - 6) : start])
        if number is not None:  # "3375 US Route 60 E": the house number is part of it
            start -= len(number.group())
        out.append(Identifier(start, end, Category.ADDRESS))
    for m in _ROAD_ONLY_RE.finditer(text):
        if not _NOT_AFTER_RE.match(text, m.end()):
            out.append(Identifier(m.start(), m.end(), Category.ADDRESS))
    return out
