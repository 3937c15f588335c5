"""A short, readable digest of one record for the terminal (``extract --summary``): persons with
their posts, organizations with their forms, facts, figures with what they measure, dates.

Written from the JSON record alone: a kind is shown when the record has it (money and facts as
they come), and a kind this module does not know is shown by its items' text or names.
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]
SHOWN = 12  # items of one kind shown at most; the rest are counted
_NAMED = ("persons", "organizations", "locations")
_FIGURES = ("percentages", "money")
_FACT_DETAILS = ("kind", "action", "relation", "post", "date", "place")
_FIGURE_DETAILS = ("subject", "change", "role", "period")
_SKIP = {"dates", *_NAMED, *_FIGURES}


def _names(value: Any) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or "")
    if isinstance(value, list):
        return ", ".join(filter(None, (_names(v) for v in value)))
    return "" if value is None else str(value)


def _more(items: list[Any]) -> list[str]:
    return [f"  … and {len(items) - SHOWN} more"] if len(items) > SHOWN else []


def _person(person: Record) -> str:
    posts = [post.get("normal") for post in person.get("posts") or [] if post.get("normal")]
    return f"  {person.get('name')}" + (f" — {'; '.join(posts)}" if posts else "")


def _organization(org: Record) -> str:
    forms = [str(org.get(k)) for k in ("legal_form", "kind") if org.get(k)]
    aliases = org.get("aliases") or []
    also = f"; also «{'», «'.join(aliases)}»" if aliases else ""
    parent = f"; part of {org['parent']}" if org.get("parent") else ""
    return f"  {org.get('name')}" + (f" ({', '.join(forms)}{also}{parent})" if forms or also or parent else "")


def _figure(item: Record) -> str:
    details = [str(item[k]) for k in _FIGURE_DETAILS if item.get(k)]
    if item.get("currency"):
        details.insert(0, str(item["currency"]))
    return f"  {item.get('text')}" + (f" — {', '.join(details)}" if details else "")


def _fact(kind: str, item: Record) -> str:
    who = "; ".join(filter(None, (_names(v) for k, v in item.items() if isinstance(v, dict | list))))
    details = [f"{k} {item[k]}" for k in _FACT_DETAILS if item.get(k)]
    what = kind[:-1] if kind.endswith("s") else kind
    return f"  {what}: {who}" + (f" ({', '.join(details)})" if details else "")


def _section(title: str, lines: list[str], items: list[Any]) -> list[str]:
    return [f"{title} ({len(items)})", *lines[:SHOWN], *_more(items)] if items else []


def digest(record: Record) -> str:
    """The digest of a record, lines ending with a newline; an error record in one line."""
    source = record.get("source", "-")
    if "error" in record:
        error = record["error"] or {}
        return f"{source}: not extracted ({error.get('kind')}): {error.get('message')}\n"
    date = record.get("doc_date") or "no date of its own"
    ref = record.get("ref_date")
    head = f"{source} — {date}"
    if ref and ref != record.get("doc_date"):
        head += f" (relative dates from {ref}, {record.get('ref_date_source')})"
    out = [head]
    persons = record.get("persons") or []
    out += _section("Persons", [_person(p) for p in persons], persons)
    orgs = record.get("organizations") or []
    out += _section("Organizations", [_organization(o) for o in orgs], orgs)
    locations = record.get("locations") or []
    if locations:
        out.append(f"Locations ({len(locations)}): {', '.join(str(loc.get('name')) for loc in locations)}")
    facts = [(k, item) for k, v in record.items() if k not in _SKIP and isinstance(v, list) for item in v
             if isinstance(item, dict)]  # fmt: skip
    out += _section("Facts", [_fact(k, item) for k, item in facts], facts)
    figures = [item for kind in _FIGURES for item in record.get(kind) or []]
    out += _section("Figures", [_figure(f) for f in figures], figures)
    dates = [d for d in record.get("dates") or [] if d.get("value")]
    if dates:
        shown = ", ".join(f"{d.get('text')} ({d.get('value')})" for d in dates[:SHOWN])
        out.append(f"Dates ({len(dates)}): {shown}" + (" …" if len(dates) > SHOWN else ""))
    if len(out) == 1:
        out.append("  nothing found")
    return "\n".join(out) + "\n"
