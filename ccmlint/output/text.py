"""Terminal output for people: findings grouped by file and chapter, each shown in place.

Each finding opens with the line editors and tools grep for,
``path:line:col: severity [rule] message``, followed by the source line (a window of
it, for the long one-paragraph lines of a Word export) with the exact span
underlined, and the suggestion. A closing line counts findings by severity, the
waived ones and the files, and the files that could not be linted. ``quiet`` prints
that line alone. Control characters in file names are escaped (``\\n``), so each
finding's first line stays one line.

The same lines are built once as (text, style) pieces: joined as plain text when
the output is piped, painted with rich when it goes to a terminal. rich is imported
only then, so a pre-commit hook or a pipe pays nothing for it.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ccmlint import regexes
from ccmlint.diagnostics import Diagnostic
from ccmlint.output.escaping import escape_controls
from ccmlint.output.results import FileResult, RenderOptions, Report, Waived
from ccmlint.source import Source

TAB_SIZE = 4
"""Tabs are expanded to this many columns, in the source line and its underline alike."""

_BREAKS = regexes.compile(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]+")

Piece = tuple[str, str]  # (text, style); "" is unstyled
Line = list[Piece]

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold cyan"}
_UNDERLINE_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(report: Report, options: RenderOptions = RenderOptions()) -> str:
    lines = [[(summary(report), "bold")]] if options.quiet else build(report, options)
    if options.colour:
        return _paint(lines, options.width)
    return "".join("".join(text for text, _ in line) + "\n" for line in lines)


def build(report: Report, options: RenderOptions) -> list[Line]:
    """Every line of the output, styled."""
    lines: list[Line] = []
    for result in report.files:
        shown = _shown(result, options.show_waived)
        if not shown:
            continue
        lines.append([("==> ", "dim"), (escape_controls(result.path), "bold"), (" <==", "dim")])
        chapter: str | None | bool = False  # False: no chapter header printed yet
        for diagnostic, waived in shown:
            if result.chapters:
                here = result.chapter_at(diagnostic.span.start)
                if here != chapter:
                    lines.append([])
                    lines.append([("-- ", "dim"), (one_line(here) if here else "(before the first chapter)", "bold magenta")])
                    chapter = here
            lines.append([])
            lines.extend(_finding(result, diagnostic, waived, options.width))
        lines.append([])
    lines.append([(summary(report), "bold")])
    return lines


def _shown(result: FileResult, show_waived: bool) -> list[tuple[Diagnostic, Waived | None]]:
    shown: list[tuple[Diagnostic, Waived | None]] = [(diagnostic, None) for diagnostic in result.diagnostics]
    if show_waived:
        shown += [(waived.diagnostic, waived) for waived in result.waived]
    return sorted(shown, key=lambda pair: pair[0].sort_key())


def _finding(result: FileResult, diagnostic: Diagnostic, waived: Waived | None, width: int) -> list[Line]:
    span = diagnostic.span
    severity = str(diagnostic.severity)
    # NOTE: in a Word document a line of the rendered text means nothing to the editor;
    # the paragraph (its number, or its index) and the character in it do.
    locator = result.source.locator if result.source is not None else None
    where = str(locator.locate(span.start, span.end)) if locator is not None else f"{span.line}:{span.column}"
    head: Line = [
        (f"{escape_controls(diagnostic.path)}:{where}:", "bold"),
        (" ", ""),
        (severity, _SEVERITY_STYLE[severity]),
        (" ", ""),
        (f"[{diagnostic.rule}]", "dim"),
        (f" {one_line(diagnostic.message)}", ""),
    ]
    if waived is not None:
        head.append((" (waived)", "green"))
    lines = [head]
    if result.source is not None:
        lines.extend(excerpt(result.source, diagnostic, width, _UNDERLINE_STYLE[severity]))
    if diagnostic.suggestion is not None:
        lines.append([("    suggestion: ", "green"), (one_line(diagnostic.suggestion), "")])
    if waived is not None:
        acceptance = waived.acceptance
        expiry = f", until {acceptance.expires.isoformat()}" if acceptance.expires else ""
        lines.append(
            [
                (f"    waived by {acceptance.reviewer} on {acceptance.date.isoformat()}{expiry}: ", "green"),
                (one_line(acceptance.reason), ""),
                (f" ({escape_controls(acceptance.waivers_path)}:{acceptance.line})", "dim"),
            ]
        )
    return lines


def excerpt(source: Source, diagnostic: Diagnostic, width: int, style: str = "") -> list[Line]:
    """The finding's first line, windowed to ``width`` columns, and its underline."""
    span = diagnostic.span
    line_text = source.line_text(span.line)
    first = span.column - 1
    last = span.end_column - 1 if span.end_line == span.line else len(line_text)
    display, columns = _expand_tabs(line_text)
    start_col, end_col = columns[first], columns[max(first, last)]
    gutter = f"{span.line:>5} | "
    room = max(20, width - len(gutter))
    window_start, window_end = _window(len(display), start_col, end_col, room)
    shown = display[window_start:window_end]
    prefix = "…" if window_start > 0 else ""
    suffix = "…" if window_end < len(display) else ""
    if prefix:
        shown = shown[1:]
    if suffix:
        shown = shown[:-1]
    lead = max(start_col, window_start + len(prefix)) - window_start
    marks = max(1, min(end_col, window_end - len(suffix)) - max(start_col, window_start + len(prefix)))
    underline = " " * lead + "^" * marks
    return [
        [(gutter, "blue"), (prefix, "dim"), (shown, ""), (suffix, "dim")],
        [(" " * (len(gutter) - 2) + "| ", "blue"), (underline, style)],
    ]


