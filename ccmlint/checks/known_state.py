"""``known_state``: a name the report gives as a State's is one the names data knows.

The names data lists every State (the UN Member and observer States and the
non-member States that join treaties) with the forms drafts use, so a name in a
list of participants, or given for an office holder, that the data does not know is
almost always misspelt ("Lao Peoples' Democratic Republic", "Trinidad and Tobgo").
Only near misses are reported — a known form at least ``near_miss_ratio`` alike —
because a name unlike any State is more likely a non-State participant the
extractor put in the list than a State misspelt, and a linter that cannot tell says
nothing. The suggestion is the State's UN short name; it is also a safe fix when one
State is clearly the closest (no other within ``fix_margin``).

Placeholders: ``{value}``, ``{closest}`` (the UN short name of the nearest State) and
the fields of the value's owner.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Literal, Mapping

from ccmlint.cache import Memo
from ccmlint.hashing import sha256
from ccmlint.schema import Field, field_validator
from ccmlint.checks.params import CheckParams, FactPaths, PathRoles, common_owner_fields, require_located
from ccmlint.diagnostics import Finding, Fix
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import Facts, StateRef, normalise_name
from ccmlint.facts.statedata import StateData, apostrophes_like, load_state_data

KIND = "known_state"


class Params(CheckParams):
    kind: Literal["known_state"]
    items: FactPaths = Field(min_length=1)
    # NOTE: 0.88 keeps "Austria"/"Australia" (0.875) apart, as ``subset`` does.
    near_miss_ratio: float = Field(default=0.88, ge=0.5, le=1.0)
    fix_margin: float = Field(default=0.05, ge=0.0, le=0.5)

    @field_validator("items")
    @classmethod
    def _state_names(cls, items: list[str]) -> list[str]:
        for path in items:
            require_located(path)
            leaf = describe(path).leaf
            if not (isinstance(leaf, type) and issubclass(leaf, StateRef)):
                raise ValueError(f"'{path}' does not lead to State names")
        return items

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": common_owner_fields(self.items) | {"value", "closest"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=tuple(self.items))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    data = load_state_data()
    for path in params.items:
        for hit in resolve(facts, path):
            value = hit.value
            if not isinstance(value, StateRef) or value.state is not None or hit.span is None:
                continue
            if data.form(value.text) is not None:
                continue  # known after all (the fact was built without the names data)
            # Forms a little less alike than a near miss still count against a fix.
            ranked = _ranked(value.text, data, params.near_miss_ratio - params.fix_margin)
            if not ranked or ranked[0][0] < params.near_miss_ratio:
                continue
            ratio, state = ranked[0]
            runner_up = next((other for other, name in ranked[1:] if name != state), 0.0)
            fix = Fix(value.span, apostrophes_like(state, value.text)) if ratio - runner_up >= params.fix_margin else None
            suggestion = f"write {fix.replacement}" if fix is not None else f"check the spelling; the nearest State is {state}"
            yield Finding(hit.span, {**hit.owner_values(), "value": value, "closest": apostrophes_like(state, value.text)}, suggestion=suggestion, fix=fix)


MAX_NAME_LENGTH = 80
"""Longer than any State's name written out: not a name, so not compared."""


def _ranked(written: str, data: StateData, floor: float) -> list[tuple[float, str]]:
    """Known States whose forms are at least ``floor`` alike to ``written``, best first.

    NOTE: comparing a name with every known form takes milliseconds, and the same
    misspelling stays in a draft from commit to commit: rankings are kept across runs,
    keyed by the names data's content."""
    target = normalise_name(written)
    if len(target) > MAX_NAME_LENGTH:
        return []
    key = (_forms_digest(_FormsKey(data)), target, floor)
    ranked = _RANKED.get(key)
    if ranked is None:
        ranked = _rank(target, data, floor)
        _RANKED.put(key, ranked)
    return list(ranked)


_RANKED: Memo[tuple[str, str, float], tuple[tuple[float, str], ...]] = Memo("state-name-ranks")


class _FormsKey:
    """The names data as a cache key: by identity, since it is loaded once per process."""

    __slots__ = ("data",)

    def __init__(self, data: StateData) -> None:
        self.data = data

    def __hash__(self) -> int:
        return id(self.data)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _FormsKey) and other.data is self.data


@lru_cache(maxsize=4)
def _forms_digest(forms: _FormsKey) -> str:
    """What the rankings depend on: every known form and its State."""
    listed = "\n".join(f"{form}\t{known.state}" for form, known in sorted(forms.data.forms.items()))
    return sha256(listed.encode()).hexdigest()


def _rank(target: str, data: StateData, floor: float) -> tuple[tuple[float, str], ...]:
    from difflib import SequenceMatcher  # only for a State name not known

    best: dict[str, float] = {}
    for form, known in data.forms.items():
        matcher = SequenceMatcher(None, target, form)
        # NOTE: the quick upper bounds skip most forms before the costly ratio.
        if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
            continue
        ratio = matcher.ratio()
        if ratio >= floor and ratio > best.get(known.state, 0.0):
            best[known.state] = ratio
    return tuple(sorted(((ratio, state) for state, ratio in best.items()), reverse=True))
