"""Inputs and outputs: bytes to text (encodings, HTML), JSON out, atomic files."""
