"""docs/rules.md is generated from the rule files; it must be current."""

from __future__ import annotations

from pathlib import Path

from ccmlint.engine.loader import load_rules
from ccmlint.engine.reference import reference_page

PAGE = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_the_rules_reference_page_is_current(regenerate: bool) -> None:
    rules = load_rules()
    page = reference_page(rules)
    if regenerate:
        PAGE.write_text(page, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == page, (
        "docs/rules.md is out of date: run `ccmlint rules --isolated --format markdown > docs/rules.md`"
    )
    for rule in rules:
        assert f"\n## {rule.id}\n" in page
