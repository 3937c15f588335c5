"""The records as tables: one row per item of each kind (persons, posts, organizations, ...), each
with the document's ``source``; what ``extract --tables`` writes as CSV files and
``extractor.frames`` turns into DataFrames.

Built from the JSON records alone, generically: every list of items in a document is a kind (the
kinds of ``schema.json`` always, others when a record has them), its columns are the items'
fields, flattened to one value each:

* ``mentions`` of an entity: their number, and ``start``/``end`` of the first;
* a reference to an entity (``{"name", "type", "index"}``): its name; a list of them, their
  names joined by ``"; "`` (so for the posts of a person, their ``normal`` forms);
* anything else nested: compact JSON.

Two tables are made rather than found: ``posts`` (one row per post of a person, with the
canonical name of its organization or territory through ``org_ref``) and ``documents`` (one row
per document: its dates and how many items of each kind). Error records go to ``errors``.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from extractor.io.output import deferred_signals

Row = dict[str, Any]
JOIN = "; "  # between the names of a list in one cell
DOCUMENT_KEYS = ("source", "doc_date", "ref_date", "ref_date_source")
ERROR_COLUMNS = ["source", "kind", "message"]
POST_COLUMNS = ["source", "person", "person_index", "post", "role", "rank", "trade", "organization",
                "organization_type", "organization_index", "text", "start", "end", "mentions"]  # fmt: skip
# how a nested record is named in one cell, first field present wins
_NAME_FIELDS = ("name", "normal", "text")


@cache
def schema_kinds() -> dict[str, list[str]]:
    """Each list of records in a document by the schema, with its records' fields in order."""
    schema = json.loads(resources.files("extractor").joinpath("schema.json").read_text(encoding="utf-8"))
    defs = schema["$defs"]
    kinds = {}
    for name, prop in defs["document"]["properties"].items():
        ref = prop.get("items", {}).get("$ref", "") if prop.get("type") == "array" else ""
        if ref:
            kinds[name] = list(defs[ref.rsplit("/", 1)[1]]["properties"])
    return kinds


def item_columns(fields: Iterable[str]) -> list[str]:
    """The columns of a kind whose items have these fields."""
    fields = list(fields)
    columns = ["source", "index"]
    for name in fields:
        if name == "mentions" and "start" not in fields:
            columns += ["mentions", "start", "end"]
        else:
            columns.append(name)
    return columns


def document_columns(kinds: Iterable[str]) -> list[str]:
    return [*DOCUMENT_KEYS, *kinds]


def _name(value: Any) -> Any:
    if isinstance(value, dict):
        for key in _NAME_FIELDS:
            if key in value:
                return value[key]
        return json.dumps(value, ensure_ascii=False)
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return JOIN.join(str(_name(v)) for v in value)
    if isinstance(value, dict):
        return _name(value)
    return value


def item_row(source: str, index: int, item: dict[str, Any]) -> Row:
    row: Row = {"source": source, "index": index}
    for name, value in item.items():
        if name == "mentions" and "start" not in item:
            first = value[0] if value else {}
            row.update(mentions=len(value), start=first.get("start"), end=first.get("end"))
        else:
            row[name] = _cell(value)
    return row


def _org_name(record: dict[str, Any], post: dict[str, Any]) -> tuple[Any, Any, Any]:
    """(name, type, index) of a post's organization or territory: the entity's own name through
    ``org_ref``, else the name the post gives."""
    ref = post.get("org_ref")
    if ref:
        entities = record.get(f"{ref['type']}s") or []
        if 0 <= ref["index"] < len(entities):
            return entities[ref["index"]].get("name"), ref["type"], ref["index"]
    return post.get("org"), None, None


def post_rows(record: dict[str, Any]) -> Iterator[Row]:
    for k, person in enumerate(record.get("persons") or []):
        for post in person.get("posts") or []:
            org, org_type, org_index = _org_name(record, post)
            yield {
                "source": record.get("source"), "person": person.get("name"), "person_index": k,
                "post": post.get("normal"), "role": post.get("role"), "rank": bool(post.get("rank")),
                "trade": bool(post.get("trade")), "organization": org,
                "organization_type": org_type, "organization_index": org_index, "text": post.get("text"),
                "start": post.get("start"), "end": post.get("end"), "mentions": len(post.get("mentions") or [post]),
            }  # fmt: skip


