"""A .docx and its text export give the same findings: the examples, built as Word documents."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from from_export import docx_from_export, strip_bookmarks

from ccmlint.cli import main
from ccmlint.diagnostics import Diagnostic
from ccmlint.docx import read_docx
from ccmlint.lint import Linter
from ccmlint.source import Source, decode

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = [
    REPO / "examples" / "clean-report.txt",
    REPO / "examples" / "planted-defects.txt",
    *sorted((REPO / "examples" / "fragments").glob("*.txt")),
]


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.create()


def _ids(path: Path) -> str:
    return path.stem


def _comparable(diagnostics: tuple[Diagnostic, ...]) -> list[tuple[object, ...]]:
    return sorted(
        (d.rule, str(d.severity), d.message, d.suggestion, d.span.line, d.span.column, d.span.end_line, d.span.end_column)
        for d in diagnostics
    )


@pytest.mark.parametrize("example", EXAMPLES, ids=_ids)
@pytest.mark.parametrize("noise", [False, True], ids=["plain", "with-tracked-changes-and-fields"])
def test_the_document_reads_as_its_text_export(example: Path, noise: bool) -> None:
    text = example.read_text(encoding="utf-8")
    source = read_docx(docx_from_export(text, noise=noise), "report.docx")
    expected = strip_bookmarks(text)
    assert source.text == (expected if expected.endswith("\n") else expected + "\n")


@pytest.mark.parametrize("example", EXAMPLES, ids=_ids)
def test_a_document_and_its_export_give_the_same_findings(example: Path, linter: Linter) -> None:
    text = example.read_text(encoding="utf-8")
    from_document = linter.lint_source(read_docx(docx_from_export(text, noise=True), "report.docx"))
    export = strip_bookmarks(text)
    from_export = linter.lint_source(decode(export.encode("utf-8"), "report.txt"))
    assert _comparable(from_document) == _comparable(from_export)
    # The export Word writes keeps its bookmarks: same findings on the same words.
    with_bookmarks = decode(text.encode("utf-8"), "report.txt")
    original = linter.lint_source(with_bookmarks)

    def words(source_text: str, found: tuple[Diagnostic, ...]) -> list[tuple[str, str, str]]:
        return sorted((d.rule, d.message, strip_bookmarks(source_text[d.span.start : d.span.end])) for d in found)

    assert words(export, from_document) == words(with_bookmarks.text, original)


def test_the_planted_defects_are_found_in_the_document(linter: Linter) -> None:
    text = (REPO / "examples" / "planted-defects.txt").read_text(encoding="utf-8")
    found = {d.rule for d in linter.lint_source(read_docx(docx_from_export(text), "report.docx"))}
    assert {"vice-president-not-participant", "extension-not-after-meeting", "footnote-reference-without-text"} <= found


def test_the_fixture_uses_automatic_numbering_and_real_footnotes() -> None:
    """Guard the fixture itself: the numbers must come from Word's numbering, not typed text."""
    text = (REPO / "examples" / "fragments" / "numbered-paragraphs.txt").read_text(encoding="utf-8")
    data = docx_from_export(text)
    document = docx.Document(io.BytesIO(data))
    typed = [paragraph.text for paragraph in document.paragraphs]
    assert "Introduction" in typed and "Participation" in typed
    assert not any(line.startswith(("1.", "\tI.", "\t(a)", "I.", "(a)")) for line in typed)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<w:footnoteReference" in archive.read("word/document.xml")
        assert b"CCM/MSP/2024/11, paragraph 60." in archive.read("word/footnotes.xml")


# ---------------------------------------------------------------------- the command line


@pytest.fixture
def planted_docx(tmp_path: Path) -> Path:
    path = tmp_path / "draft.docx"
    path.write_bytes(docx_from_export((REPO / "examples" / "planted-defects.txt").read_text(encoding="utf-8")))
    return path


def test_text_output_names_paragraphs_and_shows_the_excerpt(planted_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main([str(planted_docx), "--color", "never"])
    out = capsys.readouterr().out
    assert code == 1
    head = next(line for line in out.splitlines() if "[extension-not-after-meeting]" in line)
    assert head.startswith(f"{planted_docx}:paragraph #")
    assert "1 August 2025" in out.splitlines()[out.splitlines().index(head) + 1]


def test_json_and_sarif_carry_the_paragraph_and_offset(planted_docx: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = read_docx(planted_docx.read_bytes(), str(planted_docx))
    main([str(planted_docx), "--format", "json"])
    records = json.loads(capsys.readouterr().out)
    record = next(r for r in records if r["rule"] == "extension-not-after-meeting")
    assert record["part"] == "body" and isinstance(record["paragraph"], int)
    paragraph_text = _paragraph_text(source, record["paragraph"])
    assert paragraph_text[record["offset"] : record["end_offset"]] == "1 August 2025"
    main([str(planted_docx), "--format", "sarif"])
    log = json.loads(capsys.readouterr().out)
    results = log["runs"][0]["results"]
    located = next(r for r in results if r["ruleId"] == "extension-not-after-meeting")
    properties = located["locations"][0]["physicalLocation"]["properties"]
    assert (properties["paragraph"], properties["offset"]) == (record["paragraph"], record["offset"])


def _paragraph_text(source: Source, index: int) -> str:
    """The text of a body paragraph, as Word counts its characters (from the position map)."""
    from ccmlint.docx.location import DocxLocator

    locator = source.locator
    assert isinstance(locator, DocxLocator)
    pieces = [p for p in locator.pieces if p.paragraph.part == "body" and p.paragraph.index == index and p.node is not None]
    return "".join(source.text[p.start : p.end] if p.advances else "\x00" for p in pieces)


def test_clean_document_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.docx"
    path.write_bytes(docx_from_export((REPO / "examples" / "clean-report.txt").read_text(encoding="utf-8"), noise=True))
    assert main([str(path)]) == 0
    assert "no findings in 1 file" in capsys.readouterr().out
