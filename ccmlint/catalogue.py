"""The documentation of every id a diagnostic can carry, as formatters show it.

Rules bring their own docs (their YAML file is the one source); the ids that no rule
file defines — the engine's ``internal-error`` and ``facts-missing`` and the waivers'
``waiver-stale`` and ``waiver-expired`` — are documented here and in
``ccmlint.waivers``, so that SARIF's rule list and the HTML page can explain every
finding they show.
"""

from __future__ import annotations

from typing import Iterable

from ccmlint.diagnostics import Severity
from ccmlint.engine.rule import FACTS_MISSING, INTERNAL_ERROR, Rule
from ccmlint.output.results import RuleDoc
from ccmlint.waivers import DOCS as WAIVER_DOCS

ENGINE_DOCS = {
    INTERNAL_ERROR: RuleDoc(
        id=INTERNAL_ERROR,
        severity=Severity.ERROR,
        pack="ccmlint",
        summary="A rule failed on this report, so its findings are missing.",
        rationale=(
            "The other rules still ran, but the report has not been fully checked. "
            "Report the failure with the rule id; meanwhile the rule can be ignored to lint without it."
        ),
        authority="ccmlint itself.",
    ),
    FACTS_MISSING: RuleDoc(
        id=FACTS_MISSING,
        severity=Severity.INFO,
        pack="ccmlint",
        summary="A rule could not check because the report does not state what it checks against.",
        rationale=(
            "A rule that compares, say, Vice-Presidents with the list of participating States Parties "
            "cannot say anything when no such list was read; this says so instead of passing in silence. "
            "'ccmlint facts' shows what was read."
        ),
        authority="ccmlint itself.",
    ),
}


def rule_doc(rule: Rule) -> RuleDoc:
    docs = rule.docs
    return RuleDoc(
        id=rule.id,
        severity=rule.severity,
        pack=rule.pack,
        summary=docs.summary,
        rationale=docs.rationale,
        flagged=docs.example.flagged,
        corrected=docs.example.corrected,
        authority=docs.authority,
    )


def catalogue(rules: Iterable[Rule]) -> dict[str, RuleDoc]:
    """Docs by id for these rules and for every id ccmlint reports on its own."""
    found: dict[str, RuleDoc] = {**ENGINE_DOCS, **WAIVER_DOCS}
    for rule in rules:
        found.setdefault(rule.id, rule_doc(rule))
    return dict(sorted(found.items()))
