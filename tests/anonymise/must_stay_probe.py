"""A probe of words that must stay: real drug, therapy, measure, helpline, service and role names.

Each term comes from public lists (national formularies and their brand names, the screening
tools services score, the helplines that the UK, Ireland, the US, Canada, Australia, New Zealand,
South Africa, India, Nigeria, Kenya and the Philippines publish, generic services and job roles)
and is placed in the sentence shapes mentors write: at the start of a line, after a colon or a
SOAP/DAP/BIRP heading, in lists, in lower case, with a dose, with a number. None of the sentences
holds an identifier, so the anonymiser must remove nothing from any of them. Named agencies and
charities that outside writers mark as organisations (a benefits agency, a debt charity, a
veterans' charity, a rehab provider) are left out: what stays is the crisis line, the programme,
the measure, the generic service.
"""

from __future__ import annotations

# fmt: off
#: Generic and brand names with a dose or a form, as a prescription or a mentor writes them.
DRUGS = [
    "Sertraline 50 mg", "sertraline 100mg", "Lustral 50mg", "Zoloft 100 mg", "Fluoxetine 20mg",
    "Prozac 20 mg", "fluoxetine liquid 10mg", "Lovan 20mg", "Citalopram 20mg", "Cipramil 20mg",
    "Celexa 20 mg", "Escitalopram 10mg", "Cipralex 10mg", "Lexapro 10 mg", "Nexito 10mg",
    "Paroxetine 20mg", "Seroxat 20mg", "Paxil 20mg", "Aropax 20mg", "Fluvoxamine 100mg",
    "Faverin 50mg", "Mirtazapine 15mg", "Remeron 30mg", "Avanza 30mg", "Zispin 15mg",
    "Venlafaxine 75mg XL", "Efexor XL 150mg", "Effexor XR 75 mg", "Duloxetine 60mg",
    "Cymbalta 60mg", "Desvenlafaxine 50mg", "Pristiq 50mg", "Vortioxetine 10mg",
    "Brintellix 10mg", "Trintellix 10 mg", "Agomelatine 25mg", "Valdoxan 25mg", "Bupropion 150mg",
    "Wellbutrin XL 300mg", "Zyban 150mg", "Trazodone 50mg", "Amitriptyline 10mg", "Endep 10mg",
    "Tryptizol 25mg", "Nortriptyline 25mg", "Lofepramine 70mg", "Dosulepin 75mg",
    "Clomipramine 50mg", "Imipramine 25mg", "Tofranil 25mg", "Phenelzine 15mg",
    "Moclobemide 150mg", "Quetiapine 25mg", "Seroquel XL 50mg", "Olanzapine 5mg",
    "Zyprexa 10mg", "Oleanz 5mg", "Risperidone 2mg", "Risperdal 1mg", "Risperdal Consta 37.5mg",
    "Sizodon 2mg", "Aripiprazole 10mg", "Abilify 10mg", "Abilify Maintena 400mg",
    "Aristada 882mg", "Paliperidone 6mg", "Xeplion 100mg", "Invega Sustenna 156mg",
    "Invega Trinza 410mg", "Clozapine 300mg", "Clozaril 100mg", "Denzapine 200mg",
    "Haloperidol 5mg", "Haldol 5mg", "Haloperidol decanoate 50mg", "Flupentixol depot",
    "Depixol 40mg", "Zuclopenthixol 200mg", "Clopixol depot", "Amisulpride 200mg", "Solian 200mg",
    "Lurasidone 37mg", "Latuda 37mg", "Cariprazine 1.5mg", "Vraylar 1.5mg", "Brexpiprazole 1mg",
    "Rexulti 1mg", "Chlorpromazine 100mg", "Largactil 100mg", "Fluphenazine decanoate",
    "Modecate 25mg", "Trihexyphenidyl 2mg", "Benzhexol 2mg", "Procyclidine 5mg",
    "Lithium 400mg", "Priadel 400mg", "Camcolit 400mg", "Lithium carbonate 800mg",
    "Lamotrigine 100mg", "Lamictal 100mg", "Sodium valproate 500mg", "Epilim 500mg",
    "Depakote 250mg", "Carbamazepine 200mg", "Tegretol 200mg", "Pregabalin 75mg", "Lyrica 75mg",
    "Gabapentin 300mg", "Neurontin 300mg", "Topiramate 25mg", "Diazepam 5mg", "Valium 5mg",
    "Lorazepam 1mg", "Ativan 1mg", "Clonazepam 0.5mg", "Rivotril 0.5mg", "Klonopin 0.5mg",
    "Alprazolam 0.5mg", "Xanax 0.5mg", "Kalma 0.5mg", "Temazepam 10mg", "Chlordiazepoxide 20mg",
    "Librium 10mg", "Zopiclone 7.5mg", "Zolpidem 10mg", "Stilnox 10mg", "Ambien 10mg",
    "Promethazine 25mg", "Phenergan 25mg", "Hydroxyzine 25mg", "Atarax 25mg", "Vistaril 25mg",
    "Buspirone 10mg", "Propranolol 40mg", "Melatonin 2mg", "Circadin 2mg",
    "Methylphenidate 36mg", "Concerta XL 36mg", "Ritalin 10mg", "Medikinet XL 20mg",
    "Equasym XL 20mg", "Xaggitin XL 36mg", "Lisdexamfetamine 30mg", "Elvanse 30mg",
    "Vyvanse 30mg", "Adderall 10mg", "Dexamfetamine 5mg", "Atomoxetine 40mg", "Strattera 40mg",
    "Guanfacine 1mg", "Intuniv 1mg", "Clonidine 25mcg", "Buprenorphine 8mg", "Subutex 8mg",
    "Suboxone 8mg/2mg", "Buvidal 96mg", "Sublocade 300mg", "Espranor 8mg", "Methadone 60ml",
    "Methadone 40mg", "Naltrexone 50mg", "Vivitrol injection", "Acamprosate 333mg",
    "Campral 333mg", "Disulfiram 200mg", "Antabuse 200mg", "Naloxone kit", "Prenoxad injection",
    "Nyxoid nasal spray", "Narcan nasal spray", "Thiamine 100mg", "Pabrinex injection",
    "Varenicline 1mg", "Champix 1mg", "Chantix 1mg", "nicotine patch 21mg",
    "Nicorette inhalator", "Esketamine nasal spray", "Spravato 56mg", "Modafinil 100mg",
    "Depo-Provera injection", "Nexplanon implant", "Microgynon 30", "Cerazette 75mcg",
    "Co-codamol 30/500", "Tramadol 50mg", "Codeine 30mg", "Oramorph 10mg", "Paracetamol 500mg",
    "Ibuprofen 400mg", "Naproxen 500mg", "Omeprazole 20mg", "Metformin 500mg",
    "Levothyroxine 50mcg", "Salbutamol inhaler", "Ventolin inhaler", "Insulin pen",
    "Mounjaro 5mg", "Ozempic 0.5mg", "Wegovy 2.4mg", "Truvada PrEP", "Biktarvy",
    "Dolutegravir 50mg", "Isoniazid 300mg", "Prednisolone 5mg", "Amoxicillin 500mg",
    "Doxycycline 100mg", "EpiPen", "Calpol 5ml", "Nurofen 200mg", "Panadol 500mg",
    "Tylenol 500mg", "Advil 200mg", "Benadryl 25mg", "Piriton 4mg", "Cetirizine 10mg",
    "Nytol 50mg", "Kalms tablets",
]

