"""Hand-written lexicons of the rule baseline: places, international bodies, titles, triggers, cues.

General-purpose lists (sovereign states, capitals and a few large cities, international bodies,
common English trigger words and their inflections), written without the gold annotations, though
by people who had read the corpus text: expect lower scores on unseen text. QIDs are given only
where they are certain; an entry without one links to no Wikidata item.
"""

from __future__ import annotations

from ..models import ActorType, EventType, SpeechAct

Entry = tuple[str, str | None, tuple[str, ...]]
"""Canonical name, Wikidata QID or None, other surface forms."""

COUNTRIES: list[Entry] = [
    ("United States", "Q30", ("United States of America", "U.S.", "U.S", "US", "USA", "America")),
    ("United Kingdom", "Q145", ("U.K.", "UK", "Britain", "Great Britain")),
    ("France", "Q142", ()),
    ("Germany", "Q183", ()),
    ("Russia", "Q159", ("Russian Federation",)),
    ("Ukraine", "Q212", ()),
    ("Iran", "Q794", ("Islamic Republic of Iran",)),
    ("Oman", "Q842", ()),
    ("China", "Q148", ("People's Republic of China",)),
    ("Israel", "Q801", ()),
    ("Japan", "Q17", ()),
    ("India", "Q668", ()),
    ("Turkey", "Q43", ("Türkiye",)),
    ("Egypt", "Q79", ()),
    ("Saudi Arabia", "Q851", ()),
    ("Italy", "Q38", ()),
    ("Spain", "Q29", ()),
    ("Poland", "Q36", ()),
    ("Canada", "Q16", ()),
    ("Brazil", "Q155", ()),
    ("Mexico", "Q96", ()),
    ("South Korea", "Q884", ()),
    ("North Korea", "Q423", ()),
    ("Iraq", "Q796", ()),
    ("Syria", "Q858", ()),
    ("Afghanistan", "Q889", ()),
    ("Pakistan", "Q843", ()),
    ("Belarus", "Q184", ()),
    ("Qatar", "Q846", ()),
    ("Netherlands", "Q55", ()),
    ("Belgium", "Q31", ()),
    ("Sweden", "Q34", ()),
    ("Norway", "Q20", ()),
    ("Finland", "Q33", ()),
    ("Denmark", "Q35", ()),
    ("Greece", "Q41", ()),
    ("Hungary", "Q28", ()),
    ("Austria", "Q40", ()),
    ("Switzerland", "Q39", ()),
    ("Australia", "Q408", ()),
    ("Lebanon", None, ()),
    ("Jordan", None, ()),
    ("Yemen", None, ()),
    ("Libya", None, ()),
    ("Sudan", None, ()),
    ("Venezuela", None, ()),
    ("Cuba", None, ()),
    ("Georgia", None, ()),
    ("Armenia", None, ()),
    ("Azerbaijan", None, ()),
    ("Moldova", None, ()),
    ("Romania", None, ()),
]

CITIES: list[Entry] = [
    ("Paris", "Q90", ()),
    ("London", "Q84", ()),
    ("Berlin", "Q64", ()),
    ("Moscow", "Q649", ()),
    ("Kyiv", "Q1899", ("Kiev",)),
    ("Washington, D.C.", "Q61", ("Washington", "Washington DC")),
    ("Rome", "Q220", ()),
    ("Beijing", "Q956", ()),
    ("Tokyo", "Q1490", ()),
    ("New York City", "Q60", ("New York",)),
    ("Tehran", None, ()),
    ("Brussels", None, ()),
    ("Geneva", None, ()),
    ("Vienna", None, ()),
    ("Madrid", None, ()),
    ("Warsaw", None, ()),
    ("Ankara", None, ()),
    ("Istanbul", None, ()),
    ("Cairo", None, ()),
    ("Riyadh", None, ()),
    ("Doha", None, ()),
    ("Muscat", None, ()),
    ("Baghdad", None, ()),
    ("Damascus", None, ()),
    ("Jerusalem", None, ()),
    ("Minsk", None, ()),
    ("Kharkiv", None, ("Kharkov",)),
    ("Odesa", None, ("Odessa",)),
    ("Lviv", None, ()),
]

