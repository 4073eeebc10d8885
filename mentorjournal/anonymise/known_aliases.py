"""Other names a KNOWN place goes by, derived from the vault's own record of it.

A place the vault knows is the one failure that costs most when missed, and notes rarely write
it the way the vault stores it. From the stored name alone we derive:

- the university's two letters ("UJ" for Uniwersytet Jagielloński, "UI" for University of
  Ibadan): only for "University of X" and its translations, never a common acronym ("UC");
- initials that keep "and" and "The" ("CUSAT" for Cochin University of Science and Technology,
  "TUoS" for (The) University of Sheffield);
- initials of the first words with the rest spelled out ("UP Diliman", "SA Food Bank");
- the university's name turned round or translated ("Prifysgol Bangor", "Uni of Bangor",
  "Bangor Uni" for Bangor University) and the Nigerian "Uni" + town ("Unilag", "Uniben");
- the clipping of a long one-word name ("Wits" for Witwatersrand, "Killie" for Kilmarnock);
- the nickname a town is widely known by ("Boro" for Middlesbrough, "Brum", "Jozi", "Philly"),
  from a short list of well-known ones (public common knowledge, no personal data).

Every form counts only when the vault knows the place: "Boro" is not removed from a note about
a mentee who never had Middlesbrough recorded.
"""

from __future__ import annotations

import re

from mentorjournal.anonymise.textutil import split_words

#: Words that mean "university" in the languages the notes use (first word of the name).
_UNIVERSITY_WORDS = frozenset(
    split_words("""university uniwersytet universidad université universite universität universitat
    universiteit università universita universidade prifysgol ollscoil""")
)
#: Words an acronym leaves out (they are written in full or skipped).
_SKIP = frozenset(split_words("of the and for at in on de la le du des del di da do dos das"))

