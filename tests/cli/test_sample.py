"""The real sample report beside the repository, when present (a fresh clone has none).

These tests read ../shared/corpus and skip cleanly without it. They pin what a human
reads in the sample, so that a change which loses a fact or adds a false finding on
real text shows up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmlint.lint import Linter
from ccmlint.reading import read_report

SAMPLE_DIR = Path(__file__).resolve().parents[3] / "shared" / "corpus"
SAMPLES = sorted(SAMPLE_DIR.glob("*.txt")) if SAMPLE_DIR.is_dir() else []

pytestmark = pytest.mark.skipif(not SAMPLES, reason="the sample corpus (../shared/corpus) is not present")


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.create()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_sample_lints_without_internal_errors(sample: Path, linter: Linter) -> None:
    diagnostics = linter.lint_source(read_report(str(sample)))
    assert not [d for d in diagnostics if d.rule in ("internal-error", "facts-missing")]


def test_sample_facts_are_read(linter: Linter) -> None:
    sample = next((path for path in SAMPLES if "12msp" in path.name), None)
    if sample is None:
        pytest.skip("the 12MSP sample is not present")
    facts = linter.facts(read_report(str(sample)))
    assert facts.meeting is not None
    assert (facts.meeting.ordinal, facts.meeting.year) == (12, 2024)
    assert facts.meeting.end is not None and facts.meeting.end.value.isoformat() == "2024-09-13"
    assert len(facts.participants.states_parties) == 70
    assert [vp.state for vp in facts.officers.vice_presidents] == [
        "Sri Lanka",
        "Switzerland",
        "United Kingdom of Great Britain and Northern Ireland",
        "Iraq",
    ]
    assert facts.officers.president is not None and facts.officers.president.state is not None
    assert facts.officers.president.state.state == "Mexico"
    assert [(e.state.state if e.state else None, e.years, e.until.value.isoformat() if e.until else None) for e in facts.extensions] == [
        ("Chad", 2, "2026-10-01"),
        ("Germany", 5, "2030-08-01"),
        ("Lao People's Democratic Republic", 5, "2030-08-01"),
    ]
    assert [ref.number for ref in facts.footnotes.refs] == list(range(3, 15))
    assert len(facts.coordinators) == 15


def test_sample_findings_are_the_ones_judged_right(linter: Linter, regenerate: bool) -> None:
    """Each finding on the sample was read and judged right; ``expected/sample.out``
    pins them (regenerate with --regenerate after a deliberate change, and read the diff)."""
    sample = next((path for path in SAMPLES if "12msp" in path.name), None)
    if sample is None:
        pytest.skip("the 12MSP sample is not present")
    diagnostics = linter.lint_source(read_report(str(sample)))
    lines = "".join(f"{d.span.line}:{d.span.column} {d.severity} {d.rule} {d.message}\n" for d in diagnostics)
    expected = Path(__file__).parent / "expected" / "sample.out"
    if regenerate or not expected.exists():
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(lines, encoding="utf-8")
    assert lines == expected.read_text(encoding="utf-8")
