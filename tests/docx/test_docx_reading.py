"""Reading a .docx: reading order, automatic numbering, notes, comments, tracked changes, tables, positions."""

from __future__ import annotations

from docxbuild import (
    Break,
    Commented,
    Deleted,
    DocxBuilder,
    Field,
    Hidden,
    Inserted,
    Level,
    Note,
    Tab,
)

from ccmlint.docx import read_docx
from ccmlint.docx.location import DocxLocator
from ccmlint.source import Source


def read(builder: DocxBuilder) -> Source:
    return read_docx(builder.to_bytes(), "draft.docx")


def lines(builder: DocxBuilder) -> list[str]:
    return read(builder).text.split("\n")[:-1]


def un_template(builder: DocxBuilder) -> dict[str, int]:
    """Styles numbered as in a UN report: chapters and sections, paragraphs, lists."""
    chapters = builder.numbering(Level("upperRoman", "%1."), Level("upperLetter", "%2."))
    paragraphs = builder.numbering(Level("decimal", "%1."))
    lists = builder.numbering(Level("lowerLetter", "(%1)"), Level("lowerRoman", "(%2)"))
    builder.style("HCh", builder.instance(chapters), 0)
    builder.style("H1", builder.instance(chapters), 1)
    builder.style("SingleTxt", builder.instance(paragraphs))
    builder.style("SingleTxtChild", based_on="SingleTxt")
    return {"lists": lists}


# ---------------------------------------------------------------------- numbering


def test_numbering_from_paragraph_styles_as_a_reader_sees_it() -> None:
    builder = DocxBuilder()
    un_template(builder)
    builder.paragraph("Introduction", style="HCh")
    builder.paragraph("First paragraph.", style="SingleTxt")
    builder.paragraph("Organization", style="HCh")
    builder.paragraph("Participation", style="H1")
    builder.paragraph("Second paragraph.", style="SingleTxtChild")
    builder.paragraph("Officers", style="H1")
    builder.paragraph("Decisions", style="HCh")
    builder.paragraph("Elections", style="H1")
    builder.paragraph("Third paragraph.", style="SingleTxt")
    assert lines(builder) == [
        "\tI.\tIntroduction",
        "1.\tFirst paragraph.",
        "\tII.\tOrganization",
        "\tA.\tParticipation",
        "2.\tSecond paragraph.",  # numbered through w:basedOn
        "\tB.\tOfficers",
        "\tIII.\tDecisions",
        "\tA.\tElections",  # the section letters restart under each chapter
        "3.\tThird paragraph.",
    ]


def test_list_letters_nested_numerals_and_restarted_lists() -> None:
    builder = DocxBuilder()
    lists = un_template(builder)["lists"]
    first = builder.instance(lists, restart={0: 1})
    builder.paragraph("The Meeting asked Chile to report on:", style="SingleTxt")
    builder.paragraph("Progress;", num=first, level=0)
    builder.paragraph("Its work plan, including:", num=first, level=0)
    builder.paragraph("The areas to survey;", num=first, level=1)
    builder.paragraph("The areas to clear;", num=first, level=1)
    builder.paragraph("Any obstacle.", num=first, level=0)
    builder.paragraph("The annual reports cover:", style="SingleTxt")
    second = builder.instance(lists, restart={0: 1})
    for _ in range(9):
        builder.paragraph("Item;", num=second, level=0)
    assert lines(builder) == [
        "1.\tThe Meeting asked Chile to report on:",
        "\t(a)\tProgress;",
        "\t(b)\tIts work plan, including:",
        "\t(i)\tThe areas to survey;",
        "\t(ii)\tThe areas to clear;",
        "\t(c)\tAny obstacle.",
        "2.\tThe annual reports cover:",
        *[f"\t({letter})\tItem;" for letter in "abcdefghi"],
    ]


