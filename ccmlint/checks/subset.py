"""``subset``: every value at the ``items`` paths is among the values at ``within``.

Used for office holders who must be participating States Parties (Vice-Presidents,
the President's State). Values are compared by identity (see ``identity``). A value
that is missing but close in spelling to a member of ``within`` is reported with the
``near_miss_message`` and the member as ``{closest}``: a misspelling in one of the
two places is a different problem from a State that is plainly not there.

Placeholders: ``{value}`` (the value not found), ``{closest}`` (near miss only) and
the fields of the value's owner, when every ``items`` path has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import Field, field_validator
from ccmlint.checks.identity import identity, spellings
from ccmlint.checks.params import CheckParams, FactPath, FactPaths, PathRoles, common_owner_fields, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import Hit, describe, resolve
from ccmlint.engine.render import render
from ccmlint.facts.model import Fact, Facts
from ccmlint.record import is_record_type

if TYPE_CHECKING:
    from difflib import SequenceMatcher

KIND = "subset"


class Params(CheckParams):
    kind: Literal["subset"]
    items: FactPaths = Field(min_length=1)
    within: FactPath
    near_miss_message: str
    # NOTE: 0.88 keeps "Austria"/"Australia" (0.875) apart while "Lao Peoples'" and
    # "Lao People's" (0.97) are caught; lower it only with a test showing why.
    near_miss_ratio: float = Field(default=0.88, ge=0.5, le=1.0)

    @field_validator("items")
    @classmethod
    def _items_located(cls, items: list[str]) -> list[str]:
        return [_comparable(require_located(path)) for path in items]

    @field_validator("within")
    @classmethod
    def _within_comparable(cls, path: str) -> str:
        return _comparable(path)

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        base = common_owner_fields(self.items) | {"value"}
        return {"message": base, "near_miss_message": base | {"closest"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=tuple(self.items), references=(self.within,))

    def variant(self, finding: Finding) -> str:
        return "near_miss_message" if "closest" in finding.values else "message"


def _comparable(path: str) -> str:
    """Values compare by identity: facts and plain values do, a bare container does not."""
    leaf = describe(path).leaf
    if is_record_type(leaf) and not issubclass(leaf, Fact):  # type: ignore[arg-type]
        raise ValueError(f"'{path}' leads to a group of facts, not values to compare; name a list or field inside it")
    return path


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    members = resolve(facts, params.within)
    if not members:
        return  # no list to check against: the engine reports the missing fact
    known = {identity(member.value) for member in members}
    matchers = _Matchers()
    spelt = [(member, spellings(member.value)) for member in members]
    for path in params.items:
        for hit in resolve(facts, path):
            if identity(hit.value) in known or hit.span is None:
                continue
            values: dict[str, object] = {**hit.owner_values(), "value": hit.value}
            closest = _closest(hit, spelt, params.near_miss_ratio, matchers)
            if closest is None:
                yield Finding(hit.span, values)
                continue
            values["closest"] = closest.value
            where = f" (line {closest.span.line})" if closest.span is not None else ""
            suggestion = (
                f"if the same State is meant, write it one way in both places: "
                f"'{render(hit.value)}' here or '{render(closest.value)}'{where}"
            )
            yield Finding(hit.span, values, suggestion=suggestion)


class _Matchers:
    """``difflib.SequenceMatcher``s for the spellings compared with, one per spelling:
    a matcher indexes its second sequence once and compares any number of firsts."""

    def __init__(self) -> None:
        self._by_spelling: dict[str, SequenceMatcher] = {}

    def ratio(self, mine: str, theirs: str, at_least: float) -> float:
        """``SequenceMatcher(None, mine, theirs).ratio()``, or -1 where it is surely
        below ``at_least``."""
        matcher = self._by_spelling.get(theirs)
        if matcher is None:
            from difflib import SequenceMatcher  # only when a member is not found

            matcher = self._by_spelling[theirs] = SequenceMatcher(None, "", theirs)
        matcher.set_seq1(mine)
        if matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least:
            return -1.0
        return matcher.ratio()


def _closest(hit: Hit, members: list[tuple[Hit, tuple[str, ...]]], threshold: float, matchers: _Matchers) -> Hit | None:
    """The member most similar in spelling, if at least ``threshold`` similar.

    NOTE: every value not found is compared with every member (a hundred States, a few
    spellings each), which took half of some lints. A pair whose quick upper bounds
    fall short of the best so far cannot change the outcome and is not compared in
    full; the members' spellings are indexed once for the whole check."""
    best: Hit | None = None
    best_ratio = threshold
    forms = spellings(hit.value)
    for member, member_forms in members:
        ratio = max(
            (matchers.ratio(mine, theirs, at_least=best_ratio) for mine in forms for theirs in member_forms),
            default=-1.0,
        )
        if ratio > best_ratio or (best is None and ratio >= best_ratio):
            best, best_ratio = member, ratio
    return best
