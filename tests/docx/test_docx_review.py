"""The reviewed copy: a new .docx with one Word comment per finding, on the exact words."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docxbuild import Commented, Deleted, DocxBuilder, Inserted, Level, Note, Tab

from ccmlint.cli import main
from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.docx import read_docx
from ccmlint.docx.location import DocxLocator
from ccmlint.docx.review import AUTHOR, ReviewError, review_copy, review_targets, write_review_copy
from ccmlint.source import Source

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def finding(source: Source, words: str, rule: str = "test-rule", occurrence: int = 0, suggestion: str | None = None) -> Diagnostic:
    start = -1
    for _ in range(occurrence + 1):
        start = source.text.index(words, start + 1)
    return Diagnostic(source.path, rule, Severity.WARNING, f"about {words!r}", source.span(start, start + len(words)), suggestion)


def commented_words(data: bytes) -> dict[str, str]:
    """For each comment id, the visible text between its range start and end in the body."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    open_ids: list[str] = []
    words: dict[str, list[str]] = {}
    for element in body.iter():
        if element.tag == qn("w:commentRangeStart"):
            open_ids.append(element.get(qn("w:id")))
            words[element.get(qn("w:id"))] = []
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.remove(element.get(qn("w:id")))
        elif element.tag in (qn("w:t"), qn("w:tab"), qn("w:footnoteReference")) and not _hidden(element):
            piece = element.text or "" if element.tag == qn("w:t") else "\t" if element.tag == qn("w:tab") else "[note]"
            for comment_id in open_ids:
                words[comment_id].append(piece)
    return {comment_id: "".join(pieces) for comment_id, pieces in words.items()}


def _hidden(element: object) -> bool:
    run = element.getparent()  # type: ignore[attr-defined]
    properties = run.find(qn("w:rPr"))
    return properties is not None and properties.find(qn("w:vanish")) is not None


