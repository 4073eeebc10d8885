"""Prose material for the demo generator: sentence templates with slots, in mentoring vocabulary.

Every name here is invented and deliberately odd (an adjective-ish first name and an object as
a surname, e.g. "Juniper Teacup"), so demo data can never be mistaken for a real person's.
Slots are ``{name}``, ``{person}``, ``{place}``, ``{activity}``, ``{feeling}``, ``{strategy}``,
``{service}``, ``{topic}``, ``{day}``, ``{goal}``, ``{hard}`` (a difficult feeling); ``compose`` fills them from these lists.
"""

from __future__ import annotations

FIRST_NAMES: tuple[str, ...] = (
    "Juniper",
    "Marigold",
    "Bramble",
    "Quillon",
    "Saffron",
    "Tamsin",
    "Orrin",
    "Wren",
    "Lark",
    "Hollis",
    "Pippin",
    "Rook",
    "Sorrel",
    "Fennick",
    "Clover",
    "Emrys",
    "Linnet",
    "Tobin",
    "Ysolde",
    "Bastian",
    "Corriander",
    "Thistle",
    "Mirelle",
    "Odalys",
    "Pell",
    "Zephyrine",
)
SURNAMES: tuple[str, ...] = (
    "Teacup",
    "Lanternfield",
    "Puddingstone",
    "Kettleburn",
    "Quillsby",
    "Marrowdale",
    "Buttonwood",
    "Inkwell",
    "Gravelpath",
    "Thimbleby",
    "Copperkettle",
    "Woolgather",
    "Saltmarsh",
    "Hedgerow",
    "Candlewick",
    "Pebbleford",
    "Mossbank",
    "Brackenridge",
)
SUPERVISORS: tuple[str, ...] = (
    "Dr Ottoline Hazelbrook",
    "Ines Marrowpike",
    "Barnaby Quillfeather",
    "Rosalind Fernwhistle",
)
TOWNS: tuple[str, ...] = (
    "Little Wending",
    "Brackleford",
    "Nettlecombe Vale",
    "Owlsmere",
    "Farthing Cross",
    "Saltpan Quay",
    "Upper Thrumble",
    "Gorsewick",
)
SCHOOLS: tuple[str, ...] = (
    "Brackleford Sixth Form",
    "Owlsmere Community College",
    "Gorsewick Adult Learning Centre",
)
WORKPLACES: tuple[str, ...] = (
    "the Thrumble garden centre",
    "a café on Farthing Street",
    "the Owlsmere warehouse",
    "the bike repair co-op",
    "the library in Little Wending",
)
PLACES: tuple[str, ...] = (
    "the park bench by the pond",
    "the community centre",
    "the café near the station",
    "the library quiet room",
    "the allotments",
    "the youth hub",
    "the high street",
    "the walking trail by the canal",
)
PEOPLE: tuple[str, ...] = (
    "his mum",
    "her older sister",
    "their dad",
    "a friend from college",
    "their partner",
    "the GP",
    "a flatmate",
    "his gran",
    "her key worker",
    "an old school friend",
    "the job coach",
    "their aunt",
)
ACTIVITIES: tuple[str, ...] = (
    "going to the gym",
    "cooking a proper meal",
    "walking the dog",
    "attending the art group",
    "applying for a part-time job",
    "going to college",
    "volunteering at the food bank",
    "playing football on Sundays",
    "getting up before ten",
    "keeping a mood diary",
    "calling a friend",
    "going to the peer support group",
    "reading before bed",
    "tidying the flat",
    "budgeting for the week",
)
FEELINGS: tuple[str, ...] = (
    "anxious",
    "low",
    "hopeful",
    "overwhelmed",
    "flat",
    "more settled",
    "irritable",
    "proud",
    "tired",
    "lonely",
    "calmer",
    "restless",
    "motivated",
    "stuck",
    "relieved",
)
HARD_FEELINGS: tuple[str, ...] = (
    "anxious",
    "low",
    "overwhelmed",
    "panicky",
    "angry",
    "on edge",
    "hopeless",
    "lonely",
)
STRATEGIES: tuple[str, ...] = (
    "box breathing",
    "the 5-4-3-2-1 grounding exercise",
    "a short walk outside",
    "writing thoughts down",
    "listening to music",
    "a cold drink and a change of room",
    "texting a friend",
    "the sleep routine",
    "noticing and naming the feeling",
    "breaking the task into small steps",
    "the urge-surfing technique",
    "planning one pleasant activity a day",
)
SERVICES: tuple[str, ...] = (
    "the community mental health team",
    "the local recovery college",
    "the housing advice service",
    "the debt advice line",
    "the GP surgery",
    "the drug and alcohol service",
    "the talking therapies service",
    "the job centre",
    "the crisis café",
    "the carers' support group",
)
TOPICS: tuple[str, ...] = (
    "sleep",
    "money worries",
    "family tension",
    "housing",
    "exam stress",
    "loneliness",
    "work hours",
    "cravings",
    "self-esteem",
    "a recent setback",
    "a difficult anniversary",
    "benefits paperwork",
    "friendships",
    "a court date",
    "health appointments",
)
GOALS: tuple[str, ...] = (
    "I want to get back to college",
    "I want to sleep better so mornings are not a battle",
    "I want to find a part-time job",
    "I want to feel less alone at weekends",
    "I want to manage my money without panicking",
    "I want to stay sober through the holidays",
    "I want to go out on my own without a panic attack",
    "I want to get on better with my mum",
    "I want to cook for myself three times a week",
    "I want to join a club and keep going",
)
DAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend")

