"""The output contract lives in model.py (records, Literal types) and schema.json: they must agree,
field for field and value for value."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from importlib import resources
from typing import Any

import pytest

from extractor import model

SCHEMA = json.loads(resources.files("extractor").joinpath("schema.json").read_text(encoding="utf-8"))
RECORDS = {
    "mention": model.Mention,
    "ref": model.OrgRef,
    "post": model.Post,
    "person": model.Person,
    "organization": model.Organization,
    "location": model.Location,
    "percentage": model.Percentage,
    "money": model.Money,
    "date": model.DateItem,
    "entity_ref": model.EntityRef,
    "meeting": model.Meeting,
    "agreement": model.Agreement,
    "appointment": model.Appointment,
    "document": model.Document,
}


def _literal_values(hint: Any) -> set[Any] | None:
    """The values a field may take when its type is a Literal (None too when it is optional)."""
    if typing.get_origin(hint) is typing.Literal:
        return set(typing.get_args(hint))
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = typing.get_args(hint)
        literal = [a for a in args if typing.get_origin(a) is typing.Literal]
        if literal:
            values = set(typing.get_args(literal[0]))
            return values | ({None} if type(None) in args else set())
    return None


def _enum(prop: dict[str, Any]) -> set[Any] | None:
    if "$ref" in prop:
        prop = SCHEMA["$defs"][prop["$ref"].rsplit("/", 1)[1]]
    return set(prop["enum"]) if "enum" in prop else None


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_record_fields_are_the_schema_properties(name: str) -> None:
    definition = SCHEMA["$defs"][name]
    fields = [f.name for f in dataclasses.fields(RECORDS[name])]
    assert fields == list(definition["properties"]), "fields and properties (in order) differ"
    always = [f.name for f in dataclasses.fields(RECORDS[name]) if f.metadata != model.OPTIONAL]
    assert set(definition["required"]) == set(always), "every field but the optional ones is always written"
    assert definition["additionalProperties"] is False


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_closed_sets_are_the_schema_enums(name: str) -> None:
    hints = typing.get_type_hints(RECORDS[name])
    properties = SCHEMA["$defs"][name]["properties"]
    for field_name, hint in hints.items():
        values = _literal_values(hint)
        if values is None:
            continue
        assert _enum(properties[field_name]) == values, field_name


def test_every_schema_definition_is_used() -> None:
    text = json.dumps(SCHEMA)
    for name in SCHEMA["$defs"]:
        assert f'"#/$defs/{name}"' in text, f"unused definition {name}"


def test_json_of_a_record_follows_its_fields() -> None:
    post = model.Post(normal="губернатор Тульской области", text="губернатора Тульской области", start=3, end=31,
                      role="губернатор", org="Тульская область", org_ref=model.OrgRef("location", 0),
                      mentions=[model.Mention("губернатора Тульской области", 3, 31)])
    person = model.Person("Дмитрий Миляев", "Дмитрий", None, "Миляев", [post], [model.Mention("Миляев", 40, 46)])
    assert person.to_json() == {
        "name": "Дмитрий Миляев", "first": "Дмитрий", "middle": None, "last": "Миляев",
        "posts": [{"normal": "губернатор Тульской области", "text": "губернатора Тульской области", "start": 3,
                   "end": 31, "role": "губернатор", "org": "Тульская область",
                   "org_ref": {"type": "location", "index": 0},
                   "mentions": [{"text": "губернатора Тульской области", "start": 3, "end": 31}], "rank": False,
                   "trade": False}],
        "mentions": [{"text": "Миляев", "start": 40, "end": 46}],
    }  # fmt: skip


def test_an_optional_field_is_written_only_with_a_value() -> None:
    doc = model.Document(source="a.txt", doc_date=None, ref_date=None, ref_date_source="none")
    assert "text" not in doc.to_json()
    doc.text = "Текст релиза."
    assert doc.to_json()["text"] == "Текст релиза."
    assert list(doc.to_json())[:4] == ["source", "doc_date", "ref_date", "ref_date_source"]
