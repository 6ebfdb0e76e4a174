"""``acronym_defined``: acronyms are spelled out once, at their first use.

UN style writes "Implementation Support Unit (ISU)" the first time and "ISU" after.
The facts (``acronyms``) say where the report spells each acronym out and where it
uses one; ``problem`` chooses what a rule reports:

- ``used_before_definition``: the first use comes before the spelling-out. The report
  itself shows the acronym needs one, so this is reliable; reported at the first use.
- ``never_defined``: used but spelled out nowhere. Some names are their acronym or
  need no spelling-out ("UN"): the ``known`` list of the packs' ``data/<known>.yaml``
  names them. Reported at the first use.
- ``defined_twice``: spelled out again after the first time (a spelling-out inside a
  quoted title is the title's, not the report's, and does not count). Reported at
  each later spelling-out.

The known list::

    known:
      - acronym: UN
        note: why it needs no spelling-out
        src: [un_editorial_manual]

Placeholders: ``{acronym}``; for ``used_before_definition`` also ``{expansion}`` and
``{definition_line}``; for ``defined_twice`` also ``{expansion}`` and ``{first_line}``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cached_property
from typing import Iterator, Literal, Mapping

from ccmlint.schema import ConfigDict, Field, InvalidData, field_validator, validate
from ccmlint.record import Record
from ccmlint.checks.params import CheckParams, PathRoles
from ccmlint.checks.styledata import StyleDataError, prepared_style_list
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.facts.model import AcronymDefinition, AcronymUse, Facts

KIND = "acronym_defined"

Problem = Literal["used_before_definition", "never_defined", "defined_twice"]

_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "used_before_definition": frozenset({"acronym", "expansion", "definition_line"}),
    "never_defined": frozenset({"acronym"}),
    "defined_twice": frozenset({"acronym", "expansion", "first_line"}),
}


class KnownAcronym(Record):
    """An acronym a report may use without spelling it out, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    acronym: str = Field(pattern=r"^[A-Z][A-Z0-9&]*[A-Z0-9]$")
    note: str = Field(min_length=1)
    src: list[str] = Field(default_factory=list)


class Params(CheckParams):
    kind: Literal["acronym_defined"]
    problem: Problem
    known: str = Field(default="acronyms", min_length=1, description="the data file listing acronyms that need no spelling-out")

    @field_validator("known")
    @classmethod
    def _known_loads(cls, name: str) -> str:
        """A plain data file name, read and checked as the rule loads."""
        if not re.fullmatch(r"[\w-]+", name):
            raise ValueError(f"'{name}' must be a data file's name without folder or extension, e.g. acronyms")
        load_known(name)
        return name

    @cached_property
    def known_acronyms(self) -> frozenset[str]:
        return load_known(self.known)

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": _PLACEHOLDERS[self.problem]}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=("acronyms.definitions" if self.problem == "defined_twice" else "acronyms.uses",))


def load_known(data: str) -> frozenset[str]:
    """The acronyms of the packs' ``data/<data>.yaml`` ``known`` list, validated."""
    return prepared_style_list("known-acronyms", data, "known", _known)


def _known(value: object, where: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise StyleDataError(f"{where}: 'known' must be a list of acronyms")
    known: set[str] = set()
    for index, entry in enumerate(value):
        try:
            known.add(validate(KnownAcronym, entry).acronym)
        except InvalidData as error:
            problem = error.errors()[0]
            field = ".".join(str(part) for part in problem["loc"])
            raise StyleDataError(f"{where}: known[{index}] {field}: {problem['msg']}") from None
    return frozenset(known)


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    definitions: dict[str, list[AcronymDefinition]] = defaultdict(list)
    for definition in facts.acronyms.definitions:
        definitions[definition.text].append(definition)
    uses: dict[str, list[AcronymUse]] = defaultdict(list)
    for use in facts.acronyms.uses:
        uses[use.acronym].append(use)
    known = params.known_acronyms
    if params.problem == "defined_twice":
        for acronym, spelled_out in definitions.items():
            own = sorted((item for item in spelled_out if not item.quoted), key=lambda item: item.span.start)
            for again in own[1:]:
                values = {"acronym": acronym, "expansion": own[0].expansion, "first_line": own[0].span.line}
                yield Finding(again.span, values, suggestion=f"write '{acronym}' alone here")
        return
    for acronym, used in uses.items():
        if acronym in known:
            continue
        first_use = min(used, key=lambda item: item.span.start)
        spelled_out = definitions.get(acronym)
        if params.problem == "never_defined" and not spelled_out:
            suggestion = f"spell '{acronym}' out here, the words in full followed by '({acronym})'"
            yield Finding(first_use.span, {"acronym": acronym}, suggestion=suggestion)
        elif params.problem == "used_before_definition" and spelled_out:
            first = min(spelled_out, key=lambda item: item.span.start)
            if first_use.span.start < first.span.start:
                values = {"acronym": acronym, "expansion": first.expansion, "definition_line": first.span.line}
                suggestion = f"spell it out here, '{first.expansion} ({acronym})', and use '{acronym}' alone later"
                yield Finding(first_use.span, values, suggestion=suggestion)
