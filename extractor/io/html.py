"""HTML input: telling a page (or a fragment of one) from plain text, its main text, and what the
page says beside the text: the release's date and a lead paragraph the main-text extraction drops.

* The main text is trafilatura's (see :func:`page`): the article's headings and paragraphs, one per
  line, no menus, navigation, headers, footers, scripts or styles.
* The date, in this order: a ``<meta>`` (``article:published_time``, ``date``, ``pubdate``, ...),
  an element marked ``itemprop="datePublished"``, a ``<time datetime>``, a date block (an
  element whose class or id says ``date``, holding a date such as «29 июня 2024» or
  ``29.06.2024``). What sits in a header, a navigation bar, a footer or an aside is no release's
  date (a page shows today's date there).
* A lead: an element whose class or id says lead, announce, intro, summary or subtitle, whose
  text trafilatura left out (its precision mode drops a lead standing in a ``<div>``), is put
  before the main text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["Page", "is_html", "page", "page_date", "main_text"]

_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_EXTRACT_OPTIONS = {"include_comments": False, "include_tables": True, "deduplicate": False}

# A page announces itself in its first characters (after white space): an XML declaration, a
# comment, a doctype or <html>; a fragment starts with one of the tags a release's body is made
# of and closes it somewhere.
_SNIFF_CHARS = 1000
_PAGE_START = re.compile(
    r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])", re.IGNORECASE | re.DOTALL
)
_FRAGMENT_TAGS = ("p", "div", "article", "section", "main", "body", "head", "h1", "h2", "h3", "h4",
                  "table", "ul", "ol", "span", "b", "strong", "a", "br", "meta", "title", "header")  # fmt: skip
_FRAGMENT_START = re.compile(r"\s*<(" + "|".join(_FRAGMENT_TAGS) + r")[\s>/]", re.IGNORECASE)

# <meta> names and properties that give the date a page was published (lower case)
_META_DATE_NAMES = (
    "article:published_time", "og:published_time", "date", "pubdate", "publishdate", "publish_date",
    "publication_date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date", "dcterms.issued",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "datepublished",
)  # fmt: skip
# parts of a page whose dates and text are the site's, not the release's
_OUTSIDE = "ancestor-or-self::*[self::header or self::nav or self::footer or self::aside]"
_DATE_BLOCK = re.compile(r"date|datum|published|posted|дата", re.IGNORECASE)
_DATE_BLOCK_CHARS = 60  # a date block holds a date and perhaps a time, not a paragraph
_LEAD_BLOCK = re.compile(r"lead|anons|announce|annotation|intro|summary|subtitle|teaser|preview", re.IGNORECASE)

_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}  # fmt: skip
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})")
_DOTTED = re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./](\d{4})(?!\d)")
_WORDED = re.compile(r"(?<!\d)(\d{1,2})\s+([а-яё]+)\.?\s+(\d{4})(?!\d)", re.IGNORECASE)
_MONTH_WORD = re.compile(r"(январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)[а-я]*$")
_MIN_YEAR = 1900  # an older date on a web page is no publication date


class Page(NamedTuple):
    text: str
    date: dt.date | None


def is_html(text: str, source: str) -> bool:
    """Whether a decoded input is HTML: by its name (``.html``, ``.htm``, ``.xhtml``), or by how it
    starts (a page, XHTML with its XML declaration, or a fragment such as ``<p>...</p>``)."""
    if source.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text[:_SNIFF_CHARS]
    if _PAGE_START.match(head):
        return True
    start = _FRAGMENT_START.match(head)
    return bool(start) and f"</{start.group(1).lower()}" in text.lower()


def _date_in(value: str) -> dt.date | None:
    """The first date written in `value`: ISO (``2024-06-29T10:15``), ``29.06.2024``, «29 июня 2024»."""
    found: list[tuple[int, int, int, int]] = []  # (position, year, month, day)
    if m := _ISO.search(value):
        found.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    if m := _DOTTED.search(value):
        found.append((m.start(), int(m[3]), int(m[2]), int(m[1])))
    for m in _WORDED.finditer(value):
        month = _MONTH_WORD.match(m[2].lower())
        if month:
            stem = next(s for s in _MONTHS if month[1].startswith(s))
            found.append((m.start(), int(m[3]), _MONTHS[stem], int(m[1])))
            break
    for _, year, month, day in sorted(found):
        try:
            date = dt.date(year, month, day)
        except ValueError:
            continue
        if date.year >= _MIN_YEAR:
            return date
    return None


def _text_of(element: HtmlElement) -> str:
    return _SPACES.sub(" ", element.text_content()).strip()


def page_date(tree: HtmlElement) -> dt.date | None:
    """The date the page says the release was published, or None (see the module's docstring)."""
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in _META_DATE_NAMES and (date := _date_in(meta.get("content") or "")):
            return date
    candidates = tree.xpath(f"//*[@itemprop='datePublished'][not({_OUTSIDE})]")
    candidates += tree.xpath(f"//time[@datetime][not({_OUTSIDE})]")
    for element in candidates:
        value = element.get("datetime") or element.get("content") or _text_of(element)
        if date := _date_in(value):
            return date
    for element in tree.xpath(f"//*[@class or @id][not({_OUTSIDE})]"):
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        if _DATE_BLOCK.search(marks):
            text = _text_of(element)
            if len(text) <= _DATE_BLOCK_CHARS and (date := _date_in(text)):
                return date
    return None


def _leads(tree: HtmlElement) -> list[str]:
    """Texts of the elements marked as a lead, outermost only, in page order."""
    found: list[HtmlElement] = []
    for element in tree.xpath(f"//*[@class or @id][not({_OUTSIDE})]"):
        if element.tag in ("html", "body", "head", "meta", "script", "style"):
            continue
        if _LEAD_BLOCK.search(f"{element.get('class', '')} {element.get('id', '')}"):
            if not any(element in outer.iterdescendants() for outer in found):
                found.append(element)
    return [text for text in map(_text_of, found) if text]


def _tree(html: str) -> HtmlElement | None:
    """The page parsed by lxml: trafilatura's loader (forgiving: XHTML's XML declaration), else
    lxml's own parser (trafilatura's gives up on a lone paragraph)."""
    import lxml.html
    from lxml.etree import ParserError
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        try:
            tree = lxml.html.fromstring(html)
        except (ParserError, ValueError):
            return None
    return tree


def _all_text(tree: HtmlElement) -> str:
    """The text of every element but scripts and styles, a line per block."""
    for element in tree.xpath("//script|//style|//template|//noscript"):
        element.drop_tree()
    for element in tree.xpath("//p|//div|//br|//li|//h1|//h2|//h3|//h4|//tr"):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def _lines(text: str) -> list[str]:
    return [line for line in (_SPACES.sub(" ", raw).strip() for raw in text.split("\n")) if line]


def main_text(html: str) -> str:
    """Trafilatura's main text: in its precision mode (keeps inline markup inside its sentence);
    a page it finds no article in gets its default mode, then all the text of the body."""
    import trafilatura  # imported on the first HTML page: it costs a fifth of a second

    return (
        trafilatura.extract(html, favor_precision=True, **_EXTRACT_OPTIONS)
        or trafilatura.extract(html, **_EXTRACT_OPTIONS)
        or trafilatura.html2txt(html)
        or ""
    )


def page(html: str) -> Page:
    """The text of a page, one line per paragraph (whitespace inside a line collapsed, empty lines
    dropped, "" when nothing is left), with a lead it dropped put first, and the page's date."""
    lines = _lines(main_text(html))
    tree = _tree(html)
    date = None
    if tree is not None:
        if not lines:  # trafilatura returns nothing for a lone paragraph: its text as it is
            lines = _lines(_all_text(tree))
        date = page_date(tree)
        kept = " ".join(lines)
        lines = [lead for lead in _leads(tree) if lead not in kept] + lines
    text = "\n".join(lines)
    return Page(text + "\n" if text else "", date)
