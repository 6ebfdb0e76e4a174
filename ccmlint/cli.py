"""The ``ccmlint`` command line.

``ccmlint [OPTIONS] FILE...`` lints reports (``-`` reads standard input);
``ccmlint facts FILE`` prints what the report states; ``ccmlint rules`` lists the
rules; ``ccmlint explain RULE`` prints a rule's documentation.

What a lint run does (configuration, fixes, waivers, the fail level) is decided in
``ccmlint.run``; this module parses options, prints and picks the exit code.

Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 a usage, configuration or input error. No input ever produces a traceback: an
unexpected failure is reported in one line (set CCMLINT_DEBUG=1 for the trace).
Heavy modules are imported inside the commands, so that ``--help`` and the
pre-commit hook start quickly.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from typing import TYPE_CHECKING, Sequence

from ccmlint import __version__, collector

if TYPE_CHECKING:
    from ccmlint.lint import Linter
    from ccmlint.output.results import Report

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("lint", "facts", "rules", "explain")


class UsageError(Exception):
    """A mistake in how ccmlint was called or configured: exit 2 with this message."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    thresholds = collector.fewer_collections()  # see ccmlint.collector
    try:
        return _main(arguments)
    finally:
        collector.restore(thresholds)  # a program calling main() keeps its own setting


def _main(arguments: list[str]) -> int:
    try:
        return _dispatch(arguments)
    except UsageError as error:
        _error(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (``ccmlint … | head``); nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as error:  # noqa: BLE001 - the last line of defence against tracebacks
        message = _user_error_message(error)
        if message is not None:
            _error(message)
            return EXIT_ERROR
        if os.environ.get("CCMLINT_DEBUG"):
            raise
        _error(f"internal error: {type(error).__name__}: {error} (run with CCMLINT_DEBUG=1 for details)")
        return EXIT_ERROR


def _dispatch(arguments: list[str]) -> int:
    command = "lint"
    # NOTE: a command name wins unless a regular file of that name exists; lint such a
    # file as ./facts. (The repository's own rules/ folder must not hide `ccmlint rules`.)
    if arguments and arguments[0] in COMMANDS and not os.path.isfile(arguments[0]):
        command, arguments = arguments[0], arguments[1:]
    parser = _parser(command)
    try:
        options = parser.parse_args(arguments)
    except SystemExit as exit_request:
        return int(exit_request.code or 0) and EXIT_ERROR
    if command == "facts":
        return _facts(options)
    if command == "rules":
        return _rules(options)
    if command == "explain":
        return _explain(options)
    return _lint(options)


# ---------------------------------------------------------------------- parsers


def _parser(command: str) -> argparse.ArgumentParser:
    if command == "facts":
        parser = argparse.ArgumentParser(formatter_class=_HelpFormatter, prog="ccmlint facts", description="Print the facts ccmlint reads in a report.")
        parser.add_argument("file", help="the report (- for standard input)")
        parser.add_argument("--format", choices=("json", "yaml"), default="json")
        _add_input_options(parser)
        return parser
    if command == "rules":
        parser = argparse.ArgumentParser(formatter_class=_HelpFormatter, prog="ccmlint rules", description="List the rules.")
        parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")
        _add_rule_options(parser)
        return parser
    if command == "explain":
        parser = argparse.ArgumentParser(formatter_class=_HelpFormatter, prog="ccmlint explain", description="Print a rule's documentation.")
        parser.add_argument("rule", help="a rule id, e.g. footnote-unresolved")
        _add_rule_options(parser)
        return parser
    parser = argparse.ArgumentParser(
        formatter_class=_HelpFormatter,
        prog="ccmlint",
        description="Lint final reports of meetings of States Parties. "
        "Other commands: ccmlint facts FILE | ccmlint rules | ccmlint explain RULE.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="report files (- for standard input)")
    parser.add_argument(
        "--format",
        choices=("text", "json", "sarif", "github", "html"),
        default="text",
        help="output format: text (for people), json, sarif (code scanning), github (workflow annotations), "
        "html (a review page) (default: text)",
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default=None,
        help="lowest severity that makes the exit code 1 (default: the configuration's fail-on, else warning)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the counts (text format)")
    parser.add_argument(
        "--color",
        "--colour",
        dest="colour",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output: auto (on a terminal, unless NO_COLOR is set), always, never",
    )
    parser.add_argument("--show-waived", action="store_true", help="list waived findings too (text, json)")
    parser.add_argument("--select", action="append", default=None, type=_names, metavar="RULES",
                        help="run only these rules or packs, comma-separated (replaces the configuration's select)")
    parser.add_argument("--ignore", action="append", default=[], type=_names, metavar="RULES",
                        help="do not run these rules or packs, comma-separated (adds to the configuration's ignore)")
    parser.add_argument("--waivers", metavar="FILE",
                        help="the waivers file (default: the configuration's, else REPORT-STEM.waivers.yaml beside each report)")
    parser.add_argument("--write-baseline", action="store_true",
                        help="record every current finding in the waivers file as accepted, then report")
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply safe fixes to the files (whitespace, certain substitutions)")
    fixing.add_argument("--diff", action="store_true", help="print the safe fixes as a unified diff; write nothing")
    parser.add_argument("--review-copy", metavar="OUT.docx",
                        help="for a Word report, write a copy of it with each finding as a Word comment on its words "
                        "(a directory: one STEM.reviewed.docx per report); the report itself is never changed")
    parser.add_argument("-j", "--jobs", type=_job_count, default=1, metavar="N",
                        help="lint the reports in N worker processes (0: one per processor; default 1: in this "
                        "process); the output is the same, in the order the reports were given")
    parser.add_argument("--version", action="version", version=f"ccmlint {__version__}")
    _add_input_options(parser)
    return parser


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, told the terminal's width: left to itself it imports
    shutil to ask, and argparse builds one for every option a parser is given."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


def _terminal_columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it: COLUMNS, else the
    terminal's own, else 80."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


def _names(text: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    if not names:
        raise argparse.ArgumentTypeError("give rule ids or pack names, comma-separated")
    return names


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="an extra directory of YAML rules (repeatable)",
    )
    configuration = parser.add_mutually_exclusive_group()
    configuration.add_argument(
        "--config",
        metavar="FILE",
        help="use this configuration file (.ccmlint.yaml or pyproject.toml) instead of searching for one",
    )
    configuration.add_argument(
        "--isolated", action="store_true", help="ignore every configuration file; use the defaults and these options"
    )


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    _add_rule_options(parser)
    parser.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="judge dates as of this day instead of the meeting's last day",
    )
    parser.add_argument(
        "--max-bytes",
        type=_byte_limit,
        default=None,
        metavar="N",
        help="refuse reports larger than N bytes (default: 20 MB)",
    )


def _byte_limit(text: str) -> int:
    """A positive number of bytes. Zero would be read as "no option given" (the
    default limit) and a negative limit as "read everything", so both are refused."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of bytes: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte: {text!r}")
    return value


def _job_count(text: str) -> int:
    """A number of worker processes; 0 stands for one per processor."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of processes: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per processor) or more: {text!r}")
    return value


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