#: Therapies, programmes and techniques, by acronym and in full.
THERAPIES = [
    "CBT", "DBT", "EMDR", "ERP", "CPT", "ACT", "IPS", "WRAP", "12-step", "CAT", "IPT", "MBCT",
    "CFT", "IFS", "TF-CBT", "CBT-I", "CBT-E", "MBT", "SFBT", "MI", "CRAFT", "DDP", "MST",
    "FBT", "MBSR", "STEPPS", "IPS employment support", "Motivational Interviewing",
    "Behavioural Activation", "Behavioral Activation", "Schema Therapy",
    "Acceptance and Commitment Therapy", "Dialectical Behaviour Therapy",
    "Dialectical Behavior Therapy", "Cognitive Processing Therapy",
    "Exposure and Response Prevention", "Cognitive Analytic Therapy",
    "Compassion Focused Therapy", "Interpersonal Therapy", "Individual Placement and Support",
    "Wellness Recovery Action Plan", "Mentalization-Based Treatment", "Prolonged Exposure",
    "Narrative Exposure Therapy", "Seeking Safety", "Triple P", "Incredible Years",
    "Circle of Security", "Open Dialogue", "Family Therapy", "Systemic Family Therapy",
    "Art Therapy", "Music Therapy", "Solution Focused Brief Therapy", "Person-Centred Counselling",
    "Contingency Management", "SMART Recovery", "the Twelve Steps", "Safety Planning",
    "Stanley-Brown safety plan", "Mental Health First Aid", "safeTALK", "ASIST",
    "Hearing Voices group", "Five Ways to Wellbeing", "Recovery Star", "Outcome Star",
    "TIPP", "DEAR MAN", "Wise Mind", "Radical Acceptance", "Opposite Action",
    "5-4-3-2-1 grounding", "box breathing", "PMR", "thought records", "chain analysis",
    "sleep hygiene", "behavioural experiments", "Silvercloud", "Sleepio", "Beating the Blues",
    "MoodGYM", "This Way Up", "MindSpot", "Headspace app", "Calm app", "Stay Alive app",
    "Kooth", "Togetherall", "Hub of Hope", "Gamban", "Wellbriety", "GriefShare",
    "Celebrate Recovery", "Recovery Dharma", "Women for Sobriety", "Wysa", "Calm Harm",
    "Insight Timer", "I Am Sober",
]

