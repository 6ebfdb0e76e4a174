"""``references_resolve``: every item at ``refs`` has an item at ``targets`` with the
same ``key`` fields.

Used both ways round for footnotes: a reference mark without a footnote text, and a
footnote text that nothing refers to (swap ``refs`` and ``targets``). When there is
no target at all, nothing is reported by default: the engine says the facts are
missing, since for facts read from prose an extractor that found nothing is likelier
than a report that has nothing. Where the targets are markup the parser reads
without guessing (footnote texts), set ``no_targets_means: unresolved``.

A key field left unstated (None) on either side is exact by default: it matches only
another None. With ``unstated: matches_any`` it matches any value, for references that
may name their target loosely: "the annex" resolves to whichever annex there is, and
"annex I" to a single annex headed "Annex" without a numeral.

Placeholders: ``{value}`` (the unresolved item), each ``key`` field by name, and the
fields of the item's owner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint.schema import Field, field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_fields, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import Facts

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "references_resolve"


class Params(CheckParams):
    kind: Literal["references_resolve"]
    refs: FactPath
    targets: FactPath
    key: list[str] = Field(min_length=1)
    no_targets_means: Literal["unknown", "unresolved"] = "unknown"
    unstated: Literal["exact", "matches_any"] = "exact"

    @field_validator("refs")
    @classmethod
    def _refs_located(cls, path: str) -> str:
        return require_located(path)

    @field_validator("key")
    @classmethod
    def _key_fields_exist(cls, key: list[str], info: ValidationInfo) -> list[str]:
        for side in ("refs", "targets"):
            path = info.data.get(side)
            if isinstance(path, str):
                require_fields(path, key)
        return key

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.refs).owner_fields | set(self.key) | {"value"}}

    def roles(self, context: Context) -> PathRoles:
        if self.no_targets_means == "unresolved":
            return PathRoles(subjects=(self.refs,))
        return PathRoles(subjects=(self.refs,), references=(self.targets,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    targets = resolve(facts, params.targets)
    if not targets and params.no_targets_means == "unknown":
        return
    known = {tuple(getattr(target.value, name) for name in params.key) for target in targets}
    for hit in resolve(facts, params.refs):
        key = tuple(getattr(hit.value, name) for name in params.key)
        if key in known or hit.span is None:
            continue
        if params.unstated == "matches_any" and any(_loosely_equal(key, target) for target in known):
            continue
        yield Finding(hit.span, {**hit.owner_values(), **dict(zip(params.key, key)), "value": hit.value})


def _loosely_equal(key: tuple[object, ...], target: tuple[object, ...]) -> bool:
    """Equal field by field, where a field left unstated on either side matches anything."""
    return all(mine is None or theirs is None or mine == theirs for mine, theirs in zip(key, target))
