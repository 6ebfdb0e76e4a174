"""``within_range``: every number at ``value`` lies between ``minimum`` and ``maximum``.

Used for what is cited by number: articles of the Convention (there are 23), actions
of its action plan, plenary sessions (no more than the report says were held),
years of an extension (at most five). A bound is written in one of three ways:

- a number (``minimum: 1``);
- a value of the pack's reference data, so that a convention constant has one
  source with its citation: ``{data: ccm/data/meetings.yaml, key: convention.articles}``
  (a path under the rules folder, and a dotted key in that file); it is read and
  checked when the rule loads;
- a fact of the report: ``{fact: plenaries.held.count}``. A report that does not
  state it gives no bound, and nothing is reported (many reports never say how many
  sessions were held, so its absence is not worth a note).

Placeholders: ``{value}``, ``{minimum}``, ``{maximum}`` and the fields of the value's owner.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path, PurePosixPath
from typing import Iterator, Literal, Mapping, Union

from ccmlint.schema import ConfigDict, field_validator, model_validator
from ccmlint.record import Record
from ccmlint.packdata_io import prepared, read_yaml_data
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_located, require_single
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import Facts
from ccmlint.facts.phrasings import rules_root

KIND = "within_range"

Number = Union[int, float]


class _Strict(Record):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DataBound(_Strict):
    """A number kept in a pack's reference data."""

    data: str
    key: str

    @model_validator(mode="after")
    def _resolves(self) -> DataBound:
        data_value(self.data, self.key)  # raises ValueError naming what is wrong
        return self


class FactBound(_Strict):
    """A number the report states."""

    fact: FactPath

    @field_validator("fact")
    @classmethod
    def _one_number(cls, path: str) -> str:
        require_single(path)
        if describe(path).leaf not in (int, float):
            raise ValueError(f"'{path}' does not lead to a number")
        return path


Bound = Union[int, float, DataBound, FactBound]


class Params(CheckParams):
    kind: Literal["within_range"]
    value: FactPath
    minimum: Bound | None = None
    maximum: Bound | None = None

    @field_validator("value")
    @classmethod
    def _numbers(cls, path: str) -> str:
        require_located(path)
        if describe(path).leaf not in (int, float):
            raise ValueError(f"'{path}' does not lead to numbers")
        return path

    @model_validator(mode="after")
    def _bounded(self) -> Params:
        if self.minimum is None and self.maximum is None:
            raise ValueError("give a 'minimum', a 'maximum' or both")
        return self

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": describe(self.value).owner_fields | {"value", "minimum", "maximum"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.value,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    minimum = _bound(params.minimum, facts)
    maximum = _bound(params.maximum, facts)
    if (params.minimum is not None and minimum is None) or (params.maximum is not None and maximum is None):
        return  # a bound the report does not state: cannot decide
    for hit in resolve(facts, params.value):
        number = hit.value
        if not isinstance(number, (int, float)) or isinstance(number, bool) or hit.span is None:
            continue
        if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
            yield Finding(hit.span, {**hit.owner_values(), "value": number, "minimum": minimum, "maximum": maximum})


def _bound(bound: Bound | None, facts: Facts) -> Number | None:
    if bound is None or isinstance(bound, (int, float)):
        return bound
    if isinstance(bound, DataBound):
        return data_value(bound.data, bound.key)
    found = [hit.value for hit in resolve(facts, bound.fact) if isinstance(hit.value, (int, float))]
    return found[0] if found else None


@cache
def data_value(data: str, key: str) -> Number:
    """The number at a dotted ``key`` of a pack's data file (a path under the rules folder)."""
    relative = PurePosixPath(data)
    if relative.is_absolute() or ".." in relative.parts or relative.suffix not in (".yaml", ".yml"):
        raise ValueError(f"'{data}' must name a YAML file under the rules folder, e.g. ccm/data/meetings.yaml")
    path = rules_root() / Path(*relative.parts)
    if not path.is_file():
        raise ValueError(f"no data file '{data}' under the rules folder")
    # NOTE: the number alone is kept, not the whole file's data: a run reads it back.
    return prepared("data-value", [path], lambda: _number_at(read_yaml_data(path), data, key), part=key)


def _number_at(value: object, data: str, key: str) -> Number:
    for part in key.split("."):
        if not isinstance(value, Mapping) or part not in value:
            raise ValueError(f"'{data}' has no key '{key}' (missing '{part}')")
        value = value[part]
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        raise ValueError(f"'{key}' in '{data}' is not a number")
    return value
