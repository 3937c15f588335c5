"""Merging and linking: one entity per real thing, posts to persons and organizations."""