SUBJECTIVE: tuple[str, ...] = (
    "{name} said the week had been {feeling}, mostly because of {topic}.",
    "{name} described feeling {feeling} since {day} and said {topic} was on their mind.",
    "They told me that {person} had been supportive about {topic}.",
    "{name} reported trying {strategy} twice this week and said it helped a little.",
    "{name} said {activity} felt harder than expected but they kept at it.",
    "They mentioned waking up {feeling} most days and not wanting to talk about {topic}.",
    "{name} said that {person} noticed they seemed {feeling}.",
    'In their own words: "I managed {activity} and I\'m quite {feeling} about it."',
)
OBJECTIVE: tuple[str, ...] = (
    "{name} arrived on time, made good eye contact and spoke at a steady pace.",
    "They seemed {feeling} at the start and more relaxed by the end of the session.",
    "We met at {place}; {name} chose to walk rather than sit.",
    "{name} was fidgeting with their sleeve while talking about {topic}.",
    "Speech was quieter than usual and they paused before answering questions about {topic}.",
    "They laughed easily and shared photos of {activity}.",
)
ASSESSMENT: tuple[str, ...] = (
    "{name} appears to be building confidence with {activity}.",
    "{topic} seems to be the main stressor at the moment.",
    "Progress is steady; {strategy} is becoming a habit.",
    "Mood seems lower than last time, linked to {topic}; no immediate concerns raised.",
    "{name} is showing more insight into how {topic} affects their mood.",
    "The relationship with {person} looks like a real protective factor.",
)
PLAN: tuple[str, ...] = (
    "Agreed that {name} will try {strategy} when feeling {hard}.",
    "Next session we will look at {topic} together.",
    "I will send the details of {service} and {name} will decide whether to call.",
    "{name} will aim for {activity} twice before we next meet.",
    "We will review the coping plan at the next session.",
    "Check in about {topic} and celebrate progress with {activity}.",
)
INTERVENTION: tuple[str, ...] = (
    "I used open questions and reflective listening to explore {topic}.",
    "We practised {strategy} together in the session.",
    "I shared information about {service} and we talked through what a first visit is like.",
    "We used a scaling question about how {feeling} they felt, from 0 to 10.",
    "I summarised what I had heard and checked whether it fitted for {name}.",
    "We broke {activity} into three small steps and wrote them down.",
)
RESPONSE: tuple[str, ...] = (
    "{name} engaged well and said {strategy} felt doable.",
    "They were hesitant at first, then opened up about {topic}.",
    "{name} said it helped to say things out loud.",
    "They agreed to the plan and wrote the steps in their phone.",
    "{name} was quiet but nodded along and asked for the leaflet.",
)
BEHAVIOUR: tuple[str, ...] = (
    "{name} presented as {feeling} and a little withdrawn.",
    "{name} was chatty and animated, talking about {activity}.",
    "They seemed tired and said they had not slept well because of {topic}.",
)
GIRP_GOALS: tuple[str, ...] = (
    'Worked on the goal "{goal}".',
    'Revisited "{goal}" and the next step towards it.',
)
RISK_FOLLOWUP: tuple[str, ...] = (
    "Asked directly about thoughts of self-harm; {name} said none at present. Reviewed the "
    "coping plan and the crisis numbers together.",
    "{name} mentioned feeling hopeless on {day}. We went through the plan; they agreed to "
    "contact {service} if it returns. Discussed with my supervisor the same day.",
)
ACTIONS: tuple[str, ...] = (
    "Bring the mood diary.",
    "Try {strategy} once a day.",
    "Look up {service} together.",
    "Plan one step towards {activity}.",
    "Talk to {person} about {topic}.",
)
ADDENDA: tuple[str, ...] = (
    "Correction: the session was at {place}, not at the office.",
    "Addition: {name} texted afterwards to say {strategy} helped that evening.",
    "Update: {service} confirmed the referral was received.",
)
REFLECTION: tuple[str, ...] = (
    "I noticed I felt {feeling} after the session about {topic}.",
    "I wonder whether I rushed to solutions instead of staying with the feeling.",
    "It went better when I slowed down and used silence.",
    "I need to keep an eye on my boundaries around messages outside working hours.",
    "The session reminded me how much {activity} can matter in recovery.",
    "Next time I will check in about {topic} earlier in the conversation.",
    "I felt some frustration when the plan was not followed, and want to understand it.",
    "Taking this to supervision will help me see the wider context around {topic}.",
)
REFLECTION_TITLES: tuple[str, ...] = (
    "Staying with silence",
    "When I wanted to fix things",
    "Boundaries and late messages",
    "A good session about {topic}",
    "Feeling stuck with {topic}",
    "What {activity} taught me",
)
SUPERVISION_QUESTIONS: tuple[str, ...] = (
    "How do I respond when a mentee talks about {topic} but does not want help?",
    "Am I holding boundaries well around messages?",
    "I felt {feeling} after a session; what is that telling me?",
    "How do I bring a referral to {service} into the conversation?",
    "Is the parallel process showing up in how I feel rushed?",
)
SUPERVISION_DISCUSSION: tuple[str, ...] = (
    "We discussed {topic} and the balance between support and autonomy.",
    "My supervisor suggested noticing my own response before offering ideas.",
    "We talked about safeguarding thresholds and when to share information.",
    "We looked at my caseload and my wellbeing after a heavy month.",
)
CPD_ACTIVITIES: tuple[str, ...] = (
    "Motivational interviewing refresher",
    "Suicide prevention awareness",
    "Trauma-informed practice workshop",
    "Safeguarding adults update",
    "Peer support values day",
    "Reflective practice group",
    "Harm reduction basics",
    "Reading: recovery-oriented practice",
)
#: The category each demo activity is logged under (values of ``CpdCategory``).
CPD_CATEGORY: dict[str, str] = {
    "Motivational interviewing refresher": "clinical_skills",
    "Suicide prevention awareness": "safeguarding",
    "Trauma-informed practice workshop": "clinical_skills",
    "Safeguarding adults update": "safeguarding",
    "Peer support values day": "ethics",
    "Reflective practice group": "ethics",
    "Harm reduction basics": "recovery_wellness",
    "Reading: recovery-oriented practice": "recovery_wellness",
}
CPD_LEARNING: tuple[str, ...] = (
    "Learnt to use more reflections than questions.",
    "Practised asking directly about suicide and staying calm.",
    "Understood how {topic} can be a trauma reminder.",
    "Refreshed the local safeguarding route and contacts.",
)
WARNING_SIGNS: tuple[str, ...] = (
    "Not sleeping for two nights",
    "Staying in bed all day",
    "Thinking everyone is better off without me",
    "Skipping meals",
    "Arguments with {person}",
    "Cancelling plans",
    "Getting messages about {topic}",
)
SELF_COPING: tuple[str, ...] = (
    "{strategy}",
    "Shower and change clothes",
    "Make a hot drink",
    "Watch a favourite film",
    "Go for a short walk",
)
SOCIAL: tuple[str, ...] = ("{place}", "Sit in {place}", "Text {person}", "Go to the library")
WHAT_MATTERS: tuple[str, ...] = (
    "My dog",
    "Seeing my little brother grow up",
    "Getting back to {activity}",
    "The people at the peer group",
    "Music",
)
SAFER: tuple[str, ...] = (
    "Give spare medication to the pharmacy",
    "Keep the plan on the fridge",
    "Stay with {person} on bad nights",
)
CONSENTS: tuple[str, ...] = (
    "Information sharing with the GP",
    "Contact with family in an emergency",
    "Referral to {service}",
    "Sharing session summaries with the key worker",
)
RESOURCE_KINDS: tuple[str, ...] = ("health", "housing", "money", "education", "work", "peer")
OUTCOMES: tuple[str, ...] = (
    "First appointment attended",
    "On the waiting list",
    "Declined for now",
    "Attending weekly",
    "",
)
CRISIS_LINES: tuple[str, ...] = (
    "Crisis line (demo) 0800 000 0000",
    "Out-of-hours service (demo) 0800 000 0001",
)
