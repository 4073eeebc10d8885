"""Structured identifiers found by shape and validated where a rule exists.

Email, URL, social handle, NHS number (mod-11), National Insurance number (prefix rules), SSN
(structure), phone numbers (UK, US and international shapes checked with ``phonenumbers``), UK
postcodes (valid area), US ZIP codes (only beside a state or the word ZIP, so scores and counts
stay), case and record references, street addresses, dates in many formats and ages.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from mentorjournal.anonymise import more_forms, more_shapes
from mentorjournal.anonymise.categories import Category
from mentorjournal.anonymise.identifier import Identifier
from mentorjournal.anonymise.lexicon import MEDICATIONS, MONTHS, US_STATE_CODES, US_STATES
from mentorjournal.anonymise.prefilter import finditer, may_match, search
from mentorjournal.anonymise.textutil import Token, previous_words, split_words

_I = re.IGNORECASE

EMAIL_RE = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,24}"
)
_TLD = (
    r"(?:com|org|net|io|co\.uk|org\.uk|ac\.uk|uk|me|ly|info|biz|us|tv|gg|app|edu|gov|page|site|link|"
    r"co|ie|ee|de|fr|eu|ca|au|nz|ai|xyz|online|blog|shop|store|social|art|pl|in|ng|es|it|nl|be|ch|"
    r"at|se|no|dk|fi|pt|br|mx|za|ke|gh|pk|tk|cc|ws|fm|to|sh|dev|tech|live|life|club|space|website|"
    r"mobi|nz|org\.nz|co\.nz|com\.au|org\.au|net\.au|co\.za|org\.za|ph|com\.ph|sg|my|news|events|"
    r"works|studio|design|academy|health|care|help|team|family|church|community)"
)
URL_RE = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"')\]]+|(?<![\w.-])(?:[a-z0-9-]{1,63}\.){1,4}"
    + _TLD
    + r"\b(?:/[^\s<>\"')\]]*)?",
    _I,
)
PUBLIC_DOMAINS = ("nhs.uk", "samaritans.org", "mind.org.uk", "childline.org.uk", "gov.uk",
                  "youngminds.org.uk", "988lifeline.org", "shoutmsg", "giveusashout.org",
                  "drugs.ie", "hse.ie", "gov.ie", "nhs.scot", "nhs.wales", "gov.scot", "gov.wales",
                  "lifeline.org.au", "beyondblue.org.au", "kidshelpline.com.au", "1737.org.nz",
                  "988lifeline.org", "samhsa.gov", "crisistextline.org", "kidshelpphone.ca")  # fmt: skip
#: Public domains whose subdomains are local bodies (a council, a trust): those identify a place.
LOCAL_PUBLIC_DOMAINS = ("nhs.uk", "gov.uk")
HANDLE_RE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?")
_PLATFORMS = (
    r"insta(?:gram)?|ig|snap(?:chat)?|tik ?tok|twitter|discord|twitch|psn|fb|facebook|reddit|youtube|"
    r"yt|threads|bluesky|telegram|xbox|steam|roblox|fortnite|minecraft|kik|bereal|be real|pinterest|"
    r"tumblr|soundcloud|spotify|github|mastodon|linkedin|onlyfans|vsco|wattpad|yubo|whatsapp|"
    + more_forms.MORE_PLATFORMS
)
HANDLE_CONTEXT_RE = re.compile(
    r"(?:\b(?:"
    + _PLATFORMS
    + r"|handle|username|user ?name|gamer ?tag|in-game name|ign)|(?-i:\bX\b))"
    r"(?:\s+(?:handle|name|username|user ?name|account|id|gamer ?tag|tag|"
    + more_forms.HANDLE_MIDDLE
    + r"))?(?:[ \t]*\((?:private|public|new|old|main|spam|finsta|second|real|fake|anon|anonymous)\))?\s*"  # "Her IG (private) is ..."
    r"(?P<mark>is|was|:|=|-|as)?\s*(?:is\s+)?(?P<q>[\"“'‘])?"  # a quoted handle is explicit
    r"(?P<h>@?[A-Za-z0-9_][A-Za-z0-9_.]{2,29}[A-Za-z0-9_](?:#\d{4}\b)?)",
    _I,
)
#: "added sammyb on snap", "follows jo.b on insta": a cue verb, a word, then the platform.
HANDLE_ADDED_RE = re.compile(
    r"\b(?:add|adds|added|adding|follow|follows|followed|following|message|messaged|dm|dms|dm'd|dmed)"
    r"\s+(?:(?:her|him|them|me|us)\s+)?(?:as\s+)?(?P<h>@?[a-z0-9][a-z0-9_.]{2,29}[a-z0-9_])\s+on\s+"
    r"(?:" + _PLATFORMS + r"|(?-i:X))\b",
    _I,
)
#: "Reddit (u/rhys_ponty)", "u/sam_b": a Reddit user.
REDDIT_USER_RE = re.compile(r"(?<![\w/])u/[A-Za-z0-9_-]{3,20}\b")
#: "His IG is private (jm.rides.510)", "Discord (kai#2219)": a handle in brackets after its platform.
HANDLE_BRACKET_RE = re.compile(
    r"\b(?:"
    + _PLATFORMS
    + r"|(?-i:X))\b[^()\n]{0,24}\((?P<h>@?[A-Za-z0-9_][A-Za-z0-9_.]{1,29}[A-Za-z0-9_]"
    r"(?:#\d{4})?)(?=\)|\s+is\b|,)",
    _I,
)
HANDLE_BRACKET_FAR_RE = re.compile(r"\b(?:" + _PLATFORMS + r")" + more_forms.FAR_BRACKET, _I)
HANDLE_BEFORE_RE = re.compile(
    r"(?<![\w@.])(?P<h>@?[A-Za-z0-9]*[_.\d][A-Za-z0-9_.]*[A-Za-z0-9_])\s+on\s+"
    r"(?:insta(?:gram)?|ig|snap(?:chat)?|tik ?tok|twitter|discord|twitch|threads|telegram|reddit)\b",
    _I,
)
NHS_RE = re.compile(r"(?<!\d)(?<!\d[.-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?!\d|[.-]\d)")
NI_RE = re.compile(
    r"\b([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\d{2}) ?(\d{2}) ?(\d{2}) ?([A-D])\b", _I
)
#: After "NI number", any two letters will do (documentation examples such as QQ 12 34 56 C).
NI_CUE_RE = re.compile(
    r"\b(?:NI|N\.I\.|NINO|national insurance)(?:\s*(?:no\.?|number|num|#))?\s*(?:is|:)?\s*"
    r"(?P<ni>[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]?)(?![\w])",
    _I,
)
NI_BAD_PREFIXES = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})
SSN_RE = re.compile(
    r"(?<!\d)(?<!\d[.-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?!\d|[.-]\d)"
)
SSN_MASKED_RE = re.compile(r"\b[xX*#]{3}[- ]?[xX*#]{2}[- ]?\d{4}\b")
SSN_BARE_RE = re.compile(
    r"\b(?:ssn|social security(?: number| no\.?)?)\s*(?:is|:|#)?\s*(\d{9})\b", _I
)
#: Words that name a reference before it ("case ref", "MRN", "claim #"); each keyword's first
#: word is where ``_references`` tries the pattern (tokens, not a scan of every position).
_REF_KEYWORDS = (
    r"case|ref|reference|record|file|client|patient|hospital|school|student|pupil|nhs|mrn|"
    r"crn|urn|upn|uln|id|member|account|referral|claim|chi|medical record|badge|licen[cs]e|"
    r"passport|driving licen[cs]e|registration|reg|plate|order|booking|policy|ticket|tracking|pps|ppsn|"
    r"aadhaar|aadhar|pesel|nin|bvn|hcn|ihi|tenancy|employee|staff|payroll|candidate|exam|roll|"
    r"unique pupil|hospital no|health and care|crime|police|incident|cad|sort code|iban|"
    r"medicare|medicaid|sin|social insurance|docket|library card|mpi|ehr|emis|systmone|"
    r"liquidlogic|carefirst|nhi|a&e|case file|parole|prisoner|prison|benefit|ucas|ehcp|"
    # "Plan:" heads a SOAP line ("Plan: 1737 if needed"); a plan's reference is named as one
    r"plan(?=\s*(?:no\b|no\.|number|num\b|nr\b|#|id\b|ref))|"
    r"protection plan|claimant|housing|council tax|tenant|visa|home office|immigration|uun|matric|"
    r"matriculation|medi-cal|medical card|health card|cas|rio|mosaic|hosp no|"
    r"member|client|participant|care first|chi no|card|oyster|uci|ird|phn|tfn|tax file|tax|sort|"
    r"h&c|hc no|medicare card|health card|bsn|cpr|cnic|nic|nid|" + more_forms.REF_KEYWORDS
)
_REF_FIRST_WORDS = (
    frozenset(re.split(r"[ &]", k.replace("[cs]", "c"))[0] for k in _REF_KEYWORDS.split("|"))
    | frozenset(["license", "plan"])
    | more_forms.REF_FIRST_WORDS
)
REF_RE = re.compile(
    r"\b(?=[A-Za-z&])(?:" + _REF_KEYWORDS + r")(?![a-z])(?:(?<=ref)\.|(?<=reg)\.)?"
    r"\s*(?:(?:ctrl|control)\s*)?(?:no\.?|number|num|nr|#|id|reference|ref\.?|code)?(?![a-z])"
    r"\s*(?:is|was)?\s*[:#=]?\s*"
    r"(?P<ref>[A-Z0-9](?:[A-Z0-9]|[/-](?=[A-Z0-9])|[ ](?=\d{2,}[A-Z]?\b)|[ ](?=\d[.,;)]?(?:\s|$))){3,23})\b",
    _I,
)
CODE_RE = re.compile(
    r"\b[A-Z]{1,4}[-/]?\d{4,}(?:[-/][A-Z0-9]+)*[A-Z]?\b|\b\d{2,}[-/][A-Z]{2,}[-/]?\d{2,}\b"
    r"|\b[A-Z]{2,4}[-/]\d{2}[-/]\d{3,}(?:[-/][A-Z0-9]+)*\b"  # "CP-22-0456"
)
VEHICLE_RE = re.compile(r"\b[A-Z]{2}\d{2} ?[A-Z]{3}\b")
IP_RE = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")

_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E "
    "EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL "
    "LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM "
    "SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"
)
POSTCODE_AREAS = frozenset(_AREAS.split())
POSTCODE_RE = re.compile(r"\b([A-Z]{1,2})(\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})\b", _I)
#: Irish Eircodes: a routing key (letter, two digits; D6W) and a four-character unique identifier.
EIRCODE_RE = re.compile(r"\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}\b")
#: IBANs: country, check digits, then 11 to 30 letters and digits (spaces every four allowed).
IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
#: Irish PPS numbers: seven digits and one or two check letters.
PPSN_RE = re.compile(r"\b\d{7}[A-W][A-IW]?\b")
#: Eight or more digits in one run that no other shape claimed: a reference of some kind.
LONG_DIGITS_RE = re.compile(r"(?<![\d.,/:-])\d{8,19}(?![\d.,/:-]\d)")
#: Canadian postal codes (letters that are never used are excluded), written upper case.
CA_POSTAL_RE = re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b")
_CA_AU_HINT_RE = re.compile(
    r"\b(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|NSW|VIC|QLD|WA|SA|TAS|ACT|Vic|Qld|Tas|[Pp]ostal|"
    r"Canada|Australia|Toronto|Montreal|Vancouver|Calgary|Edmonton|Ottawa|Winnipeg|Halifax)\b"
)
#: Australian postcodes: four digits after a state or territory.
AU_POSTCODE_RE = re.compile(
    r"\b(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT|Vic|Qld|Tas)\.?,?\s+(?P<p>\d{4})\b(?![ \t]?\d)"
)
#: A UK outward code named as an area: "the LS6 area", "M14 postcode".
OUTWARD_AREA_RE = re.compile(r"\b([A-Z]{1,2})(\d{1,2}[A-Z]?)\s+(?:area|postcode|district)\b")
#: Five digits straight after a town: "Austin 78701", "Brooklyn, 11215".
TOWN_ZIP_RE = re.compile(
    r"(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\b)?(?:,?[ \t]+|[ \t]*\()(?P<zip>\d{5}(?:-\d{4})?|\d{6})(?![\d/:-]|\.\d)"
)
#: A postal code written before its town (France, Germany, Spain, Poland): "75002 Paris", "00-950".
CODE_BEFORE_TOWN_RE = re.compile(r"(?<![\d-])(?P<zip>\d{5}|\d{2}-\d{3})[ \t]+$")
#: Four digits (or four and three) named as a postal code: "ZIP: 2990", "zip code is 2830-466".
POSTAL_WORD_RE = re.compile(
    r"\b(?:zip|zip ?code|zipcode|postal ?code|postcode|post code)\s*(?:is|was|:|#)?\s*"
    r"(?P<p>\d{4}(?:-\d{3})?)(?![\d-])",
    _I,
)
#: Indian PIN codes and Polish postcodes named or shaped as such.
PIN_RE = re.compile(r"\b(?:PIN|pin ?code|pincode|PIN code)\s*:?\s*(?P<p>\d{3}\s?\d{3})\b")
PL_POSTCODE_RE = re.compile(r"(?<![\d-])(?P<p>\d{2}-\d{3})(?=[ \t]+[A-ZŁŚŻŹĆŃÓ][a-ząćęłńóśźż]+)")
OUTWARD_RE = re.compile(
    r"\b(?:postcode|post code|area|in|near|around|from)\s*:?\s+([A-Z]{1,2})(\d{1,2}[A-Z]?)\b"
)

_STATES = "|".join(sorted((re.escape(s) for s in US_STATES), key=len, reverse=True))
_CODES = "|".join(sorted(US_STATE_CODES))
ZIP_RE = re.compile(
    r"(?:\b(?:zip|zip ?code|zipcode)\s*(?:is|:)?\s*|\b(?:" + _CODES + r")\.?,?\s+|"
    r"(?i:\b(?:" + _STATES + r")),?\s+)(?P<zip>\d{5}(?:-\d{4})?)\b"
)
_FIVE_DIGITS_RE = re.compile(r"(?<![\d-])\d{5}(?:-\d{4})?(?![\d-])")
ZIP_LOWER_RE = re.compile(r",\s*(?:" + _CODES + r")\.?,?\s+(?P<zip>\d{5}(?:-\d{4})?)\b", _I)
ZIP_WORD_RE = re.compile(
    r"\b(?:zip|zip ?code|zipcode|zip/postal code|postcode|post code|postal code)\s*(?:is|was|:|of|#)?\s*"
    r"(?P<zip>\d{5}(?:-\d{4})?)\b",
    _I,
)
#: "the 10025 zip code", "in 94103 ZIP": the number before the word.
ZIP_BEFORE_WORD_RE = re.compile(r"(?P<zip>\d{5}(?:-\d{4})?)[ ](?:zip|zip ?code|zipcode)\b", _I)

_SUFFIX_FULL = (
    r"Street|Road|Avenue|Lane|Drive|Close|Crescent|Way|Court|Terrace|Grove|Gardens|Place|Mews|"
    r"Boulevard|Row|Square|Rise|Walk|Parade|Hill|View|Circle|Highway|Parkway|Trail|Green|Vale"
)
_SUFFIX_ABBR = r"St|Rd|Ave|Ln|Dr|Cl|Ct|Cres|Pl|Gdns|Blvd|Sq|Cir|Hwy|Pkwy|Tce"
_UNIT = r"(?:(?:Flat|Apt|Apartment|Unit|Suite|Room)\.?\s*\d+[A-Za-z]?,?\s+)?"
ADDRESS_NUM_RE = re.compile(
    _UNIT
    + r"\b\d{1,5}[A-Za-z]?,?\s+(?:(?:[A-Z][A-Za-z'’]+|\d{1,3}(?:st|nd|rd|th))\.?\s+){1,3}(?:"
    + _SUFFIX_FULL
    + "|"
    + _SUFFIX_ABBR
    + r")\b\.?"
)
ADDRESS_LOWER_RE = re.compile(
    r"(?<![-/.])\b\d{1,5}[a-z]?\s+(?!(?:at|in|on|to|the|a|an|for|and|of|from|with|by)\s)(?:[a-z']+\s+){1,2}"
    r"(?:street|road|avenue|lane|drive|close|crescent|way|"
    r"court|terrace|grove|gardens)\b"
)
#: Without a house number only the unmistakable street words count ("My Safe Place" is not an address).
_SUFFIX_NAMED = (
    r"Street|Road|Avenue|Lane|Drive|Close|Crescent|Terrace|Grove|Gardens|Mews|Boulevard|Estate"
)
ADDRESS_NAMED_RE = re.compile(
    r"\b(?!(?:The|My|Her|His|Our|Their|Your|A|An|This|That|Next|Last|Safe|Happy|Long|Big|Little|New|Old)\s)"
    r"(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:(?:[A-Z][a-z'’]+|\d{1,3}(?:st|nd|rd|th))\s+){1,2}"
    r"(?:"
    + _SUFFIX_NAMED
    + r"|Rd|Ave|Ln|Cres|Gdns|Tce|Blvd|St(?=\.(?!\s+(?!(?:She|He|It|That|There|What|Who|Let|Here)['’]s)[A-Z][a-z]+['’]s\b)|(?!\.?\s+[A-Z])))\b\.?(?!\s+(?:School|Academy|College|"
    r"Surgery|Hospital|Clinic|Centre|Center|Practice|Primary|High|Park|Ward))"
)
ADDRESS_CUE_NAMED_RE = re.compile(
    r"\b(?:on|off|along)\s+(?!(?:The|My|Her|His|Our|Their|A|An)\s)"
    r"(?P<a>(?:[A-Z][a-z'’]+\s+){1,2}(?:Way|Walk|Place|View|Rise|Row|Hill|Green|Vale|Court|Square|Parade))\b"
)
ADDRESS_LOWER_NAMED_RE = re.compile(
    r"\b(?:on|off|along|near|at|in|from)\s+(?!(?:the|a|an|this|that|my|her|his|our|their|your|same|wrong|right|main|open|high)\b)"
    r"(?P<a>[a-z'’]+(?:\s+[a-z'’]+)?\s+(?:street|road|lane|avenue|close|drive|crescent|terrace|grove|gardens|estate))\b"
)
APT_RE = re.compile(
    r"\b(?:Flat|Apt|Apartment|Suite)\.?\s*\d+[A-Za-z]?\b"
    # "Flat 12, Haverstock Court": the building the flat is in is part of the address
    r"(?:,?[ ](?:[A-Z][a-z'’]+[ ]){1,2}(?:Court|House|Heights|Tower|Towers|Lodge|Mansions|Buildings|"
    r"Point|Place|Gardens|Walk|Close|Row|Estate|Block)\b)?"
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = (
    r"(?:,?\s*(?:of\s+)?(?:['’]\d{2}|(?:19|20)\d{2})|[-/](?:(?:19|20)\d{2}|\d{2})(?![-/]?\d)"
    r"|[ ]\d{2}(?=[ ]*(?:[.,;:)]|$)))?"
)
DATE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])"
        r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?\b"
    ),
    re.compile(
        # one separator throughout: "6.5/10" and "4-5/10" are ratings, not dates in 2010
        r"(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])(?P<sep>[/.\-])(?:0?[1-9]|[12]\d|3[01])(?P=sep)"
        r"(?:(?:19|20)\d{2}|\d{2})(?![\d/])"
    ),
    re.compile(
        r"\b(?:the\s+)?" + _ORD + r"(?:(?:\s+of)?\s+|-)" + _MONTH + r"\b\.?" + _YEAR + r"(?!\d)",
        _I,
    ),
    re.compile(r"\b" + _MONTH + r"\.?\s+(?:the\s+)?" + _ORD + r"\b" + _YEAR + r"(?!\d)", _I),
    re.compile(r"\b" + _MONTH + r"\.?,?\s+(?:of\s+)?(?:(?:19|20)\d{2}\b|['’]\d{2}\b)", _I),
)
#: A time written beside a date belongs to it ("3rd March at 2pm", "12/03, 14:30", "10am on the 3rd").
_TIME = (
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:am|pm))?"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs|hours|h)\b|noon|midday|midnight)"
)
TIME_AFTER_RE = re.compile(
    r"[ \t]*@[ \t]*(?:[01]\d|2[0-3])[0-5]\d\b|"  # "12/03/26 @ 1400"
    r"(?:,?\s*(?:at|@|from|,|-|–)\s*|\s+)"
    + _TIME
    + r"(?:\s*(?:-|–|to|until|till)\s*"
    + _TIME
    + r")?(?!\w)",
    _I,
)
TIME_BEFORE_RE = re.compile(r"(?<![\w:.])" + _TIME + r"\s*,?\s*(?:on\s+)?(?:the\s+)?$", _I)
_YEAR_RE = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}|(?<=['’])\d{2})(?!\d)")
#: A year tied to a life event: "died 2019", "widowed in 2009", "since 2015" (a year after any
#: preposition of time is ``more_forms.YEAR_AFTER_PREPOSITION_RE``).
YEAR_EVENT_RE = re.compile(
    r"\b(?:died|passed|passed away|widowed|married|divorced|separated|diagnosed|arrested|convicted|"
    r"sentenced|released|discharged|sectioned|emigrated|graduated|retired|since|back in|class of|"
    r"summer of|spring of|autumn of|winter of|fall of)"
    r"(?:\s+in)?\s+(?:(?:early|mid|late)[- ]?)?(?P<d>(?:19[3-9]\d|20[0-3]\d))\b(?![/.:-]?\d|\s*(?:-|–|to)\s*\d)"
    r"(?!\s*(?:mg|ml|calories|kcal|steps|words|people|pounds|£|%))",
    _I,
)
#: A month named alone after a cue: "in August", "since early November", "due March", "passed april".
MONTH_ALONE_RE = re.compile(
    r"\b(?:in|since|until|till|by|from|due|during|last|passed|died|diagnosed|before|after|of|end of|"
    r"start of|beginning of|back in|over|born|around|came back|went back)\s+(?P<d>(?:(?:early|mid|late)[- ]?)?(?P<m>"
    r"(?-i:[Jj]anuary|[Ff]ebruary|[Mm]arch|[Aa]pril|May|[Jj]une|[Jj]uly|[Aa]ugust|[Ss]eptember|[Oo]ctober|"
    r"[Nn]ovember|[Dd]ecember|[Jj]an|[Ff]eb|Mar|[Aa]pr|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ept?|[Oo]ct|[Nn]ov|[Dd]ec)))"
    r"\b\.?(?!\s*(?:\d|the\s+\d))",
    _I,
)
#: A holiday with its year ("Xmas Eve 2025", "Easter 2024") or after "since" ("since Halloween").
_HOLIDAY = (
    r"(?:Christmas|Xmas|Easter|Halloween|New[ \t]+Year(?:['’]s)?|Bonfire[ \t]+Night|Thanksgiving|Diwali|"
    r"Eid|Hanukkah|Boxing[ \t]+Day)(?:[ \t]+(?:Eve|Day))?"
)
HOLIDAY_RE = re.compile(
    r"\bsince[ \t]+(?:last[ \t]+)?(?P<s>"
    + _HOLIDAY
    + r")\b|\b(?P<y>"
    + _HOLIDAY
    + r"[ \t]+(?:19|20)\d{2})\b"
)
#: "died on New Year's Day", "on Christmas Eve", "an overdose on Stephen's Day", "on Hallowe'en":
#: one named day after "on" is a date (not "over Christmas", "at New Year", "on New Year's").
ON_HOLIDAY_RE = re.compile(
    r"\bon[ \t]+(?P<h>(?:(?:Christmas|Xmas|New[ \t]+Year['’]s|Boxing|(?:St\.?[ \t]+)?Stephen['’]s|"
    r"Remembrance|Memorial|Anzac|Waitangi|Thanksgiving|Labou?r|Canada|Australia|Independence)"
    r"[ \t]+(?:Eve|Day|Sunday)|Hallowe['’]?en)(?:[ \t]+(?:19|20)\d{2})?)\b"
)
#: A year of birth: "born in 1999", "Born 2008", "(b. 1931)", "DOB: 1962".
BIRTH_YEAR_RE = re.compile(
    r"(?:\b(?:born|b\.)|\bd\.?o\.?b\.?:?)\s+(?:in\s+)?(?:(?:early|mid|late)[- ]?)?(?P<d>(?:19|20)\d{2}|['’]\d{2})\b(?![/.-]\d)",
    _I,
)
#: An ordinal followed by one of these counts something ("the 3rd time", "her 2nd session"), not a day.
_NOT_ORDINAL_NOUN = (
    r"(?!\s+(?:time|times|floor|place|year|years|grade|class|session|sessions|attempt|attempts|week|"
    r"weeks|day|days|month|months|birthday|anniversary|go|try|round|dose|visit|appointment|meeting|"
    r"child|baby|century|percentile|person|one|ones|job|step|stage|level|position|draft|edition|"
    r"form|year's|choice|pregnancy|admission|episode|referral|placement|school|house|flat|"
    r"time's|trimester|cycle|course|line|week's|and\s+final|last|shift|shifts|gen|generation|"
    r"half|quarter|term|semester|innings|set|leg|lap|half-term|opinion)\b)"
)
#: Dates written without a year or month word count only after a cue: (shape, cue before it).
CUED_DATES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        re.compile(r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?![\d/])"),
        re.compile(
            r"\b(?:on|from|until|till|by|dated|date|date:|due|since|before|after|w/c|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun) $",
            _I,
        ),
    ),
    (
        re.compile(r"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b" + _NOT_ORDINAL_NOUN, _I),
        re.compile(
            r"(?:\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|"
            r"friday|saturday|sunday),? (?:the\s+|\()?|\b(?:on|by|from|until|till|since|before|after|is|was|"
            r"for|of|between)\s+the\s+|\b(?:on|by|until|till|since|due|before|after)\s+|(?:week|month),\s+the\s+)$",
            _I,
        ),
    ),
    (  # "Fri 14.3", "on 14.03": day.month only after a day or "on" (else it is a decimal)
        re.compile(
            r"(?<![\d/.])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?![\d/]|\.\d)"
            r"(?!\s*(?:mg|mcg|ml|g|kg|l|lbs|litres|liters|%|units|hours|hrs|h|x|points|pts|km|miles|m|stone|st)\b)",
            _I,
        ),
        re.compile(
            r"\b(?:on|dated|date|date:|w/c|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|"
            r"thursday|friday|saturday|sunday|meeting|session|appt|appointment|seen|since|until|till|"
            r"from|by|before|after),? $",
            _I,
        ),
    ),
)
#: An ordinal that ends its clause or runs into a linking word is a day ("reviewed 14th, next
#: review 28th", "ETA 21st."), unless a rank or a counted thing is meant ("came 1st", "her 2nd").
BARE_ORDINAL_RE = re.compile(
    r"(?<![\w/.-])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
    r"(?=\s*(?:[.,;:)!?]|$|(?:of|and|at|to|for|from|until|till|when|or|with|-|–)\b))",
    _I,
)
_RANK_BEFORE_RE = re.compile(
    r"\b(?:came|come|comes|coming|finished|finish|finishing|placed|ranked|rank|was|is|were|be|the|her|his|"
    r"my|their|our|your|a|in|year|grade|floor|class|level|stage|step|round|set|group)\s+$",
    _I,
)
#: Month/day as written in the US ("next visit 10/24"): the second number is too big for a month.
US_MONTH_DAY_RE = re.compile(r"(?<![\d/.])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])(?![\d/]|\.\d)")
#: Two days of one month written as a range or a pair: "15th-17th March", "3 and 5 March",
#: "March 3rd to 5th". The date found is widened over the other day.
_RANGE_BEFORE_RE = re.compile(r"(?<![\d/.:-])" + _ORD + r"\s*(?:-|–|to|and|&|or)\s*$", _I)
_RANGE_AFTER_RE = re.compile(
    r"\s*(?:-|–|to|and|&|or)\s*" + _ORD + r"\b(?!\s*(?:am|pm|mg|ml|%|:|/|\.\d|x\b))", _I
)

#: "Sam (15)", "her brother (19)"; "walk daily (3)" in a numbered list is not an age (see find_ages).
BRACKET_AGE_RE = re.compile(r"(?<=[A-Za-z])\s*\((?P<n>\d{1,2})\)")
_AGE_TAIL = (
    r"(?!\s*(?:/|%|mg|ml|pm|am|:|\.\d|out of|percent|min|mins|minutes|hours|hrs|hr|days|weeks|"
    r"wks|months|times|x\b|kg|lbs|st\b|stone|quid|pounds|dollars|p\b|mile|miles|km|metres|units|cigs|"
    r"cigarettes|drinks|sessions|nights|pills|tablets|of|percent|am\b|pm\b|o'clock))"
)
AGE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<n>\d{1,3})\s*[- ]?\s*(?:years?|yrs?|yr)[- ]?olds?\b", _I),
    re.compile(r"\b(?P<n>\d{1,3})[\s-]?(?:yo|y/o|y\.o\.?)(?![\w/])", _I),
    re.compile(
        r"\b(?=[A-Za-z])(?:aged|age|ages|turn|turned|turns|turning|birthday|bday)\s*:?\s*(?P<n>\d{1,3})\b"
        + _AGE_TAIL,
        _I,
    ),
    re.compile(
        r"\b(?=[A-Za-z])(?:she's|he's|they're|shes|hes|she is|he is|they are|i'm|im|i am|is now|was|is|be|who's|whos|"
        r"who is)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|over\s+|about\s+|around\s+)?"
        r"(?P<n>\d{1,2}|1[01]\d)\b(?=\s*(?:,|\.|;|\)|$|\n|"
        r"and\b|but\b|now\b|years\b|yrs\b|so\b|with\b|in\b|who\b|which\b|&))" + _AGE_TAIL,
        _I,
    ),
    BRACKET_AGE_RE,
    # "(Oisín Brady, 19)": a capitalised name and a number in brackets
    re.compile(
        r"\((?:[A-Z\u00C0-\u00DE][\w'’.-]*[ \t]+){0,3}[A-Z\u00C0-\u00DE][\w'’.-]*,[ \t]*(?P<n>\d{1,2})\)"
    ),
    re.compile(r"\b(?P<n>\d{1,3})\s*(?:years?|yrs?)\s+of\s+age\b", _I),
    re.compile(
        r"\b(?:in\s+(?:her|his|their|my|your|our)\s+(?:early\s+|mid[- ]?|late\s+)?)"
        r"(?P<n>[1-9]0['’]?s)\b",
        _I,
    ),
    re.compile(r"[a-z],\s(?P<n>\d{1,2}),\s"),
)
#: Rarer age shapes, each run only when the note holds one of its cue words (time per note).
GATED_AGE_RES: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = (
    (
        re.compile(
            r"\b(?:at\s+the\s+age\s+of|the\s+age\s+of|aged\s+(?:about|around|over))\s+(?P<n>\d{1,3})\b",
            _I,
        ),
        frozenset(split_words("age aged")),
    ),
    # "her grandad, 78." and "Siobhán, 31;": a name or a relation, a comma and a number ending the clause
    (
        re.compile(
            r"(?:\b[A-Z\u00C0-\u00DE][a-z\u00C0-\u024F'’-]+|\b(?:mum|mom|mam|dad|da|nan|nana|gran|granny|"
            r"grandad|grandpa|grandma|brother|sister|son|daughter|aunt|auntie|uncle|cousin|partner|"
            r"boyfriend|girlfriend|husband|wife|friend|stepdad|stepmum)),[ ](?P<n>\d{1,2})(?=[.;]|[ ]*$)"
            + _AGE_TAIL,
            re.MULTILINE,
        ),
        frozenset(),
    ),
    # "a 3-month-old", "her 6 week old": a baby's age
    (
        re.compile(
            r"\b(?P<n>\d{1,2})\s*[- ]?\s*(?:months?|mths?|weeks?|wks?|days?)[- ]olds?\b",
            _I,
        ),
        frozenset(split_words("old olds month-old week-old months-old weeks-old day-old days-old")),
    ),
    # "her son is 18 months", "the baby, 10 weeks,": a baby's age with its unit
    (
        re.compile(
            r"\b(?:son|daughter|baby|babies|child|kid|boy|girl|twins|newborn|toddler|grandson|granddaughter)"
            r"(?:['’]s|\s+is|\s+was|\s+are|\s+were|,)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+)?"
            r"(?P<n>\d{1,2}\s*(?:months?|mths?|weeks?|wks?|days?))\b(?=\s*(?:old\b|[,.;)!?]|$|and\b|now\b))",
            _I,
        ),
        frozenset(
            split_words(
                """son daughter baby babies child kid boy girl twins newborn toddler grandson
                granddaughter"""
            )
        ),
    ),
    # "will be 18 next month", "she'll be 17"
    (
        re.compile(
            r"\b(?:will\s+be|['’]ll\s+be|will\s+turn)\s+(?P<n>\d{1,3})\b" + _AGE_TAIL,
            _I,
        ),
        frozenset(split_words("will she'll he'll they'll i'll you'll")),
    ),
    # "16F presenting with...", "(17M)": age and sex at the start of a line or a bracket
    (
        re.compile(r"(?:^|(?<=[(\[,;:]))[ ]?(?P<n>\d{1,2})[ ]?[MF](?![\w'’])", re.MULTILINE),
        frozenset(split_words("m f")),
    ),
    # "(16, F)", "(M, 17)", "(17M)": age and sex in brackets
    (
        re.compile(
            r"\((?:(?:[MFmf][ ]?,?[ ]?|[A-Z]{2,6}[ ]?,[ ]?)(?P<n>\d{1,2})(?:[ ]?,?[ ]?[MFmf])?"
            r"|(?P<m>\d{1,2})[ ]?,?[ ]?[MFmf])\)"
        ),
        frozenset(),
    ),
    # "Now 20.": a sentence that gives only a new age
    (
        re.compile(r"\bNow[ ](?P<n>\d{1,2})(?=[.;!](?!\d))"),  # not "Now 10.30am"
        frozenset(split_words("now")),
    ),
    # "two kids (4 and 6)", "the twins (7)": every number in brackets after children is an age
    (
        re.compile(
            r"\b(?:kids|children|sons|daughters|boys|girls|twins|siblings|brothers|sisters|grandkids|"
            r"grandchildren)[ ]\((?:\d{1,2}(?:[ ]?,[ ]?|[ ]and[ ]|[ ]?&[ ]?))*(?P<n>\d{1,2})\)",
            _I,
        ),
        frozenset(
            split_words("kids children sons daughters boys girls twins siblings brothers sisters")
        ),
    ),
    (
        re.compile(
            r"\b(?:kids|children|sons|daughters|boys|girls|twins|siblings|brothers|sisters|grandkids|"
            r"grandchildren)[ ]\((?P<n>\d{1,2})(?:[ ]?,[ ]?|[ ]and[ ]|[ ]?&[ ]?)",
            _I,
        ),
        frozenset(
            split_words("kids children sons daughters boys girls twins siblings brothers sisters")
        ),
    ),
    # "she is 92 this year", "he's 17 next month": from 13 (a rating "is 7 this week" stays)
    (
        re.compile(
            r"\b(?=[A-Za-z])(?:she's|he's|shes|hes|she is|he is|who's|who is|is|"
            r"(?:nan|nana|gran|granny|grandad|grandpa|grandma|mum|mom|mam|dad|aunt|auntie|uncle|"
            r"[A-Z][a-z]+)['’]s)\s+(?:only\s+|just\s+|now\s+)?"
            r"(?P<n>1[3-9]|[2-9]\d|1[01]\d)\s+(?=(?:this|next)\s+(?:year|month|week)|today\b|soon\b)",
            _I,
        ),
        frozenset(split_words("this next today soon")),
    ),
    # "a woman of 92", "her grandmother, now 97,", "hit 90.", "his 100th birthday"
    (
        re.compile(
            r"\b(?:woman|man|lady|gentleman|girl|boy|child|person|mother|father)\s+of\s+(?P<n>\d{1,3})\b"
            + _AGE_TAIL,
            _I,
        ),
        frozenset(split_words("woman man lady gentleman girl boy child person mother father")),
    ),
    (
        re.compile(r"[a-z],\s+now\s+(?P<n>\d{1,3}),", _I),
        frozenset(split_words("now")),
    ),
    (
        re.compile(
            r"\b(?:hit|hits|reached|reaches|turning)\s+(?P<n>1[3-9]|[2-9]\d|1[01]\d)\b(?=\s*(?:[.,;!)]|$|this\b|next\b|last\b|in\b))",
            _I,
        ),
        frozenset(split_words("hit hits reached reaches turning")),
    ),
    # "since she was 12", "when he was 14": an age in the past is still an age
    (
        re.compile(r"\b(?P<n>\d{1,3}(?:st|nd|rd|th))\s+(?:birthday|bday|b-day)\b", _I),
        frozenset(split_words("birthday bday b-day")),
    ),
    # "At 16 she left school", "at 15, he": the pronoun after the number says it is an age (from 13:
    # "at 11 she came in" is a time)
    (
        re.compile(
            r"\b(?=[A-Za-z])(?:when|since|until|till|before|after|by the time|from when)\s+(?:she|he|they|i|you|we)\s+"
            r"(?:was|were|turned|had turned|is|got to)\s+(?:only\s+|about\s+|around\s+)?(?P<n>\d{1,2})\b"
            + _AGE_TAIL,
            _I,
        ),
        frozenset(split_words("when since until till before after time")),
    ),
    # "aged 3 and 5", "aged 8, 10 and 13": every number in the list is an age
    (
        re.compile(
            r"\b[Aa]t\s+(?:only\s+|just\s+|age\s+)?(?P<n>1[3-9]|[2-9]\d)\s*,?\s+(?=(?:she|he|they|i|her|his|their)\b)"
        ),
        frozenset(split_words("at")),
    ),
    (
        re.compile(
            r"\bage[ds]\s+\d{1,3}(?:\s*,\s*\d{1,3})*\s*(?:,|and|&)\s*(?P<n>\d{1,3})\b" + _AGE_TAIL,
            _I,
        ),
        frozenset(split_words("aged ages")),
    ),
    (
        re.compile(r"\bage[ds]\s+\d{1,3}\s*,\s*(?P<n>\d{1,3})\b(?=\s*(?:,|and|&))", _I),
        frozenset(split_words("aged ages")),
    ),
    (
        re.compile(r"\bages\s*:?\s*(?P<n>\d{1,3})\b(?=\s*(?:,|and|&|-|–|to))", _I),
        frozenset(split_words("ages")),
    ),
)

_UNITS = split_words("one two three four five six seven eight nine")
_TEENS = split_words(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS = split_words("twenty thirty forty fifty sixty seventy eighty ninety")
NUMBER_WORDS: dict[str, int] = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{w: (i + 2) * 10 for i, w in enumerate(_TENS)},
    **{f"{t}-{u}": (i + 2) * 10 + j + 1 for i, t in enumerate(_TENS) for j, u in enumerate(_UNITS)},
}
_NUMBER_PARTS = frozenset([*_UNITS, *_TEENS, *_TENS])
_DECADE_WORDS = split_words("twenties thirties forties fifties sixties seventies eighties nineties")
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
WORD_AGE_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\b(?:aged|age|turned|turns|turning|she's|he's|they're|she is|he is|is now|will be|'ll be)\s+"
        r"(?P<n>"
        + _NUMBER_WORD
        + r")\b(?!\s*(?:minutes|mins|hours|days|weeks|months|times|of\b|o'clock|pm|am))",
        _I,
    ),
)


_DECADES = {w: (i + 2) * 10 for i, w in enumerate(_DECADE_WORDS)}
#: Words that are an age themselves ("a nonagenarian").
_AGE_NOUNS = {
    "octogenarian": 80,
    "nonagenarian": 90,
    "centenarian": 100,
    "supercentenarian": 110,
    "octogenarians": 80,
    "nonagenarians": 90,
    "centenarians": 100,
}
_OLDER_WORDS = "|".join(
    sorted((w for w, v in NUMBER_WORDS.items() if v >= 13), key=len, reverse=True)
)
_AGE_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
#: Ages written in words that the digit shapes cannot see.
MORE_WORD_AGE_RES: tuple[re.Pattern[str], ...] = (
    # "Gran is ninety-one.", "he was seventeen and": a number word from 13 ending the clause
    re.compile(
        r"\b(?:is|was|she's|he's|who's|now)\s+(?:only\s+|just\s+|now\s+|nearly\s+|almost\s+|over\s+)?"
        r"(?P<n>"
        + _OLDER_WORDS
        + r")\b(?=\s*(?:[,.;)!?]|$|and\b|but\b|now\b|so\b|this\b|next\b|in\b|"
        r"with\b|years\b))",
        _I,
    ),
    # "in her nineties", "in his late eighties"
    re.compile(
        r"\bin\s+(?:her|his|their|my|your|our)\s+(?:early\s+|mid[- ]?|late\s+)?"
        r"(?P<n>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        _I,
    ),
    # "when she was twelve", "since he was fourteen"
    re.compile(
        r"\b(?:when|since|until|till|before|after|from when)\s+(?:she|he|they|i|you|we)\s+"
        r"(?:was|were|turned|had turned|got to)\s+(?:only\s+|about\s+|around\s+)?(?P<n>"
        + _AGE_WORDS
        + r")\b"
        r"(?!\s*(?:minutes|mins|hours|days|weeks|months|times|of\b|o'clock|pm|am))",
        _I,
    ),
)


def number_value(text: str) -> int | None:
    """The number a span says, in digits ("16") or words ("sixteen", "twenty-one")."""
    digits = re.search(r"\d+", text)
    if digits:
        return int(digits.group())
    words = re.findall(r"[a-z]+", text.lower())
    decade = next((_DECADES[w] for w in words if w in _DECADES), None)
    if decade is not None:
        return decade
    for word, value in _AGE_NOUNS.items():
        if word in words:
            return value
    if "hundred" in words:  # "a hundred and two"
        rest = number_value(" ".join(words[words.index("hundred") + 1 :]))
        return 100 + (rest or 0)
    pairs = [f"{a}-{b}" for a, b in itertools.pairwise(words)]
    return next((NUMBER_WORDS[w] for w in [*pairs, *words] if w in NUMBER_WORDS), None)


_YEAR_OLD_RE = re.compile(r"(?<=[a-z])[- ](?:years?|yr)[- ]olds?\b", _I)
_LAST_WORD_RE = re.compile(r"[a-z]+(?:-[a-z]+)?$", _I)


_HOLIDAY_WORDS = frozenset(
    split_words(
        "christmas xmas easter halloween hallowe'en eve bonfire thanksgiving diwali eid hanukkah "
        "boxing stephen remembrance memorial anzac waitangi"
    )
)
_NUMBER_PARTS_OR_DECADES = _NUMBER_PARTS | frozenset(_DECADE_WORDS)
#: Words near which the ages in words are looked for.
_WORD_AGE_GATE = _NUMBER_PARTS_OR_DECADES | frozenset(
    split_words("hundred octogenarian nonagenarian centenarian supercentenarian")
)


def find_word_ages(text: str, tokens: Sequence[Token] | None = None) -> Iterator[Identifier]:
    """Ages written in words; with ``tokens`` each shape is tried only around a number word."""
    for m in finditer(_YEAR_OLD_RE, text):  # "sixteen-year-old": find the unit, then the number
        word = _LAST_WORD_RE.search(text, max(0, m.start() - 16), m.start())
        if word is not None and word.group().lower() in NUMBER_WORDS:
            yield Identifier(word.start(), word.end(), Category.AGE)
    regexes = (*WORD_AGE_RES, *MORE_WORD_AGE_RES, *more_forms.WORD_AGE_RES)
    if tokens is None:
        for regex in regexes:
            for m in regex.finditer(text):
                yield Identifier(m.start("n"), m.end("n"), Category.AGE)
        return
    for t in tokens:
        if _WORD_AGE_GATE.isdisjoint(t.base.split("-")):
            continue  # "mid-seventies" is one token
        a, b = max(0, t.start - 48), min(len(text), t.end + 40)
        spans = [
            m.span("n")
            for regex in regexes
            for m in regex.finditer(text, a, b)
            if m.start("n") < t.end and t.start < m.end("n")
        ]
        if spans:  # the longest: "twenty one" rather than "twenty"
            s, e = max(spans, key=lambda span: span[1] - span[0])
            yield Identifier(s, e, Category.AGE)


_PHONE_SHAPES = (
    r"\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\(?\d{1,5}\)?(?:[\s.-]?\d{2,6}){1,4}(?!\d)",
    r"\(0\d{1,4}\)\s?\d{3,4}[\s.-]?\d{3,4}",
    r"(?<!\d)(?<!\d[.-])0\d{2,4}[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?!\d|[.-]\d)",
    r"(?<!\d)(?<!\d[.-])0\d{9,10}(?!\d|[.-]\d)",
    r"(?<!\d)(?<!\d[.-])0\d{4,5}[\s.-]\d{5,6}(?!\d|[.-]\d)",
    r"(?:(?<!\d)(?<!\d[.-])1[\s.-])?(?:\(\d{3}\)\s?|(?<!\d)(?<!\d[.-])\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\d|[.-]\d)",
    r"(?<!\d)(?<!\d[.-])[2-9]\d{9}(?!\d|[.-]\d)",
    r"(?<!\d)00\d{1,3}[\s.-]?(?:\(0\)\s?)?\d{2,5}(?:[\s.-]?\d{2,6}){1,4}(?!\d)",
)
PHONE_RE = re.compile("|".join(f"(?:{s})" for s in _PHONE_SHAPES))
PHONE_CUE_RE = re.compile(
    r"(?:phone|mobile|mob|tel|call|text|ring|cell|number|whatsapp|contact|landline|no\.)\W{0,3}(?:\w+\W+){0,2}$",
    _I,
)
NHS_CUE_RE = re.compile(r"nhs(?:\s*(?:no|number|num|#))?\W{0,4}$", _I)


#: National helplines (digits only): public services, kept so the note still says whom to call.
HELPLINE_NUMBERS = frozenset(
    split_words(
        """116123 08001111 85258 741741 08000684141 0800585858 03001233393 08088084994 03005000927
        08082000247 03001236600 08088025544 08081689111 08000121030 18002738255 08001116 0800111
        08000832121 08088010677 03001020405 08457909090 08457909192 08088088000 0800132737
        0800838587 08088023456 1800247247 1800666666 116111 131114 1300224636 1800551800
        08088005000 09175584673 09188734673 0288044673 09663514518 09086392672 1553"""
    )
)


def is_service_number(number: str) -> bool:
    """Freephone and non-geographic numbers belong to services, never to a person: UK 0800, 0808,
    0500 and 03 (eleven digits), US and Canadian toll-free (800, 833 ... 888), Australian 1800,
    1300 and 13 xx xx, Irish 1800/1850/1890, New Zealand 0800/0508, South African 0800/086x."""
    d = re.sub(r"\D", "", number)
    if d.startswith("44"):
        d = "0" + d[2:]
    if d.startswith(("0800", "0808", "0500", "0508", "0860", "0861")) and 9 <= len(d) <= 11:
        return True
    if d.startswith("03") and len(d) == 11:
        return True
    if len(d) == 11 and d.startswith("1"):
        d = d[1:]
    if len(d) == 10 and d[:3] in ("800", "833", "844", "855", "866", "877", "888"):
        return True
    if d.startswith(("1800", "1300", "1850", "1890", "0818")) and len(d) == 10:
        return True
    if len(d) == 9 and d.startswith("800"):
        return True  # Poland's freephone ("800 70 2222")
    return len(d) == 6 and d.startswith(("13", "116"))  # "13 11 14"; Europe's 116 numbers


#: A helpline named with its number: the name and the number both stay ("Kids Help Phone
#: 1-800-668-6868", "Oxleas crisis line 0800 330 8590", "Mobile Crisis Team 513-584-5098").
HELPLINE_RE = re.compile(
    r"(?:\b(?:[A-Z][\w&'’-]*[ \t]+(?:(?:and|&|of|for)[ \t]+)?){0,4})?"
    r"(?:[Cc]risis[ \t]+(?:[Ll]ine|[Ss]ervices?|[Cc]ent(?:re|er)|[Tt]eam|[Tt]ext[ \t]+[Ll]ine)|[Hh]elp[ \t]?[Ll]ine|"
    r"[Hh]otline|[Ll]ifeline|[Yy]outhline|[Hh]opeline|[Dd]rinkline|[Hh]elp[ \t]+[Pp]hone|[Aa]ccess[ \t]+[Ll]ine|"
    r"[Dd]istress[ \t]+(?:[Ll]ine|[Cc]ent(?:re|er))|[Mm]ental[ \t]+[Hh]ealth[ \t]+[Ll]ine|"
    r"[Aa]fter[- ]hours[ \t]+[Ll]ine|[Ee]mergency[ \t]+[Ll]ine|"
    r"[Ss]upport[ \t]+[Ll]ine|[Aa]dvice[ \t]+[Ll]ine|[Tt]ext[ \t]?[Ll]ine|[Ww]arm[ \t]?[Ll]ine|[Ii]nfo[ \t]?[Ll]ine)\b"
    r"(?:[ \t]*(?:no\.?|number|on|:|-|–)?[ \t]*\(?\+?\d[\d \t().-]{4,16}\d\)?)?"
    # "0917 899 8727 (Hopeline)": the number before its name in brackets
    r"|\+?\d[\d \t().-]{4,16}\d[ \t]*\((?:[A-Z][\w'’-]*[ \t]+){0,3}(?:[Hh]elp[ \t]?[Ll]ine|[Hh]otline|"
    r"[Ll]ifeline|[Hh]opeline|[Cc]risis[ \t]+[Ll]ine)\)"
)


def nhs_checksum_ok(digits: str) -> bool:
    """NHS numbers end in a mod-11 check digit over the first nine (weights 10..2)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _phone_possible(candidate: str) -> bool:
    import phonenumbers

    digits = re.sub(r"\D", "", candidate)
    if not 7 <= len(digits) <= 15:
        return False
    regions = ("GB", "US") if not candidate.startswith("+") else ("GB",)
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            return True
    return False