def record_kinds(record: dict[str, Any]) -> list[str]:
    """The lists of items in a document record: every list of objects, in the record's order."""
    return [k for k, v in record.items() if isinstance(v, list) and all(isinstance(x, dict) for x in v)]


def rows(record: dict[str, Any]) -> Iterator[tuple[str, Row]]:
    """(table, row) for everything in one record: ``errors`` for an error record; else a row in
    ``documents``, one per item of each kind, and ``posts``."""
    source = record.get("source")
    if "error" in record:
        error = record["error"] or {}
        yield "errors", {"source": source, "kind": error.get("kind"), "message": error.get("message")}
        return
    kinds = record_kinds(record)
    yield "documents", {**{k: record.get(k) for k in DOCUMENT_KEYS}, **{k: len(record[k]) for k in kinds}}
    for kind in kinds:
        for index, item in enumerate(record[kind]):
            yield kind, item_row(source, index, item)
        if kind == "persons":
            yield from (("posts", row) for row in post_rows(record))


def columns_of(table: str, first: Row | None = None) -> list[str]:
    """A table's columns: fixed, by the schema, or those of its first row."""
    kinds = schema_kinds()
    if table == "errors":
        return ERROR_COLUMNS
    if table == "posts":
        return POST_COLUMNS
    if table == "documents":
        return document_columns(kinds)
    if table in kinds:
        return item_columns(kinds[table])
    return list(first or {"source": None, "index": None})


def default_tables() -> list[str]:
    """The tables written even when no row goes into them (a reader looks for them)."""
    kinds = list(schema_kinds())
    if "persons" in kinds:
        kinds.insert(kinds.index("persons") + 1, "posts")
    return ["documents", *kinds, "errors"]


def collect(records: Iterable[dict[str, Any]]) -> dict[str, tuple[list[str], list[Row]]]:
    """Every table with its columns and rows, in memory (for DataFrames): the tables of the schema
    and of the records, documents and errors; a kind no record has and the schema lacks is left out."""
    tables: dict[str, tuple[list[str], list[Row]]] = {t: (columns_of(t), []) for t in default_tables()}
    for record in records:
        for table, row in rows(record):
            if table not in tables:
                tables[table] = (columns_of(table, row), [])
            columns, found = tables[table]
            columns += [c for c in row if c not in columns]  # a field the schema does not know yet
            found.append(row)
    return tables


class TableSink:
    """One CSV file per table in a folder, UTF-8 with a byte-order mark (so that spreadsheet
    programs read Cyrillic), written as records come: each record's rows together, so an
    interrupted run leaves whole records."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, Any] = {}
        self.writers: dict[str, csv.DictWriter[str]] = {}

    def check(self) -> None:
        """Create the folder and every default table (header only, for now); OSError if it cannot."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for table in default_tables():
            self._open(table, None)

    def _open(self, table: str, first: Row | None) -> csv.DictWriter[str]:
        if table not in self.writers:
            fh = open(self.folder / f"{table}.csv", "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
            writer = csv.DictWriter(fh, columns_of(table, first), restval="", extrasaction="ignore")
            writer.writeheader()
            self.files[table], self.writers[table] = fh, writer
        return self.writers[table]

    def write(self, record: dict[str, Any]) -> None:
        with deferred_signals():
            touched = set()
            for table, row in rows(record):
                self._open(table, row).writerow(row)
                touched.add(table)
            for table in touched:
                self.files[table].flush()

    def close(self) -> None:
        for fh in self.files.values():
            fh.close()
        self.files.clear()
        self.writers.clear()

    def paths(self) -> list[str]:
        return sorted(os.fspath(self.folder / f"{t}.csv") for t in self.writers)
