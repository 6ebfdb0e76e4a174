"""Properties of the whole lint, for all inputs: never raise, never an internal error,
every position inside the source, the same answer twice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.lint import Linter
from ccmlint.source import decode

LINTER = Linter.create()

# Pieces of real report structure, so that generated text reaches the extractors.
PIECES = st.sampled_from(
    [
        "\n", "\t", " ", ", ", " and ", ".", ":", ";", "(", ")", "[footnoteRef:1]", "[footnoteRef:2]", " [1: x.]",
        "[2: ", "]", "\t(a)\t", "\tII.\t", "Chad\n", "The Twelfth Meeting of States Parties was held in Geneva on ",
        "10, 11 and 13 September 2024", "from 8 to 11 September 2026", "The following States Parties participated: ",
        "Austria, Chile", "Lao People’s Democratic Republic", "the Netherlands", " were elected as Vice-Presidents",
        "the President of the Twelfth Meeting", "Ambassador X of Mexico", "Working group on clearance: ",
        "Italy (until the end of the Thirteenth Meeting of States Parties)", " working with ", "(TBC)",
        "the following coordinators, as follows:\n", "agrees to grant the request for an extension of five years until 1 August 2030",
        "United Nations\tCCM/MSP/2024/11\n", "Annex I\n",
    ]
)
REPORTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=50).map("".join)


def _lint(text: str) -> list[tuple[int, int, str, str]]:
    source = decode(text.replace("\x00", "").encode("utf-8", "surrogatepass"), "report.txt")
    diagnostics = LINTER.lint_source(source)
    length = len(source.text)
    for diagnostic in diagnostics:
        assert diagnostic.rule != "internal-error", diagnostic.message
        assert 0 <= diagnostic.span.start <= diagnostic.span.end <= length
        assert diagnostic.span.line >= 1 and diagnostic.span.column >= 1
    return [(d.span.start, d.span.end, d.rule, d.message) for d in diagnostics]


@settings(deadline=None)
@given(REPORTS)
def test_linting_any_text_never_fails_and_stays_inside(text: str) -> None:
    assert _lint(text) == _lint(text)
