"""Running a rule set on the facts of one report: findings become diagnostics.

The runner is where a rule's identity, severity and wording meet a check's finding
(``to_diagnostic``, the one place that happens). Two promises hold whatever the
rules do: a check that raises becomes one ``internal-error`` diagnostic naming its
rule while every other rule still reports, and a rule that could not check because
the facts it checks against are missing says so (``facts-missing``, one info per
missing fact) instead of passing in silence.
"""

from __future__ import annotations

from ccmlint.checks import KINDS
from ccmlint.diagnostics import Diagnostic, Finding, Severity
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import present
from ccmlint.engine.render import render
from ccmlint.engine.rule import FACTS_MISSING, INTERNAL_ERROR, Rule, RuleSet
from ccmlint.facts.model import Facts
from ccmlint.span import Span

DOCUMENT_START = Span(0, 0, 1, 1, 1, 1)
"""Where diagnostics about the whole report point: line 1, column 1."""


def run(rules: RuleSet, facts: Facts, context: Context, path: str) -> list[Diagnostic]:
    """Every diagnostic the rules give for one report, in ``Diagnostic.sort_key`` order."""
    context = context.replace(derived={})  # what the rules derive from this report alone
    diagnostics: list[Diagnostic] = []
    for rule in rules:
        diagnostics.extend(run_rule(rule, facts, context, path))
    diagnostics.extend(missing_facts(rules, facts, context, path))
    return sorted(diagnostics, key=Diagnostic.sort_key)


def run_rule(rule: Rule, facts: Facts, context: Context, path: str) -> list[Diagnostic]:
    """One rule's diagnostics, or a single internal error if its check fails."""
    try:
        module = KINDS[rule.params.kind]
        return [to_diagnostic(rule, finding, path) for finding in module.check(rule.params, facts, context)]
    except Exception as error:  # noqa: BLE001 - one faulty check must not silence the others
        return [internal_error(rule, error, path)]


def to_diagnostic(rule: Rule, finding: Finding, path: str) -> Diagnostic:
    """Stamp a finding with its rule: id, severity and the message it selects."""
    template = rule.template(rule.params.variant(finding))
    values = {name: render(value) for name, value in finding.values.items()}
    return Diagnostic(
        path=path,
        rule=rule.id,
        severity=rule.severity,
        message=template.format_map(values),
        span=finding.span,
        suggestion=finding.suggestion,
        fix=finding.fix,
    )


def internal_error(rule: Rule, error: Exception, path: str) -> Diagnostic:
    return Diagnostic(
        path=path,
        rule=INTERNAL_ERROR,
        severity=Severity.ERROR,
        message=f"{_FAILED}{rule.id} failed on this report ({type(error).__name__}: {error}); its findings are missing",
        span=DOCUMENT_START,
        suggestion=f"report this with the rule id; run again with --ignore {rule.id} to lint without it",
    )


_FAILED = "rule "


def failed_rule(diagnostic: Diagnostic) -> str | None:
    """The id of the rule an ``internal-error`` diagnostic reports as failed (None for
    any other diagnostic): the message is worded here, so it is read here too."""
    if diagnostic.rule != INTERNAL_ERROR or not diagnostic.message.startswith(_FAILED):
        return None
    return diagnostic.message[len(_FAILED) :].split(" ", 1)[0]


def missing_facts(rules: RuleSet, facts: Facts, context: Context, path: str) -> list[Diagnostic]:
    """One info per fact that some rule checks against but the report does not give.

    Only facts a rule compares *against* count, and only when the rule had something
    to compare: a report without coordinators is normal, but Vice-Presidents with no
    list of participating States Parties to check them against is worth a word.
    """
    waiting: dict[str, list[str]] = {}
    given: dict[str, bool] = {}  # NOTE: many rules name the same facts ("passages")

    def gives(fact_path: str) -> bool:
        if fact_path not in given:
            given[fact_path] = present(facts, fact_path)
        return given[fact_path]

    for rule in rules:
        try:
            roles = rule.params.roles(context)
            if not any(gives(subject) for subject in roles.subjects):
                continue
            for reference in roles.references:
                if not gives(reference):
                    waiting.setdefault(reference, []).append(rule.id)
        except Exception:  # noqa: BLE001 - the rule's own run reports its failure
            continue
    return [_facts_missing(reference, rule_ids, path) for reference, rule_ids in waiting.items()]


def _facts_missing(reference: str, rule_ids: list[str], path: str) -> Diagnostic:
    named = ("rule " if len(rule_ids) == 1 else "rules ") + ", ".join(sorted(rule_ids))
    return Diagnostic(
        path=path,
        rule=FACTS_MISSING,
        severity=Severity.INFO,
        message=f"no '{reference}' found in this report, so {named} could not check against it",
        span=DOCUMENT_START,
        suggestion="run 'ccmlint facts' on the report to see what was read",
    )
