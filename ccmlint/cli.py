"""The ``ccmlint`` command line.

``ccmlint [OPTIONS] FILE...`` lints reports (``-`` reads standard input);
``ccmlint facts FILE`` prints what the report states; ``ccmlint rules`` lists the
rules; ``ccmlint explain RULE`` prints a rule's documentation.

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
from typing import Sequence

from ccmlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
COMMANDS = ("lint", "facts", "rules", "explain")


class UsageError(Exception):
    """A mistake in how ccmlint was called or configured: exit 2 with this message."""


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
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
        parser = argparse.ArgumentParser(prog="ccmlint facts", description="Print the facts ccmlint reads in a report.")
        parser.add_argument("file", help="the report (- for standard input)")
        parser.add_argument("--format", choices=("json", "yaml"), default="json")
        _add_input_options(parser)
        return parser
    if command == "rules":
        parser = argparse.ArgumentParser(prog="ccmlint rules", description="List the rules.")
        parser.add_argument("--format", choices=("text", "json"), default="text")
        _add_rule_options(parser)
        return parser
    if command == "explain":
        parser = argparse.ArgumentParser(prog="ccmlint explain", description="Print a rule's documentation.")
        parser.add_argument("rule", help="a rule id, e.g. footnote-unresolved")
        _add_rule_options(parser)
        return parser
    parser = argparse.ArgumentParser(
        prog="ccmlint",
        description="Lint final reports of meetings of States Parties. "
        "Other commands: ccmlint facts FILE | ccmlint rules | ccmlint explain RULE.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="report files (- for standard input)")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        default="warning",
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    parser.add_argument("--version", action="version", version=f"ccmlint {__version__}")
    _add_input_options(parser)
    return parser


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="DIR",
        help="an extra directory of YAML rules (repeatable)",
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
        type=int,
        default=None,
        metavar="N",
        help="refuse reports larger than N bytes (default: 20 MB)",
    )


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


# ---------------------------------------------------------------------- commands


def _lint(options: argparse.Namespace) -> int:
    from ccmlint.diagnostics import Severity
    from ccmlint.lint import Linter, LintOptions
    from ccmlint.output import formatter
    from ccmlint.output.results import FileResult

    linter = Linter.create(LintOptions(as_of=options.as_of, rule_dirs=tuple(options.rules)))
    results: list[FileResult] = []
    failed_to_read = False
    for path in options.files:
        result = linter.lint_path(path, options.max_bytes)
        if result.error is not None:
            failed_to_read = True
            _error(f"{result.path}: {result.error}")
        results.append(result)
    sys.stdout.write(formatter(options.format).render(results))
    sys.stdout.flush()
    if failed_to_read:
        return EXIT_ERROR
    if any(d.rule == "internal-error" for result in results for d in result.diagnostics):
        return EXIT_ERROR
    fail_level = Severity.parse(options.fail_on)
    failing = any(d.severity >= fail_level for result in results for d in result.diagnostics)
    return EXIT_FINDINGS if failing and not options.exit_zero else EXIT_CLEAN


def _facts(options: argparse.Namespace) -> int:
    from ccmlint.lint import Linter, LintOptions

    linter = Linter.create(LintOptions(as_of=options.as_of, rule_dirs=tuple(options.rules)))
    facts = linter.facts_of_path(options.file, options.max_bytes)
    data = facts.model_dump(mode="json")
    if options.format == "yaml":
        import yaml

        sys.stdout.write(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    else:
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return EXIT_CLEAN


def _rules(options: argparse.Namespace) -> int:
    from ccmlint.lint import Linter, LintOptions

    linter = Linter.create(LintOptions(rule_dirs=tuple(options.rules)))
    rows = linter.rule_rows()
    if options.format == "json":
        import json

        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    else:
        width = max((len(str(row["id"])) for row in rows), default=0)
        for row in rows:
            sys.stdout.write(f"{row['id']:<{width}}  {row['severity']:<7}  {row['pack']:<8}  {row['summary']}\n")
    return EXIT_CLEAN


def _explain(options: argparse.Namespace) -> int:
    from ccmlint.lint import Linter, LintOptions

    linter = Linter.create(LintOptions(rule_dirs=tuple(options.rules)))
    sys.stdout.write(linter.explain(options.rule))
    return EXIT_CLEAN


def _user_error_message(error: Exception) -> str | None:
    """The message of an error the user can fix (a bad rule file, an unreadable
    report, an unknown rule id), or None for a genuine internal error."""
    from ccmlint.engine.errors import ConfigError
    from ccmlint.facts.phrasings import PhrasingsError
    from ccmlint.lint import UnknownRule
    from ccmlint.reading import ReadError

    if isinstance(error, (ConfigError, PhrasingsError)):
        return f"configuration error: {error}"
    if isinstance(error, ReadError):
        return str(error)
    if isinstance(error, UnknownRule):
        return f"no rule '{error.args[0]}'; 'ccmlint rules' lists them"
    return None


def _error(message: str) -> None:
    sys.stderr.write(f"ccmlint: {message}\n")
