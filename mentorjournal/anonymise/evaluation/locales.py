"""Notes filled with Faker's people, places and companies from other locales (an evaluation set).

The sentence shapes are ours, but every name, street, town, company and number comes from Faker's
locale providers (Irish, British, Indian, Nigerian, Polish, US), which the detector's own word
lists were not tuned on, and the weak kinds the held-out review named are all present: initials,
nicknames, misspellings, titles with surnames, employers, hospitals and wards, parks and venues,
streets, ages over 89, dates in many written forms, handles without @, URLs, reference numbers.
Faker is an evaluation dependency only (``pip install -e '.[eval]'``); nothing here ships data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LOCALES = ("en_IE", "en_GB", "en_IN", "en_NG", "yo_NG", "pl_PL", "en_US", "ga_IE")
#: Dev seeds may be tuned on; test seeds are only ever scored.
DEV_SEED = 101
TEST_SEED = 90210


@dataclass
class FakerNote:
    id: str
    text: str
    known: dict[str, Any]
    gold: list[dict[str, Any]] = field(default_factory=list)
    keep: list[tuple[int, int]] = field(default_factory=list)


class _Builder:
    """Appends text pieces, recording gold spans and must-stay spans as it goes."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.gold: list[dict[str, Any]] = []
        self.keep: list[tuple[int, int]] = []

    def add(self, piece: str, category: str | None = None, *, known: bool = False) -> None:
        if category == "keep":
            self.keep.append((self.length, self.length + len(piece)))
        elif category is not None:
            self.gold.append(
                {
                    "start": self.length,
                    "end": self.length + len(piece),
                    "category": category,
                    "known": known,
                }
            )
        self.parts.append(piece)
        self.length += len(piece)

    def text(self) -> str:
        return "".join(self.parts)


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


_NICK_ENDS = ("o", "y", "sy", "ie")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_KEEP = [
    "PHQ-9 of 14", "GAD-7 11", "sertraline 50mg", "CBT", "DBT", "box breathing", "Samaritans",
    "NHS 111", "the crisis team", "the GP", "PHQ-9 score 17", "GAD7 was 9", "fluoxetine 20 mg",
    "mindfulness", "Childline", "a fortnight ago", "last week", "tomorrow",
]  # fmt: skip


def _date(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.choice([2024, 2025, 2026])
    month = _MONTHS[m - 1]
    suffix = "th" if 4 <= d <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    return rng.choice(
        [
            f"{d}/{m}/{y}", f"{d:02d}/{m:02d}/{y % 100:02d}", f"{d}/{m}", f"{d}.{m}.{y}",
            f"{d}{suffix} {month}", f"{month} {d}{suffix}", f"{d} {month[:3]} {y}",
            f"{y}-{m:02d}-{d:02d}", f"the {d}{suffix} of {month}", f"{month} {d}, {y}",
        ]
    )  # fmt: skip


def _one_note(rng: random.Random, fake: Any, note_id: str) -> FakerNote:  # noqa: PLR0915 (one template per inner function)
    b = _Builder()
    first, last = fake.first_name(), fake.last_name()
    known_mentee = rng.random() < 0.6
    m_gold = "name"
    friend_first, friend_last = fake.first_name(), fake.last_name()
    nick = friend_first[:3] + rng.choice(_NICK_ENDS) if len(friend_first) >= 4 else friend_first
    town, town2 = fake.city(), fake.city()
    company = fake.company()
    street = fake.street_address().replace("\n", ", ")
    kept = rng.sample(_KEEP, 3)

    def mentee() -> None:
        b.add(rng.choice([first, first, f"{first} {last}"]), m_gold, known=known_mentee)

    sentences: list[Callable[[], None]] = []

    def s1() -> None:
        mentee()
        b.add(" came in on ")
        b.add(rng.choice(_WEEKDAYS), "keep")
        b.add(" and talked about ")
        b.add(f"{friend_first} {friend_last}", "name")
        b.add(", who works at ")
        b.add(company, "organisation")
        b.add(" in ")
        b.add(town, "place")
        b.add(". ")

    def s2() -> None:
        b.add(friend_first, "name")
        b.add(" (known as ")
        b.add(nick, "name")
        b.add(") texted her on ")
        b.add(_date(rng), "date")
        b.add(rng.choice(["; ", ". Later "]))
        b.add(nick, "name")
        b.add(" said the ")
        b.add(kept[0], "keep")
        b.add(" idea helped. ")

    def s3() -> None:
        b.add("Mr ")
        b.add(friend_last, "name")
        b.add(rng.choice([" rang about ", " emailed about "]))
        b.add(friend_first[0] + friend_last[0], "name")
        b.add(" and the move to ")
        b.add(street, "address")
        b.add(". ")

    def s4() -> None:
        gran = fake.first_name()
        b.add("Her nan ")
        b.add(gran, "name")
        b.add(" is ")
        b.add(str(rng.randint(86, 99)), "age")
        b.add(" and was admitted to ")
        hosp = rng.choice(
            [
                f"{town} General Hospital",
                f"St {fake.last_name()}'s Hospital",
                f"{fake.last_name()} Infirmary",
            ]
        )
        b.add(hosp, "organisation")
        b.add(", ")
        b.add(
            rng.choice(
                [f"{fake.last_name()} Ward", f"ward {rng.randint(1, 30)}{rng.choice('ABC')}"]
            ),
            "organisation",
        )
        b.add(". ")

    def s5() -> None:
        b.add("They met at ")
        b.add(f"{fake.last_name()} Park", "place")
        b.add(" near ")
        b.add(town2, "place")
        b.add(". ")
        mentee()
        b.add("'s ")
        b.add(kept[1], "keep")
        b.add(" today. ")

    def s6() -> None:
        handle = fake.user_name()
        b.add(rng.choice(["Insta is ", "snap: ", "on tiktok as ", "Her username is "]))
        b.add(handle, "handle")
        b.add("; site ")
        b.add(fake.domain_name(), "url")
        b.add(". Case ref ")
        b.add(f"{rng.choice(['AB', 'CRN', 'K'])}{rng.randint(10000, 999999)}", "id_number")
        b.add(". ")

    def s7() -> None:
        b.add("Spoke to ")
        b.add(_typo(rng, friend_first), "name")
        b.add(" (sp?) and ")
        b.add(fake.first_name().lower(), "name")
        b.add(" about ")
        b.add(kept[2], "keep")
        b.add(". Phone ")
        b.add(fake.phone_number(), "phone")
        b.add(". ")

    sentences = [s1, s2, s3, s4, s5, s6, s7]
    rng.shuffle(sentences)
    for sentence in sentences[: rng.randint(4, 7)]:
        sentence()
    known: dict[str, Any] = {}
    if known_mentee:
        known = {"mentee": {"first_name": first, "last_name": last}}
    return FakerNote(note_id, b.text().strip(), known, b.gold, b.keep)


def generate_locale_notes(n: int, seed: int) -> list[FakerNote]:
    """``n`` notes, locales in turn; needs Faker (the ``eval`` extra)."""
    from faker import Faker

    rng = random.Random(seed)
    fakers = {}
    for loc in LOCALES:
        fake = Faker(loc)
        fake.seed_instance(seed)
        fakers[loc] = fake
    notes = []
    for i in range(n):
        loc = LOCALES[i % len(LOCALES)]
        notes.append(_one_note(rng, fakers[loc], f"{loc}-{seed}-{i}"))
    return notes
