"""Words and phrases that must survive anonymisation because they carry the clinical meaning.

Weekdays and relative time, scores, medications, therapies and techniques, national helplines and
public services, school years, countries and US states. A candidate name, place or organisation
whose text is in here is dropped; the evaluation counts any that are still removed.
"""

from __future__ import annotations

from mentorjournal.anonymise.textutil import split_words

WEEKDAYS = frozenset(
    split_words(
        "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun"
    )
)
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

RELATIVE_TIME = frozenset(
    split_words("""today tomorrow yesterday tonight week weekend weeks month months year years fortnight
    morning afternoon evening night last next ago christmas easter halloween""")
)

MEDICATIONS = frozenset(
    split_words("""sertraline fluoxetine citalopram escitalopram paroxetine venlafaxine duloxetine mirtazapine
    amitriptyline trazodone bupropion vortioxetine agomelatine quetiapine olanzapine risperidone
    aripiprazole clozapine haloperidol lurasidone lamotrigine lithium valproate sodium depakote
    carbamazepine diazepam lorazepam clonazepam alprazolam zopiclone zolpidem promethazine
    propranolol pregabalin gabapentin melatonin methylphenidate lisdexamfetamine atomoxetine
    guanfacine ritalin concerta elvanse buprenorphine methadone naltrexone acamprosate disulfiram
    naloxone nicotine prozac zoloft lexapro celexa wellbutrin seroquel abilify xanax valium
    ibuprofen paracetamol codeine tramadol omeprazole metformin levothyroxine salbutamol insulin
    fluvoxamine buspirone hydroxyzine dexamfetamine dextroamphetamine amfetamine adderall vyvanse
    equasym medikinet strattera intuniv xaggitin clonidine lamictal lustral cipralex efexor
    cymbalta risperdal zyprexa priadel camcolit epilim paliperidone xeplion flupentixol depixol
    zuclopenthixol clopixol procyclidine chlordiazepoxide librium temazepam nitrazepam oxazepam
    chlorpromazine sulpiride amisulpride prochlorperazine nortriptyline imipramine clomipramine
    dosulepin phenelzine moclobemide tianeptine esketamine spravato ketamine naproxen diclofenac
    cocodamol co-codamol dihydrocodeine morphine oramorph oxycodone fentanyl suboxone subutex
    espranor buvidal nicorette champix varenicline ventolin calpol nurofen panadol tylenol advil
    benadryl piriton nytol kalms cetirizine loratadine sumatriptan topiramate levetiracetam
    keppra tegretol thiamine pabrinex microgynon cerazette depo-provera nexplanon mounjaro
    ozempic wegovy orlistat sertaline setraline fluoxetene citalopran quetiepine melatonin
    circadin slenyto paxil effexor pristiq desvenlafaxine trintellix rexulti brexpiprazole latuda
    invega geodon ziprasidone haldol ativan klonopin restoril ambien lunesta buspar vistaril
    neurontin lyrica topamax narcan antabuse campral chantix focalin dexedrine qelbree kapvay
    pamelor elavil tofranil anafranil nardil parnate emsam zulresso zurzuvae auvelity caplyta
    vraylar saphris fanapt clozaril aristada sublocade vivitrol zubsolv lucemyra suvorexant
    belsomra silenor doxepin hydroxyzine atarax sustenna maintena trinza hafyera uzedy perseris
    mg ml mcg""")
)

THERAPIES = frozenset(
    split_words("""cbt dbt act emdr cat ipt mbct cft ifs tf-cbt mi erp cpt grounding mindfulness breathing
    5-4-3-2-1 tipp wise mind behavioural activation behavioral exposure journaling sleep hygiene
    psychoeducation safety plan wrap""")
)

