"""``pattern``: every match of a regular expression in the report's prose is a finding.

For defects visible in the words themselves: a placeholder left in a draft ("(TBC)"),
a space before a full stop, a date range with a hyphen. The search runs over
``passages`` (markup already removed), limited to the kinds of passage named in
``in``; each match points at its exact words.

``replacement``, when given, is a safe fix: the match is replaced by the template
expanded with the match's groups (``\\1``, ``\\g<name>``), and the expansion is also
the suggestion. Give it only where the right form is certain.

User patterns cannot hang a run. They are matched with the ``regex`` engine, which
defuses the classic catastrophic cases that Python's ``re`` falls into (``(a|a)*b``)
and takes a time bound: a search that still runs longer than ``MATCH_SECONDS`` on one
passage fails the rule (an internal-error diagnostic naming it), not the run. Nested
unbounded repetition (``(a+)+``), the usual mistake, is refused when the rule loads.

``unless``, when given, is a pattern that excuses a whole passage: one it matches
anywhere is not searched (a tab marks a row of a table, say, where a rule about
sentences has nothing to say).

Placeholders: ``{match}``, ``{replacement}`` (when given) and the pattern's named groups.
"""

from __future__ import annotations

import re
from functools import cached_property

import regex
from typing import Iterator, Literal, Mapping

from pydantic import Field, field_validator

from ccmlint.checks.params import CheckParams, PathRoles
from ccmlint.diagnostics import Finding, Fix
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, PassageKind

KIND = "pattern"

MATCH_SECONDS = 2.0
"""The longest one pattern may search one passage before the rule is given up."""

_DEFAULT_KINDS: tuple[PassageKind, ...] = ("heading", "subheading", "paragraph", "list_item", "footnote")
# A group holding an unbounded quantifier, itself quantified without bound: (x+)+, (x*y)*, (?:a|b+){2,}
_NESTED_REPETITION = re.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*]|\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\{\d+,\}")


class Params(CheckParams):
    kind: Literal["pattern"]
    pattern: str
    in_: list[PassageKind] = Field(default=list(_DEFAULT_KINDS), alias="in", min_length=1)
    ignore_case: bool = False
    replacement: str | None = None
    unless: str | None = None

    model_config = {**CheckParams.model_config, "populate_by_name": True}

    @field_validator("pattern", "unless")
    @classmethod
    def _compiles_safely(cls, pattern: str | None) -> str | None:
        if pattern is None:
            return None
        try:
            regex.compile(pattern, regex.VERSION0)
        except (regex.error, re.error) as error:
            raise ValueError(f"not a valid regular expression: {error}") from None
        if _NESTED_REPETITION.search(pattern):
            raise ValueError("nested unbounded repetition such as (a+)+ can take exponential time; rewrite the pattern")
        return pattern

    @cached_property
    def compiled(self) -> regex.Pattern[str]:
        return regex.compile(self.pattern, regex.VERSION0 | (regex.IGNORECASE if self.ignore_case else 0))

    @cached_property
    def compiled_unless(self) -> regex.Pattern[str] | None:
        return None if self.unless is None else regex.compile(self.unless, regex.VERSION0)

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        names = set(self.compiled.groupindex) | {"match"}
        if self.replacement is not None:
            names.add("replacement")
        return {"message": frozenset(names)}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=("passages",))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    kinds = set(params.in_)
    for passage in facts.passages:
        if passage.kind not in kinds:
            continue
        unless = params.compiled_unless
        if unless is not None and _search(unless, passage.text):
            continue
        for match in _matches(params.compiled, passage.text):
            if match.end() == match.start():
                continue
            span = passage.span_of(match.start(), match.end())
            values: dict[str, object] = {"match": match.group(0)}
            values.update({name: value or "" for name, value in match.groupdict().items()})
            if params.replacement is None:
                yield Finding(span, values)
                continue
            replacement = match.expand(params.replacement)
            values["replacement"] = replacement
            # NOTE: a match that runs across removed markup (a footnote mark) maps to a
            # longer source span; replacing it would delete the mark, so only suggest.
            contiguous = span.end - span.start == match.end() - match.start()
            yield Finding(span, values, suggestion=replacement, fix=Fix(span, replacement) if contiguous else None)


class PatternTimeout(Exception):
    """A pattern searched one passage for longer than MATCH_SECONDS."""


def _matches(pattern: regex.Pattern[str], text: str) -> list[regex.Match[str]]:
    try:
        return list(pattern.finditer(text, timeout=MATCH_SECONDS))
    except TimeoutError:
        raise PatternTimeout(
            f"the pattern took longer than {MATCH_SECONDS:g} s on one passage; simplify it"
        ) from None


def _search(pattern: regex.Pattern[str], text: str) -> bool:
    try:
        return pattern.search(text, timeout=MATCH_SECONDS) is not None
    except TimeoutError:
        raise PatternTimeout(
            f"the 'unless' pattern took longer than {MATCH_SECONDS:g} s on one passage; simplify it"
        ) from None
