"""The schema of a rule file and of a pack, and the loaded forms the runner uses.

A rule file holds one rule, a mapping, and is named after its id
(``rules/ccm/vice-president-not-participant.yaml``), so a rule is found by its id.

    id: vice-president-not-participant      # kebab-case, names the problem
    severity: warning                       # error | warning | info
    message: "{value} is listed as ..."     # placeholders the check kind supplies
    docs:
      summary: one line
      rationale: why it matters
      example: {flagged: a report fragment, corrected: the same, put right}
      authority: the article, rule of procedure or editorial rule enforced
    check:
      kind: subset                          # one of ccmlint.checks.KINDS
      ...                                   # that kind's parameters

A pack folder may hold ``pack.yaml`` (``name``, ``description``); its ``data/``
folder and any other sub-folder are not rules.
"""

from __future__ import annotations

from typing import Iterator, Literal

from ccmlint.checks import AnyParams
from ccmlint.checks.params import CheckParams
from ccmlint.diagnostics import Severity
from ccmlint.record import Record
from ccmlint.schema import STRICT, Field

KEBAB_CASE = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
INTERNAL_ERROR = "internal-error"
FACTS_MISSING = "facts-missing"
RESERVED_IDS = frozenset({INTERNAL_ERROR, FACTS_MISSING})
"""Ids the engine itself reports under; no rule may take them."""


class _Strict(Record):
    model_config = dict(STRICT)


class Example(_Strict):
    """A short report fragment the rule flags, and the same fragment put right."""

    flagged: str = Field(min_length=1)
    corrected: str = Field(min_length=1)


class Docs(_Strict):
    summary: str = Field(min_length=1)
    rationale: str = Field(min_length=1)
    example: Example
    authority: str = Field(min_length=1)


class RuleSpec(_Strict):
    """A rule file as written."""

    id: str = Field(pattern=KEBAB_CASE)
    severity: Literal["error", "warning", "info"]
    message: str = Field(min_length=1)
    docs: Docs
    check: AnyParams


class PackSpec(_Strict):
    """``pack.yaml`` as written."""

    name: str = Field(pattern=KEBAB_CASE)
    description: str = Field(min_length=1)


class Rule(Record):
    """A loaded rule and where it came from (for ``explain`` and error messages)."""

    spec: RuleSpec
    pack: str
    source: str
    line: int

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def severity(self) -> Severity:
        return Severity.parse(self.spec.severity)

    @property
    def docs(self) -> Docs:
        return self.spec.docs

    @property
    def params(self) -> CheckParams:
        return self.spec.check

    def template(self, variant: str) -> str:
        """The message template named ``variant``: the rule's ``message`` or one of its
        kind's variant fields (e.g. a subset's ``near_miss_message``)."""
        if variant == "message":
            return self.spec.message
        template = getattr(self.spec.check, variant)
        if not isinstance(template, str):
            raise LookupError(f"rule {self.id} has no '{variant}' message")
        return template


class Pack(Record):
    name: str
    description: str
    source: str


class RuleSet(Record):
    """Every rule loaded, ordered by id, and the packs they came from."""

    rules: tuple[Rule, ...]
    packs: tuple[Pack, ...]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)
