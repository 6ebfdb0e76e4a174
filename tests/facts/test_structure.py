"""The outline: which chapters, sections, paragraphs, list items and annexes are numbered together."""

from __future__ import annotations

from ccmlint.facts.model import Numbered
from ccmlint.facts.structure import extract_structure
from ccmlint.parse import parse
from ccmlint.source import decode

REPORT = """\tI.\tIntroduction
1.\tThe Meeting adopted its agenda.
\tA.\tParticipation
2.\tThe States Parties took part.
\tB.\tOfficers
3.\tThe Meeting asked Chile to report on:
\t(a)\tIts work plan, including:
\t(i)\tThe areas to survey;
\t(ii)\tThe areas to clear;
\t(b)\tIts resources, including:
\t(i)\tNational funding;
The figures cover the extension period.
\t(ii)\tInternational support;
\t(c)\tAny obstacle.
4.\tThe Meeting noted:
\t(b)\tThe reports;
\t(c)\tThe requests.
\tII.\tDecisions
\tA.\tExtensions
5.\tThe Meeting granted the requests.
Annex I
\tList of documents
1.\tAgenda.
2.\tRules of procedure.
Annex II
\tA.\tStatements
1.\tOpening statement.
"""


def outline() -> dict[str, list[Numbered]]:
    structure = extract_structure(parse(decode(REPORT.encode("utf-8"))))
    return {name: getattr(structure, name) for name in ("chapters", "sections", "paragraphs", "list_items", "annexes")}


def described(items: list[Numbered]) -> list[tuple[str, int | None, int, str]]:
    return [(item.marker, item.number, item.series, item.within) for item in items]


def test_chapters_and_annexes_form_one_series_each() -> None:
    found = outline()
    assert described(found["chapters"]) == [("I", 1, 0, "the report"), ("II", 2, 0, "the report")]
    assert described(found["annexes"]) == [("Annex I", 1, 0, "the report"), ("Annex II", 2, 0, "the report")]


def test_sections_restart_in_each_chapter_and_annex() -> None:
    assert described(outline()["sections"]) == [
        ("A", 1, 0, "chapter I"),
        ("B", 2, 0, "chapter I"),
        ("A", 1, 1, "chapter II"),
        ("A", 1, 2, "annex II"),
    ]


def test_paragraph_numbers_run_through_the_body_and_restart_in_each_annex() -> None:
    paragraphs = outline()["paragraphs"]
    assert [(p.number, p.series, p.within) for p in paragraphs] == [
        (1, 0, "the report"), (2, 0, "the report"), (3, 0, "the report"), (4, 0, "the report"), (5, 0, "the report"),
        (1, 1, "annex I"), (2, 1, "annex I"),
        (1, 2, "annex II"),
    ]
    first = paragraphs[0]
    assert (first.span.line, first.span.column, first.span.end_column) == (2, 1, 3)


def test_list_levels_and_continuations() -> None:
    items = outline()["list_items"]
    series = [(item.marker, item.series) for item in items]
    letters, first_romans, second_romans, second_list = series[0][1], series[1][1], series[4][1], series[8][1]
    assert series == [
        ("(a)", letters), ("(i)", first_romans), ("(ii)", first_romans),
        # a new letter restarts the roman level under it; a paragraph between (i) and
        # (ii) is part of item (i), since (ii) carries on the numbering
        ("(b)", letters), ("(i)", second_romans), ("(ii)", second_romans), ("(c)", letters),
        # after a paragraph, "(b)" does not carry on (c): a new list, starting at (b)
        ("(b)", second_list), ("(c)", second_list),
    ]
    assert len({letters, first_romans, second_romans, second_list}) == 4
    assert items[0].span.line == 7 and items[0].span.column == 2


def test_a_document_without_outline() -> None:
    found = extract_structure(parse(decode(b"The Meeting adopted its agenda.\n")))
    assert (found.chapters, found.sections, found.paragraphs, found.list_items, found.annexes) == ([], [], [], [], [])


def test_chapters_after_an_annex_belong_to_it() -> None:
    text = "\tI.\tIntroduction\n1.\tText.\nAnnex I\n\tAction plan\n\tI.\tIntroduction\n1.\tThe plan.\n\tII.\tActions\n2.\tAction.\n"
    structure = extract_structure(parse(decode(text.encode("utf-8"))))
    assert described(structure.chapters) == [("I", 1, 0, "the report"), ("I", 1, 1, "annex I"), ("II", 2, 1, "annex I")]
    assert [(p.number, p.series, p.within) for p in structure.paragraphs] == [(1, 0, "the report"), (1, 1, "annex I"), (2, 1, "annex I")]
