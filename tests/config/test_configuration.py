"""Configuration: found upward from each report, read strictly, applied to the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ccmlint.cli import main
from ccmlint.config import discover, load_config
from ccmlint.engine.errors import ConfigError
from tests.reports import SMALL_REPORT

REPORT = SMALL_REPORT
REPO = Path(__file__).resolve().parents[2]
VP = "vice-president-not-participant"
FOOTNOTE = "footnote-reference-without-text"

RULE = """\
id: house-rule
severity: info
message: "the Meeting is named"
docs:
  summary: S.
  rationale: R.
  example: {flagged: F., corrected: C.}
  authority: A.
check:
  kind: pattern
  pattern: "Fourteenth Meeting"
"""


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafting repository: ``drafts/2026/report.txt``, run from its top."""
    folder = tmp_path / "drafts" / "2026"
    folder.mkdir(parents=True)
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, list[dict[str, object]], str]:
    code = main(["--format", "json", *arguments])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out else [], captured.err


def rules_of(records: list[dict[str, object]]) -> list[tuple[object, object]]:
    return [(record["rule"], record["severity"]) for record in records]


# ---------------------------------------------------------------------- discovery


def test_without_configuration_every_rule_runs(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, records, _ = lint(capsys, "drafts/2026/report.txt")
    assert code == 1
    assert rules_of(records) == [(VP, "warning"), (FOOTNOTE, "error")]


def test_a_yaml_file_above_the_report_applies(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "drafts" / ".ccmlint.yaml").write_text(
        f"ignore: [{FOOTNOTE}]\nseverity:\n  {VP}: error\n", encoding="utf-8"
    )
    code, records, _ = lint(capsys, "drafts/2026/report.txt")
    assert (code, rules_of(records)) == (1, [(VP, "error")])


def test_pyproject_tool_table_applies_and_yaml_wins_in_the_same_folder(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n[tool.ccmlint]\nignore = ["{VP}"]\n', encoding="utf-8")
    assert rules_of(lint(capsys, "drafts/2026/report.txt")[1]) == [(FOOTNOTE, "error")]
    (tree / ".ccmlint.yaml").write_text(f"ignore: [{FOOTNOTE}]\n", encoding="utf-8")
    assert rules_of(lint(capsys, "drafts/2026/report.txt")[1]) == [(VP, "warning")]


def test_a_pyproject_without_the_table_is_passed_over(tree: Path) -> None:
    (tree / "drafts" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (tree / ".ccmlint.yaml").write_text("ignore: [generic]\n", encoding="utf-8")
    assert discover(tree / "drafts" / "2026") == ".ccmlint.yaml"


def test_the_nearest_configuration_wins_per_report(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".ccmlint.yaml").write_text(f"ignore: [{VP}]\n", encoding="utf-8")
    other = tree / "other"
    other.mkdir()
    (other / "report.txt").write_text(REPORT, encoding="utf-8")
    (other / ".ccmlint.yaml").write_text(f"ignore: [{FOOTNOTE}]\n", encoding="utf-8")
    _, records, _ = lint(capsys, "drafts/2026/report.txt", "other/report.txt")
    assert [(record["path"], record["rule"]) for record in records] == [
        ("drafts/2026/report.txt", FOOTNOTE),
        ("other/report.txt", VP),
    ]


def test_config_option_and_isolated(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".ccmlint.yaml").write_text("ignore: [ccm]\n", encoding="utf-8")
    (tree / "strict.yaml").write_text("ignore: [generic]\n", encoding="utf-8")
    assert rules_of(lint(capsys, "drafts/2026/report.txt")[1]) == [(FOOTNOTE, "error")]
    assert rules_of(lint(capsys, "--config", "strict.yaml", "drafts/2026/report.txt")[1]) == [(VP, "warning")]
    assert len(lint(capsys, "--isolated", "drafts/2026/report.txt")[1]) == 2
    code = main(["--config", "strict.yaml", "--isolated", "drafts/2026/report.txt"])
    assert code == 2 and "not allowed with argument" in capsys.readouterr().err


# ---------------------------------------------------------------------- what it sets


def test_select_and_ignore_by_id_and_pack_with_ids_winning(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def with_config(text: str) -> list[tuple[object, object]]:
        (tree / ".ccmlint.yaml").write_text(text, encoding="utf-8")
        return rules_of(lint(capsys, "drafts/2026/report.txt")[1])

    assert with_config("select: [generic]\n") == [(FOOTNOTE, "error")]
    assert with_config(f"select: {VP}\n") == [(VP, "warning")]
    assert with_config(f"ignore: [ccm, generic]\nselect: [{VP}]\n") == [(VP, "warning")]
    assert with_config(f"select: [ccm, generic]\nignore: [{FOOTNOTE}]\n") == [(VP, "warning")]
    # the command line: --select replaces, --ignore adds
    assert rules_of(lint(capsys, "--select", "generic", "drafts/2026/report.txt")[1]) == []
    assert rules_of(lint(capsys, "--ignore", VP, "drafts/2026/report.txt")[1]) == []


def test_as_of_from_the_configuration(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The clean example grants extensions until 2029 and 2030: judged as of 2031, both have passed."""
    report = tree / "drafts" / "2026" / "report.txt"
    report.write_text((REPO / "examples" / "clean-report.txt").read_text(encoding="utf-8"), encoding="utf-8")
    extension = "extension-not-after-meeting"
    assert extension not in {record["rule"] for record in lint(capsys, str(report))[1]}
    (tree / ".ccmlint.yaml").write_text("as-of: 2031-01-01\n", encoding="utf-8")
    assert [record["rule"] for record in lint(capsys, str(report))[1]].count(extension) == 2


def test_rule_folders_are_relative_to_the_configuration(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    house = tree / "house"
    house.mkdir()
    (house / "house-rule.yaml").write_text(RULE, encoding="utf-8")
    (tree / "drafts" / ".ccmlint.yaml").write_text("rules: [../house]\nselect: [house-rule]\n", encoding="utf-8")
    assert rules_of(lint(capsys, "drafts/2026/report.txt")[1]) == [("house-rule", "info")]
    # and `ccmlint rules` / `explain`, run beside the configuration, know the user's rules
    (tree / ".ccmlint.yaml").write_text("rules: [house]\n", encoding="utf-8")
    assert main(["explain", "house-rule"]) == 0
    assert capsys.readouterr().out.startswith("house-rule (info, pack house)")


def test_fail_on_from_the_configuration_and_the_command_line(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / ".ccmlint.yaml").write_text(f"ignore: [{FOOTNOTE}]\nfail-on: error\n", encoding="utf-8")
    assert lint(capsys, "drafts/2026/report.txt")[0] == 0
    assert lint(capsys, "--fail-on", "warning", "drafts/2026/report.txt")[0] == 1


# ---------------------------------------------------------------------- strictness


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("selec: [generic]\n", "1:1: unknown key 'selec' in the configuration (known keys: select, ignore,"),
        ("select: [generic]\nseverity:\n  x: fatal\n", "3:3: severity.x: must be one of error, warning, info"),
        ("as-of: 13/09/2026\n", "1:1: as-of: not a date in the form YYYY-MM-DD: '13/09/2026'"),
        ("as-of: 1700000000\n", "1:1: as-of: must be a date written YYYY-MM-DD"),
        ("select:\n  - generic\n  - 12\n", "3:5: select.1: Input should be a valid string"),
        ("fail-on: [error]\n", "1:1: fail-on: must be one of error, warning, info"),
        ("- generic\n", "1:1: the configuration is a mapping with keys select, ignore,"),
        ("select: [generic]\nselect: [ccm]\n", "2:1: duplicate key 'select' (first at line 1)"),
        ("select: &a [generic]\n", "1:9: anchor '&a' is not allowed"),
        ("select: [generic\n", "invalid YAML"),
    ],
)
def test_a_bad_yaml_configuration_names_file_line_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / ".ccmlint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:"), str(caught.value)
    assert expected in str(caught.value), str(caught.value)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ('[tool.ccmlint]\nselec = ["x"]\n', "5:1: unknown key 'selec'"),
        ('[tool.ccmlint]\nignore = [\n  "generic",  # a comment, "quoted"\n  12,\n]\n', "7:3: ignore.1: Input should be a valid string"),
        ('[tool.ccmlint]\nseverity = { a = "error", b = "fatal" }\n', "5:27: severity.b: must be one of"),
        ('[tool.ccmlint.severity]\nx = "fatal"\n', "5:1: severity.x: must be one of"),
        ('[tool.ccmlint]\nas-of = 2026-13-01\n', "invalid TOML"),
        ('[tool]\nccmlint = { selec = 1 }\n', "unknown key 'selec'"),
        ('[tool.ccmlint]\nwaivers = """\nx"""\nselec = 1\n', "7:1: unknown key 'selec'"),
    ],
)
def test_a_bad_pyproject_table_names_file_line_and_key(tmp_path: Path, table: str, expected: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n' + table, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(f"{path}:"), str(caught.value)
    assert expected in str(caught.value), str(caught.value)


def test_a_toml_date_is_a_date(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.ccmlint]\nas-of = 2026-09-30\n", encoding="utf-8")
    assert str(load_config(path).as_of) == "2026-09-30"


@pytest.mark.parametrize(
    ("text", "line_column", "message"),
    [
        ("select:\n  - generic\n  - no-such-pack\n", "3:5", "no rule or pack 'no-such-pack' (packs: ccm, generic;"),
        ("ignore: internal-error\n", "1:1", "'internal-error' cannot be selected or ignored"),
        ("severity:\n  no-such-rule: error\n", "2:3", "no rule 'no-such-rule' to set the severity of"),
    ],
)
def test_an_unknown_rule_or_pack_is_an_error_at_its_line(
    tree: Path, capsys: pytest.CaptureFixture[str], text: str, line_column: str, message: str
) -> None:
    (tree / ".ccmlint.yaml").write_text(text, encoding="utf-8")
    code, _, err = lint(capsys, "drafts/2026/report.txt")
    assert code == 2
    assert err.startswith(f"ccmlint: configuration error: .ccmlint.yaml:{line_column}: {message}"), err
    assert err.count("\n") == 1


def test_an_unknown_name_on_the_command_line_is_a_usage_error(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = lint(capsys, "--ignore", "generic,no-such-rule", "drafts/2026/report.txt")
    assert code == 2
    assert err.startswith("ccmlint: no rule or pack 'no-such-rule'"), err