Window = tuple[int, int]
_DIGIT_RUN_RE = re.compile(r"\d+")
_WINDOW_MARGIN = 48


def digit_windows(text: str) -> list[Window]:
    r"""Stretches of text around digits: every numeric shape lies inside one, so only they are scanned.

    Windows that touch are merged, so a window never ends inside a run of digits (``endpos``
    hides what follows, which would otherwise fool a ``(?!\d)``).
    """
    windows: list[Window] = []
    for m in _DIGIT_RUN_RE.finditer(text):
        a, b = (
            max(0, m.start() - _WINDOW_MARGIN),
            min(len(text), m.end() + _WINDOW_MARGIN),
        )
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


_PHONEISH_RE = re.compile(r"[\d(+][\d\s().+-]{6,}\d")


def _merge(windows: list[Window]) -> list[Window]:
    merged: list[Window] = []
    for a, b in windows:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _near(
    regex: re.Pattern[str], text: str, windows: list[Window] | None
) -> Iterator[re.Match[str]]:
    """``regex.finditer`` over the text or each window, skipping those the pattern's literal
    strings show it cannot match (``prefilter``: the same matches, fewer scans). One window,
    or the whole text, is its ``finditer`` itself: no generator in between."""
    if windows is None:
        return finditer(regex, text)
    if len(windows) == 1:
        return finditer(regex, text, *windows[0])
    if not may_match(regex, text):
        return iter(())  # what no window of the note can hold: one check instead of one a window
    return itertools.chain.from_iterable([finditer(regex, text, a, b) for a, b in windows])


