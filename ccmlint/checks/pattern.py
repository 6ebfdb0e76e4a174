"""``pattern``: every match of a regular expression in the report's prose is a finding.

For defects visible in the words themselves: a placeholder left in a draft ("(TBC)"),
a space before a full stop, a date range with a hyphen. The search runs over
``passages`` (markup already removed), limited to the kinds of passage named in
``in``; each match points at its exact words.

``replacement``, when given, is a safe fix: the match is replaced by the template
expanded with the match's groups (``\\1``, ``\\g<name>``), and the expansion is also
the suggestion. Give it only where the right form is certain.

Patterns cannot hang a run. They are matched with the ``regex`` engine, which
defuses the classic catastrophic cases that Python's ``re`` falls into (``(a|a)*b``)
and takes a time bound: a search that still runs longer than ``MATCH_SECONDS`` on one
passage fails the rule (an internal-error diagnostic naming it), not the run. Nested
unbounded repetition (``(a+)+``), the usual mistake, is refused when the rule loads.

``engine: re`` runs a pattern with Python's own ``re`` instead, for a rule whose
pattern is known to match the same with both engines (the bundled rules' are tested
so). Importing and compiling with ``regex`` costs a tenth of a pre-commit run;
``re``'s compiled form is kept across runs (``ccmlint.regexes``). Such a search is
bounded by a real-time timer (``ccmlint.timelimit``) instead of ``regex``'s timeout;
where no timer can be had (a thread other than the main one, Windows) the ``regex``
engine runs the pattern. ``re`` does not defuse ``(a|a)*b``: the timer stops it.

``unless``, when given, is a pattern that excuses a whole passage: one it matches
anywhere is not searched (a tab marks a row of a table, say, where a rule about
sentences has nothing to say).

Placeholders: ``{match}``, ``{replacement}`` (when given) and the pattern's named groups.

NOTE: most passages hold no match, and a search costs microseconds even on a short
one. What a pattern needs of a text (``prefilter``: strings it must contain, where a
match can begin or end) is read once when the rule loads; a passage without them is
not searched, and the search skips ahead to where a match can be. The matches found
are the same.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterator, Literal, Mapping, TypeVar

from ccmlint import regexes
from ccmlint.checks.params import CheckParams, PathRoles
from ccmlint.checks.words import ReportText
from ccmlint.diagnostics import Finding, Fix
from ccmlint.engine.context import Context
from ccmlint.facts.model import PROSE_KINDS, Facts, Passage, PassageKind
from ccmlint.prefilter import Needs, needs
from ccmlint.schema import Field, field_validator
from ccmlint.timelimit import SearchTimer, TimeLimitExceeded

if TYPE_CHECKING:
    import regex
    from pydantic import ValidationInfo

P = TypeVar("P")
Match = Any
"""A match of either engine (``re.Match`` or ``regex.Match``): both give groups, spans and ``expand``."""

KIND = "pattern"

MATCH_SECONDS = 2.0
"""The longest one pattern may search one passage before the rule is given up."""

# A group holding an unbounded quantifier, itself quantified without bound: (x+)+, (x*y)*, (?:a|b+){2,}
_NESTED_REPETITION = regexes.compile(r"\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)[+*]|\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)\{\d+,\}")


class Params(CheckParams):
    kind: Literal["pattern"]
    pattern: str
    in_: list[PassageKind] = Field(default=list(PROSE_KINDS), alias="in", min_length=1)
    ignore_case: bool = False
    replacement: str | None = None
    unless: str | None = None
    engine: Literal["regex", "re"] = "regex"

    model_config = {**CheckParams.model_config, "populate_by_name": True}

    @field_validator("pattern", "unless")
    @classmethod
    def _compiles_safely(cls, pattern: str | None) -> str | None:
        if pattern is None:
            return None
        import regex

        try:
            regex.compile(pattern, regex.VERSION0)
        except (regex.error, re.error) as error:
            raise ValueError(f"not a valid regular expression: {error}") from None
        if _NESTED_REPETITION.search(pattern):
            raise ValueError("nested unbounded repetition such as (a+)+ can take exponential time; rewrite the pattern")
        return pattern

    @field_validator("engine")
    @classmethod
    def _compiles_in_re(cls, engine: str, info: ValidationInfo) -> str:
        if engine == "re":
            for name in ("pattern", "unless"):
                source = info.data.get(name)
                try:
                    if isinstance(source, str):
                        re.compile(source)
                except re.error as error:
                    raise ValueError(f"the {name} is not one Python's re can run ({error}); leave the engine to regex") from None
        return engine

    @cached_property
    def compiled(self) -> regex.Pattern[str]:
        return _compile(self.pattern, self.ignore_case)

    @cached_property
    def search(self) -> Search:
        return Search.of(self.pattern, self.ignore_case, self.engine)

    @cached_property
    def search_unless(self) -> Search | None:
        return None if self.unless is None else Search.of(self.unless, False, self.engine)

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        names = set(self.compiled.groupindex) | {"match"}
        if self.replacement is not None:
            names.add("replacement")
        return {"message": frozenset(names)}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=("passages",))


class Search:
    """A pattern as it is searched: compiled with a lookahead for the characters a match
    can begin with (same groups, same matches), and what it needs of a passage.

    Compiled at its first search: most rules' patterns need strings a clean report
    does not hold (a placeholder, a misspelling), so they are never compiled at all.
    """

    __slots__ = ("_compiled", "_compiled_re", "_ignore_case", "_pattern", "engine", "needs")

    def __init__(self, pattern: str, ignore_case: bool, needs: Needs, engine: str = "regex") -> None:
        self._pattern = pattern
        self._ignore_case = ignore_case
        self._compiled: regex.Pattern[str] | None = None
        self._compiled_re: re.Pattern[str] | None = None
        self.needs = needs
        self.engine = engine

    @classmethod
    def of(cls, pattern: str, ignore_case: bool, engine: str = "regex") -> Search:
        return cls(pattern, ignore_case, needs(pattern, ignore_case), engine)

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The pattern for the ``regex`` engine."""
        if self._compiled is None:
            self._compiled = self._compile(_compile)
        return self._compiled

    @property
    def compiled_re(self) -> re.Pattern[str]:
        """The pattern for Python's ``re`` (``engine: re``)."""
        if self._compiled_re is None:
            self._compiled_re = self._compile(_compile_re)
        return self._compiled_re

    def _compile(self, compile_: Callable[[str, bool], P]) -> P:
        if self.needs.first is not None:
            try:
                return compile_(f"(?={self.needs.first})(?:{self._pattern})", self._ignore_case)
            except Exception:  # noqa: BLE001 # pragma: no cover - the class is built to compile
                pass
        return compile_(self._pattern, self._ignore_case)


