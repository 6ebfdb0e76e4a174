"""Terminal output: grouped by file and chapter, the span underlined in its line, a summary."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from handmade import diagnostic, report, source

from ccmlint.output import text
from ccmlint.output.results import FileResult, RenderOptions, Report

REPO = Path(__file__).resolve().parents[2]


def test_findings_are_grouped_and_underlined_exactly() -> None:
    out = text.render(report()).splitlines()
    assert out == [
        "==> draft.txt <==",
        "",
        "-- I. Introduction",
        "",
        "draft.txt:2:31: warning [vice-president-not-participant] Mexico is flagged",
        "    2 | The Meeting elected Chile and Mexico as Vice-Presidents.",
        "      |                               ^^^^^^",
        "    suggestion: add Mexico to the States Parties",
        "",
        "-- II. Work",
        "",
        "draft.txt:4:11: info [placeholder-left-in-draft] two spaces, one expected",
        "    4 | The report  was adopted.    It said <script>alert(1)</script> & more.",
        "      |           ^^",
        "",
        'draft.txt:4:34: error [footnote-reference-without-text] markup "<b>" & 100%  broken, really: yes',
        "    4 | The report  was adopted.    It said <script>alert(1)</script> & more.",
        "      |                                     ^^^^^^^^^^^^^^^^^^^^^^^^^",
        "",
        "1 error, 1 warning, 1 info, 1 waived in 1 file",
    ]


def test_tabs_are_expanded_alike_in_the_line_and_the_underline() -> None:
    src = source("\t(a)\tThe\tState of\tPalestine;\n")
    result = FileResult(src.path, src, (diagnostic(src, "State of\tPalestine"),))
    lines = text.render(Report((result,))).splitlines()
    shown, underline = lines[3], lines[4]
    start = shown.index("State")
    assert shown[start:].startswith("State of    Palestine")  # the tab reaches the next stop of 4
    assert underline.index("^") == start
    assert underline.count("^") == len("State of    Palestine")


def test_a_long_line_is_windowed_around_the_span() -> None:
    src = source("x" * 300 + " Mexico " + "y" * 300 + "\n")
    result = FileResult(src.path, src, (diagnostic(src, "Mexico"),))
    lines = text.render(Report((result,)), RenderOptions(width=80)).splitlines()
    shown, underline = lines[3], lines[4]
    assert len(shown) <= 80 and "…" in shown and shown.endswith("…")
    assert shown[underline.index("^") : underline.index("^") + 6] == "Mexico"


def test_waived_findings_are_counted_and_listed_on_request() -> None:
    out = text.render(report(), RenderOptions(show_waived=True))
    assert "draft.txt:2:21: warning [vice-president-not-participant] Chile is flagged (waived)" in out
    assert "    waived by A. Editor on 2026-09-12, until 2027-01-01: Intentional" in out
    assert "Chile is flagged" not in text.render(report())


def test_quiet_prints_the_counts_only() -> None:
    assert text.render(report(), RenderOptions(quiet=True)) == "1 error, 1 warning, 1 info, 1 waived in 1 file\n"


def test_colour_only_when_asked() -> None:
    plain = text.render(report())
    coloured = text.render(report(), RenderOptions(colour=True))
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
    assert "draft.txt:2:31:" in coloured


def test_control_characters_cannot_reach_the_terminal() -> None:
    src = source("Mexico\x1b[2J and \x07 more\n")
    result = FileResult(src.path, src, (diagnostic(src, "\x1b[2J", message="bad\x1b]0;title\x07 text"),))
    out = text.render(Report((result,)))
    assert "\x1b" not in out and "\x07" not in out
    assert "Mexico\u241b[2J and \u2407 more" in out
    assert "[vice-president-not-participant] bad\u241b]0;title\u2407 text" in out


def test_no_findings() -> None:
    src = source()
    assert text.render(Report((FileResult(src.path, src),))) == "no findings in 1 file\n"


def test_machine_formats_and_pipes_never_import_rich() -> None:
    """Start-up time matters to a pre-commit hook: rich loads only to paint a terminal.
    (One interpreter for the four formats: the rules load once.)"""
    script = (
        "import sys; from ccmlint.cli import main\n"
        "for output in ('json', 'sarif', 'github', 'text'):\n"
        "    main(['--isolated', '--format', output, 'examples/clean-report.txt'])\n"
        "    loaded = [name for name in sys.modules if name == 'rich' or name.startswith('rich.')]\n"
        "    assert not loaded, (output, loaded)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr
