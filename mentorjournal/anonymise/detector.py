"""The detector: every rule run once over a note, overlaps resolved, kept terms protected.

Build one ``Detector`` per Known (per mentee in an export) and call ``find`` for each note:
the known-name tables and the gazetteers are prepared once, so a 300-word note costs ~1-2 ms.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from mentorjournal.anonymise import prefilter
from mentorjournal.anonymise.addresses import codes_after_places, street_addresses
from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import (
    BRAND_FIRST,
    BRANDS_RE,
    RELATIONS,
    ContextDetector,
)
from mentorjournal.anonymise.cues import COMMON_ACRONYMS, CueDetector, clinical_scores, fold
from mentorjournal.anonymise.dates import parse_date
from mentorjournal.anonymise.gazetteers import Gazetteers, load_gazetteers
from mentorjournal.anonymise.generic_services import generic_service_spans
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.initials import InitialForms
from mentorjournal.anonymise.known import Known
from mentorjournal.anonymise.known_detector import KnownDetector
from mentorjournal.anonymise.lexicon import (
    COUNTRIES,
    KEPT_PHRASES,
    MEDICATIONS,
    MONTHS,
    NOT_NAMES,
    SCORES,
    SERVICES,
    THERAPIES,
    US_STATES,
    WEEKDAYS,
    is_must_keep,
)
from mentorjournal.anonymise.name_forms import NameForms, spoken_to
from mentorjournal.anonymise.org_cues import (
    acronyms_by_use,
    bracketed_acronyms,
    is_degree,
    with_article,
)
from mentorjournal.anonymise.organisations import OrganisationDetector, whole_names
from mentorjournal.anonymise.patterns import (
    CODE_BEFORE_TOWN_RE,
    HELPLINE_RE,
    PLATFORM_WORDS,
    TOWN_ZIP_RE,
    find_patterns,
    is_service_number,
)
from mentorjournal.anonymise.place_forms import PlaceForms, extend_places
from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.proper_nouns import ProperNounDetector
from mentorjournal.anonymise.road_numbers import road_numbers
from mentorjournal.anonymise.street_forms import join_address_parts, street_forms
from mentorjournal.anonymise.tagger import SequenceTagger, added_spans, load_tagger
from mentorjournal.anonymise.textutil import (
    Token,
    find_phrases,
    sentence_start,
    split_words,
    tokenize,
)

#: Lower wins an overlap; within a rank the longer span wins.
_RANK: dict[Category, int] = {
    Category.EMAIL: 1,
    Category.URL: 1,
    Category.HANDLE: 2,
    Category.ID_NUMBER: 2,
    Category.DATE: 3,
    Category.POSTCODE: 3,
    Category.ZIP: 3,
    Category.ADDRESS: 3,
    Category.PHONE: 4,
    Category.AGE: 4,
    Category.ORGANISATION: 5,
    Category.PLACE: 6,
    Category.NAME: 7,
}
_SOFT = frozenset({Category.NAME, Category.PLACE, Category.ORGANISATION})
#: A platform's name ("PSN", "BeReal", "gamertag") is never a person, a place or a handle itself.
_PLATFORM_SHY = _SOFT | {Category.HANDLE}
#: Categories made of words (the others are shapes: an e-mail "sat.jo@x.uk" is not a weekday).
_WORDY = frozenset({Category.NAME, Category.PLACE, Category.ORGANISATION, Category.ADDRESS})
#: Single words that must stay whatever rule took them (multi-word services are protected whole).
_KEPT_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(w + "s" for w in WEEKDAYS if w.endswith("day"))  # "group on Tuesdays"
    | frozenset(w for w in MEDICATIONS if w.isalpha() and len(w) > 3)
    | frozenset(
        w
        for w in THERAPIES
        if w.isalpha() and len(w) > 2 and w not in ("act", "cat", "wise", "mind")
    )
    | frozenset(w for w in SCORES if w.isalpha())
    | frozenset(w for w in SERVICES if w.isalpha() and w not in ("mind", "shout"))
)
#: Services named alone that stay, but inside a longer organisation's name are part of it.
_BRANCHED_SERVICE_WORDS = frozenset(
    split_words("nhs foodbank gp na aa cgl mind nami police jobcentre cmht jigsaw")
)
#: Kept words that a longer capitalised name may hold inside it (not weekdays, drugs, scores).
_NAME_PART_KEPT_WORDS = frozenset(w for w in THERAPIES | SERVICES if w.isalpha())
_MULTIWORD_SERVICES = sorted(
    [s for s in SERVICES if " " in s or not s.isalpha()] + list(KEPT_PHRASES), key=len, reverse=True
)
_SERVICES_RE = re.compile(
    # the lookahead lets the engine skip positions no service can start at (about 3x faster)
    r"(?<![\w])(?=[A-Za-z0-9&])(?:"
    + "|".join(re.escape(s) for s in _MULTIWORD_SERVICES)
    + r")(?![\w])",
    re.IGNORECASE,
)


#: "Phone 0306 999 0744", "her mobile: 0800...": a number given as someone's own is theirs, even
#: with a prefix services use.
_PERSONAL_PHONE_CUE_RE = re.compile(
    r"\b(?:phone|mobile|mob|tel|cell|landline|whatsapp)\b[ \t]*(?:no\.?|number|num)?[ \t]*[:.-]?[ \t]*$",
    re.IGNORECASE,
)
#: "Benzhexol 2.5mg (Artane)": a word in brackets straight after a dose is the drug's brand.
_DOSE_BEFORE_RE = re.compile(r"\d[ ]?(?:mg|mcg|µg|ml|g)[ ]?\($", re.IGNORECASE)


def _brand_after_dose(text: str, ident: Identifier) -> bool:
    return (
        not ident.known
        and ident.category in _SOFT
        and text[ident.end : ident.end + 1] == ")"
        and " " not in text[ident.start : ident.end]
        and _DOSE_BEFORE_RE.search(text, max(0, ident.start - 12), ident.start) is not None
    )


_WORD_AFTER_RE = re.compile(r"[ ]([A-Z\u00C0-\u00DE][\w'’-]+)")
_LISTED_BEFORE_RE = re.compile(r"(?:,|[ ]and|[ ]&|[ ]or)[ ](?:the[ ])?$")


def _before_service(text: str, ident: Identifier, protected: list[tuple[int, int]]) -> Identifier:
    """ "POWA and GBV Command Centre 0800 428 428": a name listed just before a kept service is
    its own; the run that took both keeps the part before the list word."""
    if ident.category not in _SOFT or not protected:
        return ident
    for s, e in protected:
        if (
            ident.start < s < ident.end <= e
            and (m := _LISTED_BEFORE_RE.search(text, ident.start, s))
            and m.start() > ident.start
        ):
            return replace(ident, end=m.start())
    return ident


#: Lower-case kinds of group that a topic in everyday words names ("the Fatherhood group").
_ORG_WORDS = frozenset(
    split_words("""international national foundation trust association society institute network
    alliance council charity church federation union league project centre center""")
)
_SITE_KINDS = frozenset(split_words("clinic pharmacy centre center office team service unit"))
_GROUP_KINDS = frozenset(split_words("group groups meeting meetings class classes team line"))
_GROUP_KIND_AFTER_RE = re.compile(
    r"[ ]+(?:support[ ]+)?(?:group|groups|meeting|meetings|class|classes|team|line)\b"
)
#: A toll-free number spelt partly in letters: "1-800-662-HELP", "1-800-GAMBLER".
_VANITY_RE = re.compile(r"(?:1[-. ]?)?8(?:00|33|44|55|66|77|88)[-. ]?[\dA-Z-]{0,4}[A-Z]{3,7}\b")
#: Words of which one is in every helpline name ``HELPLINE_RE`` finds (a cheap pre-check).
_HELPLINE_HINTS = frozenset(
    split_words("""crisis helpline hotline lifeline youthline hopeline drinkline textline warmline
    infoline line phone distress""")
)
_SERVICE_FIRST_WORDS = frozenset(re.split(r"[^a-z]+", s)[0] for s in _MULTIWORD_SERVICES) - {""}
#: How the text after a service's first word begins, for each first word ("open" -> " arm",
#: " dia"): the long alternation is tried only where one of them follows ("in", "new" and
#: "the" open many phrases and most sentences).
_SERVICE_GOES_ON: dict[str, tuple[str, ...]] = {
    w: tuple(
        sorted(
            {s[len(w) : len(w) + 4] for s in _MULTIWORD_SERVICES if re.split(r"[^a-z]+", s)[0] == w}
        )
    )
    for w in _SERVICE_FIRST_WORDS
}
_DIGIT_SERVICES_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(s) for s in _MULTIWORD_SERVICES if s[:1].isdigit())
    + r")(?![\w])",
    re.IGNORECASE,
)


def _protected_services(
    text: str, tokens: list[Token], numbered: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Spans of services that must stay, tried only where a service's first word is (faster than
    scanning the whole note with the long alternation). ``numbered`` are one-word helplines
    whose number written after them is theirs too ("iCall 9152987821")."""
    spans = [
        _with_number(text, m)
        for t in tokens
        if t.base in _SERVICE_FIRST_WORDS
        and text[t.end : t.end + 4].lower().startswith(_SERVICE_GOES_ON[t.base])
        and (m := _SERVICES_RE.match(text, t.start)) is not None
    ]
    if any(c.isdigit() for c in text):
        spans.extend(m.span() for m in finditer(_DIGIT_SERVICES_RE, text))
        spans.extend(
            (t.start, number.end())
            for t in tokens
            if t.base in numbered and (number := _NUMBER_AFTER_RE.match(text, t.end)) is not None
        )
    return spans