def _expand_tabs(text: str) -> tuple[str, list[int]]:
    """The text with tabs expanded and control characters made visible, and for each
    character index (and the end) its column."""
    columns: list[int] = []
    out: list[str] = []
    column = 0
    for char in text:
        columns.append(column)
        if char == "\t":
            spaces = TAB_SIZE - column % TAB_SIZE
            out.append(" " * spaces)
            column += spaces
        else:
            out.append(_visible(char))
            column += 1
    columns.append(column)
    return "".join(out), columns


def _visible(char: str) -> str:
    """A control character as its Unicode picture (ESC as ␛): a report must not be able
    to send escape sequences to the reader's terminal. One column each, as before."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if 0x80 <= code < 0xA0:
        return "\ufffd"
    return char


def one_line(text: str) -> str:
    """Text for one output line: line breaks and tabs become spaces, other control
    characters their pictures, so each finding's first line stays one grep-able line."""
    return "".join(_visible(char) for char in _BREAKS.sub(" ", text))


def _window(length: int, start: int, end: int, room: int) -> tuple[int, int]:
    """Columns ``[a, b)`` of a line to show: the span, with some text before it."""
    if length <= room:
        return 0, length
    before = max(8, (room - (end - start)) // 3)
    window_start = max(0, start - before)
    window_end = min(length, window_start + room)
    window_start = max(0, window_end - room)
    return window_start, window_end


def summary(report: Report) -> str:
    """``2 errors, 11 warnings, 1 waived in 1 file`` — or ``no findings in 1 file``;
    files that could not be read are not counted as linted but named apart:
    ``no findings in 2 files, 1 file not linted``."""
    counts = Counter(str(d.severity) for d in report.diagnostics())
    waived = len(report.waived())
    not_linted = sum(1 for result in report.reports if result.error is not None)
    linted = len(report.reports) - not_linted
    parts = [_plural(counts[name], name) for name in ("error", "warning", "info") if counts[name]]
    if waived:
        parts.append(f"{waived} waived")
    found = ", ".join(parts) if parts else "no findings"
    line = f"{found} in {_plural(linted, 'file')}"
    return line + (f", {_plural(not_linted, 'file')} not linted" if not_linted else "")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _paint(lines: Sequence[Line], width: int) -> str:
    """ANSI-coloured text of the lines, via rich (imported only here)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(force_terminal=True, color_system="standard", width=width, highlight=False, emoji=False, markup=False)
    with console.capture() as capture:
        for line in lines:
            text = Text()
            for piece, style in line:
                text.append(piece, style=style or None)
            console.print(text, soft_wrap=True)
    return capture.get()
