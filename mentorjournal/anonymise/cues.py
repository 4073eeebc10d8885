"""Identifiers the vault does not know, found by the words around them.

Each rule is one cue a note gives: a place preposition before an unlisted capitalised word
("near Filton", "in Dún Laoghaire"), a venue word after capitalised ones ("Castle Park",
"Cabot Circus"), an admission verb before a hospital ("admitted to St John of God"), a cue
before an acronym that names an organisation ("studies at UCD"), a chain or charity named as a
place ("met at Costa", "volunteers at Barnardo's"), initials used as a person ("about JB",
"JB said", "J. Bennett"), an alias ("known as Smudge"), a handle written without @ ("her
account is jord_e", "sam_b09"), a street address written after a move ("moved to 7143 Ajani
Mills"). Clinical scores ("PHQ-9 of 14", "GAD7 was 9") are found here too, so the detector can
protect them from the age and date shapes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import RELATIONS
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import (
    MONTHS,
    NOT_NAMES,
    ROLE_WORDS,
    US_STATE_CODES,
    WEEKDAYS,
    is_must_keep,
)
from mentorjournal.anonymise.patterns import HELPLINE_NUMBERS
from mentorjournal.anonymise.prefilter import finditer, search
from mentorjournal.anonymise.textutil import (
    Token,
    next_words,
    previous_words,
    sentence_start,
    split_words,
)

_I = re.IGNORECASE

#: Clinical measures: the number after one is a score, never an age, a date or an ID.
CLINICAL_SCORE_RE = re.compile(
    r"\b(?:phq|gad|core|wemwbs|swemwbs|rcads|sdq|ors|srs|k10|k6|audit|epds|bdi|hads|pcl|honos|"
    r"ados|cgas|dass|mfq|scared|ybocs|y-bocs|bai|rcmas|cdi|spin|pswq|isi|ces-d|cage|scoff|moca|"
    r"mmse|ace|aces|ciwa|ciwa-ar|cows|dudit|dast|whodas|who-5|who5|wsas|gaf|bprs|panss|ymrs|madrs|"
    r"ham-d|hamd|ham-a|hama|ies-r|itq|ede-q|asrs|aq|mdq|ghq|psqi|kessler)"
    r"(?:[- ]?(?:\d{1,2}|om|r|c|a|ld))?\b"
    r"(?:\s*(?:score|scores|total|scored|rating|result|was|is|of|at|=|:|-|–|came back|went|now|"
    r"down|up|dropped|rose|from|to|\(|\)|,|and)\s*|\s+){0,4}\d{1,3}"
    r"(?!\d|(?:st|nd|rd|th)\b|\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
    r"(?:\s*(?:/|out of)\s*\d{1,3}(?![/\d]))?"
    r"(?:\s*(?:to|->|→|-|–|and|then)\s*\d{1,3})?"
    r"|\bscored\s+\d{1,3}(?:\s*/\s*\d{1,3})?\s+on\s+(?:the\s+)?[A-Za-z]{2,6}[- ]?\d{0,2}\b",
    _I,
)

PLACE_PREPS = frozenset(split_words("in near around outside towards toward via visiting into"))
#: Prepositions that also take people ("from Sam", "to Jo"): an unlisted word only when no name list knows it.
WEAK_PLACE_PREPS = frozenset(split_words("from to at"))
VENUE_SUFFIXES: dict[str, str] = {
    **dict.fromkeys(
        split_words("""park gardens common woods wood beach pier heath green trail fields meadows moor
        downs forest quay wharf docks strand harbour promenade"""),
        "park",
    ),
    **dict.fromkeys(
        split_words("""arena stadium leisure market theatre theater cinema museum gallery baths pool circus square
        mall quarter marina lido"""),
        "venue",
    ),
}
#: Venue words that are also family names.
#: Two capitalised words after a place preposition, the last a word for a part of a town:
#: "in White City", "near Kings Cross", "at Mile End".
_TWO_WORD_PLACE_RE = re.compile(
    r"\b(?:in|near|around|from|to|at|outside|towards)[ ](?P<n>[A-Z][a-z'’]+[ ](?:City|Town|Village|Heights|"
    r"Cross|End|Bay|Vale|Hill|Green|Park|Common|Cottage|Gate|Bridge|Wharf|Quay|Point|Downs))\b"
)
_NOT_PLACE_OPENERS = frozenset(
    split_words("the my her his their our your this that a an year every each one its")
)
_SURNAME_VENUE_WORDS = frozenset(split_words("green wood woods heath fields moor forest strand"))
#: Acronyms that are services, qualifications or ordinary shorthand, never an employer or a person.
COMMON_ACRONYMS = frozenset(
    split_words("""GP NHS CBT DBT ACT EMDR ERP CPT IPT MBCT CFT ADHD ADD ASD ASC OCD PTSD CPTSD BPD EUPD GAD PHQ CAMHS CMHT
    CPN CRHT HTT IAPT SENCO SENCo EHCP SEN SEND PRU YOT LAC CIN CP DSL DV SA SH DSH OD ED MH AE
    PIP UC DWP ESA JSA GCSE GCSEs BTEC NVQ TV PE IT ICT RE DJ OK AM PM UK US USA EU ID PC MP CV HR
    AA NA SMS DM DMs ASAP FYI LGBT LGBTQ LGBTQIA BSL IEP ICU ENT AAU MRI CT ECG BMI BP HIV STI
    ASBO CSE CCE MASH LADO IRO PA TA SLT OT DoB DOB NI SSN MRN NB PS RIP LOL OMG TBH IDK BRB
    ATM PIN WIFI USB PDF ASDA KFC BBC ITV HMRC DVLA PSNI RTE HSE A&E SEAP IMHA IMCA DOLS DoLS
    AMHP RC MHA CTO CMHN CYP SNAP SOS GPS TM AI ADHD's SIN PPS PPSN MRN CHI IHI NIN BVN NHI
    SSI SSDI EHR EMR CAD IBAN BIC SWIFT SORT ZIP HV SW KW YW FLO ISW EWO IG RA LCA TY FETAC QQI""")
)
#: Therapies, measures, roles and services written as acronyms: never an organisation or a
#: person by themselves ("referred for MBT", "her SHO called", "the FACT team").
COMMON_ACRONYMS = COMMON_ACRONYMS | frozenset(
    split_words("""MBT SFBT MBSR FBT MST DDP PMR IPS WRAP TIPP CRAFT STEPPS SMART SHO HCA ANP PICU
    FACT ACT EIP EIS CRT MDT RMN RGN HCSW STR ASHA CHW CPRS CADC LCSW LPC LMFT CSW CNA RN LPN
    NP APN CRNA CAT IPT MI IFS SUDS SUD AOD MAT OTP IOP PHP RRT CSU CRU COPD PCP OST VA""")
)
_ORG_CUES = frozenset(
    split_words("""at attends attended attending studies studying study joined joining left leaving
    from with for works worked working volunteers volunteering volunteered placement job""")
)
_ADMIT_RE = re.compile(
    r"\b(?:admitted\s+(?:to|into)|discharged\s+from|inpatient\s+(?:at|in)|sectioned\s+(?:at|to|in)|"
    r"transferred\s+(?:to|from)|taken\s+to|seen\s+at|assessed\s+at|attending|bed\s+(?:at|in))\s+"
    r"(?:the\s+)?",
    _I,
)
SAINT_OF_RE = re.compile(
    r"\b(?:St\.?|Saint|Our\s+Lady)\s+[A-Z][a-z]+(?:['’]s)?(?:\s+(?:of|the|of\s+the)\s+[A-Z][a-z]+)+\b"
)
CHARITIES = (
    "barnardo's", "barnardos", "oxfam", "salvation army", "red cross", "british red cross",
    "sue ryder", "scope", "age uk", "cancer research", "cancer research uk",
    "british heart foundation", "prince's trust", "princes trust", "foróige", "foroige",
    "focus ireland", "simon community", "st vincent de paul", "svp", "ymca", "ywca",
    "action for children", "the children's society", "nspcc", "marie curie", "macmillan",
    "st john ambulance", "air ambulance", "pdsa", "rspca", "dogs trust", "cats protection",
    "mencap", "shelter", "crisis", "turning point", "change grow live", "we are with you",
    "addaction", "catch22", "st mungo's", "centrepoint", "depaul", "girlguiding", "scouts",
)  # fmt: skip
CHARITY_RE = re.compile(
    r"(?<![\w])(?:"
    + "|".join(re.escape(c) for c in sorted(CHARITIES, key=len, reverse=True))
    + r")(?![\w])",
    _I,
)
#: Charities whose names are also everyday words: only after a place or work cue.
_CHARITY_WORDS = frozenset(split_words("scope shelter crisis scouts"))
_ALIAS_RE = re.compile(
    r"\b(?:known\s+as|aka|a\.k\.a\.?|goes\s+by|nicknamed|nickname\s+(?:is|was)|calls\s+(?:him|her|them)self|"
    r"call(?:s|ed)?\s+(?:him|her|them)|prefers)\s+(?:to\s+be\s+called\s+)?"
    r"(?P<q>[\"“‘'])?(?P<n>[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*)",
    _I,
)
_HANDLE_ACCOUNT_RE = re.compile(
    r"\b(?:account|profile|page|channel|username|user\s?name|handle|gamer\s?tag|tag|insta|snap|"
    r"tiktok|twitter|discord|twitch|psn|xbox|steam|roblox|fortnite|bluesky|threads)"
    r"(?:\s+(?:name|handle|account|id))?\s*(?:is|was|:|=|called|named|as|-)?\s*"
    r"(?P<h>@?[A-Za-z0-9][A-Za-z0-9_.-]{2,29}[A-Za-z0-9_])",
    _I,
)
_UNDERSCORE_HANDLE_RE = re.compile(
    r"(?<![\w@./-])@?[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)*_[A-Za-z0-9_.]*[A-Za-z0-9](?![\w@-])"
)
_MOVE_ADDRESS_RE = re.compile(
    r"\b(?:lives|living|live|lived|staying|stays|moved|move|moving|address|addr|house|flat|home)\s+"
    r"(?:is\s+|was\s+)?(?:at|to|in|on|:|-)?\s*(?:the\s+)?"
    r"(?P<a>(?:(?:Flat|Apt|Apartment|Unit|Studio|Suite|H\.\s?No\.?|House)\s*\d+[A-Za-z]?,?\s+"
    r"(?:\d{1,5}[A-Za-z]?,?\s+)?|\d{1,5}[A-Za-z]?(?:/\d{1,5})?,?\s+)"
    r"(?:(?!(?:Apt|Suite|Unit|Flat)\b)[A-Z\u00C0-\u024F][\w'’.-]*\s+){0,3}"
    r"(?!(?:Apt|Suite|Unit|Flat)\b)[A-Z\u00C0-\u024F][\w'’-]*"
    r"(?:\s\d{1,5}[A-Za-z]?\b)?(?:,?\s+(?:Apt\.?|Suite|Unit|Flat)\s*\d+[A-Za-z]?)?)"
)
#: "Name: Jo Bloggs", "Address: 12 Elm Road", "DOB: 1.2.09": a form's labelled field, to the line's end.
_FIELD_RE = re.compile(
    r"^[ \t>*-]*(?P<label>name|full name|client|user|patient|mentee|parent|carer|contact|next of kin|"
    r"address|home address|website|site|web|dob|d\.o\.b\.?|date of birth|born|"
    r"employer|school|college|workplace|gp|gp surgery|hospital)\s*[:=-]\s*(?P<v>[^\n]{2,80}?)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
#: The same labels inside a line: "Community college: Harold Washington. Her ..." (capitals only).
_INLINE_FIELD_RE = re.compile(
    r"\b(?P<label>(?i:school|college|uni|university|employer|work|job|workplace|placement|gp|hospital|"
    r"ward|nursery|club|team|church|mosque|temple))[ \t]*:[ \t]*(?P<v>[A-Z\u00C0-\u00DE][\w'’&-]*"
    r"(?:[ ](?:[A-Z\u00C0-\u00DE][\w'’&-]*|of|and|&|de|y)){0,4})"
)
_COLON_RE = re.compile(r":")
_LABEL_REACH = 12  # the longest label ("university", "workplace") plus its spaces
_INLINE_LABELS = frozenset(
    split_words("""school college uni university employer work job workplace placement gp hospital ward
    nursery club team church mosque temple""")
)
#: Courts named by their kind: "DC Superior Court", "Cardiff Crown Court", "Highbury Magistrates' Court".
_COURT_RE = re.compile(
    r"\b(?:[A-Z][\w'’.-]*[ ]){0,2}(?:Crown|Magistrates['’]?|Magistrate's|County|Family|Superior|District|"
    r"Juvenile|Youth|Supreme|Circuit|Criminal|Civil|Coroner's|Coroners['’]?|Sheriff|Municipal|Housing)"
    r"[ ]Court\b"
)
_FIELD_CATEGORY = {
    "name": Category.NAME, "full name": Category.NAME, "client": Category.NAME, "user": Category.NAME,
    "patient": Category.NAME, "mentee": Category.NAME, "parent": Category.NAME, "carer": Category.NAME,
    "contact": Category.NAME, "next of kin": Category.NAME, "address": Category.ADDRESS,
    "home address": Category.ADDRESS, "where": Category.ADDRESS, "website": Category.URL,
    "site": Category.URL, "web": Category.URL, "dob": Category.DATE, "d.o.b": Category.DATE,
    "d.o.b.": Category.DATE, "date of birth": Category.DATE, "born": Category.DATE,
    "when": Category.DATE, "date": Category.DATE, "employer": Category.ORGANISATION,
    "school": Category.ORGANISATION, "college": Category.ORGANISATION,
    "workplace": Category.ORGANISATION, "gp": Category.NAME, "gp surgery": Category.ORGANISATION,
    "hospital": Category.ORGANISATION,
}  # fmt: skip
#: "Emilie S. Nielsen": a capitalised word, a middle initial, a capitalised word (on one line:
#: "Mateus O.\nMon 9 Nov" is a name and then a date).
_MIDDLE_INITIAL_RE = re.compile(
    r"\b[A-Z\u00C0-\u00DE][a-z\u00DF-\u024F'’-]+[ \t][A-Z]\.?[ \t][A-Z\u00C0-\u00DE][a-z\u00DF-\u024F'’-]+\b"
)
_PHONE_CUE_RE = re.compile(
    r"\b(?:phone|tel|telephone|mobile|mob|cell|number|no|ring|call|text|whatsapp|landline)\b\.?\s*"
    r"(?:(?:me|her|him|them|us|back)\s+)?(?:is|was|:|-|on)?\s*(?P<p>\+?\(?\d[\d\s().-]{5,18}\d)",
    _I,
)
_SENTENCE_VERBS = frozenset(
    split_words("""said says told came comes went texted called rang asked felt feels wants wanted
    thinks thought agreed shared mentioned explained arrived left cried laughed seemed looked brought
    attended turned got gets has had is was presented reported disclosed admitted missed cancelled
    phoned messaged emailed joined started finished passed failed moved walked met talked spoke
    discussed seems looks needs needed did didn't doesn't hasn't isn't wasn't made showed shows""")
)
#: Verbs after a sentence's first word that only a person does (not "is"/"was"/"has").
_STRONG_SENTENCE_VERBS = frozenset(
    split_words("""said says told texted rang phoned messaged emailed missed cancelled attended arrived
    cried laughed shouted agreed disclosed admitted wants wanted thinks thought feels felt asked""")
)
_MOVE_VERBS = frozenset(split_words("moved brought"))
#: A name in quotes in brackets after a name is what the person is called: 'Oluwaseun ("Seun")'.
_QUOTED_ALIAS_RE = re.compile(r"\([ ]?[\"“‘'](?P<n>[A-Z\u00C0-\u00DE][\w'’-]+)[\"”’'][ ]?\)")
#: Pronouns in brackets after a word make it a person: "Jordan (they/them)".
_PRONOUNS_RE = re.compile(
    r"[ ]?\((?:she|he|they|ze|xe)/(?:her|him|them|hers|his|theirs|zir|xem|she|he|they)\)", _I
)
_INITIAL_SURNAME_RE = re.compile(
    r"\b(?P<i>[A-HJ-Z])(?:\.[ \t]?|[ \t])(?P<s>[A-Z][a-z\u00C0-\u024F'’-]{2,})\b"
)
_INITIALS_RE = re.compile(
    r"(?<![\w.&])(?:[A-Z]\.\s?){2,3}(?![\w&])|(?<![\w.&/-])[A-Z]{2,3}(?![\w&/-])(?:['’]s)?"
)
_SINGLE_INITIAL_RE = re.compile(
    r"[A-HJ-Z]\.(?=[ ](?:said|says|told|came|felt|feels|seemed|wants|wanted|thinks|thought|asked|"
    r"agreed|texted|called|rang|messaged|arrived|left|cried|laughed|is|was|has|had)\b)"
)
_PERSON_BEFORE = frozenset(
    split_words("""about with told tell asked saw see met meet and texted text messaged called rang phoned
    emailed from to for by visited visiting supporting support re dear hi thanks""")
)
_PERSON_AFTER = frozenset(
    split_words("""said says told was is has had came felt feels seemed reported wants wanted thinks thought
    asked agreed shared mentioned explained arrived left texted called cried laughed rang messaged
    shouted will would can could didn't doesn't isn't wasn't hasn't won't can't""")
)


