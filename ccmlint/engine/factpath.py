"""Dotted fact paths: checked against the ``Facts`` model when a rule loads, resolved on
the facts of one report when it runs.

A path names fields from ``Facts`` down (``officers.vice_presidents``,
``extensions.until``, ``footnotes.refs.number``). A list met along the way is mapped
over and an optional field is looked through, so one path yields many values. Each
value comes with its *owner*: the nearest located fact (a ``Fact``) above it, which
gives a finding its span when the value has none of its own (a missing term end
points at the coordinator's words) and lends its fields to the message.
"""

from __future__ import annotations

import types
from functools import lru_cache
from typing import Union, get_args, get_origin

from ccmlint.cache import Memo
from ccmlint.facts.model import Fact, Facts
from ccmlint.record import Record, field_names, field_types, field_values, is_record_type
from ccmlint.span import Span


class FactPathError(ValueError):
    """A path that does not name a field of the model; its text is the whole explanation."""


class PathInfo(Record):
    """What a path leads to, as far as the model's annotations tell.

    ``leaf`` is the type of the values (a class, or a typing form such as ``Literal``),
    ``item`` the type of the innermost list mapped over (None when no list is),
    ``owner`` the nearest ``Fact`` class strictly above the leaf.
    """

    path: str
    segments: tuple[str, ...]
    leaf: object
    item: object | None
    owner: type[Fact] | None

    @property
    def many(self) -> bool:
        """Whether the path may yield more than one value."""
        return self.item is not None

    @property
    def located(self) -> bool:
        """Whether every value can be pointed at: it is a fact, or it has an owner that is."""
        return self.owner is not None or is_fact_type(self.leaf)

    @property
    def owner_fields(self) -> frozenset[str]:
        """The owner's fields, which a message may name as placeholders."""
        if self.owner is None:
            return frozenset()
        return frozenset(field_names(self.owner))


class Hit:
    """One value found at a path, with its owner. ``value`` is None when the value is
    missing and the caller asked to see missing values.

    NOTE: a plain slotted class: rules resolve some 1,300 values a lint, and building
    one costs a third of what a frozen dataclass's or a record's does.
    """

    __slots__ = ("owner", "value")

    def __init__(self, owner: Fact | None, value: object) -> None:
        self.owner = owner
        self.value = value

    def __eq__(self, other: object) -> bool:
        if type(other) is not Hit:
            return NotImplemented
        return self.owner == other.owner and self.value == other.value

    def __hash__(self) -> int:
        return hash((self.owner, self.value))

    def __repr__(self) -> str:
        return f"Hit(owner={self.owner!r}, value={self.value!r})"

    @property
    def span(self) -> Span | None:
        """Where to point: the value itself when it is located, else its owner."""
        if isinstance(self.value, Fact):
            return self.value.span
        return self.owner.span if self.owner is not None else None

    def owner_values(self) -> dict[str, object]:
        """The owner's fields by name, for a message's placeholders."""
        if self.owner is None:
            return {}
        return field_values(self.owner)


def is_fact_type(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Fact)


@lru_cache(maxsize=None)
def describe(path: str) -> PathInfo:
    """Check ``path`` against the ``Facts`` model; raise FactPathError naming the first
    segment that does not exist and the fields that do.

    NOTE: the rules' fifty-odd paths are described on every run (their checks resolve
    them); reading the model's annotations for them took ~2 ms of each, so what they
    describe is kept from run to run (a path that does not exist is not kept).
    """
    known = _DESCRIBED.get(path)
    if known is None:
        known = _describe(path)
        _DESCRIBED.put(path, known)
    return known


_DESCRIBED: Memo[str, PathInfo] = Memo("fact-paths")


def _describe(path: str) -> PathInfo:
    segments = tuple(path.split("."))
    if not path or not all(segments):
        raise FactPathError(f"'{path}' is not a fact path (dotted field names, e.g. officers.vice_presidents)")
    current: object = Facts
    owner: type[Fact] | None = None
    item: object | None = None
    for index, segment in enumerate(segments):
        if not is_record_type(current):
            parent = ".".join(segments[:index])
            raise FactPathError(f"unknown fact path '{path}': '{parent}' is a value and has no field '{segment}'")
        if issubclass(current, Fact):
            owner = current
        types = field_types(current)
        if segment not in types or segment == "span":
            known = ", ".join(field_names(current))
            where = ".".join(segments[:index]) or "the facts"
            raise FactPathError(f"unknown fact path '{path}': {where} has no field '{segment}' (fields: {known})")
        annotation = unwrap_optional(types[segment])
        if get_origin(annotation) is list:
            annotation = unwrap_optional(get_args(annotation)[0])
            item = annotation
        current = annotation
    return PathInfo(path, segments, current, item, owner)


def resolve(facts: Facts, path: str, *, keep_missing: bool = False) -> list[Hit]:
    """Every value at ``path`` in document-model order. Missing values (None, or an
    empty list at the last step) are skipped unless ``keep_missing``; a missing value
    higher up means the owner itself is absent, and yields nothing either way."""
    segments = describe(path).segments
    hits: list[Hit] = []
    _walk(facts, None, segments, keep_missing, hits)
    return hits


def present(facts: Facts, path: str) -> bool:
    """Whether ``path`` holds any value: ``bool(resolve(facts, path))``, without
    collecting the values (the runner asks it of every rule's facts)."""
    return _present(facts, describe(path).segments)


def _present(node: object, segments: tuple[str, ...]) -> bool:
    value = getattr(node, segments[0])
    children = value if isinstance(value, list) else (value,)
    if len(segments) == 1:
        return any(child is not None for child in children)
    rest = segments[1:]
    return any(child is not None and _present(child, rest) for child in children)


def values(facts: Facts, path: str) -> list[object]:
    """The present values at ``path``, without owners."""
    return [hit.value for hit in resolve(facts, path)]


def _walk(node: object, owner: Fact | None, segments: tuple[str, ...], keep_missing: bool, hits: list[Hit]) -> None:
    # NOTE: run for every rule on every report; the last step, where the values are,
    # is taken without a call per value.
    if isinstance(node, Fact):
        owner = node
    value = getattr(node, segments[0])
    if len(segments) == 1:
        if isinstance(value, list):
            found = [Hit(owner, child) for child in value if child is not None]
            if found:
                hits.extend(found)
                return
        elif value is not None:
            hits.append(Hit(owner, value))
            return
        if keep_missing:
            hits.append(Hit(owner, None))
        return
    rest = segments[1:]
    if isinstance(value, list):
        for child in value:
            if child is not None:
                _walk(child, owner, rest, keep_missing, hits)
    elif value is not None:
        _walk(value, owner, rest, keep_missing, hits)


def unwrap_optional(annotation: object) -> object:
    """``X | None`` (either spelling) to ``X``; anything else unchanged."""
    if get_origin(annotation) in (Union, types.UnionType):
        members = [member for member in get_args(annotation) if member is not type(None)]
        if len(members) == 1:
            return members[0]
    return annotation
