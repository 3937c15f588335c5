"""Locations: natasha's LOC spans, put into the nominative and merged by name."""

from __future__ import annotations

from dataclasses import dataclass

from .inflect import nominative_phrase
from .organizations import org_like_place
from .tagging import Tagged


@dataclass(frozen=True)
class LocMention:
    start: int
    end: int
    name: str


def find_loc_mentions(tagged: Tagged) -> list[LocMention]:
    out = []
    for span in tagged.spans:
        if span.type != "LOC" or org_like_place(tagged, span):
            continue  # «ЕС», «Европейский союз» are organizations
        words = tagged.tokens[span.first : span.last]
        name = " ".join(nominative_phrase(words, tagged.text).split())
        if name:
            out.append(LocMention(span.start, span.end, name))
    return out