#: A number written straight after a helpline's or a charity's name is theirs ("Befrienders
#: Kenya +254 722 178 177", "Open Arms 1800 011 046"); not after a local service's ("the GP",
#: "the police"), whose number can say where someone lives.
_NUMBER_AFTER_RE = re.compile(r"[ \t]*(?:on|:|-|–)?[ \t]*\(?\+?\d[\d \t().-]{4,16}\d\)?")
_LOCAL_SERVICES = frozenset(
    split_words("""gp police nhs a&e camhs cahms cmht iapt pals jobcentre ambulance eip yot
    foodbank""")
) | frozenset(
    [
        "a and e",
        "crisis team",
        "home treatment team",
        "early intervention team",
        "social services",
        "job centre",
        "jobcentre plus",
        "job centre plus",
        "housing options",
        "food bank",
        "youth offending team",
        "student services",
        "disability unit",
        "disability services",
        "disability support services",
        "counselling service",
        "counselling services",
        "counseling services",
        "wellbeing service",
        "student wellbeing service",
        "recovery college",
    ]
)


def _with_number(text: str, m: re.Match[str]) -> tuple[int, int]:
    if m.group().lower() in _LOCAL_SERVICES:
        return m.span()
    number = _NUMBER_AFTER_RE.match(text, m.end())
    return (m.start(), number.end()) if number is not None else m.span()


