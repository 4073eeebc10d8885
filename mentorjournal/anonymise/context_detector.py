"""Names, places and organisations the vault does not know: context rules plus gazetteers.

Rules, in order of trust: titles ("Dr Patel"), relations ("my friend Zara", "Jo's mum",
"Amir (brother)"), organisation suffixes ("Oakfield Academy", "Ward 7", "Greggs Ltd") and
employment ("works at Greggs"), towns from the gazetteer with a place cue when the name is also
a word or a person's name, and first names from the gazetteer when capitalised (or lower-case
with a cue, since notes are often typed in lower case). Words that are also names ("Will",
"Hope", "grace") need stronger evidence; kept terms are never taken.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import (
    KIN_PARENTS,
    KIN_RELATIVES,
    KIN_SIBLINGS,
    MONTHS,
    NOT_NAMES,
    WEEKDAYS,
    is_must_keep,
)
from mentorjournal.anonymise.prefilter import finditer
from mentorjournal.anonymise.textutil import (
    Token,
    next_words,
    previous_words,
    sentence_start,
    split_words,
)

RELATIONS: dict[str, str] = {
    **dict.fromkeys(split_words("mum mom mother mam ma dad father da stepdad stepmum stepmom stepfather stepmother step-dad step-mum parent carer guardian foster"), "parent"),
    **dict.fromkeys(split_words("brother sister bro sis sibling stepbrother stepsister step-brother step-sister twin"), "sibling"),
    **dict.fromkeys(split_words("nan nana nanna gran granny grandma grandad grandpa grandmother grandfather aunt auntie aunty uncle cousin niece nephew"), "relative"),
    **dict.fromkeys(split_words("son daughter baby child kid kids children sons daughters twins"), "child"),
    **dict.fromkeys(split_words("friend mate pal bestie bff"), "friend"),
    **dict.fromkeys(split_words("boyfriend girlfriend bf gf partner husband wife ex fiance fiancé fiancee fiancée"), "partner"),
    **dict.fromkeys(split_words("teacher tutor head headteacher senco lecturer coach"), "teacher"),
    **dict.fromkeys(split_words("counsellor counselor therapist psychiatrist psychologist nurse gp doctor consultant clinician cpn"), "clinician"),
    **dict.fromkeys(split_words("worker keyworker caseworker coordinator co-ordinator officer sponsor sw kw yw"), "worker"),
    **dict.fromkeys(split_words("manager boss supervisor colleague coworker co-worker employer"), "colleague"),
    **dict.fromkeys(split_words("housemate flatmate roommate neighbour neighbor landlord landlady"), "neighbour"),
    **dict.fromkeys(split_words("pastor imam priest vicar rabbi"), "person"),
    **dict.fromkeys(KIN_RELATIVES, "relative"),  # "her abuela (Carmen)", "living with her ouma"
    **dict.fromkeys(KIN_PARENTS, "parent"),
    **dict.fromkeys(KIN_SIBLINGS, "sibling"),
}  # fmt: skip


def _transpositions(word: str) -> list[str]:
    return [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)]


#: Relation words typed with two letters swapped ("girlfrined", "keywokrer"): notes are typed fast.
RELATION_TYPOS: dict[str, str] = {
    t: role
    for word, role in RELATIONS.items()
    if len(word) >= 6
    for t in _transpositions(word)
    if t not in RELATIONS
}

TITLES: dict[str, str] = {
    **dict.fromkeys(["dr", "doctor", "prof", "professor", "nurse", "consultant"], "clinician"),
    **dict.fromkeys(
        ["mr", "mrs", "ms", "miss", "mx", "sir", "dame", "rev", "coach", "officer", "pc"], "adult"
    ),
}
_EMPLOY_WORDS = frozenset(
    split_words("""works work working worked job jobs shift shifts employed placement apprenticeship interview
    volunteers volunteer volunteering volunteered started starts hired sacked fired manager boss plays
    played playing signed drives drove driving delivers delivering delivered temps temping interned
    interning""")
)
_LIVES_WORDS = frozenset(
    split_words("""lives living live lived moved moving move grew based born staying stays stay relocated
    relocating from""")
)
_MOVED_WORDS = frozenset(split_words("moved moving move relocated relocating"))
_RELATION_FILLERS = frozenset(
    split_words("""called named is was best old older oldest new little big younger youngest eldest baby
    worker social support key youth care family close school""")
)
_WEAK_AFTER = frozenset(split_words("is was has had keeps kept goes went lives stays stayed"))
_CUE_VERBS = frozenset(
    split_words("""with told tell asked ask texted text messaged message called call saw see met meet
    visited visit rang ring emailed phoned seeing dating dated invited hugged fancies misses missed
    blocked unblocked avoiding avoids hates loves likes trusts blamed""")
)
#: Verbs that take a person as object so plainly that even a lower-case word after them is a name.
_STRONG_CUES = frozenset(split_words("texted messaged told rang phoned emailed asked"))
#: For a word the name lists know, "and" also counts ("Tyler and Zara argued").
_LISTED_CUES = _CUE_VERBS | {"and"}
_POSSESSED = frozenset(
    split_words("house place flat home room party birthday car mum's dad's family")
)
#: Countries and states that are also common first names: a person when the context says so.
NAMES_THAT_ARE_PLACES = frozenset(
    split_words("jordan georgia chad india kenya israel virginia carolina dakota")
)
PLACE_CUES = frozenset(
    split_words("in at from to near around outside towards toward into visit visiting via of")
)
SPEECH_AFTER = frozenset(
    split_words("""said says told was is has had came felt feels seemed reported wants wanted thinks thought
    asked agreed shared mentioned explained arrived left texted called cried laughed rang
    messaged shouted hit kicked threw went goes lives stayed stays keeps kept""")
)
ORG_SUFFIXES: dict[str, str] = {
    **dict.fromkeys(split_words("school academy primary high secondary comprehensive grammar infants juniors nursery"), "school"),
    **dict.fromkeys(split_words("college sixth"), "college"),
    **dict.fromkeys(split_words("university uni"), "university"),
    **dict.fromkeys(split_words("hospital infirmary"), "hospital"),
    **dict.fromkeys(split_words("ward unit"), "ward"),
    **dict.fromkeys(split_words("clinic surgery practice centre center pharmacy"), "clinic"),
    **dict.fromkeys(split_words("ltd limited inc llc plc llp group trust foundation associates partners co agency solutions services stores store supermarket factory warehouse garage salon restaurant cafe café hotel bakery"), "employer"),
    **dict.fromkeys(split_words("church mosque temple gurdwara synagogue chapel library gym club fc"), "organisation"),
    **dict.fromkeys(split_words("house lodge hostel pub inn arms tavern"), "organisation"),
    **dict.fromkeys(split_words("""bar bistro grill deli kitchen takeaway barbers barber salon plumbing
    builders motors electrical cleaning catering logistics fitness studios studio garage taxis cars
    butchers chemist chemists opticians dental dentist vets vet nurseries"""), "employer"),
    **dict.fromkeys(split_words("gaa rfc afc rovers rangers wanderers harriers athletic celtic"), "organisation"),
    **dict.fromkeys(split_words("""united eagles tigers lions wolves hawks bulls bears warriors knights giants
    jets sharks falcons panthers hornets raiders dragons vikings spartans titans dynamos albion hotspur
    thistle bohemians correctional penitentiary abc cc bc hc sc ac gc"""), "organisation"),
    **dict.fromkeys(split_words("""hardware supplies tyres autos electrics carpets furniture florist florists
    jewellers newsagents newsagent bookshop coffee diner solicitors accountants lettings removals couriers
    landscaping roofing scaffolding joinery windows homecare recruitment training consulting consultancy
    media design systems technologies engineering construction developments holdings enterprises
    industries"""), "employer"),
}  # fmt: skip
GENERIC_ORG_WORDS = frozenset(
    split_words("""the of and & high primary secondary medical health community general royal district city
    county sixth form children's childrens mental day night junior infant infants juniors
    st saint new old north south east west upper lower central local national grammar catholic
    c of e ce rc church free comprehensive memorial university hospital college school
    youth sports sport football boxing dance drama art book breakfast homework after-school
    holiday summer kids parent carers support group mental-health wellbeing""")
)
EMPLOY_RE = re.compile(
    r"\b(?:works?|working|worked|job|jobs|shifts?|employed|placement|apprenticeship|interview|"
    r"volunteers?|volunteering|volunteered|started|starts|hired|sacked|fired|manager|boss|plays|played|"
    r"playing|signed|drives|drove|driving|delivers|delivering|delivered|temps|temping|interned|interning)\s+"
    r"(?:at|for|with|by)\s+(?:the\s+)?",
    re.IGNORECASE,
)
LIVES_RE = re.compile(
    r"\b(?:lives|living|live|lived|moved|moving|move|grew up|based|born|staying|stays|stay|"
    r"relocated|from)\s+(?:in|to|at|near|out to|back to)\s+(?:the\s+)?|"
    r"\b(?:moved|moving|move|relocated|relocating)\s+(?:back\s+)?from\s+",
    re.IGNORECASE,
)
#: "moved from X to Y": the cue for Y (X is found by LIVES_RE).
MOVED_TO_RE = re.compile(
    r"\b(?:moved|moving|move|relocated|relocating)\s+(?:back\s+)?from\s+(?:[A-Za-z'-]+\s+){1,2}?to\s+",
    re.IGNORECASE,
)
TITLE_RE = re.compile(
    r"\b(Dr|Doctor|Prof|Professor|Nurse|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Rev|Coach|Officer|PC|Fr|Father|Sr|Cllr|"
    r"Councillor|Canon|Pastor|Imam|Rabbi|dr|mr|mrs|ms|miss)\.?\s+"
    r"((?:[ÓÖ]|N[ií]|Nic|U[ií])\s[A-Z\u00C0-\u00DE][\w'’-]+|[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]+|[a-z][a-z'’-]+)"
    r"(?:[ ]([A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'’-]+))?"
)
_PUB_STOP = frozenset(
    split_words(
        """local nearest usual same other old new village corner big little small favourite quiet
        busy next first last one that this only sports irish gay dodgy rough nice"""
    )
)
PUB_RE = re.compile(r"\bthe\s+(?P<n>(?:[a-z'’]+\s+){1,3})(?:pub|inn|arms|tavern)\b")
SAINT_RE = re.compile(r"\bSt\.?\s+[A-Z][a-z]+['’]s\b(?:\s+(?:[A-Z][a-z]+))?")
#: "Ward 12", "ward 4B", "Ward 309", "Ward B12", "Ward 10 North", "ward 8 west".
WARD_RE = re.compile(
    r"\b[Ww]ard\s+(?:\d{1,3}[A-Za-z]?|[A-Z]\d{0,2})\b(?:[ ]+(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)\b)?"
)
_WORD_CAP = re.compile(r"^[A-Z][a-z'’]*(?:-[A-Z]?[a-z'’]+)*$")


#: Suffixes that make an organisation only when written with a capital ("Oak House", not "moving house").
_CAPITALISED_ONLY_SUFFIXES = frozenset(
    split_words("""co house lodge pub inn arms tavern group partners services store stores bar bistro grill
    deli kitchen takeaway barbers barber salon plumbing builders motors electrical cleaning catering
    logistics fitness studios studio garage taxis cars butchers chemist chemists opticians dental
    dentist vets vet nurseries gaa rfc afc rovers rangers wanderers harriers athletic celtic
    united eagles tigers lions wolves hawks bulls bears warriors knights giants jets sharks falcons
    panthers hornets raiders dragons vikings spartans titans dynamos albion hotspur thistle bohemians abc
    cc bc hc sc ac gc
    correctional penitentiary hardware supplies tyres autos electrics carpets furniture florist florists
    jewellers newsagents newsagent bookshop coffee diner solicitors accountants lettings removals
    couriers landscaping roofing scaffolding joinery windows homecare recruitment training consulting
    consultancy media design systems technologies engineering construction developments holdings
    enterprises industries""")
)
_ORG_STOP = frozenset(
    split_words("""the a an at to from in on with and or her his my our their your its this that new old big
    little small local nearest special boarding private state summer night driving sunday
    football dance art same other another next last first""")
)
_ADDRESS_TAIL_RE = re.compile(
    r"(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|court|crescent|terrace|grove|gardens|place|row)\.?,\s*$",
    re.IGNORECASE,
)
_BRANDS = """tesco|asda|sainsbury's|sainsburys|morrisons|aldi|lidl|co-op|waitrose|greggs|costa|starbucks|
mcdonald's|mcdonalds|kfc|nando's|nandos|primark|boots|superdrug|argos|b&q|screwfix|wickes|
halfords|jd sports|sports direct|h&m|zara|amazon|deliveroo|pret|subway|domino's|dominos|
wetherspoons|spoons|walmart|target|costco|kroger|walgreens|cvs|wendy's|chipotle|dunkin'|ikea|
currys|dunelm|poundland|b&m|home bargains|tk maxx|m&s|marks and spencer|marks & spencer|
toolstation|travis perkins|premier inn|travelodge|card factory|the range|wilko|matalan|asos|
burger king|pizza hut|just eat|uber eats|royal mail|dpd|evri|hermes|ocado|iceland|lush|superdry|
new look|river island|topshop|footlocker|foot locker|game|cex|specsavers|pets at home|centra|
supervalu|dunnes|dunnes stores|penneys|londis|applegreen|circle k|maxol|eason|smyths|dealz|
woodie's|harvey norman|brown thomas|arnotts|supermac's|supermacs|eddie rocket's|bewley's|o'briens|
abrakebabra|boojum|tim hortons|canadian tire|loblaws|shoppers drug mart|woolworths|bunnings|kmart|
big w|jb hi-fi|shoprite|chicken republic|home depot|lowe's|best buy|trader joe's|whole foods|
rite aid|dollar general|dollar tree|taco bell|panera|chick-fil-a|7-eleven|krispy kreme|five guys|
wagamama|tgi fridays|frankie & benny's|toby carvery|brewers fayre|holiday inn|hilton|marriott|
jurys inn|maldron|odeon|cineworld|omniplex|puregym|pure gym|the gym group|anytime fitness|jd gyms|
david lloyd|virgin active|mountain warehouse|homesense|netto|lloyds pharmacy|well pharmacy|
hollister|abercrombie|urban outfitters|uniqlo|currys pc world|carphone warehouse|tesco express|
tesco extra|sainsbury's local|co-op food|little waitrose|m&s food"""
#: Chains whose name is an everyday word: taken only when written with a capital.
_BRAND_WORDS = frozenset(
    split_words("""game boots target iceland lush subway pret spoons evri hermes zara argos the range
    currys gap next three sky kmart woolworths centra dunnes penneys smyths dealz hilton odeon
    vue amazon""")
)
BRANDS_RE = re.compile(
    r"(?<![\w&])(?:"
    + "|".join(
        re.escape(b) for b in sorted((b.strip() for b in _BRANDS.split("|")), key=len, reverse=True)
    )
    + r")(?![\w&])",
    re.IGNORECASE,
)
BRAND_FIRST = frozenset(
    re.split(r"[ '&-]", b.strip().lower())[0] for b in _BRANDS.split("|")
) | frozenset(b.strip().lower().split(" ")[0].rstrip("'") for b in _BRANDS.split("|"))
_EMPLOYMENT_WORDS = frozenset(
    split_words(
        "work works working worked job jobs shift shifts boss manager employed hired sacked fired hours interview apprentice apprenticeship placement colleague colleagues rota payslip wages started starts warehouse store branch drives drove driving delivers delivering rider courier"
    )
)


