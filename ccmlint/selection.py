"""Which rules run and how severe their findings are, as configured.

``select`` and ``ignore`` take rule ids and pack names. A rule named by its id wins
over its pack named on the other side, so "ignore the ccm pack but keep
vice-president-not-participant" and "select generic but ignore footnote-out-of-order"
both read as meant:

1. the rule's id is ignored: off;
2. the rule's id is selected: on;
3. its pack is ignored: off;
4. nothing is selected, or its pack is: on; otherwise off.

The engine's own ``facts-missing`` can be ignored or re-graded like a rule;
``internal-error`` cannot be ignored (ignore the failing rule instead).
"""

from __future__ import annotations

from typing import Iterable

from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.engine.rule import FACTS_MISSING, INTERNAL_ERROR, RuleSet
from ccmlint.record import Record

CONFIGURABLE_ENGINE_IDS = frozenset({FACTS_MISSING})


class Selection(Record):
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    def problems(self, rules: RuleSet) -> list[tuple[str, str]]:
        """(name, message) for every name that no loaded rule or pack answers to."""
        rule_ids = set(rules.ids) | CONFIGURABLE_ENGINE_IDS
        packs = {pack.name for pack in rules.packs}
        found: list[tuple[str, str]] = []
        for name in (*self.select, *self.ignore):
            if name == INTERNAL_ERROR:
                found.append((name, f"'{INTERNAL_ERROR}' cannot be selected or ignored; ignore the rule that failed instead"))
            elif name not in rule_ids and name not in packs:
                found.append((name, f"no rule or pack '{name}' ({_known(rules)})"))
        for name, _ in self.severity:
            if name not in rule_ids:
                found.append((name, f"no rule '{name}' to set the severity of ({_known(rules)})"))
        return found

    def enabled(self, rule_id: str, pack: str | None) -> bool:
        if rule_id == INTERNAL_ERROR:
            return True
        if rule_id in self.ignore:
            return False
        if rule_id in self.select:
            return True
        if pack is not None and pack in self.ignore:
            return False
        # NOTE: the engine's facts-missing belongs to no pack; a selection of packs
        # keeps it, since it says which of the selected rules could not check.
        return not self.select or pack is None or pack in self.select

    def rules(self, rules: RuleSet) -> RuleSet:
        """The rule set with the rules switched off removed, so they never run."""
        kept = tuple(rule for rule in rules if self.enabled(rule.id, rule.pack))
        return RuleSet(kept, rules.packs)

    def apply(self, diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
        """Drop findings of ignored engine ids; give overridden rules their severity."""
        overrides = dict(self.severity)
        adjusted: list[Diagnostic] = []
        for diagnostic in diagnostics:
            if diagnostic.rule in CONFIGURABLE_ENGINE_IDS and not self.enabled(diagnostic.rule, None):
                continue
            severity = overrides.get(diagnostic.rule)
            adjusted.append(diagnostic if severity is None else diagnostic.replace(severity=severity))
        return tuple(adjusted)


def _known(rules: RuleSet) -> str:
    packs = ", ".join(sorted(pack.name for pack in rules.packs))
    return f"packs: {packs}; 'ccmlint rules' lists the rules"
