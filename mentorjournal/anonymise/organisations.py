"""Organisations no suffix announces: real chains and institutions, local branches, whole names.

Notes name employers, shops, banks, betting sites, universities and charities by their own
names ("Bet365", "Tesco Express", "KCL", "Carers NZ"), local branches of national bodies by a
place ("Leeds Mind", "NHS Lothian", "Citizens Advice Knowsley", "Mind in Tower Hamlets"), and
long names of which the other rules find only a piece ("Leeds" of "Leeds Mind", "Earth High
School" of "Children of the Earth High School"). Each names where the mentee works, studies,
shops or is treated, so each identifies.

- ``OrganisationDetector.find``: the lexicon of real organisations (``data/organisations.txt``,
  public names, not personal data), national bodies with their place, organisation words of
  other languages (``Przychodnia Na Skarpie``), and acronyms spelled by the words before them
  with a dash (``Greater Manchester Immigration Aid Unit - GMIAU``).
- ``whole_names``: a found organisation or place grows to the whole capitalised name it sits in,
  over inner ``of/and/for/the/&/n/de``, a trailing legal or branch word (``UK``, ``NZ``, ``GP``,
  ``NHS FT``, ``UHB``, ``NS``, ``Ltd``) and a bracketed acronym it spells; never over a weekday,
  a month, a drug, a therapy, a score or a kept service, nor a sentence-opening word.

A name on the lexicon that is also an everyday word, a person's name or a two-letter acronym
("Next", "Chase", "EE") is taken only after a cue ("works at", "rang", "via"), as the mentor
would otherwise lose ordinary words; a service people are signposted to stays (``SERVICES``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from importlib import resources

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.cues import COMMON_ACRONYMS
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import (
    COUNTRIES,
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
from mentorjournal.anonymise.prefilter import finditer, search
from mentorjournal.anonymise.proper_nouns import (
    ORG_HEADS,
    PLACE_HEADS,
    STREET_HEADS,
    dictionary_words,
)
from mentorjournal.anonymise.textutil import (
    Token,
    previous_words,
    sentence_start,
    split_words,
    tokenize,
)


@functools.cache
def organisation_names() -> tuple[str, ...]:
    """The lexicon's names as written (comments and blank lines skipped); read once per process."""
    text = (
        resources.files("mentorjournal.anonymise")
        .joinpath("data", "organisations.txt")
        .read_text("utf-8")
    )
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@functools.cache
def agency_names() -> tuple[str, ...]:
    """National agencies and student-funding bodies (``data/agencies.txt``), kept apart from the
    chains and charities because the writers disagree on them (docs/anonymiser.md)."""
    text = (
        resources.files("mentorjournal.anonymise")
        .joinpath("data", "agencies.txt")
        .read_text("utf-8")
    )
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


#: Words before a name that show an organisation is meant ("works at Next", "rang Threshold").
_CUES = frozenset(
    split_words("""at from with for via through thru to joined joining works worked working
    volunteers volunteering rang ring ringing called call calling contacted contact emailed email
    referred referral signposted studies studying attends attending outside near by banks
    uses used shops shopping bought ordered university uni college employer company""")
)
_TITLES = frozenset(split_words("mr mrs ms miss mx dr prof sir dame rev fr pastor"))
#: The lexicon's connector words, written in lower case inside a name ("Pick n Pay").
_LOWER_PARTS = frozenset(split_words("n of and for the at de y in on a"))