def _spells(acronym: str, before: list[Token]) -> bool:
    """Do the capitalised words just before spell the acronym ("Trinity College Dublin (TCD)")?"""
    words = [t for t in before[-len(acronym) - 2 :] if t.base not in ("of", "the", "and", "for")]
    initials = "".join(t.text[0] for t in words[-len(acronym) :])
    return initials.upper() == acronym and all(
        t.capitalised or t.upper for t in words[-len(acronym) :]
    )


_POLISH_ADDRESS_RE = re.compile(
    r"\b(?:ul\.|ulica|al\.|aleja|os\.|osiedle|plac|pl\.)\s+(?:[A-Z\u00C0-\u024F][\w-]*\s+){1,3}\d+[A-Za-z]?(?:/\d+)?",
)


_DOTTED_RE = re.compile(r"(?<![\w.&])(?:[A-Z]\.\s?){2,3}(?![\w&])")


def _initials(text: str, tokens: list[Token]) -> Iterator[tuple[int, int, str, bool]]:
    """(start, end, letters, possessive) for "JB", "JB's" and "J.B." written as a word."""
    for tok in tokens:
        if (
            tok.upper
            and len(tok.base) <= 3
            and tok.text.replace("'", "").replace("’", "").isalpha()
        ):
            letters = tok.text.upper().removesuffix("'S").removesuffix("’S")
            if 2 <= len(letters) <= 3 and text[tok.start - 1 : tok.start] not in (
                "&",
                "/",
                "-",
                ".",
            ):
                yield tok.start, tok.start + len(letters), letters, tok.possessive
    if "." in text:
        for m in finditer(_DOTTED_RE, text):
            yield m.start(), m.end(), re.sub(r"[^A-Z]", "", m.group()), False


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