#: Screening tools and outcome measures with their score, in the forms notes write them.
SCORES = [
    "PHQ-9 of 14", "PHQ9: 14", "PHQ-9 = 14", "PHQ 9 score 14", "phq9 14", "PHQ-9 14/27",
    "PHQ-9 went from 18 to 12", "PHQ-A 11", "PHQ-2 3", "GAD7=11", "GAD-7 11", "GAD-7: 11/21",
    "gad7 was 9", "GAD-2 4", "AUDIT-C 8", "AUDIT-C: 8/12", "AUDIT 12", "K10 28", "K-10 of 28",
    "K10: 28", "K6 14", "Kessler 10 of 28", "CORE-10 18", "CORE-10: 18", "CORE-OM 1.8",
    "YP-CORE 15", "CORE-YP 15", "WEMWBS 41", "WEMWBS: 41 (up from 35)", "SWEMWBS 21", "EPDS 13",
    "EPDS score of 13", "PCL-5 44", "PCL-5 total 44", "C-SSRS screen negative", "C-SSRS: low",
    "CSSRS 2", "ASQ negative", "ORS 22", "SRS 36", "SDQ 18", "RCADS 45", "HoNOS 14",
    "HoNOSCA 14", "DASS-21 34", "BDI-II 22", "HADS-A 11", "HADS-D 8", "ISI 15", "PSQI 9",
    "CIWA 8", "CIWA-Ar 12", "COWS 6", "DAST-10 4", "DUDIT 12", "ACE score of 4", "ACEs 4",
    "GAF 55", "WHO-5 40", "WSAS 20", "Y-BOCS 24", "EDE-Q 3.2", "SCOFF 2/5", "MoCA 26/30",
    "MMSE 27/30", "CAGE 2/4", "ReQoL-10 22", "MFQ 20", "IES-R 30", "ITQ 18", "ASRS 5/6",
    "scored 14 on the PHQ-9", "scored 11 on the GAD-7",
]

#: Self-ratings, counts and times.
RATINGS = [
    "mood 4/10", "Mood: 6", "mood 6/10 (was 3/10)", "anxiety 7 out of 10", "sleep 5/10",
    "SUDS 60", "SUDs 8/10", "cravings 3/10", "energy 2/5", "rated mood 4", "self-rated 5/10",
    "urges 2/10", "Mood 6.5/10", "distress 80/100", "mood: 4-5/10", "mood 3 to 6",
]
COUNTS = [
    "2 of 6 sessions", "session 4 of 12", "Session #5", "wk 3", "week 3", "day 14",
    "30 days clean", "90 in 90", "6 months sober", "4 cans a day", "10 cigs/day", "14 units",
    "3 nights", "45 mins", "x2 weekly", "Year 11", "Grade 10", "Y10", "£50", "$200",
]
TIMES = ["10am", "10:30", "2pm-3pm", "14:00", "1400hrs", "10.30am", "noon", "half 3"]

#: Weekdays and relative dates.
WHEN = [
    "Monday", "Mon/Tues", "Tues", "Weds", "Thurs", "next Friday", "last Wednesday", "this Sat",
    "every Thursday", "Mondays", "Mon-Fri", "Tue & Thu", "tomorrow", "yesterday", "in 2 weeks",
    "next wk", "last week", "fortnightly", "over the weekend", "this morning", "tonight",
    "two weeks ago", "a month ago", "next month", "half term", "the Easter holidays",
    "over Christmas", "after Eid", "during Ramadan", "at Diwali", "New Year's Eve",
    "Boxing Day", "Thanksgiving",
]

