"""``sequence``: the ``key`` numbers of the items at a path, in document order, run
1 by 1 (UN footnotes are numbered consecutively through the document).

Each break is reported once, at the item that breaks it, and counting continues from
the number found, so one missing footnote does not flag every later one; after a step
back, the next number may also continue from the highest so far, so two swapped
footnotes (5, 7, 6, 8) are two findings, not three. A repeated
number is left to ``unique``. With ``group`` the items are counted per value of that
field (footnotes and endnotes each have their own series). ``start`` is the number
the first item must carry, or ``any`` (a body may start at 3 when the cover page
carries the first footnotes); a wrong start is worded by ``start_message``.

Placeholders: ``{value}`` (the item), ``{expected}``, ``{previous}`` (``message``
only), the ``key`` and ``group`` fields by name, and the fields of the item's owner.
"""

from __future__ import annotations

from typing import Iterator, Literal, Mapping

from pydantic import ValidationInfo, field_validator, model_validator

from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_fields, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import Hit, describe, resolve
from ccmlint.facts.model import Facts

KIND = "sequence"


class Params(CheckParams):
    kind: Literal["sequence"]
    path: FactPath
    key: str
    group: str | None = None
    start: int | Literal["any"] = "any"
    start_message: str | None = None

    @field_validator("path")
    @classmethod
    def _path_located(cls, path: str) -> str:
        return require_located(path)

    @field_validator("key")
    @classmethod
    def _key_is_number(cls, key: str, info: ValidationInfo) -> str:
        path = info.data.get("path")
        if isinstance(path, str):
            require_fields(path, [key])
            leaf = describe(path).leaf
            annotation = getattr(leaf, "model_fields")[key].annotation
            if annotation is not int:
                raise ValueError(f"field '{key}' of the items at '{path}' is not a whole number")
        return key

    @field_validator("group")
    @classmethod
    def _group_exists(cls, group: str | None, info: ValidationInfo) -> str | None:
        path = info.data.get("path")
        if group is not None and isinstance(path, str):
            require_fields(path, [group])
        return group

    @model_validator(mode="after")
    def _start_worded(self) -> Params:
        if isinstance(self.start, int) and self.start_message is None:
            raise ValueError("a numeric 'start' needs a 'start_message' for a series that begins elsewhere")
        return self

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        base = describe(self.path).owner_fields | {"value", "expected", self.key}
        if self.group is not None:
            base |= {self.group}
        return {"message": base | {"previous"}, "start_message": base}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))

    def variant(self, finding: Finding) -> str:
        return "message" if "previous" in finding.values else "start_message"


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    series: dict[object, list[Hit]] = {}
    for hit in resolve(facts, params.path):
        if hit.span is not None:
            group = getattr(hit.value, params.group) if params.group is not None else None
            series.setdefault(group, []).append(hit)
    for hits in series.values():
        yield from _breaks(params, sorted(hits, key=lambda hit: hit.span.start if hit.span else 0))


def _breaks(params: Params, hits: list[Hit]) -> Iterator[Finding]:
    previous: int | None = None
    highest: int | None = None
    for hit in hits:
        number = getattr(hit.value, params.key)
        if not isinstance(number, int) or number == previous:
            continue  # a repeat is the business of ``unique``
        if previous is None or highest is None:
            expected = params.start if isinstance(params.start, int) else number
            resumes = False
        else:
            expected = previous + 1
            resumes = number == highest + 1
        if number != expected and not resumes and hit.span is not None:
            values: dict[str, object] = {**hit.owner_values(), "value": hit.value, params.key: number}
            values["expected"] = expected
            if params.group is not None:
                values[params.group] = getattr(hit.value, params.group)
            if previous is not None:
                values["previous"] = previous
            yield Finding(hit.span, values)
        previous = number
        highest = number if highest is None else max(highest, number)
