"""Broken and hostile rule files, through ``ccmlint --rules DIR report.txt``.

The loader's own tests (tests/engine/test_loader_errors.py) check each error at the
loader; these check what the user sees: exit 2, nothing on stdout, and one stderr
line ``ccmlint: configuration error: FILE:LINE:COLUMN: problem``.
"""

from __future__ import annotations

import pathlib
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import CLEAN, REPORT, check, located, run_cli

from ccmlint.checks import pattern

Capsys = pytest.CaptureFixture[str]

NAME = "my-rule.yaml"
GOOD = """\
id: my-rule
severity: warning
message: "placeholder {match} left in the draft"
docs:
  summary: S.
  rationale: R.
  example:
    flagged: F.
    corrected: C.
  authority: A.
check:
  kind: pattern
  pattern: 'Mexico'
"""
BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]\n" for previous, name in zip("abcdefgh", "bcdefghi")
)


def rule_dir(tmp_path: Path, text: str | bytes, name: str = NAME) -> Path:
    directory = tmp_path / "rules"
    directory.mkdir(exist_ok=True)
    (directory / name).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return directory


def config_error(tmp_path: Path, capsys: Capsys, text: str | bytes, name: str = NAME) -> str:
    """The one stderr line of a run with this rule file, after ``FILE:``; checks the rest."""
    directory = rule_dir(tmp_path, text, name)
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    run = run_cli(capsys, "--rules", str(directory), str(report))
    prefix = f"ccmlint: configuration error: {directory / name}:"
    assert (run.code, run.out) == (2, ""), run
    assert "Traceback" not in run.err
    assert run.err.startswith(prefix) and run.err.endswith("\n") and run.err.count("\n") == 1, run.err
    return run.err[len(prefix) : -1]


def test_the_good_rule_runs_beside_the_bundled_ones(tmp_path: Path, capsys: Capsys) -> None:
    directory = rule_dir(tmp_path, GOOD)
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    run = run_cli(capsys, "--format", "json", "--rules", str(directory), str(report))
    check(run, 1, output="json")
    assert (4, 61, 4, 67, "my-rule", "warning", "placeholder Mexico left in the draft") in located(run.out)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # not YAML
        ("severity: warning", "severity: [warning", "3:8: invalid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)"),
        ("  summary: S.", "\tsummary: S.", "5:1: invalid YAML: found character '\\t' that cannot start any token (while scanning for the next token)"),
        ("id: my-rule\n", "id: my-rule\n---\nid: other\n", "2:1: invalid YAML: expected a single document in the stream but found another document"),
        # duplicate keys, at the top and inside
        ("severity: warning\n", "severity: warning\nseverity: error\n", "3:1: duplicate key 'severity' (first at line 2)"),
        ("  summary: S.\n", "  summary: S.\n  summary: T.\n", "6:3: duplicate key 'summary' (first at line 5)"),
        # anchors and aliases, bombs or not
        ("docs:\n", "docs: &docs\n", "4:7: anchor '&docs' is not allowed in rule files"),
        ("  authority: A.\n", "  authority: *x\n", "10:14: alias '*x' is not allowed in rule files"),
        # unknown check kind, unknown fact path, unknown key
        ("kind: pattern", "kind: patern", "12:3: unknown check kind 'patern' (known kinds: "),
        (
            "  kind: pattern\n  pattern: 'Mexico'\n",
            "  kind: required\n  path: officers.vice_presidnts.state\n",
            "13:3: check.path: unknown fact path 'officers.vice_presidnts.state': officers has no field 'vice_presidnts'",
        ),
        ("check:\n", "chek: 1\ncheck:\n", "11:1: unknown key 'chek' in rule 'my-rule'"),
        # a missing field, at the top and in the check
        ("severity: warning\n", "", "1:1: missing key 'severity' in rule 'my-rule'"),
        ("  pattern: 'Mexico'\n", "", "11:1: missing key 'pattern' in 'check'"),
        # a wrong type
        ("severity: warning", "severity: 3", "2:1: severity: Input should be 'error', 'warning' or 'info'"),
        ("pattern: 'Mexico'", "pattern: [Mexico, Chile]", "13:3: check.pattern: Input should be a valid string"),
        # an invalid regular expression; one that backtracks catastrophically
        ("'Mexico'", "'(Mexico'", "13:3: check.pattern: not a valid regular expression: missing ) at position 7"),
        ("'Mexico'", "'(M+)+x'", "13:3: check.pattern: nested unbounded repetition such as (a+)+ can take exponential time; rewrite the pattern"),
        ("'Mexico'", "'(\\w+\\s?)*$'", "13:3: check.pattern: nested unbounded repetition such as (a+)+ can take exponential time"),
        # a placeholder the kind does not give
        ("{match}", "{state}", "3:1: placeholder '{state}' in 'message' is not supplied by check kind 'pattern'"),
        # a tag that would construct an object
        ("A.", "!!python/name:os.system ''", "10:14: unsupported YAML tag 'tag:yaml.org,2002:python/name:os.system'"),
    ],
    ids=[
        "invalid-yaml",
        "tab-indent",
        "two-documents",
        "duplicate-top-key",
        "duplicate-nested-key",
        "anchor",
        "alias",
        "unknown-kind",
        "unknown-fact-path",
        "unknown-key",
        "missing-field",
        "missing-check-field",
        "wrong-type-severity",
        "wrong-type-list",
        "invalid-regex",
        "catastrophic-regex",
        "catastrophic-regex-words",
        "unknown-placeholder",
        "python-tag",
    ],
)
def test_a_broken_rule_file_names_file_line_and_problem(old: str, new: str, expected: str, tmp_path: Path, capsys: Capsys) -> None:
    assert old in GOOD
    assert config_error(tmp_path, capsys, GOOD.replace(old, new, 1)).startswith(expected)


