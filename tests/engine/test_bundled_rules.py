"""Meta-tests over the bundled catalogue: it loads, it is documented, it uses every kind."""

from __future__ import annotations

import pytest

from ccmlint.checks import KINDS
from ccmlint.engine.explain import explain
from ccmlint.engine.loader import DEFAULT_PACKS, bundled_packs, load_rules
from ccmlint.engine.rule import Rule

RULES = load_rules()


def test_default_packs_are_bundled() -> None:
    assert set(DEFAULT_PACKS) <= set(bundled_packs())
    assert [pack.name for pack in RULES.packs] == list(DEFAULT_PACKS)
    assert all(pack.description for pack in RULES.packs)


def test_the_design_card_rules_are_in_the_catalogue() -> None:
    assert len(set(RULES.ids)) == len(RULES.ids)
    assert set(RULES.ids) >= {
        "coordinator-term-end-missing",
        "coordinator-term-not-after-meeting",
        "extension-not-after-meeting",
        "footnote-number-duplicated",
        "footnote-out-of-order",
        "footnote-reference-duplicated",
        "footnote-reference-without-text",
        "footnote-text-unreferenced",
        "president-state-not-participant",
        "vice-president-not-participant",
    }


def test_every_kind_is_used_by_a_bundled_rule() -> None:
    assert {rule.params.kind for rule in RULES} == set(KINDS)


@pytest.mark.parametrize("rule", RULES.rules, ids=RULES.ids)
def test_rule_docs_are_complete(rule: Rule) -> None:
    docs = rule.docs
    for section in (docs.summary, docs.rationale, docs.authority, docs.example.flagged, docs.example.corrected):
        assert section.strip() == section and len(section) >= 10
    assert docs.summary.endswith(".") and "\n" not in docs.summary
    assert docs.example.flagged != docs.example.corrected
    assert rule.source.endswith(f"{rule.id}.yaml")


@pytest.mark.parametrize("rule", RULES.rules, ids=RULES.ids)
def test_explain_shows_every_section(rule: Rule) -> None:
    text = explain(rule)
    assert text.startswith(f"{rule.id} ({rule.severity}, pack {rule.pack})\n\n{rule.docs.summary}\n")
    for heading in ("Why it matters", "Flagged", "Corrected", "Authority", "Message", "Check"):
        assert f"\n\n{heading}\n    " in text
    assert f"    kind: {rule.params.kind}\n" in text
    assert text.endswith(f"Defined in {rule.source}:1\n")
