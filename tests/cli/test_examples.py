"""The bundled examples lint exactly as recorded in ``examples/expected/``.

The expected files are generated: after a deliberate change to a rule or to an
example, run ``pytest tests/cli/test_examples.py --regenerate`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmlint.cli import main
REPO = Path(__file__).resolve().parents[2]

EXAMPLES = sorted((REPO / "examples").glob("*.txt"))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_example_output_is_as_recorded(
    example: Path, regenerate: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    code = main([f"examples/{example.name}"])
    output = capsys.readouterr().out
    expected = REPO / "examples" / "expected" / f"{example.stem}.out"
    if regenerate or not expected.exists():
        expected.write_text(f"exit {code}\n{output}", encoding="utf-8")
    assert f"exit {code}\n{output}" == expected.read_text(encoding="utf-8")


def test_the_clean_example_is_clean(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    assert main(["--fail-on", "info", "examples/clean-report.txt"]) == 0
    assert capsys.readouterr().out == "no findings in 1 file\n"


def test_the_planted_defects_are_found(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each design-card defect planted in the example is reported at its place."""
    monkeypatch.chdir(REPO)
    assert main(["examples/planted-defects.txt"]) == 1
    found = set()
    for line in capsys.readouterr().out.splitlines():
        if line.startswith("examples/"):
            place = line.split(": ", 1)[0].split(":", 1)[1]
            rule = line.split("[", 1)[1].split("]", 1)[0]
            found.add(f"{place} {rule}")
    assert {
        "27:84 vice-president-not-participant",
        "27:118 vice-president-not-participant",
        "29:310 footnote-reference-duplicated",
        "47:189 footnote-out-of-order",
        "57:275 extension-not-after-meeting",
        "63:69 coordinator-term-not-after-meeting",
        "64:42 coordinator-term-end-missing",
        "72:429 footnote-reference-without-text",
        "74:208 footnote-text-unreferenced",
        "93:57 footnote-text-unclosed",
    } <= found