SERVICES = frozenset(
    s.strip()
    for s in [
        "samaritans",
        "childline",
        "shout",
        "papyrus",
        "mind",
        "rethink",
        "nhs",
        "nhs 111",
        "111",
        "999",
        "988",
        "a&e",
        "a and e",
        "\n    gp",
        "camhs",
        "cahms",
        "cmht",
        "iapt",
        "talking therapies",
        "crisis team",
        "crisis line",
        "home treatment team",
        "\n    early intervention team",
        "early intervention in psychosis",
        "eip",
        "pals",
        "citizens advice",
        "jobcentre",
        "\n    jobcentre plus",
        "job centre",
        "universal credit",
        "social services",
        "police",
        "ambulance",
        "crisis text line",
        "\n    the trevor project",
        "trevor project",
        "988 suicide and crisis lifeline",
        "suicide and crisis lifeline",
        "\n    national suicide prevention lifeline",
        "nami",
        "samhsa",
        "young minds",
        "youngminds",
        "kooth",
        "beat",
        "frank",
        "\n    alcoholics anonymous",
        "narcotics anonymous",
        "aa",
        "na",
        "smart recovery",
        "turning point",
        "\n    change grow live",
        "cgl",
        "we are with you",
        "calm",
        "campaign against living miserably",
        "mind infoline",
        "\n    harmless",
        "switchboard",
        "nspcc",
        "barnardo's",
        "action for children",
        "the mix",
        "stem4",
        "\n    hub of hope",
        "victim support",
        "refuge",
        "women's aid",
        "national domestic abuse helpline",
        "\n    sane",
        "saneline",
        "anxiety uk",
        "ocd-uk",
        "mermaids",
        "the samaritans",
        "nhs england",
        "nhs choices",
        "\n    veterans crisis line",
        "crisis text",
        "lifeline",
        "911",
        "112",
        "recovery college",
        "duke of edinburgh",
        "duke of edinburgh award",
        "d of e",
        "dofe",
        "prince's trust",
        "princes trust",
        "youth offending team",
        "yot",
        "job centre plus",
        "housing options",
        "food bank",
        "foodbank",
        # national helplines and self-help fellowships in Ireland, the UK, the US and Australia
        "pieta",
        "pieta house",
        "jigsaw",
        "aware",
        "spunout",
        "text about it",
        "50808",
        "al-anon",
        "alateen",
        "cocaine anonymous",
        "gamblers anonymous",
        "hearing voices network",
        "solihull approach",
        "wellness recovery action plan",
        "wrap",
        "andy's man club",
        "andys man club",
        "cruse",
        "cruse bereavement support",
        "winston's wish",
        "rape crisis",
        "galop",
        "relate",
        "togetherall",
        "qwell",
        "beyond blue",
        "beyondblue",
        "kids helpline",
        "7 cups",
        "7cups",
        "crisis services canada",
        "kids help phone",
        "shelter helpline",
        "national bullying helpline",
        "childline ireland",
        "isppc",
        "samaritans ireland",
        # international and veterans' helplines, and a university's own support services
        "befrienders",
        "befrienders kenya",
        "befrienders worldwide",
        "student services",
        "counselling service",
        "counselling services",
        "counseling services",
        "counselling and psychological services",
        "counseling and psychological services",
        "student wellbeing service",
        "wellbeing service",
        # national helplines of Australia, India, the Philippines and Poland, a US programme
        # and sexual health clinics (national agencies written with their region, "Te Whatu
        # Ora Waitaha", "Oranga Tamariki", "Mill Street Garda Station", are organisations to
        # outside writers, so they are not here)
        "qlife",
        "mensline",
        "mensline australia",
        "wic",
        "gum clinic",
        "sexual health clinic",
        "snehi",
        "telefon zaufania",
        "centrum wsparcia",
        "hopeline ph",
    ]
)

SCORES = frozenset(
    split_words("phq-9 phq9 phq gad-7 gad7 gad core-10 core-om wemwbs swemwbs rcads sdq ors srs")
)

