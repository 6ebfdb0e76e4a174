"""What every hostile-input test checks: the exit code, one clear line on stderr, no
traceback anywhere, and standard output still in its documented format.

The contract (README, ccmlint/cli.py): exit 0 or 1 print nothing on stderr; exit 2
prints one line per problem, each starting ``ccmlint:``; a traceback never reaches
the user; stdout is findings then a summary line (text) or one JSON array (json),
whatever else went wrong.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from ccmlint.cli import main

REPO = Path(__file__).resolve().parents[2]
CLEAN = REPO / "examples" / "clean-report.txt"
DEFECTS = REPO / "examples" / "planted-defects.txt"

FINDING = re.compile(r"^.+:\d+:\d+: (?:error|warning|info) \[[a-z0-9]+(?:-[a-z0-9]+)*\] \S.*$")
_COUNT = r"\d+ (?:errors?|warnings?|infos?)"
_FOUND = rf"(?:no findings|{_COUNT}(?:, {_COUNT})*(?:, \d+ waived)?|\d+ waived)"
SUMMARY = re.compile(rf"^{_FOUND} in \d+ files?(?:, \d+ files? not linted)?$")
"""The closing line of the text output (ccmlint.output.text.summary): the counts by
severity and of waived findings, the files linted, and the files that could not be."""

REPORT = """\
\tI.\tOrganization of the Meeting
The Fourteenth Meeting of States Parties was held in Geneva from 8 to 11 September 2026.[footnoteRef:1] [1: \t \tCCM/MSP/2026/1.]
The following States Parties participated in the work of the Meeting: Austria, Chile and Ghana.
At its first plenary session, the Meeting elected Chile and Mexico as Vice-Presidents.
The Meeting adopted its report.
"""
"""A small report with one finding (Mexico, line 4, column 61): exit 1."""

REPORT_FINDING = (4, 61, 4, 67, "vice-president-not-participant", "warning",
                  "Mexico is listed as Vice-President but not among the States Parties listed as participating")


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *arguments: str) -> Run:
    """``ccmlint ARGUMENTS`` in this process (the rules load in milliseconds)."""
    code = main(list(arguments))
    captured = capsys.readouterr()
    return Run(code, captured.out, captured.err)


def check(run: Run, code: int, *errors: str, output: str = "text") -> None:
    """Assert the contract: exit ``code``; stderr is exactly the lines ``ccmlint: ERROR``
    for the given errors (none for exit 0 and 1); no traceback; stdout well formed."""
    assert run.code == code, (run.code, run.err, run.out[-500:])
    assert "Traceback" not in run.err and "Traceback" not in run.out
    if code in (0, 1):
        assert not errors, "exit 0 and 1 print nothing on stderr"
    assert run.err == "".join(f"ccmlint: {error}\n" for error in errors)
    check_stdout(run.out, output)


def check_one_error(run: Run, start: str) -> str:
    """Exit 2 with exactly one stderr line, starting ``ccmlint: START``; the line."""
    assert run.code == 2, (run.code, run.err, run.out[-500:])
    assert "Traceback" not in run.err and "Traceback" not in run.out
    assert run.err.endswith("\n") and run.err.count("\n") == 1, run.err
    assert run.err.startswith(f"ccmlint: {start}"), run.err
    return run.err.rstrip("\n")


def check_stdout(out: str, output: str = "text") -> None:
    """Standard output keeps its format: text ends with the summary line; json is one
    array of findings. (The text between is for people and may change its layout.)"""
    assert "Traceback" not in out
    if output == "json":
        for record in records(out):
            assert {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message"} <= set(record)
        return
    assert out.endswith("\n"), out[-200:]
    assert SUMMARY.match(out.splitlines()[-1]), out[-200:]
    for line in out.splitlines():
        if FINDING.match(line):
            break
    else:
        # Only waived findings (or none) may go unprinted: the line opens with no count by severity.
        assert not re.match(_COUNT, out.splitlines()[-1]), "findings are counted but none is printed"


def records(out: str) -> list[dict[str, Any]]:
    """The findings of ``--format json`` output."""
    loaded = json.loads(out)
    assert isinstance(loaded, list)
    return loaded


def located(out: str) -> list[tuple[Any, ...]]:
    """The findings of ``--format json`` output without their path (which differs per
    copy of a report): place, rule, severity and message."""
    return [
        (record["line"], record["column"], record["end_line"], record["end_column"], record["rule"], record["severity"], record["message"])
        for record in records(out)
    ]