def _rank(ident: Identifier) -> tuple[int, int, int]:
    return (0 if ident.known else _RANK[ident.category], -(ident.end - ident.start), ident.start)


def _absorb_contained(found: list[Identifier]) -> list[Identifier]:
    """A span inside a longer one goes ("sam" inside "@sam_09", "Jordan" inside "12 Jordan Road").

    When a longer unknown name holds a known one ("Grace Okafor" around known "Okafor"), the
    longer span keeps the known person's identity so the pseudonym stays consistent.
    """
    ordered = sorted(found, key=lambda i: (i.start, -(i.end - i.start)))
    out: list[Identifier] = []
    cover = -1  # index in ``out`` of the span reaching furthest right so far
    for ident in ordered:
        container = out[cover] if cover >= 0 and ident.end <= out[cover].end else None
        if container is None:
            out.append(ident)
            if cover < 0 or ident.end > out[cover].end:
                cover = len(out) - 1
            continue
        same_span = (container.start, container.end) == (ident.start, ident.end)
        if same_span and _rank(ident) < _rank(container):
            out[cover] = (
                ident if ident.role or not container.role else replace(ident, role=container.role)
            )
        elif (
            same_span
            and container.role is None
            and ident.role
            and ident.category is container.category
        ):
            out[cover] = replace(container, role=ident.role)  # "her friend Jordan": keep the role
        elif (
            container.category is Category.NAME
            and ident.category is Category.NAME
            and ident.known
            and not container.known
        ):
            out[cover] = Identifier(
                container.start, container.end, Category.NAME, ident.who, ident.role
            )
    return out


def resolve_overlaps(found: list[Identifier]) -> list[Identifier]:
    """Keep the most trusted span where spans overlap; the result is sorted and disjoint."""
    starts: list[int] = []
    chosen: list[Identifier] = []
    for ident in sorted(_absorb_contained(found), key=_rank):
        k = bisect.bisect_left(starts, ident.start)
        if k > 0 and chosen[k - 1].end > ident.start:
            continue
        if k < len(chosen) and chosen[k].start < ident.end:
            continue
        starts.insert(k, ident.start)
        chosen.insert(k, ident)
    if len(chosen) < len(found):
        # A span absorbed into a longer one that then lost its overlap ("Lori Muir" inside
        # "Lori Muir Suite", beaten by the address "Suite 045") still stands on its own.
        for ident in sorted(found, key=_rank):
            k = bisect.bisect_left(starts, ident.start)
            if (k > 0 and chosen[k - 1].end > ident.start) or (
                k < len(chosen) and chosen[k].start < ident.end
            ):
                continue
            starts.insert(k, ident.start)
            chosen.insert(k, ident)
    return chosen


@dataclass(frozen=True)
class TextScan:
    """What the rules find in a text whoever's notes it is in: tokens, patterns, context.

    Only the known-name rules depend on the mentee. An export that checks one paragraph
    against every selected mentee's Known scans it once and hands the scan to each detector
    (twelve mentees: one scan instead of twelve).
    """

    tokens: list[Token]
    #: Pattern and context finds, in that order, outside protected service names.
    generic: list[Identifier]
    #: Spans of brand names ("McDonald's"): an unknown name inside one is not a person.
    brands: list[tuple[int, int]]
    #: Services and helplines that stay whole, whatever later finds ("Oxleas crisis line").
    protected: tuple[tuple[int, int], ...] = ()