COUNTRIES = frozenset(
    s.strip().lower()
    for s in [
        "Afghanistan",
        "Albania",
        "Algeria",
        "Angola",
        "Argentina",
        "Armenia",
        "Australia",
        "Austria",
        "Azerbaijan",
        "\n    Bahamas",
        "Bangladesh",
        "Barbados",
        "Belarus",
        "Belgium",
        "Belize",
        "Bolivia",
        "Bosnia",
        "Botswana",
        "Brazil",
        "Bulgaria",
        "\n    Cambodia",
        "Cameroon",
        "Canada",
        "Chile",
        "China",
        "Colombia",
        "Congo",
        "Croatia",
        "Cuba",
        "Cyprus",
        "Czechia",
        "Czech Republic",
        "\n    Denmark",
        "Dominica",
        "Ecuador",
        "Egypt",
        "England",
        "Eritrea",
        "Estonia",
        "Ethiopia",
        "Fiji",
        "Finland",
        "France",
        "Gambia",
        "\n    Georgia",
        "Germany",
        "Ghana",
        "Greece",
        "Grenada",
        "Guatemala",
        "Guinea",
        "Guyana",
        "Haiti",
        "Honduras",
        "Hungary",
        "Iceland",
        "\n    India",
        "Indonesia",
        "Iran",
        "Iraq",
        "Ireland",
        "Israel",
        "Italy",
        "Jamaica",
        "Japan",
        "Jordan",
        "Kazakhstan",
        "Kenya",
        "Korea",
        "\n    Kosovo",
        "Kuwait",
        "Laos",
        "Latvia",
        "Lebanon",
        "Liberia",
        "Libya",
        "Lithuania",
        "Luxembourg",
        "Madagascar",
        "Malawi",
        "\n    Malaysia",
        "Mali",
        "Malta",
        "Mexico",
        "Moldova",
        "Mongolia",
        "Montenegro",
        "Morocco",
        "Mozambique",
        "Myanmar",
        "Namibia",
        "\n    Nepal",
        "Netherlands",
        "Holland",
        "New Zealand",
        "Nicaragua",
        "Niger",
        "Nigeria",
        "North Macedonia",
        "Northern Ireland",
        "\n    Norway",
        "Oman",
        "Pakistan",
        "Palestine",
        "Panama",
        "Paraguay",
        "Peru",
        "Philippines",
        "Poland",
        "Portugal",
        "Qatar",
        "\n    Romania",
        "Russia",
        "Rwanda",
        "Saudi Arabia",
        "Scotland",
        "Senegal",
        "Serbia",
        "Sierra Leone",
        "Singapore",
        "Slovakia",
        "\n    Slovenia",
        "Somalia",
        "South Africa",
        "Spain",
        "Sri Lanka",
        "Sudan",
        "Sweden",
        "Switzerland",
        "Syria",
        "Taiwan",
        "\n    Tanzania",
        "Thailand",
        "Trinidad",
        "Tobago",
        "Tunisia",
        "Turkey",
        "Uganda",
        "Ukraine",
        "United Kingdom",
        "UK",
        "Britain",
        "\n    Great Britain",
        "United States",
        "USA",
        "US",
        "America",
        "Uruguay",
        "Uzbekistan",
        "Venezuela",
        "Vietnam",
        "Wales",
        "Yemen",
        "\n    Zambia",
        "Zimbabwe",
        "Europe",
        "Africa",
        "Asia",
        "the Caribbean",
        "Caribbean",
    ]
)