def _spans(
    text: str,
    regex: re.Pattern[str],
    cat: Category,
    group: str | int = 0,
    windows: list[Window] | None = None,
) -> Iterator[Identifier]:
    for m in _near(regex, text, windows):
        start, end = m.span(group)
        if end > start:
            yield Identifier(start, end, cat)


_URL_HINT_RE = re.compile(
    r"www\.|://|\.(?:com|org|net|io|uk|me|ly|info|biz|us|tv|gg|app|edu|gov|page|site|link|ie|pl|in|ng)\b",
    _I,
)
_DIGIT_RE = re.compile(r"\d")
_TLD_HINTS = tuple(f".{t}" for t in re.findall(r"[a-z]+(?=\||\))", _TLD))
#: Any of ``_TLD_HINTS`` as a substring: one search in place of a ``str.find`` per hint.
_TLD_HINTS_RE = re.compile("|".join(re.escape(t) for t in _TLD_HINTS))
_REF_WORDS = (
    frozenset(
        split_words("""case ref reference record file client patient hospital school student pupil nhs mrn crn urn
    upn uln id member account referral claim chi medical badge licence license passport driving
    registration reg plate order booking policy ticket tracking pps ppsn aadhaar aadhar pesel nin
    bvn hcn ihi tenancy employee staff payroll candidate exam roll health crime police incident cad
    sort iban medicare medicaid sin social docket library mpi ehr emis systmone liquidlogic
    carefirst nhi parole prisoner prison benefit ucas ehcp plan claimant housing council tenant visa
    office immigration uun matric matriculation medi-cal medical health cas rio mosaic card oyster uci
    ird phn tfn tax sort h hc bsn cpr cnic nic nid
    pas hosp member client participant""")
    )
    | more_forms.REF_FIRST_WORDS
)
_SSN_HINT_RE = re.compile(r"\d\d\d[- ]\d\d[- ]\d\d\d\d")
_NI_WORDS = frozenset(split_words("ni nino national n.i"))
_SSN_WORDS = frozenset(split_words("ssn social"))
#: Words that name a platform or a kind of account: never a handle or a person themselves.
PLATFORM_WORDS = (
    frozenset(
        split_words("""insta instagram ig snap snapchat tiktok twitter discord twitch psn fb facebook reddit
    youtube yt threads bluesky telegram xbox steam roblox fortnite minecraft kik bereal pinterest
    tumblr soundcloud spotify github mastodon linkedin onlyfans vsco wattpad yubo whatsapp handle
    username gamertag account profile""")
    )
    | more_forms.MORE_PLATFORM_WORDS
)
_HANDLE_WORDS = PLATFORM_WORDS | frozenset(split_words("tik tok user gamer in-game ign"))
#: Words that may begin a platform's name before a handle (where ``HANDLE_CONTEXT_RE`` is tried).
_HANDLE_FIRST_WORDS = _HANDLE_WORDS | frozenset(split_words("be x epic xbox battle battle.net"))
#: "X" as a platform ("her X is", "on X"), not a multiplication sign or an unknown.
_X_PLATFORM_RE = re.compile(
    r"(?:\b(?:on|her|his|their|my|your|the)[ \t]+X\b)|\bX[ \t]*(?::|is\b|handle|account)"
)
#: Words after a platform that are not a handle ("on snap is where...", "her X is the problem").
_NOT_HANDLES = frozenset(
    split_words("""the a an and but or her his their my your our him them me it this that there where
    what who when how not now down up out off too also again still just only really very for with
    from about back more less much been being have has had private public blocked deleted new old""")
)


