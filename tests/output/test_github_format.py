"""GitHub workflow-command annotations: one per open finding, escaped as the runner expects."""

from __future__ import annotations

from handmade import diagnostic, report, source

from ccmlint.output import github
from ccmlint.output.results import FileResult, Report


def test_one_annotation_per_open_finding_with_columns() -> None:
    lines = github.render(report()).splitlines()
    assert len(lines) == 3  # the waived finding is not annotated
    assert lines[0] == (
        "::warning file=draft.txt,line=2,col=31,endLine=2,endColumn=37,"
        "title=ccmlint [vice-president-not-participant]::Mexico is flagged%0ASuggestion: add Mexico to the States Parties"
    )
    assert lines[1].startswith("::notice file=draft.txt,line=4,col=11,endLine=4,endColumn=13,")
    assert lines[2].startswith("::error ")


def test_data_and_properties_are_escaped() -> None:
    line = github.render(report()).splitlines()[2]
    properties, message = line[len("::error ") :].split("::", 1)
    # % first, then CR and LF; the message may keep ':' and ','.
    assert message == 'markup "<b>" & 100%25 %0D%0Abroken, really: yes'
    assert github.escape_property("a:b,c%d\r\ne") == "a%3Ab%2Cc%25d%0D%0Ae"
    assert properties.endswith(",title=ccmlint [footnote-reference-without-text]")


def test_a_path_with_comma_and_colon_stays_one_property() -> None:
    src = source(path="C:/drafts/a,b.txt")
    result = FileResult(src.path, src, (diagnostic(src, "Mexico"),))
    line = github.render(Report((result,)))
    assert line.startswith("::warning file=C%3A/drafts/a%2Cb.txt,line=2,")


def test_a_span_over_two_lines_has_no_columns() -> None:
    src = source()
    start = src.text.index("Vice-Presidents")
    multi = diagnostic(src, "Vice-Presidents").replace(span=src.span(start, start + 20))
    line = github.annotation(multi)
    assert ",line=2,endLine=3,title=" in line and "col=" not in line


def test_an_unreadable_file_is_an_error_annotation() -> None:
    out = github.render(Report((FileResult("a,b.txt", None, error="no such file"),)))
    assert out == "::error file=a%2Cb.txt,title=ccmlint::no such file\n"