#: A national body's local branch, named by its place before or after it.
_NATIONAL_BEFORE = (
    "NHS", "Age UK", "Age Concern", "Citizens Advice", "CGL", "Change Grow Live", "Mind in",
    "Mind", "Turning Point", "We Are With You", "Carers Trust", "YMCA", "Barnardo's", "Victim Support",
    "Samaritans of", "Relate", "Home-Start", "Home Start", "Women's Aid", "NAMI", "VA", "TAFE",
    "headspace", "Headspace", "Jigsaw", "Work and Income",
)  # fmt: skip
_NATIONAL_AFTER = (
    "Mind", "Citizens Advice", "Foodbank", "Food Bank", "Samaritans", "Women's Aid", "Carers Centre",
    "Young Carers", "Age UK", "Age Concern", "Home-Start", "Victim Support", "YMCA", "Credit Union",
    "Refugee Council", "Law Centre", "VA", "Police", "Council", "City Council", "County Council",
    "Borough Council", "District Council", "Town Council", "Talking Therapies", "TAFE",
    "Jobcentre", "Jobcentre Plus", "Job Centre", "Job Centre Plus", "Recovery College",
    "Rape Crisis Centre", "Rape Crisis", "CMHT", "Housing Options", "Probation Office", "Hospice",
)  # fmt: skip
_NAME_WORD = r"[A-Z\u00C0-\u00DE][\w'’.-]*[\w'’]|[A-Z]"
_RUN = rf"(?:{_NAME_WORD})(?:[ ](?:(?:and|&|of|the|upon|on)[ ])?(?:{_NAME_WORD})){{0,4}}"
_BEFORE_RE = re.compile(
    r"\b(?P<org>"
    + "|".join(re.escape(n) for n in sorted(_NATIONAL_BEFORE, key=len, reverse=True))
    + rf")[ ](?P<place>{_RUN})"
)
_AFTER_ORG_RE = re.compile(
    r"(?:" + "|".join(re.escape(n) for n in sorted(_NATIONAL_AFTER, key=len, reverse=True)) + r")\b"
)
#: The capitalised run that ends just before a national body's name (searched in a window).
_PLACE_BEFORE_RE = re.compile(rf"(?<![\w'’.-])(?P<place>{_RUN})[ ]$")
#: Health bodies named by any words before their kind: "Southern DHB", "Hywel Dda UHB",
#: "Western HSCT", "Nepean Blue Mountains LHD", "East Health Trust PHO", "Kent and Medway ICB".
_BOARD_KINDS = frozenset(split_words("DHB UHB HSCT LHD PHN PHO ICB CCG"))
_BOARD_RE = re.compile(rf"(?<![\w'’.-])(?P<run>{_RUN})[ ](?:DHB|UHB|HSCT|LHD|PHN|PHO|ICB|CCG)\b")
_BEFORE_FIRST = frozenset(n.split(" ")[0] for n in _NATIONAL_BEFORE)
_AFTER_FIRST = frozenset(n.split(" ")[0] for n in _NATIONAL_AFTER)
#: A run before a branch that holds another whole name: "Bolton Mind and Hexham Foodbank" is two.
_NAME_ENDS = frozenset(n.split(" ")[-1].lower() for n in _NATIONAL_AFTER)
#: What follows "NHS" without naming a board or a trust ("NHS App", "NHS 24", "NHS England").
_NHS_GENERIC = frozenset(
    split_words("""app direct inform choices england scotland wales ireland northern uk digital talking
    therapies therapy login trust trusts foundation number website jobs pension pensions dentist
    dental gp health check test service services mental volunteer volunteers staff worker workers
    login letter letters account bank nurse nurses doctor doctors hospital hospitals treatment
    waiting wait list lists 111 24 constitution funding funded referral referrals number
    continuing prescription prescriptions low-cost free urgent emergency """)
)
#: Organisation words that open a name in other languages: "Przychodnia Na Skarpie" (Polish,
#: clinic), "Fundacja Dajemy Dzieciom Siłę", "Stowarzyszenie ...", "Clinique ...", "Centrum ...".
_FOREIGN_HEADS = (
    "Przychodnia", "Poradnia", "Fundacja", "Stowarzyszenie", "Szpital", "Ośrodek", "Osrodek",
    "Centrum", "Klinika", "Szkoła", "Szkola", "Liceum", "Technikum", "Uniwersytet", "Politechnika",
    "Zespół", "Zespol", "Spółdzielnia", "Clinique", "Hôpital", "Hopital", "Lycée", "Lycee",
    "Collège", "Université", "Association", "Fondation", "Centre Hospitalier", "Krankenhaus",
    "Klinik", "Praxis", "Verein", "Stiftung", "Schule", "Gymnasium", "Hospital de", "Clínica",
    "Clinica", "Colegio", "Universidad", "Fundación", "Fundacion", "Asociación", "Asociacion",
    "Centro", "Ospedale", "Scuola", "Università", "Spitalul", "Liceul", "Școala", "Scoala",
    "Ziekenhuis", "Stichting", "Escola", "Universidade", "Kościół", "Parafia", "Masjid", "Mosquée",
    "Église", "École", "Szkoła Podstawowa",
)  # fmt: skip
_FOREIGN_RE = re.compile(
    r"\b(?:"
    + "|".join(re.escape(h) for h in sorted(_FOREIGN_HEADS, key=len, reverse=True))
    + r")(?:[ ](?:(?!(?:on|in|at|to|the|and|for|by|of|or|is|was|a|an)[ ])"
    r"(?:[a-ząćęłńóśźżàâçéèêëîïôûùüÿñæœ]{1,3}\.?|secondaire|primaire|publique)[ ])?"
    r"(?:[A-Z\u00C0-\u017F][\w'’.-]*[\w'’])){1,4}"
)
_FOREIGN_FIRST = frozenset(h.split(" ")[0] for h in _FOREIGN_HEADS)
#: Foreign heads that are also English words or names: only with a capitalised word after that
#: is not an English word ("Centrum Zdrowia", not "Centrum Mall"? both pass: kept strict).
_ENGLISH_HEADS = frozenset(split_words("association centre centro praxis gymnasium"))
#: "King's College London - KCL", "Immigration Aid Unit – GMIAU": an acronym after a dash.
_DASH_ACRONYM_RE = re.compile(r"[ ]?[-–—][ ]?(?P<a>[A-Z][A-Za-z]{0,1}[A-Z]{1,6})\b")

#: Words that end a name as its legal form, its country or its kind of branch.
_TAIL_WORDS = frozenset(
    split_words("""UK NZ GP FT UHB NS NHS Ltd Ltd. Limited CIC Inc Inc. LLC LLP Plc plc PLC Trust
    CLG DAC Pty Co Co. Corp Foundation Society Association""")
)
#: Inner words of a name ("Children of the Earth", "Pick n Pay", "Boys & Girls").
_INNER = frozenset(split_words("of and for the & n de du da la le y"))
#: Capitalised words that end a name's growth: sentence and note vocabulary, pronouns.
_STOP = frozenset(
    split_words("""i i'm i'll i've i'd he she they we you it his her their our my your this that these
    those there here what who how why where which when then also not no yes ok okay the a an
    mentee mentor client patient member participant session plan note notes goal goals mood
    next last first s o a p b d r i subjective objective assessment data behaviour behavior
    intervention response said says agreed discussed reported met saw spoke told rang called
    will would can could should may might must did does do has have had is was are were be been
    am pm dr mr mrs ms miss mx re ref tel phone mobile email address dob""")
)
_KEPT_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(w + "s" for w in WEEKDAYS if w.endswith("day"))
    | frozenset(MONTHS)
    | frozenset(MEDICATIONS)
    | frozenset(THERAPIES)
    | frozenset(SCORES)
    | COUNTRIES
    | US_STATES
)
_KEPT_SERVICE_WORDS = frozenset(s for s in SERVICES if s.isalpha()) - {
    "mind",
    "foodbank",
    "nhs",
    "gp",
}