def find_emails_urls_handles(
    text: str, *, handle_hint: bool = True, handle_starts: list[int] | None = None
) -> Iterator[Identifier]:
    if "@" in text:
        yield from _spans(text, EMAIL_RE, Category.EMAIL)
        yield from _spans(text, HANDLE_RE, Category.HANDLE)
    if "u/" in text:
        yield from _spans(text, REDDIT_USER_RE, Category.HANDLE)
    if handle_hint:
        yield from _handles_after_platforms(text, handle_starts)
    yield from _urls(text)


def _handles_after_platforms(text: str, starts: list[int] | None = None) -> Iterator[Identifier]:
    """Handles named by their platform, with or without @: "insta: sam_b09", "her X is sammyb_",
    "added sammyb on snap", "Discord (kai#2219)". ``starts`` are the positions of the words that
    may begin a platform's name (the pattern is tried only there, not at every position)."""
    yield from _spans(text, HANDLE_BEFORE_RE, Category.HANDLE, "h")
    contexts = (
        finditer(HANDLE_CONTEXT_RE, text)
        if starts is None
        else (m for p in starts if (m := HANDLE_CONTEXT_RE.match(text, p)) is not None)
    )
    far = (
        finditer(HANDLE_BRACKET_FAR_RE, text)
        if starts is None
        else (m for p in starts if (m := HANDLE_BRACKET_FAR_RE.match(text, p)) is not None)
    )
    for m in far:
        if m.group("h").lower().lstrip("@") not in more_forms.NOT_BRACKET_HANDLES:
            yield Identifier(m.start("h"), m.end("h"), Category.HANDLE)
    for m in contexts:
        handle = m.group("h").rstrip(".")
        if handle.lower() in PLATFORM_WORDS or handle.lower() in _NOT_HANDLES:
            continue  # "Xbox gamertag: ...": the account word is not the handle
        explicit = m.group("mark") is not None or m.group("q") is not None or handle.startswith("@")
        if explicit or re.search(r"[\d_.]", handle):
            yield Identifier(m.start("h"), m.start("h") + len(handle), Category.HANDLE)
    # the bracket shape needs its "(": most notes have none, and its scan is one of the slowest
    for regex in (HANDLE_BRACKET_RE, HANDLE_ADDED_RE) if "(" in text else (HANDLE_ADDED_RE,):
        for m in finditer(regex, text):
            if m.group("h").lower() not in _NOT_HANDLES | PLATFORM_WORDS:
                yield Identifier(m.start("h"), m.end("h"), Category.HANDLE)