#: National helplines and services, with their numbers, from many countries.
HELPLINES = [
    # UK
    "Samaritans 116 123", "Shout 85258", "Childline 0800 1111", "NHS 111 option 2", "999",
    "Papyrus HOPELINE247", "HOPELINEUK 0800 068 4141", "CALM 0800 58 58 58",
    "Mind Infoline 0300 123 3393", "SANEline 0300 304 7000",
    "National Domestic Abuse Helpline 0808 2000 247", "Men's Advice Line 0808 801 0327",
    "FRANK 0300 123 6600", "Drinkline 0300 123 1110", "National Gambling Helpline 0808 8020 133",
    "GamCare", "Beat 0808 801 0677", "Switchboard LGBT+ 0300 330 0630", "The Mix",
    "YoungMinds Parents Helpline", "Cruse 0808 808 1677",
    "Shelter 0808 800 4444", "National Debtline", "Citizens Advice",
    "Victim Support 0808 168 9111", "Rape Crisis 0808 500 2222",
    "Modern Slavery Helpline 08000 121 700", "Forced Marriage Unit 020 7008 0151",
    "NSPCC 0808 800 5000", "Op COURAGE",
    "Breathing Space 0800 83 85 87", "CALL 0800 132 737", "Lifeline 0808 808 8000",
    "NHS 24 111",
    # Ireland
    "Pieta 1800 247 247", "text 50808", "Childline 1800 66 66 66", "Aware 1800 80 48 48",
    "Jigsaw", "Turn2Me", "Women's Aid 1800 341 900", "HSE Drugs and Alcohol Helpline 1800 459 459",
    "Bodywhys", "LGBT Ireland 1800 929 539", "SpunOut",
    "YourMentalHealth Information Line 1800 111 888",
    # US
    "988", "the 988 Suicide & Crisis Lifeline", "Crisis Text Line (text HOME to 741741)",
    "Trevor Project 1-866-488-7386", "Trans Lifeline 877-565-8860",
    "Veterans Crisis Line (988, press 1)", "SAMHSA National Helpline 1-800-662-4357",
    "1-800-662-HELP", "National Domestic Violence Hotline 1-800-799-7233",
    "RAINN 1-800-656-4673", "Childhelp 1-800-422-4453", "NAMI HelpLine 1-800-950-6264", "211",
    "911", "Disaster Distress Helpline 1-800-985-5990", "Poison Control 1-800-222-1222",
    "1-800-GAMBLER", "Al-Anon", "Alateen", "Gamblers Anonymous", "Cocaine Anonymous",
    # Canada
    "Kids Help Phone 1-800-668-6868", "text 686868", "Hope for Wellness 1-855-242-3310",
    "Talk Suicide Canada 1-833-456-4566", "Wellness Together Canada", "811", "Good2Talk",
    "ConnexOntario 1-866-531-2600",
    # Australia
    "Lifeline 13 11 14", "Beyond Blue 1300 22 4636", "Kids Helpline 1800 55 1800",
    "Suicide Call Back Service 1300 659 467", "1800RESPECT", "MensLine Australia 1300 78 99 78",
    "QLife 1800 184 527", "13YARN 13 92 76", "Open Arms 1800 011 046", "headspace",
    "Head to Health 1800 595 212", "SANE Australia", "Gambling Help 1800 858 858",
    "Butterfly Foundation 1800 33 4673", "PANDA 1300 726 306", "NDIS", "000",
    # New Zealand
    "1737", "Lifeline Aotearoa 0800 543 354", "Youthline 0800 376 633",
    "Suicide Crisis Helpline 0508 828 865", "Depression Helpline 0800 111 757",
    "Alcohol Drug Helpline 0800 787 797", "Gambling Helpline 0800 654 655",
    "Healthline 0800 611 116", "Women's Refuge 0800 733 843", "OUTLine 0800 688 5463",
    "What's Up 0800 942 8787", "ACC",
    # South Africa
    "SADAG 0800 567 567", "Lifeline South Africa 0861 322 322", "Childline 116",
    "GBV Command Centre 0800 428 428", "Stop Gender Violence helpline 0800 150 150", "10111",
    "10177", "Higher Health 0800 36 36 36",
    # India
    "Tele-MANAS 14416", "iCall 9152987821", "Vandrevala Foundation 1860 2662 345",
    "AASRA", "Childline 1098", "112", "108 ambulance",
    "women's helpline 181",
    # Nigeria
    "112 emergency line",
    # Kenya
    "Befrienders Kenya", "Childline Kenya 116", "GBV helpline 1195",

    # Philippines
    "NCMH Crisis Hotline 1553", "Hopeline 0917 558 4673", "In Touch Crisis Line", "Bantay Bata 163",
]

