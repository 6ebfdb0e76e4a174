"""The command line: exit codes, output formats, standard input and the sub-commands."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ccmlint.cli import main
from tests.reports import SMALL_REPORT

REPO = Path(__file__).resolve().parents[2]
CLEAN = REPO / "examples" / "clean-report.txt"
DEFECTS = REPO / "examples" / "planted-defects.txt"

REPORT = SMALL_REPORT


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_findings_exit_1_and_are_shown_in_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Grouped by file and chapter; each finding opens with the grep-able line, then the
    source line with the span underlined."""
    report = tmp_path / "draft.txt"
    report.write_text(REPORT, encoding="utf-8")
    code, out, err = run(capsys, str(report))
    assert code == 1
    assert err == ""
    assert out.splitlines() == [
        f"==> {report} <==",
        "",
        "-- I. Organization of the Meeting",
        "",
        f"{report}:4:61: warning [vice-president-not-participant] Mexico is listed as Vice-President"
        " but not among the States Parties listed as participating",
        "    4 | At its first plenary session, the Meeting elected Chile and Mexico as Vice-Presidents.",
        "      |                                                             ^^^^^^",
        "",
        f"{report}:5:32: error [footnote-reference-without-text] footnote reference 1 has no footnote text",
        "    5 | The Meeting adopted its report.[footnoteRef:1]",
        "      |                                ^^^^^^^^^^^^^^^",
        "",
        "1 error, 1 warning in 1 file",
    ]


def test_json_output_has_positions_in_the_original_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "draft.txt"
    report.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-16"))
    code, out, _ = run(capsys, "--format", "json", str(report))
    assert code == 1
    records = json.loads(out)
    assert records[0] == {
        "path": str(report),
        "line": 4,
        "column": 61,
        "end_line": 4,
        "end_column": 67,
        "rule": "vice-president-not-participant",
        "severity": "warning",
        "message": "Mexico is listed as Vice-President but not among the States Parties listed as participating",
        "fingerprint": records[0]["fingerprint"],
    }
    assert re.fullmatch(r"[0-9a-f]{16}:1", records[0]["fingerprint"])
    line = REPORT.splitlines()[records[0]["line"] - 1]
    assert line[records[0]["column"] - 1 : records[0]["end_column"] - 1] == "Mexico"


def test_fail_level_and_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "draft.txt"
    report.write_text(REPORT.replace("[footnoteRef:1]", ""), encoding="utf-8")
    assert run(capsys, str(report))[0] == 1
    assert run(capsys, "--fail-on", "error", str(report))[0] == 0
    assert run(capsys, "--exit-zero", str(report))[0] == 0


def test_clean_report_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(CLEAN)) == (0, "no findings in 1 file\n", "")


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode())))
    code, out, _ = run(capsys, "-")
    assert code == 1
    assert "\n<stdin>:4:61: warning [vice-president-not-participant]" in out


def test_output_order_is_deterministic_across_files(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "--format", "json", str(DEFECTS), str(CLEAN))
    second = run(capsys, "--format", "json", str(DEFECTS), str(CLEAN))
    assert first == second
    records = json.loads(first[1])
    assert [(r["line"], r["column"]) for r in records] == sorted((r["line"], r["column"]) for r in records)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["no-such-file.txt"], "ccmlint: no-such-file.txt: no such file\n"),
        (["--as-of", "13/09/2024", "x.txt"], "not a date in the form YYYY-MM-DD"),
        (["--format", "xml", "x.txt"], "invalid choice: 'xml'"),
        (["explain", "no-such-rule"], "ccmlint: no rule 'no-such-rule'; 'ccmlint rules' lists them\n"),
    ],
)
def test_usage_errors_exit_2(arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *arguments)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_a_bad_user_rule_names_its_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "my-rule.yaml").write_text(
        "id: my-rule\nseverity: warning\nmessage: x\ndocs: {summary: s, rationale: r, example: {flagged: f, corrected: c}, authority: a}\n"
        "check:\n  kind: required\n  path: officers.vice_presidnts\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--rules", str(rules), str(CLEAN))
    assert code == 2
    assert err.startswith(f"ccmlint: configuration error: {rules / 'my-rule.yaml'}:7:")
    assert "vice_presidnts" in err


def test_facts_command_prints_the_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "facts", str(CLEAN))
    facts = json.loads(out)
    assert code == 0
    assert facts["meeting"]["ordinal"] == 14
    assert facts["meeting"]["end"]["value"] == "2026-09-11"
    assert len(facts["officers"]["vice_presidents"]) == 4


def test_rules_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert {"id", "severity", "pack", "summary"} == set(rows[0])
    assert "footnote-reference-without-text" in {row["id"] for row in rows}
    code, out, _ = run(capsys, "explain", "footnote-reference-without-text")
    assert code == 0
    assert out.startswith("footnote-reference-without-text (error, pack generic)")


def test_python_dash_m_runs_the_same_command() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "ccmlint", str(CLEAN)], capture_output=True, text=True, timeout=60, check=False
    )
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "no findings in 1 file\n", "")
