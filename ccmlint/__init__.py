"""ccmlint: a linter for final reports of meetings of States Parties."""

__version__ = "0.1.0"
