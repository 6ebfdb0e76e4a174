"""The ``acronym_defined`` kind on hand-built acronym facts: one finding per acronym at
its first use, known acronyms skipped, quoted spellings-out not counted twice."""

from __future__ import annotations

import pytest
from factsbuild import span

from ccmlint.checks import acronym_defined
from ccmlint.engine.context import Context
from ccmlint.facts.model import AcronymDefinition, AcronymUse, Acronyms, Facts
from ccmlint.schema import InvalidData, validate


def use(text: str, line: int) -> AcronymUse:
    return AcronymUse(span=span(line), text=text, acronym=text.rstrip("s"))


def definition(text: str, line: int, quoted: bool = False) -> AcronymDefinition:
    return AcronymDefinition(span=span(line), text=text, expansion=f"the words of {text}", quoted=quoted)


def _lines(problem: str, acronyms: Acronyms) -> list[tuple[int, dict[str, object]]]:
    params = validate(acronym_defined.Params, dict(kind="acronym_defined", problem=problem))  # type: ignore[arg-type]
    return [(f.span.line, dict(f.values)) for f in acronym_defined.check(params, Facts(acronyms=acronyms), Context())]


def test_used_before_definition_is_reported_once_at_the_first_use() -> None:
    acronyms = Acronyms(definitions=[definition("ISU", 5)], uses=[use("ISU", 2), use("ISU", 3), use("ISU", 7)])
    assert _lines("used_before_definition", acronyms) == [
        (2, {"acronym": "ISU", "expansion": "the words of ISU", "definition_line": 5})
    ]


def test_never_defined_skips_known_acronyms_and_reads_plurals_as_one() -> None:
    acronyms = Acronyms(uses=[use("CHAs", 4), use("CHA", 6), use("UN", 1), use("HALO", 2)])
    assert _lines("never_defined", acronyms) == [(4, {"acronym": "CHA"})]


def test_a_definition_anywhere_settles_never_defined() -> None:
    acronyms = Acronyms(definitions=[definition("EORE", 9, quoted=True)], uses=[use("EORE", 3)])
    assert _lines("never_defined", acronyms) == []
    assert _lines("used_before_definition", acronyms)[0][0] == 3


def test_defined_twice_counts_the_reports_own_spellings_out_only() -> None:
    acronyms = Acronyms(
        definitions=[definition("EORE", 2, quoted=True), definition("EORE", 5), definition("ICRC", 6), definition("ICRC", 8)]
    )
    assert _lines("defined_twice", acronyms) == [
        (8, {"acronym": "ICRC", "expansion": "the words of ICRC", "first_line": 6})
    ]


def test_the_known_list_is_read_strictly() -> None:
    assert {"UN", "HALO", "TBC"} <= acronym_defined.load_known("acronyms")
    with pytest.raises(InvalidData):
        validate(acronym_defined.Params, dict(kind="acronym_defined", problem="never_defined", known="../acronyms"))
