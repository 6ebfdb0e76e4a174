"""When two fact values are the same thing, and how a value reads in a key.

States are compared by ``StateRef.identity`` (the official short name when the pack's
names data knows it, else the written words normalised), so "the Netherlands" and
"Kingdom of the Netherlands" match when the data says so and "Lao Peoples'" does not
silently match "Lao People's".
"""

from __future__ import annotations

from datetime import date

from ccmlint.facts.model import Fact, StateRef, normalise_name


def identity(value: object) -> str:
    """A string equal for two values exactly when they denote the same thing."""
    if isinstance(value, StateRef):
        return value.identity
    if isinstance(value, Fact):
        text = getattr(value, "text", None)
        return normalise_name(text) if isinstance(text, str) else value.display()
    if isinstance(value, str):
        return normalise_name(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def spellings(value: object) -> tuple[str, ...]:
    """The normalised forms a near-miss comparison may look at: identity and the
    written words (they differ when the names data resolved the State)."""
    forms = [identity(value)]
    text = getattr(value, "text", None)
    if isinstance(text, str) and normalise_name(text) not in forms:
        forms.append(normalise_name(text))
    return tuple(forms)
