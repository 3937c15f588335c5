"""A page to look at (``extract --html``): the text of a release with every entity highlighted by
kind, its normal form, value, post and linked entity in the highlight's title (shown on hover),
and the facts and figures listed beside the text. One self-contained HTML file: inline CSS, no
script, nothing fetched. For a batch, a folder: one page per document and an ``index.html``.

Written from the JSON record (with its ``text``) alone: every list of items with ``start``/``end``
is highlighted (money as it comes), every list of entities with ``mentions`` too; other lists
(facts) are listed beside the text.
"""

from __future__ import annotations

import bisect
import html
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from extractor.io.output import write_atomic

Record = dict[str, Any]

# kinds in the order their highlight wins when two cover the same characters, with their colour
COLOURS = {
    "person": "#ffd54f", "post": "#ffab91", "organization": "#90caf9", "location": "#a5d6a7",
    "money": "#ce93d8", "percentage": "#80deea", "date": "#e0e0e0",
}  # fmt: skip
OTHER_COLOUR = "#f8bbd0"
_ENTITY_KINDS = {"persons": "person", "organizations": "organization", "locations": "location"}
_KNOWN = {"persons", "organizations", "locations", "percentages", "dates", "money"}
_HIDDEN_FIELDS = {"text", "start", "end", "mentions"}

STYLE = """
body { font: 15px/1.55 system-ui, sans-serif; margin: 0; color: #222; }
header { padding: 10px 20px; background: #37474f; color: #fff; }
header h1 { font-size: 17px; margin: 0; } header p { margin: 2px 0 0; font-size: 13px; opacity: .85; }
main { display: flex; gap: 24px; padding: 16px 20px; align-items: flex-start; }
#text { flex: 3; white-space: pre-wrap; max-width: 80ch; }
aside { flex: 2; font-size: 14px; position: sticky; top: 8px; max-height: 95vh; overflow: auto; }
aside h2 { font-size: 14px; margin: 14px 0 4px; text-transform: uppercase; color: #555; }
aside ul { margin: 0; padding-left: 18px; } .legend span { padding: 1px 5px; margin-right: 4px; }
mark { border-radius: 3px; padding: 0 1px; cursor: help; color: inherit; }
mark mark { border-bottom: 2px solid rgba(0,0,0,.35); }
.muted { color: #777; } table { border-collapse: collapse; } td, th { padding: 3px 10px; text-align: left; }
tr:nth-child(even) { background: #f4f4f4; }
""" + "".join(f"\n.k-{kind} {{ background: {colour}; }}" for kind, colour in COLOURS.items()) + (
    f"\n.k-other {{ background: {OTHER_COLOUR}; }}\n"
)


@dataclass(order=True)
class Span:
    start: int
    neg_end: int  # sorted by start, the longer first: an enclosing span opens before what it holds
    rank: int
    kind: str = field(compare=False)
    titles: list[str] = field(compare=False)

    @property
    def end(self) -> int:
        return -self.neg_end

    def cut(self, start: int, end: int) -> Span:
        return Span(start, -end, self.rank, self.kind, self.titles)


def _rank(kind: str) -> int:
    return list(COLOURS).index(kind) if kind in COLOURS else len(COLOURS)


def _fmt(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value)
    if isinstance(value, list):
        return ", ".join(_fmt(v) for v in value)
    return str(value)


def _shown(value: Any) -> bool:
    return value is not None and value is not False and value != [] and value != ""  # 0 is shown


def _fields(item: Record, skip: set[str] = _HIDDEN_FIELDS) -> list[str]:
    return [f"{k}: {_fmt(v)}" for k, v in item.items() if k not in skip and _shown(v)]


def _entity_name(record: Record, ref: Record | None) -> str | None:
    if not ref:
        return None
    entities = record.get(f"{ref.get('type')}s") or []
    index = ref.get("index", -1)
    return entities[index].get("name") if 0 <= index < len(entities) else None


def _post_title(record: Record, person: Record, post: Record) -> str:
    lines = [f"post: {post.get('normal')}", f"role: {post.get('role')}"]
    org = _entity_name(record, post.get("org_ref")) or post.get("org")
    if org:
        kind = (post.get("org_ref") or {}).get("type", "organization or territory")
        lines.append(f"{kind}: {org}")
    lines.append(f"person: {person.get('name')}")
    return "\n".join(lines)