# ---------------------------------------------------------------------- commands


def _lint(options: argparse.Namespace) -> int:
    from ccmlint.cache import save_memos
    from ccmlint.diagnostics import Severity
    from ccmlint.output import formatter
    from ccmlint.output.results import RenderOptions
    from ccmlint.run import Overrides, RunOptions, Runner

    if options.fix and options.files.count("-"):
        raise UsageError("--fix cannot write back to standard input; use --diff to see the fixes")
    overrides = Overrides(
        select=tuple(name for names in options.select for name in names) if options.select is not None else None,
        ignore=tuple(name for names in options.ignore for name in names),
        as_of=options.as_of,
        rule_dirs=tuple(options.rules),
        waivers=options.waivers,
        fail_on=Severity.parse(options.fail_on) if options.fail_on is not None else None,
    )
    runner = Runner(
        RunOptions(
            config=options.config,
            isolated=options.isolated,
            overrides=overrides,
            max_bytes=options.max_bytes,
            fix=options.fix,
            diff=options.diff,
            write_baseline=options.write_baseline,
            jobs=options.jobs,
        )
    )
    outcome = runner.run(options.files)
    for result in outcome.read_errors:
        _error(f"{result.path}: {result.error}")
    for rule, path in outcome.failed_rules:
        _error(f"internal error in rule {rule} on {path}; other rules ran; please report")
    for note in outcome.notes:
        _error(note)
    if options.diff:
        sys.stdout.write(outcome.diff)
        sys.stdout.flush()
        if outcome.read_errors or outcome.internal_error:
            return EXIT_ERROR
        return EXIT_FINDINGS if outcome.diff and not options.exit_zero else EXIT_CLEAN
    colour, width = _terminal(options.colour)
    render_options = RenderOptions(colour=colour, quiet=options.quiet, show_waived=options.show_waived, width=width)
    sys.stdout.write(formatter(options.format).render(outcome.report, render_options))
    sys.stdout.flush()
    save_memos()  # what the output's own patterns added, once it is written
    if options.review_copy is not None and not _write_review_copies(options.review_copy, outcome.report):
        return EXIT_ERROR
    if outcome.read_errors or outcome.internal_error:
        return EXIT_ERROR
    return EXIT_FINDINGS if outcome.failing and not options.exit_zero else EXIT_CLEAN


