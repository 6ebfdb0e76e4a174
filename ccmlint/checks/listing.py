"""What the list kinds (``sorted``, ``distinct``) share: a path to lists, each a located
fact (a participant list, an enumeration of States) whose ``items`` field holds the
names, optionally narrowed by ``where`` on the list's own fields.
"""

from __future__ import annotations

from typing import Iterator, get_args, get_origin

from ccmlint.engine.factpath import describe, is_fact_type, resolve
from ccmlint.facts.model import Fact, Facts, StateRef
from ccmlint.record import Record, field_names, field_types, is_record_type

WhereValues = dict[str, str | int | bool]


class NamedList(Record):
    """One list found at a path: the fact that holds it and its names in order."""

    owner: Fact
    names: tuple[StateRef, ...]


def require_lists(path: str) -> str:
    """The path must lead to located facts (the lists), so a finding can name its list."""
    if not is_fact_type(describe(path).leaf):
        raise ValueError(f"'{path}' does not lead to located lists (e.g. participants.lists, state_names.enumerations)")
    return path


def require_items(path: str, items: str) -> str:
    """``items`` must be a field of the lists holding State names."""
    leaf = describe(path).leaf
    types = field_types(leaf) if is_record_type(leaf) else {}
    if items not in types:
        known = ", ".join(field_names(leaf)) if is_record_type(leaf) else ""
        raise ValueError(f"the lists at '{path}' have no field '{items}' (fields: {known})")
    annotation = types[items]
    member = get_args(annotation)[0] if get_origin(annotation) is list else None
    if not (isinstance(member, type) and issubclass(member, StateRef)):
        raise ValueError(f"field '{items}' of the lists at '{path}' does not hold State names")
    return items


def require_where(path: str, where: WhereValues) -> WhereValues:
    fields = set(_names(describe(path).leaf))
    for name in where:
        if name not in fields:
            raise ValueError(f"'where' names '{name}', not a field of the lists at '{path}' (fields: {', '.join(sorted(fields))})")
    return where


def lists_at(facts: Facts, path: str, items: str, where: WhereValues) -> Iterator[NamedList]:
    """Every list at ``path`` whose fields match ``where``, with its names."""
    for hit in resolve(facts, path):
        owner = hit.value
        if not isinstance(owner, Fact):
            continue
        if all(getattr(owner, name, None) == value for name, value in where.items()):
            names = tuple(name for name in getattr(owner, items) if isinstance(name, StateRef))
            yield NamedList(owner, names)


def list_fields(path: str) -> frozenset[str]:
    """The list's own fields, which a message may name."""
    return frozenset(_names(describe(path).leaf))


def _names(leaf: object) -> list[str]:
    return field_names(leaf) if is_record_type(leaf) else []  # type: ignore[arg-type]
