"""Where an organization name ends: the dependents of its head noun (`extend_dependents`), but
never into a date («одобрен Советом Федерации 28 июня», «правительства области 4 октября 2023
года») nor into a circumstance after «по» («обратился в Думу по поводу законов»)."""

from __future__ import annotations

from extractor.lexicon.orgs import circumstance_words, month_lemmas
from extractor.nlp.phrases import ORG_PREPS, NamedSpans, extend_dependents
from extractor.nlp.tagging import Tagged, Token

# a year written alone after a name («оркестра сезона 2015—2016») has four digits
YEAR_DIGITS = 4


def _starts_date(toks: list[Token], k: int) -> bool:
    """A day before a month («28 июня»), a year before «год» or alone («2023 года», «2015»)."""
    text = toks[k].text
    if not text.isdigit() or (k > 0 and toks[k - 1].text == "№"):
        return False
    after = toks[k + 1].lemma if k + 1 < len(toks) else ""
    return after in month_lemmas() or after in ("год", "г") or len(text) == YEAR_DIGITS


def _starts_circumstance(toks: list[Token], k: int) -> bool:
    """«по поводу», «по делу», «по итогам»: a circumstance, not what a body deals with."""
    return toks[k].text.lower() == "по" and k + 1 < len(toks) and toks[k + 1].text.lower() in circumstance_words()


def name_end(tagged: Tagged, first: int, last: int) -> int:
    """The end of a name found in tokens [first, last): before a date or a circumstance; words
    in quotes are the name's own («Сила 2011»)."""
    toks = tagged.tokens
    k = first
    while k < last:
        closed = tagged.quote_closes.get(k)
        if closed is not None and closed <= last:
            k = closed
            continue
        if _starts_date(toks, k) or _starts_circumstance(toks, k):
            return k
        k += 1
    return last


def name_reach(tagged: Tagged, spans: NamedSpans, j: int, limit: int) -> int:
    """How far the dependents of a head ending at token j go as part of a name."""
    return name_end(tagged, j, extend_dependents(tagged, spans, j, limit, preps=ORG_PREPS))