BODIES: list[tuple[str, str | None, tuple[str, ...], ActorType]] = [
    ("United Nations", "Q1065", ("UN", "U.N."), "international_organization"),
    ("NATO", "Q7184", ("North Atlantic Treaty Organization",), "international_organization"),
    ("European Union", "Q458", ("EU", "E.U."), "international_organization"),
    ("European Commission", None, (), "international_organization"),
    ("International Atomic Energy Agency", None, ("IAEA",), "international_organization"),
    ("G7", None, ("Group of Seven",), "international_organization"),
]

TITLES = (
    "Secretary of State",
    "Foreign Minister",
    "Defense Minister",
    "Defence Minister",
    "Prime Minister",
    "Chief of Staff",
    "chief-of-staff",
    "Vice President",
    "President",
    "Chancellor",
    "Minister",
    "Secretary",
    "Senator",
    "Ambassador",
    "Envoy",
    "envoy",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "General",
    "King",
    "Queen",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
)
"""Titles that introduce a person's name ('Foreign Minister Anna Berg')."""

TRIGGERS: dict[EventType, tuple[str, ...]] = {
    "contact.meet": ("meet", "meets", "met", "meeting", "meetings", "talks", "summit", "gathering"),
    "contact.contact": ("conversation", "call", "spoke", "discussed", "discussions", "negotiations"),
    "contact.inform": ("informed", "briefed", "notified"),
    "movement.travel": ("arrival", "arrived", "visit", "visited", "travelled", "traveled"),
    "conflict.attack": ("attack", "attacks", "attacked", "strike", "strikes", "struck", "bombing", "shelling"),
    "conflict.war": ("war", "conflict", "fighting", "invasion"),
    "life.die": ("killed", "died", "deaths", "death", "dead"),
    "agreement.agree": ("agreed", "agreement", "deal", "accord"),
    "agreement.propose": ("proposal", "proposed", "propose", "offer", "offered"),
    "agreement.reject": ("rejected", "rejecting", "refused", "rejects"),
    "agreement.withdraw": ("withdrawing", "withdrew", "withdrawal"),
    "agreement.delay": ("postponing", "postponed", "delayed"),
    "agreement.violate": ("violating", "violated", "violation"),
    "policy.sanction": ("sanctions", "sanctioned"),
    "policy.ceasefire": ("ceasefire", "truce", "armistice"),
    "policy.deploy": ("deployed", "deploy", "deployment"),
    "policy.guarantee": ("guarantees", "guarantee"),
    "policy.cooperate": ("cooperate", "coordinate", "cooperation"),
    "request.demand": ("urged", "demanded", "demands"),
    "attitude.accuse": ("accused", "blame", "blamed"),
    "attitude.threaten": ("threatened", "threat", "threats"),
    "attitude.disapprove": ("criticised", "criticized", "condemned", "denounced"),
}
"""Event types and the word forms that trigger them (matched as whole words, any case)."""

ROLES: dict[str, tuple[str | None, str | None]] = {
    "contact.meet": ("participant", "participant"),
    "contact.contact": ("participant", "participant"),
    "conflict.attack": ("agent", "target"),
    "request.demand": ("agent", "recipient"),
    "attitude.accuse": ("agent", "target"),
    "attitude.threaten": ("agent", "target"),
    "policy.sanction": ("agent", "target"),
    "life.die": (None, None),
}
"""Role of the nearest actor before and after the trigger in its sentence; default (agent, None)."""

CUES: dict[str, SpeechAct] = {
    "said": "assert",
    "says": "assert",
    "stated": "assert",
    "added": "assert",
    "told": "assert",
    "indicated": "assert",
    "claimed": "claim",
    "claims": "claim",
    "insisted": "claim",
    "announced": "announce",
    "warned": "threaten",
    "according to": "assert",
}
"""Speech cues and the speech act they signal."""