def _urls(text: str) -> Iterator[Identifier]:
    lower = text.lower()
    if "www." not in lower and "://" not in text and _TLD_HINTS_RE.search(lower) is None:
        return
    for m in finditer(URL_RE, text):
        url = m.group().rstrip(".,;:!?")
        host = url.lower().split("//")[-1].split("/")[0]
        if any(host == d or host.endswith("." + d) for d in PUBLIC_DOMAINS) and not any(
            host.endswith("." + d) and host.removeprefix("www.") != d for d in LOCAL_PUBLIC_DOMAINS
        ):
            continue  # nhs.uk, gov.uk stay; westminster.gov.uk names a place
        if (
            "@" in text[max(0, m.start() - 1) : m.start()]
            or "@" in url.split("//")[-1].split("/")[0]
        ):
            continue  # an e-mail's domain; "youtube.com/@sam" is a link
        yield Identifier(m.start(), m.start() + len(url), Category.URL)


def find_numbers(
    text: str,
    w: list[Window] | None = None,
    *,
    ref_hint: bool = True,
    ni_hint: bool = True,
    ssn_hint: bool = True,
    ref_starts: list[int] | None = None,
    phone_hint: bool = True,
) -> Iterator[Identifier]:
    """ID numbers and phones; an NHS-valid ten digits is a phone unless the context says NHS."""
    for m in _near(NI_RE, text, w):
        if m.group(1).upper() not in NI_BAD_PREFIXES and (
            m.group().isupper() or m.group().islower()
        ):
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
    if ni_hint:
        yield from _spans(text, NI_CUE_RE, Category.ID_NUMBER, "ni", w)
    if search(_SSN_HINT_RE, text):
        yield from _ssns(text, w)
    if ssn_hint:
        yield from _spans(text, SSN_BARE_RE, Category.ID_NUMBER, 1, w)
        yield from _spans(text, SSN_MASKED_RE, Category.ID_NUMBER, 0, w)
    for m in _near(NHS_RE, text, w):
        digits = "".join(m.groups())
        before = text[max(0, m.start() - 25) : m.start()]
        if NHS_CUE_RE.search(before) or (
            nhs_checksum_ok(digits)
            and not PHONE_CUE_RE.search(before)
            and "-" not in m.group()
            and (m.group()[3] == " " or m.group().isdigit())
            and m.group()[0] != "0"
        ):
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
    if ref_hint:
        yield from _references(text, w, ref_starts)
    yield from _codes(text, w)
    yield from _more_ids(text, w)
    yield from _spans(text, VEHICLE_RE, Category.ID_NUMBER, 0, w)
    for m in _near(IP_RE, text, w):
        if all(0 <= int(p) <= 255 for p in m.group().split(".")):
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
    yield from find_phones(text)
    if phone_hint:
        yield from _cued_phones(text, w)