#: Police areas and council regions that are no town ("south wales police").
_LOWER_REGIONS = frozenset(
    ["south wales", "north wales", "dyfed powys", "gwent", "west midlands", "west yorkshire",
     "south yorkshire", "north yorkshire", "greater manchester", "merseyside", "thames valley",
     "avon and somerset", "devon and cornwall", "northumbria", "cleveland", "durham", "essex",
     "kent", "sussex", "surrey", "hampshire", "lancashire", "cumbria", "police scotland"]
)  # fmt: skip
#: How a freephone or non-geographic helpline number starts (UK, Ireland, Australia, US).
_HELPLINE_NUMBER_START = (
    r"(?:0800|0808|0300|0330|0345|116[ ]?\d|1800|1300|13[ ]?\d\d|1-8[0-9]{2}|08\d{2})\b"
)
#: A freephone or non-geographic number straight after a name: the name is a helpline's.
_HELPLINE_NUMBER_AFTER_RE = re.compile(r"[ ]+" + _HELPLINE_NUMBER_START)
#: "VAC Assistance Service 1-800-268-7708": a body's named helpline, given with its number.
_NAMED_LINE_NUMBER_AFTER_RE = re.compile(r"(?:[ ][A-Z][\w'’-]*){1,3}[ ]+" + _HELPLINE_NUMBER_START)
#: "the Legal Aid intake line": a body named for its line is the helpline, which stays.
_LINE_AFTER_RE = re.compile(r"(?:[ ][a-z]+){0,2}[ ](?:line|helpline|hotline|infoline)\b")
_CAPITAL_AFTER_RE = re.compile(r"[ ][A-Z][a-z]{2,}")
#: Military units name where someone served: "1st Cavalry Division", "Royal Engineers",
#: "1 Parachute Battalion", "3 Commando Brigade", "the 82nd Airborne".
_UNIT_WORDS = frozenset(
    split_words("""battalion regiment division brigade cavalry cav infantry rifles commando commandos
    squadron corps fusiliers guards lancers hussars dragoons marines engineers signals artillery
    airborne para paras wing fleet""")
)
_UNIT_RE = re.compile(
    r"(?:\b\d{1,3}(?:st|nd|rd|th)?[ ]|(?<![\w'’-])|(?<=\b[Ee]x-))"
    r"(?:[A-Z][\w'’-]*[ ]){0,3}"
    r"(?:Battalion|Regiment|Division|Brigade|Cavalry|Cav|Infantry|Rifles|Commandos?|Squadron|Corps|"
    r"Fusiliers|Guards|Lancers|Hussars|Dragoons|Marines|Engineers|Signals|Artillery|Airborne|Paras?|"
    r"Wing|Fleet)\b"
)
#: Words that end a job's name, not a body's ("Peer Support Specialist (PSS)").
_ROLE_WORDS = frozenset(
    split_words("""specialist specialists worker workers mentor mentors coordinator co-ordinator
    counsellor counselor officer navigator therapist therapy therapies practitioner nurse
    adviser advisor coach supporter facilitator lead manager assistant""")
)
#: "2 SCOTS", "1 RNZIR", "1 R WELSH": a battalion number before its regiment's short name, in
#: a note about service (the words below); "2 GCSEs" and "1 PRN" are not units.
_NUMBERED_UNIT_RE = re.compile(
    r"(?<![\w/.-])[1-9][ ](?:R[ ])?[A-Z]{3,7}\b(?![\w-])"
    r"(?=[ ]*(?:[,.;:)]|$|\n|[ ](?:and|then|in|for|from|until|till|before|after|at|as|with|to)\b))"
)
_MILITARY_CUES_RE = re.compile(
    r"\b(?:served|serving|army|regiment|regimental|tours?|deployed|deployment|veterans?|"
    r"battalion|infantry|enlisted|discharged|navy|military|forces|soldier|sapper|platoon)\b",
    re.IGNORECASE,
)
#: "Legion Branch 142", "VFW Post 8870", "OWWA Region 7", "Thika Level 5 Hospital": a name
#: whose last word counts its branches runs on over the number (and the kind after it).
_NUMBERED_HEADS = frozenset(
    split_words("branch post region lodge chapter local level no no. station unit site depot")
)
_NUMBER_TAIL_RE = re.compile(r"[ ](?:No\.?[ ]?)?\d{1,4}[A-Z]?\b(?![/.:-]\d)")
_KIND_AFTER_NUMBER_RE = re.compile(
    r"[ ](?:Hospital|Health Centre|Clinic|School|Primary|Barracks|Camp|Depot|West|East|North|South)\b"
)
#: "Amazon YYZ4", "Amazon PBORO2": a warehouse or site code straight after an employer.
_SITE_CODE_RE = re.compile(r"[ ][A-Z]{2,6}\d{1,2}\b(?![\w-])")
_GLUED_DIGITS_RE = re.compile(r"\d{1,2}\b(?![\w-])")
#: "cardiff council", "south wales police", "hmp cardiff": lower-case branches after a town.
_LOWER_BRANCH_RE = re.compile(
    r"\b(?P<place>[a-z][a-z'’-]+(?:[ ][a-z][a-z'’-]+){0,2})[ ](?:city[ ]|county[ ]|borough[ ])?"
    r"(?:council|police)\b|\bhmp[ ](?P<prison>[a-z][a-z'’-]+(?:[ ][a-z][a-z'’-]+)?)"
)