def test_instances_of_one_definition_continue_unless_restarted() -> None:
    builder = DocxBuilder()
    numbers = builder.numbering(Level("decimal", "%1."))
    one, two = builder.instance(numbers), builder.instance(numbers)
    three = builder.instance(numbers, restart={0: 5})
    builder.paragraph("a", num=one)
    builder.paragraph("b", num=two)
    builder.paragraph("c", num=three)
    builder.paragraph("d", num=three)
    assert lines(builder) == ["1.\ta", "2.\tb", "5.\tc", "6.\td"]


def test_level_text_formats_suffixes_and_restart_rules() -> None:
    builder = DocxBuilder()
    outline = builder.numbering(
        Level("decimal", "Chapter %1", suffix="space"),
        Level("decimal", "%1.%2", suffix="nothing", restart=0),
        Level("upperLetter", "%3)", start=3),
    )
    bullets = builder.numbering(Level("bullet", "\uf0b7"))
    instance, bullet = builder.instance(outline), builder.instance(bullets)
    builder.paragraph("One", num=instance, level=0)
    builder.paragraph("x", num=instance, level=1)
    builder.paragraph("Two", num=instance, level=0)
    builder.paragraph("y", num=instance, level=1)  # lvlRestart 0: never restarts
    builder.paragraph("z", num=instance, level=2)
    builder.paragraph("Point", num=bullet, level=0)
    builder.paragraph("Plain", style="List Number")  # python-docx's own numbered style
    assert lines(builder) == [
        "\tChapter 1 One",
        "\t1.1x",
        "\tChapter 2 Two",
        "\t2.2y",
        "\tC)\tz",
        "\t\u2022\tPoint",
        "1.\tPlain",
    ]


def test_numbering_switched_off_on_the_paragraph_wins_over_the_style() -> None:
    builder = DocxBuilder()
    un_template(builder)
    builder.paragraph("Numbered.", style="SingleTxt")
    builder.paragraph("Not numbered.", style="SingleTxt", num=0)
    builder.paragraph("Numbered again.", style="SingleTxt")
    assert lines(builder) == ["1.\tNumbered.", "Not numbered.", "2.\tNumbered again."]


# ---------------------------------------------------------------------- tracked changes, fields, hidden text


def test_inserted_text_counts_and_deleted_text_does_not() -> None:
    builder = DocxBuilder()
    builder.paragraph("The Meeting ", Deleted("did not "), Inserted(["formally "]), "adopted the agenda.")
    builder.paragraph("A paragraph whose mark was ", mark_deleted=True)
    builder.paragraph("deleted runs on.")
    builder.paragraph("Page ", Field("PAGE", "7"), Hidden(" (hidden)"), " of the report.")
    assert lines(builder) == [
        "The Meeting formally adopted the agenda.",
        "A paragraph whose mark was deleted runs on.",
        "Page 7 of the report.",
    ]


def test_tabs_and_line_breaks() -> None:
    builder = DocxBuilder()
    builder.paragraph(Tab(), "I.", Tab(), "Introduction")
    builder.paragraph("Annex I", Break(), "List of documents")
    assert lines(builder) == ["\tI.\tIntroduction", "Annex I", "List of documents"]


# ---------------------------------------------------------------------- notes and comments


def test_footnotes_render_at_the_reference_and_at_the_end_of_the_line() -> None:
    builder = DocxBuilder()
    builder.note_start = 3  # the cover page carried notes 1 and 2
    builder.paragraph(
        "The Meeting met.",
        Note([[Tab(), " ", Tab(), "CCM/MSP/2025/10, paragraph 52."]]),
        " It elected a President.",
        Note([["Ibid., paragraph 50."]]),
    )
    builder.paragraph("It adopted its report.", Note([["First paragraph of the note."], ["Its second paragraph."]]))
    builder.paragraph("It closed.", Note([["An endnote."]], kind="endnote"))
    assert lines(builder) == [
        "The Meeting met.[footnoteRef:3] It elected a President.[footnoteRef:4]"
        " [3: \t \tCCM/MSP/2025/10, paragraph 52.]  [4: Ibid., paragraph 50.]",
        "",
        "It adopted its report.[footnoteRef:5] [5: First paragraph of the note.",
        "Its second paragraph.]",
        "",
        "It closed.[endnoteRef:1] [1: An endnote.]",
        "",
    ]