def spans(record: Record) -> list[Span]:
    """Every highlight of a record, those of the same characters merged into one."""
    found: dict[tuple[int, int], Span] = {}

    def add(start: Any, end: Any, kind: str, title: str) -> None:
        if not (isinstance(start, int) and isinstance(end, int) and start < end):
            return
        span = found.get((start, end))
        if span is None:
            found[(start, end)] = Span(start, -end, _rank(kind), kind, [title])
        elif title not in span.titles:
            span.titles.append(title)
            if _rank(kind) < span.rank:
                span.kind, span.rank = kind, _rank(kind)

    for key, kind in _ENTITY_KINDS.items():
        for entity in record.get(key) or []:
            title = "\n".join([f"{kind}: {entity.get('name')}", *_fields(entity, _HIDDEN_FIELDS | {"name", "posts"})])
            if kind == "person":
                title += "".join(f"\npost: {p.get('normal')}" for p in entity.get("posts") or [])
            for m in entity.get("mentions") or []:
                add(m.get("start"), m.get("end"), kind, title)
            for post in entity.get("posts") or []:
                post_title = _post_title(record, entity, post)
                for m in post.get("mentions") or [post]:
                    add(m.get("start"), m.get("end"), "post", post_title)
    for key, items in record.items():
        if key in _ENTITY_KINDS or not isinstance(items, list):
            continue
        kind = {"percentages": "percentage", "dates": "date"}.get(key, key)
        for item in items:
            # an item with its own text is a mention (figures, dates); a fact spans its sentences: listed, not marked
            if isinstance(item, dict) and "text" in item:
                add(item.get("start"), item.get("end"), kind, "\n".join([f"{kind}: {item['text']}", *_fields(item)]))
    return sorted(found.values())


def _open(span: Span) -> str:
    kind = span.kind if span.kind in COLOURS else "other"
    title = html.escape("\n—\n".join(span.titles), quote=True)
    return f'<mark class="k-{kind}" data-kind="{html.escape(span.kind)}" title="{title}">'


def highlight(text: str, found: list[Span]) -> str:
    """The text as HTML, each span a <mark>; a span that crosses the end of one it starts in is
    cut in two there, so that the marks nest."""
    out: list[str] = []

    def render(items: list[Span], lo: int, hi: int) -> None:
        pos = lo
        while items:
            span = items.pop(0)
            if span.start < pos:  # a piece left of one cut before
                span = span.cut(pos, span.end)
                if span.start >= span.end:
                    continue
            out.append(html.escape(text[pos : span.start]))
            inner: list[Span] = []
            while items and items[0].start < span.end:
                other = items.pop(0)
                if other.end <= span.end:
                    inner.append(other)
                else:
                    inner.append(other.cut(other.start, span.end))
                    bisect.insort(items, other.cut(span.end, other.end))
            out.append(_open(span))
            render(inner, span.start, span.end)
            out.append("</mark>")
            pos = span.end
        out.append(html.escape(text[pos:hi]))

    render([s for s in found if 0 <= s.start and s.end <= len(text)], 0, len(text))
    return "".join(out)


def _list(title: str, lines: list[str]) -> str:
    if not lines:
        return ""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    return f"<h2>{html.escape(title)} ({len(lines)})</h2><ul>{items}</ul>"


def _figure(item: Record) -> str:
    details = [str(item[k]) for k in ("currency", "subject", "change", "role", "period") if item.get(k)]
    return f"{item.get('text')}" + (f" — {', '.join(details)}" if details else "")


