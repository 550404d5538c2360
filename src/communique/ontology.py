"""Label inventories with their counterparts in ACE 2005, Rich ERE, PLOVER, FactBank, ACLED and UCDP.

Definitions live in docs/guidelines.md (a test checks that every label of every model
``Literal`` has a row there); this module holds the machine-readable mappings, so that users
can convert Communiqué labels to the schemes they already use.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from .models.actor import ActorType
from .models.event import EventType, Factuality
from .models.time import Precision


class EventTypeMapping(NamedTuple):
    plover: str | None
    """Closest PLOVER event category (None where PLOVER codes no event)."""
    ace: str | None
    """Closest ACE 2005 / Rich ERE type.subtype (None where there is none)."""


EVENT_TYPES: Final[dict[EventType, EventTypeMapping]] = {
    "conflict.war": EventTypeMapping("ASSAULT", "Conflict.Attack"),
    "conflict.attack": EventTypeMapping("ASSAULT", "Conflict.Attack"),
    "life.die": EventTypeMapping("ASSAULT", "Life.Die"),
    "contact.meet": EventTypeMapping("CONSULT", "Contact.Meet"),
    "contact.contact": EventTypeMapping("CONSULT", "Contact.Contact"),
    "contact.broadcast": EventTypeMapping(None, "Contact.Broadcast"),
    "contact.inform": EventTypeMapping("CONSULT", "Contact.Correspondence"),
    "movement.travel": EventTypeMapping("CONSULT", "Movement.Transport-Person"),
    "agreement.propose": EventTypeMapping("AGREE", None),
    "agreement.agree": EventTypeMapping("AGREE", None),
    "agreement.reject": EventTypeMapping("REJECT", None),
    "agreement.violate": EventTypeMapping("COERCE", None),
    "agreement.withdraw": EventTypeMapping("REJECT", None),
    "agreement.delay": EventTypeMapping("REJECT", None),
    "policy.sanction": EventTypeMapping("SANCTION", None),
    "policy.coerce": EventTypeMapping("COERCE", None),
    "policy.cooperate": EventTypeMapping("COOPERATE", None),
    "policy.ceasefire": EventTypeMapping("CONCEDE", None),
    "policy.deploy": EventTypeMapping("MOBILIZE", "Movement.Transport"),
    "policy.guarantee": EventTypeMapping("SUPPORT", None),
    "request.demand": EventTypeMapping("DEMAND", None),
    "attitude.disapprove": EventTypeMapping("DISAPPROVE", None),
    "attitude.accuse": EventTypeMapping("ACCUSE", None),
    "attitude.threaten": EventTypeMapping("THREATEN", None),
}


class ActorTypeMapping(NamedTuple):
    ace: str
    """ACE 2005 entity type.subtype."""
    plover: str
    """PLOVER/POLECAT actor type or sector."""


ACTOR_TYPES: Final[dict[ActorType, ActorTypeMapping]] = {
    "person": ActorTypeMapping("PER.Individual", "sector by role"),
    "government": ActorTypeMapping("ORG.Government", "GOV"),
    "organization": ActorTypeMapping("ORG", "sector by kind"),
    "international_organization": ActorTypeMapping("ORG.Non-Governmental", "IGO"),
    "media": ActorTypeMapping("ORG.Media", "MED"),
    "country": ActorTypeMapping("GPE.Nation", "country"),
    "city": ActorTypeMapping("GPE.Population-Center", "location"),
    "region": ActorTypeMapping("LOC.Region-International", "location"),
    "facility": ActorTypeMapping("FAC", "location"),
    "group": ActorTypeMapping("PER.Group", "sector by members"),
}


class FactualityMapping(NamedTuple):
    factbank: str
    realis: str
    """Rich ERE realis: actual, generic or other."""


FACTUALITY: Final[dict[Factuality, FactualityMapping]] = {
    "asserted": FactualityMapping("CT+", "actual"),
    "reported": FactualityMapping("CT+", "actual"),
    "planned": FactualityMapping("PR+", "other"),
    "hypothetical": FactualityMapping("PS+", "other"),
    "negated": FactualityMapping("CT-", "other"),
    "uncertain": FactualityMapping("Uu", "other"),
}

ACLED_TIME_PRECISION: Final[dict[Precision, int]] = {
    "minute": 1,
    "hour": 1,
    "day": 1,
    "week": 2,
    "month": 3,
    "year": 3,
}
"""ACLED ``time_precision``: 1 the day is known, 2 within a week, 3 within a month or worse."""

UCDP_DATE_PREC: Final[dict[Precision, int]] = {
    "minute": 1,
    "hour": 1,
    "day": 1,
    "week": 3,
    "month": 4,
    "year": 5,
}
"""UCDP GED ``date_prec``: 1 exact day, 2 within 2-6 days, 3 the week, 4 the month, 5 the year."""


def realis(factuality: Factuality) -> str:
    """The Rich ERE realis value for a Communiqué factuality value."""
    return FACTUALITY[factuality].realis