def comments(data: bytes) -> dict[str, tuple[str, str]]:
    """Comment id to (author, text) from the copy's comments part."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        from lxml import etree

        if "word/comments.xml" not in archive.namelist():
            return {}
        root = etree.fromstring(archive.read("word/comments.xml"))
    found = {}
    for comment in root.iter(qn("w:comment")):
        text = "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in comment.iter(qn("w:p")))
        found[comment.get(qn("w:id"))] = (comment.get(qn("w:author")), text)
    return found


def visible_words(source: Source, start: int, end: int) -> str:
    """What a reader sees of a span of the rendering: its text, tabs and note marks, not
    what the renderer added (numbers, line ends, a note's text)."""
    locator = source.locator
    assert isinstance(locator, DocxLocator)
    words = []
    for piece in locator.pieces:
        if piece.end <= start or piece.start >= end or piece.node is None or piece.paragraph.part != "body":
            continue
        if piece.advances:
            words.append(source.text[max(start, piece.start) : min(end, piece.end)])
        else:
            words.append("[note]" if piece.node.tag.endswith("Reference") else source.text[piece.start : piece.end])
    return "".join(words)


@pytest.fixture
def report() -> tuple[bytes, Source]:
    builder = DocxBuilder()
    chapters = builder.numbering(Level("upperRoman", "%1."))
    builder.style("HCh", builder.instance(chapters), 0)
    builder.paragraph("Introduction", style="HCh")
    builder.paragraph(
        "The Meeting elected Austria, ",
        Deleted("Chile, "),
        Inserted(["Mexico and "]),
        "New Zealand as Vice-Presidents.",
        Note([[Tab(), "CCM/MSP/2025/10, paragraph 52."]]),
    )
    builder.paragraph("The Meeting met in ", Commented(["Geneva"], "check the venue"), " on 8 September 2026.")
    data = builder.to_bytes()
    # One run, bold, holding the words a finding is about in its middle.
    document = docx.Document(io.BytesIO(data))
    paragraph = document.add_paragraph()
    paragraph.add_run("Organisations took part in the work.").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    return data, read_docx(data, "report.docx")


def test_each_finding_is_a_comment_on_its_exact_words(report: tuple[bytes, Source]) -> None:
    data, source = report
    assert isinstance(source.locator, DocxLocator)
    findings = [
        finding(source, "New Zealand", "vice-president-not-participant", suggestion="add New Zealand to the list"),
        finding(source, "Mexico and New"),  # across a tracked insertion and a plain run
        finding(source, "Organisations", "spelling", suggestion="Organizations"),
        finding(source, "took part"),  # the middle of one formatted run
        finding(source, "CCM/MSP/2025/10", "footnote-rule"),  # in a footnote: on its reference
        finding(source, "I.\t", "chapter-rule"),  # on the automatic number: the heading's words
    ]
    copy = review_copy(source.locator, findings)
    assert (copy.comments, copy.unplaced) == (6, 0)
    notes = comments(copy.data)
    ours = {comment_id: text for comment_id, (author, text) in notes.items() if author == AUTHOR}
    assert len(ours) == 6
    by_rule = {text.split("]", 1)[0].lstrip("["): comment_id for comment_id, text in ours.items()}
    anchored = commented_words(copy.data)
    assert anchored[by_rule["vice-president-not-participant"]] == "New Zealand"
    assert anchored[by_rule["spelling"]] == "Organisations"
    assert anchored[by_rule["footnote-rule"]] == "[note]"
    assert anchored[by_rule["chapter-rule"]] == "Introduction"
    test_rule_words = sorted(anchored[comment_id] for rule, comment_id in by_rule.items() if rule == "test-rule")
    assert sorted(anchored[i] for i, t in ours.items() if t.startswith("[test-rule]")) == sorted(["Mexico and New", "took part"])
    del test_rule_words
    text = ours[by_rule["vice-president-not-participant"]]
    assert text == "[vice-president-not-participant] warning: about 'New Zealand'\nSuggestion: add New Zealand to the list"


def test_the_copy_keeps_formatting_styles_numbering_and_existing_comments(report: tuple[bytes, Source]) -> None:
    data, source = report
    assert isinstance(source.locator, DocxLocator)
    copy = review_copy(source.locator, [finding(source, "took part"), finding(source, "Geneva")])
    before, after = docx.Document(io.BytesIO(data)), docx.Document(io.BytesIO(copy.data))
    # Same paragraphs, same words, same styles.
    assert [(p.text, p.style.name) for p in before.paragraphs] == [(p.text, p.style.name) for p in after.paragraphs]
    # The split run keeps its formatting on both sides of the cut.
    last = after.paragraphs[-1]
    assert "".join(run.text for run in last.runs) == "Organisations took part in the work."
    words = [run for run in last.runs if run.text]  # the other run holds the comment's mark
    assert [run.text for run in words] == ["Organisations ", "took part", " in the work."]
    assert all(run.bold for run in words)
    with zipfile.ZipFile(io.BytesIO(data)) as original, zipfile.ZipFile(io.BytesIO(copy.data)) as reviewed:
        assert original.namelist() == reviewed.namelist()
        for name in original.namelist():
            if name not in ("word/document.xml", "word/comments.xml"):
                assert original.read(name) == reviewed.read(name), name
    notes = comments(copy.data)
    assert notes["0"] == ("Reviewer", "check the venue")
    assert len(notes) == 3 and len(set(notes)) == 3
    # The copy reads again, to the same text: ccmlint's comments are its findings, not the document's.
    assert read_docx(copy.data, "copy.docx").text == source.text


def test_a_document_without_comments_gets_a_comments_part() -> None:
    builder = DocxBuilder()
    builder.paragraph("The Meeting met in Geneva.")
    data = builder.to_bytes()
    source = read_docx(data, "report.docx")
    assert isinstance(source.locator, DocxLocator)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "word/comments.xml" not in archive.namelist()
    copy = review_copy(source.locator, [finding(source, "Geneva")])
    with zipfile.ZipFile(io.BytesIO(copy.data)) as archive:
        assert "word/comments.xml" in archive.namelist()
        assert b'PartName="/word/comments.xml"' in archive.read("[Content_Types].xml")
        assert b'Target="comments.xml"' in archive.read("word/_rels/document.xml.rels")
    opened = docx.Document(io.BytesIO(copy.data))
    assert opened.paragraphs[0].text == "The Meeting met in Geneva."
    assert commented_words(copy.data) == {"1": "Geneva"} or list(commented_words(copy.data).values()) == ["Geneva"]


def test_the_examples_reviewed_copy_carries_every_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from from_export import docx_from_export

    repo = Path(__file__).resolve().parents[2]
    draft = tmp_path / "draft.docx"
    draft.write_bytes(docx_from_export((repo / "examples" / "planted-defects.txt").read_text(encoding="utf-8"), noise=True))
    digest = hashlib.sha256(draft.read_bytes()).hexdigest()
    out = tmp_path / "draft-reviewed.docx"
    assert main([str(draft), "--format", "json", "--review-copy", str(out)]) == 1
    captured = capsys.readouterr()
    import json

    records = json.loads(captured.out)
    assert f"reviewed copy with {len(records)} comment(s) written to {out}" in captured.err
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == digest  # the original is untouched
    data = out.read_bytes()
    docx.Document(io.BytesIO(data))
    ours = {i: text for i, (author, text) in comments(data).items() if author == AUTHOR}
    assert len(ours) == len(records)
    anchored = commented_words(data)
    source = read_docx(draft.read_bytes(), str(draft))
    for comment_id, text in ours.items():
        record = next(r for r in records if text.startswith(f"[{r['rule']}] {r['severity']}: {r['message']}"))
        start = source.lines.line_start(record["line"]) + record["column"] - 1
        end = source.lines.line_start(record["end_line"]) + record["end_column"] - 1
        words = visible_words(source, start, end)
        if record["part"] == "body" and words:
            # The words under the comment are the words of the finding.
            assert anchored[comment_id] == words
        else:  # in a note: on its reference
            assert anchored[comment_id] == "[note]"
    assert main([str(out), "--format", "json"]) == 1  # the copy lints again
    assert len(json.loads(capsys.readouterr().out)) == len(records)


def test_refuses_to_overwrite_the_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    builder = DocxBuilder()
    builder.paragraph("At its first plenary session, the Meeting elected Mexico as Vice-President.")
    draft = tmp_path / "draft.docx"
    draft.write_bytes(builder.to_bytes())
    before = draft.read_bytes()
    assert main([str(draft), "--review-copy", str(draft)]) == 2
    assert "must be a new file" in capsys.readouterr().err
    assert draft.read_bytes() == before
    source = read_docx(before, str(draft))
    with pytest.raises(ReviewError):
        write_review_copy(source, [], str(draft))


def test_text_reports_have_no_reviewed_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "draft.txt"
    report.write_text("The Meeting met.\n", encoding="utf-8")
    assert main([str(report), "--review-copy", str(tmp_path / "out.docx")]) == 2
    assert "needs a Word report" in capsys.readouterr().err


def test_one_copy_per_document_in_a_directory(tmp_path: Path) -> None:
    assert review_targets(str(tmp_path), ["a/one.docx", "two.docx"]) == [
        str(tmp_path / "one.reviewed.docx"),
        str(tmp_path / "two.reviewed.docx"),
    ]
    with pytest.raises(ReviewError):
        review_targets(str(tmp_path / "out.docx"), ["one.docx", "two.docx"])