def _sidebar(record: Record) -> str:
    parts = [
        '<p class="legend">' + "".join(f'<span class="k-{k}">{k}</span>' for k in COLOURS) + "</p>",
    ]
    facts = [(k, item) for k, v in record.items() if k not in _KNOWN and isinstance(v, list)
             for item in v if isinstance(item, dict)]  # fmt: skip
    parts.append(_list("Facts", [f"{k.rstrip('s')}: " + "; ".join(_fields(item)) for k, item in facts]))
    figures = [item for key in ("percentages", "money") for item in record.get(key) or []]
    parts.append(_list("Figures", [_figure(f) for f in figures]))
    persons = [
        f"{p.get('name')}" + "".join(f" — {post.get('normal')}" for post in p.get("posts") or [])
        for p in record.get("persons") or []
    ]
    parts.append(_list("Persons", persons))
    orgs = [
        f"{o.get('name')}" + (f" ({o['legal_form']})" if o.get("legal_form") else "")
        for o in record.get("organizations") or []
    ]
    parts.append(_list("Organizations", orgs))
    parts.append(_list("Locations", [str(loc.get("name")) for loc in record.get("locations") or []]))
    dates = [f"{d.get('text')} → {d.get('value')}" for d in record.get("dates") or [] if d.get("value")]
    parts.append(_list("Dates", dates))
    return "".join(parts)


def _document(title: str, head: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ru"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body><header>{head}</header>\n{body}\n</body></html>\n"
    )


def page(record: Record) -> str:
    """The page of one document record (it needs its ``text``)."""
    source = str(record.get("source", "-"))
    dates = f"date: {record.get('doc_date') or 'none of its own'}"
    if record.get("ref_date") and record.get("ref_date") != record.get("doc_date"):
        dates += f"; relative dates from {record['ref_date']} ({record.get('ref_date_source')})"
    head = f"<h1>{html.escape(source)}</h1><p>{html.escape(dates)}</p>"
    text = record.get("text") or ""
    body = f'<main><div id="text">{highlight(text, spans(record))}</div><aside>{_sidebar(record)}</aside></main>'
    return _document(source, head, body)


def index(entries: list[tuple[str, Record]]) -> str:
    """The index of a folder of pages: each document with a link to its page (a relative path),
    its date and its numbers of persons, organizations, locations; an error record with its message."""
    rows = []
    for href, record in entries:
        source = html.escape(str(record.get("source")))
        if "error" in record:
            error = record["error"] or {}
            cells = f"<td>{source}</td><td colspan=5 class=muted>{html.escape(str(error.get('message')))}</td>"
        else:
            counts = "".join(f"<td>{record.get(k, 0)}</td>" for k in ("persons", "organizations", "locations"))
            cells = (f'<td><a href="{html.escape(href, quote=True)}">{source}</a></td>'
                     f"<td>{html.escape(str(record.get('doc_date') or ''))}</td>{counts}")  # fmt: skip
        rows.append(f"<tr>{cells}</tr>")
    table = ("<table><tr><th>document</th><th>date</th><th>persons</th><th>organizations</th><th>locations</th></tr>"
             + "".join(rows) + "</table>")  # fmt: skip
    return _document("extract", f"<h1>{len(entries)} documents</h1>", f"<main>{table}</main>")


class HtmlSink:
    """``--html``: one page (`folder` False: the path is the page), or a folder of pages, one per
    document at ``<out_name>.html``, and ``index.html`` written at the end."""

    def __init__(self, path: Path, folder: bool) -> None:
        self.path = path
        self.folder = folder
        self.entries: list[tuple[str, Record]] = []

    def check(self) -> None:
        """The folder (or the page's folder) exists or is created: OSError otherwise."""
        (self.path if self.folder else self.path.parent).mkdir(parents=True, exist_ok=True)
        if not self.folder and self.path.is_dir():
            raise IsADirectoryError(21, "is a directory", str(self.path))

    def write(self, record: Record, out_name: str) -> None:
        if "error" in record:
            summary = {"source": record.get("source"), "error": record.get("error")}
            self.entries.append(("", summary))
            return
        if not self.folder:
            write_atomic(self.path, page(record))
            return
        target = self.path / f"{out_name}.html"
        write_atomic(target, page(record))
        href = quote(os.path.relpath(target, self.path).replace(os.sep, "/"))
        counts = {k: len(record.get(k) or []) for k in ("persons", "organizations", "locations")}
        self.entries.append((href, {"source": record.get("source"), "doc_date": record.get("doc_date"), **counts}))

    def close(self) -> None:
        if self.folder:
            write_atomic(self.path / "index.html", index(self.entries))