#: Endings names almost never have; a dictionary word with one is not a name even after a cue.
_WORD_ENDINGS = (
    "ed",
    "ing",
    "ly",
    "tion",
    "sion",
    "ness",
    "ment",
    "ful",
    "less",
    "ous",
    "ive",
    "able",
)
_TITLE_WORDS = frozenset(split_words("mr mrs ms miss mx dr prof sir dame rev"))
#: Employers whose names are kept off the name lists (they are brands, not people).
_EMPLOYER_NAMES_IN_NOT_NAMES = frozenset(
    split_words("""google apple facebook amazon uber microsoft netflix spotify tesla samsung sony nike
    adidas disney lego nintendo""")
)
#: Nationality words that open an organisation's name ("Irish Rail", "British Gas").
_NATIONALITY_OPENERS = frozenset(split_words("irish british scottish welsh english american"))
#: Words that end a place's own name, so an "and" after them starts another name.
_NAMED_PLACE_ENDS = frozenset(
    split_words("""park circus centre center gardens square arena stadium market hospital infirmary
    school academy college university clinic surgery ward unit church library club""")
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def looks_like_typo(word: str, words: frozenset[str]) -> bool:
    """True when swapping two adjacent letters gives a known word ("agian", "moivng")."""
    if len(word) >= 4:
        for i in range(len(word) - 1):
            if word[:i] + word[i + 1] + word[i] + word[i + 2 :] in words:
                return True
    return False


_DETERMINERS = frozenset(split_words("my her his their our your a new best"))


def _hyphenated_first_name(b: str, first_names: frozenset[str]) -> bool:
    """ "Mia-Rose", "Jean-Paul": every part is a first name."""
    parts = b.split("-")
    return len(parts) > 1 and all(p in first_names for p in parts)


def _spoke_to(text: str, pos: int) -> bool:
    """ "spoke to X", "talked to X", "went to see X": X is a person."""
    return " ".join(previous_words(text, pos, 2)) in _SPOKE_TO


_SPOKE_TO = frozenset(
    ["spoke to", "talked to", "speak to", "talk to", "chatted to", "wrote to", "to see", "spoke with",
     "talked with", "meeting with", "session with", "call with", "chat with"]
)  # fmt: skip


def _after_address(text: str, pos: int) -> bool:
    """A town written straight after a street ("12 Mill Lane, Wigan") needs no other cue."""
    return bool(_ADDRESS_TAIL_RE.search(text[max(0, pos - 20) : pos]))


#: Words at which ``_name_after_relation`` / ``_name_before_relation`` (at the next token) can fire.
_AFTER_TRIGGERS = frozenset(RELATIONS) | frozenset(RELATION_TYPOS)
_BEFORE_TRIGGERS = (
    frozenset(RELATIONS)
    | _POSSESSED
    | _RELATION_FILLERS
    | frozenset(("her", "his", "their", "my", "our", "the", "a"))
)


class ContextDetector:
    """Built once per process from the gazetteers; ``find`` is pure over the text."""

    def __init__(self, gaz: Gazetteers) -> None:
        self._g = gaz

    # -- helpers --------------------------------------------------------------------------------

    def _is_name_like(self, tok: Token, *, cue: bool, text: str = "") -> bool:
        """Could this token be a person's name (given whether context already says so)?"""
        b = tok.base
        if b in NOT_NAMES or b in WEEKDAYS or is_must_keep(b) or tok.upper or len(b) < 2:
            return False
        if b in MONTHS and not cue:
            return False
        if tok.capitalised:
            if not cue:
                return b in self._g.first_names or b in self._g.surnames
            # a capitalised frequent word ("Call Grandma On Sundays") is not a name
            return b not in RELATIONS and (b in self._g.first_names or b not in self._g.top_words)
        return cue and self._lowercase_name(b)

    def _name_evidence(self, text: str, tokens: list[Token], i: int) -> bool:
        """Does the context say a capitalised word is a person ("with Jordan", "Sydney said")?"""
        tok = tokens[i]
        after = next_words(text, tok.end, 1)
        before = previous_words(text, tok.start, 1)
        if before and before[0] in PLACE_CUES:
            return False
        return (
            tok.possessive
            or bool(after and after[0] in SPEECH_AFTER)
            or bool(before and (before[0] in _LISTED_CUES or before[0] in RELATIONS))
            or _spoke_to(text, tok.start)
        )

    def _lowercase_name(self, b: str, *, strong: bool = False) -> bool:
        """A lower-case word after a cue is a name unless it is a word or a typo of one.

        With a strong cue ("her dad dmitri") a word that is only in the frequency lists (many
        names are) still counts; only dictionary and very frequent words are refused.
        """
        if b in RELATIONS or b in self._g.name_words or b in self._g.top_words or b in NOT_NAMES:
            return False
        if is_must_keep(b) or b in MONTHS or len(b) < 3:
            return False
        if b in self._g.first_names or _hyphenated_first_name(b, self._g.first_names):
            return True
        if strong:
            if b in self._g.common_words and b.endswith(_WORD_ENDINGS):
                return (
                    False  # "mom incarcerated at": a dictionary word shaped like a verb or adverb
                )
            return not looks_like_typo(b, self._g.top_words)
        return b not in self._g.common_words and not looks_like_typo(b, self._g.common_words)

    # -- rules ----------------------------------------------------------------------------------

    def _titles(self, text: str) -> Iterator[Identifier]:
        for m in finditer(TITLE_RE, text):
            title = m.group(1).lower()
            name = m.group(2)
            low = name.lower()
            if low in NOT_NAMES or is_must_keep(low) or low in RELATIONS:
                continue
            if name[0].islower() and not (
                title in ("dr", "mr", "mrs", "ms", "miss")
                and low not in self._g.name_words
                and low not in self._g.top_words
            ):
                continue
            end = m.end(2)
            last = m.group(3)
            if (
                last
                and last.lower() not in NOT_NAMES
                and not is_must_keep(last)
                and last.lower() not in ORG_SUFFIXES
            ):
                end = m.end(3)
            if text[end : end + 2] in ("'s", "’s"):
                end += 2
            before = previous_words(text, m.start(), 2)
            role = next(
                (RELATIONS[w] for w in reversed(before) if w in RELATIONS),
                TITLES.get(title, "adult"),
            )
            yield Identifier(m.start(2), end, Category.NAME, role=role)  # the title stays

    def _relations(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        # Each rule is tried only where its trigger word is (the rules return at once elsewhere):
        # two generators per token were a sixth of this detector's time.
        for i, tok in enumerate(tokens):
            if tok.base in _AFTER_TRIGGERS:
                yield from self._name_after_relation(text, tokens, i)
            if i + 1 < len(tokens) and tokens[i + 1].base in _BEFORE_TRIGGERS:
                yield from self._name_before_relation(text, tokens, i)

    def _skip_fillers(self, tokens: list[Token], k: int) -> int:
        while (
            k < len(tokens) - 1
            and tokens[k].base in _RELATION_FILLERS
            and tokens[k].base not in RELATIONS
        ):
            k += 1
        return k

    def _name_after_relation(self, text: str, tokens: list[Token], i: int) -> Iterator[Identifier]:
        """ "my friend Zara", "her mum, Jo", "his sister called Amy"."""
        tok = tokens[i]
        rel = RELATIONS.get(tok.base) or RELATION_TYPOS.get(tok.base)
        if rel is None or tok.possessive:
            return
        j = i + 1
        while j < len(tokens) and tokens[j].base in _RELATION_FILLERS:
            j += 1
        if j >= len(tokens):
            return
        nxt = tokens[j]
        gap = text[tokens[j - 1].end : nxt.start]
        determiner = not _DETERMINERS.isdisjoint(previous_words(text, tok.start, 2))
        if nxt.capitalised:
            name_like = self._is_name_like(nxt, cue=True, text=text) or (
                # "her friend Rain", "my sister Summer": a capital after "her <relation>" mid-sentence
                determiner
                and not sentence_start(text, nxt.start)
                and nxt.base not in RELATIONS
                and nxt.base not in NOT_NAMES
                and nxt.base not in WEEKDAYS
                and nxt.base not in MONTHS
                and not is_must_keep(nxt.base)
                and not nxt.upper
            )
        else:  # "gp appt" is not a name; "her friend zeph", "mum sam", "boss jago at lidl" are
            named_by_next = next_words(text, nxt.end, 1)[:1] in (
                ["at"],
                ["who"],
                ["from"],
                ["said"],
                ["says"],
            )
            strong = determiner or named_by_next
            if any(tokens[k].base in ("is", "was") for k in range(i + 1, j)):
                # "his mum is unwell": after the verb a lower-case dictionary word is what the
                # person is; a name when the first-name list has it or no word list does ("kez")
                strong = strong and (
                    nxt.base in self._g.first_names or nxt.base not in self._g.common_words
                )
            name_like = (strong or nxt.base in self._g.first_names) and self._lowercase_name(
                nxt.base, strong=strong
            )
        if gap.strip(" ,(") == "" and "\n" not in gap and name_like:
            yield Identifier(
                nxt.start, self._extend_surname(text, tokens, j), Category.NAME, role=rel
            )

    def _name_before_relation(self, text: str, tokens: list[Token], i: int) -> Iterator[Identifier]:
        """ "Jo's mum", "Amir (brother)", "Kai, her boyfriend", "Maja Rasheed (youth worker)"."""
        if i + 1 >= len(tokens):
            return
        tok, nxt = tokens[i], tokens[i + 1]
        gap = text[tok.end : nxt.start]
        rel = RELATIONS.get(nxt.base) or ("home" if nxt.base in _POSSESSED else None)
        if rel is None and nxt.base in _RELATION_FILLERS and "(" in gap:
            rel = RELATIONS.get(tokens[self._skip_fillers(tokens, i + 1)].base)
        elif (
            rel is None
            and nxt.base in ("her", "his", "their", "my", "our", "the", "a")
            and ("," in gap or "(" in gap)
        ):
            k = self._skip_fillers(tokens, i + 2)
            rel = RELATIONS.get(tokens[k].base) if k < len(tokens) else None
            gap += "x"
        if rel is None or not self._is_name_like(tok, cue=True, text=text):
            return
        if tok.possessive and gap.strip() == "":
            yield Identifier(tok.start, tok.end, Category.NAME, role=None)
        elif gap.strip() in ("(", ",", ", x", ",x", "x", "(x", "( x"):
            start = tok.start
            prev = tokens[i - 1] if i > 0 else None
            if (
                prev
                and prev.end + 1 == tok.start
                and (
                    self._is_name_like(prev, cue=False, text=text)
                    or (
                        not prev.capitalised
                        and not tok.capitalised
                        and self._lowercase_name(prev.base)
                    )
                )
            ):
                start = prev.start
            yield Identifier(start, tok.end, Category.NAME, role=None if rel == "home" else rel)

    def _extend_surname(self, text: str, tokens: list[Token], j: int) -> int:
        tok = tokens[j]
        if tok.possessive or j + 1 >= len(tokens):
            return tok.end
        nxt = tokens[j + 1]
        after = text[nxt.end : nxt.end + 1]
        if (
            len(nxt.text) == 1
            and nxt.text.isupper()
            and nxt.start == tok.end + 1
            and not after.isalnum()
        ):
            return nxt.end  # "Sam B." (not the "S" of a postcode "S2 4QD")
        if (
            nxt.capitalised
            and nxt.start == tok.end + 1
            and nxt.base not in NOT_NAMES
            and not is_must_keep(nxt.base)
            and nxt.base not in ORG_SUFFIXES
            and (nxt.base in self._g.surnames or nxt.base not in self._g.common_words)
        ):
            return nxt.end
        return tok.end

    def _gazetteer_names(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        g = self._g
        for i, tok in enumerate(tokens):
            b = tok.base
            if not tok.capitalised and b not in g.first_names:
                # a lower-case word is a name only when the lists know it, or after "texted"/"told"
                strong_before = (
                    i
                    and tokens[i - 1].base in _STRONG_CUES
                    and text[tokens[i - 1].end : tok.start] == " "
                )
                joined = (
                    i >= 2 and tokens[i - 1].base == "and" and tokens[i - 2].base in g.first_names
                )
                if (strong_before or joined) and self._lowercase_name(b):
                    yield Identifier(tok.start, tok.end, Category.NAME)
                continue
            if b in NOT_NAMES or tok.upper or b in RELATIONS:
                continue
            if is_must_keep(b) and not (
                b in NAMES_THAT_ARE_PLACES and self._name_evidence(text, tokens, i)
            ):
                continue
            first = (
                b in g.first_names
                or _hyphenated_first_name(b, g.first_names)
                or (
                    b.endswith("s")
                    and not tok.possessive
                    and b[:-1] in g.first_names
                    and tok.capitalised
                    and b not in g.common_words
                )
            )
            surname = (
                tok.capitalised
                and b not in g.towns
                and b in g.surnames
                and b not in g.name_words
                and b not in g.common_words
            )
            if first or surname:
                found = self._listed_name(text, tokens, i, first=first)
            else:
                found = self._unlisted_name(text, tokens, i)
            if found is not None:
                yield found

    def _after_name_and(self, tokens: list[Token], i: int, before: list[str]) -> bool:
        """ "Gethin and Remi": a word joined by "and" to a listed name is a name too."""
        if not before or before[0] != "and" or i < 2:
            return False
        other = tokens[i - 2]
        return (
            (other.capitalised or other.base in self._g.first_names)
            and other.base not in NOT_NAMES
            and (
                other.base in self._g.first_names
                or other.base in self._g.surnames
                or other.base not in self._g.common_words
            )
        )

    def _unlisted_name(self, text: str, tokens: list[Token], i: int) -> Identifier | None:
        """A capitalised word in no list is a name only with a cue: "texted Zyrah", "Zyrah said"."""
        tok, g = tokens[i], self._g
        if (
            not tok.capitalised
            or tok.base in g.common_words
            or looks_like_typo(tok.base, g.common_words)
        ):
            return None
        after = next_words(text, tok.end, 1)
        before = previous_words(text, tok.start, 1)
        if (
            (after and after[0] in SPEECH_AFTER and not sentence_start(text, tok.start))
            or (before and before[0] in _CUE_VERBS)
            or _spoke_to(text, tok.start)
            or self._after_name_and(tokens, i, before)
        ):
            return Identifier(tok.start, self._extend_surname(text, tokens, i), Category.NAME)
        return None

    def _listed_name(
        self, text: str, tokens: list[Token], i: int, *, first: bool
    ) -> Identifier | None:
        """A first name or surname from the gazetteer; words that are also names need evidence."""
        tok, g, b = tokens[i], self._g, tokens[i].base
        ambiguous = b in g.name_words or b in g.town_words or b in MONTHS
        after = next_words(text, tok.end, 1)
        before = previous_words(text, tok.start, 1)
        cue_after = bool(after) and after[0] in SPEECH_AFTER
        if not tok.capitalised:
            if len(b) < 3 or b in NOT_NAMES:
                return None
            cue_before = bool(before) and before[0] in (
                "with",
                "and",
                "told",
                "saw",
                "met",
                "texted",
                "called",
                "asked",
            )
            if (
                first
                and not ambiguous
                and (b not in g.common_words or cue_after or tok.possessive or cue_before)
            ):
                return Identifier(tok.start, tok.end, Category.NAME)
            return None
        if self._capitalised_name_ok(
            text, tokens, i, first=first, ambiguous=ambiguous, cue_after=cue_after
        ):
            return Identifier(tok.start, self._extend_surname(text, tokens, i), Category.NAME)
        return None

    def _capitalised_name_ok(
        self,
        text: str,
        tokens: list[Token],
        i: int,
        *,
        first: bool,
        ambiguous: bool,
        cue_after: bool,
    ) -> bool:
        tok, g, b = tokens[i], self._g, tokens[i].base
        starts = sentence_start(text, tok.start)
        after = next_words(text, tok.end, 1)
        before = previous_words(text, tok.start, 1)
        strong_after = cue_after and after[0] not in _WEAK_AFTER
        evidence = cue_after or tok.possessive or bool(before and before[0] in _LISTED_CUES)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        full_name = bool(
            nxt
            and nxt.capitalised
            and nxt.start == tok.end + 1
            and nxt.base in g.surnames
            and nxt.base not in g.top_words
        )
        if ambiguous and (starts or b in MONTHS or b in g.top_words):
            ok = strong_after or tok.possessive or full_name
        elif ambiguous:
            ok = evidence or full_name
        elif not first:
            # a surname alone: not starting a sentence, and not after an article ("in the Costa")
            ok = (cue_after or not starts) and not (before and before[0] in ("the", "a", "an"))
        else:
            ok = True
        return ok

    def _org_word_ok(
        self, text: str, tokens: list[Token], i: int, j: int, *, lowercase: bool
    ) -> bool:
        """May token ``j`` belong to the name of the organisation whose suffix is token ``i``?"""
        prev = tokens[j]
        if prev.base in RELATIONS or prev.base in WEEKDAYS:
            return False
        if prev.possessive and tokens[i].base in ("house", "home"):
            return False  # "Gethin's house" is a person's home, found as a name
        if not lowercase:
            if prev.base in self._g.top_words and sentence_start(text, prev.start):
                return False  # "Left Oakwood Academy": a sentence's first word is not the name
            joiner = (
                prev.base in ("of", "the", "and", "upon", "on")
                and j > 0
                and tokens[j - 1].capitalised
                # "Cabot Circus and Bristol Royal Infirmary" are two places
                and not (prev.base == "and" and tokens[j - 1].base in _NAMED_PLACE_ENDS)
            )
            return prev.capitalised or prev.upper or joiner
        if (
            (
                prev.base in GENERIC_ORG_WORDS
                or (
                    prev.base not in self._g.top_words
                    and not looks_like_typo(prev.base, self._g.common_words)
                )
            )
            and prev.base not in NOT_NAMES
            and not is_must_keep(prev.base)
            and i - j <= 3
        ):
            return True
        before = previous_words(text, prev.start, 1)
        return (
            j == i - 1
            and prev.base not in _ORG_STOP
            and before[-1:] in (["at"], ["to"], ["from"], ["attends"], ["joined"])
        )

    def _org_span(self, text: str, tokens: list[Token], i: int) -> tuple[int, int, bool]:
        """Walk left from the suffix over the organisation's own words, and right over "of X"."""
        tok = tokens[i]
        end = (
            tokens[i + 1].end
            if tok.base == "sixth" and i + 1 < len(tokens) and tokens[i + 1].base == "form"
            else tok.end
        )
        start, specific, j = tok.start, False, i - 1
        lowercase = not tok.capitalised and not (
            i > 0 and (tokens[i - 1].capitalised or tokens[i - 1].upper)
        )
        while j >= 0:
            prev = tokens[j]
            gap = text[prev.end : tokens[j + 1].start]
            if gap not in (" ", " & ", "-", ". ") or (gap == ". " and prev.base != "st"):
                break
            if not self._org_word_ok(text, tokens, i, j, lowercase=lowercase):
                break
            specific = specific or (
                prev.base not in GENERIC_ORG_WORDS
                and prev.base not in ORG_SUFFIXES
                and prev.base not in NOT_NAMES  # "Polish school", "Catholic college" name no place
            )
            start = prev.start
            j -= 1
        k = i + 1  # "University of Leeds", "College of West Anglia"
        if (
            tok.base in ("university", "college", "hospital", "school", "academy")
            and k + 1 < len(tokens)
            and tokens[k].base == "of"
        ):
            while (
                k + 1 < len(tokens)
                and tokens[k + 1].capitalised
                and text[tokens[k].end : tokens[k + 1].start] == " "
            ):
                k += 1
                end = tokens[k].end
                specific = True
        while start < end and text[start] in "&- ":
            start += 1
        if not lowercase:  # "on St Bernard's ward" is named from "St" on
            lead = re.match(r"(?:[a-z][\w'’]*\s+)+(?=[A-Z])", text[start:end])
            start += lead.end() if lead else 0
        return start, end, specific

    def _named_lowercase(self, text: str, tokens: list[Token], i: int) -> bool:
        """ "at fernhill house": a lower-case suffix after an unknown word after at/to/from."""
        if i < 1 or tokens[i - 1].possessive or tokens[i].base not in ("house", "lodge"):
            return False  # lower-case pubs are found by PUB_RE ("the red lion pub")
        prev = tokens[i - 1].base
        before = previous_words(text, tokens[i - 1].start, 1)
        stem = prev.removesuffix("s")
        if stem in RELATIONS or stem in NOT_NAMES:
            return False  # "nans house": a relation's home written without the apostrophe
        return (
            prev not in self._g.common_words
            and prev not in NOT_NAMES
            and not looks_like_typo(prev, self._g.common_words)
            and before[-1:] in (["at"], ["to"], ["from"], ["in"])
        )

    def _orgs(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        for i, tok in enumerate(tokens):
            role = ORG_SUFFIXES.get(tok.base)
            if role is None:
                continue
            if (
                tok.base in _CAPITALISED_ONLY_SUFFIXES
                and not tok.capitalised
                and not (i > 0 and tokens[i - 1].capitalised)  # "The Red Lion pub", "Oak House"
                and not self._named_lowercase(text, tokens, i)
            ):
                continue
            start, end, specific = self._org_span(text, tokens, i)
            phrase = text[start:end]
            if not specific or (sentence_start(text, start) and " " not in phrase.strip()):
                continue
            bare = phrase.split(" ", 1)[1] if phrase.lower().startswith(("the ", "a ")) else phrase
            if is_must_keep(phrase) or is_must_keep(bare):
                continue
            first_word = phrase.split()[0].lower().strip("'’s")
            if first_word not in MONTHS and first_word not in WEEKDAYS:
                yield Identifier(start, end, Category.ORGANISATION, role=role)
        for m in finditer(PUB_RE, text):  # "outside the red lion pub": pubs are always named
            words = m.group("n").lower().split()
            if not any(w in NOT_NAMES or w in RELATIONS or w in _PUB_STOP for w in words):
                yield Identifier(m.start("n"), m.end(), Category.ORGANISATION, role="organisation")
        for m in finditer(SAINT_RE, text):
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="school")
        for m in finditer(WARD_RE, text):
            yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="ward")

    def _after_cue(
        self,
        text: str,
        regex: re.Pattern[str],
        tokens: list[Token],
        category: Category,
        role: str | None,
        *,
        cue_words: frozenset[str],
    ) -> Iterator[Identifier]:
        # The cue pattern is tried at the words that can begin it, not at every position; the
        # index of word starts is built only once a cue has matched (most notes have none).
        starts: dict[int, int] | None = None
        for m in (
            m
            for t in tokens
            if t.base in cue_words and (m := regex.match(text, t.start)) is not None
        ):
            if starts is None:
                starts = {t.start: i for i, t in enumerate(tokens)}
            i = starts.get(m.end())
            if i is None:
                continue
            tok = tokens[i]
            if tok.capitalised or tok.upper:
                end = tok.end
                k = i
                while (
                    k + 1 < len(tokens)
                    and (
                        tokens[k + 1].capitalised
                        or tokens[k + 1].upper
                        or tokens[k + 1].base == "&"
                    )
                    and text[tokens[k].end : tokens[k + 1].start] in (" ", "-", " & ")
                    and k - i < 3
                    and tokens[k + 1].base not in WEEKDAYS
                ):
                    k += 1
                    end = tokens[k].end
                phrase = text[tok.start : end]
                employer_word = category is Category.ORGANISATION and (
                    tok.base in _EMPLOYER_NAMES_IN_NOT_NAMES
                    or (tok.base in _NATIONALITY_OPENERS and end > tok.end)
                )  # "works at Google", "works for Irish Rail"
                if (
                    (tok.base in NOT_NAMES and not employer_word)
                    or is_must_keep(phrase)
                    or tok.base in WEEKDAYS
                    or tok.base in MONTHS
                ):
                    continue
                if tok.upper and len(tok.base) <= 4 and category is Category.PLACE:
                    continue
                yield Identifier(tok.start, end, category, role=role)
            elif (
                tok.base not in NOT_NAMES
                and not is_must_keep(tok.base)
                and (
                    (category is Category.PLACE and tok.base in self._g.towns)
                    or (
                        tok.base not in self._g.common_words
                        and not looks_like_typo(tok.base, self._g.common_words)
                    )
                )
            ):
                yield Identifier(tok.start, tok.end, category, role=role)

    def _brands(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        """Chain employers ("Tesco", "Nando's") only where the sentence is about work."""
        for tok in tokens:
            if tok.base not in BRAND_FIRST:
                continue
            m = BRANDS_RE.match(text, tok.start)
            if m is None:
                continue
            if m.group().islower() and m.group() in _BRAND_WORDS:
                continue  # "in the game", "new boots": a chain named by a word needs its capital
            window = previous_words(text, m.start(), 8) + next_words(text, m.end(), 4)
            if any(w in _EMPLOYMENT_WORDS for w in window):
                yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="employer")
            elif [w for w in previous_words(text, m.start(), 2) if w != "the"][-1:] in (
                ["at"],
                ["outside"],
                ["in"],
                ["near"],
                ["from"],
                ["by"],
                ["behind"],
            ):
                # "met at Costa", "outside Tesco": a named branch places the mentee
                yield Identifier(m.start(), m.end(), Category.ORGANISATION, role="organisation")

    def _town_lengths_as_written(self, tok: Token) -> tuple[int, ...] | None:
        """Town lengths by the word as written or folded, when its base is not a town's first
        word (the written form differs from the base only with a possessive: not looked up twice)."""
        g = self._g
        lower = tok.text.lower()
        return (g.town_lengths.get(lower) if lower != tok.base else None) or (
            g.town_lengths.get(_fold(tok.base)) if not tok.base.isascii() else None
        )

    def _towns(self, text: str, tokens: list[Token]) -> Iterator[Identifier]:
        g = self._g
        for i, tok in enumerate(tokens):
            lengths = g.town_lengths.get(tok.base) or self._town_lengths_as_written(tok)
            if not lengths or tok.base in NOT_NAMES:
                continue
            for n in lengths:
                if i + n > len(tokens) and n > 1:
                    continue
                end_tok = tokens[min(i + n, len(tokens)) - 1]
                phrase = text[tok.start : end_tok.end]
                key = re.sub(r"['’]s$", "", phrase.lower())
                if not key.isascii():
                    key = _fold(key)  # "Dún Laoghaire" is listed as "Dun Laoghaire"
                key = re.sub(r"\s*-\s*", " - ", key) if "-" in key and key not in g.towns else key
                if key not in g.towns and phrase.lower() not in g.towns:
                    continue
                if is_must_keep(phrase):
                    break
                before = previous_words(text, tok.start, 1)
                if before and before[0].rstrip(".") in _TITLE_WORDS:
                    break  # "Mr Thornbury" is a person, whatever town shares the name
                cue = bool(before) and before[0] in PLACE_CUES
                ambiguous = key in g.town_words or (
                    tok.base in g.first_names and not cue and self._name_evidence(text, tokens, i)
                )
                if tok.capitalised or tok.upper:
                    if tok.upper and len(phrase) <= 4:
                        break
                    if (
                        (ambiguous or sentence_start(text, tok.start))
                        and not cue
                        and not _after_address(text, tok.start)
                    ):
                        break
                elif not (cue or _after_address(text, tok.start)) or ambiguous:
                    break
                yield Identifier(tok.start, end_tok.end, Category.PLACE, role="town")
                break

    def find(self, text: str, tokens: list[Token]) -> list[Identifier]:
        found: list[Identifier] = []
        found.extend(self._titles(text))
        found.extend(self._relations(text, tokens))
        found.extend(self._orgs(text, tokens))
        bases = {t.base for t in tokens}
        if not bases.isdisjoint(_EMPLOY_WORDS):
            found.extend(
                self._after_cue(
                    text,
                    EMPLOY_RE,
                    tokens,
                    Category.ORGANISATION,
                    "employer",
                    cue_words=_EMPLOY_WORDS,
                )
            )
        if not bases.isdisjoint(_LIVES_WORDS):
            found.extend(
                self._after_cue(
                    text, LIVES_RE, tokens, Category.PLACE, "town", cue_words=_LIVES_WORDS
                )
            )
            found.extend(
                self._after_cue(
                    text, MOVED_TO_RE, tokens, Category.PLACE, "town", cue_words=_MOVED_WORDS
                )
            )
        found.extend(self._towns(text, tokens))
        found.extend(self._brands(text, tokens))
        found.extend(self._gazetteer_names(text, tokens))
        return found