class CueDetector:
    """Built once per process from the gazetteers; ``find`` is pure over the text."""

    def __init__(self, gaz: Gazetteers) -> None:
        self._g = gaz

    def _plain_word(self, tok: Token) -> bool:
        """A word any name or place could not be: dictionary, kept term, weekday, month."""
        b = tok.base
        return (
            b in self._g.top_words
            or b in NOT_NAMES
            or b in WEEKDAYS
            or b in MONTHS
            or is_must_keep(b)
            or ("-" in b and all(p in WEEKDAYS for p in b.split("-")))  # "Mon-Fri"
        )

    def _cap_run(self, text: str, tokens: list[Token], i: int, limit: int = 3) -> int:
        """Index after a run of capitalised tokens starting at ``i`` (joined by single spaces or hyphens)."""
        k = i
        while (
            k < len(tokens)
            and k - i < limit
            and (tokens[k].capitalised or (k > i and tokens[k].base in ("upon", "le", "de")))
            and (k == i or text[tokens[k - 1].end : tokens[k].start] in (" ", "-"))
            and not (k > i and tokens[k - 1].possessive)
        ):
            k += 1
        while k > i + 1 and not tokens[k - 1].capitalised:
            k -= 1
        return k

    def places(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "near Filton", "in Dún Laoghaire": unlisted capitalised words after a place preposition."""
        g = self._g
        for i, tok in enumerate(tokens):
            shouted = tok.upper and len(tok.text) >= 5 and tok.text not in COMMON_ACRONYMS
            if not (tok.capitalised or shouted) or i == 0:
                continue
            prev = tokens[i - 1]
            gap = text[prev.end : tok.start]
            if gap != " " or prev.base not in PLACE_PREPS | WEAK_PLACE_PREPS:
                continue
            end = self._cap_run(text, tokens, i) if tok.capitalised else i + 1
            run = tokens[i:end]
            if any(t.base in NOT_NAMES or t.base in WEEKDAYS or t.base in MONTHS for t in run):
                continue
            phrase = text[tok.start : run[-1].end]
            if is_must_keep(phrase) or run[-1].base in VENUE_SUFFIXES:
                continue
            folded = fold(phrase).lower()
            listed = folded in g.towns
            if not listed and all(self._plain_word(t) for t in run):
                continue
            if prev.base in WEAK_PLACE_PREPS and not listed:
                if len(run) == 1 and (tok.base in g.first_names or tok.base in g.surnames):
                    continue  # "from Sam", "to Jo": a person
                if prev.base == "at" and len(run) == 1:
                    continue  # "at Okafor's" is a home; lone words after "at" are left to others
            yield Identifier(tok.start, run[-1].end, Category.PLACE, role="town")

    def venues(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "Castle Park", "Cabot Circus", "Eastville Leisure Centre": capitalised words before a venue word."""
        for i, tok in enumerate(tokens):
            role = VENUE_SUFFIXES.get(tok.base)
            if role is None or not tok.capitalised or i == 0:
                continue
            prev = tokens[i - 1]
            if (
                tok.base in _SURNAME_VENUE_WORDS
                and prev.base in self._g.first_names
                and not prev.possessive
            ):
                continue  # "Sarah Green", "Tom Wood": a person, not a green or a wood
            j = i
            while (
                j > 0
                and i - j < 3
                and tokens[j - 1].capitalised
                and text[tokens[j - 1].end : tokens[j].start] in (" ", "-")
                and tokens[j - 1].base not in NOT_NAMES
                and tokens[j - 1].base not in ("the", "a", "an")
                and tokens[j - 1].base not in WEEKDAYS
                and tokens[j - 1].base not in MONTHS
            ):
                j -= 1
            if j == i:
                continue
            end = tok.end
            if (
                tok.base == "leisure"
                and i + 1 < len(tokens)
                and tokens[i + 1].base in ("centre", "center")
            ):
                end = tokens[i + 1].end
            phrase = text[tokens[j].start : end]
            if is_must_keep(phrase):
                continue
            yield Identifier(tokens[j].start, end, Category.ORGANISATION, role=role)

    def two_word_places(self, text: str) -> Iterator[Identifier]:
        """ "in White City", "near Kings Cross": a part of a town named by two capitalised words."""
        for m in finditer(_TWO_WORD_PLACE_RE, text):
            first = m.group("n").split()[0].lower()
            if first in _NOT_PLACE_OPENERS or first in WEEKDAYS or first in MONTHS:
                continue
            if is_must_keep(m.group("n")):
                continue
            yield Identifier(m.start("n"), m.end("n"), Category.PLACE, role="town")

    def sites(self, text: str) -> Iterator[Identifier]:
        """ "at Southmead A&E", "by Lewisham station": the name before a department or a platform."""
        if not any(k in text for k in _SITE_KINDS):
            return
        for m in finditer(_BEFORE_SITE_RE, text):
            words = m.group("n").split()
            first = words[0].lower()
            if (
                first in NOT_NAMES
                or is_must_keep(m.group("n"))
                or any(w.lower() in self._g.top_words or w.lower() in _SITE_WORDS for w in words)
            ):
                continue
            hospital = m.group("k")[0].isupper() or m.group("k") in ("maternity", "outpatients")
            category = Category.ORGANISATION if hospital else Category.PLACE
            yield Identifier(
                m.start("n"), m.end("n"), category, role="hospital" if hospital else "town"
            )

    def named_the(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "at the Brew Lab", "outside the Mater": capitalised words after a place word and "the"
        name a venue, shop or hospital. One word needs to be in no English word list
        ("at the Royal" is left to other rules); a service or anything that must stay is kept."""
        bases = {t.base for t in tokens}
        for m in finditer(_LOWER_NAMED_ORG_RE, text) if not bases.isdisjoint(_KIND_WORDS) else ():
            words = m.group("n").split()
            if words[0] in _GENERIC_BEFORE_KIND or any(
                w in NOT_NAMES or is_must_keep(w) for w in words
            ):
                continue
            if (
                any(w in self._g.top_words and w not in self._g.towns for w in words[:1])
                and len(words) == 1
            ):
                continue  # "at home college": a frequent word alone is not a name
            yield Identifier(m.start("n"), m.end("s"), Category.ORGANISATION, role="organisation")
        for m in finditer(_PREFIX_ORG_RE, text) if not bases.isdisjoint(_PREFIX_WORDS) else ():
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="organisation")
        for m in finditer(_ACRONYM_SITE_RE, text) if not bases.isdisjoint(_SITE_NOUNS) else ():
            if m.group("n") not in COMMON_ACRONYMS:
                yield Identifier(m.start("n"), m.end("n"), Category.ORGANISATION, role="employer")
        for m in finditer(_AT_THE_RE, text):
            words = m.group("n").split()
            if words[0] == "The" and len(words) > 1:
                words = words[1:]  # "at The O2": the name includes its "The"
            first = words[0].lower().strip("'’")
            if (
                first in NOT_NAMES
                or words[-1].lower() in ROLE_WORDS  # "the Care Coordinator", "the Peer Specialist"
                or first in WEEKDAYS
                or first in MONTHS
                or (first in self._g.first_names and len(words) == 1)
                or is_must_keep(m.group("n"))
                or any(is_must_keep(w) for w in words)
            ):
                continue
            if len(words) == 1 and (
                first in self._g.top_words
                or (words[0].isupper() and not m.group("n").startswith("The "))
            ):
                continue
            yield Identifier(m.start("n"), m.end("n"), Category.ORGANISATION, role="organisation")

    def hospitals(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "St John of God", "admitted to Beaumont": a hospital named by its saint or by an admission."""
        for m in finditer(SAINT_OF_RE, text):
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="hospital")
        starts = {t.start: i for i, t in enumerate(tokens)}
        for m in finditer(_ADMIT_RE, text):
            i = starts.get(m.end())
            if i is None or not (tokens[i].capitalised or tokens[i].upper):
                continue
            end = self._cap_run(text, tokens, i, limit=4)
            run = tokens[i:end]
            if all(self._plain_word(t) for t in run) or is_must_keep(
                text[run[0].start : run[-1].end]
            ):
                continue
            yield Identifier(run[0].start, run[-1].end, Category.ORGANISATION, role="hospital")

    def acronym_orgs(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "studies at UCD", "Trinity College Dublin (TCD)": an unlisted acronym naming an organisation."""
        for i, tok in enumerate(tokens):
            if not tok.upper or not 2 <= len(tok.text) <= 6 or i == 0:
                continue
            if tok.text in COMMON_ACRONYMS or tok.text in US_STATE_CODES or is_must_keep(tok.base):
                continue
            before = previous_words(text, tok.start, 2)
            spelled = text[tok.start - 1 : tok.start] == "(" and _spells(tok.text, tokens[:i])
            if spelled or (before and (before[-1] in _ORG_CUES or before[-1] in PLACE_PREPS)):
                yield Identifier(tok.start, tok.end, Category.ORGANISATION, role="organisation")

    def charities(self, text: str, tokens: list[Token] | None = None) -> Iterator[Identifier]:
        matches = (
            finditer(CHARITY_RE, text)
            if tokens is None
            else (
                m
                for t in tokens
                if t.base in _CHARITY_FIRST and (m := CHARITY_RE.match(text, t.start)) is not None
            )
        )
        for m in matches:
            word = m.group().lower()
            if is_must_keep(word):
                continue  # listed as a service people are signposted to ("Barnardo's", "NSPCC")
            if word in _CHARITY_WORDS:
                before = previous_words(text, m.start(), 1)
                if not m.group()[0].isupper() or not before or before[0] not in _ORG_CUES:
                    continue
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="organisation")

    def people(
        self, text: str, tokens: list[Token], bases: set[str] | None = None
    ) -> Iterator[Identifier]:
        """Initials used as a person, "J. Bennett", and aliases ("known as Smudge")."""
        for start, end, letters, possessive in _initials(text, tokens):
            if (
                letters in COMMON_ACRONYMS
                or letters in US_STATE_CODES
                or is_must_keep(letters)
                or letters.lower() in ROLE_WORDS
            ):
                continue
            before = previous_words(text, start, 1)
            after = next_words(text, end, 1)
            dotted = "." in text[start:end]
            if (
                possessive
                or (before and before[0] in _PERSON_BEFORE)
                or (after and after[0] in _PERSON_AFTER)
                or (dotted and len(letters) >= 2)
            ):
                yield Identifier(start, end, Category.NAME)
        for m in finditer(_SINGLE_INITIAL_RE, text):  # "J. said she's fine"
            if not re.match(r"[\w.]", text[m.start() - 1 : m.start()] if m.start() else " "):
                yield Identifier(m.start(), m.end(), Category.NAME)
        yield from self._initial_surnames(text)
        yield from self._sentence_names(text, tokens)
        yield from self._unlisted_pairs(text, tokens)
        for m in finditer(_MIDDLE_INITIAL_RE, text):
            first = m.group().split()[0].lower()
            if first not in NOT_NAMES and first not in self._g.top_words:
                yield Identifier(m.start(), m.end(), Category.NAME)
        for m in finditer(_QUOTED_ALIAS_RE, text) if "(" in text else ():
            if text[max(0, m.start() - 2) : m.start()].strip()[-1:].isalpha():
                yield Identifier(m.start("n"), m.end("n"), Category.NAME)
        if not (bases if bases is not None else {t.base for t in tokens}).isdisjoint(_ALIAS_CUES):
            yield from self._aliases(text)

    def _initial_surnames(self, text: str) -> Iterator[Identifier]:
        for m in finditer(_INITIAL_SURNAME_RE, text):
            surname = m.group("s").lower()
            if (
                surname in NOT_NAMES
                or is_must_keep(surname)
                or surname in MONTHS
                or surname in WEEKDAYS
                or (surname in self._g.common_words and surname not in self._g.surnames)
            ):
                continue
            dotted = text[m.end("i")] == "."
            if dotted or surname in self._g.surnames:
                yield Identifier(m.start(), m.end(), Category.NAME)

    def _unlisted_pairs(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """ "Maho Hudobivnik listed...": two capitalised words no word list knows are a full name."""
        for i in range(len(tokens) - 1):
            a, b = tokens[i], tokens[i + 1]
            if (
                not (a.capitalised and b.capitalised)
                or text[a.end : b.start] != " "
                or a.possessive
            ):
                continue
            if any(
                t.base in self._g.common_words or self._plain_word(t) or t.base in self._g.towns
                for t in (a, b)
            ):
                continue
            if b.base in VENUE_SUFFIXES or b.base in _ORG_WORDS:
                continue
            if a.base in RELATIONS or a.base.rstrip("s") in RELATIONS:
                continue  # "Keyworker Michelle Adeyemi": the role, then the person
            yield Identifier(a.start, b.end, Category.NAME)

    def _sentence_names(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        for i, tok in enumerate(tokens):
            # "Korede came in", "Olajumoke (known as Olay)": an unlisted word opening a sentence
            # is a person when a person's verb or an alias follows.
            if not tok.capitalised or tok.base in NOT_NAMES:
                continue
            alias = (
                _ALIAS_RE.match(text, tok.end + 2) if text[tok.end : tok.end + 2] == " (" else None
            )
            if alias or _PRONOUNS_RE.match(text, tok.end):
                # "Jordan (known as Jordo)", "Jordan (they/them)": whatever the word, a name here
                yield Identifier(tok.start, tok.end, Category.NAME)
                continue
            after = next_words(text, tok.end, 1)
            if (
                tok.base in self._g.first_names
                and after
                and after[0] in _STRONG_SENTENCE_VERBS
                and sentence_start(text, tok.start)
                and tok.base not in WEEKDAYS
                and tok.base not in MONTHS
                and not is_must_keep(tok.base)
            ):  # "Precious missed session": a listed first name doing what people do
                yield Identifier(tok.start, tok.end, Category.NAME)
                continue
            if self._plain_word(tok) or tok.base in self._g.towns:
                continue
            if i > 0 and not sentence_start(text, tok.start):
                continue
            if tok.base in self._g.common_words and (
                tok.base.endswith(("ing", "ed", "ly", "day", "time", "work"))
                or not (after and after[0] in _STRONG_SENTENCE_VERBS | _MOVE_VERBS)
            ):
                continue  # "Aditi moved": a rarer word (many names are) before a verb of a person
            if (after and after[0] in _SENTENCE_VERBS) or tok.possessive:
                yield Identifier(tok.start, tok.end, Category.NAME)

    def _aliases(self, text: str) -> Iterator[Identifier]:
        for m in finditer(_ALIAS_RE, text):
            name = m.group("n")
            low = name.lower()
            if m.group("q") is None and (
                low in NOT_NAMES
                or is_must_keep(low)  # "she prefers ACT", "call her Mon-Fri"
                or all(p in WEEKDAYS for p in low.split("-"))
                or (not name[0].isupper() and low in self._g.common_words)
            ):
                continue
            if low in ("the", "a", "an", "him", "her", "them", "me", "it", "that", "this"):
                continue
            yield Identifier(m.start("n"), m.end("n"), Category.NAME)

    def handles(self, text: str, bases: set[str]) -> Iterator[Identifier]:
        if "_" in text:
            for m in finditer(_UNDERSCORE_HANDLE_RE, text):
                yield Identifier(m.start(), m.end(), Category.HANDLE)
        if bases.isdisjoint(_ACCOUNT_WORDS):
            return
        for m in finditer(_HANDLE_ACCOUNT_RE, text):
            handle = m.group("h").rstrip(".-")
            low = handle.lower()
            if low in self._g.common_words or low in NOT_NAMES or low in ("is", "was", "as"):
                continue
            if not (
                re.search(r"[\d_.]", handle)
                or handle.startswith("@")
                or low not in self._g.top_words
            ):
                continue
            yield Identifier(m.start("h"), m.start("h") + len(handle), Category.HANDLE)

    def fields(self, text: str) -> Iterator[Identifier]:
        """A labelled field's value ("Name: Jo Bloggs"); a date field only when it holds digits."""
        for m in finditer(_FIELD_RE, text):
            category = _FIELD_CATEGORY.get(m.group("label").lower().rstrip("."))
            value = m.group("v")
            if category is None or is_must_keep(value) or value.lower() in NOT_NAMES:
                continue
            if category is Category.DATE and not any(c.isdigit() for c in value):
                continue
            if category is Category.NAME and (
                any(c.isdigit() for c in value) or len(value.split()) > 5
            ):
                continue
            role = (
                "dob"
                if m.group("label").lower().startswith(("dob", "d.o.b", "date of birth", "born"))
                else None
            )
            yield Identifier(m.start("v"), m.end("v"), category, role=role)

    def inline_fields(self, text: str) -> Iterator[Identifier]:
        """ "college: Harold Washington", "GP: Dr ...": a capitalised value after a label, in a line."""
        matches = (
            m
            for colon in finditer(_COLON_RE, text)
            if (m := _INLINE_FIELD_RE.match(text, max(0, colon.start() - _LABEL_REACH))) is not None
            or (
                m := _INLINE_FIELD_RE.search(
                    text, max(0, colon.start() - _LABEL_REACH), colon.end() + 90
                )
            )
            is not None
        )  # tried only around each colon: a whole-note scan of the label alternation is slow
        seen: set[int] = set()
        for m in matches:
            if m.start("v") in seen:
                continue
            seen.add(m.start("v"))
            value = m.group("v").rstrip(".")
            first = value.split()[0].lower().rstrip(".")
            if (
                first in NOT_NAMES
                or is_must_keep(value)
                or first in ("dr", "mr", "mrs", "ms", "miss")
            ):
                continue
            yield Identifier(
                m.start("v"), m.start("v") + len(value), Category.ORGANISATION, role="organisation"
            )
        for m in finditer(_COURT_RE, text) if "Court" in text else ():
            start = m.start()
            for word in m.group().split()[:-2]:  # "Then Cardiff Crown Court" starts at Cardiff
                if word.lower() not in NOT_NAMES and word.lower() not in self._g.top_words:
                    break
                start += len(word) + 1
            yield Identifier(start, m.end(), Category.ORGANISATION, role="organisation")

    def phones(self, text: str) -> Iterator[Identifier]:
        """Any seven or more digits straight after "phone"/"mobile"/"ring" are a phone number."""
        for m in finditer(_PHONE_CUE_RE, text):
            number = m.group("p")
            if (
                sum(c.isdigit() for c in number) >= 7
                and re.sub(r"\D", "", number) not in HELPLINE_NUMBERS
            ):
                yield Identifier(m.start("p"), m.end("p"), Category.PHONE)

    def addresses(self, text: str) -> Iterator[Identifier]:
        for m in finditer(_POLISH_ADDRESS_RE, text):
            yield Identifier(m.start(), m.end(), Category.ADDRESS)
        if not search(_NUMBER_THEN_WORD_RE, text):
            return
        for m in finditer(_MOVE_ADDRESS_RE, text):
            span = m.group("a").rstrip(" ,.")
            if re.fullmatch(r"\d+\s+(?:[A-Z][a-z]+)", span) and span.split()[1].lower() in (
                "pm", "am", "mins", "minutes", "hours", "weeks", "days", "years", "months",
            ):  # fmt: skip
                continue
            yield Identifier(m.start("a"), m.start("a") + len(span), Category.ADDRESS)

    def find(
        self, text: str, tokens: list[Token], bases: set[str] | None = None
    ) -> list[Identifier]:
        """Every cue rule; ``bases`` (the note's lower-case words) lets rules whose cue is absent skip."""
        bases = bases if bases is not None else {t.base for t in tokens}
        found: list[Identifier] = []
        found.extend(self.places(text, tokens))
        found.extend(self.venues(text, tokens))
        found.extend(self.sites(text))
        found.extend(self.two_word_places(text))
        found.extend(self.named_the(text, tokens))
        if not bases.isdisjoint(_HOSPITAL_CUES):
            found.extend(self.hospitals(text, tokens))
        found.extend(self.acronym_orgs(text, tokens))
        if not bases.isdisjoint(_CHARITY_FIRST):
            found.extend(self.charities(text, tokens))
        found.extend(self.people(text, tokens, bases))
        found.extend(self.handles(text, bases))
        if ":" in text or "=" in text:
            found.extend(self.fields(text))
        if ("Court" in text) or (":" in text and not bases.isdisjoint(_INLINE_LABELS)):
            found.extend(self.inline_fields(text))
        if any(c.isdigit() for c in text):
            if (
                not bases.isdisjoint(_ADDRESS_CUES) and search(_NUMBER_THEN_WORD_RE, text)
            ) or not bases.isdisjoint(_STREET_PREFIXES):
                found.extend(self.addresses(text))
            if not bases.isdisjoint(_PHONE_CUES) and _DIGITS7_RE.search(text):
                found.extend(self.phones(text))
        return found


#: Words that open an organisation's name in Welsh, Irish and Gaelic ("Coleg y Cymoedd", "Ysgol
#: Glan Clwyd", "Scoil Mhuire", "Gaelscoil na Camóige", "Ysbyty Gwynedd").
_PREFIX_ORG_RE = re.compile(
    r"\b(?:Coleg|Ysgol|Prifysgol|Ysbyty|Canolfan|Meithrinfa|Scoil|Gaelscoil|Gaelcholáiste|Coláiste|"
    r"Colaiste|Ospidéal|Ospideal|Sgoil|Bunscoil|Meánscoil|Ionad|Club|Cumann)"
    r"(?:[ ](?:y|yr|na|an|a|de|mhuire|[A-Z\u00C0-\u00DE][\w'’-]+)){1,3}(?<![ ]y)(?<![ ]yr)(?<![ ]na)(?<![ ]an)(?<![ ]a)"
)
#: An acronym after "the" and before a workplace noun: "nights at the DHL depot".
_ACRONYM_SITE_RE = re.compile(
    r"\bthe\s+(?P<n>[A-Z][A-Z0-9&]{1,5})\s+(?:depot|warehouse|office|offices|store|branch|site|factory|"
    r"plant|shop|call centre|call center|hub|yard|garage|centre|center)\b"
)
#: A hospital or a station named by the word before its department or its platform:
#: "at Southmead A&E", "by Lewisham station".
_BEFORE_SITE_RE = re.compile(
    r"\b(?P<n>[A-Z\u00C0-\u00DE][\w'’-]+(?:[ ][A-Z\u00C0-\u00DE][\w'’-]+){0,2})[ ]+(?P<k>A&E|ED|ICU|HDU|"
    r"maternity|outpatients|emergency department|minor injuries|station|bus station|train station|"
    r"tube station|interchange)\b"
)
#: A lower-case name with no article before a kind of place names that place: "her placement at
#: sunrise care home", "goes to oakfield primary" (but "at a care home", "at sixth form college").
_LOWER_NAMED_ORG_RE = re.compile(
    r"\b(?:at|in|from|to|into|attends|attending)\s+(?P<n>[a-z][\w'’-]+(?:\s+[a-z][\w'’-]+)?)\s+"
    r"(?P<s>care home|nursing home|residential home|children's home|primary school|primary|secondary school|"
    r"community school|sixth form college|school|"
    r"high school|academy|college|hospital|medical centre|health centre|surgery|leisure centre|"
    r"community centre|youth club|boxing club|football club|sixth form)\b"
)
_GENERIC_BEFORE_KIND = frozenset(
    split_words("""the a an her his their my our your this that local nearby another one some any sixth
    form further night boarding summer sunday art drama dance music film community special catholic
    grammar state private care nursing residential teaching general district children's mental
    psychiatric maternity new old same other big small little youth sports football boxing
    secondary primary high junior infant infants senior day village town city county free
    independent specialist training medical health driving language flight stage beauty cookery
    swimming riding ski surf music law business medical nursing graduate high school""")
)
_SITE_KINDS = ("A&E", "ED", "ICU", "HDU", "maternity", "outpatients", "emergency", "minor injuries",
               "station", "interchange")  # fmt: skip
_KIND_WORDS = frozenset(
    split_words("""home primary school college academy hospital centre surgery club form""")
)
_PREFIX_WORDS = frozenset(
    split_words("""coleg ysgol prifysgol ysbyty canolfan meithrinfa scoil gaelscoil gaelcholáiste coláiste
    colaiste ospidéal ospideal sgoil bunscoil meánscoil ionad club cumann""")
)
_SITE_NOUNS = frozenset(
    split_words(
        "depot warehouse office offices store branch site factory plant shop hub yard garage centre center call"
    )
)
_SITE_WORDS = frozenset(
    split_words("""police fire petrol bus train tube railway coach ambulance power space radio weather
    filling service gas pumping lifeboat polling work docking charging main central""")
)
_AT_THE_RE = re.compile(
    r"\b(?:at|in|into|inside|outside|near|from|to|behind|opposite|round|on|up|down|across|around|"
    r"over)\s+(?:the\s+|(?=The\s))"
    r"(?P<n>[A-Z\u00C0-\u00DE][\w'’&-]*(?:[ ](?:[A-Z\u00C0-\u00DE][\w'’&-]*|&|of|de)){0,3}"
    r"(?<![ ]of)(?<![ ]de)(?<![ ]&))"
)
_NUMBER_THEN_WORD_RE = re.compile(r"\d[A-Za-z]?,?\s+[A-Z\u00C0-\u00DE]")
_DIGITS7_RE = re.compile(r"\d[\d\s().-]{5,}\d")
_ADDRESS_CUES = frozenset(
    split_words(
        "lives living live lived staying stays moved move moving address addr house flat home"
    )
)
_STREET_PREFIXES = frozenset(split_words("ul ulica al aleja os osiedle plac"))
_PHONE_CUES = frozenset(
    split_words("phone tel telephone mobile mob cell number no ring call text whatsapp landline")
)
_ALIAS_CUES = frozenset(
    split_words("known aka a.k.a goes nicknamed nickname calls call called prefers")
)
_ORG_WORDS = frozenset(
    split_words("""ltd limited inc llc plc corp corporation co company group trust foundation academy
    school college university hospital clinic surgery centre center ward unit""")
)
_HOSPITAL_CUES = frozenset(
    split_words("""st saint lady admitted discharged inpatient sectioned transferred taken seen assessed
    attending bed""")
)
_CHARITY_FIRST = frozenset(
    split_words("""barnardo barnardos oxfam salvation cross ryder scope age cancer heart prince princes
    foróige foroige focus simon vincent svp ymca ywca action children nspcc curie macmillan ambulance
    pdsa rspca dogs cats mencap shelter crisis turning grow addaction mungo centrepoint depaul
    girlguiding scouts""")
)
_ACCOUNT_WORDS = frozenset(
    split_words("""account profile page channel username user handle gamer gamertag tag insta snap tiktok
    twitter discord twitch psn xbox steam roblox fortnite bluesky threads""")
)
_SCORE_WORDS = frozenset(
    split_words("""phq gad core wemwbs swemwbs rcads sdq ors srs k audit epds bdi hads pcl honos ados cgas
    dass mfq scared ybocs y-bocs bai rcmas cdi spin pswq isi ces-d scored phq-a cage scoff moca mmse
    ace aces ciwa ciwa-ar cows dudit dast whodas who-5 who5 wsas gaf bprs panss ymrs madrs ham-d
    hamd ham-a hama ies-r itq ede-q asrs aq mdq ghq psqi kessler""")
)


def clinical_scores(text: str, bases: set[str] | None = None) -> list[tuple[int, int]]:
    """Spans of clinical scores ("PHQ-9 of 14", "GAD7 was 9"): kept, and shield their numbers."""
    if (
        bases is not None
        and bases.isdisjoint(_SCORE_WORDS)
        and _SCORE_WORDS.isdisjoint({b[:3] for b in bases if len(b) <= 7})
        and _SCORE_WORDS.isdisjoint({b.split("-")[0] for b in bases if "-" in b})  # "audit-c"
    ):
        return []
    if not any(c.isdigit() for c in text):
        return []
    return [m.span() for m in finditer(CLINICAL_SCORE_RE, text)]
