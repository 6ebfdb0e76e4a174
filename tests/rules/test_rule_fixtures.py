"""Rule fixtures: each ``tests/rules/<rule-id>.yaml`` holds report fragments and the
exact findings that rule gives on them, as users see them (``line:col rule-id message``).

A fixture file reads::

    rule: vice-president-not-participant
    cases:
      fail_missing_state:          # pass_… cases expect nothing, fail_… cases something
        report: |
          ...                      # a report fragment in the Word-export text format
        expect:
          - "3:67 vice-president-not-participant Mexico is listed as ..."
        as_of: 2027-01-01          # optional: lint as with --as-of
        xfail: "why it fails"      # optional: a known defect; the case must fail (strict)

Every case runs the whole pipeline (decode, parse, facts, rules); only the fixture's
own rule is compared, plus any internal error of that rule, so a crash of the check
cannot pass as silence. The meta-tests below keep the catalogue and the fixtures in
step, and check that each rule's documented examples behave as documented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import pytest
import yaml

from ccmlint.diagnostics import Diagnostic
from ccmlint.engine.rule import INTERNAL_ERROR, Rule
from ccmlint.lint import Linter, LintOptions
from ccmlint.source import decode

FIXTURES = Path(__file__).parent
CASE_KEYS = frozenset({"report", "expect", "as_of", "xfail"})
REQUIRED_CASE_KEYS = frozenset({"report", "expect"})


@dataclass(frozen=True)
class Case:
    """One fragment of one fixture file and the findings its rule must give on it."""

    rule: str
    name: str
    report: str
    expect: tuple[str, ...]
    as_of: date | None
    xfail: str | None

    @property
    def id(self) -> str:
        return f"{self.rule}::{self.name}"


def _load_fixture(path: Path) -> tuple[str, list[Case]]:
    """Read a fixture file strictly: an unknown key or a malformed case is an error naming it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != {"rule", "cases"}:
        raise ValueError(f"{path.name}: expected exactly the keys 'rule' and 'cases'")
    rule = data["rule"]
    if rule != path.stem:
        raise ValueError(f"{path.name}: names rule '{rule}'; the file must be named after its rule")
    cases: list[Case] = []
    for name, body in (data["cases"] or {}).items():
        where = f"{path.name}: case '{name}'"
        if not isinstance(body, dict):
            raise ValueError(f"{where}: expected a mapping")
        unknown = set(body) - CASE_KEYS
        missing = REQUIRED_CASE_KEYS - set(body)
        if unknown or missing:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
        if not name.startswith(("pass_", "fail_")):
            raise ValueError(f"{where}: a case name starts with 'pass_' or 'fail_'")
        expect = tuple(body["expect"] or ())
        if name.startswith("pass_") and expect:
            raise ValueError(f"{where}: a pass_ case expects no findings")
        if name.startswith("fail_") and not expect:
            raise ValueError(f"{where}: a fail_ case expects at least one finding")
        as_of = body.get("as_of")
        if isinstance(as_of, str):
            as_of = date.fromisoformat(as_of)
        cases.append(Case(rule, name, body["report"], expect, as_of, body.get("xfail")))
    return rule, cases


FIXTURE_FILES = sorted(FIXTURES.glob("*.yaml"))
LOADED = {path: _load_fixture(path) for path in FIXTURE_FILES}
CASES = [case for _, cases in LOADED.values() for case in cases]


@cache
def _linter(as_of: date | None) -> Linter:
    return Linter.create(LintOptions(as_of=as_of))


def lint(report: str, as_of: date | None = None) -> tuple[Diagnostic, ...]:
    return _linter(as_of).lint_source(decode(report.encode("utf-8"), "<fixture>"))


def findings_of(rule: str, diagnostics: tuple[Diagnostic, ...]) -> list[str]:
    """The rule's findings as users see them, and its internal error if the check crashed."""
    return [
        f"{diagnostic.span.line}:{diagnostic.span.column} {diagnostic.rule} {diagnostic.message}"
        for diagnostic in diagnostics
        if diagnostic.rule == rule
        or (diagnostic.rule == INTERNAL_ERROR and diagnostic.message.startswith(f"rule {rule} failed"))
    ]


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_rule_fixture(case: Case) -> None:
    assert findings_of(case.rule, lint(case.report, case.as_of)) == list(case.expect)


# --- meta-tests over the catalogue ------------------------------------------------

RULES = _linter(None).rules


def test_every_rule_has_a_fixture_with_pass_and_fail_cases() -> None:
    names: dict[str, list[str]] = {rule: [case.name for case in cases] for rule, cases in LOADED.values()}
    without_file = [rule_id for rule_id in RULES.ids if rule_id not in names]
    without_pass = [rule_id for rule_id in names if not any(name.startswith("pass_") for name in names[rule_id])]
    without_fail = [rule_id for rule_id in names if not any(name.startswith("fail_") for name in names[rule_id])]
    assert without_file == [], "rules without a fixture file tests/rules/<rule-id>.yaml"
    assert without_pass == [], "fixtures without a pass_ case"
    assert without_fail == [], "fixtures without a fail_ case"


def test_every_fixture_names_a_loaded_rule() -> None:
    unknown = [path.name for path, (rule, _) in LOADED.items() if rule not in RULES.ids]
    assert unknown == [], "fixture files naming no loaded rule"


@pytest.mark.parametrize("rule", RULES.rules, ids=RULES.ids)
def test_docs_examples_behave_as_documented(rule: Rule) -> None:
    example, rule_id = rule.docs.example, rule.id
    flagged = findings_of(rule_id, lint(example.flagged + "\n"))
    corrected = findings_of(rule_id, lint(example.corrected + "\n"))
    assert flagged and all(f" {rule_id} " in line for line in flagged), "the flagged example is not flagged"
    assert corrected == [], "the corrected example is still flagged"
