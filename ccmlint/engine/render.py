"""How a value reads in a message or a suggestion.

Checks hand the engine raw values (facts, dates, numbers); a fact reads as it was
written (``display()``), a date in UN style ("10 September 2024"), an absent value
as "(not stated)" so that a message never prints "None".
"""

from __future__ import annotations

from datetime import date

from ccmlint.facts.model import Fact

NOT_STATED = "(not stated)"


def render(value: object) -> str:
    if value is None:
        return NOT_STATED
    if isinstance(value, Fact):
        return value.display() or NOT_STATED
    if isinstance(value, date):
        # UN editorial style: day, month name, year, no leading zero, no comma.
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, (list, tuple)):
        return ", ".join(render(item) for item in value)
    return str(value)
