"""The pipeline, end to end: a report in, diagnostics out.

A ``Linter`` loads the rules and the packs' data once and then lints any number of
reports, each in one pass: decode, parse, extract the facts once, run every rule
over them. It is what the CLI, the tests and any embedding program call.

The options a project configures (``ccmlint.config``) arrive here as ``LintOptions``:
the rule selection is applied before the rules run (an ignored rule never runs),
severity overrides to the diagnostics they give. Each diagnostic leaves with its
fingerprint (``ccmlint.fingerprints``), which waivers match against.
"""

from __future__ import annotations

from datetime import date

from ccmlint.diagnostics import Diagnostic, Severity
from ccmlint.engine.context import Context
from ccmlint.engine.explain import explain
from ccmlint.engine.loader import load_rules
from ccmlint.engine.rule import RuleSet
from ccmlint.engine.runner import run
from ccmlint.facts import extract
from ccmlint.facts.model import Facts
from ccmlint.fingerprints import with_fingerprints
from ccmlint.nodes import Chapter, Document
from ccmlint.output.results import ChapterMark, FileResult
from ccmlint.parse import parse
from ccmlint.reading import DEFAULT_MAX_BYTES, ReadError, read_report
from ccmlint.record import Record
from ccmlint.selection import Selection
from ccmlint.source import Source


class UnknownRule(LookupError):
    """No loaded rule has this id."""


class UnknownRuleName(LookupError):
    """A selected, ignored or re-graded name that no loaded rule or pack answers to.

    ``args``: the name, and the message saying what is known."""


class LintOptions(Record):
    """What a run may change: the reference date, extra rule directories, which rules
    run (ids or pack names) and severity overrides by rule id."""

    as_of: date | None = None
    rule_dirs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()

    @property
    def selection(self) -> Selection:
        return Selection(self.select, self.ignore, self.severity)


class Linter(Record):
    rules: RuleSet
    options: LintOptions
    all_rules: RuleSet | None = None
    """Every rule loaded, the switched-off ones too (``rules`` holds those that run)."""

    @classmethod
    def create(cls, options: LintOptions = LintOptions()) -> Linter:
        """Load the bundled packs and any extra rule directories (ConfigError if one is
        bad; UnknownRuleName for a selected, ignored or re-graded name nothing answers to)."""
        loaded = load_rules(extra_dirs=options.rule_dirs)
        selection = options.selection
        for name, message in selection.problems(loaded):
            raise UnknownRuleName(name, message)
        return cls(selection.rules(loaded), options, loaded)

    def facts(self, source: Source) -> Facts:
        return extract(parse(source))

    def lint_source(self, source: Source) -> tuple[Diagnostic, ...]:
        return self.lint_document(source, parse(source))

    def lint_document(self, source: Source, document: Document) -> tuple[Diagnostic, ...]:
        """The diagnostics of a parsed report, selected, re-graded and fingerprinted."""
        context = Context(as_of=self.options.as_of)
        diagnostics = self.options.selection.apply(run(self.rules, extract(document), context, source.path))
        return with_fingerprints(source.text, diagnostics)

    def lint(self, source: Source) -> FileResult:
        """A decoded report's result: its diagnostics and its chapters (for grouping)."""
        document = parse(source)
        return FileResult(
            path=source.path, source=source, diagnostics=self.lint_document(source, document), chapters=chapter_marks(document)
        )

    def lint_path(self, path: str, max_bytes: int | None = None) -> FileResult:
        """Lint one file; a file that cannot be read becomes a result with an error."""
        try:
            source = read_report(path, max_bytes or DEFAULT_MAX_BYTES)
        except ReadError as error:
            return FileResult(path=path if path != "-" else "<stdin>", source=None, error=str(error))
        return self.lint(source)

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
        rule = (self.all_rules or self.rules).get(rule_id)
        if rule is None:
            raise UnknownRule(rule_id)
        return explain(rule)


def chapter_marks(document: Document) -> tuple[ChapterMark, ...]:
    """Where each chapter and annex starts, labelled as its heading reads."""
    marks: list[ChapterMark] = []
    for part in document.parts:
        heading = part.heading
        # A chapter's marker is its numeral ("II"); the heading reads "II. Title".
        marker = f"{heading.marker}." if isinstance(part, Chapter) else heading.marker
        label = " ".join(f"{marker} {heading.title.text}".split())
        marks.append(ChapterMark(part.span.start, label))
    return tuple(marks)
