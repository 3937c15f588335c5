"""The records a Document is made of, and their JSON form.

Every record keeps `start`/`end` character offsets into the decoded text; rules return new
records and never mutate shared state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Post:
    normal: str  # the whole post in nominative: «заместитель Премьер-министра Республики Беларусь»
    text: str  # as in the text
    start: int
    end: int
    role: str  # the post itself: «заместитель Премьер-министра»
    org: str | None = None  # organization or territory, nominative
    org_ref: dict[str, Any] | None = None  # {"type": "organization"|"location", "index": int}

    def to_json(self) -> dict[str, Any]:
        return {
            "normal": self.normal,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "role": self.role,
            "org": self.org,
            "org_ref": self.org_ref,
        }


@dataclass
class Person:
    name: str
    first: str | None
    middle: str | None
    last: str | None
    posts: list[Post] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "first": self.first,
            "middle": self.middle,
            "last": self.last,
            "posts": [p.to_json() for p in self.posts],
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass
class Organization:
    name: str
    legal_form: str | None
    kind: str  # company | authority | other
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    parent: str | None = None  # the organization it belongs to, by name: «Национальная академия наук Беларуси»

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "legal_form": self.legal_form,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "parent": self.parent,
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass
class Location:
    name: str
    mentions: list[Mention] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": [m.to_json() for m in self.mentions]}


@dataclass(frozen=True)
class Percentage:
    text: str
    value: float
    unit: str  # percent | pp
    qualifier: str | None  # more | less | about | at_least | up_to | None
    start: int
    end: int
    value_to: float | None = None  # upper bound of a range «на 5–7%»
    subject: str | None = None  # what it measures, nominative
    change: str | None = None  # increase | decrease | None
    period: str | None = None  # ISO value of the period the figure is for
    base: str | None = None  # ISO value of the comparison base

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "value_to": self.value_to,
            "unit": self.unit,
            "qualifier": self.qualifier,
            "subject": self.subject,
            "change": self.change,
            "period": self.period,
            "base": self.base,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class DateItem:
    text: str
    value: str | None  # YYYY-MM-DD | YYYY-MM | YYYY | START/END ; None when unresolved
    start: int
    end: int
    relative: bool = False  # resolved against the reference date
    time: str | None = None  # HH:MM when a time of day follows the date

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "relative": self.relative,
            "time": self.time,
            "start": self.start,
            "end": self.end,
        }


@dataclass
class Document:
    source: str
    doc_date: str | None
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    percentages: list[Percentage] = field(default_factory=list)
    dates: list[DateItem] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "doc_date": self.doc_date,
            "persons": [p.to_json() for p in self.persons],
            "organizations": [o.to_json() for o in self.organizations],
            "locations": [loc.to_json() for loc in self.locations],
            "percentages": [p.to_json() for p in self.percentages],
            "dates": [d.to_json() for d in self.dates],
        }


def error_record(source: str, kind: str, message: str) -> dict[str, Any]:
    """The record a batch writes in place of a document that could not be read."""
    return {"source": source, "error": {"kind": kind, "message": message}}
