"""A seeded generator of synthetic mentor notes with gold identifier spans and must-keep words.

Written the way mentors write: narrative sentences, bullet shorthand, SOAP headings, all lower
case, typos, misspelt names. Every person, place and number is invented. The name, town and
organisation lists here are written by hand for the evaluation and are NOT the detector's
gazetteers (Faker/zxcvbn names, GeoNames towns), so the measured recall is not circular: some
names below are in no gazetteer at all and can only be found by context.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from mentorjournal.anonymise.textutil import split_words

FIRST_F = split_words("""Amara Eilidh Priya Niamh Siobhan Zainab Fern Hollie Keira Mollie Tianna Wiktoria
Aaliyah Dionne Farah Imani Jolene Lacey Maisie Nadia Roisin Tamsin Bryony Kaylee Marisol Zyrah
Ottilie Saoirse Anouk Leilani Ebony Shanice Kerys Nevaeh Jasmin Hafsa Chidinma Agata Ffion""")
FIRST_M = split_words("""Callum Kacper Tomasz Oisin Rhys Yusuf Declan Jayden Leon Nathaniel Rowan Bartosz
Ciaran Efe Gethin Harvey Kofi Tyrese Brayden DeShawn Alfie Kieran Lewis Reuben Taye Idris Mikolaj
Cormac Ezra Jago Lorcan Dmitri Obinna Hamza Fraser Kwame Ruairi Tobias Zeph""")
SURNAMES = split_words("""Okafor Kowalski Hughes McAllister Patel Nowak Byrne Fitzgerald Achterberg Oyelaran
Pemberton Thistlewood Abernethy Delacroix Mensah Szymanski Gallagher Rafferty Adeyemi Whitlock
Brennan Chaudhry Ellery Fairbrother Gillespie Hargreaves Iqbal Jankowski Kavanagh Lindqvist
Mbeki Nwosu Ormerod Prendergast Quayle Rasheed Sutcliffe Trelawney Umeh Vasquez Wojcik""")
NICKNAMES = {"Callum": "Cal", "Tomasz": "Tom", "Nathaniel": "Nate", "Bartosz": "Bart", "Tobias": "Toby",
             "Wiktoria": "Wiki", "Aaliyah": "Liya", "Marisol": "Mari", "Ottilie": "Tilly", "Kieran": "Kier",
             "Jasmin": "Jas", "Mikolaj": "Miko", "Dmitri": "Dima", "Reuben": "Reub"}  # fmt: skip
TOWNS = split_words("""Rotherham Wigan Harrogate Dundee Swansea Oldham Truro Lancaster Galway Spokane Dayton
Barnsley Stockport Kettering Basildon Ipswich Wrexham Paisley Salford Doncaster Gateshead Hebden-Bridge
Grassington Mousehole Todmorden Huddersfield Scunthorpe Aberystwyth Llanelli Kilkenny Sligo Albany
Fresno Tacoma Macclesfield Chesterfield Bridlington""")
TOWNS = [t.replace("-", " ") for t in TOWNS]
SCHOOL_STEMS = split_words("""Oakwood Brookside Kingsmead Riverside Fernhill Hollins Thornbury Ashcombe Westfield
Moorside Highcliffe Larkspur Greystones Hawthorn Copperfield""")
SCHOOL_KINDS = [
    "Academy",
    "High School",
    "Primary",
    "College",
    "Sixth Form College",
    "School",
    "Community School",
]
HOSPITALS = ["Fieldhead Hospital", "Lakeside Clinic", "Parkview Surgery", "Willow Ward", "Ward 12",
             "St Cuthbert's Hospital", "Birchwood Unit", "Moorgate Medical Centre", "Calder Ward",
             "Royal Tennant Infirmary"]  # fmt: skip
EMPLOYERS = ["Greggs", "Tesco", "Costa", "Sainsbury's", "Aldi", "Primark", "JD Sports", "Halfords",
             "Nando's", "Morrisons", "Wetherspoons", "Screwfix", "Lidl", "B&Q"]  # fmt: skip
STREETS = ["Harper Road", "Mill Lane", "Victoria Street", "Elm Close", "Beech Avenue", "Foundry Street",
           "Albion Terrace", "Sycamore Drive", "Orchard Way", "Canal Street"]  # fmt: skip
POSTCODES = ["LS6 2AB", "M14 5RT", "S2 4QD", "BD7 1HX", "HX1 3JP", "SW9 8EU", "NE4 6SL", "CF24 3DB",
             "G41 2PQ", "B12 9ZZ"]  # fmt: skip
US_PLACES = [("Dayton", "OH", "45402"), ("Spokane", "WA", "99201"), ("Fresno", "CA", "93721"),
             ("Albany", "NY", "12207"), ("Tacoma", "WA", "98402")]  # fmt: skip
HELPLINES = ["Samaritans", "NHS 111", "the early intervention team", "A&E", "Childline", "the crisis line",
             "Shout", "the crisis team", "CAMHS", "the GP", "988"]  # fmt: skip
MEDS = ["sertraline 50mg", "fluoxetine 20mg", "quetiapine 25mg", "melatonin", "propranolol 10mg",
        "mirtazapine 15mg", "citalopram 10 mg"]  # fmt: skip
THERAPIES = ["CBT", "DBT", "grounding", "5-4-3-2-1", "box breathing", "mindfulness", "EMDR"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
RELATIVE = ["last week", "next week", "in two weeks", "yesterday", "this morning", "over the weekend",
            "a fortnight ago", "tomorrow"]  # fmt: skip
STATES = [
    "Texas",
    "Ohio",
    "Poland",
    "Scotland",
    "Nigeria",
    "Ireland",
    "California",
    "Jamaica",
    "Wales",
]
WORD_NAMES = [
    ("she has lost [[hope]] about college", ""),
    ("he [[will]] try the breathing", ""),
    ("she [[may]] come back next week", ""),
    ("anxiety [[rose]] after the call", ""),
    ("worried about the phone [[bill]]", ""),
    ("handled it with [[grace]]", ""),
    ("has [[faith]] things can change", ""),
    ("no [[joy]] with the housing office", ""),
    ("over the [[summer]] things got worse", ""),
    ("a [[mark]] on her wrist, safeguarding discussed", ""),
    ("was very [[frank]] about drinking", ""),
    ("threatened to [[sue]] the landlord", ""),
    ("a [[pat]] on the back from staff", ""),
    ("woke at [[dawn]] most days", ""),
    ("[[amber]] on the traffic-light plan", ""),
    ("the [[ruby]] ring from nan", ""),
    ("[[will]] check in by text", ""),
    ("[[hope]] is a big theme", ""),
]
MONTHS = split_words(
    "January February March April May June July August September October November December"
)


@dataclass
class Piece:
    text: str
    category: str | None = None
    known: bool = False
    keep: bool = False


@dataclass
class Note:
    id: str
    text: str
    known: dict[str, Any]
    gold: list[dict[str, Any]] = field(default_factory=list)
    keep: list[tuple[int, int]] = field(default_factory=list)


def _nhs(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(0, 9) for _ in range(9)]
        digits[0] = rng.randint(3, 9)
        total = sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True))
        check = 11 - total % 11
        check = 0 if check == 11 else check
        if check != 10:
            s = "".join(map(str, [*digits, check]))
            return f"{s[:3]} {s[3:6]} {s[6:]}" if rng.random() < 0.7 else s


def _ni(rng: random.Random) -> str:
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"):
        first, second = "A", "B"
    n = f"{rng.randint(0, 999999):06d}"
    suffix = rng.choice("ABCD")
    if rng.random() < 0.5:
        return f"{first}{second} {n[:2]} {n[2:4]} {n[4:]} {suffix}"
    return f"{first}{second}{n}{suffix}"


def _phone(rng: random.Random, kind: str | None = None) -> str:
    kind = kind or rng.choice(["uk_mobile", "uk_mobile", "uk_land", "intl_uk", "us", "us", "intl"])
    tail = f"{rng.randint(0, 999):03d}"
    if kind == "uk_mobile":
        return rng.choice(
            [f"07700 900{tail}", f"07700900{tail}", f"07700 900 {tail}", f"077009 00{tail}"]
        )
    if kind == "uk_land":
        return rng.choice(
            [f"0161 496 0{tail}", f"0113 496 0{tail}", f"(0113) 496 0{tail}", f"020 7946 0{tail}"]
        )
    if kind == "intl_uk":
        return f"+44 7700 900{tail}"
    if kind == "us":
        area = rng.choice(["212", "415", "312", "617", "206"])
        line = f"01{rng.randint(0, 99):02d}"
        return rng.choice(
            [
                f"({area}) 555-{line}",
                f"{area}-555-{line}",
                f"{area}.555.{line}",
                f"+1 {area} 555 {line}",
            ]
        )
    return rng.choice(
        [
            f"+33 6 12 34 {rng.randint(10, 99)} {rng.randint(10, 99)}",
            f"+353 87 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        ]
    )


def _date(rng: random.Random, d: dt.date, *, with_year: bool | None = None) -> str:
    day = d.day
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    month = MONTHS[d.month - 1]
    year = d.year
    forms = [
        f"{day:02d}/{d.month:02d}/{year}", f"{day}/{d.month}/{str(year)[2:]}", f"{year}-{d.month:02d}-{day:02d}",
        f"{day}{suffix} {month}", f"{day}{suffix} of {month}", f"{month} {day}{suffix}", f"{day} {month} {year}",
        f"{month} {day}, {year}", f"{day}.{d.month:02d}.{year}", f"{day} {month[:3]}", f"{day}{suffix} {month} {year}",
    ]  # fmt: skip
    if with_year is True:
        forms = [f for f in forms if str(year) in f or str(year)[2:] in f]
    return rng.choice(forms)


def _age_phrase(rng: random.Random, age: int) -> list[Piece]:
    form = rng.randrange(6)
    if form == 0:
        return [Piece("aged "), Piece(str(age), "age")]
    if form == 1:
        return [Piece("a "), Piece(str(age), "age"), Piece("-year-old")]
    if form == 2:
        return [Piece("is "), Piece(str(age), "age"), Piece(" years old")]
    if form == 3:
        return [Piece("age "), Piece(str(age), "age")]
    if form == 4:
        return [Piece("turned "), Piece(str(age), "age"), Piece(" recently")]
    return [Piece("is "), Piece(str(age), "age"), Piece(" now")]


class Case:
    """One invented mentee and their world; ``known`` is what the vault would hold."""

    def __init__(self, rng: random.Random, case_no: int) -> None:
        self.rng = rng
        self.female = rng.random() < 0.5
        self.first = rng.choice(FIRST_F if self.female else FIRST_M)
        self.last = rng.choice(SURNAMES)
        self.preferred = NICKNAMES.get(self.first, "") if rng.random() < 0.7 else ""
        self.age = rng.randint(14, 34)
        ref = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 300))
        self.session_dates = [ref + dt.timedelta(days=7 * i + rng.randint(0, 2)) for i in range(8)]
        self.dob = dt.date(ref.year - self.age, rng.randint(1, 12), rng.randint(1, 28))
        self.phone = _phone(rng, rng.choice(["uk_mobile", "us"]))
        self.email = f"{self.first.lower()}.{self.last.lower()}{rng.randint(1, 99)}@example.com"
        used = {self.first}

        def pick(pool: list[str]) -> str:
            choice = rng.choice([p for p in pool if p not in used])
            used.add(choice)
            return choice

        self.mum = pick(FIRST_F)
        self.dad = pick(FIRST_M)
        self.sib = pick(FIRST_F + FIRST_M)
        self.friend = pick(FIRST_F + FIRST_M)
        self.unknown_people = [pick(FIRST_F + FIRST_M) for _ in range(4)]
        self.mum_phone = _phone(rng, "uk_mobile")
        self.school = f"{rng.choice(SCHOOL_STEMS)} {rng.choice(SCHOOL_KINDS)}"
        self.other_school = f"{rng.choice(SCHOOL_STEMS)} {rng.choice(SCHOOL_KINDS)}"
        self.town = rng.choice(TOWNS)
        self.other_town = rng.choice([t for t in TOWNS if t != self.town])
        self.known_level = rng.random()
        self.id = f"case{case_no}"

    def known(self) -> dict[str, Any]:
        mentee: dict[str, Any] = {"first_name": self.first, "last_name": self.last}
        if self.known_level > 0.2:
            mentee.update(legal_name=f"{self.first} {self.last}", dob=self.dob.isoformat(), phone=self.phone,
                          email=self.email)  # fmt: skip
        if self.preferred:
            mentee["preferred_name"] = self.preferred
        d: dict[str, Any] = {"mentee": mentee}
        if self.known_level > 0.35:
            d["contacts"] = [
                {"name": f"{self.mum} {self.last}", "relation": "mother", "phone": self.mum_phone},
                {"name": self.sib, "relation": "sister" if self.sib in FIRST_F else "brother"},
            ]
            d["places"] = [{"name": self.school, "type": "school"}]
            if self.known_level > 0.6:
                d["places"].append({"name": self.town, "type": "town"})
        return d

    def is_known(self, what: str) -> bool:
        if what == "mentee_name":
            return True
        if what == "mentee_other":
            return self.known_level > 0.2
        if what in ("mum", "sib", "school", "mum_phone"):
            return self.known_level > 0.35
        if what == "town":
            return self.known_level > 0.6
        return False


def _mentee(case: Case, rng: random.Random) -> Piece:
    r = rng.random()
    if r < 0.55:
        name = case.first
    elif r < 0.75 and case.preferred:
        name = case.preferred
    elif r < 0.85:
        name = f"{case.first} {case.last}"
    elif r < 0.92 and len(case.first) >= 6:
        i = rng.randrange(1, len(case.first) - 1)
        name = (
            case.first[:i] + case.first[i + 1] + case.first[i] + case.first[i + 2 :]
        )  # transposition typo
    else:
        name = case.first
    return Piece(name, "name", known=True)


def _us_place(rng: random.Random) -> list[Piece]:
    town, state, zip_code = rng.choice(US_PLACES)
    return [Piece(town, "place"), Piece(f", {state} "), Piece(zip_code, "zip")]


Template = Callable[[Case, random.Random], list[Piece]]


def _t(*parts: Any) -> list[Piece]:
    out: list[Piece] = []
    for p in parts:
        if isinstance(p, Piece):
            out.append(p)
        elif isinstance(p, list):
            out.extend(p)
        else:
            for chunk in re.split(r"(\[\[.*?\]\])", str(p)):
                if chunk.startswith("[["):
                    out.append(Piece(chunk[2:-2], keep=True))
                elif chunk:
                    out.append(Piece(chunk))
    return out


def _he(case: Case) -> str:
    return "she" if case.female else "he"


def _his(case: Case) -> str:
    return "her" if case.female else "his"


def _keep(text: str) -> Piece:
    return Piece(text, keep=True)


def _session_date(case: Case, rng: random.Random) -> Piece:
    return Piece(_date(rng, rng.choice(case.session_dates)), "date")


TEMPLATES: list[Template] = [
    lambda c, r: _t(
        "Met with ",
        _mentee(c, r),
        " ",
        _keep(r.choice(WEEKDAYS)),
        " at ",
        Piece(c.school, "organisation", c.is_known("school")),
        ". ",
        _he(c).capitalize(),
        " rated anxiety ",
        _keep(f"{r.randint(3, 9)}/10"),
        ".",
    ),
    lambda c, r: _t(
        _mentee(c, r),
        " said ",
        _his(c),
        " mum ",
        Piece(c.mum, "name", c.is_known("mum")),
        " has been shouting a lot ",
        _keep(r.choice(RELATIVE)),
        ".",
    ),
    lambda c, r: _t(
        "Session on ",
        _session_date(c, r),
        ". ",
        _mentee(c, r),
        "'s mood low, ",
        _keep(f"PHQ-9 of {r.randint(5, 24)}"),
        ", ",
        _keep(f"GAD-7 {r.randint(3, 20)}"),
        ".",
    ),
    lambda c, r: _t(
        "- saw ",
        Piece("Dr "),
        Piece(r.choice(SURNAMES), "name"),
        " at ",
        Piece(r.choice(HOSPITALS), "organisation"),
        " re meds (",
        _keep(r.choice(MEDS)),
        ")",
    ),
    lambda c, r: _t(
        _mentee(c, r),
        " ",
        _age_phrase(r, c.age),
        ", lives in ",
        Piece(c.town, "place", c.is_known("town")),
        " with ",
        _his(c),
        " dad ",
        Piece(c.dad, "name"),
        ".",
    ),
    lambda c, r: _t(
        "Practised ",
        _keep(r.choice(THERAPIES)),
        " and ",
        _keep(r.choice(THERAPIES)),
        "; agreed to call ",
        _keep(r.choice(HELPLINES)),
        " if things get bad ",
        _keep(r.choice(RELATIVE)),
        ".",
    ),
    lambda c, r: (
        _t(
            "His friend ",
            Piece(c.unknown_people[0], "name"),
            " from football has been a good support.",
        )
        if not c.female
        else _t(
            "Her friend ",
            Piece(c.unknown_people[0], "name"),
            " from dance has been a good support.",
        )
    ),
    lambda c, r: _t(
        "DOB ",
        Piece(_date(r, c.dob, with_year=True), "date", c.is_known("mentee_other")),
        ", NHS no ",
        Piece(_nhs(r), "id_number"),
        ".",
    ),
    lambda c, r: _t(
        "Mum's mobile ",
        Piece(c.mum_phone, "phone", c.is_known("mum_phone")),
        ", ",
        _mentee(c, r),
        "'s number ",
        Piece(c.phone, "phone", c.is_known("mentee_other")),
        ".",
    ),
    lambda c, r: _t(
        "Emailed ",
        _mentee(c, r),
        " at ",
        Piece(c.email, "email", c.is_known("mentee_other")),
        " with the ",
        _keep("Samaritans"),
        " leaflet.",
    ),
    lambda c, r: _t(
        "Started work at ",
        Piece(r.choice(EMPLOYERS), "organisation"),
        " ",
        _keep(r.choice(RELATIVE)),
        ", shifts ",
        _keep(r.choice(WEEKDAYS)),
        " and ",
        _keep(r.choice(WEEKDAYS)),
        ", paid ",
        _keep(f"£{r.randint(8, 15)}.{r.choice(['00', '50'])}"),
        " an hour.",
    ),
    lambda c, r: _t(
        "Address: ",
        Piece(f"{r.randint(2, 140)} {r.choice(STREETS)}", "address"),
        ", ",
        Piece(c.town, "place", c.is_known("town")),
        " ",
        Piece(r.choice(POSTCODES), "postcode"),
        ".",
    ),
    lambda c, r: _t(
        "Referred by ",
        Piece(r.choice(["Mrs ", "Mr ", "Ms "])),
        Piece(r.choice(SURNAMES), "name"),
        ", head of ",
        _keep("Year 11"),
        " at ",
        Piece(c.other_school, "organisation"),
        ".",
    ),
    lambda c, r: _t(
        _mentee(c, r).text.lower() and Piece(_mentee(c, r).text.lower(), "name", True),
        " and ",
        Piece(c.sib, "name", c.is_known("sib")),
        " argued again, ",
        _his(c),
        " sister/brother stayed at ",
        Piece(c.unknown_people[1], "name"),
        "'s house",
    ),
    lambda c, r: _t(
        "Insta is ",
        Piece(f"@{c.first.lower()}_{r.randint(1, 99)}", "handle"),
        ", also on tiktok as ",
        Piece(f"{c.first.lower()}.{c.last.lower()[:3]}{r.randint(1, 9)}", "handle"),
        ".",
    ),
    lambda c, r: _t(
        "Case ref ",
        Piece(f"CR-{r.randint(10000, 99999)}", "id_number"),
        ", NI number ",
        Piece(_ni(r), "id_number"),
        ".",
    ),
    lambda c, r: _t(
        "Moved from ",
        Piece(c.other_town, "place"),
        " to ",
        Piece(c.town, "place", c.is_known("town")),
        " in ",
        Piece(str(c.session_dates[0].year - r.randint(1, 4)), "date"),
        ", family originally from ",
        _keep(r.choice(STATES)),
        ".",
    ),
    lambda c, r: _t(
        "Next session ",
        Piece(_date(r, c.session_dates[-1]), "date"),
        " at 4pm, ",
        _keep(r.choice(WEEKDAYS)),
        ".",
    ),
    lambda c, r: _t(
        r.choice(WORD_NAMES)[0].capitalize() if False else r.choice(WORD_NAMES)[0], "."
    ),
    lambda c, r: _t(
        "Talked about ",
        Piece(c.unknown_people[2], "name"),
        " (",
        _his(c),
        " ex), who keeps messaging ",
        _his(c),
        " on ",
        Piece(_phone(r), "phone"),
        ".",
    ),
    lambda c, r: _t(
        "Birthday on ",
        Piece(_date(r, c.dob, with_year=False), "date", c.is_known("mentee_other")),
        " - ",
        _he(c),
        "'ll be ",
        Piece(str(c.age + 1), "age"),
        ".",
    ),
    lambda c, r: _t(
        "Wants to apply to ",
        Piece(c.other_school, "organisation"),
        " for ",
        _keep("September"),
        ", open day ",
        Piece(_date(r, c.session_dates[3]), "date"),
        ".",
    ),
    lambda c, r: _t(
        "US contact: ",
        Piece(f"{r.randint(10, 999)} Oak Street", "address"),
        ", ",
        _us_place(r),
        ", SSN ",
        Piece(f"{r.randint(100, 665)}-{r.randint(10, 99)}-{r.randint(1000, 9999)}", "id_number"),
        ".",
    ),
    lambda c, r: _t(
        "Boss ",
        Piece(c.unknown_people[3], "name"),
        " at ",
        Piece(r.choice(EMPLOYERS), "organisation"),
        " cut ",
        _his(c),
        " hours, owes ",
        _keep(f"£{r.randint(20, 400)}"),
        ".",
    ),
    lambda c, r: _t(
        "Link to ",
        _his(c),
        " fundraiser: ",
        Piece(f"https://www.gofundme.com/f/{c.first.lower()}-{c.last.lower()}", "url"),
        " - discussed boundaries.",
    ),
    lambda c, r: _t(
        "Went to ",
        _keep("A&E"),
        " on ",
        _keep(r.choice(WEEKDAYS)),
        " night, seen by ",
        Piece("Dr "),
        Piece(r.choice(SURNAMES), "name"),
        ", discharged to ",
        _keep("the crisis team"),
        ".",
    ),
    lambda c, r: _t(
        Piece(c.friend, "name"),
        " (",
        _his(c),
        " best mate) came to the session for ",
        _keep("10 minutes"),
        ".",
    ),
    lambda c, r: _t(
        "texted ",
        Piece(c.mum.lower() if r.random() < 0.5 else c.mum, "name", c.is_known("mum")),
        " to confirm ",
        _keep(r.choice(WEEKDAYS).lower()),
        ", ",
        _mentee(c, r),
        " still on ",
        _keep(r.choice(MEDS)),
        ".",
    ),
    lambda c, r: _t(
        "Plan: follow up ",
        _keep("next week"),
        "; ",
        _mentee(c, r),
        " to ring ",
        _keep("Samaritans"),
        " or ",
        _keep("NHS 111"),
        " if needed; review goals in ",
        _keep("two weeks"),
        ".",
    ),
    lambda c, r: _t(
        "Hospital number ",
        Piece(f"{r.choice(['RX', 'HN', 'K'])}{r.randint(100000, 999999)}", "id_number"),
        " on the discharge letter from ",
        Piece(r.choice(HOSPITALS), "organisation"),
        ".",
    ),
]


def _typos(text: str, rng: random.Random, rate: float) -> str:
    """Swap two adjacent letters in some longer words (keeps length, so spans stay valid)."""
    chars = list(text)
    for m in re.finditer(r"[a-z]{5,}", text):
        if rng.random() < rate:
            i = m.start() + rng.randrange(1, len(m.group()) - 2)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def generate_note(case: Case, rng: random.Random, note_no: int, *, second: bool = False) -> Note:
    style = rng.choice(["narrative", "narrative", "bullets", "soap", "lower"])
    n = rng.randint(6, 11)
    pool = SECOND_TEMPLATES if second else TEMPLATES
    sentences = [
        distractor(rng) if rng.random() < 0.3 else rng.choice(pool)(case, rng) for _ in range(n)
    ]
    pieces: list[Piece] = []
    for i, sentence in enumerate(sentences):
        if style == "bullets":
            pieces.append(Piece("- " if i == 0 else "\n- "))
        elif style == "soap" and i in (0, n // 3, 2 * n // 3):
            label = ["S: ", "O: ", "A/P: "][[0, n // 3, 2 * n // 3].index(i)]
            pieces.append(Piece(("\n" if i else "") + label))
        elif i:
            pieces.append(Piece(" "))
        pieces.extend(sentence)
    text = ""
    gold: list[dict[str, Any]] = []
    keep: list[tuple[int, int]] = []
    for p in pieces:
        start = len(text)
        text += p.text
        if p.category:
            gold.append(
                {"start": start, "end": len(text), "category": p.category, "known": p.known}
            )
        elif p.keep:
            keep.append((start, len(text)))
    entity_chars = {i for g in gold for i in range(g["start"], g["end"])} | {
        i for s, e in keep for i in range(s, e)
    }
    plain = _typos(text, rng, 0.04)
    text = "".join(text[i] if i in entity_chars else plain[i] for i in range(len(text)))
    if style == "lower":
        text = text.lower()
    return Note(f"{case.id}-{note_no}", text, case.known(), gold, keep)


def generate(n: int, seed: int, *, family: str = "first") -> list[Note]:
    """``n`` notes from a seeded RNG: the same seed always gives the same notes.

    ``family`` picks the sentence templates: "first" (the original set), "second" (written later
    in another voice) or "mixed" (each note from either).
    """
    rng = random.Random(seed)
    notes: list[Note] = []
    case_no = 0
    while len(notes) < n:
        case = Case(rng, case_no)
        for k in range(rng.randint(2, 5)):
            if len(notes) < n:
                second = family == "second" or (family == "mixed" and rng.random() < 0.5)
                notes.append(generate_note(case, rng, k, second=second))
        case_no += 1
    return notes


# -- a second family of sentences, written in another voice ------------------------------------
# Added after the detector was tuned on the first family, and kept separate so the evaluation
# reports how the detector does on phrasing it was not built around (``style="second"``).

EXTRA_TOWNS = ["Bolton", "Keighley", "Wakefield", "Carlisle", "Dewsbury", "Bangor", "Newry", "Omagh",
               "Rochdale", "Burnley", "Hexham", "Skipton", "Batley", "Yeovil", "Worksop"]  # fmt: skip
EXTRA_FIRST = ["Kayden", "Mia-Rose", "Lexi", "Oskar", "Tiegan", "Bailey", "Ellis", "Remi", "Kenzie",
               "Aryan", "Sana", "Ifeoma", "Tadhg", "Caoimhe", "Maja", "Jakub", "Precious", "Blessing"]  # fmt: skip


def _x_first(r: random.Random) -> str:
    return r.choice(EXTRA_FIRST)


SECOND_TEMPLATES: list[Template] = [
    lambda c, r: _t(
        "Phoned ",
        _mentee(c, r),
        "'s nan ",
        Piece(_x_first(r), "name"),
        " who said things are calmer at home.",
    ),
    lambda c, r: _t(
        "Meeting with ",
        Piece("Ms "),
        Piece(r.choice(SURNAMES), "name"),
        " (SENCo) and ",
        Piece("Mr "),
        Piece(r.choice(SURNAMES), "name"),
        " from the school about the EHCP.",
    ),
    lambda c, r: _t(
        _mentee(c, r),
        " has a new girlfriend, ",
        Piece(_x_first(r), "name"),
        ", who is ",
        Piece(str(r.randint(15, 19)), "age"),
        ".",
    ),
    lambda c, r: _t(
        "Went for a walk around ",
        Piece(r.choice(EXTRA_TOWNS), "place"),
        " town centre, mood ",
        _keep(f"{r.randint(2, 9)}/10"),
        " after.",
    ),
    lambda c, r: _t(
        "Appointment letter from ",
        Piece(f"{r.choice(EXTRA_TOWNS)} General Hospital", "organisation"),
        " dated ",
        Piece(_date(r, c.session_dates[2]), "date"),
        ".",
    ),
    lambda c, r: _t(
        "Her keyworker ",
        Piece(_x_first(r), "name"),
        " at ",
        Piece(f"{r.choice(SCHOOL_STEMS)} House", "organisation"),
        " is on leave until ",
        Piece(_date(r, c.session_dates[4]), "date"),
        ".",
    ),
    lambda c, r: _t(
        "Tel: ",
        Piece(_phone(r, "uk_land"), "phone"),
        " (",
        _his(c),
        " grandad ",
        Piece(_x_first(r), "name"),
        ").",
    ),
    lambda c, r: _t(
        "Wants to train at ",
        Piece(f"{r.choice(EXTRA_TOWNS)} College", "organisation"),
        " in ",
        Piece("September", "date"),  # a month is a date element (HIPAA), as outside writers mark it
        " - needs ",
        _keep("£150"),
        " for the kit.",
    ),
    lambda c, r: _t(
        _mentee(c, r),
        " was born in ",
        Piece(r.choice(EXTRA_TOWNS), "place"),
        " and is now ",
        Piece(str(c.age), "age"),
        ".",
    ),
    lambda c, r: _t(
        "Spoke to ",
        Piece(_x_first(r), "name"),
        " ",
        Piece(r.choice(SURNAMES), "name"),
        " (youth worker) on ",
        _keep(r.choice(WEEKDAYS)),
        "; ",
        _he(c),
        " will link in with ",
        _keep("CAMHS"),
        ".",
    ),
    lambda c, r: _t(
        "Postcode for the taxi: ",
        Piece(r.choice(POSTCODES), "postcode"),
        ". Pick up at ",
        Piece(f"{r.randint(1, 90)} {r.choice(STREETS)}", "address"),
        ".",
    ),
    lambda c, r: _t(
        _keep("Grounding"),
        " helped; ",
        _mentee(c, r).text.lower() and Piece(c.first.lower(), "name", True),
        " used the ",
        _keep("5-4-3-2-1"),
        " on the bus to ",
        Piece(c.town.lower(), "place", c.is_known("town")),
        ".",
    ),
    lambda c, r: _t(
        "Gran's number is ",
        Piece(_phone(r, "uk_mobile"), "phone"),
        " if ",
        _mentee(c, r),
        " goes missing again (",
        _keep("safeguarding"),
        ").",
    ),
    lambda c, r: _t(
        "Discussed ",
        _keep("hope"),
        " and what ",
        _he(c),
        " would say to ",
        _his(c),
        " younger self. ",
        _keep("Will"),
        " review the plan ",
        _keep("next week"),
        ".",
    ),
    lambda c, r: _t(
        "DOB: ",
        Piece(
            f"{c.dob.day:02d}-{c.dob.month:02d}-{c.dob.year}", "date", c.is_known("mentee_other")
        ),
        " | NHS: ",
        Piece(_nhs(r), "id_number"),
        " | Ref: ",
        Piece(f"{r.randint(2020, 2025)}/{r.randint(1000, 9999)}", "id_number"),
    ),
    lambda c, r: _t(
        "Snapchat: ",
        Piece(f"{c.first.lower()}{r.randint(2005, 2012)}", "handle"),
        " - agreed not to add under-18s.",
    ),
    lambda c, r: _t(
        "Works Saturdays at ",
        Piece(f"{r.choice(SURNAMES)}'s Bakery", "organisation"),
        " on ",
        Piece(r.choice(STREETS), "address"),
        ".",
    ),
    lambda c, r: _t(
        _mentee(c, r),
        " and ",
        Piece(_x_first(r), "name"),
        " got into a fight outside ",
        Piece(f"The {r.choice(['Red Lion', 'Crown', 'Black Horse'])}", "organisation"),
        " pub.",
    ),
]


# -- sentences with no identifier at all, full of words that look like one ----------------------
# They measure precision: capitalised clinical and everyday words, brands used as things, titles
# of therapies and services, months and weekdays, scores and doses. Marked words must stay.

DISTRACTORS: list[str] = [
    "[[Monday]] was hard; [[Tuesday]] better. Mood [[6/10]].",
    "Talked about [[Christmas]] and how [[Mum]] and [[Dad]] argue about money.",
    "Uses [[Instagram]] and [[TikTok]] late at night; agreed a phone curfew of [[10pm]].",
    "Practised [[Box Breathing]] and the [[Wise Mind]] skill from [[DBT]].",
    "The [[GP]] increased [[Sertraline]] to [[100mg]]; side effects discussed.",
    "Waiting list for [[Talking Therapies]] is [[12 weeks]].",
    "[[Universal Credit]] payment late again, [[Citizens Advice]] appointment booked.",
    "Did well in [[English]] and [[Maths]] mocks, [[Year 11]] is stressful.",
    "Watched [[Netflix]] all weekend, skipped the [[Sunday]] dinner.",
    "Scored [[14]] on the [[PHQ-9]] and [[11]] on the [[GAD-7]].",
    "Feels [[Hope]] is hard to hold onto; [[Will]] keep the diary going.",
    "[[May]] be moving house; nothing confirmed yet.",
    "Big [[Summer]] plans: festival and a part-time job.",
    "Wants to join the [[Army]] after [[Sixth Form]].",
    "[[Crisis Team]] number and [[Samaritans]] saved in phone; [[Shout]] texting service explained.",
    "Attended [[A&E]] twice [[last month]] after self-harm; no admission.",
    "Reading [[The Hunger Games]] and playing [[Fortnite]] to switch off.",
    "Spent [[£40]] on vapes this week, wants to cut down.",
    "[[Black Friday]] shifts were exhausting.",
    "Says [[Jesus]] and church are a big support; goes every [[Sunday]].",
    "[[Grace]] period on the phone [[bill]] ends [[next week]].",
    "Fell out with friends over a [[Snapchat]] story; discussed boundaries.",
    "[[Frank]] conversation about cannabis; signposted to [[FRANK]].",
    "[[Autumn]] term starts soon; worried about the new [[Head of Year]].",
]


def distractor(rng: random.Random) -> list[Piece]:
    return _t(rng.choice(DISTRACTORS))
