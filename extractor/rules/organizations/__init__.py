"""Organizations: mention sources (mentions), names and kinds (names), what is no organization
(filters), passes over a document (passes)."""

from extractor.rules.organizations.mentions import find_org_mentions

__all__ = ["find_org_mentions"]
