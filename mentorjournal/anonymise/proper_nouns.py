"""Proper nouns nobody listed: capitalised words that no English dictionary has in lower case.

The other rules find what the vault, the name and town lists or a cue word know. Text written
by someone else names people, places and employers that none of those know ("Korede", "Filton",
"Zenith Logistics", "Castle Park"). What they share is a lexical signal: they are capitalised,
and a dictionary lists them only with a capital (Debian's ``wamerican``: "bristol" is not among
its lower-case entries, "castle" is). This module takes

- a capitalised word whose lower case is no dictionary word (nor a typo of one), anywhere in a
  sentence, and the run of capitalised words around it ("Aoife Brennan", "Ballymun Road");
- a run of capitalised dictionary words that ends in a head word naming what it is ("Castle
  Park", "Riverside Community Centre", "Green Lane Surgery", "Mill Road"), not at the start of
  a sentence unless the head is one no ordinary sentence starts with;

and guesses the category from the head word, then from the preposition before the run (in/near
and from a place; at/for/with an organisation when the run is an acronym), else a name. Words
that must stay (weekdays, months, drugs, therapies, services, countries, apps, festivals,
nationalities, acronyms of services) are never taken and split a run.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.context_detector import (
    GENERIC_ORG_WORDS,
    ORG_SUFFIXES,
    RELATIONS,
    TITLES,
    looks_like_typo,
)
from mentorjournal.anonymise.cues import COMMON_ACRONYMS, VENUE_SUFFIXES
from mentorjournal.anonymise.gazetteers import Gazetteers
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import (
    COUNTRIES,
    MEDICATIONS,
    MONTHS,
    MUST_KEEP,
    NOT_NAMES,
    SCORES,
    SERVICES,
    THERAPIES,
    US_STATES,
    WEEKDAYS,
)
from mentorjournal.anonymise.prefilter import finditer, search
from mentorjournal.anonymise.textutil import Token, previous_words, sentence_start, split_words


@functools.cache
def dictionary_words() -> frozenset[str]:
    """The lower-case entries of an English dictionary (Debian ``wamerican``, without its
    possessive forms): a word found here is ordinary English; one missing is a proper noun or a
    rare word. Loaded once per process (about 15 ms)."""
    text = (
        resources.files("mentorjournal.anonymise")
        .joinpath("data", "dictionary_words.txt")
        .read_text("utf-8")
    )
    return frozenset(text.split())


STREET_HEADS: frozenset[str] = frozenset(
    split_words("""road rd street st avenue ave lane ln drive close way court ct crescent cres terrace
    grove place pl row walk rise mews parade boulevard blvd highway hwy view vale hill estate
    gardens square""")
)
#: Head words after which the run names an organisation (beyond the context rules' suffixes).
ORG_HEADS: frozenset[str] = frozenset(ORG_SUFFIXES) | frozenset(
    split_words("""café cafe coffee bakery trust foundation centre center hospice charity project
    partnership society association network institute surgery practice clinic health medical
    hall halls pub bar initiative network project programme program service services alliance
    coalition collective fellowship connections mission shed works episcopal methodist baptist
    cathedral chapel parish centers centres homes healthcare behavioral behavioural building
    tower prison jail foodbank nails barbershop home""")
)
PLACE_HEADS: frozenset[str] = frozenset(VENUE_SUFFIXES) | frozenset(
    split_words("town village city estate heights cross end bay")
)
#: Head words that an ordinary sentence can start with before a capitalised word follows
#: ("Park Lane" is a street, but "Church was ..." is a sentence): at a sentence start these
#: need a non-dictionary word in the run too.
#: Words that make a head word a kind of service, not a name ("Youth Centre", "Walk-in Centre").
_GENERIC_MODIFIERS = GENERIC_ORG_WORDS | frozenset(
    split_words("""walk-in walk in drop-in job day family families children childrens crisis
    food leisure advice citizens careers student students recovery sexual counselling housing
    homeless employment learning resource resources assessment treatment rehab rehabilitation
    detox respite care foster adoption contact visitor visitors information training skills
    music arts young people's peoples women's womens men's mens carers parents bereavement
    peer suicide prevention listening safe haven sanctuary wellness outpatients outpatient inpatient psychiatric maternity
    children's teenage teen adolescent adult adults elderly older disability disabilities
    autism adhd eating disorders disorder addiction addictions alcohol drug drugs substance
    misuse abuse domestic violence survivors trauma pain sleep memory fertility dental eye
    minor injuries urgent emergency accident primary secondary further higher education
    special needs pupil referral alternative provision nursing residential supported living
    independent private public state village town parish county borough city council civic
    sports fitness swimming gym tennis golf cricket rugby football boxing martial dance
    business enterprise innovation science technology research medical health hospital
    general district royal infirmary memorial community""")
)
#: Words people capitalise without naming anything: head words alone, kinds of service.
_CAPITALISED_ANYWAY = (
    _GENERIC_MODIFIERS
    | ORG_HEADS
    | PLACE_HEADS
    | STREET_HEADS
    | frozenset(
        split_words("""school college uni university work home church mosque temple court
    hospital therapy group session sessions meeting meetings class lunch break assembly
    detention exclusion isolation reception office team board panel review hearing tribunal
    appointment appointments clinic surgery ward unit gp a&e police social services council
    housing benefits probation prison placement foster care respite youth club gym pool
    library town city centre park home weekend weekends christmas easter summer winter spring
    autumn half term holidays holiday morning afternoon evening night first last next the
    end start beginning bank time times anxiety depression autism psychosis bipolar
    schizophrenia eating disorder anorexia bulimia self-harm grief trauma anger stress insomnia
    panic addiction alcohol drugs cannabis dyslexia dyspraxia epilepsy asthma diabetes pain
    maths english science art music drama history geography computing french spanish german
    biology chemistry physics psychology sociology business law media religious studies
    health social care sport dance textiles food technology design engineering nursing
    risk concern concerns safeguarding consent confidentiality""")
    )
)
_STRONG_STREET_HEADS = frozenset(
    split_words("road rd street avenue ave lane ln crescent cres drive boulevard blvd terrace")
)
#: Venue words that are also family names ("Sarah Green", "Tom Heath").
_SURNAME_VENUE_WORDS = frozenset(
    split_words("green wood woods heath fields moor forest strand hill")
)
_LOWER_NEXT_RE = re.compile(r"[ ]+[a-z]")
#: Words of record-keeping after an acronym ("BIRP Progress Note", "SFE Customer Ref").
_RECORD_WORDS = frozenset(
    split_words("""progress note notes mentoring customer ref reference record form session log
    summary update plan review number no id code support worker specialist coordinator""")
)
#: Possessives that sit inside an organisation's name ("Perth Children's Hospital").
_GENERIC_POSSESSIVES = frozenset(split_words("children women men people girls boys"))
#: A UK or Irish postcode straight after a street ("Jubilee Way, KT4 7PP").
_POSTCODE_NEXT_RE = re.compile(
    r",?[ ][A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}\b|,?[ ][A-Z]\d{2}[ ]?[A-Z\d]{4}\b"
)
#: The last word of a clinical measure's name.
_MEASURE_HEADS = frozenset(
    split_words("scale scales inventory questionnaire checklist index measure screener screen test")
)
#: A run ending in one of these before a number is a helpline ("Suicide Call Back Service 1300").
_HELPLINE_HEADS = frozenset(split_words("service services line helpline hotline network"))
_DRUG_BEFORE_RE = re.compile(
    r"\b(?:on|taking|takes|take|took|prescribed|started|starting|restarted|stopped|stopping|"
    r"switched[ ]to|increased|reduced|tapering|weaning[ ]off|off)[ ]+(?:her[ ]+|his[ ]+|their[ ]+)?$",
    re.IGNORECASE,
)
_NAME_WORD = r"[A-Z\u00C0-\u00DE][\w'’-]+"
#: 'Stevie "Spud" Robson', 'Jordan (Jo) Marchand'.
_QUOTED_NICK_RE = re.compile(
    _NAME_WORD
    + r"[ ](?:[\"“](?P<nick>"
    + _NAME_WORD
    + r")[\"”]|\((?P<nick2>"
    + _NAME_WORD
    + r")\))[ ]"
    + _NAME_WORD
)
#: '"Smoke" (Darnell)', '("Spike" - Stephen Pike)', 'buddy "Smoke"'.
_NICK_BESIDE_RE = re.compile(
    r"[\"“](?P<nick>"
    + _NAME_WORD
    + r")[\"”](?=[ ]\("
    + _NAME_WORD
    + r"|[ ]-[ ]"
    + _NAME_WORD
    + r"[ ]"
    + _NAME_WORD
    + r")"
)
#: 'TK (Tayla Kerr)', 'gabe (gabriel ferreira)', 'DJ (Darius Jackson, 20)', 'A.K. (Anjali Kapoor)'.
_DEFINED_RE = re.compile(
    r"(?<![\w.])(?P<short>[A-Za-z](?:[A-Za-z.'’]{0,10}))[ ]\((?P<full>[A-Za-z][\w'’-]+"
    r"(?:[ ][A-Za-z][\w'’-]+){0,2})(?=[,)])"
)
_PET_HINT_RE = re.compile(r"\b(?:dog|cat|puppy|kitten|pup|pony|horse|rabbit|hamster)\b")
#: A pet's name identifies its owner as well as a person's does ("her dog Biscuit").
_PET_RE = re.compile(
    r"\b(?:dog|cat|puppy|kitten|pup|pony|horse|rabbit|hamster)[ ]+(?:called[ ]+|named[ ]+)?"
    r"(?P<pet>[A-Z][a-z]{1,15})\b"
)


def _abbreviates(short: str, full: str) -> bool:
    """ "TK" for "Tayla Kerr", "A.K." for "Anjali Kapoor", "gabe" for "gabriel ferreira",
    "sunny" for "sunita": initials, or a short form sharing the first three letters."""
    letters = short.replace(".", "").lower()
    words = full.split()
    if len(letters) >= 2 and letters == "".join(w[0] for w in words).lower():
        return True
    first = words[0].lower()
    return len(letters) >= 3 and letters[:3] == first[:3] and letters != first


NOT_NAMES_CAPITALISED = frozenset(w.capitalize() for w in split_words("the a an i mum dad"))
#: A lower-case word for a place after a capitalised name that no dictionary knows.
_LOWER_PLACE_RE = re.compile(
    r"[ ](?:harbour|harbor|beach|pier|promenade|seafront|marina|quay|docks|estate|park|"
    r"shopping[ ]centre|retail[ ]park|market|taxi[ ]rank|campus|halls|stadium)\b"
)
#: A lower-case word for an organisation after its capitalised name.
_LOWER_HEAD_RE = re.compile(
    r"[ ](?:care[ ]home|nursing[ ]home|children's[ ]home|residential[ ]home|factory|warehouse|"
    r"surgery|practice|clinic|pharmacy|chemist|pub|café|cafe|restaurant|takeaway|bakery|salon|"
    r"barbers?|gym|leisure[ ]centre|community[ ]centre|church|mosque|temple|gurdwara|"
    r"academy|primary|secondary|college|school|hostel|hotel|garage|depot|plant|mill|ward|unit)\b"
)
#: A capital inside a word after a lower-case letter, as apps and brands write themselves
#: ("WellMind", "MindShift"), but not the prefixes of family names ("McDonald", "DeShawn").
_CAMEL_RE = re.compile(r"(?<!^Mc)(?<!^Mac)(?<!^De)(?<!^Di)(?<!^Da)(?<!^La)(?<!^Le)[a-z][A-Z]")
#: What follows a single word that names a thing: an app, a helpline, a score.
_SERVICE_AFTER_RE = re.compile(
    r"[ ]+(?:app|apps|website|site|helpline|hotline|line|webchat|chat|text|textline|forum|"
    r"programme|program|course|scale|score|questionnaire|inventory|subscale|total|screen|"
    r"xl|sr|mr|er|prn|mg|mcg|tablets?|pills?|capsules?|injections?|patch|patches|depot|dose|"
    r"syrup|spray|inhaler)\b"
    r"|[ ]+(?:of[ ]+)?\d{1,3}(?![\d:.,/]\d|[ ]?(?:am|pm|years?|yrs?)\b)"
    r"|[ ]+\d{1,4}(?:\.\d{1,3})?[ ]?(?:mg|mcg|µg|ml|iu|units?)\b"  # "Eliquis 2.5 mg"
    # a helpline's short number: "Tele-MANAS 14416", "Shout 85258", "Health Connect (811)"
    r"|[ ]+(?:on[ ]+)?\(?\d{3,6}(?:[ ]\d{3})?(?![\d/.:-])"
    r"|[ ]+crisis[ ](?:line|team|service)\b"
    r"|[ ]+(?:monthly|daily|weekly|nightly|fortnightly|twice|shots?|jabs?)\b",
    re.IGNORECASE,
)
_CAPITALISED_SMALL_WORD_RE = re.compile(
    r"(?<=[A-Za-z,] )(?:With|The|A|An|On|Of|To|For|And|In|At|Per|Into|From|Your|My)(?= [A-Z])"
)


def _title_case_line(text: str, pos: int) -> bool:
    """The line is written in Title Case (a heading or a goal list: "Attend College 3 Days A
    Week; Walk The Dog Daily"): it capitalises small words no name or label line does."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return (
        _CAPITALISED_SMALL_WORD_RE.search(text, start, end if end >= 0 else len(text)) is not None
    )


#: Words joining capitalised ones inside one name ("University of Leeds", "Newcastle upon
#: Tyne", "Marks & Spencer", "Coleg y Cymoedd", "Anke van Dijk").
_JOINERS = frozenset(
    split_words("of the upon & y na an de la le du da di del van von der den dos das")
)
_PLACE_PREPS = frozenset(
    split_words("in near around outside towards toward via into from visiting")
)
_ORG_PREPS = frozenset(split_words("at for joined"))
_ACRONYM_CUES = frozenset(
    split_words("""at from joined attends attended studies studying works worked for via
    contacted emailed rang""")
)
#: Endings of international drug names (WHO stems): no person or place ends so.
_DRUG_STEMS = tuple(
    split_words("""oxetine faxine pramine triptyline azepam zolam zepam clone apine idone
    piprazole prazole amfetamine phenidate gabalin barbital codone morphine fentanil fenac
    profen olol pril sartan statin cillin mycin floxacin cycline tidine setron triptan lukast
    terol tropium asone olone tiapine peridol perazine thixol pentixol xepine tizanidine
    zopiclone zolpidem trigine tiracetam mazepine proate""")
)
#: Prepositions after which capitalised dictionary words name something.
_PREP_BEFORE_RE = re.compile(r"\b(?:at|for|with|from|near|in|joined)[ ]$", re.IGNORECASE)
#: A lower-case noun after an acronym that makes it an organisation.
_ACRONYM_NOUN_RE = re.compile(
    r"[ ](?:appointments?|campus|members?|staff|students?|counsell(?:or|ing)|office|team|"
    r"appeal|booklet|checklist|visitation|placements?|hostel|branch|clinic|centre|center|"
    r"website|rep|caseworker|keyworker|mentor|coordinator|referral|waitlist|waiting[ ]list)\b"
)
_BRACKETED_NUMBER_RE = re.compile(r"[ ]\(\d{3,6}\)")
_COMPOUND_TAILS = frozenset(
    split_words("""style funded equivalent based led like related friendly free focused informed
    specific type approved accredited registered trained certified""")
)
_CONTRACTIONS = ("n't", "'ll", "'re", "'ve", "'d", "'m")
#: Capitalised words that identify nobody: apps, festivals, subjects, shorthand, interjections.
ORDINARY = frozenset(
    split_words("""hmm hm hmmm um umm uh ah aw oh ooh wow yeah yep yup nope nah ok okey dokey
    mr mrs ms mx dr prof rev fr sr jr
    wk wks mth mths yr yrs hr hrs min mins sec secs approx esp incl misc pt pts appt appts
    mtg mtgs tel mob eve avg dept govt admin info intro recap debrief ceo ceos cfo coo cto
    suite apt flat unit box floor room po
    snapchat tiktok whatsapp youtube facebook instagram insta twitter discord reddit twitch
    netflix spotify xbox playstation fortnite minecraft roblox google gmail iphone android ipad
    zoom teams skype facetime messenger linkedin pinterest tumblr telegram signal duolingo
    headspace calm tinder bumble hinge grindr pokemon nintendo switch steam wifi bluetooth
    covid coronavirus christmas xmas easter ramadan eid diwali hanukkah halloween passover
    lent advent pentecost vaisakhi holi navratri thanksgiving
    god jesus christ allah lord buddha
    english british irish scottish welsh american canadian australian indian nigerian polish
    pakistani bangladeshi romanian somali chinese european african caribbean asian arab latino
    latina hispanic muslim christian jewish hindu sikh buddhist catholic protestant orthodox
    islam islamic quran koran bible torah hijab halal kosher
    gcse gcses a-level a-levels btec ucas sats alevels
    gibbs kolb schon schön rolfe driscoll maslow bowlby winnicott karpman piaget erikson
    bronfenbrenner seligman beck rosenberg kessler likert conners vanderbilt epworth socratic
    rogerian freudian jungian gestalt bion yalom linehan padesky dweck siegel porges polyvagal
    theraplay silvercloud reachout turn2me niteline nightline mindline mindwise hopeline hopelineuk
    samaritans childline kooth qwell togetherall youngminds papyrus spunout pieta jigsaw
    headspace beyondblue lifeline calm shout bodywhys meic honos honosca wemwbs swemwbs
    warwick-edinburgh wellmind mindshift woebot wysa daylio sanvello bearable moodfit happify
    talkspace betterhelp calmharm stayalive insight distract finch moodpath youper
    mech bsc msc ba ma meng beng mres mphil phd dphil pgce pgdip llb llm mbbs hnd hnc btech mba hons
    eng sci
    callback situational flatmate flatmates housemate housemates maori māori pasifika naija
    tusla substack strava medi-cal medicaid medicare tafe
    afghan albanian algerian angolan argentinian armenian australian austrian
    azerbaijani bahraini bajan barbadian belarusian belgian beninese bolivian bosnian botswanan
    brazilian bruneian bulgarian burkinabe burmese burundian cambodian cameroonian canadian
    chadian chilean colombian congolese croatian cuban cypriot czech danish djiboutian dominican
    dutch ecuadorian egyptian emirati equatoguinean eritrean estonian ethiopian fijian filipino
    filipina finnish gabonese gambian georgian ghanaian greek grenadian guatemalan guinean
    guyanese haitian honduran hungarian icelandic indonesian iranian iraqi israeli italian
    ivorian jamaican japanese jordanian kazakh kenyan korean kosovan kosovar kuwaiti kyrgyz
    lao laotian latvian lebanese liberian libyan lithuanian luxembourgish macedonian malagasy
    malawian malaysian maldivian malian maltese mauritanian mauritian mexican moldovan mongolian
    montenegrin moroccan mozambican namibian nepalese nepali nicaraguan nigerien norwegian omani
    palestinian panamanian paraguayan peruvian portuguese qatari russian rwandan salvadoran
    samoan saudi senegalese serbian sierra leonean singaporean slovak slovakian slovenian
    sri lankan sudanese surinamese swazi swedish swiss syrian taiwanese tajik tanzanian thai
    togolese tongan trinidadian tunisian turkish turkmen ugandan ukrainian uruguayan uzbek
    venezuelan vietnamese yemeni zambian zimbabwean kurdish kurd kurds roma romani gypsy
    traveller travellers pavee mizrahi ashkenazi sephardic cornish manx ulster northern
    yoruba igbo ibo hausa fulani akan ashanti ewe twi zulu xhosa shona ndebele swahili amharic
    oromo tigrinya tigray somali berber tamil telugu malayalam kannada marathi gujarati punjabi
    bengali bangla sylheti urdu hindi pashto dari farsi persian arabic hebrew mandarin
    cantonese hakka tagalog cebuano malay javanese gaelic gaeilge cymraeg scots bsl isl asl
    makaton esol ielts tefl
    sunni shia shiite sufi ahmadiyya sikhism hinduism buddhism judaism christianity islam
    catholicism anglican methodist baptist lutheran presbyterian quaker pentecostal evangelical
    mormon rastafarian coptic jehovah jehovah's wiccan pagan
    hogmanay samhain vesak purim yom kippur rosh hashanah kwanzaa juneteenth ramadhan navaratri
    asperger asperger's aspergers tourette tourette's tourettes crohn crohn's crohns alzheimer
    alzheimer's alzheimers parkinson parkinson's parkinsons huntington huntington's down's
    ehlers-danlos irlen marfan klinefelter turner's tourettes munchausen capgras""")
)
_MONTH_WORDS = frozenset(MONTHS)
#: Words that end a run wherever they stand: what must stay, and shorthand. Countries, states,
#: nationalities and apps may sit inside a name ("Texas Instruments", "Filipino Mental Health
#: Initiative") but never make one on their own.
_SPLIT_WORDS = (MUST_KEEP - COUNTRIES - US_STATES) | _MONTH_WORDS
_INTERJECTIONS = frozenset(
    split_words("""hmm hm hmmm um umm uh ah aw oh ooh wow yeah yep yup nope nah ok okey dokey
    mr mrs ms mx dr prof rev fr sr jr""")
)
_KEPT = (
    WEEKDAYS
    | _MONTH_WORDS
    | frozenset(w for w in MEDICATIONS if w.isalpha())
    | frozenset(w for w in THERAPIES if w.isalpha())
    | frozenset(w for w in SCORES if w.isalpha())
    | frozenset(w for w in SERVICES if w.isalpha())
    | frozenset(c for c in COUNTRIES if c.isalpha())
    | frozenset(s for s in US_STATES if s.isalpha())
)
_ACRONYMS = frozenset(a.lower() for a in COMMON_ACRONYMS)
#: Every word of a service or helpline that must stay ("PAPYRUS HOPELINEUK", "Al-Anon").
_SERVICE_WORDS = frozenset(w for s in SERVICES for w in re.split(r"[^a-z]+", s) if len(w) > 2)
_NEVER_UNLISTED = (
    ORDINARY
    | _KEPT
    | _ACRONYMS
    | _SERVICE_WORDS
    | frozenset(RELATIONS)
    | frozenset(TITLES)
    | {"st", "saint"}
)
_ROMAN_RE = re.compile(r"^(?:i{1,3}|iv|v|vi{1,3}|ix|x)$")


#: Words that open a sentence before a name without being part of it.
_OPENERS = frozenset(
    split_words("""the a an her his my their our your its this that these those we he she they it
    i met saw see seen went go going called call rang texted text spoke speak talked talk visited
    took brought said told asked says tells asks mum dad today yesterday tomorrow then after
    before when while since at in on to from with for about also and but so or if because both
    each every all some no not just only still again later maybe perhaps apparently hopefully
    thanks thank dear hi hello re update note plan next last first new old good bad sadly
    unfortunately luckily yes no nobody everyone someone anyone friend friends left got made
    came gave felt kept thought found ran began spent sent paid lost won sat stood heard read
    wrote drove rode ate drank slept woke knew held sold bought taught caught fought built
    tried used moved joined attended attends did does had has have was were is are will would
    can could should must might may shall lives live stays stay works work goes""")
)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode("ascii")


def _glued(text: str, tok: Token) -> bool:
    """A word written against a digit or a symbol is part of a code, a handle or an address."""
    before = text[tok.start - 1] if tok.start else " "
    after = text[tok.end] if tok.end < len(text) else " "
    return before.isdigit() or after.isdigit() or before in "@#_/" or after in "@_/"


def _gap_ok(text: str, end: int, start: int) -> bool:
    """Two capitalised words are one run when only a space or a hyphen lies between them."""
    gap = text[end:start]
    return gap in (" ", "-", "–", " & ")


class ProperNounDetector:
    """Finds unlisted proper nouns by the dictionary signal and the head word of their run."""

    def __init__(self, gaz: Gazetteers, dictionary: frozenset[str] | None = None) -> None:
        self._gaz = gaz
        self._dict = dictionary if dictionary is not None else dictionary_words()

    def is_unlisted(self, tok: Token) -> bool:
        """A capitalised word that English writes only with a capital (or a name-like coinage)."""
        base = tok.base
        if len(base) < 2 or not base[0].isalpha() or base in self._dict:
            return False
        if not base.isascii() and _fold(base) in self._dict:
            return False  # "café", "naïve"
        g = self._gaz
        if (base in g.first_names or base in g.surnames or base in g.towns) and not tok.upper:
            return base not in _NEVER_UNLISTED and base not in NOT_NAMES
        return not (
            tok.upper  # acronyms are mostly jargon ("EHCP", "MARAC"): see _acronym_at
            or _CAMEL_RE.search(tok.text) is not None  # apps and brands: "WellMind", "HoNOSCA"
            or base in _NEVER_UNLISTED
            or base in NOT_NAMES
            or _ROMAN_RE.match(base) is not None
            or base.endswith(_CONTRACTIONS)
            or self._made_of_words(base)
            or (len(base) > 6 and base.endswith(_DRUG_STEMS))  # "Escitalopram", "Brexpiprazole"
            # helplines: "Drinkline", "Silverline"; "Caroline" is a first name
            or (len(base) > 6 and base.endswith("line") and base not in self._gaz.first_names)
            # an acronym's plural or a hyphenated acronym: "ARVs", "SSRIs", "Tele-MANAS"
            or (tok.text[:-1].isupper() and tok.text.endswith("s") and len(tok.text) > 2)
            or any(p.isupper() and len(p) > 1 for p in tok.text.split("-")[1:])
            # a slip on an ordinary word: "Attenedd", "Freind"
            or (base.isascii() and base.isalpha() and looks_like_typo(base, self._dict))
        )

    def _made_of_words(self, base: str) -> bool:
        """ "Self-Care", "Mid-Term": every part a word; "Gcses"-like plurals the list lacks;
        "DSA-equivalent", "Headspace-style": a compound about a thing."""
        if "-" in base and base.rsplit("-", 1)[1] in _COMPOUND_TAILS:
            return True
        if "-" in base:
            parts = [p for p in base.split("-") if p]
            if parts and all(p in self._dict for p in parts):
                return True
        return base.endswith("s") and (base[:-1] in self._dict or base[:-2] in self._dict)

    def _kept(self, tok: Token, text: str) -> bool:
        """A word that may never be part of an identifier found here (nor part of a code:
        "LS6", "B12")."""
        b = tok.base
        return (
            _glued(text, tok)
            or b in _SPLIT_WORDS
            or (b.endswith("s") and b[:-1] in WEEKDAYS)
            or ("-" in b and all(p in WEEKDAYS for p in b.split("-")))  # "Mon-Fri"
            or b in _INTERJECTIONS
            or (tok.upper and (b in _ACRONYMS or len(b) == 2))
            or b in ("i", "i'm", "i've", "i'd", "i'll")
        )

    def find(self, text: str, tokens: list[Token]) -> list[Identifier]:
        found: list[Identifier] = []
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            if not tok.text[0].isupper() or self._kept(tok, text):
                i += 1
                continue
            # grow a run of capitalised words (and joiners between them)
            run = [i]
            j = i + 1
            while j < n:
                nxt = tokens[j]
                prev = tokens[run[-1]]
                if not _gap_ok(text, prev.end, nxt.start):
                    break
                if (
                    prev.possessive
                    and tokens[run[0]].base not in ("st", "saint")
                    and prev.base not in _GENERIC_POSSESSIVES
                ):
                    break  # "Jo's Mum"; but "St Brendan's Community School" is one name
                if nxt.text[0].isupper() and not self._kept(nxt, text):
                    run.append(j)
                    j += 1
                    continue
                if (
                    (
                        nxt.base in _JOINERS
                        or (nxt.base in ("for", "against") and prev.base in ORG_HEADS)
                    )
                    and j + 1 < n
                    and tokens[j + 1].text[0].isupper()
                    and not self._kept(tokens[j + 1], text)
                    and _gap_ok(text, nxt.end, tokens[j + 1].start)
                ):
                    run.extend((j, j + 1))
                    j += 2
                    continue
                break
            words = [tokens[k] for k in run]
            cut = next(
                (k for k, t in enumerate(words) if t.base in ("for", "against") and k > 0), None
            )
            if (
                cut is not None
                and words[-1].base in ORG_HEADS
                and not all(t.base in _GENERIC_MODIFIERS for t in words[cut + 1 : -1])
            ):
                # "Oakwood Academy for Riverside Academy": two names, not one
                found.extend(self._judge(text, words[:cut]))
                found.extend(self._judge(text, words[cut + 1 :]))
            else:
                found.extend(self._judge(text, words))
            i = j
        return found

    def nicknames(self, text: str) -> list[Identifier]:
        """A nickname in quotes inside or beside a name ('Stevie "Spud" Robson', '"Smoke"
        (Darnell)') is one person's name: the whole of it, and the nickname wherever else it
        is written with its capital, even when it is an ordinary word ("Dot", "Spud")."""
        if (
            '"' not in text
            and "“" not in text
            and "(" not in text
            and not search(_PET_HINT_RE, text)
        ):
            return []
        out: list[Identifier] = []
        nicks: set[str] = set()
        for m in finditer(_QUOTED_NICK_RE, text):
            out.append(Identifier(m.start(), m.end(), Category.NAME))
            nicks.add(m.group("nick") or m.group("nick2"))
        for m in finditer(_NICK_BESIDE_RE, text):
            out.append(Identifier(m.start("nick"), m.end("nick"), Category.NAME))
            nicks.add(m.group("nick"))
        for m in finditer(_DEFINED_RE, text):
            short, full = m.group("short"), m.group("full")
            if (_abbreviates(short, full) or self._two_letter_form(short, full)) and not all(
                w.lower() in dictionary_words() for w in full.split()
            ):  # "DJ (Darius Jackson)"; not "GAD (generalised anxiety disorder)"
                out.append(Identifier(m.start("short"), m.end("short"), Category.NAME))
                out.append(Identifier(m.start("full"), m.end("full"), Category.NAME))
                nicks.add(short)
        for m in finditer(_PET_RE, text):
            out.append(Identifier(m.start("pet"), m.end("pet"), Category.NAME, None, "pet"))
        for found_nick in nicks - NOT_NAMES_CAPITALISED:
            # "sunny (sunita)": not every lower-case "sunny" in the note
            nick = (
                found_nick.capitalize()
                if found_nick.islower() and found_nick in dictionary_words()
                else found_nick
            )
            flags = re.IGNORECASE if nick.replace(".", "").isupper() else 0
            for m in re.finditer(r"(?<![\w@])" + re.escape(nick) + r"(?![\w])", text, flags):
                out.append(Identifier(m.start(), m.end(), Category.NAME))
        return out

    def _two_letter_form(self, short: str, full: str) -> bool:
        """ "mo (mohammed ali, 15)": two letters opening a listed first name of four or more."""
        first = full.split(maxsplit=1)[0].lower()
        return (
            len(short) == 2
            and short.isalpha()
            and short.lower() not in RELATIONS  # "his ma (Mary)": a relation, then her name
            and len(first) >= 4
            and first.startswith(short.lower())
            and first in self._gaz.first_names
        )

    def _judge(self, text: str, run: list[Token]) -> list[Identifier]:
        at_start = (
            sentence_start(text, run[0].start) and text[run[0].start - 1 : run[0].start] != "("
        )
        # a title stays outside ("Dr Okafor"), so does a relation word ("Auntie Bisi") and a
        # word that opens the sentence ("Met Tamsyn", "Her Auntie Bisola", "Left Oakwood Academy")
        while run and (
            run[0].base in TITLES
            or run[0].base in RELATIONS
            or run[0].base in _JOINERS
            or (at_start and self._opener(run))
        ):
            run = run[1:]
        while run and run[-1].base in _JOINERS:
            run = run[:-1]
        if not run:
            return []
        if run[-1].base in _MEASURE_HEADS or (
            len(run) > 1 and run[-2].base in _MEASURE_HEADS and _ROMAN_RE.match(run[-1].base)
        ):
            return []  # "Hamilton Depression Rating Scale", "TCU Drug Screen V": a measure
        if _BRACKETED_NUMBER_RE.match(text, run[-1].end):
            return []  # "Health Connect Ontario (811)": a helpline and its number
        if (len(run) == 1 or run[-1].base in _HELPLINE_HEADS) and (
            _SERVICE_AFTER_RE.match(text, run[-1].end)
            or (
                not run[0].possessive
                and _LOWER_HEAD_RE.match(text, run[-1].end) is None  # "on Rowan ward"
                and _DRUG_BEFORE_RE.search(text, max(0, run[0].start - 30), run[0].start)
            )
        ):
            # "Woebot app", "Bodywhys helpline", "HoNOSCA 14", "on Sublocade": a thing
            return []
        unlisted = (
            any(self.is_unlisted(t) for t in run)
            or self._acronym_at(text, run)
            or _acronym_led(run)
            or self._named_after_preposition(text, run)
        )
        head_cat = self._head_category(text, run)
        modifiers = run[:-1]
        if (
            not unlisted
            and head_cat is None
            and not at_start
            and _LOWER_HEAD_RE.match(text, run[-1].end) is not None
        ):
            head_cat = Category.ORGANISATION  # "the Mars factory", "Hawthorn Lea care home"
            modifiers = run
        if not unlisted and (
            head_cat is None
            or all(t.base in _GENERIC_MODIFIERS for t in modifiers)
            or (
                modifiers is run  # "the Polish school", "the College canteen"
                and all(t.base in _CAPITALISED_ANYWAY or t.base in ORDINARY for t in run)
            )
            or _title_case_line(text, run[0].start)
        ):
            # ordinary words; a service named generically ("the Walk-in Centre", "Crisis
            # Café", "Health Centre"); a heading ("Attend College", "Care Plan Review")
            return []
        category, role = self._category(text, run, head_cat)
        return [_complete(text, run, category, role, unlisted=unlisted, headed=bool(head_cat))]

    def _named_after_preposition(self, text: str, run: list[Token]) -> bool:
        """Capitalised dictionary words mid-sentence after at/for/with/from/near/in name a
        place, an employer or a person ("works at Compass", "lives in Hope Valley"), unless they
        are words people capitalise anyway ("at College", "with Mum", "in Maths")."""
        if not all(
            t.base in self._dict
            and t.base not in _CAPITALISED_ANYWAY
            and t.base not in NOT_NAMES
            and t.base not in _NEVER_UNLISTED
            and not t.upper
            for t in run
            if t.base not in _JOINERS
        ):
            return False
        prep = _PREP_BEFORE_RE.search(text, max(0, run[0].start - 8), run[0].start)
        return (
            prep is not None
            and not sentence_start(text, run[0].start)
            and not _title_case_line(text, run[0].start)
        )

    @staticmethod
    def _acronym_at(text: str, run: list[Token]) -> bool:
        """An unlisted acronym after an organisation cue names one ("studies at UCLX")."""
        if len(run) != 1 or not run[0].upper or len(run[0].base) < 3:
            return False
        if run[0].base in _NEVER_UNLISTED or run[0].base in NOT_NAMES:
            return False
        if _ACRONYM_NOUN_RE.match(text, run[0].end):
            return True  # "UNM appointment", "NSFAS appeal", "UNISON member"
        before = previous_words(text, run[0].start, 1)
        return bool(before) and before[-1] in _ACRONYM_CUES

    def _opener(self, run: list[Token]) -> bool:
        """The sentence's first word is not part of the name after it: a function word or a
        verb ("Met Tamsyn", "Visited Castle Park"), or a frequent word before a run that is a
        name without it ("Left Oakwood Academy", "Supports Man United"); but "Castle Park"."""
        b = run[0].base
        if b in _OPENERS or (len(b) > 4 and b.endswith(("ed", "ing", "ly"))):
            return True
        if len(run) < 2 or not b.endswith("s") or b[:-1] not in self._dict:
            return False  # "Castle Park", "Riverside Recovery Center", "Greater Manchester"
        rest = run[1:]
        return any(self.is_unlisted(t) for t in rest) or (self._head_category("", rest) is not None)

    def _head_category(self, text: str, run: list[Token]) -> Category | None:
        """What a run of two or more words names, by its head word ("Mill Road", "Castle
        Park", "Brightwater Logistics", "University of Leeds"); None for a single word."""
        if len(run) < 2:
            return None
        head = run[-1].base
        if head in STREET_HEADS and (
            head in _STRONG_STREET_HEADS
            or (text and _house_number(text, run[0].start) < run[0].start)
            or (text and _POSTCODE_NEXT_RE.match(text, run[-1].end) is not None)
        ):
            return Category.ADDRESS  # "Mill Road"; "Safe Place" only as "4 Safe Place"
        if head in ORG_HEADS or (run[0].base in ORG_HEADS and run[1].base == "of"):
            return Category.ORGANISATION
        if head in PLACE_HEADS and not (
            head in _SURNAME_VENUE_WORDS and run[-2].base in self._gaz.first_names
        ):
            return Category.PLACE  # "Castle Park"; but "Sarah Green" is a person
        return None

    def _category(
        self, text: str, run: list[Token], head_cat: Category | None
    ) -> tuple[Category, str | None]:
        if head_cat is Category.ORGANISATION:
            head = run[-1].base if run[-1].base in ORG_HEADS else run[0].base
            return head_cat, ORG_SUFFIXES.get(head, "organisation")
        if head_cat is Category.PLACE:
            return head_cat, VENUE_SUFFIXES.get(run[-1].base, "town")
        if head_cat is Category.ADDRESS:
            return head_cat, None
        before = previous_words(text, run[0].start, 1)
        prep = before[-1] if before else ""
        name_like = self._name_like(run)
        if prep in _PLACE_PREPS:
            category = Category.PLACE
        elif run[0].upper or (prep in _ORG_PREPS and not name_like):
            category = Category.ORGANISATION
        elif prep in ("to", "at") and not name_like and len(run) == 1:
            category = Category.PLACE
        else:
            return Category.NAME, None
        return category, "town" if category is Category.PLACE else "organisation"

    def _name_like(self, run: list[Token]) -> bool:
        g = self._gaz
        return any(t.base in g.first_names or t.base in g.surnames for t in run)


_HOUSE_NUMBER_RE = re.compile(
    r"(?:(?:[Ff]lat|[Aa]pt\.?|[Aa]partment|[Uu]nit)\s+(?:\d+[A-Za-z]?|[A-Z])\b,?\s+)?"
    r"\d{1,5}(?:-\d{1,5})?[A-Za-z]?,?\s+$"
)


#: A company's legal form after its name, with or without dots.
_LEGAL_FORM_RE = re.compile(
    r"(?:,?[ ](?:Co\.?[ ]?|&[ ]Co\.?[ ]?)?(?:Ltd|Limited|Inc|Corp|Corporation|PLC|plc|LLC|LLP|GmbH|AG|SA|"
    r"S\.A|NV|N\.V|SE|BV|B\.V|Oy|SpA|S\.p\.A|SRL|Pty|Sp\.[ ]z[ ]o\.o|s\.c|Sp\.k|S\.A\.S|SAS|KG)\b\.?)+"
)


def _acronym_led(run: list[Token]) -> bool:
    """An unlisted acronym before capitalised words names an organisation ("UST Global", "SHU
    Wellbeing", "SANCA Horizon")."""
    first = run[0]
    return (
        len(run) >= 2
        and first.upper
        and len(first.base) >= 3
        and first.base not in _NEVER_UNLISTED
        and not run[1].upper
        and not all(t.base in _RECORD_WORDS for t in run[1:])
    )


def _complete(
    text: str,
    run: list[Token],
    category: Category,
    role: str | None,
    *,
    unlisted: bool,
    headed: bool,
) -> Identifier:
    """The span of a run with what completes it: a lower-case head ("Hawthorn Lea care home",
    "the Blyth harbour"), "The" before it, a legal form, a house number and flat."""
    start, end = run[0].start, run[-1].end
    lower_head = _LOWER_HEAD_RE.match(text, end)
    lower_place = _LOWER_PLACE_RE.match(text, end) if unlisted else None
    if lower_head is not None and category is not Category.ADDRESS:
        end = lower_head.end()
        category, role = Category.ORGANISATION, "organisation"
    elif lower_place is not None and category is not Category.ADDRESS:
        end = lower_place.end()
        category, role = Category.PLACE, "park"
    if text[max(0, start - 4) : start] == "The " and not sentence_start(text, start - 4):
        start -= 4  # "treatment at The Christie": the article is part of the name
    legal = _LEGAL_FORM_RE.match(text, end)
    if legal is not None:  # "Petrochem S.A.", "Dierig Holding AG", "Kuncewicz Sp. z o.o."
        end = legal.end()
        category, role = Category.ORGANISATION, "employer"
    if category is Category.PLACE and headed and _house_number(text, start) < start:
        category, role = Category.ADDRESS, None  # "23 Newcastle Park": an estate's street
    if category is Category.ADDRESS:
        start = _house_number(text, start)
    elif run[-1].possessive and _LOWER_NEXT_RE.match(text, run[-1].end):
        category, role = Category.NAME, None  # "stayed at Gethin's house"
    return Identifier(start, end, category, None, role)


def _house_number(text: str, start: int) -> int:
    """A street's house number (and flat) belong to the address: "Flat 2, 14 Mill Road"."""
    m = _HOUSE_NUMBER_RE.search(text, max(0, start - 24), start)
    return m.start() if m else start