def _ssns(text: str, w: list[Window] | None) -> Iterator[Identifier]:
    """Social security numbers, unless a service's freephone ("800 70 2222", Poland)."""
    for m in _near(SSN_RE, text, w):
        if not is_service_number(m.group()):
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)


def _codes(text: str, w: list[Window] | None) -> Iterator[Identifier]:
    """Letters and digits shaped like a reference ("CR-53024"), unless a course or billing code."""
    for m in _near(CODE_RE, text, w):
        if not more_forms.not_a_reference(text, m.start(), m.end()):
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)


def _references(
    text: str, w: list[Window] | None, starts: list[int] | None = None
) -> Iterator[Identifier]:
    """Case, record, claim and policy numbers after the word that names them; ``starts`` are the
    positions of words that may begin a keyword (the pattern is tried only there)."""
    matches = (
        _near(REF_RE, text, w)
        if starts is None
        else (m for p in starts if (m := REF_RE.match(text, p)) is not None)
    )
    for m in matches:
        ref = m.group("ref")
        if (
            " " in ref
            and not any(c.isdigit() for c in ref.split(" ", 1)[0])
            and not ref[:4].isupper()
        ):
            continue  # "for 12345": a grouped reference starts with digits or a code ("CAD 1234")
        digits = sum(c.isdigit() for c in ref)
        if _BILLING_CODE_RE.fullmatch(ref) and m.group().lower().startswith(
            ("medicaid", "medicare")
        ):
            continue  # "Ohio Medicaid H0038": the service's billing code, not the member's number
        if digits < 8 and m.group().lower().startswith("nhs"):
            continue  # "NHS 24 111", "NHS 111": services; an NHS number has ten digits
        mixed = digits >= 2 and sum(c.isalpha() for c in ref) >= 2 and len(ref) >= 5  # "AB12CD"
        if (digits >= 3 or mixed) and not re.fullmatch(r"(?:19|20)\d{2}", ref):
            yield Identifier(m.start("ref"), m.end("ref"), Category.ID_NUMBER)


_BILLING_CODE_RE = re.compile(r"[A-Z]\d{4}")
_EXTENSION_RE = re.compile(r"\s*(?:x|ext\.?|extn\.?|extension)\s*\d{1,6}\b", _I)


def _more_ids(text: str, w: list[Window] | None) -> Iterator[Identifier]:
    """PPS numbers, and any long run of digits no other shape claimed."""
    yield from _spans(text, PPSN_RE, Category.ID_NUMBER, 0, w)
    for m in _near(IBAN_RE, text, w):
        if sum(c.isdigit() for c in m.group()) >= 8:
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)
    for m in _near(LONG_DIGITS_RE, text, w):
        if re.fullmatch(r"(?:19|20)\d{6}", m.group()):
            continue
        if not _phone_possible(m.group()) or (
            len(m.group()) <= 9
            and _ID_WORD_BEFORE_RE.search(text, max(0, m.start() - 32), m.start())
        ):
            yield Identifier(m.start(), m.end(), Category.ID_NUMBER)


#: "Member ID (MO HealthNet): 10928375", "RiO: 10448271": an ID word shortly before eight or nine
#: digits makes them a reference rather than a phone number.
_ID_WORD_BEFORE_RE = re.compile(
    r"\b(?:id|no|number|ref|reference|record|rio|mrn|member|client|patient|case|account|student|"
    r"matric|uun|nhs|chi|hospital|claim|policy)\b[^\n\d]{0,24}$",
    _I,
)


#: A number in groups after a phone word, in any country's grouping ("Phone: 0676 233 41 12",
#: "call me at 041 907 63 78", "messages to 679 738 973"): eight to thirteen digits.
PHONE_CUED_RE = re.compile(
    r"\b(?:phone|mobile|mob|tel|cell|landline|whatsapp|(?:call|ring|text)(?:[ \t]+(?:me|her|him|them|us))?"
    r"[ \t]+(?:at|on)|messages?[ \t]+to)\b[ \t]*(?:no\.?|number)?[ \t]*[:.-]?\s*"
    r"(?P<p>\+?\(?\d[\d \t()-]{6,18}\d)(?![\d/.:])",
    _I,
)
_PHONE_CUE_WORDS = frozenset(
    split_words("phone mobile mob tel cell landline whatsapp call ring text message messages")
)


def _cued_phones(text: str, w: list[Window] | None) -> Iterator[Identifier]:
    for m in _near(PHONE_CUED_RE, text, w):
        digits = re.sub(r"\D", "", m.group("p"))
        if 8 <= len(digits) <= 13 and digits not in HELPLINE_NUMBERS:
            yield Identifier(m.start("p"), m.end("p"), Category.PHONE)


def find_phones(text: str) -> Iterator[Identifier]:
    """Phone shapes, only around runs of 7+ digits, checked with ``phonenumbers``; helplines stay."""
    runs = [(max(0, r.start() - 4), min(len(text), r.end() + 2)) for r in finditer(_PHONEISH_RE, text)
            if sum(c.isdigit() for c in r.group()) >= 7]  # fmt: skip
    for m in _near(PHONE_RE, text, _merge(runs)):
        candidate = m.group().strip()
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        if re.sub(r"\D", "", candidate) not in HELPLINE_NUMBERS and _phone_possible(candidate):
            ext = _EXTENSION_RE.match(text, start + len(candidate))
            yield Identifier(start, ext.end() if ext else start + len(candidate), Category.PHONE)


def _postcodes(text: str, w: list[Window] | None) -> Iterator[Identifier]:
    """UK postcodes and outward codes, Eircodes, Canadian and Australian postcodes."""
    for m in _near(POSTCODE_RE, text, w):
        area = m.group(1).upper()
        inward = m.group(3)
        if area not in POSTCODE_AREAS or (
            inward[1:].lower() in {"st", "nd", "rd", "th"} and not m.group().isupper()
        ):
            continue
        if not (m.group().isupper() or m.group().islower()):
            continue
        yield Identifier(m.start(), m.end(), Category.POSTCODE)
    for m in _near(EIRCODE_RE, text, w):
        if any(c.isalpha() for c in m.group()[3:]) and m.group().isupper():
            yield Identifier(m.start(), m.end(), Category.POSTCODE)
    area = " area" in text or "postcode" in text or "district" in text
    for regex in (OUTWARD_RE, OUTWARD_AREA_RE) if area else (OUTWARD_RE,):
        for m in _near(regex, text, w):
            if m.group(1) in POSTCODE_AREAS:
                yield Identifier(m.start(1), m.end(2), Category.POSTCODE)
    yield from _spans(text, PIN_RE, Category.POSTCODE, "p", w)
    if "zip" in text.lower() or "post" in text.lower():
        yield from _spans(text, POSTAL_WORD_RE, Category.POSTCODE, "p", w)
    yield from _spans(text, PL_POSTCODE_RE, Category.POSTCODE, "p", w)
    yield from _spans(text, CA_POSTAL_RE, Category.POSTCODE, 0, w)  # a shape nothing else has
    if search(_CA_AU_HINT_RE, text):  # a state first: saves time
        yield from _spans(text, AU_POSTCODE_RE, Category.POSTCODE, "p", w)