def test_footnotes_are_resolved_by_the_parser() -> None:
    from ccmlint.parse import parse

    builder = DocxBuilder()
    builder.paragraph("Text.", Note([["CCM/MSP/2024/11."]]), " More.", Note([["Ibid."]]))
    document = parse(read(builder))
    assert [ref.number for ref in document.footnote_refs()] == [1, 2]
    assert [(note.number, note.body.text) for note in document.footnotes()] == [(1, "CCM/MSP/2024/11."), (2, "Ibid.")]


def test_comments_are_read_after_the_paragraph_they_are_on() -> None:
    from ccmlint.parse import parse

    builder = DocxBuilder()
    builder.paragraph("The Meeting met in ", Commented(["Geneva"], "check the venue", author="Jane Doe"), ".")
    source = read(builder)
    assert source.text == "The Meeting met in Geneva.\tComment by Jane Doe: check the venue\n"
    (comment,) = parse(source).comments
    assert (comment.author, comment.text) == ("Jane Doe", "check the venue")


# ---------------------------------------------------------------------- tables


def test_table_rows_are_lines_with_cells_separated_by_tabs() -> None:
    builder = DocxBuilder()
    builder.paragraph("Annex I")
    builder.table(
        [
            [["CCM/MSP/2026/1"], ["Provisional agenda"]],
            [["CCM/MSP/2026/INF.1"], ["List of participants", Note([["Issued in English only."]])]],
        ]
    )
    builder.paragraph("After the table.")
    assert lines(builder) == [
        "Annex I",
        "CCM/MSP/2026/1\tProvisional agenda",
        "CCM/MSP/2026/INF.1\tList of participants[footnoteRef:1] [1: Issued in English only.]",
        "",
        "After the table.",
    ]


def test_cells_with_several_paragraphs_give_one_line_each() -> None:
    builder = DocxBuilder()
    builder.table([[["Symbol"], ["Title"]]])
    table = builder.document.tables[0]
    table.rows[0].cells[1].add_paragraph("Second paragraph of the cell")
    assert lines(builder) == ["Symbol", "Title", "Second paragraph of the cell"]


# ---------------------------------------------------------------------- positions


def test_positions_name_the_paragraph_number_or_index_and_the_offset() -> None:
    builder = DocxBuilder()
    un_template(builder)
    builder.paragraph("Introduction", style="HCh")
    builder.paragraph("The Meeting met in Geneva.", Note([["CCM/MSP/2025/10."]]), style="SingleTxt")
    builder.paragraph("An unnumbered ", Deleted("struck "), "paragraph.")
    source = read(builder)
    locator = source.locator
    assert isinstance(locator, DocxLocator)

    def where(words: str) -> dict[str, object]:
        start = source.text.index(words)
        return locator.locate(start, start + len(words)).as_dict()

    geneva = where("Geneva")
    assert geneva["location"] == "paragraph 1:20"
    assert (geneva["paragraph"], geneva["paragraph_number"], geneva["offset"], geneva["end_offset"]) == (2, "1.", 19, 25)
    assert where("Introduction")["location"] == "paragraph #1 I.:1"
    # Deleted text is not counted: "paragraph." starts 14 characters in.
    assert where("paragraph.")["location"] == "paragraph #3:15"
    note = where("CCM/MSP/2025/10.")
    assert (note["part"], note["note"], note["offset"], note["location"]) == ("footnote", 1, 0, "footnote 1:1")
    # The reference mark counts as one character of its paragraph, as in Word.
    reference = where("[footnoteRef:1]")
    assert (reference["offset"], reference["end_offset"]) == (26, 27)
