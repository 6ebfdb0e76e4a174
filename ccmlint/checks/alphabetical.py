"""``alphabetical``: the State names of each list at a path are in English alphabetical order.

UN lists of States (participants, sponsors) follow English alphabetical order, with
a leading "the", case, diacritics and punctuation ignored, and a State filed where
UN lists file it (the names data's ``sort_key``: the Kingdom of the Netherlands
under N); see ``StateData.sort_key``.

One finding per list, not a cascade: the names that keep their places are the
longest run already in order (preferring the earlier names when several runs are as
long), and the first name outside it is reported with where it belongs: before the
first kept name that sorts after it when it stands too late, else after the last kept
name that sorts before it. So "South Africa, Somalia, South Sudan" says "Somalia
belongs before South Africa", and one name put at the head of a list ("Zambia,
Albania, …") is the one reported, not every name after it. A list longer than
``MAX_NAMES`` is runaway text, not a list of States, and is passed over.

Placeholders: ``{value}`` (the misplaced name), ``{position}`` ("before" or "after"),
``{neighbour}`` (the name it belongs next to) and the list's own fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping, Sequence

from ccmlint.schema import Field, field_validator
from ccmlint.checks.listing import WhereValues, list_fields, lists_at, require_items, require_lists, require_where
from ccmlint.checks.params import CheckParams, FactPath, PathRoles
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, StateRef
from ccmlint.facts.statedata import StateData, load_state_data

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "alphabetical"

MAX_NAMES = 400
"""More names than there are States twice over: not a list of States but runaway text,
which is not worth a quadratic search."""


class Params(CheckParams):
    kind: Literal["alphabetical"]
    path: FactPath
    items: str
    where: WhereValues = Field(default_factory=dict)

    @field_validator("path")
    @classmethod
    def _path_lists(cls, path: str) -> str:
        return require_lists(path)

    @field_validator("items")
    @classmethod
    def _items_names(cls, items: str, info: ValidationInfo) -> str:
        path = info.data.get("path")
        return require_items(path, items) if isinstance(path, str) else items

    @field_validator("where")
    @classmethod
    def _where_fields(cls, where: WhereValues, info: ValidationInfo) -> WhereValues:
        path = info.data.get("path")
        return require_where(path, where) if isinstance(path, str) else where

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": list_fields(self.path) | {"value", "position", "neighbour"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    data = load_state_data()
    for named in lists_at(facts, params.path, params.items, params.where):
        finding = misplaced(named.names, data)
        if finding is None:
            continue
        name, position, neighbour = finding
        values = {**_fields(named.owner, params.path), "value": name, "position": position, "neighbour": neighbour}
        yield Finding(name.span, values, suggestion=f"move {name.text} {position} {neighbour.text}")


def misplaced(names: Sequence[StateRef], data: StateData) -> tuple[StateRef, Literal["before", "after"], StateRef] | None:
    """The first name out of alphabetical order and the name it belongs next to, or None.

    The neighbour is the kept name on the side the name must move to: the first kept
    name that sorts after it when it stands too late, else the last kept name that
    sorts before it.
    """
    if len(names) > MAX_NAMES:
        return None
    keys = [data.sort_key(name.text) for name in names]
    kept = _longest_ordered_run(keys)
    kept_set = set(kept)
    for index, name in enumerate(names):
        if index in kept_set:
            continue
        following = next((other for other in kept if keys[other] > keys[index]), None)
        if following is not None and following < index:
            return name, "before", names[following]
        preceding = [other for other in kept if keys[other] <= keys[index]]
        if preceding:
            return name, "after", names[preceding[-1]]
        if following is not None:
            return name, "before", names[following]
    return None


def _longest_ordered_run(keys: Sequence[str]) -> list[int]:
    """Indices of a longest non-decreasing subsequence, the earliest such when there are several.

    NOTE: ``longest[i]``, the longest ordered run starting at ``i``, is the best run
    starting at any later name whose key is not smaller, plus one; a Fenwick tree over
    the keys' ranks (largest first) gives that best in O(log n), so a list of n names
    costs O(n log n) rather than comparing every pair.
    """
    count = len(keys)
    if count == 0:
        return []
    ranks = {key: rank for rank, key in enumerate(sorted(set(keys), reverse=True), start=1)}
    size = len(ranks)
    best_from = [0] * (size + 1)  # over ranks 1..r: the longest run starting at a later name
    longest = [0] * count  # longest[i]: the longest ordered run starting at i
    for first in range(count - 1, -1, -1):
        rank = ranks[keys[first]]
        best, position = 0, rank
        while position > 0:
            best = max(best, best_from[position])
            position -= position & -position
        longest[first] = best + 1
        position = rank
        while position <= size:
            best_from[position] = max(best_from[position], best + 1)
            position += position & -position
    current = longest.index(max(longest))
    chosen = [current]
    later = current + 1
    while longest[current] > 1:
        while not (keys[later] >= keys[current] and longest[later] == longest[current] - 1):
            later += 1
        current = later
        chosen.append(current)
        later += 1
    return chosen


def _fields(owner: object, path: str) -> dict[str, object]:
    return {name: getattr(owner, name) for name in list_fields(path)}
