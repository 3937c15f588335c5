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


def to_json(value: Any) -> Any:
    """A record as JSON data: its fields in order, records and lists of records in turn."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
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
    value_to: float | None = None  # upper bound of a range «на 5–7%»
    unit: PercentUnit
    qualifier: Qualifier | None
    subject: str | None = None  # what it measures, nominative
    change: Change | None = None
    period: str | None = None  # ISO value of the period the figure is for
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


@dataclass
class Document(Record):
    source: str
    doc_date: str | None
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    percentages: list[Percentage] = field(default_factory=list)
    dates: list[DateItem] = field(default_factory=list)


def error_record(source: str, kind: str, message: str) -> dict[str, Any]:
    """The record a batch writes in place of a document that could not be read."""
    return {"source": source, "error": {"kind": kind, "message": message}}
