"""The rules: mentions of one kind each, from tagged tokens. A rule module never imports another."""
