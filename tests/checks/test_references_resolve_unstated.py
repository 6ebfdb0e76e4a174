"""references_resolve with ``unstated: matches_any``: a key field left unstated on
either side ("the annex", an annex headed "Annex" alone) matches any value."""

from __future__ import annotations

from factsbuild import span

from ccmlint.checks import references_resolve
from ccmlint.engine.context import Context
from ccmlint.facts.model import AnnexRef, Facts, Numbered, Structure
from ccmlint.schema import validate

LOOSE = validate(references_resolve.Params, dict(
    kind="references_resolve", refs="structure.annex_refs", targets="structure.annexes", key=["number"], unstated="matches_any"
))
EXACT = LOOSE.replace(unstated="exact")


def annex(number: int | None, line: int) -> Numbered:
    marker = "Annex" if number is None else f"Annex {number}"
    return Numbered(span=span(line), element="annex", marker=marker, number=number, series=0, within="the report")


def ref(number: int | None, line: int) -> AnnexRef:
    return AnnexRef(span=span(line), text="annex", number=number)


def unresolved(params: references_resolve.Params, facts: Facts) -> list[int]:
    return [finding.span.line for finding in references_resolve.check(params, facts, Context())]


def test_an_unstated_reference_matches_any_target() -> None:
    numbered = Facts(structure=Structure(annexes=[annex(1, 40)], annex_refs=[ref(None, 3), ref(1, 4), ref(2, 5)]))
    assert unresolved(LOOSE, numbered) == [5]
    assert unresolved(EXACT, numbered) == [3, 5]


def test_an_unstated_target_matches_any_reference() -> None:
    unnumbered = Facts(structure=Structure(annexes=[annex(None, 40)], annex_refs=[ref(None, 3), ref(1, 4)]))
    assert unresolved(LOOSE, unnumbered) == []
    assert unresolved(EXACT, unnumbered) == [4]


def test_no_targets_still_follows_no_targets_means() -> None:
    report = Facts(structure=Structure(annex_refs=[ref(1, 4)]))
    assert unresolved(LOOSE, report) == []
    assert unresolved(LOOSE.replace(no_targets_means="unresolved"), report) == [4]
