"""Facts (meetings, agreements, appointments, workplaces) built from linked entities.

`find_facts` reads a Document whose persons, organizations, locations and dates are linked, and
the tagged text they came from; it fills the Document's `meetings`, `agreements`,
`appointments` and `workplaces`. Every side of a fact is an entity of the Document ({name, type, index}).
"""

from __future__ import annotations

from extractor.facts.agreements import find_agreements
from extractor.facts.appointments import find_appointments
from extractor.facts.meetings import find_meetings
from extractor.facts.units import Scene
from extractor.facts.workplaces import find_workplaces
from extractor.model import Document
from extractor.nlp.tagging import Tagged


def find_facts(tagged: Tagged, doc: Document) -> None:
    """Fill `doc.meetings`, `doc.agreements`, `doc.appointments`, `doc.workplaces`."""
    scene = Scene(tagged, doc)
    doc.meetings = find_meetings(scene)
    doc.agreements = find_agreements(scene)
    doc.appointments = find_appointments(scene)
    doc.workplaces = find_workplaces(scene)


__all__ = ["find_facts"]
