"""Fields of the items a rule checks, named by the rule (``first``, ``given.value``).

Kinds that compare or compute with an item's own fields (``compare``,
``arithmetic``, ``years_between``) name them in the rule file; a name is checked
against the facts model when the rule loads, so a misspelt field is an error at its
line, and read from a fact when the rule runs.
"""

from __future__ import annotations

from ccmlint.engine.factpath import describe, unwrap_optional
from ccmlint.record import Record, field_names, field_types, field_values, is_record_type


def item_type(path: str) -> type[Record]:
    """The model of the items at ``path``; they must have fields."""
    leaf = describe(path).leaf
    if not is_record_type(leaf):
        raise ValueError(f"'{path}' leads to plain values; this kind needs items with fields")
    return leaf


def field_type(model: type[Record], dotted: str) -> object:
    """The annotation of a dotted field of ``model`` (``X | None`` unwrapped); ValueError
    naming the field and the known ones when it does not exist."""
    current: object = model
    for part in dotted.split("."):
        if not is_record_type(current):
            raise ValueError(f"'{dotted}': '{part}' is not a field of a value")
        types = field_types(current)
        if part not in types or part == "span":
            known = ", ".join(field_names(current))
            raise ValueError(f"'{dotted}': no field '{part}' (fields: {known})")
        current = unwrap_optional(types[part])
    return current


def read(item: object, dotted: str) -> object:
    """The value of a dotted field of a fact; None when a step along it is absent."""
    value: object = item
    for part in dotted.split("."):
        if value is None:
            return None
        value = getattr(value, part, None)
    return value


def fields_of(item: Record) -> dict[str, object]:
    """An item's fields by name, for a message's placeholders."""
    return field_values(item)
