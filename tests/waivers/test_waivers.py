"""Waivers: reviewed findings stop failing the run but stay counted, listed, and honest."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ccmlint.cli import main
from tests.reports import SMALL_REPORT

REPORT = SMALL_REPORT
VP = "vice-president-not-participant"
FOOTNOTE = "footnote-reference-without-text"


@pytest.fixture
def report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``report.txt`` in the current folder (paths in the output are as given: relative)."""
    monkeypatch.chdir(tmp_path)
    path = Path("report.txt")
    path.write_text(REPORT, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["--isolated", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def records(capsys: pytest.CaptureFixture[str], *arguments: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(run(capsys, "--format", "json", *arguments)[1])
    return found


def waiver(rule: str, fingerprint: object, **more: str) -> str:
    lines = [f"  - rule: {rule}", f'    fingerprint: "{fingerprint}"', "    reason: The issued text reads so.",
             "    reviewer: A. Editor", "    date: 2026-09-12"]
    lines += [f"    {key}: {value}" for key, value in more.items()]
    return "\n".join(lines) + "\n"


def fingerprint_of(capsys: pytest.CaptureFixture[str], report: Path, rule: str) -> object:
    return next(record["fingerprint"] for record in records(capsys, str(report)) if record["rule"] == rule)


def test_waived_findings_do_not_fail_but_are_counted_and_listed(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waivers = report.with_name("report.waivers.yaml")
    waivers.write_text(
        "waivers:\n" + waiver(VP, fingerprint_of(capsys, report, VP)) + waiver(FOOTNOTE, fingerprint_of(capsys, report, FOOTNOTE)),
        encoding="utf-8",
    )
    assert run(capsys, str(report)) == (0, "2 waived in 1 file\n", "")
    code, out, _ = run(capsys, "--show-waived", str(report))
    assert code == 0
    assert "report.txt:4:61: warning [vice-president-not-participant] Mexico is listed as Vice-President" in out
    assert "(waived)\n" in out and "    waived by A. Editor on 2026-09-12: The issued text reads so. (report.waivers.yaml:2)" in out
    assert [record["waived"]["reviewer"] for record in records(capsys, "--show-waived", str(report))] == ["A. Editor"] * 2


def test_a_waiver_survives_inserted_paragraphs(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report.with_name("report.waivers.yaml").write_text("waivers:\n" + waiver(VP, fingerprint_of(capsys, report, VP)), encoding="utf-8")
    report.write_text(
        REPORT.replace("The following", "The Meeting was opened.\nThe agenda was adopted.\nThe following"), encoding="utf-8"
    )
    assert [record["rule"] for record in records(capsys, str(report))] == [FOOTNOTE]


def test_a_waiver_that_matches_nothing_is_stale(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waivers = report.with_name("report.waivers.yaml")
    print_ = fingerprint_of(capsys, report, VP)
    waivers.write_text("# reviewed\nwaivers:\n" + waiver(VP, print_), encoding="utf-8")
    report.write_text(REPORT.replace("Chile and Mexico", "Austria and Chile"), encoding="utf-8")
    found = records(capsys, str(report))
    stale = [record for record in found if record["rule"] == "waiver-stale"]
    assert stale == [
        {
            "path": "report.waivers.yaml",
            "line": 3,
            "column": 5,
            "end_line": 3,
            "end_column": 41,
            "rule": "waiver-stale",
            "severity": "warning",
            "message": f"the waiver for {VP} {print_} matches no finding any more",
            "suggestion": "delete it if the finding was fixed; if the sentence was reworded, review the new finding and waive that",
        }
    ]
    code, out, _ = run(capsys, str(report))
    assert code == 1
    assert "==> report.waivers.yaml <==" in out
    assert out.endswith("1 error, 1 warning in 1 file\n")  # the waivers file is not counted as a report


def test_a_waiver_for_a_rule_not_run_is_not_stale(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report.with_name("report.waivers.yaml").write_text("waivers:\n" + waiver(VP, "0000000000000000:1"), encoding="utf-8")
    assert [record["rule"] for record in records(capsys, "--ignore", VP, str(report))] == [FOOTNOTE]


def test_an_expired_waiver_no_longer_applies(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    waivers = report.with_name("report.waivers.yaml")
    print_ = fingerprint_of(capsys, report, VP)
    waivers.write_text("waivers:\n" + waiver(VP, print_, expires="2000-01-01"), encoding="utf-8")
    found = records(capsys, str(report))
    assert [record["rule"] for record in found] == [VP, FOOTNOTE, "waiver-expired"]
    assert found[2]["severity"] == "info" and "expired on 2000-01-01" in str(found[2]["message"])
    later = date.today().replace(year=date.today().year + 5).isoformat()
    waivers.write_text("waivers:\n" + waiver(VP, print_, expires=later), encoding="utf-8")
    assert [record["rule"] for record in records(capsys, str(report))] == [FOOTNOTE]


def test_a_shared_waivers_file_named_in_the_configuration(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = report.with_name("other.txt")
    other.write_text(REPORT, encoding="utf-8")
    (report.parent / "review").mkdir()
    (report.parent / ".ccmlint.yaml").write_text("waivers: review/waivers.yaml\n", encoding="utf-8")
    print_ = fingerprint_of(capsys, report, VP)
    (report.parent / "review" / "waivers.yaml").write_text(
        "waivers:\n" + waiver(VP, print_, file="../report.txt"), encoding="utf-8"
    )
    code = main(["--format", "json", "report.txt", "other.txt"])
    found = json.loads(capsys.readouterr().out)
    assert code == 1
    assert [(record["path"], record["rule"]) for record in found] == [
        ("other.txt", VP), ("other.txt", FOOTNOTE), ("report.txt", FOOTNOTE),
    ]


def test_a_baseline_in_a_shared_file_names_each_report(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("other.txt").write_text(REPORT.replace("[footnoteRef:1]", ""), encoding="utf-8")
    Path(".ccmlint.yaml").write_text("waivers: review/waivers.yaml\n", encoding="utf-8")
    Path("review").mkdir()
    assert main(["--write-baseline", "report.txt", "other.txt"]) == 0
    assert capsys.readouterr().err == "ccmlint: review/waivers.yaml: recorded 3 findings as waived\n"
    written = Path("review/waivers.yaml").read_text(encoding="utf-8")
    assert written.count('    file: "../report.txt"') == 2 and written.count('    file: "../other.txt"') == 1
    assert main(["report.txt", "other.txt"]) == 0
    assert capsys.readouterr().out == "3 waived in 2 files\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("waiver:\n  - rule: x\n", "1:1: unknown key 'waiver' in the waivers file"),
        ("waivers:\n  - rule: x\n    fingerprint: \"0123456789abcdef:1\"\n    reviewer: r\n    date: 2026-01-01\n",
         "2:5: missing key 'reason' in waivers[0]"),
        ("waivers:\n" + waiver(VP, "0123456789abcdef:1", expires="next year"),
         "7:5: waivers[0].expires: not a date in the form YYYY-MM-DD: 'next year'"),
        ("waivers:\n" + waiver(VP, "line 12"), "3:5: waivers[0].fingerprint: not a ccmlint fingerprint"),
        ("waivers:\n" + waiver(VP, "x").replace('"x"', "1234:5"), "3:5: waivers[0].fingerprint: write the fingerprint in quotes"),
        ("waivers:\n" + waiver(VP, "0123456789abcdef:1", colour="red"), "7:5: unknown key 'colour' in waivers[0]"),
        ("waivers:\n" + waiver(VP, "0123456789abcdef:1") * 2, "7:5: duplicate waiver for vice-president-not-participant"),
        ("- just a list\n", "1:1: a waivers file is a mapping with one key, 'waivers', holding a list"),
    ],
)
def test_a_bad_waivers_file_names_file_line_and_problem(
    report: Path, capsys: pytest.CaptureFixture[str], text: str, expected: str
) -> None:
    report.with_name("report.waivers.yaml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, str(report))
    assert code == 2
    assert err.startswith("ccmlint: configuration error: report.waivers.yaml:"), err
    assert expected in err, err
    assert err.count("\n") == 1


def test_write_baseline_adopts_a_long_draft_and_only_new_problems_fail(report: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--write-baseline", str(report))
    assert (code, out) == (0, "2 waived in 1 file\n")
    assert err == "ccmlint: report.waivers.yaml: recorded 2 findings as waived\n"
    written = report.with_name("report.waivers.yaml").read_text(encoding="utf-8")
    assert f'  - rule: "{VP}"' in written and '    excerpt: "Mexico"' in written and "file:" not in written
    assert run(capsys, str(report))[0] == 0
    # A reviewer's own reason survives a second baseline. Rewording the sentence that
    # holds a waived finding makes it new (the reviewer accepted the old sentence).
    reviewed = written[::-1].replace(
        '"accepted as a baseline: present when ccmlint was adopted"'[::-1], '"Checked with the secretariat."'[::-1], 1
    )[::-1]
    report.with_name("report.waivers.yaml").write_text(reviewed, encoding="utf-8")
    report.write_text(REPORT.replace("Chile and Mexico", "Chile, Peru and Mexico"), encoding="utf-8")
    found = records(capsys, str(report))
    assert [(record["rule"], str(record["message"]).split()[0]) for record in found] == [
        (VP, "Peru"), (VP, "Mexico"), ("waiver-stale", "the"),
    ]
    assert run(capsys, "--write-baseline", str(report))[0] == 0
    rewritten = report.with_name("report.waivers.yaml").read_text(encoding="utf-8")
    assert 'reason: "Checked with the secretariat."' in rewritten
    assert rewritten.count("  - rule:") == 3  # the footnote's kept, Peru and Mexico new, the stale one gone
    assert run(capsys, str(report)) == (0, "3 waived in 1 file\n", "")
