"""The HTML review page: self-contained, escaped, every finding highlighted in place.

The page's behaviour in a real browser is tested in tests/browser/."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from handmade import diagnostic, report, source

from ccmlint.diagnostics import Severity
from ccmlint.output import html
from ccmlint.output.results import FileResult, Report


class Marks(HTMLParser):
    """Collects the text inside each <mark> and the attributes of every tag."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self._open: list[tuple[dict[str, str | None], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._open.append((dict(attrs), []))

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            attrs, text = self._open.pop()
            self.marks.append((attrs, "".join(text)))

    def handle_data(self, data: str) -> None:
        for _, text in self._open:
            text.append(data)


def parsed(page: str) -> Marks:
    parser = Marks()
    parser.feed(page)
    return parser


def test_every_finding_is_highlighted_over_its_exact_words() -> None:
    page = html.render(report())
    marks = parsed(page).marks
    texts = {attrs["data-findings"]: text for attrs, text in marks}
    assert texts == {"f1": "Chile", "f2": "Mexico", "f3": "  ", "f4": "<script>alert(1)</script>"}
    assert 'class="hl sev-warning waived"' in page  # Chile is waived
    assert page.count('<li class="finding') == 4


def test_everything_from_the_report_is_escaped() -> None:
    page = html.render(report())
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "markup &quot;&lt;b&gt;&quot; &amp; 100%" in page
    assert page.count("<script>") == 1  # the page's own


def test_the_page_is_self_contained() -> None:
    page = html.render(report())
    assert "default-src 'none'" in page
    for tag, attrs in parsed(page).tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert not re.search(r"url\(|@import|https?://", page.split("<main>")[0])


def test_overlapping_findings_share_pieces_and_empty_spans_are_points() -> None:
    src = source("The Meeting elected Chile and Mexico.\n")
    start = src.text.index("Chile")
    wide = diagnostic(src, "Chile and Mexico", fingerprint="aaaaaaaaaaaaaaaa:1")
    narrow = diagnostic(src, "Mexico", rule="footnote-reference-without-text", severity=Severity.ERROR)
    point = diagnostic(src, "Chile", rule="placeholder-left-in-draft", severity=Severity.INFO)
    point = point.replace(span=src.span(start, start))
    result = FileResult(src.path, src, tuple(sorted((wide, narrow, point), key=lambda d: d.sort_key())))
    marks = parsed(html.render(Report((result,)))).marks
    pieces = [(attrs["data-findings"], text, attrs["class"]) for attrs, text in marks]
    assert pieces == [
        ("f1", "", "hl sev-info point"),
        ("f2", "Chile and ", "hl sev-warning"),
        ("f2 f3", "Mexico", "hl sev-error"),
    ]


def test_an_unreadable_file_is_named_not_shown() -> None:
    page = html.render(Report((FileResult("<b>x</b>.txt", None, error="no such file"),)))
    assert "Not read: no such file" in page and "<b>x</b>" not in page
