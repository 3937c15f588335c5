"""The records a Document is made of: the output contract in one place.

Every record keeps `start`/`end` character offsets into the decoded text. A record's JSON form is
derived from its dataclass fields, in their order (`to_json`); closed sets of values are
`Literal` types. `tests/test_contract.py` checks the fields and the Literal values against
`schema.json`, so the two cannot drift apart.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

OrgKind = Literal["company", "authority", "other"]
RefType = Literal["organization", "location"]
PercentUnit = Literal["percent", "pp"]
Qualifier = Literal["more", "less", "about", "at_least", "up_to"]
Change = Literal["increase", "decrease"]
Role = Literal["change", "level"]  # the amount of a change («на 1,2%»), or the level reached («до 7,2%»)
RangeEnd = Literal["from", "to"]  # the lower or the upper number of a range («12–14%»: 12 from, 14 to)
EntityType = Literal["person", "organization", "location"]
Action = Literal["appointed", "dismissed", "acting"]
# how a person is tied to an organization: a post of theirs names it, or a verb says they head it,
# work in it or left it
WorkRelation = Literal["post", "heads", "works", "left"]

# where the reference date of relative dates came from: the release's text (its header or
# dateline), its HTML page (<meta>, <time>, a date block), the caller (--date), or nowhere
RefDateSource = Literal["text", "html", "option", "none"]


# A field with this metadata is written only when it has a value (not None): an output asked for
# by an option (--with-text). schema.json has it among the properties but not the required.
OPTIONAL = {"optional": True}


def to_json(value: Any) -> Any:
    """A record as JSON data: its fields in order, records and lists of records in turn."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_json(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not (f.metadata.get("optional") and getattr(value, f.name) is None)
        }
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    return value


class Record:
    """Gives a dataclass record its JSON form."""

    def to_json(self) -> dict[str, Any]:
        return to_json(self)


@dataclass(frozen=True)
class Mention(Record):
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class OrgRef(Record):
    """Where a post's organization or territory is in this document's lists."""

    type: RefType
    index: int


@dataclass(frozen=True, kw_only=True)
class Post(Record):
    normal: str  # the whole post in nominative: «заместитель Премьер-министра Республики Беларусь»
    text: str  # as in the text
    start: int
    end: int
    role: str  # the post itself: «заместитель Премьер-министра»
    org: str | None = None  # organization or territory, nominative
    org_ref: OrgRef | None = None
    # every place the text names this post of this person, in order: this one, the same post said
    # again, a shorter form of it («губернатор» after «губернатор Тульской области»)
    mentions: list[Mention] = field(default_factory=list)
    rank: bool = False  # a rank or class rank («генерал-майор полиции»), not a position
    trade: bool = False  # an occupation held in no organization («писатель», «тбилисский врач»), not a position


@dataclass
class Person(Record):
    name: str
    first: str | None
    middle: str | None
    last: str | None
    posts: list[Post] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Organization(Record):
    name: str
    legal_form: str | None
    kind: OrgKind
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None  # the organization it belongs to, by name: «Национальная академия наук Беларуси»
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Location(Record):
    name: str
    aliases: list[str] = field(default_factory=list)  # the other names the text gives the place: «Белоруссия»
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Percentage(Record):
    text: str
    value: float
    value_to: float | None = None  # upper bound of a range «на 5–7%», on its lower number's item
    range: RangeEnd | None = None  # which number of a range this item is; each has an item
    unit: PercentUnit
    qualifier: Qualifier | None
    subject: str | None = None  # what it measures, nominative
    change: Change | None = None
    role: Role | None = None
    period: str | None = None  # ISO value of the period the figure is for
    base: str | None = None  # ISO value of the comparison base
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Money(Record):
    text: str
    value: float  # the full amount in units of the currency: «45,4 млрд рублей» -> 45400000000.0
    value_to: float | None = None  # upper bound of a range «от 10 до 15 млн рублей», on its lower number's item
    range: RangeEnd | None = None  # which number of a range this item is; each has an item
    currency: str | None  # ISO 4217 code, written with the amount or taken from its context
    qualifier: Qualifier | None
    subject: str | None = None  # what it measures, nominative
    change: Change | None = None
    role: Role | None = None
    period: str | None = None  # ISO value of the period the amount is for
    base: str | None = None  # ISO value of the comparison base
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class DateItem(Record):
    text: str
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY | START/END ; None when unresolved
    relative: bool = False  # resolved against the reference date
    time: str | None = None  # HH:MM when a time of day follows the date
    start: int
    end: int


@dataclass(frozen=True)
class EntityRef(Record):
    """An entity of this document in a fact: its name, the list it is in, its index there."""

    name: str
    type: EntityType
    index: int


@dataclass(frozen=True, kw_only=True)
class Meeting(Record):
    participants: list[EntityRef]
    date: str | None  # ISO value of the meeting's own date, not the release's
    place: str | None  # city, venue or event, nominative
    start: int  # the sentence(s) stating it
    end: int


@dataclass(frozen=True, kw_only=True)
class Agreement(Record):
    parties: list[EntityRef]
    kind: str | None  # the document, nominative singular: «соглашение о сотрудничестве»
    date: str | None
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Appointment(Record):
    person: EntityRef
    post: str | None  # the position, nominative; for «acting» the one whose duties are performed
    action: Action
    date: str | None
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Workplace(Record):
    person: EntityRef
    organization: EntityRef
    relation: WorkRelation
    start: int  # the post, or the sentence stating it
    end: int


@dataclass
class Document(Record):
    source: str
    doc_date: str | None  # the release's own date: from its HTML page, else its header or dateline
    ref_date: str | None  # the date relative dates were resolved against
    ref_date_source: RefDateSource
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    percentages: list[Percentage] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    dates: list[DateItem] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    workplaces: list[Workplace] = field(default_factory=list)
    text: str | None = field(default=None, metadata=OPTIONAL)  # the decoded text (--with-text)


def error_record(source: str, kind: str, message: str) -> dict[str, Any]:
    """The record a batch writes in place of a document that could not be read."""
    return {"source": source, "error": {"kind": kind, "message": message}}