def test_an_alias_bomb_is_refused_at_its_first_anchor(tmp_path: Path, capsys: Capsys) -> None:
    assert config_error(tmp_path, capsys, BILLION_LAUGHS) == "1:4: anchor '&a' is not allowed in rule files"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (GOOD.replace("S.", "Sé.").encode("cp1252"), "5:13: not UTF-8: byte 0xe9 cannot be decoded"),
        (GOOD.encode("utf-16"), "1:1: not UTF-8: byte 0xff cannot be decoded"),
        (b"", "1:1: the file holds no YAML document"),
        (b"# only a comment\n", "1:1: the file holds no YAML document"),
        (b"- a list\n- not a mapping\n", "1:1: a rule file holds one mapping with keys id, severity, message, docs, check"),
    ],
    ids=["cp1252", "utf-16", "empty", "comment-only", "a-list"],
)
def test_a_rule_file_that_is_not_a_rule(data: bytes, expected: str, tmp_path: Path, capsys: Capsys) -> None:
    assert config_error(tmp_path, capsys, data) == expected


def test_a_rule_named_unlike_its_file(tmp_path: Path, capsys: Capsys) -> None:
    assert config_error(tmp_path, capsys, GOOD, "other-rule.yaml") == (
        "1:1: rule id 'my-rule' differs from its file name 'other-rule.yaml'; name the file after the id"
    )


def test_a_rule_that_takes_a_bundled_rule_id(tmp_path: Path, capsys: Capsys) -> None:
    text = GOOD.replace("id: my-rule", "id: footnote-out-of-order")
    assert config_error(tmp_path, capsys, text, "footnote-out-of-order.yaml").startswith(
        "1:1: rule id 'footnote-out-of-order' is already defined in "
    )


def test_rules_that_is_not_a_folder(tmp_path: Path, capsys: Capsys) -> None:
    for target in (tmp_path / "none", CLEAN):
        run = run_cli(capsys, "--rules", str(target), str(CLEAN))
        assert (run.code, run.out, run.err) == (2, "", f"ccmlint: configuration error: {target}:1:1: not a folder of rule files\n")


def test_a_nul_byte_in_a_rule_file_is_one_line_at_its_place(tmp_path: Path, capsys: Capsys) -> None:
    assert config_error(tmp_path, capsys, GOOD.replace("S.", "S\x00.", 1)).startswith("5:13: invalid YAML: a NUL character")


def test_a_wrong_type_in_a_pattern_rule_points_at_its_key(tmp_path: Path, capsys: Capsys) -> None:
    text = GOOD.replace("  pattern: 'Mexico'\n", "  pattern: 'Mexico'\n  ignore_case: perhaps\n")
    assert config_error(tmp_path, capsys, text).startswith("14:3: check.ignore_case: Input should be a valid boolean")


def test_a_backtracking_pattern_cannot_hang_the_run(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    """(a|a)*b passes the load-time check; on a run of a's not followed by a b (in a
    passage that holds one, so it is searched) backtracking takes exponential time.
    The time bound stops the search: the rule fails, named, and the other rules run."""
    monkeypatch.setattr(pattern, "MATCH_SECONDS", 0.2)
    directory = rule_dir(tmp_path, GOOD.replace("'Mexico'", "'(a|a)*b'"))
    report = tmp_path / "report.txt"
    report.write_text("The Meeting noted " + "a" * 60 + " with interest (b).\n", encoding="utf-8")
    run = run_cli(capsys, "--rules", str(directory), "--format", "json", str(report))
    assert run.code == 2
    assert "internal error in rule my-rule" in run.err
    assert "Traceback" not in run.err


def test_deeply_nested_yaml_names_its_file(tmp_path: Path, capsys: Capsys) -> None:
    line = config_error(tmp_path, capsys, "id: " + "[" * 400 + "]" * 400 + "\n")
    assert line.startswith("1:")


def test_deeply_nested_yaml_is_one_line_and_no_traceback(tmp_path: Path, capsys: Capsys) -> None:
    directory = rule_dir(tmp_path, "id: " + "[" * 400 + "]" * 400 + "\n")
    run = run_cli(capsys, "--rules", str(directory), str(CLEAN))
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("ccmlint: ") and run.err.count("\n") == 1 and "Traceback" not in run.err


def _unreadable(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    # Root reads a file of mode 000, so the refusal is simulated.
    real = pathlib.Path.read_bytes

    def read_bytes(self: pathlib.Path) -> Any:
        if self == path:
            raise PermissionError(13, "Permission denied", str(path))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


def test_an_unreadable_rule_file_is_one_line_naming_it(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = rule_dir(tmp_path, GOOD)
    _unreadable(monkeypatch, directory / NAME)
    run = run_cli(capsys, "--rules", str(directory), str(CLEAN))
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("ccmlint: ") and run.err.count("\n") == 1 and "Traceback" not in run.err
    assert str(directory / NAME) in run.err


def test_an_unreadable_rule_file_is_a_configuration_error(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    directory = rule_dir(tmp_path, GOOD)
    _unreadable(monkeypatch, directory / NAME)
    run = run_cli(capsys, "--rules", str(directory), str(CLEAN))
    assert run.err.startswith(f"ccmlint: configuration error: {directory / NAME}:1:1: ")
