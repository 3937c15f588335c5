"""The word lists of the facts (meetings, agreements, appointments), loaded once per process:
trigger phrases, documents, words of plans, nouns that stand for an entity, offices that are one."""

from __future__ import annotations

from functools import cache

from extractor.lexicon import PhraseIndex, load_rows, load_words
from extractor.nlp.morph import phrase_lemmas


@cache
def meeting_triggers() -> PhraseIndex:
    return PhraseIndex.from_rows(load_rows("facts_meeting_triggers.txt"))


@cache
def agreement_triggers() -> PhraseIndex:
    return PhraseIndex.from_rows(load_rows("facts_agreement_triggers.txt"))


@cache
def appointment_triggers() -> PhraseIndex:
    return PhraseIndex.from_rows(load_rows("facts_appointment_triggers.txt"))


@cache
def workplace_triggers() -> PhraseIndex:
    return PhraseIndex.from_rows(load_rows("facts_workplace_triggers.txt"))


@cache
def venues() -> PhraseIndex:
    return PhraseIndex((phrase_lemmas(w), True) for w in load_words("facts_venues.txt"))


@cache
def documents() -> PhraseIndex:
    return PhraseIndex.from_rows(load_rows("facts_documents.txt"))


def _lemmas(name: str) -> frozenset[str]:
    return frozenset(lemma for word in load_words(name) for lemma in phrase_lemmas(word))


@cache
def sessions() -> frozenset[str]:
    return _lemmas("facts_sessions.txt")


@cache
def plan_words() -> frozenset[str]:
    return _lemmas("facts_plan_words.txt")


@cache
def group_nouns() -> frozenset[str]:
    return _lemmas("facts_group_nouns.txt")


@cache
def reference_nouns() -> dict[str, str]:
    """Lemma -> what it stands for: company, university, bank, region, person, sides; a noun with
    its adjective keyed by both lemmas («кредитный организация»)."""
    return {" ".join(phrase_lemmas(row[0])): row[1] for row in load_rows("facts_references.txt")}


@cache
def not_offices() -> dict[str, str]:
    """Lemma -> title | superlative: what one becomes without being appointed."""
    return {row[0]: row[1] for row in load_rows("facts_not_offices.txt")}


@cache
def post_modifiers() -> frozenset[str]:
    """Adjectives that belong to a post («первый», «главный», «постоянный»): the entity layer's list."""
    return frozenset(w for row in load_rows("post_modifiers.txt") if len(row) == 1 for w in phrase_lemmas(row[0]))


@cache
def _word_groups() -> dict[str, dict[str, str]]:
    groups: dict[str, dict[str, str]] = {}
    for row in load_rows("facts_words.txt"):
        groups.setdefault(row[1], {})[row[0]] = row[2] if len(row) > 2 else ""
    return groups


@cache
def words(group: str) -> frozenset[str]:
    """The lemmas of a group of facts_words.txt («slot», «venue», «hold»...)."""
    return frozenset(_word_groups().get(group, {}))


@cache
def person_counts() -> dict[str, int]:
    """Collective numerals that stand for that many persons («трое» 3, «оба» 2)."""
    return {w: int(v) for w, v in _word_groups().get("persons", {}).items() if v}


@cache
def together_counts() -> dict[str, int]:
    """Adverbs counting the persons who act together («втроем» 3), written with «е» for «ё»."""
    return {w: int(v) for w, v in _word_groups().get("persons_together", {}).items() if v}


@cache
def side_counts() -> dict[str, int]:
    """A document's adjectives counting its sides and how many («трехсторонний» 3)."""
    return {w: int(v) for w, v in _word_groups().get("sides", {}).items() if v}


@cache
def counts() -> dict[str, int | None]:
    """Count words and how many they count, when they say («два» 2, «ряд» None)."""
    return {w: int(v) if v else None for w, v in _word_groups().get("count", {}).items()}