class Detector:
    """Finds identifiers for one mentee's notes; deterministic and safe on any text."""

    def __init__(
        self,
        known: Known | None = None,
        gazetteers: Gazetteers | None = None,
        *,
        statistical: bool = True,
    ) -> None:
        """``statistical=False`` runs the rules alone: what the tagger is trained on and
        compared with (``tagger.py``)."""
        self.known = known or Known()
        self._gaz = gazetteers or load_gazetteers()
        self._tagger: SequenceTagger | None = load_tagger() if statistical else None
        self._known = KnownDetector(self.known, self._gaz)
        self._context = ContextDetector(self._gaz)
        self._cues = CueDetector(self._gaz)
        self._proper = ProperNounDetector(self._gaz)
        self._orgs = OrganisationDetector(self._gaz)
        self._places = PlaceForms(self._gaz)
        self._names = NameForms(self._gaz)
        self._initials = InitialForms(self.known, self._gaz)
        #: One-word helplines no one is named after and no sentence uses as a word ("iCall",
        #: "Childhelp"; not "Frank", "Aware"): a number straight after one is the helpline's.
        self._numbered_services = frozenset(
            w
            for w in SERVICES
            if w.isalpha()
            and len(w) >= 5
            and w not in ("kiran", "juneteenth")  # a given name the lists lack; a day
            and w not in _LOCAL_SERVICES
            and w not in self._gaz.first_names
            and w not in self._gaz.top_words
            and w not in self._gaz.common_words
        )

    def scan(self, text: str) -> TextScan:
        """The mentee-independent part of ``find`` (reusable with any detector's ``find``)."""
        tokens = tokenize(text)
        bases = {t.base for t in tokens}
        hinted = not bases.isdisjoint(_SERVICE_FIRST_WORDS) or any(c in text for c in "&0123456789")
        protected = _protected_services(text, tokens, self._numbered_services) if hinted else []
        protected.extend(generic_service_spans(text, tokens))  # "the Perinatal Mental Health Team"
        if not bases.isdisjoint(_HELPLINE_HINTS):  # tried around each helpline word, not everywhere
            for t in tokens:
                if t.base in _HELPLINE_HINTS:
                    a, b = max(0, t.start - 64), min(len(text), t.end + 32)
                    protected.extend(
                        m.span()
                        for m in HELPLINE_RE.finditer(text, a, b)
                        if m.start() <= t.start < m.end()
                    )
        if protected:  # "Open Arms Whangārei": a service with its town after it is a local branch
            protected = [(s, e) for s, e in protected if not self._town_after(text, e)]
        orgs = self._orgs.find(text, tokens)
        if protected and orgs:  # "Citizens Advice Knowsley": a service's local branch is named
            protected = [
                (s, e)
                for s, e in protected
                if not any(o.start <= s and e <= o.end and o.end - o.start > e - s for o in orgs)
            ]
        generic = [
            i
            for i in find_patterns(text, bases, tokens)
            if not any(s <= i.start and i.end <= e for s, e in protected)
        ]
        generic.extend(
            i
            for i in (
                _before_service(text, i, protected)
                for i in [
                    *self._context.find(text, tokens),
                    *self._cues.find(text, tokens, bases),
                    *self._proper.find(text, tokens),
                    *self._proper.nicknames(text),
                    *orgs,
                    *acronyms_by_use(text, tokens),
                    *street_addresses(text),
                    *street_forms(text, bases),
                    *road_numbers(text),
                    *self._places.find(text, tokens, bases),
                    *self._names.find(text, tokens, bases),
                ]
            )
            if not any(s < i.end and i.start < e for s, e in protected)  # a service stays whole
            and (
                i.category not in _PLATFORM_SHY
                or text[i.start : i.end].lower() not in PLATFORM_WORDS
            )
        )
        generic = [
            i
            for i in generic
            if i.category is not Category.PHONE
            or not (
                is_service_number(text[i.start : i.end])
                or _VANITY_RE.match(text, i.start, i.end + 8) is not None  # "1-800-662-HELP"
            )
            or _PERSONAL_PHONE_CUE_RE.search(text, max(0, i.start - 24), i.start)
        ]
        scores = clinical_scores(text, bases)
        if scores:  # "PHQ-9 of 14", "GAD7 was 9": the number is a score, not an age or a date
            generic = [
                i
                for i in generic
                if i.known
                or i.category in _SOFT
                or not any(i.start < e and s < i.end for s, e in scores)
            ]
        brands = [
            (t.start, m.end())
            for t in tokens
            if t.base in BRAND_FIRST and (m := BRANDS_RE.match(text, t.start)) is not None
        ]
        return TextScan(tokens, generic, brands, tuple(protected))

    def find(self, text: str, scan: TextScan | None = None) -> list[Identifier]:
        """Every identifier in ``text``; ``scan`` is ``scan(text)`` when already made.

        The case-folded copies of the note that the scans share are dropped when it returns:
        no note's text stays in memory behind the call.
        """
        try:
            return self._find(text, scan)
        finally:
            prefilter.clear()

    def _find(self, text: str, scan: TextScan | None) -> list[Identifier]:
        scan = scan if scan is not None else self.scan(text)
        found = self._known.find_names(text, scan.tokens)
        found.extend(self._known.find_other(text))
        found.extend(scan.generic)
        found = [
            i
            for i in found
            if i.known
            or i.category is not Category.NAME
            or i.role is not None  # "her friend Zara" is a person, whatever shop shares the name
            or not any(s <= i.start and i.end <= e for s, e in scan.brands)  # a brand
        ]
        chosen = resolve_overlaps(_postcode_into_address(_trim(text, found)))
        grown = whole_names(text, scan.tokens, chosen, self._gaz, scan.protected)
        if grown:  # "Leeds" of "Leeds Mind": the whole name, unless it would eat a kept service
            chosen = resolve_overlaps(
                chosen
                + [
                    i
                    for i in grown
                    if not any(s < i.end and i.start < e for s, e in scan.protected)
                ]
            )
        acronyms = bracketed_acronyms(text, chosen, self._gaz.towns)
        if acronyms:  # "Yaba Psychiatric (FNPH)", "HCLS (legal clinic)"
            chosen = resolve_overlaps(chosen + acronyms)
        # addresses in parts, people spoken to, places with their seafront or article and
        # the town after a place ("Newtown, Wellington"), before postcodes are looked for
        chosen = join_address_parts(text, chosen)
        chosen = self._places.towns_after_places(text, extend_places(text, spoken_to(text, chosen)))
        listed = _named_in_lists(text, chosen)
        listed += self._initials.find(text, chosen + listed)  # "jamie r", "met j at", "ruby (14)"
        chosen = _spare_kept_words(
            text,
            scan.tokens,
            chosen
            + [  # another mention of a name found elsewhere, unless it is part of a helpline
                i
                for i in propagate(text, chosen, self._gaz)
                if not any(s <= i.start and i.end <= e for s, e in scan.protected)
            ]
            + _zips_after_towns(text, chosen)
            + _ages_after_names(text, chosen + listed)
            + codes_after_places(text, chosen)
            + listed
            + self._names.around(text, chosen + listed),
        )
        out = [
            self._mark_dob(text, _district(text, _own_possessive(text, _drop_possessive(text, i))))
            for i in resolve_overlaps([_particles(text, i) for i in chosen])
            if not self._kind_of_group(text, i)
            and not _brand_after_dose(text, i)
            and not is_degree(text, i)
        ]
        out = _articles(text, out)
        if self._tagger is None:
            return out
        extra = added_spans(
            text, out, scan.protected, self._tagger, gaz=self._gaz, kept_words=_KEPT_WORDS
        )
        return sorted(out + extra, key=lambda i: i.start) if extra else out

    def _town_after(self, text: str, end: int) -> bool:
        m = _WORD_AFTER_RE.match(text, end)
        return m is not None and fold(m.group(1)).lower() in self._gaz.towns

    def _kind_of_group(self, text: str, ident: Identifier) -> bool:
        """ "the Fatherhood group", "Active Retirement group", "Maternal Mental Health team": a
        group, meeting or team named by what it is about, in everyday words, is a kind of
        support anyone may go to, not one place's organisation ("Edinburgh group" names a place,
        "Man Alive clinic" a provider)."""
        if ident.known or ident.category is not Category.ORGANISATION:
            return False
        words = text[ident.start : ident.end].split()
        if (
            len(words) >= 2
            and words[-1] in _SITE_KINDS
            and all(w in COMMON_ACRONYMS for w in words[:-1])
        ):
            return True  # "the HSE clinic", "VA pharmacy", "the OST centre": a national service's
        if words and words[-1] in _GROUP_KINDS:
            words = words[:-1]
            if words and words[-1] == "support":
                words = words[:-1]
        elif _GROUP_KIND_AFTER_RE.match(text, ident.end) is None:
            return False
        g = self._gaz
        return bool(words) and all(
            w[:1].isupper()
            and w.lower() not in _ORG_WORDS
            and w.lower() not in US_STATES
            and w.lower() not in COUNTRIES
            and (b := w.lower().strip("'’")) in g.common_words
            and b not in g.towns
            and b not in g.first_names
            and b not in g.surnames
            for w in words
        )

    def _mark_dob(self, text: str, ident: Identifier) -> Identifier:
        """A date of birth is marked (role "dob") so it is removed, never turned into a month or week.

        The mentee's own date of birth in any format belongs to the mentee; any date written
        after "born", "DOB", "date of birth" or "birthday" is someone's date of birth.
        """
        if ident.category is not Category.DATE or ident.who is not None:
            return ident
        dob = self.known.mentee.dob
        parts = parse_date(text[ident.start : ident.end])
        if (
            dob is not None
            and (parts.day, parts.month) == (dob.day, dob.month)
            and parts.year in (None, dob.year)
        ):
            return Identifier(ident.start, ident.end, Category.DATE, "mentee", "dob")
        if _DOB_CUE.search(text[max(0, ident.start - 24) : ident.start]):
            return Identifier(ident.start, ident.end, Category.DATE, None, "dob")
        return ident

    def also_found(self, text: str, found: list[Identifier], words: set[str]) -> list[Identifier]:
        """More mentions in ``text`` of name words found elsewhere in the same export (never overlapping ``found``)."""
        return propagate(text, found, self._gaz, also=words) if words else []

    def name_words(self, text: str, found: list[Identifier]) -> set[str]:
        return name_words(text, found, self._gaz)

    def find_known(self, text: str, tokens: list[Token] | None = None) -> list[Identifier]:
        """Only what the vault knows (for the preview's "still identifiable" warning);
        ``tokens`` is ``tokenize(text)`` when already made."""
        tokens = tokens if tokens is not None else tokenize(text)
        found = self._known.find_names(text, tokens) + self._known.find_other(text)
        return resolve_overlaps(found)