def find_places_by_shape(
    text: str, w: list[Window] | None = None, *, street_hint: bool = True
) -> Iterator[Identifier]:
    yield from _postcodes(text, w)
    for m in finditer(_FIVE_DIGITS_RE, text):
        a = max(0, m.start() - 40)
        for regex in (ZIP_RE, ZIP_WORD_RE, ZIP_LOWER_RE):
            z = regex.search(text, a, m.end())
            if z is not None and z.start("zip") == m.start():
                yield Identifier(m.start(), m.end(), Category.ZIP)
                break
        else:
            if ZIP_BEFORE_WORD_RE.match(text, m.start()):
                yield Identifier(m.start(), m.end(), Category.ZIP)
    yield from _spans(text, ADDRESS_NUM_RE, Category.ADDRESS, 0, w)
    yield from _spans(text, ADDRESS_LOWER_RE, Category.ADDRESS, 0, w)
    yield from _spans(text, APT_RE, Category.ADDRESS, 0, w)
    if street_hint:
        yield from _spans(text, ADDRESS_NAMED_RE, Category.ADDRESS)
        yield from _spans(text, ADDRESS_LOWER_NAMED_RE, Category.ADDRESS, "a")
        yield from _spans(text, ADDRESS_CUE_NAMED_RE, Category.ADDRESS, "a")


_MONTH_DATE_RES = frozenset(r for r in DATE_RES if "jan(?:uary)?" in r.pattern)


_LOWER_MAY_VERB_RE = re.compile(r"^\d{1,2}[ \t]+may$")
_LOWER_WORD_AFTER_RE = re.compile(r"[ \t]+[a-z]")
_RATING_RANGE_RE = re.compile(r"(\d{1,2})-(\d{1,2})/(?:5|10|100)")


def find_dates(
    text: str, w: list[Window] | None = None, *, has_month: bool = True
) -> Iterator[Identifier]:
    """Dates in every written form, each widened over a time written beside it."""
    timed = any(c in text for c in ":m@ht")  # "14:30", "2pm", "noon", "@ 1400", "1400hrs"
    for found in _dates(text, w, has_month=has_month):
        if _RATING_RANGE_RE.fullmatch(text, found.start, found.end):
            continue  # "Mood 3-4/10": a range of a rating, not the 3rd of April 2010
        ident = _with_weekday(text, found)
        weekday_after = more_forms.WEEKDAY_AFTER_RE.match(text, ident.end)
        if weekday_after is not None:  # "12/3/2026 (Thursday)"
            ident = Identifier(ident.start, weekday_after.end(), ident.category)
        if _next_appointment(text, ident):
            continue
        yield _with_time(text, ident) if timed else ident
    for y in _near(
        _YEAR_RE, text, w
    ):  # each year, then its cue just before it (faster than a scan)
        for regex in (
            BIRTH_YEAR_RE,
            YEAR_EVENT_RE,
            more_forms.YEAR_LIFE_RE,
            more_forms.YEAR_AFTER_PREPOSITION_RE,
        ):
            m = regex.search(text, max(0, y.start() - 40), min(len(text), y.end() + 12))
            if m is not None and m.end("d") == y.end():
                yield Identifier(m.start("d"), y.end(), Category.DATE)
                break


def find_holidays(text: str) -> Iterator[Identifier]:
    for m in finditer(HOLIDAY_RE, text):
        g = "s" if m.group("s") else "y"
        yield Identifier(m.start(g), m.end(g), Category.DATE)
    for m in finditer(ON_HOLIDAY_RE, text):
        yield Identifier(m.start("h"), m.end("h"), Category.DATE)


_MAY_CUES = ("since", "until", "till", "from", "in", "by", "during", "before", "after")
#: "off sick since may": after a preposition of time a lower-case may is the month, unless a
#: verb follows ("since may be", "in may have").
_LOWER_MAY_RE = re.compile(
    r"\b(?:since|until|till|from|in|by|during|before|after)[ \t]+(?P<d>may)\b(?![-'’])", _I
)
_MODAL_AFTER_RE = re.compile(
    r"[ \t]+(?:be|have|not|need|want|get|go|come|help|well|also|still|never|just|feel|find|take)\b",
    _I,
)
#: "start of Oct", "end of March": the part of the month belongs to the date.
_PART_OF_RE = re.compile(r"\b(?:start|end|beginning|middle)[ \t]+of[ \t]+$", _I)


def find_months_alone(text: str) -> Iterator[Identifier]:
    """ "in August", "since early November", "due March": a month named after a cue (no digits needed)."""
    if " may" in text and any(f"{w} may" in text for w in _MAY_CUES):
        for m in finditer(_LOWER_MAY_RE, text):
            if _MODAL_AFTER_RE.match(text, m.end("d")) is None:
                yield Identifier(m.start("d"), m.end("d"), Category.DATE)
    for m in finditer(MONTH_ALONE_RE, text):
        if m.group("m")[:3].lower() != "may" or m.group("m")[0] == "M":
            start = m.start("d")
            part = _PART_OF_RE.search(text, max(0, start - 16), start)
            yield Identifier(part.start() if part else start, m.end("d"), Category.DATE)


#: A weekday written against a date is part of it ("Tues 1 Dec 2026", "Thursday the 4th").
_WEEKDAY_BEFORE_RE = re.compile(
    r"(?:\b(?:mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|"
    r"saturday|sun|sunday)\.?,?[ \t]+(?:the[ \t]+)?|\bthe[ \t]+|\b(?:early|mid|late)[- ]?)$",
    _I,
)
#: "Next: 12/9", "Next session Monday 7th", "follow up Thursday 12/3": a coming appointment with no
#: month or year written is planning, not an identifying date (mentors keep it in the summary).
_NEXT_BEFORE_RE = re.compile(
    r"\bnext\b(?:[ \t]*(?:session|contact|visit|meeting|appt|appointment|call|review|check[- ]?in|one|"
    r"time))?[ \t]*[:,-]?[ \t]*(?:on[ \t]+)?$",
    _I,
)
_HAS_MONTH_OR_YEAR_RE = re.compile(
    r"[A-Za-z]{3,}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\b(?:19|20)\d{2}\b"
)


def _with_weekday(text: str, ident: Identifier) -> Identifier:
    before = _WEEKDAY_BEFORE_RE.search(text, max(0, ident.start - 14), ident.start)
    if before is None:
        return ident
    lead = before.group().lower()
    if text[ident.start : ident.start + 4].lower() == "the " and (
        lead.startswith("the") or lead.endswith("the ")
    ):
        return ident  # no "the the"; a weekday alone may lead "the 3rd of December"
    if (lead.startswith("the") and not text[ident.start].isdigit()) or (
        lead.startswith(("early", "mid", "late")) and not text[ident.start].isalpha()
    ):
        return ident  # "the" only before a day number; "early"/"mid"/"late" only before a month
    return Identifier(before.start(), ident.end, ident.category)


#: The weekday or "the" written before a date, anywhere in it (removed before the checks below).
_WEEKDAY_ANYWHERE_RE = re.compile(_WEEKDAY_BEFORE_RE.pattern.removesuffix("$"), _I)
_DAY_OF_MONTH_ALONE_RE = re.compile(r"\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s*", _I)


def _next_appointment(text: str, ident: Identifier) -> bool:
    surface = _WEEKDAY_ANYWHERE_RE.sub("", text[ident.start : ident.end])
    if (
        _HAS_MONTH_OR_YEAR_RE.search(surface.replace("the ", ""))
        and _DAY_OF_MONTH_ALONE_RE.fullmatch(surface) is None
    ):
        return False
    return _NEXT_BEFORE_RE.search(text, max(0, ident.start - 40), ident.start) is not None


def _with_time(text: str, ident: Identifier) -> Identifier:
    start, end = ident.start, ident.end
    after = TIME_AFTER_RE.match(text, end) or more_forms.TIME_AFTER_RE.match(text, end)
    if after is not None:
        end = after.end()
    before = TIME_BEFORE_RE.search(text, max(0, start - 24), start)
    if before is not None:
        start = before.start()
    return (
        ident
        if (start, end) == (ident.start, ident.end)
        else Identifier(start, end, ident.category)
    )


def _dates(
    text: str, w: list[Window] | None = None, *, has_month: bool = True
) -> Iterator[Identifier]:
    regexes = DATE_RES if has_month else tuple(r for r in DATE_RES if r not in _MONTH_DATE_RES)
    for regex in regexes:
        for m in _near(regex, text, w):
            g = "d" if "d" in regex.groupindex else 0
            s = m.group(g)
            if s[:3].lower() == "may" and not (
                s[0] == "M" or re.search(r"\d(?:st|nd|rd|th)|\d{4}", s)
            ):
                continue
            if _LOWER_MAY_VERB_RE.search(s) and _LOWER_WORD_AFTER_RE.match(text, m.end(g)):
                continue  # "section 21 may be invalid": the verb, not the month
            start, end = m.start(g), m.start(g) + len(s.rstrip(".,"))
            if regex in _MONTH_DATE_RES:
                start, end = _widen_to_range(text, s, start, end)
            yield Identifier(start, end, Category.DATE)
    yield from _days_without_month(text, w)


def _widen_to_range(text: str, s: str, start: int, end: int) -> tuple[int, int]:
    """ "15th-17th March", "March 3rd to 5th": the date covers the other day too."""
    if s[:1].isdigit() or s[:4].lower() == "the ":
        before = _RANGE_BEFORE_RE.search(text, max(0, start - 14), start)
        return (before.start() if before else start), end
    after = _RANGE_AFTER_RE.match(text, end)
    return start, (after.end() if after else end)


def _days_without_month(text: str, w: list[Window] | None) -> Iterator[Identifier]:
    """Days written without a month word: bare ordinals, day/month, US month/day, day.month."""
    for m in _near(BARE_ORDINAL_RE, text, w):
        if not _RANK_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
            yield _day_range(text, m)
    ordinal, ordinal_cue = CUED_DATES[1]
    for m in _near(ordinal, text, w):
        if ordinal_cue.search(text, max(0, m.start() - 16), m.start()):
            yield _day_range(text, m)
    # One pass finds every "a/b" and "a.b"; which of the three shapes it is decides the rule.
    for m in _near(_NUMBER_PAIR_RE, text, w):
        if _is_day_without_month(text, m):
            yield Identifier(m.start(), m.end(), Category.DATE)


def _day_range(text: str, m: re.Match[str]) -> Identifier:
    """ "on the 12th-14th": a day found alone covers the other day of its range."""
    after = _RANGE_AFTER_RE.match(text, m.end())
    if after is not None and re.search(r"(?:st|nd|rd|th)$", after.group(), _I):
        return Identifier(m.start(), after.end(), Category.DATE)
    return Identifier(m.start(), m.end(), Category.DATE)


_STRONG_DATE_CUE_RE = re.compile(r"\b(?:on|dated|date:?|w/c)\s+$", _I)
_NUMBER_PAIR_RE = re.compile(r"(?<![\d/.])(\d{1,2})([/.])(\d{1,2})(?![\d/]|\.\d)")


