"""Find what the vault already knows: the mentee's and contacts' names, phones, email, date of birth, places.

Known identifiers come first because missing one is the worst failure: every variant is tried
(first/last/preferred/legal names, initials, possessives, any case, small misspellings, phone
digits in any grouping, the date of birth in any format).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import GENERIC_ORG_WORDS, ORG_SUFFIXES
from mentorjournal.anonymise.coref import title_before
from mentorjournal.anonymise.cues import COMMON_ACRONYMS
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.known_aliases import (
    clippings,
    extra_acronyms,
    town_nicknames,
    university_forms,
    university_town,
)
from mentorjournal.anonymise.lexicon import EVERYDAY_NAME_WORDS, is_must_keep
from mentorjournal.anonymise.nicknames import nickname_forms
from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.proper_nouns import dictionary_words
from mentorjournal.anonymise.textutil import (
    Token,
    edit_distance_at_most,
    next_words,
    previous_words,
    sentence_start,
    split_words,
)

#: Words before or after a lower-case/ambiguous known name that show it is the person.
NAME_CUES_BEFORE = frozenset(
    split_words("""with and told asked called texted messaged saw met see seeing meet meeting visited
    mum dad mom sister brother friend mate boyfriend girlfriend partner cousin nan aunt uncle
    dr doctor mr mrs ms miss for from to by about re: re dear hi""")
)
NAME_CUES_AFTER = frozenset(
    split_words("""said says told was is has had came felt feels seemed reported wants wanted thinks thought
    and asked agreed shared mentioned explained arrived left texted called cried laughed
    rang phoned messaged emailed
    didn't doesn't isn't wasn't hasn't won't can't""")
)
ORG_TYPES = frozenset(
    split_words("""school college academy university employer work workplace job hospital ward clinic
    surgery practice gp unit centre center organisation organization company church team
    charity club gym pharmacy library nursery""")
)
PLACE_TYPES = frozenset(
    split_words("town city village place area borough county neighbourhood suburb home")
)


#: A digit straight after a word: "Dec's 3rd" is still a month.
_DIGIT_AHEAD_RE = re.compile(r"\s*\d")
#: "to" and a lower-case word after a clipped name: a plan's action ("Dec to call").
_TO_VERB_RE = re.compile(r"[ \t]+to[ \t]+[a-z]")
#: Words before a month that make a clipped name there the month: "in Dec", "since Dec".
_DATE_WORDS_BEFORE = frozenset(
    split_words("in on since by until till from of early mid late end start last next this every")
)
#: Months and their short forms: "Dec to Feb" is a span of months.
MONTH_WORDS = frozenset(
    split_words("""january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec""")
)

#: Any digit: a text without one holds no phone number, so the phone scan is skipped.
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class _Person:
    who: str
    role: str | None