def _compile(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    """A pattern compiled by the ``regex`` engine, imported only when a rule's pattern
    is first searched (its import costs as much as a lint's rules stage)."""
    import regex

    return regex.compile(pattern, regex.VERSION0 | (regex.IGNORECASE if ignore_case else 0))


def _compile_re(pattern: str, ignore_case: bool) -> re.Pattern[str]:
    return regexes.compile(pattern, re.IGNORECASE if ignore_case else 0)


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    search, unless = params.search, params.search_unless
    with SearchTimer(MATCH_SECONDS) as timer:
        yield from _check(params, search, unless, facts, context, timer)


def _check(
    params: Params, search: Search, unless: Search | None, facts: Facts, context: Context, timer: SearchTimer
) -> Iterator[Finding]:
    for passage in _may_match(search.needs, params.in_, facts, context):
        if unless is not None and _found(unless, passage.text, timer):
            continue
        for match in _matches(search, passage.text, timer):
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


def _may_match(needed: Needs, kinds: list[PassageKind], facts: Facts, context: Context) -> Iterator[Passage]:
    """The passages of ``kinds`` in which the pattern may match, in order."""
    if needed.needles is None:
        selected = set(kinds)
        yield from (passage for passage in facts.passages if passage.kind in selected)
        return
    passages = ReportText.of(facts, context).passages(kinds)
    may = needed.holding(passages.texts, passages.holding)
    for index, passage in enumerate(passages.passages):
        if may >> index & 1:
            yield passage


class PatternTimeout(Exception):
    """A pattern searched one passage for longer than MATCH_SECONDS."""


def _matches(search: Search, text: str, timer: SearchTimer) -> list[Match]:
    start = search.needs.start(text)
    try:
        if search.engine == "re" and timer.active:
            compiled_re = search.compiled_re
            return timer.bounded(lambda: _all_matches(compiled_re, text, start))
        compiled = search.compiled
        # NOTE: most passages searched hold no match, which one search tells more
        # cheaply than an iteration over matches does.
        if compiled.search(text, start, timeout=MATCH_SECONDS) is None:
            return []
        return list(compiled.finditer(text, start, timeout=MATCH_SECONDS))
    except (TimeoutError, TimeLimitExceeded):
        raise PatternTimeout(
            f"the pattern took longer than {MATCH_SECONDS:g} s on one passage; simplify it"
        ) from None


def _all_matches(compiled: re.Pattern[str], text: str, start: int) -> list[Match]:
    if compiled.search(text, start) is None:
        return []
    return list(compiled.finditer(text, start))


def _found(search: Search, text: str, timer: SearchTimer) -> bool:
    """Whether the (``unless``) pattern matches anywhere in ``text``."""
    if search.needs.exact is not None:
        return any(literal in text for literal in search.needs.exact)
    if not search.needs.may_match(text):
        return False
    start = search.needs.start(text)
    try:
        if search.engine == "re" and timer.active:
            compiled_re = search.compiled_re
            return timer.bounded(lambda: compiled_re.search(text, start) is not None)
        return search.compiled.search(text, start, timeout=MATCH_SECONDS) is not None
    except (TimeoutError, TimeLimitExceeded):
        raise PatternTimeout(
            f"the 'unless' pattern took longer than {MATCH_SECONDS:g} s on one passage; simplify it"
        ) from None