US_STATES = frozenset(
    s.strip().lower()
    for s in [
        "Alabama",
        "Alaska",
        "Arizona",
        "Arkansas",
        "California",
        "Colorado",
        "Connecticut",
        "Delaware",
        "Florida",
        "\n    Georgia",
        "Hawaii",
        "Idaho",
        "Illinois",
        "Indiana",
        "Iowa",
        "Kansas",
        "Kentucky",
        "Louisiana",
        "Maine",
        "Maryland",
        "\n    Massachusetts",
        "Michigan",
        "Minnesota",
        "Mississippi",
        "Missouri",
        "Montana",
        "Nebraska",
        "Nevada",
        "New Hampshire",
        "\n    New Jersey",
        "New Mexico",
        "New York",
        "North Carolina",
        "North Dakota",
        "Ohio",
        "Oklahoma",
        "Oregon",
        "Pennsylvania",
        "\n    Rhode Island",
        "South Carolina",
        "South Dakota",
        "Tennessee",
        "Texas",
        "Utah",
        "Vermont",
        "Virginia",
        "Washington",
        "\n    West Virginia",
        "Wisconsin",
        "Wyoming",
        "District of Columbia",
    ]
)
US_STATE_CODES = frozenset(
    split_words("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
    NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""")
)

#: Capitalised words that are never a person or a place on their own in a mentor's note.
NOT_NAMES = frozenset(
    split_words("""i i'm i've i'd i'll im ive id ill mentee mentor client patient session plan note notes
    goal goals today tomorrow yesterday mum mom dad nan gran grandma grandad grandpa nana
    auntie aunt uncle cousin sister brother friend mate boyfriend girlfriend partner teacher
    doctor dr nurse gp school college work job home house hospital ward clinic team service
    the a an and or but so then if when while because he she they we you it his her their our
    my your this that these those there here what who how why where which also not no yes ok
    okay hi hello thanks bye discussed agreed reported said says felt feels feeling mood sleep
    anxiety depression risk safety safeguarding plan action actions next follow-up followup
    subjective objective assessment data behaviour behavior intervention response goals
    mr mrs ms miss mx prof sir dear christmas easter ramadan eid diwali hanukkah halloween
    god jesus allah lord english maths math science art music pe re history geography french
    spanish german year term semester exam exams gcse gcses a-level a-levels btec sats
    instagram snapchat tiktok facebook whatsapp twitter discord youtube netflix spotify xbox
    playstation fortnite minecraft roblox google iphone android zoom teams amazon uber
    christian christians muslim muslims jewish hindu sikh buddhist catholic protestant atheist
    irish polish scottish welsh english british african caribbean asian black white indian
    pakistani bangladeshi nigerian romanian somali chinese european american latino latina
    council court prison army navy police probation housing benefits universal credit
    arab atlantic pacific harvard nike adidas apple samsung marvel disney barbie lego fifa
    duolingo headspace pokemon pixar nintendo sony tesla ipad macbook kindle alexa siri
    chatgpt wikipedia bbc itv sky
    isnt wasnt doesnt dont cant wont didnt hasnt havent couldnt wouldnt shouldnt arent werent
    youre theyre shes hes thats whats lets tbh lol omg idk pls plz thx nxt wk wks mins hrs yr yrs
    appt appts tmrw tmw tonite bc cos coz btw ss lac cp cin si sh dsh od ed pt ft bf gf bff bestie
    al etc vs approx pm am chippy takeaway offy
    insta snap snapchat tiktok ig fb ref re fyi asap nb etc dob nhs ni ssn mrn
    covid lockdown monday tuesday wednesday thursday friday saturday sunday aadhaar aadhar
    medicare medicaid pesel ppsn pps sin iban zip zipcode postcode eircode mam mammy da daddy mummy
    mommy granda grandda nanny nanna""")
)


# More of what must stay, from national formularies and the helplines and programmes services
# publish in the UK, Ireland, the US, Canada, Australia, New Zealand, South Africa, India, Kenya
# and the Philippines: brand names a mentor copies from a box, programmes named in full, and
# national helplines and agencies that are signposted, not places anyone lives or works.
MEDICATIONS = MEDICATIONS | frozenset(
    split_words("""cariprazine fluphenazine trifluoperazine stelazine fluanxol trihexyphenidyl
    benzhexol rivotril kalma nyxoid prenoxad truvada descovy biktarvy dolutegravir isoniazid prep
    lovan cipramil nexito seroxat aropax faverin remeron avanza zispin brintellix valdoxan zyban
    endep tryptizol lofepramine oleanz sizodon denzapine solian largactil modecate stilnox
    phenergan modafinil provigil epipen zyrtec claritin tenex catapres sertralin quetiapin
    mirtazepine olanzepine resperidone aripiprazol lamotrigin venlafaxin""")
)
THERAPIES = THERAPIES | frozenset(
    split_words("""ips mbt sfbt mbsr stepps fbt cbt-i cbt-e ddp mst pmr craft asist safetalk 12-step
    silvercloud sleepio moodgym mindspot gamban betblocker wellbriety griefshare lifering
    nar-anon wysa woebot calmharm daylio meetwo distract mrt""")
)
#: Medicines for the body that notes list beside the psychiatric ones (national formularies).
MEDICATIONS = MEDICATIONS | frozenset(
    split_words("""eliquis apixaban xarelto rivaroxaban warfarin clopidogrel aspirin atorvastatin
    lipitor simvastatin rosuvastatin crestor amlodipine ramipril lisinopril losartan bisoprolol
    metoprolol atenolol furosemide bendroflumethiazide tamsulosin finasteride trelegy symbicort
    seretide spiriva fostair flutiform relvar albuterol fluticasone budesonide beclometasone
    montelukast tiotropium gliclazide sitagliptin januvia jardiance empagliflozin dapagliflozin
    forxiga lantus novorapid humalog trulicity rifafour rifampicin pyrazinamide ethambutol
    efavirenz tenofovir atripla lamivudine zidovudine cotrimoxazole co-trimoxazole bactrim
    allopurinol colchicine methotrexate hydroxychloroquine adalimumab humira lansoprazole
    pantoprazole esomeprazole nexium ranitidine gaviscon lactulose senna movicol laxido
    loperamide imodium buscopan mebeverine sumatriptan zolmitriptan amoxil augmentin
    nitrofurantoin trimethoprim cefalexin clarithromycin azithromycin metronidazole fluconazole
    aciclovir valaciclovir hydrocortisone betnovate dermovate diprobase epaderm cetraben
    sudocrem voltarol diclofenac mefenamic norethisterone levonorgestrel ellaone yasmin
    rigevidon dianette mirena""")
)
SERVICES = SERVICES | frozenset(
    [
        # national helplines, fellowships and programmes named in one word
        "stanley-brown", "hopelineuk", "hopeline247", "gamcare", "drinkline", "bodywhys",
        "turn2me", "childhelp", "rainn", "good2talk", "connexontario", "1800respect", "13yarn",
        "ndis", "youthline", "healthline", "outline", "sadag", "tele-manas", "icall",
        "aasra", "picu", "vr&e", "jobseeker", "betstop", "plunket",
        "thanksgiving", "juneteenth", "half-term",
    ]
)  # fmt: skip
#: Programmes, techniques, national helplines and holidays named in several words. They stay
#: whole wherever they are written, but their words are ordinary ones that may still be part
#: of a name ("Kenya Red Cross" keeps nothing from "Red Location", "Labour Day" nothing from
#: "Department of Labour"), so they are kept apart from ``SERVICES``, whose every word is
#: never a name's.
KEPT_PHRASES = frozenset(
    [
        "gardaí", "gardai",  # the Irish police (one word, but "garda" names stations)
        "panda", "headspace", "eheadspace",  # not in SERVICES: "PANDAS Foundation" is a name
        # a council's services for anyone who needs them, in everyday words
        "early help", "adult social care", "children's social care", "childrens social care",
        "motivational interviewing", "behavioural activation", "behavioral activation",
        "schema therapy", "acceptance and commitment therapy", "dialectical behaviour therapy",
        "dialectical behavior therapy", "cognitive processing therapy",
        "exposure and response prevention", "cognitive analytic therapy",
        "compassion focused therapy", "interpersonal therapy", "individual placement and support",
        "mentalization-based treatment", "mentalisation-based treatment", "prolonged exposure",
        "narrative exposure therapy", "seeking safety", "triple p", "incredible years",
        "circle of security", "open dialogue", "contingency management", "radical acceptance",
        "opposite action", "dear man", "wise mind", "five ways to wellbeing", "outcome star",
        "recovery star", "stanley-brown safety plan", "hearing voices group",
        "mental health first aid", "beating the blues", "this way up", "stay alive",
        "stay alive app", "twelve steps", "12 steps", "celebrate recovery", "refuge recovery",
        "recovery dharma", "women for sobriety", "calm harm", "insight timer", "i am sober",
        "try dry", "clear fear", "catch it", "blue ice", "quit genius", "smoke free",
        "papyrus hopeline247", "forced marriage unit", "modern slavery helpline",
        "national gambling helpline", "national debtline", "op courage", "breathing space",
        "men's advice line", "lgbt ireland", "hse drugs and alcohol helpline",
        "yourmentalhealth information line", "trans lifeline", "disaster distress helpline",
        "poison control", "national domestic violence hotline", "samhsa national helpline",
        "nami helpline", "hope for wellness", "talk suicide canada", "wellness together canada",
        "suicide call back service", "open arms", "head to health", "sane australia",
        "gambling help", "butterfly foundation", "suicide crisis helpline", "depression helpline",
        "alcohol drug helpline", "gambling helpline", "women's refuge", "what's up",
        "lifeline south africa", "gbv command centre", "stop gender violence helpline",
        "higher health", "vandrevala foundation", "childline kenya", "ncmh crisis hotline",
        "in touch crisis line", "bantay bata", "job corps", "social security",
        "vocational rehabilitation", "walk-in centre", "walk-in center", "fact team", "act team",
        "kenya red cross", "area agency on aging", "home based primary care",
        "home-based primary care", "jobseeker payment", "partners in recovery",
        "moral reconation therapy", "parents plus", "community employment scheme", "ce scheme",
        "active retirement", "new year's eve", "new year's day", "new year", "christmas eve",
        "christmas day", "boxing day", "bank holiday", "good friday", "easter monday",
        "easter sunday", "mother's day", "father's day", "valentine's day", "bonfire night",
        "guy fawkes night", "anzac day", "waitangi day", "canada day", "labor day", "labour day",
        "memorial day", "independence day", "heritage day", "freedom day", "youth day",
        "chinese new year", "yom kippur", "rosh hashanah", "holy week", "half term",
    ]
)  # fmt: skip
SCORES = SCORES | frozenset(
    split_words("""kessler k10 k-10 audit audit-c epds pcl-5 c-ssrs cssrs core-yp yp-core reqol
    honos honosca phq-a""")
)
RELATIVE_TIME = RELATIVE_TIME | frozenset(split_words("thanksgiving arvo avo"))

#: Job roles written with a capital ("Keyworker rang", "the Care Coordinator", "Matron said"):
#: a role is never a person's name on its own.
ROLE_WORDS = frozenset(
    split_words("""keyworker key-worker caseworker case-worker coordinator co-ordinator worker specialist
    matron sho hca anp cpn amhp imha senco sendco registrar locum consultant therapist counsellor
    counselor psychiatrist psychologist pharmacist paramedic midwife physio physiotherapist
    dietitian dietician advocate navigator chaplain warden receptionist practitioner clinician
    caseworkers keyworkers adviser advisor alnco""")
) | frozenset(  # credentials written after a worker's name ("R. Delgado, CPRS", "K. Docherty, PSW")
    split_words("""cprs crps prs crss cpss cpsw prss carc chw psw pss cadc casac lcsw lmsw lpc lpcc
    lmft lmhc msw bsw rsw rmn rgn lpn cna""")
)
NOT_NAMES = NOT_NAMES | ROLE_WORDS

#: Kin as families of other languages call them in English notes ("her abuela (Carmen)", "Gogo
#: is diabetic", "living with her ouma", "his kuya"): relations, never a name on their own.
KIN_RELATIVES = frozenset(
    split_words("""abuela abuelo abuelita abuelito ouma oupa gogo mkhulu nonna nonno babcia
    dziadek opa nani dadi kuia koro tía tío tio tita""")
)
KIN_PARENTS = frozenset(split_words("amma appa ammi abbu inay itay nanay tatay mamá papá"))
KIN_SIBLINGS = frozenset(split_words("kuya"))
#: Ranks, religious and other titles written alone before a name ("Sgt. Ochoa", "Fr. Moore",
#: "Smt. Leela", "Cpl (ret'd) Angela"): the title is never the name.
RANKS = frozenset(
    split_words("""sgt ssg ssgt sfc msgt cpl lcpl pte pvt pfc spc capt cpt maj lt col brig cdr cmdr
    cpo wo cwo rsm csm fr revd rev smt shri sri srimati kumari cllr insp supt""")
)
#: Kin words that are also given names ("Amma") stay possible names on their own; those that are
#: names first ("Tia", "Tito", "Lola", "Oma") are no relation here at all.
_KIN_NAMES = frozenset(split_words("ouma amma"))
NOT_NAMES = NOT_NAMES | ((KIN_RELATIVES | KIN_PARENTS | KIN_SIBLINGS) - _KIN_NAMES) | RANKS

MUST_KEEP = (
    KEPT_PHRASES
    | SERVICES
    | MEDICATIONS
    | THERAPIES
    | SCORES
    | COUNTRIES
    | US_STATES
    | WEEKDAYS
    | RELATIVE_TIME
)


def is_must_keep(phrase: str) -> bool:
    """True when the whole phrase is a kept term (any case)."""
    if phrase in MUST_KEEP:
        return True
    p = phrase.strip().lower().rstrip(".,;:!?")
    return p in MUST_KEEP or (p.startswith("the ") and p[4:] in SERVICES)


#: Names that are everyday English words: a known name among these needs name-like context
#: ("met with will", "Will said") before a lower-case or sentence-initial use is replaced.
EVERYDAY_NAME_WORDS = frozenset(
    split_words(
        """will may hope rose bill grace faith joy summer mark frank sue pat dawn amber ruby april
        june august jack ray rob art don guy miles lane king young brown white black green hill wood
        page rich long hunter cash drew gene major penny sky star case link chase grant bob sunny
        crystal holly ivy lily daisy iris violet heather jade pearl autumn storm river rain gray grey
        victor sandy honey angel hazel olive sage bell ford cook baker price little love new hall
        north west east south"""
    )
)