_DOB_CUE = re.compile(
    r"(?:\bborn(?:\s+on)?|\bd\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is)?(?:\s+on)?|"
    r"\bbday(?:\s+is)?(?:\s+on)?)\s*(?:is|was|:|-|–|on|the)?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE_ENDS = ("'s", "’s", "'", "’")


def _articles(text: str, found: list[Identifier]) -> list[Identifier]:
    """ "the Bronx": each organisation or place takes the "the" before it, unless a span ends there."""
    out: list[Identifier] = []
    for i in found:
        grown = with_article(text, i)
        if grown is not i and out and out[-1].end > grown.start:
            grown = i
        out.append(grown)
    return out


def _drop_possessive(text: str, ident: Identifier) -> Identifier:
    """A span names the person, not the possessive: "Sam's mum" -> "Sam" (the "'s" stays in the text)."""
    if ident.category not in (Category.NAME, Category.PLACE):
        return ident  # "Sainsbury's", "St Hilda's": the 's is part of an organisation's name
    surface = text[ident.start : ident.end]
    for end in _POSSESSIVE_ENDS:
        if (
            surface.endswith(end)
            and len(surface) > len(end) + 1
            and surface[-len(end) - 1].isalpha()
        ):
            return Identifier(
                ident.start, ident.end - len(end), ident.category, ident.who, ident.role
            )
    return ident


#: Words after "X's" that show the 's is part of a venue's name ("lunch at Eddie Rocket's on
#: Friday"), not a possessive ("Tesco's car park").
_AFTER_OWN_NAME = frozenset(
    split_words(
        """on in at for and or with near last yesterday today tonight this that after before but so
    to when where while because then again every most sometimes instead"""
    )
)
_POSSESSIVE_TAIL_RE = re.compile(r"['’]s(?![\w'’])")


_PARTICLES = (
    r"(?:Ó|O|Ní|Ni|Nic|Mac|Mc|Uí|Ui|Mhic|Bean|van|von|de|da|di|del|della|le|la|bin|ibn|al|el|ben|ap|du"
    r"|van der|van den|de la|de los|dos|das)"
)
#: A family name written with its particle: "Bríd Ó Súilleabháin", "Aoife Ní Bhriain", "Anke van Dijk".
_PARTICLE_AFTER_RE = re.compile(r"[ \t]+" + _PARTICLES + r"[ \t]+[A-Z\u00C0-\u00DE][\w'’-]*\w")
_ENDS_IN_PARTICLE_RE = re.compile(r"(?:^|\s)" + _PARTICLES + r"$")
_CAPITALISED_NEXT_RE = re.compile(r"[ \t]+[A-Z\u00C0-\u00DE][\w'’-]*\w")


def _particles(text: str, ident: Identifier) -> Identifier:
    """A name runs on over a family-name particle and the capitalised word after it."""
    if ident.category is not Category.NAME:
        return ident
    surface = text[ident.start : ident.end]
    if _ENDS_IN_PARTICLE_RE.search(surface) and " " in surface:
        m = _CAPITALISED_NEXT_RE.match(text, ident.end)
    else:
        m = _PARTICLE_AFTER_RE.match(text, ident.end)
    if m is None:
        return ident
    return Identifier(ident.start, m.end(), ident.category, ident.who, ident.role)


#: "Tobi, Kemi and Chinedu"; with ages between ("the kids (Daniel 8, Precious 5)").
_LIST_AFTER_RE = re.compile(
    r"(?:[ ][1-9]\d?(?=,))?(?:,[ ]|[ ]and[ ]|[ ]&[ ]|,[ ]and[ ])([A-Z\u00C0-\u00DE][\w'’-]*)"
)
_LIST_BEFORE_RE = re.compile(r"([A-Z\u00C0-\u00DE][\w'’-]*)(?:,[ ]|[ ]and[ ]|[ ]&[ ]|,[ ]and[ ])$")


def _named_in_lists(text: str, found: list[Identifier]) -> list[Identifier]:
    """ "Tobi, Kemi and Chinedu", "Tyler and Mo": a capitalised word listed beside a person is one."""
    names = [i for i in found if i.category is Category.NAME]
    taken = {(i.start, i.end) for i in found}
    out: list[Identifier] = []
    for _ in range(2):  # a list of four needs two steps from its known end
        for ident in names + out:
            after = _LIST_AFTER_RE.match(text, ident.end)
            if after is not None:
                out.extend(_list_member(text, after.start(1), after.end(1), taken))
            before = _LIST_BEFORE_RE.search(text, max(0, ident.start - 40), ident.start)
            if before is not None:
                out.extend(_list_member(text, before.start(1), before.end(1), taken))
    return out


#: "Bea, Tito Boy, NCMH 1553": an acronym with a number after it in a list is a helpline.
_NUMBER_NEXT_RE = re.compile(r"[ ]\d{3}")


def _list_member(text: str, start: int, end: int, taken: set[tuple[int, int]]) -> list[Identifier]:
    word = text[start:end].lower().replace("’", "'")
    base = word.removesuffix("'s")
    if (
        (start, end) in taken
        or (text[start:end].isupper() and _NUMBER_NEXT_RE.match(text, end) is not None)
        or base in NOT_NAMES
        or base in RELATIONS
        or base in WEEKDAYS
        or base in MONTHS
        or is_must_keep(base)
        or sentence_start(text, start)
    ):
        return []
    taken.add((start, end))
    return [Identifier(start, end, Category.NAME)]


_DISTRICT_RE = re.compile(
    r"[ ](?:[1-9]|1\d|2[0-4]|6W)\b(?![.,:/]?\d)(?!\s+(?:years?|yrs?|weeks?|months?|days?|times|hours?|"
    r"nights?|mins?|minutes|x)\b)"
)


def _district(text: str, ident: Identifier) -> Identifier:
    """ "Dublin 8", "Dublin 6W": a Dublin postal district is part of the place."""
    if ident.category is not Category.PLACE or text[ident.start : ident.end] != "Dublin":
        return ident
    m = _DISTRICT_RE.match(text, ident.end)
    if m is None:
        return ident
    return Identifier(ident.start, m.end(), ident.category, ident.who, ident.role)


#: A number written straight after a person's name is their age: "Oisín Brady, 19", "(Kirsty
#: Milne, 28)", "Raju (Rajesh Kumar), 45,", "Tomek L. - 44 - Crewe", "kev 45, Creggan".
_AGE_AFTER_NAME_RE = re.compile(
    r"\.?\)?(?:[ \t]*\([^()\n]{1,40}\))?(?:,[ \t]*|[ \t]+[-–|][ \t]+|[ \t]*\|[ \t]*|[ \t]+|[ \t]*\([ \t]*"
    r"|[ \t]*\([^()\n,]{1,30},[ \t]*)"  # "Morgan (they/them, 23)"
    r"(?P<n>(?:[1-9]\d?|1[01]\d)(?:[ \t]*(?:wks?|weeks?|months?|mths?|days?)(?:[ \t]+old)?)?)"
    r"(?![.,:/]\d|%)(?=[ \t]*(?:[,;)|\n]|\.(?!\d)|[-–][ \t]|$)|[ \t]{2,})"
)


def _ages_after_names(text: str, found: list[Identifier]) -> list[Identifier]:
    ages = []
    for ident in found:
        if ident.category is Category.NAME and (m := _AGE_AFTER_NAME_RE.match(text, ident.end)):
            ages.append(Identifier(m.start("n"), m.end("n"), Category.AGE))
    return ages


_FOUR_DIGIT_CODE_RE = re.compile(
    r"\.?(?:,?[ \t]+|[ \t]*\()(?P<code>\d{4})(?=[ \t]*(?:[.,;)\n]|$))(?![.,]\d)"
)


def _postcode_into_address(found: list[Identifier]) -> list[Identifier]:
    """ "41 Lilac Court DN4 8TU": a postcode that an address ran into makes the address end with it."""
    codes = [i for i in found if i.category is Category.POSTCODE]
    if not codes:
        return found
    out = []
    for ident in found:
        end = ident.end
        if ident.category is Category.ADDRESS:
            end = max([end] + [c.end for c in codes if ident.start < c.start < ident.end < c.end])
        out.append(replace(ident, end=end) if end != ident.end else ident)
    return out


def _zips_after_towns(text: str, found: list[Identifier]) -> list[Identifier]:
    """Five digits straight after a town are its ZIP code ("Austin 78701", "Brooklyn, 11215"); so
    are six after an Indian city and five (or NN-NNN) straight before a European town ("75002 Paris")."""
    zips = []
    for ident in found:
        c = (
            _FOUR_DIGIT_CODE_RE.match(text, ident.end)
            if ident.category in (Category.ADDRESS, Category.PLACE)
            else None
        )  # "7 Grey Street, 3216", "Alexandra, 2090": a four-digit postcode (not a year)
        if c is not None and not c.group("code").startswith(("19", "200", "201", "202", "203")):
            zips.append(Identifier(c.start("code"), c.end("code"), Category.POSTCODE))
        if ident.category is Category.ADDRESS:  # "12 Elm St, 62704"
            if m := TOWN_ZIP_RE.match(text, ident.end):
                zips.append(Identifier(m.start("zip"), m.end("zip"), Category.ZIP))
            continue
        if ident.category is not Category.PLACE:
            continue
        if m := TOWN_ZIP_RE.match(text, ident.end):
            zips.append(Identifier(m.start("zip"), m.end("zip"), Category.ZIP))
        if b := CODE_BEFORE_TOWN_RE.search(text, max(0, ident.start - 12), ident.start):
            zips.append(Identifier(b.start("zip"), b.end("zip"), Category.ZIP))
    return zips


def _own_possessive(text: str, ident: Identifier) -> Identifier:
    """A shop, café or place named with its 's keeps it: "met at Eddie Rocket's." covers the 's.

    Only when nothing the 's could own follows it (the end of the clause or a small linking
    word), so "Tesco's car park" and "Leeds's bus station" keep theirs outside.
    """
    if ident.category not in (Category.ORGANISATION, Category.PLACE):
        return ident
    tail = _POSSESSIVE_TAIL_RE.match(text, ident.end)
    if tail is None:
        return ident
    rest = text[tail.end() : tail.end() + 24]
    word = re.match(r"[ \t]*([A-Za-z]+)", rest)
    if rest.strip() and word is not None and word.group(1) not in _AFTER_OWN_NAME:
        return ident
    return Identifier(ident.start, tail.end(), ident.category, ident.who, ident.role)


def _spare_kept_words(text: str, tokens: list[Token], found: list[Identifier]) -> list[Identifier]:
    """No rule may remove a word that must stay (a weekday, a drug, a therapy, a score, a service).

    A span that is such a word, or holds one inside, is dropped; one that merely starts or ends
    with it is trimmed to the rest. What the vault knows is never touched.
    """
    # "NA" (the fellowship) stays; a lower-case "na" is the Irish article ("Bóthar na Coille")
    kept = [(t.start, t.end) for t in tokens if t.base in _KEPT_WORDS and t.text != "na"]
    if not kept:
        return found
    out: list[Identifier] = []
    for ident in found:
        inside = [(s, e) for s, e in kept if ident.start < e and s < ident.end]
        if (
            inside
            and ident.category is Category.ORGANISATION
            and " " in text[ident.start : ident.end]
        ):
            # a national service's name inside a longer one is a local branch ("NHS Highland",
            # "Fremantle Foodbank"), or a word of another language ("Przychodnia Na Skarpie");
            # a capitalised therapy or service word between two words of a name is the name's
            # ("Mentally Aware Nigeria Initiative", "Walden Behavioral Care")
            inside = [
                (s, e)
                for s, e in inside
                if text[s:e].lower() not in _BRANCHED_SERVICE_WORDS
                and not (
                    ident.start < s
                    and e < ident.end
                    and text[s].isupper()
                    and text[s:e].lower() in _NAME_PART_KEPT_WORDS
                )
            ]
        if ident.known or not inside or ident.category not in _WORDY:
            out.append(ident)  # an e-mail, URL, handle or number holding "sat" is still one
            continue
        start, end = ident.start, ident.end
        for s, e in inside:
            if s <= start < e:
                start = e
            elif s < end <= e:
                end = s
        rest = text[start:end].strip(" ,;:-'’")
        if rest.islower() and " " not in rest and ident.category is Category.ORGANISATION:
            continue  # "GamCare group", "Gamban app": a lower-case word left alone names nothing
        if rest and not any(start < e and s < end for s, e in inside):
            offset = text.index(rest, start)
            out.append(replace(ident, start=offset, end=offset + len(rest)))
    return out


def _trim(text: str, found: list[Identifier]) -> list[Identifier]:
    """Spans never start or end in whitespace or trailing punctuation."""
    out: list[Identifier] = []
    for i in found:
        start, end = i.start, i.end
        while start < end and (
            text[start] in " \t\n,;:" or (text[start] == "(" and ")" not in text[start:end])
        ):
            start += 1
        while end > start and (
            text[end - 1] in " \t\n,;:(.!?" or (text[end - 1] == ")" and "(" not in text[start:end])
        ):
            end -= 1
        if end > start:
            out.append(
                Identifier(start, end, i.category, i.who, i.role)
                if (start, end) != (i.start, i.end)
                else i
            )
    return out


_NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def name_words(text: str, found: list[Identifier], gaz: Gazetteers) -> set[str]:
    """The capitalised words of unknown names found in ``text`` that are not everyday words."""
    words: set[str] = set()
    for ident in found:
        if ident.known or ident.category is not Category.NAME:
            continue
        for word in _NAME_WORD_RE.findall(text, ident.start, ident.end):
            if len(word) >= 2 and word[0].isupper() and word.lower() not in gaz.common_words:
                words.add(word)
    return words


def propagate(
    text: str,
    found: list[Identifier],
    gaz: Gazetteers,
    also: frozenset[str] | set[str] = frozenset(),
) -> list[Identifier]:
    """Every other mention of something already found: "Jeny" after "known as Jeny", "Ellery" after "Jordan Ellery".

    Names propagate by each capitalised word of theirs that is not an everyday word; organisations
    and places by their whole text. ``also`` adds name words found elsewhere in the same export.
    """
    words = name_words(text, found, gaz) | set(also)
    phrases: dict[str, Identifier] = {}
    for ident in found:
        surface = text[ident.start : ident.end]
        if (
            not ident.known
            and ident.category in (Category.ORGANISATION, Category.PLACE)
            and len(surface) >= 4
        ):
            phrases.setdefault(surface, ident)
    if not words and not phrases:
        return []
    taken = [(i.start, i.end) for i in found]
    extra: list[Identifier] = []
    for start, end in find_phrases(text, words | set(phrases)):
        if any(s < end and start < e for s, e in taken):
            continue
        source = phrases.get(text[start:end])
        if source is not None:
            extra.append(Identifier(start, end, source.category, None, source.role))
        else:
            extra.append(Identifier(start, end, Category.NAME))
    return extra


def find_identifiers(text: str, known: Known) -> list[Identifier]:
    """The contract: every identifier in ``text``, sorted by start, non-overlapping."""
    return Detector(known).find(text)