def _fold(text: str) -> str:
    """Accents removed: "siân" -> "sian", "zoë" -> "zoe"."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii") or text


def _phone_digits(phone: str) -> str:
    """The national significant digits: drop +44/0044/0 and +1/1 so any grouping compares equal.
    A number stored with any other country code ("+48 601 554 218", "0091 98727 60113") is
    written at home without it, so its national number is what the text holds."""
    digits = re.sub(r"\D", "", phone)
    international = phone.lstrip().startswith("+") or digits.startswith("00")
    if international and not digits.lstrip("0").startswith(("44", "1")):
        import phonenumbers  # only for a vault phone abroad: most vaults never load it

        try:
            number = phonenumbers.parse("+" + digits.lstrip("0"), None)
        except phonenumbers.NumberParseException:
            number = None
        if number is not None and number.national_number:
            return str(number.national_number)
    for prefix in ("0044", "44", "001", "1", "0"):
        if digits.startswith(prefix) and len(digits) - len(prefix) >= 9:
            digits = digits[len(prefix) :]
            break
    return digits


def _place_category(kind: str) -> Category:
    kind = kind.strip().lower()
    if kind in ORG_TYPES or any(t in kind for t in ORG_TYPES):
        return Category.ORGANISATION
    if "postcode" in kind:
        return Category.POSTCODE
    if "zip" in kind:
        return Category.ZIP
    if "address" in kind or "street" in kind or "road" in kind:
        return Category.ADDRESS
    return Category.PLACE


_PLACE_ROLES = {
    "school": "school", "academy": "school", "nursery": "school", "college": "college",
    "university": "university", "uni": "university", "hospital": "hospital", "ward": "ward",
    "unit": "ward", "clinic": "clinic", "surgery": "clinic", "practice": "clinic", "gp": "clinic",
    "employer": "employer", "work": "employer", "workplace": "employer", "job": "employer",
    "company": "employer", "town": "town", "city": "town", "village": "town",
}  # fmt: skip


def _place_role(kind: str) -> str | None:
    words = re.findall(r"[a-z]+", kind.lower())
    for word in words:
        if word in _PLACE_ROLES:
            return _PLACE_ROLES[word]
    return "organisation" if _place_category(kind) is Category.ORGANISATION else None


#: Two initials with full stops ("J. S.", "J.S."), looked up among the known people's.
_DOTTED_INITIALS_RE = re.compile(r"\b([A-Z])\.\s?([A-Z])\.?(?!\w)")


class KnownDetector:
    """Compiled once per Known: a token lookup for names plus regexes for phones, emails, places."""

    def __init__(self, known: Known, gaz: Gazetteers) -> None:
        self._gaz = gaz
        self._names: dict[str, _Person] = {}
        #: Name parts that are family names: if also everyday words ("Young", "White") they need context.
        self._family: set[str] = set()
        self._given: set[str] = set()
        self._fuzzy: list[tuple[str, _Person]] = []
        self._fuzzy_memo: dict[tuple[str, bool], _Person | None] = {}
        #: ``_lookup`` by token text (a token's base and capitalisation follow from its text).
        #: A supervision summary looks up every word of every note once per selected mentee
        #: (twelve mentees, three months: ~1.9 million lookups), nearly all of them repeats.
        self._looked_up: dict[str, _Person | None] = {}
        self._literal_hints: list[str] = []
        self._initials: dict[str, _Person] = {}
        #: Per person ("who"): initials of their family names and of their given names, so
        #: "Jarrah W." and "H. Price-Morgan" cover the initial too.
        self._family_initials: dict[str, set[str]] = {}
        self._given_initials: dict[str, set[str]] = {}
        #: Per person: their family names as written, so "Stevie McG" and "R.McL" (a family
        #: name cut short) are told from any other letters.
        self._family_names: dict[str, set[str]] = {}
        self._people: dict[str, _Person] = {}
        self._phones: list[tuple[str, _Person]] = []
        self._literals: list[tuple[re.Pattern[str], Category, str, str | None]] = []
        #: "MMU", "UoN", "NUIG": a known place by its initials (matched with their capitals).
        self._acronyms: dict[str, tuple[Category, str, str | None]] = {}
        self._word_shorts: set[str] = set()
        #: "sullivan" -> "o": the short first piece of a name written with a space for its
        #: apostrophe ("rachel o sullivan", "D Angelo"), so the span takes the piece in too.
        self._split_prefix: dict[str, str] = {}
        self._word_short_memo: dict[str, _Person | None] = {}
        self._dob = known.mentee.dob
        mentee = _Person("mentee", "mentee")
        self._add_person(
            known.mentee.names(),
            mentee,
            given=tuple(
                n.split()[0]
                for n in (
                    known.mentee.first_name,
                    known.mentee.preferred_name,
                    known.mentee.legal_name,
                )
                if n.split()
            )
            + tuple(known.mentee.preferred_name.split())
            + tuple(w for n in known.mentee.nicknames for w in n.split()),
        )
        self._first_names: list[tuple[str, _Person]] = [
            (n.lower(), mentee)
            for n in (known.mentee.first_name, known.mentee.legal_name.split(" ")[0])
            if n
        ]
        full = known.mentee.legal_name or f"{known.mentee.first_name} {known.mentee.last_name}"
        self._add_initials(full, mentee)
        for n in (known.mentee.preferred_name,):
            self._add_initials(f"{n} {known.mentee.last_name}", mentee)
        if known.mentee.phone:
            self._phones.append((_phone_digits(known.mentee.phone), mentee))
        if known.mentee.email:
            self._add_literal(known.mentee.email, Category.EMAIL, "mentee")
        if known.mentee.dob_text and known.mentee.dob is None:
            self._add_literal(known.mentee.dob_text, Category.DATE, "mentee")
        for key, contact in zip(known.contact_keys(), known.contacts, strict=True):
            person = _Person(key, contact.relation.strip().lower() or None)
            self._add_person((contact.name,), person)
            if contact.name.split():
                self._first_names.append((contact.name.split()[0].lower(), person))
            self._add_initials(contact.name, person)
            if contact.phone:
                self._phones.append((_phone_digits(contact.phone), person))
        self._nicknames = self._listed_nicknames()
        for i, place in enumerate(known.places):
            if place.name.strip():
                self._add_literal(
                    place.name, _place_category(place.type), f"place:{i}", _place_role(place.type)
                )
                for word in self._distinctive_words(place.name):
                    self._add_literal(
                        word, _place_category(place.type), f"place:{i}", _place_role(place.type)
                    )
                self._add_core_name(place.name, place.type, f"place:{i}")
                shorts = [
                    short
                    for short in place_short_forms(place.name)
                    if short.lower() not in gaz.top_words and not is_must_keep(short)
                ]
                # "Palmy", "Piety": a clipping that is also a word counts only mid-sentence
                self._word_shorts.update(s for s in shorts if s.lower() in gaz.common_words)
                for acronym in place_acronyms(place.name) + shorts:
                    self._acronyms.setdefault(
                        acronym,
                        (_place_category(place.type), f"place:{i}", _place_role(place.type)),
                    )
                self._add_aliases(place.name, place.type, f"place:{i}")
        self._acronym_re = (
            re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, self._acronyms)) + r")(?![\w])")
            if self._acronyms
            else None
        )

    def _add_aliases(self, name: str, kind: str, who: str) -> None:
        """The other names a known place goes by (``known_aliases``): "UJ", "CUSAT", "UP
        Diliman", "Prifysgol Bangor", "Unilag", "Wits", "Killie", "Boro". Initials and
        clippings keep their capitals; a clipping that is not a word also counts in lower case;
        one that is a word ("Wits") only mid-sentence, like the town clippings."""
        category, role = _place_category(kind), _place_role(kind)
        nicknames = list(town_nicknames(name))
        for form in university_forms(name) + nicknames:
            if is_must_keep(form):
                continue
            if form in nicknames and form.lower() in self._gaz.common_words:
                self._acronyms.setdefault(form, (category, who, role))  # "Towns", "Rocky":
                self._word_shorts.add(form)  # with their capital, and mid-sentence only
            else:
                self._add_literal(form, category, who, role)
        town = university_town(name) or name
        shorts = clippings(town) if " " not in town.strip() else []
        exact = extra_acronyms(name, COMMON_ACRONYMS) + shorts
        words = dictionary_words()
        for short in shorts:
            low = short.lower()
            if low in self._gaz.first_names or is_must_keep(short):
                exact.remove(short)
            elif low in self._gaz.common_words or low in words:
                self._word_shorts.add(short)
            else:
                exact.append(low)  # "killie" in a hurried note
        for form in exact:
            self._acronyms.setdefault(form, (category, who, role))

    def _add_core_name(self, name: str, kind: str, who: str) -> None:
        """ "Royal Free" for the Royal Free Hospital; "the Royal" for Derby Royal (one word, for a
        hospital or a clinic only, and only after "the" and not before another capitalised
        word: "the Royal Mail")."""
        category = _place_category(kind)
        if category is not Category.ORGANISATION:
            return
        core = place_core_name(name, self._gaz.towns)
        if " " in core:
            self._add_literal(core, category, who, _place_role(kind))
        elif core and _place_role(kind) in ("hospital", "ward", "clinic"):
            pattern = r"(?<=\b[Tt]he )" + re.escape(core) + r"\b(?!['’]?s?\s+[A-Z])"
            self._literals.append((re.compile(pattern), category, who, _place_role(kind)))
            self._literal_hints.append(core.lower())

    def _listed_nicknames(self) -> dict[str, _Person]:
        """Nicknames the table lists for a known first name ("Becca", "Becky" for Rebecca)."""
        nicknames: dict[str, _Person] = {}
        for first, person in self._first_names:
            for nick in sorted(nickname_forms(first)) if len(first) >= 3 else ():
                if nick not in self._names and len(nick) >= 3:
                    nicknames.setdefault(nick, person)
        return nicknames

    def _distinctive_words(self, place_name: str) -> list[str]:
        """ "Oakfield" alone still means "Oakfield Academy": the words only this place's name has."""
        words = re.findall(r"[^\W\d_]+", place_name)
        if len(words) < 2:
            return []
        return [
            w
            for w in words
            if len(w) >= 4
            and w.lower() not in GENERIC_ORG_WORDS
            and w.lower() not in ORG_SUFFIXES
            and w.lower() not in self._gaz.top_words
            and w.lower() not in self._gaz.common_words
        ]

    def _add_person(
        self, names: tuple[str, ...], person: _Person, *, given: tuple[str, ...] = ()
    ) -> None:
        """Every part of every name; parts not in ``given`` are family names (see ``find_names``)."""
        given_keys = {g.lower().replace("’", "'") for g in given}
        for name in names:
            parts = re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", name)
            for n, part in enumerate(parts):
                key = part.lower().replace("’", "'")
                if len(key) < 2:
                    continue
                if key not in given_keys and not (n == 0 and not given):
                    self._family.add(key)
                else:
                    self._given.add(key)
                self._names.setdefault(key, person)
                self._names.setdefault(_fold(key), person)  # "Siân" is often typed "Sian"
                if len(key) >= 4:
                    self._fuzzy.append((key, person))
                pieces = re.split(r"['’-]", key)
                for piece in pieces:  # "Okafor-Smith" is also "Okafor"
                    if len(piece) >= 3 and piece != key:
                        self._names.setdefault(piece, person)
                if len(pieces) == 2 and len(pieces[0]) <= 2 and len(pieces[1]) >= 3:
                    self._split_prefix[pieces[1]] = pieces[0]  # "o sullivan" for O'Sullivan

    def _add_initials(self, full_name: str, person: _Person) -> None:
        named = [p for p in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", full_name) if p]
        named = [p for p in named if p.lower().rstrip(".") not in _TITLES]
        if len(named) >= 2:
            self._family_initials.setdefault(person.who, set()).add(named[-1][0].upper())
            self._family_names.setdefault(person.who, set()).add(named[-1])
            self._people[person.who] = person
            for given in named[:-1]:
                self._given_initials.setdefault(person.who, set()).add(given[0].upper())
        parts = [p for p in re.findall(r"[^\W\d_]+", full_name) if p]
        if len(parts) >= 2:
            initials = "".join(p[0].upper() for p in (parts[0], parts[-1]))
            self._initials.setdefault(initials, person)
            if len(parts) >= 3:
                self._initials.setdefault("".join(p[0].upper() for p in parts), person)

    def _add_literal(
        self, value: str, category: Category, who: str, role: str | None = None
    ) -> None:
        words = [_AND_RE if w.lower() in ("and", "&") else re.escape(w) for w in value.split()]
        if not words:
            return
        # "The Rose and Crown" is also "rose & crown": "and" as "&", "+" or "n"; "The" optional
        lead = r"(?:the\s+)?" if len(words) > 1 and words[0].lower() == "the" else words[0]
        rest = r"[\s,]+".join(words[1:])
        body = lead + rest if lead.endswith("?") else r"[\s,]+".join(words)
        pattern = r"(?<!\w)" + body + r"(?:['’]s)?(?!\w)"
        self._literals.append((re.compile(pattern, re.IGNORECASE), category, who, role))
        first = value.split()
        self._literal_hints.append((first[1] if lead.endswith("?") else first[0]).lower())

    # -- names -------------------------------------------------------------------------------

    def _lookup(self, token: Token) -> _Person | None:
        base = token.base
        person = self._names.get(base)
        if person is None and not base.isascii():
            person = self._names.get(_fold(base))
        if person is None and base.endswith("s") and len(base) >= 3:
            person = self._names.get(base[:-1])  # "Sams", a possessive without its apostrophe
        if (
            person is None
            and len(base) >= 3
            and token.capitalised
            and base in self._gaz.first_names
        ):
            person = self._short_form(base)  # "Sam", "Sammy" for a known "Samuel"
        if (
            person is None
            and len(base) >= 3
            and not token.capitalised
            and base.isalpha()
            and base not in self._gaz.common_words
            and base not in self._gaz.top_words
            and base not in self._gaz.first_names  # "sam" may be another Sam: only "Sam" is
        ):
            person = self._short_form(base)  # "dyl" in a hurried note about a known "Dylan"
        if (
            person is None
            and base in self._nicknames
            and (token.capitalised or (len(base) >= 5 and base not in self._gaz.common_words))
        ):
            person = self._nicknames[base]  # "Becca", "becca" for a known "Rebecca"; not "sam"
        if person is None and len(base) >= 4 and base not in self._gaz.common_words:
            key = (base, token.capitalised)
            if key not in self._fuzzy_memo:
                self._fuzzy_memo[key] = self._fuzzy_lookup(base, capitalised=token.capitalised)
            return self._fuzzy_memo[key]
        return person

    def _short_form_in_context(
        self, text: str, token: Token, *, after_only: bool = False
    ) -> _Person | None:
        """ "Gem was upset", "She and Dec are": a clipped known first name that is also a word
        or a month counts before or after a word that only goes with a person."""
        base = token.base
        if base not in self._word_short_memo:
            self._word_short_memo[base] = (
                self._short_form(base) if base.isalpha() and not is_must_keep(base) else None
            )
        person = self._word_short_memo[base]
        if person is None:
            return None
        return person if _clipping_cue(text, token, after_only=after_only) else None

    def _clipped(self, text: str, token: Token) -> _Person | None:
        """A clipped known first name that is also a word or a month, told by its context; in
        lower case ("rach rang me") only with a person's verb after it and when not a word."""
        if token.capitalised:
            return self._short_form_in_context(text, token)
        if token.text.islower() and token.base not in dictionary_words():
            return self._short_form_in_context(text, token, after_only=True)
        return None

    def _short_form(self, base: str) -> _Person | None:
        """A short form of a known first name: a prefix of it, or a prefix plus -y/-ie/-o."""
        stems = {base, base.removesuffix("ie"), base.removesuffix("y"), base.removesuffix("o")}
        stems |= {s[:-1] for s in stems if len(s) >= 4 and s[-1] == s[-2]}  # "Sammy" -> "Sam"
        for name, person in self._first_names:
            if len(name) >= 5 and any(
                len(st) >= 3 and name.startswith(st) and st != name for st in stems
            ):
                return person
        return None

    def _fuzzy_lookup(self, base: str, *, capitalised: bool) -> _Person | None:
        """A small misspelling of a known name: one edit (two from nine letters), same first letter below six."""
        limit = 2 if len(base) >= 9 else 1
        for name, candidate in self._fuzzy:
            if (
                (name[0] == base[0] or min(len(name), len(base)) >= 6)
                and abs(len(name) - len(base)) <= limit
                and (len(name) >= 5 or capitalised)
                and edit_distance_at_most(base, name, limit)
            ):
                return candidate
        return None

    def _ambiguous_ok(self, text: str, token: Token) -> bool:
        """A known name that is also a word ("Will", "Hope") counts when written or used as a name."""
        if token.possessive or (token.capitalised and not sentence_start(text, token.start)):
            return True
        before = previous_words(text, token.start, 1)
        after = next_words(text, token.end, 1)
        return bool(
            (before and before[0] in NAME_CUES_BEFORE) or (after and after[0] in NAME_CUES_AFTER)
        )

    def _given_follows(self, text: str, token: Token, person: _Person) -> bool:
        """ "Price, Deshawn": the family name written before the same person's given name."""
        m = _COMMA_WORD_RE.match(text, token.end)
        if m is None:
            return False
        word = m.group(1).lower()
        return word in self._given and self._names.get(word) == person

    def find_names(self, text: str, tokens: list[Token]) -> list[Identifier]:
        found: list[Identifier] = []
        looked_up = self._looked_up
        for token in tokens:
            word = token.text
            if word in looked_up:
                person = looked_up[word]
            else:
                person = looked_up[word] = self._lookup(token)
            if person is None and 3 <= len(token.base) <= 5:
                person = self._clipped(text, token)
            if person is not None:
                # A given name is replaced in any case; a family name that is also an everyday
                # word ("Young", "White", "Hall") only where it is used as a name.
                everyday = token.base in EVERYDAY_NAME_WORDS or token.base in self._gaz.top_words
                family = token.base in self._family and token.base not in self._given
                if (
                    everyday
                    and family
                    and not self._ambiguous_ok(text, token)
                    and not self._given_follows(text, token, person)
                ):
                    continue
                if (  # "no hope", "he will come": a given name that is a frequent word, used as one
                    not family
                    and token.text.islower()
                    and token.base in self._gaz.top_words
                    and not self._ambiguous_ok(text, token)
                ):
                    continue
                if family and person.who == "mentee" and title_before(text, token.start):
                    # "Mr Jones" is the mentee's father or another relative, not the mentee:
                    # still a name, but one the pseudonym map must not give the mentee's label.
                    found.append(
                        Identifier(token.start, token.end, Category.NAME, None, "relative")
                    )
                    continue
                start = self._with_split_prefix(text, token)
                found.append(Identifier(start, token.end, Category.NAME, person.who, person.role))
                continue
            if word.isupper() and (raw := word.replace(".", "")) in self._initials:
                who = self._initials[raw]
                found.append(Identifier(token.start, token.end, Category.NAME, who.who, who.role))
        # "J. S.": only a known person's initials count, so with none known there is no scan
        for m in finditer(_DOTTED_INITIALS_RE, text) if self._initials else ():
            if _pronoun_after_stop(m):
                continue
            key = m.group(1) + m.group(2)
            if key in self._initials:
                who = self._initials[key]
                found.append(Identifier(m.start(), m.end(), Category.NAME, who.who, who.role))
        found.extend(self.find_cut_initials(text))
        return _merge_adjacent(text, [self._with_initial(text, i) for i in found])

    def _with_split_prefix(self, text: str, token: Token) -> int:
        """Where a known name starts when the short piece before its apostrophe stands apart
        ("o sullivan" for O'Sullivan): the piece joins the span."""
        start = token.start
        prefix = self._split_prefix.get(token.base)
        if prefix is None or start <= len(prefix) or text[start - 1] != " ":
            return start
        head = start - len(prefix) - 1
        if text[head : start - 1].lower() == prefix and (head == 0 or not text[head - 1].isalnum()):
            return head
        return start

    def _with_initial(self, text: str, ident: Identifier) -> Identifier:
        """ "Jarrah W.", "Karthik S., 41", "H. Price-Morgan": an initial written against a known
        name is part of it when it is that person's own initial."""
        if ident.who is None:
            return ident
        start, end = ident.start, ident.end
        after = _INITIAL_AFTER_RE.match(text, end)
        cut = _CUT_FAMILY_AFTER_RE.match(text, end)
        if (
            cut is not None
            and (len(cut.group(1)) >= 3 or cut.group().endswith("."))  # "Sam Jo" may be two
            and self._cut_family(ident.who, cut.group(1))
        ):
            end = cut.end()  # "Stevie McG", "Tom Okon.": the family name cut short
        elif (
            (low := _LOWER_INITIAL_AFTER_RE.match(text, end)) is not None
            and text[start:end].islower()
            and low.group(1).upper() in self._family_initials.get(ident.who, ())
        ):
            end = low.end()  # "craig d caught up": a hurried note's initial in lower case
        elif (
            after is not None
            and (
                after.group(2)  # "Latoya R.": a middle or family initial with its full stop
                or after.group(1) in self._family_initials.get(ident.who, ())
                or (  # "PRUITT, DESHAWN L   DOB": a register's middle initial in capitals
                    text[start:end].isupper() and _FIELD_END_RE.match(text, after.end()) is not None
                )
            )
        ):
            end = after.end(1) + (1 if after.group(2) else 0)
        before = _INITIAL_BEFORE_RE.search(text, max(0, start - 4), start)
        if before is not None and before.group(1) in self._given_initials.get(ident.who, ()):
            start = before.start(1)
        if (start, end) == (ident.start, ident.end):
            return ident
        return Identifier(start, end, ident.category, ident.who, ident.role)

    def _cut_family(self, who: str, piece: str) -> bool:
        """Whether ``piece`` is one of the person's family names cut short ("McG" for
        McGlinchey, "Okon" for Okonkwo): two letters at least, as written, and not the whole."""
        return any(
            len(piece) >= 2 and len(family) > len(piece) and family.startswith(piece)
            for family in self._family_names.get(who, ())
        )

    def find_cut_initials(self, text: str) -> list[Identifier]:
        """ "R.McL", "S. Okon": a known person's given initial and their family name cut short."""
        found: list[Identifier] = []
        for m in finditer(_INITIAL_CUT_RE, text) if self._family_names else ():
            for who, givens in self._given_initials.items():
                if m.group(1) in givens and self._cut_family(who, m.group(2)):
                    role = self._people[who].role
                    found.append(Identifier(m.start(), m.end(), Category.NAME, who, role))
                    break
        return found

    # -- other known values --------------------------------------------------------------------

    def find_other(self, text: str) -> list[Identifier]:
        found: list[Identifier] = []
        lower = text.lower()
        if self._phones and _DIGIT.search(text):  # a regex scan: ~20x a per-character loop
            for m in re.finditer(r"\+?\(?\d[\d\s().-]{5,20}\d", text):
                digits = _phone_digits(m.group())
                for target, person in self._phones:
                    if target and len(target) >= 6 and target in digits:
                        start, end = _digits_span(text, m.start(), m.end(), target)
                        found.append(
                            Identifier(start, end, Category.PHONE, person.who, person.role)
                        )
                        break
        if self._acronym_re is not None:
            for m in self._acronym_re.finditer(text):
                if (
                    m.group() in self._word_shorts
                    and sentence_start(text, m.start())
                    and not _CAPITAL_NEXT_RE.match(text, m.end())  # "Wits DRU", "Palmy Hospital"
                ):
                    continue
                category, who, role = self._acronyms[m.group()]
                start = _with_the(text, m.start(), m.end(), category)
                found.append(Identifier(start, m.end(), category, who, role))
        for (regex, category, who, role), hint in zip(
            self._literals, self._literal_hints, strict=True
        ):
            if hint not in lower:
                continue
            for m in regex.finditer(text):
                start = _with_the(text, m.start(), m.end(), category)
                found.append(Identifier(start, m.end(), category, who, role))
        return found

    def is_dob(self, day: int, month: int, year: int | None) -> bool:
        dob = self._dob
        return (
            dob is not None and dob.day == day and dob.month == month and year in (None, dob.year)
        )

    @property
    def dob(self) -> dt.date | None:
        return self._dob


def _with_the(text: str, start: int, end: int, category: Category) -> int:
    """Where a known place's span starts: "the" just before it is part of what the writer
    calls it ("met at the Killam", "from the Bethlem"), so it goes with the name; not when
    the name runs on ("the Crewe Lifestyle Centre": a longer name whose span is not ours)."""
    if category not in (Category.ORGANISATION, Category.PLACE) or start < 4:
        return start
    after = _WORD_AFTER_RE.match(text, end)
    if after is not None and after.group(1).lower() not in _ENDS_A_NAME:
        return start
    m = _THE_BEFORE_RE.search(text, max(0, start - 6), start)
    return m.start() if m is not None else start


def _clipping_cue(text: str, token: Token, *, after_only: bool) -> bool:
    """Whether the words around a clipped known name show a person ("Gem was", "with Dec",
    "Dec's frustrated", "Dec to ring") rather than the word or month ("in Dec", "Dec to Feb")."""
    before = previous_words(text, token.start, 1)
    after = next_words(text, token.end, 2)
    if token.base in MONTH_WORDS and (
        (before and before[0] in _DATE_WORDS_BEFORE) or (after and after[0] in MONTH_WORDS)
    ):
        return False  # "in Dec to see", "from Dec to Feb": the month
    if after and after[0] in NAME_CUES_AFTER:
        return True
    if after_only:
        return False
    if before and before[0] in NAME_CUES_BEFORE:
        return True
    if token.possessive and not _DIGIT_AHEAD_RE.match(text, token.end):
        return True  # "Dec's frustrated": a month has no 's of its own before a word
    return (  # a plan's "Dec to try the line", not "Dec to Feb"
        len(after) == 2
        and after[0] == "to"
        and after[1].isalpha()
        and after[1] not in MONTH_WORDS
        and _TO_VERB_RE.match(text, token.end) is not None
    )


def _digits_span(text: str, start: int, end: int, target: str) -> tuple[int, int]:
    """The part of a digit run that is the known number: "(206) 555-0138. 988" ends at "0138"
    (the helpline after it is not part of the number); a national prefix before it stays in."""
    positions = [i for i in range(start, end) if text[i].isdigit()]
    digits = "".join(text[i] for i in positions)
    at = digits.rfind(target)
    if at < 0:
        return start, end
    last = positions[at + len(target) - 1] + 1
    return start, last


_ACRONYM_STOP = frozenset(split_words("of the and for at in on"))


def place_acronyms(name: str) -> list[str]:
    """The initials a place goes by: "Manchester Metropolitan University" -> MMU; "University of
    Nottingham" -> UoN, UofN; "NUI Galway" -> NUIG. Three letters at least (two say too little)."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", name)
    if len(words) < 2:
        return []

    def letter(word: str) -> str:
        return word if word.isupper() and len(word) <= 4 else word[0].upper()

    plain = "".join(letter(w) for w in words if w.lower() not in _ACRONYM_STOP)
    out = [plain]
    # "FNPH" for Federal Neuro-Psychiatric Hospital Yaba, "VAMC" for ... VA Medical Center: the
    # words up to the kind of place, from the first word or from a word in capitals
    kinds = [k for k, w in enumerate(words) if w.lower() in ORG_SUFFIXES]
    if kinds and kinds[-1] >= 1:
        last = kinds[-1]
        starts = [0] + [k for k in range(1, last) if words[k].isupper() and len(words[k]) <= 4]
        out.extend(
            "".join(letter(w) for w in words[k : last + 1] if w.lower() not in _ACRONYM_STOP)
            for k in starts
        )
    if any(w.lower() == "of" for w in words):
        for of in ("o", "of"):
            out.append(
                "".join(
                    of if w.lower() == "of" else letter(w)
                    for w in words
                    if w.lower() == "of" or w.lower() not in _ACRONYM_STOP
                )
            )
    return [a for a in dict.fromkeys(out) if len(a) >= 3 and sum(c.isupper() for c in a) >= 2]


_VOWELS = frozenset("aeiouy")


def place_core_name(name: str, towns: frozenset[str]) -> str:
    """What staff call a known organisation for short: its name without the kind of place at the
    end and the town at the start ("Royal Free" for Royal Free Hospital, "Stepping Stone" for
    Stepping Stone Veterans' Centre, "Royal" for Derby Royal). Empty when nothing is left or
    nothing was dropped."""
    words = name.split()
    while words and words[0].lower() == "the":
        words = words[1:]
    while words and (
        words[-1].lower().strip("'’") in ORG_SUFFIXES or words[-1].endswith(("s'", "s’"))
    ):
        words = words[:-1]
    if len(words) == 2 and words[0].lower() in towns:
        words = words[1:]  # "Derby Royal" -> "the Royal"; "Riverside Sixth Form" keeps its town
    if (
        not words
        or len(words) == len(name.split())
        or not all(w[:1].isupper() for w in words)
        or (len(words) == 1 and words[0].lower() in towns)
    ):
        return ""
    return " ".join(words)


def place_short_forms(name: str) -> list[str]:
    """What a town with a long one-word name is called for short: a clipping ("Palmy" for
    Palmerston North, "Toowoomba" -> "Toowy") and the capitals of its syllables ("PMB" for
    Pietermaritzburg, "JHB" for Johannesburg: the first letter and two later consonants that
    open a syllable, in order). Only from eight letters: a short name has no short form."""
    words = re.findall(r"[^\W\d_]+", name)
    if not words or len(words[0]) < 8 or not words[0][0].isupper():
        return []
    word = words[0].lower()
    out = [word[:k].capitalize() + "y" for k in (4, 5) if word[k - 1] not in _VOWELS]
    onsets = [
        i
        for i in range(1, len(word) - 1)
        if word[i] not in _VOWELS and word[i + 1] in _VOWELS and word[i - 1] not in word[i]
    ]
    for a, b in itertools.combinations(onsets, 2):
        if b - a >= 2 and 3 * b >= 2 * len(word) and len(words) == 1:
            out.append((word[0] + word[a] + word[b]).upper())
    return list(dict.fromkeys(out))


#: "and" in a known name as it is also written: "Rose & Crown", "Rock + Bowl", "Rock n Roll".
_AND_RE = r"(?:and|&|\+|['’]?n['’]?)"
#: A capitalised word after a clipping at a sentence's start: "Wits DRU" is the university.
_CAPITAL_NEXT_RE = re.compile(r"[ \t]+[A-Z]")
#: "the" before a known place: part of what the writer calls it ("the Killam", "the Bethlem").
#: The next word, when the name is followed by one (not by punctuation or the end).
_WORD_AFTER_RE = re.compile(r"[ \t]+([^\W\d_]+)")
#: Words after a place's name that end the name ("the Bethlem on Tuesday", "the Killam again").
_ENDS_A_NAME = frozenset(
    split_words("""in on at to for from with by and or but now again today yesterday tonight
    last this that where when while after before until since so because then was is were are
    has had have will would last overnight""")
)
_THE_BEFORE_RE = re.compile(r"(?<![\w])[Tt]he[ \t]+$")
_COMMA_WORD_RE = re.compile(r",[ \t]+([A-Z][^\W\d_]+)")
_TITLES = frozenset(split_words("mr mrs ms miss mx dr prof sir dame rev fr"))
#: A capital standing alone after a name, with or without its full stop: "Jarrah W." "Will T -".
_INITIAL_AFTER_RE = re.compile(r"[\"”’']?[ \t]([A-Z])(\.)?(?![\w'’])")
#: A family name's particle as it is cut short between a known given and family name.
_PARTICLE_GAP_RE = re.compile(
    r"[ \t]+(?:v\.?[ \t]?d\.?|v/d|vd\.?|v\.|d['’]|v\.?[ \t]?d\.?[ \t]?[lr]\.?)[ \t]+"
)
#: A capitalised piece of two to four letters after a name, perhaps with a full stop: "McG".
_CUT_FAMILY_AFTER_RE = re.compile(r"[ \t]([A-Z][A-Za-z]{1,3})\.?(?![\w'’-])")
#: A lower-case letter alone after a lower-case name ("craig d"); not "a" or "i" (words).
_LOWER_INITIAL_AFTER_RE = re.compile(r"[ \t]([b-hj-z])(?![\w'’&/-])")
#: A capital with its full stop and a cut family name: "R.McL", "S. Okon".
_INITIAL_CUT_RE = re.compile(r"(?<![\w.])([A-Z])\.[ \t]?([A-Z][A-Za-z]{1,3})\.?(?![\w'’-])")
#: The end of a register's field after an initial: "PRUITT, DESHAWN L   DOB ...".
_FIELD_END_RE = re.compile(r"[ \t]{2,}|[ \t]*$|[ \t]*[|,;]", re.MULTILINE)
_INITIAL_BEFORE_RE = re.compile(r"(?<![\w.])([A-Z])\.?[ \t]?$")


def _merge_adjacent(text: str, found: list[Identifier]) -> list[Identifier]:
    """Join "Sam Brown" into one span (the first token's person wins) so it gets one pseudonym."""
    found.sort(key=lambda i: i.start)
    merged: list[Identifier] = []
    for ident in found:
        if (
            merged
            and merged[-1].end <= ident.start
            and (
                text[merged[-1].end : ident.start] in (" ", " -", "-")
                or (  # "Piet vd Merwe", "Jan v.d. Berg": a family name's particle cut short
                    merged[-1].who is not None
                    and merged[-1].who == ident.who
                    and _PARTICLE_GAP_RE.fullmatch(text, merged[-1].end, ident.start) is not None
                )
                or (  # "Price, Deshawn": a register's "family name, given name"
                    text[merged[-1].end : ident.start] == ", "
                    and merged[-1].who is not None
                    and merged[-1].who == ident.who
                )
            )
        ):
            last = merged[-1]
            merged[-1] = Identifier(last.start, ident.end, Category.NAME, last.who, last.role)
        elif merged and merged[-1].overlaps(ident):
            last = merged[-1]
            merged[-1] = Identifier(
                last.start, max(last.end, ident.end), Category.NAME, last.who, last.role
            )
        else:
            merged.append(ident)
    return merged


def _pronoun_after_stop(m: re.Match[str]) -> bool:
    """``B. I shared`` is a sentence ending in a label and the pronoun "I" (or "A"), not initials.

    The export's own check reads anonymised text, where "... for Mentee B. I shared ..." is
    common; without this the check saw the initials of a mentee called B... I... and refused.
    """
    gap_then_undotted = m.group(0)[2:3].isspace() and not m.group(0).endswith(".")
    return gap_then_undotted and m.group(2) in "IA"
