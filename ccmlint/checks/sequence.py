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

With ``repeat_message`` a number given again right after itself (chapters I, II, II)
is reported too, worded by that template; without it a repeat is left to ``unique``.
With ``marker`` (a field of the items holding their marker as written: "IV", "(c)",
"Annex II") ``{expected}`` and ``{previous}`` are written as markers ("III", "(b)")
rather than numbers: Roman or letter, upper or lower case, brackets and all, as the
item's own marker writes its number.

Placeholders: ``{value}`` (the item), ``{expected}``, ``{previous}`` (``message`` and
``repeat_message`` only), the ``key`` and ``group`` fields by name, the fields of the
item when it is a located fact, and the fields of the item's owner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator, Literal, Mapping

from ccmlint import regexes
from ccmlint.schema import field_validator, model_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles, require_fields, require_located
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import Hit, describe, is_fact_type, resolve
from ccmlint.facts.model import Fact, Facts
from ccmlint.record import field_names, field_types, field_values
from ccmlint.parse.numerals import letter_value, roman_value, to_roman

if TYPE_CHECKING:
    from pydantic import ValidationInfo

KIND = "sequence"


class Params(CheckParams):
    kind: Literal["sequence"]
    path: FactPath
    key: str
    group: str | None = None
    start: int | Literal["any"] = "any"
    start_message: str | None = None
    repeat_message: str | None = None
    marker: str | None = None

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
            annotation = field_types(leaf)[key]  # type: ignore[arg-type]
            if annotation not in (int, int | None):
                raise ValueError(f"field '{key}' of the items at '{path}' is not a whole number")
        return key

    @field_validator("group")
    @classmethod
    def _group_exists(cls, group: str | None, info: ValidationInfo) -> str | None:
        path = info.data.get("path")
        if group is not None and isinstance(path, str):
            require_fields(path, [group])
        return group

    @field_validator("marker")
    @classmethod
    def _marker_exists(cls, marker: str | None, info: ValidationInfo) -> str | None:
        path = info.data.get("path")
        if marker is not None and isinstance(path, str):
            require_fields(path, [marker])
        return marker

    @model_validator(mode="after")
    def _start_worded(self) -> Params:
        if isinstance(self.start, int) and self.start_message is None:
            raise ValueError("a numeric 'start' needs a 'start_message' for a series that begins elsewhere")
        return self

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        base = describe(self.path).owner_fields | _item_fields(self.path) | {"value", "expected", self.key}
        if self.group is not None:
            base |= {self.group}
        templates = {"message": base | {"previous"}, "start_message": base}
        if self.repeat_message is not None:
            templates["repeat_message"] = base | {"previous"}
        return templates

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))

    def variant(self, finding: Finding) -> str:
        if finding.values.get("repeated"):
            return "repeat_message"
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
    previous_hit: Hit | None = None
    highest: int | None = None
    for hit in hits:
        number = getattr(hit.value, params.key)
        if not isinstance(number, int):
            continue
        if number == previous:
            if params.repeat_message is not None and previous_hit is not None and hit.span is not None:
                values = _values(params, hit, number, number + 1, previous_hit)
                yield Finding(hit.span, {**values, "repeated": True})
            continue  # without a repeat_message, a repeat is the business of ``unique``
        if previous is None or highest is None:
            expected = params.start if isinstance(params.start, int) else number
            resumes = False
        else:
            expected = previous + 1
            resumes = number == highest + 1
        if number != expected and not resumes and hit.span is not None:
            yield Finding(hit.span, _values(params, hit, number, expected, previous_hit))
        previous, previous_hit = number, hit
        highest = number if highest is None else max(highest, number)


def _values(params: Params, hit: Hit, number: int, expected: int, previous_hit: Hit | None) -> dict[str, object]:
    """A finding's values: the item, what was expected and what came before."""
    values: dict[str, object] = {**hit.owner_values(), **_fields_of(hit.value), "value": hit.value, params.key: number}
    values["expected"] = expected
    if params.marker is not None:
        values["expected"] = written_like(expected, getattr(hit.value, params.marker), number)
    if params.group is not None:
        values[params.group] = getattr(hit.value, params.group)
    if previous_hit is not None:
        previous = getattr(previous_hit.value, params.key)
        values["previous"] = getattr(previous_hit.value, params.marker) if params.marker is not None else previous
    return values


def _item_fields(path: str) -> frozenset[str]:
    """The fields of the items themselves, when they are located facts."""
    leaf = describe(path).leaf
    if is_fact_type(leaf):
        return frozenset(field_names(leaf))  # type: ignore[arg-type]
    return frozenset()


def _fields_of(value: object) -> dict[str, object]:
    if not isinstance(value, Fact):
        return {}
    return field_values(value)


_NUMERAL = regexes.compile(r"([A-Za-z]+|\d+)(?=[^A-Za-z0-9]*$)")


def written_like(value: int, marker: str, number: int) -> str:
    """``value`` written the way ``marker`` writes ``number``: for "(c)" (3), 2 is "(b)";
    for "IV" (4), 3 is "III"; for "Annex II" (2), 1 is "Annex I". "I" is a Roman one or
    the ninth letter, which ``number`` tells apart. A marker it cannot read gives the
    plain number."""
    found = _NUMERAL.search(marker)
    if found is None or value < 1:
        return str(value)
    core = found.group(1)
    if core.isdigit():
        text = str(value)
    elif roman_value(core) == number:
        text = to_roman(value)
    elif len(core) == 1 and letter_value(core) == number and value <= 26:
        text = chr(ord("A") + value - 1)
    else:
        return str(value)
    text = text.lower() if core.islower() else text
    return marker[: found.start(1)] + text + marker[found.end(1) :]