#: Well-known nicknames of towns and cities (common knowledge, no personal data), keyed by the
#: lower-case town. Short forms that are also everyday abbreviations ("LA" a local authority,
#: "PE" physical education, "SA", "TO") are left out: too many notes use them as such.
TOWN_NICKNAMES: dict[str, tuple[str, ...]] = {
    # England
    "middlesbrough": ("Boro", "the Boro", "Smoggy"),
    "birmingham": ("Brum",),
    "doncaster": ("Donny",),
    "portsmouth": ("Pompey",),
    "southampton": ("Soton",),
    "huddersfield": ("Hudds",),
    "scunthorpe": ("Scunny",),
    "peterborough": ("P'boro", "Pboro"),
    "nottingham": ("Notts",),
    "manchester": ("Manny", "Manc"),
    "newcastle": ("Toon", "Newcy"),
    "newcastle upon tyne": ("Toon", "Newcy"),
    "gateshead": ("Gatey",),
    "wolverhampton": ("Wolvo",),
    "bournemouth": ("Bmth",),
    "coventry": ("Cov",),
    "liverpool": ("Pool", "Scouseland"),
    "bristol": ("Brizzle",),
    "brighton": ("Brighton and Hove",),
    # Scotland
    "kilmarnock": ("Killie",),
    "edinburgh": ("Embra", "Edinbra", "Auld Reekie"),
    "glasgow": ("Glesga", "Glasgae", "Weegie"),
    "fraserburgh": ("the Broch",),
    "kirkcaldy": ("Kirky",),
    # Wales (Welsh names)
    "cardiff": ("Caerdydd",),
    "swansea": ("Abertawe",),
    "wrexham": ("Wrecsam",),
    "newport": ("Casnewydd",),
    "carmarthen": ("Caerfyrddin",),
    "brecon": ("Aberhonddu",),
    "abergavenny": ("Y Fenni",),
    "bridgend": ("Pen-y-bont",),
    "merthyr tydfil": ("Merthyr Tudful", "Merthyr"),
    "neath": ("Castell-nedd",),
    # Ireland and Northern Ireland
    "londonderry": ("Derry", "Stroke City"),
    "derry": ("Londonderry", "Stroke City"),
    "dún laoghaire": ("Dunleary", "Dun Laoghaire"),
    "dun laoghaire": ("Dunleary", "Dún Laoghaire"),
    # India (old and new names)
    "mumbai": ("Bombay",),
    "bombay": ("Mumbai",),
    "chennai": ("Madras",),
    "madras": ("Chennai",),
    "kolkata": ("Calcutta",),
    "calcutta": ("Kolkata",),
    "bengaluru": ("Bangalore", "Blr"),
    "bangalore": ("Bengaluru", "Blr"),
    "kochi": ("Cochin",),
    "cochin": ("Kochi",),
    "thiruvananthapuram": ("Trivandrum", "TVM"),
    "pune": ("Poona",),
    "gurugram": ("Gurgaon",),
    "gurgaon": ("Gurugram",),
    # Poland
    "kraków": ("Cracow", "Krakow"),
    "warszawa": ("Warsaw",),
    "warsaw": ("Warszawa",),
    # Nigeria, South Africa, Kenya
    "lagos": ("Lasgidi", "Gidi", "Eko"),
    "port harcourt": ("Pitakwa",),
    "johannesburg": ("Jozi", "Joburg", "Jo'burg", "Egoli"),
    "pietermaritzburg": ("Maritzburg",),
    "durban": ("Durbs", "eThekwini"),
    "gqeberha": ("Port Elizabeth",),
    "port elizabeth": ("Gqeberha",),
    "nairobi": ("Nai", "Nairobbery"),
    # Australia and New Zealand
    "brisbane": ("Brissie", "Brisvegas"),
    "townsville": ("Towns",),
    "wollongong": ("the Gong",),
    "fremantle": ("Freo",),
    "rockhampton": ("Rocky",),
    "bundaberg": ("Bundy",),
    "wagga wagga": ("Wagga",),
    "melbourne": ("Melb", "Melbs"),
    "wellington": ("Welly", "Wellywood"),
    "christchurch": ("Chch", "Chchch"),
    "taranaki": ("the Naki",),
    # United States and Canada
    "philadelphia": ("Philly",),
    "new orleans": ("NOLA",),
    "las vegas": ("Vegas",),
    "los angeles": ("L.A.",),
    "new york": ("NYC", "the Big Apple"),
    "new york city": ("NYC", "the Big Apple"),
    "san francisco": ("Frisco", "San Fran"),
    "chicago": ("Chi-town", "Chitown", "Chi-Town"),
    "atlanta": ("ATL", "the A"),
    "indianapolis": ("Indy",),
    "cincinnati": ("Cincy",),
    "columbus": ("Cbus",),
    "albuquerque": ("ABQ", "Burque"),
    "kansas city": ("KC",),
    "oklahoma city": ("OKC",),
    "salt lake city": ("SLC",),
    "san antonio": ("San Antone", "S.A."),
    "minneapolis": ("Mpls",),
    "toronto": ("T.O.", "the 6ix", "the Six", "T-dot"),
    "winnipeg": ("the Peg", "Winterpeg"),
    "montreal": ("MTL",),
    "montréal": ("MTL",),
    "vancouver": ("Vancity",),
    "halifax": ("Hali",),
}

_VOWELS = frozenset("aeiouy")


