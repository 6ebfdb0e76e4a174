"""SARIF output validates against the SARIF 2.1.0 schema and carries what code scanning reads."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import jsonschema
import pytest
from handmade import TEXT, report

from ccmlint.cli import main
from ccmlint.output import sarif
from ccmlint.output.results import FileResult, Report

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]


@lru_cache(maxsize=1)
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    # NOTE: the vendored copy keeps the log's schema under definitions/Root (README.md).
    return jsonschema.Draft7Validator({**schema, "$ref": "#/definitions/Root"}, format_checker=jsonschema.FormatChecker())


def valid(log: object) -> None:
    errors = sorted(validator().iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors[:5])


def test_the_schema_rejects_a_broken_log() -> None:
    """Guards the guard: a log without runs, or with a bad level, must fail validation."""
    assert list(validator().iter_errors({"version": "2.1.0"}))
    log = json.loads(sarif.render(report()))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator().iter_errors(log))


def test_a_handmade_report_validates_and_keeps_every_field() -> None:
    log = json.loads(sarif.render(report()))
    valid(log)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [result["ruleId"] for result in results] == [
        "vice-president-not-participant",  # Chile, waived
        "vice-president-not-participant",  # Mexico
        "placeholder-left-in-draft",
        "footnote-reference-without-text",
    ]
    chile, mexico, spaces, script = results
    # Regions: 1-based, endColumn exclusive, as the source text says.
    line = TEXT.splitlines()[1]
    region = mexico["locations"][0]["physicalLocation"]["region"]
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == "Mexico"
    assert (region["startLine"], region["endLine"]) == (2, 2)
    assert region["snippet"] == {"text": "Mexico"}
    assert mexico["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "draft.txt"}
    assert mexico["partialFingerprints"] == {"ccmlintFingerprint/v1": "aaaaaaaaaaaaaaaa:1"}
    assert mexico["message"]["text"].endswith("\nSuggestion: add Mexico to the States Parties")
    assert (mexico["level"], spaces["level"], script["level"]) == ("warning", "note", "error")
    assert rules[mexico["ruleIndex"]]["id"] == "vice-president-not-participant"
    # The waived finding is a result with an accepted external suppression.
    assert "suppressions" not in mexico
    (suppression,) = chile["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"].startswith("Intentional")
    assert suppression["properties"] == {"reviewer": "A. Editor", "date": "2026-09-12", "expires": "2027-01-01"}
    # The safe fix is a SARIF fix.
    (fix,) = spaces["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement["insertedContent"] == {"text": " "}


def test_rule_metadata_comes_from_the_rule_docs() -> None:
    log = json.loads(sarif.render(report()))
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    rule = rules["footnote-reference-without-text"]
    doc = report().rules["footnote-reference-without-text"]
    assert rule["shortDescription"]["text"] == doc.summary
    assert rule["fullDescription"]["text"] == doc.rationale
    assert doc.flagged in rule["help"]["text"] and doc.authority in rule["help"]["text"]
    assert rule["help"]["markdown"]
    assert rule["defaultConfiguration"]["level"] == "error"
    # ids ccmlint reports on its own are described too
    assert {"internal-error", "facts-missing", "waiver-stale", "waiver-expired"} <= set(rules)


def test_an_unreadable_file_is_a_tool_notification() -> None:
    log = json.loads(sarif.render(Report((FileResult("missing.txt", None, error="no such file"),))))
    valid(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "missing.txt: no such file"


@pytest.mark.parametrize(
    ("path", "uri"),
    [("drafts/final report.txt", "drafts/final%20report.txt"), ("/abs/x#1.txt", "file:///abs/x%231.txt")],
)
def test_paths_become_uri_references(path: str, uri: str) -> None:
    assert sarif.artifact_uri(path) == uri


def test_the_examples_lint_to_valid_sarif(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    code = main(["--isolated", "--format", "sarif", "examples/planted-defects.txt", "examples/clean-report.txt"])
    log = json.loads(capsys.readouterr().out)
    assert code == 1
    valid(log)
    results = log["runs"][0]["results"]
    assert results and all(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("examples/") for result in results)
    assert all(":" in result["partialFingerprints"]["ccmlintFingerprint/v1"] for result in results)