class OrganisationDetector:
    """Real organisations by name, local branches by their place, foreign organisation words."""

    def __init__(self, gaz: Gazetteers) -> None:
        self._gaz = gaz
        words = dictionary_words()
        self._forms: dict[str, set[str]] = {}
        self._needs_cue: set[str] = set()
        for name in (*organisation_names(), *agency_names()):
            low = name.lower()
            if is_must_keep(low):
                continue
            self._forms.setdefault(low, set()).update(
                {name, name.upper(), _title(name)} if not name.isupper() else {name}
            )
            single = " " not in name
            if (
                (single and (low in words or low in NOT_NAMES or low in gaz.first_names))
                or (single and low in gaz.surnames and low in gaz.common_words)
                or (name.isupper() and len(name) <= 2)
                or low in COUNTRIES
            ):
                self._needs_cue.add(low)
        for low in list(self._forms):
            if " " not in low and low not in self._needs_cue and low not in gaz.surnames:
                self._forms[low].add(low)  # "at woolies", "rang trivallis": with a cue only
        by_first: dict[str, list[str]] = {}
        led_by_digits: list[str] = []
        for n in self._forms:
            if not n[:1].isalpha():
                led_by_digits.append(n)  # "7-Eleven", "888": a word token never starts there
            elif t := tokenize(n):
                by_first.setdefault(t[0].base, []).append(n)
        #: What such a name starts with ("7-", "88"): the pattern is tried only where one is.
        self._digit_leads = frozenset(n[:2] for n in led_by_digits)
        self._digit_led = (
            re.compile(
                r"(?<![\w&@.])(?:"
                + "|".join(re.escape(n) for n in sorted(led_by_digits, key=len, reverse=True))
                + r")(?![\w&@]|[.'’]\w)",
                re.IGNORECASE,
            )
            if led_by_digits
            else None
        )
        self._first = frozenset(by_first)
        #: One small pattern per first word: "the" opens a dozen names, not seven hundred.
        self._res = {
            first: re.compile(
                r"(?<![\w&@.])(?:"
                + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                + r")(?![\w&@]|[.'’]\w)",
                re.IGNORECASE,
            )
            for first, names in by_first.items()
        }

    def find(self, text: str, tokens: list[Token]) -> list[Identifier]:
        found = list(self.named(text, tokens))
        found.extend(self.branches(text, tokens))
        found.extend(self.boards(text, tokens))
        found.extend(self.foreign(text, tokens))
        if "-" in text or "–" in text or "—" in text:
            found.extend(self.dash_acronyms(text, tokens))
        bases = {t.base for t in tokens}
        if not bases.isdisjoint(_UNIT_WORDS):
            found.extend(self.units(text))
        if "council" in bases or "police" in bases or "hmp" in bases:
            found.extend(self.lower_branches(text))
        if "(" in text:
            found.extend(self.spelled_acronyms(text, tokens))
        if any(c.isdigit() for c in text) and search(_MILITARY_CUES_RE, text):
            found.extend(self.numbered_units(text))
        return found

    def spelled_acronyms(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "People Opposing Women Abuse (POWA)", "North West Regional College (NWRC)": capitalised
        words that spell the acronym bracketed after them name a body, whatever the words are.
        Three capitals at least, and not only people's names ("Trey Robinson (TR)")."""
        g = self._gaz
        for m in finditer(_BRACKETED_RE, text):
            caps = "".join(c for c in m.group("a") if c.isupper())
            if len(caps) < 3 or m.group("a").lower() in self._forms:
                continue  # "Trinity College Dublin (TCD)": the lexicon knows both, apart
            k = bisect.bisect_right(tokens, m.start(), key=_end)
            for size in range(len(caps), min(k, len(caps) + 4) + 1):
                run = tokens[k - size : k]
                if (not run[0].capitalised and not run[0].upper) or run[0].text[0] != caps[0]:
                    continue
                if not all(_glued(text, a, b) for a, b in itertools.pairwise(run)):
                    continue
                if not _spells_loosely(m.group("a"), run):
                    continue
                if all(t.base in g.first_names or t.base in g.surnames for t in run):
                    break
                if run[-1].base in _ROLE_WORDS or is_must_keep(text[run[0].start : run[-1].end]):
                    break  # "Peer Support Specialist (PSS)" is a job, "... Therapy (MRT)" a therapy
                first = _body_before(text, tokens, k - size)
                start = tokens[first].start
                yield Identifier(start, m.end(), Category.ORGANISATION, role="organisation")
                break

    @staticmethod
    def numbered_units(text: str) -> Iterator[Identifier]:
        """ "did two tours with 2 SCOTS", "ex 1 RNZIR": a battalion of a regiment by its number."""
        for m in finditer(_NUMBERED_UNIT_RE, text):
            acronym = m.group().split()[-1]
            if (
                acronym in COMMON_ACRONYMS
                or is_must_keep(acronym)
                or acronym.lower() in _KEPT_WORDS
            ):
                continue
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="organisation")

    @staticmethod
    def units(text: str) -> Iterator[Identifier]:
        """ "served with 1st Cavalry Division", "ex-army (Royal Engineers)": a unit with its number
        or a capitalised word before its kind; a kind alone ("the Marines") stays."""
        for m in finditer(_UNIT_RE, text):
            words = m.group().split()
            if len(words) < 2 or words[0].lower() in _STOP:
                continue
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="organisation")

    def lower_branches(self, text: str) -> Iterator[Identifier]:
        """A town's council or police, or a prison, written in lower case ("cardiff council")."""
        towns = self._gaz.towns
        for m in finditer(_LOWER_BRANCH_RE, text):
            if m.group("prison"):  # "hmp cardiff on the 18th": the longest town after "hmp"
                words = m.group("prison").split()
                for k in range(len(words), 0, -1):
                    if " ".join(words[:k]) in towns:
                        end = m.start("prison") + len(" ".join(words[:k]))
                        yield Identifier(m.start(), end, Category.ORGANISATION, role="prison")
                        break
                continue
            words = m.group("place").split()
            for k in range(len(words)):  # the longest town before ("rang south wales police")
                tail = " ".join(words[k:])
                if tail in towns or tail in _LOWER_REGIONS:
                    start = m.end("place") - len(tail)
                    yield Identifier(start, m.end(), Category.ORGANISATION, role="organisation")
                    break

    def _candidates(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, re.Match[str]]]:
        first = self._first
        hits = [k for k, tok in enumerate(tokens) if tok.base in first]
        for k in hits:
            tok = tokens[k]
            if m := self._res[tok.base].match(text, tok.start):
                yield k, m
        for k, tok in enumerate(tokens):  # "ex-Royal Welsh", "ex-SANDF": the name after "ex-"
            if (
                tok.base.startswith("ex-")
                and (rest := tok.base[3:].split("-")[0]) in first
                and (m := self._res[rest].match(text, tok.start + 3))
            ):
                yield k, m
        if self._digit_led is not None and any(lead in text for lead in self._digit_leads):
            starts = [t.start for t in tokens]
            for m in self._digit_led.finditer(text):
                yield bisect.bisect_left(starts, m.start()), m

    def named(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """An organisation on the lexicon, written with its capitals ("Bet365", "Tesco Express")."""
        last_end = -1
        for k, m in self._candidates(text, tokens):
            if m.start() < last_end or not tokens:
                continue
            tok = tokens[min(k, len(tokens) - 1)]
            surface = m.group()
            low = surface.lower().replace("’", "'")
            if surface not in self._forms.get(low, ()):
                continue
            if _HELPLINE_NUMBER_AFTER_RE.match(text, m.end()) or (
                text.startswith(" ", m.end())
                and (
                    _NAMED_LINE_NUMBER_AFTER_RE.match(text, m.end())
                    or _LINE_AFTER_RE.match(text, m.end())
                )
            ):
                continue  # "Combat Stress 0800 138 1619": a charity given as a helpline stays
            before = previous_words(text, m.start(), 2)
            if before and before[-1].rstrip(".") in _TITLES:
                continue  # "Mr Costa" is a person
            prev = tokens[k - 1] if k else None
            if (
                prev is not None
                and prev.capitalised
                and text[prev.end : tok.start] == " "
                and prev.base in self._gaz.first_names
                and prev.base not in self._first
            ):
                continue  # "Izzy Costa": a person's family name
            cue = [w for w in before if w != "the"][-1:]
            cued = bool(cue) and cue[0] in _CUES
            if low in self._needs_cue:
                short_name = surface.isupper() and self._part_of_name(text, m.end())
                if not (cued or short_name) or surface.islower():
                    continue
            elif surface.islower() and surface.isalpha() and not cued:
                continue  # "woolies" in lower case only after "at", "from", "works at"
            elif (
                " " not in low and sentence_start(text, m.start()) and low in self._gaz.common_words
            ):
                continue
            last_end = m.end()
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="organisation")

    @staticmethod
    def _part_of_name(text: str, end: int) -> bool:
        """ "UQ Student Support": a short name opening a longer capitalised one."""
        return _CAPITAL_AFTER_RE.match(text, end) is not None

    def boards(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "Southern DHB", "Hywel Dda UHB": the words before a health body's kind are its name."""
        for tok in tokens:
            if tok.text not in _BOARD_KINDS:
                continue
            m = _BOARD_RE.search(text, max(0, tok.start - 80), tok.end)
            if m is None or m.end() != tok.end:
                continue
            words = m.group("run").split()
            start = m.start("run")
            while words and (
                words[0].lower() in _STOP
                or words[0].lower() in _INNER
                or (sentence_start(text, start) and words[0].lower() in self._gaz.common_words)
            ):
                start += len(words[0]) + 1
                words = words[1:]
            if words and not all(w.upper() == w and w in COMMON_ACRONYMS for w in words):
                yield Identifier(start, m.end(), Category.ORGANISATION, role="organisation")

    def branches(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "NHS Highland", "Age UK Leeds", "Leeds Mind", "Mind in Tower Hamlets", "CGL Wirral".

        Tried only at the words a national body's name starts with (a scan of every capital
        for a place before it would cost more than the rest of this module)."""
        for tok in tokens:
            if tok.text in _BEFORE_FIRST and (m := _BEFORE_RE.match(text, tok.start)) is not None:
                place = m.group("place")
                words = place.split()
                if m.group("org") == "NHS" and words[0].lower() in _NHS_GENERIC:
                    continue
                if self._placeish(words):
                    end = m.start("place") + len(_trim_run(place))
                    yield Identifier(m.start(), end, Category.ORGANISATION, role="organisation")
            if tok.text in _AFTER_FIRST and (o := _AFTER_ORG_RE.match(text, tok.start)) is not None:
                window_start = max(0, tok.start - 80)
                p = _PLACE_BEFORE_RE.search(text, window_start, tok.start)
                if p is None:
                    continue
                start = p.start("place")
                words = p.group("place").split()
                for j in range(len(words) - 1, 0, -1):
                    if words[j] in ("and", "&") and words[j - 1].lower() in _NAME_ENDS:
                        start += len(" ".join(words[: j + 1])) + 1
                        words = words[j + 1 :]
                        break
                while words and (
                    words[0].lower() in _STOP
                    or words[0].lower() in _INNER
                    or (
                        sentence_start(text, start)
                        and words[0].lower() in self._gaz.common_words
                        and words[0].lower() not in self._gaz.towns
                    )
                ):
                    start += len(words[0]) + 1
                    words = words[1:]
                if words and all(w in COMMON_ACRONYMS for w in words):
                    continue  # "NHS Talking Therapies", "NHS Foodbank" are the national service
                if words and self._placeish(words):
                    yield Identifier(start, o.end(), Category.ORGANISATION, role="organisation")

    def _placeish(self, words: list[str]) -> bool:
        """A branch's place: a town, or a capitalised word no dictionary lists in lower case."""
        lows = [w.lower().rstrip(".,") for w in words]
        regions = COUNTRIES | US_STATES
        if any(w in _KEPT_WORDS and not (len(lows) > 1 and w in regions) for w in lows):
            return False  # "Central Texas VA" is a branch; "Texas VA" alone names the state
        phrase = " ".join(lows)
        if phrase in self._gaz.towns or any(w in self._gaz.towns for w in lows):
            return True
        if phrase in _LOWER_REGIONS:
            return True  # "West Midlands Police", "South Wales Police": a force's region
        dictionary = dictionary_words()
        return any(
            w not in _INNER and not all(part in dictionary for part in w.split("-")) for w in lows
        )  # "Peer-to-Peer" is made of words, not a place

    @staticmethod
    def foreign(text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "Przychodnia Na Skarpie", "Fundacja Ocalenie", "Clinique des Lilas"."""
        for tok in tokens:
            if tok.text not in _FOREIGN_FIRST or (m := _FOREIGN_RE.match(text, tok.start)) is None:
                continue
            head = m.group().split()[0].lower()
            if head in _ENGLISH_HEADS and sentence_start(text, m.start()):
                continue
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="organisation")

    @staticmethod
    def dash_acronyms(text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """An acronym after a dash that the capitalised words before it spell: "... Unit - GMIAU"."""
        for m in finditer(_DASH_ACRONYM_RE, text):
            acronym = m.group("a")
            k = bisect.bisect_right(tokens, m.start(), key=_end)
            before = tokens[max(0, k - len(acronym) - 3) : k]
            if _spells_loosely(acronym, before):
                yield Identifier(
                    m.start("a"), m.end("a"), Category.ORGANISATION, role="organisation"
                )


def _title(name: str) -> str:
    return " ".join(
        w[:1].upper() + w[1:] if w.lower() not in _LOWER_PARTS else w for w in name.split(" ")
    )


def _trim_run(run: str) -> str:
    words = run.split(" ")
    while words and (words[-1].lower() in _INNER or words[-1].lower() in _STOP):
        words.pop()
    return " ".join(words)


def _spells_loosely(acronym: str, before: list[Token]) -> bool:
    """Do the words just before spell the acronym's capitals, each capitalised word giving its
    initial and each small word ("and", "of") giving its initial or nothing? ("KCL" for
    "King's College London", "CAPS" for "Counselling and Psychological Services")."""
    caps = "".join(c for c in acronym if c.isupper())
    if len(caps) < 2:
        return False

    def match(k: int, j: int) -> bool:  # words before[:k] spell caps[:j], ending at word k-1
        if j == 0:
            return True
        if k == 0:
            return False
        word = before[k - 1]
        if word.base in _INNER:
            return (word.text[0].upper() == caps[j - 1] and match(k - 1, j - 1)) or match(k - 1, j)
        return (
            (word.capitalised or word.upper) and word.text[0] == caps[j - 1] and match(k - 1, j - 1)
        )

    return match(len(before), len(caps))


def whole_names(
    text: str,
    tokens: list[Token],
    found: list[Identifier],
    gaz: Gazetteers,
    protected: tuple[tuple[int, int], ...] = (),
) -> list[Identifier]:
    """Organisations and places grown to the whole capitalised name they sit in.

    "Leeds" in "Leeds Mind", "Barka" in "Barka UK", "Earth High School" in "Children of the
    Earth High School", "Cardiff" in "Cardiff and Vale UHB": a piece found leaves the rest of the
    name in the text. The longer span is offered beside the piece; overlap resolution keeps it.
    A place grows only into a name that ends in an organisation word or a legal/branch word,
    so "Leeds Tuesday" and "Leeds City Centre" are not organisations.
    """
    if not any(
        i.category in (Category.ORGANISATION, Category.PLACE) and not i.known for i in found
    ):
        return []
    words = gaz.common_words
    grown: list[Identifier] = []
    for ident in found:
        if ident.category not in (Category.ORGANISATION, Category.PLACE) or ident.known:
            continue
        if text[ident.end - 1] == ")":
            continue  # "... Regional College (NWRC)": already whole with the acronym it spells
        first = bisect.bisect_left(tokens, ident.start, key=_start)
        if first == len(tokens) or tokens[first].start != ident.start:
            continue
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < ident.end:
            last += 1
        new_first, new_last = _grow(
            text,
            tokens,
            first,
            last,
            words=words,
            protected=protected,
            regions=ident.category is Category.ORGANISATION,
        )
        if tokens[new_last].text == "GP" and new_last - new_first < 2:
            new_last -= (
                1  # "Leeds GP" is a place and a service; "Uplands and Mumbles GP" a practice
            )
        if new_last < last:
            continue
        span_tokens = tokens[new_first : new_last + 1]
        start, end = tokens[new_first].start, tokens[new_last].end
        end = _bracketed_acronym(text, tokens, new_first, new_last, end)
        counted = _numbered_tail(text, tokens[new_last], end)
        kind = counted > end and _KIND_AFTER_NUMBER_RE.search(text, end, counted) is not None
        if ident.category is Category.ORGANISATION or kind:
            end = counted  # "Machakos Level 5 Hospital": the kind says a place's name is a body's
        if (start, end) == (ident.start, ident.end) or is_must_keep(text[start:end]):
            continue
        if ident.category is Category.PLACE and not (kind or _org_evidence(span_tokens)):
            continue
        role = "organisation" if kind and ident.category is Category.PLACE else ident.role
        grown.append(Identifier(start, end, Category.ORGANISATION, None, role or "organisation"))
    return grown


def _name_token(tok: Token, regions: bool = False) -> bool:
    """A word that can be part of a name; with ``regions`` a country or a state can too
    ("Catholic Charities of Southern Nevada", "Legal Aid South Africa")."""
    if tok.text in _TAIL_WORDS:
        return True
    return (
        (tok.capitalised or tok.upper)
        and tok.base not in _STOP
        and (tok.base not in _KEPT_WORDS or (regions and tok.base in _REGIONS))
        and tok.base not in _KEPT_SERVICE_WORDS
    )


_REGIONS = COUNTRIES | US_STATES


def _glued(text: str, a: Token, b: Token) -> bool:
    """Only a single space (no punctuation, no line break) between two words of one name; an
    ampersand between ("Boys & Girls") and the full stop of "St." count as part of it."""
    gap = text[a.end : b.start]
    return gap in (" ", " & ") or (
        gap == ". " and (a.text in ("St", "Mt", "Ft") or (len(a.text) == 1 and a.text.isupper()))
    )


#: Small words that join two capitalised parts of one name, alone or in pairs.
_CONNECTORS = frozenset(
    {("of",), ("and",), ("for",), ("&",), ("n",), ("de",), ("du",), ("da",), ("y",), ("of", "the"),
     ("for", "the"), ("and", "the"), ("de", "la"), ("de", "los"), ("in", "the"), ("o",)}
)  # fmt: skip


#: Words that end a complete name: "and" after one starts another name.
_COMPLETE_HEADS = ORG_HEADS | PLACE_HEADS | STREET_HEADS
_STREET_OR_PLACE_HEADS = STREET_HEADS | PLACE_HEADS


def _two_names(text: str, tokens: list[Token], left: int, right: int) -> bool:
    """Two names, not one: "and" after a head word ("Cabot Circus and ..."), "for" between two
    head words ("Oakwood Academy for Riverside Academy"); "Centre for Mental Health" is one."""
    if tokens[left].base not in _COMPLETE_HEADS and tokens[left].base not in _NAME_ENDS:
        return False
    if tokens[left + 1].base == "and" and tokens[left + 2].base == "the":
        return True  # "... Wellness Service and the SADAG line": a name ends at its head word
    k = right
    while (
        k + 1 < len(tokens)
        and _glued(text, tokens[k], tokens[k + 1])
        and _name_token(tokens[k + 1])
    ):
        k += 1
    return tokens[left].base in _STREET_OR_PLACE_HEADS or (
        (tokens[k].base in _COMPLETE_HEADS or tokens[k].base in _NAME_ENDS)
        and (tokens[left].base in _END_HEADS or tokens[left].base in _NAME_ENDS)
    )


#: Head words after which a name is complete ("Oakwood Academy", "Cabot Circus"); "Union",
#: "Employment" or "Alcohol" may go on ("... Union and Community Health Service").
_END_HEADS = frozenset(
    split_words("""hospital infirmary school academy college university centre center club church
    service services trust surgery practice clinic hub library station park prison hospice
    foundation project""")
)


def _opener(text: str, tok: Token, gaz_words: frozenset[str]) -> bool:
    """A sentence's first word is part of a name only when it is no everyday word ("Gave")."""
    return sentence_start(text, tok.start) and (tok.base in gaz_words or tok.base in NOT_NAMES)


def _grow(
    text: str,
    tokens: list[Token],
    first: int,
    last: int,
    *,
    words: frozenset[str],
    protected: tuple[tuple[int, int], ...],
    regions: bool = False,
) -> tuple[int, int]:
    def blocked(k: int) -> bool:  # a word of a service that stays whole ("Early Intervention team")
        return 0 <= k < len(tokens) and any(s <= tokens[k].start < e for s, e in protected)

    # right: capitalised words, and connectors followed by a capitalised word
    while last + 1 < len(tokens):
        nxt = tokens[last + 1]
        if not _glued(text, tokens[last], nxt) or blocked(last + 1):
            break
        if _name_token(nxt, regions):
            last += 1
            continue
        step = _connector(text, tokens, last + 1, 1)
        if (
            step
            and last + step + 1 < len(tokens)
            and _name_token(tokens[last + step + 1], regions)
            and not blocked(last + step + 1)
        ):
            last += step + 1
            continue
        break
    # left: capitalised words, not across a sentence-opening everyday word
    while first > 0:
        prv = tokens[first - 1]
        if not _glued(text, prv, tokens[first]) or blocked(first - 1):
            break
        if _name_token(prv, regions) and not prv.possessive:
            if _opener(text, prv, words):
                break
            first -= 1
            continue
        step = _connector(text, tokens, first - 1, -1)
        if step and first - step - 1 >= 0:
            head = tokens[first - step - 1]
            if (
                _name_token(head, regions)
                and not head.possessive
                and not _opener(text, head, words)
                and not blocked(first - step - 1)
            ):
                first -= step + 1
                continue
        break
    return first, last


def _connector(text: str, tokens: list[Token], k: int, direction: int) -> int:
    """How many connector words start at token ``k`` going ``direction`` (0 if none), with the
    name words on both sides glued to them by single spaces."""
    for n in (2, 1):
        lo, hi = (k, k + n - 1) if direction > 0 else (k - n + 1, k)
        if lo < 1 or hi + 1 >= len(tokens):
            continue
        seq = tuple(t.text for t in tokens[lo : hi + 1])
        if seq[0] in ("and", "for") and _two_names(text, tokens, lo - 1, hi + 1):
            continue  # "Cabot Circus and Bristol Royal Infirmary" are two names
        if seq in _CONNECTORS and all(
            _glued(text, tokens[j], tokens[j + 1]) for j in range(lo - 1, hi + 1)
        ):
            return n
    return 0


_ORG_WORDS = frozenset(
    split_words("""mind foodbank bank uk nz gp ft uhb ns nhs ltd limited cic inc llc llp plc trust clg
    dac pty co corp foundation society association centre center club service services initiative
    project network partnership group hub medical practice surgery clinic hospital school college
    university academy church mission council alliance collective institute charity forum
    coalition programme program health care unit team league federation union cooperative
    co-operative ministries ministry fellowship shelter house pantry kitchen cafe café
    restaurant bar pub hotel""")
)


def _org_evidence(span: list[Token]) -> bool:
    """A grown place names an organisation only when one of its words says so."""
    return any(t.base in _ORG_WORDS for t in span[1:]) or any(t.text in _TAIL_WORDS for t in span)


_BRACKETED_RE = re.compile(r"[ ]\((?P<a>[A-Z][A-Za-z&]{1,7})\)")


def _start(tok: Token) -> int:
    return tok.start


def _end(tok: Token) -> int:
    return tok.end


def _body_before(text: str, tokens: list[Token], first: int) -> int:
    """ "University of Manchester Disability Advisory ...": the capitalised words before a name
    and the "of"/"for" before them name the body it belongs to; without "of" nothing joins."""
    k = first
    while k >= 1 and first - k < 3 and _glued(text, tokens[k - 1], tokens[k]):
        prev = tokens[k - 1]
        if prev.base in ("of", "for") and k >= 2 and _glued(text, tokens[k - 2], prev):
            head = tokens[k - 2]
            if (head.capitalised or head.upper) and head.base not in _STOP:
                return k - 2
            return first
        if not (prev.capitalised or prev.upper) or prev.base in _STOP:
            return first
        k -= 1
    return first


def _numbered_tail(text: str, last: Token, end: int) -> int:
    """ "Legion Branch 142", "Thika Level 5 Hospital", "Amazon YYZ4": the number or site code
    that ends an organisation's name."""
    if end != last.end:
        return end
    if last.base in _NUMBERED_HEADS and (m := _NUMBER_TAIL_RE.match(text, end)) is not None:
        end = m.end()
        kind = _KIND_AFTER_NUMBER_RE.match(text, end)
        return kind.end() if kind is not None else end
    if last.upper and (glued := _GLUED_DIGITS_RE.match(text, end)) is not None:
        return glued.end()  # "YYZ4": the code's digits written against its letters
    code = _SITE_CODE_RE.match(text, end)
    return code.end() if code is not None else end


def _bracketed_acronym(text: str, tokens: list[Token], first: int, last: int, end: int) -> int:
    """ "Counselling and Psychological Services (CAPS)": the acronym it spells joins the name."""
    if not text.startswith(" (", end):
        return end
    m = _BRACKETED_RE.match(text, end)
    if m is None:
        return end
    if _spells_loosely(m.group("a"), tokens[first : last + 1]):
        return m.end()
    return end