def _words(name: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", name)


def _letter(word: str) -> str:
    return word if word.isupper() and len(word) <= 4 else word[0].upper()


def university_town(name: str) -> str:
    """The town or name a university is called after: "Lagos" for University of Lagos,
    "Bangor" for Bangor University, "Jagielloński" for Uniwersytet Jagielloński; "" otherwise."""
    words = _words(name)
    while words and words[0].lower() == "the":
        words = words[1:]
    if len(words) >= 2 and words[0].lower() in _UNIVERSITY_WORDS:
        rest = [w for w in words[1:] if w.lower() not in _SKIP]
        return " ".join(rest)
    if len(words) >= 2 and words[-1].lower() == "university":
        return " ".join(words[:-1])
    return ""


def extra_acronyms(name: str, common: frozenset[str]) -> list[str]:
    """Initials matched with their exact capitals, beyond ``place_acronyms``: the two letters of
    "University of X"; initials keeping "and" (CUSAT) and a "The" before "University of"
    (TUoS); the first words' initials before the rest spelled out ("UP Diliman", "SA Food
    Bank"). ``common`` holds acronyms that mean something else ("UC", "US")."""
    words = _words(name)
    if len(words) < 2:
        return []
    out: list[str] = []
    lowered = [w.lower() for w in words]
    content = [w for w in words if w.lower() not in _SKIP]
    if lowered[0] in _UNIVERSITY_WORDS and len(content) == 2:
        out.append("U" + _letter(content[1]))  # "UJ", "UI", "UW"
    if "and" in lowered:
        out.append(
            "".join(_letter(w) for w in words if w.lower() not in _SKIP or w.lower() == "and")
        )
    if lowered[0] == "university" and len(words) >= 3 and lowered[1] == "of":
        rest = "".join(_letter(w) for w in words[2:] if w.lower() not in _SKIP)
        out.append("TUo" + rest)  # "The University of Sheffield" -> TUoS
    for k in range(2, len(words)):
        head = [w for w in words[:k] if w.lower() not in _SKIP]
        tail = words[k:]
        if (
            len(head) >= 2
            and words[k - 1].lower() not in _SKIP
            and tail[0][:1].isupper()
            and any(len(w) >= 4 for w in tail)
        ):
            out.append("".join(_letter(w) for w in head) + " " + " ".join(tail))
    return [  # "SA Food Bank" is told apart by its tail; a bare "SA" or "UC" is not
        a
        for a in dict.fromkeys(out)
        if len(a) >= 2 and (" " in a or a not in common) and sum(c.isupper() for c in a) >= 2
    ]


def university_forms(name: str) -> list[str]:
    """A university named round the other way, shortened or in Welsh/Irish: "Bangor
    University" is also "University of Bangor", "Uni of Bangor", "Bangor Uni", "Prifysgol
    Bangor"; a one-word town also gives the Nigerian "Uni" + its first letters ("Unilag",
    "Uniben"). Matched in any case."""
    town = university_town(name)
    if not town or not town[:1].isupper():
        return []
    out = [
        f"University of {town}",
        f"{town} University",
        f"Uni of {town}",
        f"{town} Uni",
        f"Prifysgol {town}",
        f"Ollscoil {town}",
    ]
    if " " not in town and len(town) >= 3 and town.isalpha():
        low = town.lower()
        out.extend("Uni" + low[:k] for k in (3, 4) if k <= len(low))
        out.append("Uni" + low)
    return list(dict.fromkeys(f for f in out if f.lower() != name.lower()))


def clippings(word: str) -> list[str]:
    """How a long one-word name is clipped in speech: its first three or four letters ending in
    a consonant, with -s, -ie or a doubled consonant and -ie ("Wits" for Witwatersrand,
    "Killie" for Kilmarnock, "Stellies"). Only from nine letters: shorter names are not clipped
    this way often enough to pay for the risk."""
    if len(word) < 9 or not word.isalpha():
        return []
    low = word.lower()
    out: list[str] = []
    for k in (3, 4):
        stem = low[:k]
        if stem[-1] in _VOWELS or stem[-2] not in _VOWELS:
            continue  # "Wit", "Kil", "Stel"... but not "Str" or "Bla"
        out.extend((stem + "s", stem + stem[-1] + "ie", stem + stem[-1] + "ies"))
    return [c.capitalize() for c in dict.fromkeys(out)]


def town_nicknames(name: str) -> tuple[str, ...]:
    """The well-known nicknames of a known town ("Boro" for Middlesbrough), or none."""
    return TOWN_NICKNAMES.get(name.strip().lower(), ())