#: Generic services, named as anyone names them.
SERVICES = [
    "the crisis team", "the Crisis Team", "the home treatment team", "CRHT", "A&E", "ED",
    "the ER", "urgent care", "the walk-in centre", "the community mental health team", "CMHT",
    "IAPT", "NHS Talking Therapies", "Talking Therapies", "CAMHS", "the early intervention team",
    "EIP", "the GP", "out-of-hours GP", "social services", "children's services",
    "adult social care", "MASH", "the safeguarding team", "the police", "probation", "the YOT",
    "the youth offending team", "the Jobcentre", "Jobcentre Plus", "DWP", "Universal Credit",
    "PIP", "ESA", "the housing team", "the council", "the food bank", "the foodbank",
    "the drug and alcohol service", "the substance misuse service", "the needle exchange",
    "the pharmacy", "the Recovery College", "the peer support group", "the day centre",
    "the drop-in", "liaison psychiatry", "the psych ward", "PICU", "the crisis house",
    "the crisis café", "the mobile crisis team", "the ACT team", "the FACT team", "detox",
    "rehab", "the methadone clinic", "the sexual health clinic", "the GUM clinic",
    "the school nurse", "Early Help", "the CIN meeting", "the LAC review", "the EHCP",
    "an NA meeting", "AA meetings", "NA", "AA", "Medicaid", "SNAP", "WIC", "Section 8", "SSI",
    "SSDI", "the VA", "Social Security", "Vocational Rehabilitation", "Job Corps",
    "the Community Mental Health Team", "Perinatal Mental Health Team",
    "the Crisis Resolution and Home Treatment Team", "the Early Intervention in Psychosis Service",
    "the Eating Disorders Service", "the Drug and Alcohol Service", "the Memory Clinic",
    "the Liaison Psychiatry Team", "the Mother and Baby Unit", "the Youth Offending Service",
    "the Leaving Care Team", "the Assertive Outreach Team", "the Home Treatment Team",
    "Mobile Crisis Team", "the Perinatal Team", "Adult Social Care", "Children's Services",
]

#: Job roles that could be taken for a name or a title before one.
ROLES = [
    "support worker", "Support Worker", "keyworker", "key worker", "care coordinator",
    "Care Coordinator", "Dr on call", "the duty doctor", "the on-call psychiatrist",
    "duty worker", "duty social worker", "social worker", "psychiatrist", "psychologist", "CPN",
    "OT", "peer worker", "peer support worker", "Peer Specialist", "recovery worker",
    "housing officer", "probation officer", "youth worker", "TA", "SENCO", "Head of Year",
    "school counsellor", "locum", "registrar", "consultant", "SHO", "ward manager",
    "charge nurse", "HCA", "ANP", "AMHP", "IMHA", "advocate", "case manager", "caseworker",
    "link worker", "social prescriber", "job coach", "employment specialist",
    "benefits adviser", "debt adviser", "crisis worker", "family support worker",
    "community health worker", "ASHA worker", "lay counsellor", "Matron", "the psychiatrist",
    # credentials written for a worker, and kin as families of other languages call them
    "CPRS", "PRS", "CHW", "PSW", "PSS", "CPSS", "LCSW", "LPC", "CADC", "peer specialist, CPRS",
    "abuela", "abuelo", "ouma", "oupa", "gogo", "Gogo", "mkhulu", "nonna", "babcia", "nani",
    "dadi", "kuya", "Ammi", "abbu", "nanay", "tatay", "koro", "kuia",
]
# fmt: on