def _write_review_copies(target: str, report: Report) -> bool:
    """Write the reviewed copy of each Word report; False (after saying why) if one fails."""
    from ccmlint.docx.review import ReviewError, review_targets, write_review_copy

    documents = [result for result in report.reports if result.source is not None and result.source.locator is not None]
    try:
        if not documents:
            raise ReviewError("--review-copy needs a Word report (.docx); none was given")
        for result, out_path in zip(documents, review_targets(target, [result.path for result in documents])):
            assert result.source is not None
            copy = write_review_copy(result.source, result.diagnostics, out_path)
            _error(f"{result.path}: reviewed copy with {copy.comments} comment(s) written to {out_path}")
    except ReviewError as error:
        _error(str(error))
        return False
    return True


def _terminal(choice: str) -> tuple[bool, int]:
    """Whether to colour the text output, and how wide the terminal is (100 when piped,
    so that piped output is the same everywhere)."""
    tty = sys.stdout.isatty()
    if choice == "always":
        colour = True
    elif choice == "never":
        colour = False
    else:
        # https://no-color.org and the FORCE_COLOR convention; a dumb terminal has no colour.
        colour = bool(os.environ.get("FORCE_COLOR")) or (
            tty and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        )
    if tty:
        return colour, max(40, _terminal_columns())
    return colour, 100


def _facts(options: argparse.Namespace) -> int:
    from ccmlint.cache import save_memos
    from ccmlint.record import to_data
    from ccmlint.lint import Linter, LintOptions
    from ccmlint.reading import DEFAULT_MAX_BYTES, STDIN, ReadError, read_report

    linter = Linter.create(LintOptions(as_of=options.as_of, rule_dirs=tuple(options.rules)))
    try:
        source = read_report(options.file, options.max_bytes or DEFAULT_MAX_BYTES)
    except ReadError as error:
        # Named as the lint command names it: standard input is <stdin>, not -.
        raise ReadError(f"{'<stdin>' if options.file == STDIN else options.file}: {error}") from None
    data = to_data(linter.facts(source))
    save_memos()
    if options.format == "yaml":
        import yaml

        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    else:
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return EXIT_CLEAN


def _rule_linter(options: argparse.Namespace) -> "Linter":
    """A linter with every rule the configuration found from here adds (its own packs)."""
    from ccmlint.lint import Linter, LintOptions
    from ccmlint.run import rule_config

    config = rule_config(os.getcwd(), options.config, options.isolated, tuple(options.rules))
    return Linter.create(LintOptions(rule_dirs=config.rule_dirs))


def _rules(options: argparse.Namespace) -> int:
    linter = _rule_linter(options)
    rows = linter.rule_rows()
    if options.format == "json":
        import json

        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif options.format == "markdown":
        from ccmlint.engine.reference import reference_page

        sys.stdout.write(reference_page(linter.rules))
    else:
        width = max((len(str(row["id"])) for row in rows), default=0)
        for row in rows:
            sys.stdout.write(f"{row['id']:<{width}}  {row['severity']:<7}  {row['pack']:<8}  {row['summary']}\n")
    return EXIT_CLEAN


def _explain(options: argparse.Namespace) -> int:
    linter = _rule_linter(options)
    sys.stdout.write(linter.explain(options.rule))
    return EXIT_CLEAN


def _user_error_message(error: Exception) -> str | None:
    """The message of an error the user can fix (a bad rule file, an unreadable
    report, an unknown rule id), or None for a genuine internal error."""
    from ccmlint.engine.errors import ConfigError
    from ccmlint.facts.phrasings import PhrasingsError
    from ccmlint.lint import UnknownRule, UnknownRuleName
    from ccmlint.reading import ReadError

    if isinstance(error, (ConfigError, PhrasingsError)):
        return f"configuration error: {error}"
    if isinstance(error, ReadError):
        return str(error)
    if isinstance(error, UnknownRule):
        return f"no rule '{error.args[0]}'; 'ccmlint rules' lists them"
    if isinstance(error, UnknownRuleName):
        return f"{error.args[1]}"
    return None


def _error(message: str) -> None:
    """One line on standard error (errors and notes alike), whatever the message holds:
    a file name with a newline or an escape sequence in it is written escaped (``\\n``)."""
    from ccmlint.output.escaping import escape_controls

    sys.stderr.write(f"ccmlint: {escape_controls(message)}\n")
