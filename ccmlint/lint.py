"""The pipeline, end to end: a report in, diagnostics out.

A ``Linter`` loads the rules and the packs' data once and then lints any number of
reports, each in one pass: decode, parse, extract the facts once, run every rule
over them. It is what the CLI, the tests and any embedding program call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ccmlint.diagnostics import Diagnostic
from ccmlint.engine.context import Context
from ccmlint.engine.explain import explain
from ccmlint.engine.loader import load_rules
from ccmlint.engine.rule import RuleSet
from ccmlint.engine.runner import run
from ccmlint.facts import extract
from ccmlint.facts.model import Facts
from ccmlint.output.results import FileResult
from ccmlint.parse import parse
from ccmlint.reading import DEFAULT_MAX_BYTES, ReadError, read_report
from ccmlint.source import Source


class UnknownRule(LookupError):
    """No loaded rule has this id."""


@dataclass(frozen=True, slots=True)
class LintOptions:
    """What a run may change: the reference date and extra rule directories."""

    as_of: date | None = None
    rule_dirs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Linter:
    rules: RuleSet
    options: LintOptions

    @classmethod
    def create(cls, options: LintOptions = LintOptions()) -> Linter:
        """Load the bundled packs and any extra rule directories (ConfigError if one is bad)."""
        return cls(load_rules(extra_dirs=options.rule_dirs), options)

    def facts(self, source: Source) -> Facts:
        return extract(parse(source))

    def lint_source(self, source: Source) -> tuple[Diagnostic, ...]:
        facts = self.facts(source)
        context = Context(as_of=self.options.as_of)
        return tuple(run(self.rules, facts, context, source.path))

    def lint_path(self, path: str, max_bytes: int | None = None) -> FileResult:
        """Lint one file; a file that cannot be read becomes a result with an error."""
        try:
            source = read_report(path, max_bytes or DEFAULT_MAX_BYTES)
        except ReadError as error:
            return FileResult(path=path if path != "-" else "<stdin>", source=None, error=str(error))
        return FileResult(path=source.path, source=source, diagnostics=self.lint_source(source))

    def facts_of_path(self, path: str, max_bytes: int | None = None) -> Facts:
        try:
            source = read_report(path, max_bytes or DEFAULT_MAX_BYTES)
        except ReadError as error:
            raise ReadError(f"{path}: {error}") from None
        return self.facts(source)

    def rule_rows(self) -> list[dict[str, str]]:
        """One row per rule for ``ccmlint rules``: id, severity, pack, summary."""
        return [
            {"id": rule.id, "severity": str(rule.severity), "pack": rule.pack, "summary": rule.docs.summary}
            for rule in sorted(self.rules, key=lambda rule: (rule.pack, rule.id))
        ]

    def explain(self, rule_id: str) -> str:
        rule = self.rules.get(rule_id)
        if rule is None:
            raise UnknownRule(rule_id)
        return explain(rule)