#: Sentence shapes; "{}" is the term. A shape marked lower takes the term in lower case too.
DRUG_SHAPES = [
    "Started {} last week.",
    "Meds: {} mane.",
    "- {} (no change)",
    "{} increased by the GP.",
    "P: continue {} and review in 4 weeks.",
    "Says the {} helps with sleep.",
    "Medication: {}, taken daily.",
    "started {lower} on Tues",
]
THERAPY_SHAPES = [
    "{} discussed today.",
    "Referred for {}.",
    "Intervention: {} skills practised.",
    "- {}",
    "Plan: {} next session.",
    "Used {} when anxious.",
    "doing {lower} with the psychologist",
]
SCORE_SHAPES = [
    "{} today.",
    "Scores: {}.",
    "A: {}, risk low.",
    "- {}",
    "Repeated measures, {} this week.",
    "Data: {} (from the form).",
]
RATING_SHAPES = ["Self-report {} today.", "D: {}.", "- {}", "Said {} since Monday."]
COUNT_SHAPES = ["Now {} and proud of it.", "- {}", "Note: {}."]
WHEN_SHAPES = [
    "Next session {}.",
    "{} was hard, she said.",
    "- {}",
    "Follow up {} at 3pm.",
    "P: call her {}.",
    "seen {lower}",
]
HELPLINE_SHAPES = [
    "She knows to call {}.",
    "Gave her {} info.",
    "- {}",
    "Crisis plan: {}.",
    "{} saved in her phone.",
    "Reminded him of {} if things get worse.",
]
SERVICE_SHAPES = [
    "Referred to {}.",
    "Went with him to {} today.",
    "- {}",
    "Plan: contact {} tomorrow.",
    "Spoke with {} re housing.",
]
ROLE_SHAPES = [
    "Her {} called.",
    "Spoke to the {} today.",
    "Met with the {} today.",
    "- {} aware",
    "Plan: {} to follow up.",
    "{} said the referral is in.",
]

GROUPS = [
    (DRUGS, DRUG_SHAPES),
    (THERAPIES, THERAPY_SHAPES),
    (SCORES, SCORE_SHAPES),
    (RATINGS, RATING_SHAPES),
    (COUNTS, COUNT_SHAPES),
    (TIMES, COUNT_SHAPES),
    (WHEN, WHEN_SHAPES),
    (HELPLINES, HELPLINE_SHAPES),
    (SERVICES, SERVICE_SHAPES),
    (ROLES, ROLE_SHAPES),
]

#: Whole notes in the shapes mentors use, every span between [[ ]] a must-stay word.
NOTES = [
    "S: [[mood 4/10]], slept badly [[Mon/Tues]].\nO: calm.\nA: [[PHQ9: 14]], [[GAD7=11]].\n"
    "P: continue [[Sertraline 50 mg]], see [[wk 3]].",
    "D: Attended [[CBT]] group [[Thursday]]. [[AUDIT-C 8]], [[K10 28]].\n"
    "A: engaged.\nP: [[care coordinator]] to review [[Depixol 40mg]] depot [[next week]].",
    "B: anxious about [[A&E]] visit [[last Friday]].\nI: [[DBT]] [[TIPP]] skills, [[box breathing]].\n"
    "R: [[SUDS 60]] to [[SUDS 30]].\nP: [[Samaritans 116 123]] and [[Shout 85258]] saved.",
    "Meds:\n- [[Quetiapine 25mg]] nocte\n- [[Mirtazapine 15mg]]\n- [[Lithium 400mg]] (level due)\n",
    "Crisis numbers given: [[988]], [[Lifeline 13 11 14]], [[Kids Help Phone 1-800-668-6868]].",
    "Scores: [[CORE-10 18]], [[WEMWBS 41]], [[EPDS 13]], [[PCL-5 44]]; [[C-SSRS]] screen negative.",
    "[[Keyworker]] rang [[Tues]]. [[Support worker]] to attend the [[CPA review]] [[on Weds]].",
    "[[Dr on call]] reviewed [[last night]]; [[the crisis team]] to visit [[tomorrow]] at [[10am]].",
    "Talked about [[EMDR]], [[ERP]] and [[CPT]]; she prefers [[ACT]]. [[IPS]] worker to call.",
    "Goes to [[NA]] on [[Mondays]] and [[AA]] on [[Fridays]]; [[day 30]] of sobriety, [[12-step]] sponsor.",
    "Plan: [[WRAP]] review, [[IAPT]] self-referral, [[Talking Therapies]] letter, [[CMHT]] duty.",
    "[[started sertraline 50mg]] [[mon]], [[phq9 14]] [[gad7 11]], [[mood 5/10]].",
]