def _fraction_or_dose(text: str, start: int, a: int, b: int) -> bool:
    """ "a 3 1/2 in Mile End", "2 1/4 miles": a fraction after a whole number; "Suboxone 8/2":
    a combined dose (mg/mg) after a medication, not the 8th of February."""
    if a < b <= 4 and re.search(r"\d[ \t]$", text[max(0, start - 2) : start]):
        return True
    before = previous_words(text, start, 1)
    return bool(before) and before[-1] in MEDICATIONS


def _is_day_without_month(text: str, m: re.Match[str]) -> bool:
    if not _day_without_month_shape(text, m):
        return False
    drug = previous_words(text, m.start(), 1)  # asked last: most number pairs are no date
    return not (drug and drug[0] in MEDICATIONS)  # "Suboxone 8/2", "co-codamol 30/500": a dose


def _day_without_month_shape(text: str, m: re.Match[str]) -> bool:
    a, b = int(m.group(1)), int(m.group(3))
    if m.group(2) == ".":  # "Fri 14.3": only after its cue, never before a unit
        shape, cue = CUED_DATES[2]
        return (
            1 <= a <= 31
            and 1 <= b <= 12
            and shape.fullmatch(m.group()) is not None
            and shape.match(text, m.start()) is not None
            and cue.search(text, max(0, m.start() - 16), m.start()) is not None
        )
    if text[m.start() - 1 : m.start()] == "." or _fraction_or_dose(text, m.start(), a, b):
        return False
    if 1 <= a <= 31 and 1 <= b <= 12:  # day/month: a date after its cue or unless a score
        if (
            b == 10
            and a <= 10
            and not _STRONG_DATE_CUE_RE.search(text, max(0, m.start() - 12), m.start())
        ):
            return (
                False  # "up from 4/10": out of ten is a rating unless "on"/"dated" says otherwise
            )
        cue = CUED_DATES[0][1]
        return bool(cue.search(text, max(0, m.start() - 16), m.start())) or not _looks_like_score(
            text, m
        )
    return 1 <= a <= 12 and 13 <= b <= 31 and not _looks_like_score(text, m)  # US month/day


_SCORE_CONTEXT = frozenset(
    split_words("""rated rate rates rating scored score scores mood anxiety out sleep pain energy
    confidence motivation stress level levels felt feel feeling feels about around mark marks
    got gets get worry worries urge urges craving cravings self-esteem happiness wellbeing""")
)


def _looks_like_score(text: str, m: re.Match[str]) -> bool:
    """ "8/10", "mood 4/10", "3/5": a rating, not the 8th of October (a date needs a cue then)."""
    first, second = (int(x) for x in m.group().split("/"))
    if (second in (5, 10) and first <= second) or (first, second) == (24, 7):
        return True  # a rating; "24/7" is round the clock
    before = previous_words(text, m.start(), 3)
    if (
        (second == 7 and first < 7)
        or (second == 52 and first < 52)
        or (
            second == 12
            and first < 12
            and before[-1:] in (["for"], ["x"], ["over"], ["past"], ["last"], ["next"], ["in"])
        )
    ):
        return True  # clinical shorthand for days, weeks, months: "for 3/7", "2/52", "past 6/12"
    return (
        any(b in _SCORE_CONTEXT for b in before)
        or text[m.end() : m.end() + 1] in ("%", "/")
        or before[-1:] in (["week"], ["wk"], ["attended"], ["step"], ["module"], ["day"])
        or _COUNTED_AFTER_RE.match(text, m.end()) is not None
    )


#: "Attended 5/6 sessions", "4/12 weeks in": a fraction of counted things, not a day and month
#: (a plural: "the 12/8 appointment", "30/11 session" are dates).
_COUNTED_AFTER_RE = re.compile(
    r"[ \t]+(?:sessions|weeks|wks|days|months|groups|appointments|appts|times|visits|classes|"
    r"meetings|modules|steps|hours|hrs|nights|doses|tablets|units)\b",
    _I,
)


_NOT_AGE_BEFORE = [
    [w]
    for w in split_words("""mood anxiety sleep score scored rating rated level levels week weeks session
    sessions room page chapter step number no ward bed flat apt unit floor stage grade class group
    table pain energy stress point points item question q section para paragraph option figure note
    footnote ref line lines slide""")
]


def find_ages(
    text: str,
    w: list[Window] | None = None,
    bases: frozenset[str] | set[str] | None = None,
    runs: list[int] | None = None,
) -> Iterator[Identifier]:
    gated = tuple(
        r for r, cue in GATED_AGE_RES if bases is None or not cue or not bases.isdisjoint(cue)
    )
    matches = itertools.chain(
        ((regex, m) for regex in AGE_RES + gated for m in _near(regex, text, w)),
        (
            (m.re, m)
            for m in more_forms.age_matches(
                text, more_forms.digit_runs(text) if runs is None else runs, bases
            )
        ),
    )
    for regex, m in matches:
        group: str | int = 0
        if "n" in regex.groupindex:
            group = "n" if m.group("n") is not None or "m" not in regex.groupindex else "m"
        value = number_value(m.group(group))
        if value is None or not 1 <= value <= 120:
            continue
        before = previous_words(text, m.start(group), 2)
        if before[-1:] in _NOT_AGE_BEFORE or (
            before[-1:] in (["is"], ["was"], ["now"]) and before[-2:-1] in _NOT_AGE_BEFORE
        ):
            continue  # "Mood, 6.", "page, 16", "her mood is 6": a rating or a count, not an age
        if regex is BRACKET_AGE_RE and value < 10 and not _capitalised_before(text, m.start()):
            continue
        if (
            before[-1:]
            and before[-1] in _COUNTED_PEOPLE
            and text[max(0, m.start(group) - 2) : m.start(group)].rstrip(" ").endswith("(")
        ):
            continue  # "Children (3) all at school": how many, not how old
        if _DURATION_AFTER_RE.match(text, m.end(group)):
            continue  # "She's 2 yrs clean": time in recovery, not an age
        if before[-1:] in (
            ["was"],
            ["is"],
            ["from"],
            ["to"],
        ) and _SCORE_BEFORE_RE.search(text, max(0, m.start(group) - 40), m.start(group)):
            continue  # "PHQ-9 17 (was 12 in Oct)": an earlier score, not an age
        yield Identifier(m.start(group), m.end(group), Category.AGE)


#: Plurals of people before a bracketed number, which then counts them.
_COUNTED_PEOPLE = frozenset(
    split_words("""children kids grandchildren grandkids siblings brothers sisters sons daughters
    boys girls stepkids stepchildren dependants dependents""")
)
#: A length of time in recovery after a number: "2 yrs clean", "6 months sober".
_DURATION_AFTER_RE = re.compile(
    r"[ \t]*(?:years?|yrs?|months?|mths?|weeks?|wks?|days?)[ \t]+(?:clean|sober|dry|abstinent|"
    r"off|free|smoke-free|alcohol-free|drug-free|gambling-free|in[ \t]+recovery|into[ \t]+recovery|"
    r"of[ \t]+recovery|without)\b",
    _I,
)


def _capitalised_before(text: str, pos: int) -> bool:
    word = re.search(r"([^\W\d_]+)[^\w]*$", text[max(0, pos - 30) : pos])
    return word is not None and word.group(1)[0].isupper() and not word.group(1).isupper()


#: A clinical score or rating shortly before "was 12" makes the number a score too.
_SCORE_BEFORE_RE = re.compile(
    r"\b(?:phq|gad|core|k10|k6|wemwbs|swemwbs|rcads|sdq|ors|srs|audit|epds|bdi|bai|hads|pcl|honos|"
    r"mfq|cdi|dass|isi|pgsi|barc|rhs|cudit|dast|dudit|assist|crafft|cows|ciwa|ybocs|moca|mmse|"
    r"madrs|gds|asrs|"
    r"score|scores|scored|mood|anxiety|rated|rating|ratings)(?![a-z])[\w-]*"
    r"[^.!?\n]*$",
    _I,
)


_STREET_WORDS = frozenset(
    w.lower() for w in f"{_SUFFIX_FULL}|{_SUFFIX_NAMED}|Rd|Ave|Ln|Cres|Gdns|Tce|Blvd|St".split("|")
)


def find_patterns(
    text: str,
    bases: frozenset[str] | set[str] | None = None,
    tokens: Sequence[Token] | None = None,
) -> list[Identifier]:
    """Every structured identifier; overlaps are resolved later by the detector.

    Numeric shapes are only searched near digits, and the word-led shapes only when the note's
    words (``bases``, lower-case tokens) contain a month or a street word: both save time only.
    """
    has_month = bases is None or not bases.isdisjoint(MONTHS)
    street = bases is None or not bases.isdisjoint(_STREET_WORDS)
    found: list[Identifier] = []
    found.extend(
        find_emails_urls_handles(
            text,
            handle_hint=bases is None
            or not bases.isdisjoint(_HANDLE_WORDS)
            or ("X" in text and search(_X_PLATFORM_RE, text) is not None)
            or ("real" in bases and "be" in bases),
            handle_starts=None
            if tokens is None
            else [t.start for t in tokens if t.base in _HANDLE_FIRST_WORDS],
        )
    )
    if bases is None or any(not _WORD_AGE_GATE.isdisjoint(b.split("-")) for b in bases):
        found.extend(find_word_ages(text, tokens))
    if has_month:
        found.extend(find_months_alone(text))
    if bases is None or not bases.isdisjoint(_HOLIDAY_WORDS) or "New Year" in text:
        found.extend(find_holidays(text))
    windows = digit_windows(text)
    if windows:
        found.extend(
            find_numbers(
                text,
                windows,
                ref_hint=bases is None or not bases.isdisjoint(_REF_WORDS),
                ni_hint=bases is None or not bases.isdisjoint(_NI_WORDS),
                ssn_hint=bases is None or not bases.isdisjoint(_SSN_WORDS),
                phone_hint=bases is None or not bases.isdisjoint(_PHONE_CUE_WORDS),
                ref_starts=None
                if tokens is None
                else [t.start for t in tokens if t.base in _REF_FIRST_WORDS],
            )
        )
        found.extend(find_places_by_shape(text, windows, street_hint=street))
        found.extend(find_dates(text, windows, has_month=has_month))
        runs = more_forms.digit_runs(text)
        found.extend(find_ages(text, windows, bases, runs))
        found.extend(more_forms.list_ages(text, bases))
        found.extend(more_forms.find_more_ids(text, runs))
        found.extend(more_shapes.find_more_shapes(text, runs))
        found.extend(
            i
            for i in more_forms.find_more_dates(text, bases, runs, has_month=has_month)
            if not _next_appointment(text, _with_weekday(text, i))  # "next review the 14th"
        )
    elif street:
        found.extend(_spans(text, ADDRESS_NAMED_RE, Category.ADDRESS))
        found.extend(_spans(text, ADDRESS_LOWER_NAMED_RE, Category.ADDRESS, "a"))
        found.extend(_spans(text, ADDRESS_CUE_NAMED_RE, Category.ADDRESS, "a"))
    if not windows and (bases is None or not bases.isdisjoint(more_forms.WORD_DATE_CUES)):
        found.extend(more_forms.find_more_dates(text, bases, [], has_month=has_month))
    return found
