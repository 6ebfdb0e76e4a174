"""``consistency``: one spelling per term throughout the report.

A report that writes "work plan" in one paragraph and "workplan" in the next, or
"States Parties" and "States parties", reads as unedited. The groups of variants are
data: ``list`` names a mapping of a ``data`` file of the packs (see ``styledata``),
group id to group::

    spellings:
      work-plan:
        forms: [work plan, workplan]     # the variants; the first is the default
        after: ["", s]                   # endings the words may take
        note: one spelling per term
      ize:
        before: [organ, mobil, ...]      # stems the words may start with
        forms: [iz, is]
        after: [e, ed, ation, ...]
        preferred: iz                    # house style: always this form
        except: [Organisation for Economic Co-operation and Development]
      article:
        forms: [article, Article]
        avoid: [art.]                    # never right: always reported
        case_sensitive: true
        followed_by: '\\s*\\d+'          # only before a number, reported with it

A word is ``before`` + a form + ``after``, found as a whole word; with
``followed_by`` it must be followed by what that pattern matches, which is then
reported and replaced with it ("art.5" becomes "article 5"); the pattern may not name
its groups ``before``, ``form``, ``after`` or ``following``. With ``preferred``
set (UN house style, or a pack's setting over it) every other form is reported with
the preferred one as a safe fix. Without it the form the report uses most is taken
as the report's choice and every other form is reported with it as a suggestion, not
a fix: the majority is the report's habit, not a rule. With no single majority
(a tie) nothing is said, except of ``avoid`` forms, for which the default form is
suggested.

What is not counted: quotations and citations (``ccmlint.facts.verbatim``), the
``except`` phrases (proper names using another spelling), and, where case does not
distinguish the forms, a word written with a capital in mid-sentence: it belongs to a
proper name ("Organisation for the Prohibition of Chemical Weapons", "Centers for
Disease Control"). Where case does distinguish them (``case_sensitive``), a word that
opens a sentence says nothing about which form the drafter chose when the forms
differ only in their first letter ("Article 11 provides ..."), so it is not counted.

Placeholders: ``{match}``, ``{replacement}`` (the word as it should read here) and
``{note}``; for ``majority_message`` also ``{first}`` (the report's form as first
written), ``{first_line}`` and ``{count}`` (how often the report writes that form).
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Iterable, Iterator, Literal, Mapping, NamedTuple

from ccmlint.schema import ConfigDict, Field, InvalidData, field_validator, model_validator, validate
from ccmlint.record import Record
from ccmlint.checks.params import PathRoles
from ccmlint.checks.styledata import StyleDataError, StyleListParams, prepared_style_list
from ccmlint.checks.words import Found, Passages, ReportText, WordFinder, WordPattern, alternation, capitalised, fix_for, sentence_initial, word_pattern
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, Passage

KIND = "consistency"

_WORDS_WRITTEN_OUT = 64
"""The most words (stem, form, ending) a group's finder is given one by one."""


class Group(Record):
    """The variants of one term, and what the house style says of them."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    forms: list[str] = Field(min_length=2)
    before: list[str] = Field(default_factory=lambda: [""], min_length=1)
    after: list[str] = Field(default_factory=lambda: [""], min_length=1)
    avoid: list[str] = Field(default_factory=list)
    preferred: str | None = None
    case_sensitive: bool = False
    followed_by: str | None = None
    except_: list[str] = Field(default_factory=list, alias="except")
    note: str = ""
    src: list[str] = Field(default_factory=list)

    @field_validator("forms", "avoid")
    @classmethod
    def _forms_written(cls, forms: list[str]) -> list[str]:
        if any(not form.strip() for form in forms) or len(set(forms)) != len(forms):
            raise ValueError("forms must be written out, each once")
        return forms

    @field_validator("followed_by")
    @classmethod
    def _compiles(cls, pattern: str | None) -> str | None:
        if pattern is not None:
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"not a valid regular expression: {error}") from None
        return pattern

    @model_validator(mode="after")
    def _coherent(self) -> Group:
        if self.preferred is not None and self.preferred not in self.forms:
            raise ValueError(f"preferred form '{self.preferred}' is not one of the forms {self.forms}")
        overlap = set(self.forms) & set(self.avoid)
        if overlap:
            raise ValueError(f"{sorted(overlap)} listed both as forms and as forms to avoid")
        if not self.case_sensitive and len({form.casefold() for form in self.forms + self.avoid}) != len(self.forms + self.avoid):
            raise ValueError("forms that differ only in case need case_sensitive: true")
        try:
            self.pattern  # noqa: B018 - followed_by may clash with the group names
        except re.error as error:
            raise ValueError(f"followed_by does not combine with the forms: {error}") from None
        return self

    @cached_property
    def pattern(self) -> WordPattern:
        core = (
            f"(?P<before>{alternation(self.before)})"
            f"(?P<form>{alternation(self.forms + self.avoid)})"
            f"(?P<after>{alternation(self.after)})"
        )
        lookahead = f"(?=(?P<following>{self.followed_by}))" if self.followed_by else ""
        # The words written out, where they are few: the finder then tries the pattern
        # only where one stands ("co-operat", not every word opening with "co").
        words = [stem + form + ending for stem in self.before for form in self.forms + self.avoid for ending in self.after]
        first = [stem for stem in self.before if stem] + (self.forms + self.avoid if "" in self.before else [])
        return word_pattern(core, words if len(words) <= _WORDS_WRITTEN_OUT else first, lookahead, 0 if self.case_sensitive else re.IGNORECASE)

    @cached_property
    def exceptions(self) -> WordFinder | None:
        if not self.except_:
            return None
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return WordFinder([word_pattern(alternation(self.except_), self.except_, flags=flags)])

    def form_of(self, written: str) -> str | None:
        """The listed form (or form to avoid) ``written`` is, or None."""
        return self.forms_by_key.get(written if self.case_sensitive else written.casefold())

    @cached_property
    def forms_by_key(self) -> dict[str, str]:
        # NOTE: forms differing only in case need case_sensitive, so no two share a key.
        return {form if self.case_sensitive else form.casefold(): form for form in reversed(self.forms + self.avoid)}


class Params(StyleListParams):
    kind: Literal["consistency"]
    majority_message: str = Field(min_length=1)

    @classmethod
    def load_list(cls, data: str, key: str) -> object:
        return load_groups(data, key)

    @cached_property
    def groups(self) -> Mapping[str, Group]:
        return load_groups(self.data, self.list_)

    @cached_property
    def finder(self) -> WordFinder:
        """All the groups' words, found in one reading of the report."""
        return WordFinder([group.pattern for group in self.groups.values()])

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        base = frozenset({"match", "replacement", "note"})
        return {"message": base, "majority_message": base | {"first", "first_line", "count"}}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=("passages",))

    def variant(self, finding: Finding) -> str:
        return "majority_message" if "count" in finding.values else "message"


def load_groups(data: str, key: str) -> dict[str, Group]:
    """The groups ``key`` of the packs' ``data/<data>.yaml``, validated."""
    return prepared_style_list("groups", data, key, lambda value, where: _groups(value, where, key))


def _groups(value: object, where: str, key: str) -> dict[str, Group]:
    if not isinstance(value, Mapping) or not value:
        raise StyleDataError(f"{where}: '{key}' must map group ids to groups")
    groups: dict[str, Group] = {}
    for name, entry in value.items():
        try:
            groups[str(name)] = validate(Group, entry)
        except InvalidData as error:
            problem = error.errors()[0]
            field = ".".join(str(part) for part in problem["loc"])
            message = str((problem.get("ctx") or {}).get("error", problem["msg"]))
            raise StyleDataError(f"{where}: {key}.{name}{'.' + field if field else ''}: {message}") from None
    return groups


class _Occurrence(NamedTuple):
    """One word of a group in a passage; offsets are the passage's. ``end`` includes
    the ``followed_by`` text, ``word_end`` does not."""

    passage: Passage
    start: int
    word_end: int
    end: int
    before: str
    written_form: str
    after: str
    form: str

    @property
    def word(self) -> str:
        return self.passage.text[self.start : self.word_end]


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    passages = ReportText.of(facts, context).passages(params.in_)
    for group, found in zip(params.groups.values(), passages.find(params.finder)):
        yield from _check_group(group, list(_occurrences(group, found, passages)))


def _occurrences(group: Group, found_words: list[Found], passages: Passages) -> Iterator[_Occurrence]:
    exceptions = _exceptions(group, passages) if found_words else {}
    for found in found_words:
        passage, match, base = found.passage, found.match, found.base
        # NOTE: a citation is reported with its number ("art.5"), which the
        # lookahead of ``followed_by`` reads without taking it into the word.
        start, word_end = match.start() - base, match.end() - base
        end = max(word_end, match.end("following") - base if group.followed_by else 0)
        if passages.verbatim(found.index).covers(start, end) or _excepted(exceptions.get(found.index, ()), start, end):
            continue
        form = group.form_of(match["form"])
        if form is None:
            continue
        occurrence = _Occurrence(passage, start, word_end, end, match["before"], match["form"], match["after"], form)
        if not _undecided(group, occurrence, match.start("form") - base):
            yield occurrence


def _exceptions(group: Group, passages: Passages) -> dict[int, list[tuple[int, int]]]:
    """Where the group's ``except`` phrases stand, by passage (offsets are the passage's)."""
    phrases: dict[int, list[tuple[int, int]]] = {}
    if group.exceptions is not None:
        for found in passages.find(group.exceptions)[0]:
            phrases.setdefault(found.index, []).append((found.match.start() - found.base, found.match.end() - found.base))
    return phrases


def _excepted(phrases: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(phrase_start <= start and end <= phrase_end for phrase_start, phrase_end in phrases)


def _undecided(group: Group, occurrence: _Occurrence, form_start: int) -> bool:
    """Whether this word says nothing about the form the drafter chose."""
    word, text, start = occurrence.word, occurrence.passage.text, occurrence.start
    if not group.case_sensitive:
        # NOTE: a capital in mid-sentence marks a proper name, which keeps its own
        # spelling ("Organisation for the Prohibition of Chemical Weapons").
        return word.isupper() or (word[:1].isupper() and not sentence_initial(text, start))
    form = occurrence.form
    lowered = form[:1].lower() + form[1:]
    return form_start == start and sentence_initial(text, start) and lowered != form and lowered in group.forms


def _check_group(group: Group, occurrences: list[_Occurrence]) -> Iterator[Finding]:
    if group.preferred is not None:
        for occurrence in occurrences:
            if occurrence.form != group.preferred:
                yield _finding(group, occurrence, group.preferred, safe=True)
        return
    counts = {form: sum(1 for occurrence in occurrences if occurrence.form == form) for form in group.forms}
    top = max(counts.values())
    leaders = [form for form, count in counts.items() if count == top]
    if top == 0 or len(leaders) > 1:
        # No single majority: only what is never right can be judged.
        for occurrence in occurrences:
            if occurrence.form in group.avoid:
                yield _finding(group, occurrence, group.forms[0], safe=False)
        return
    chosen = leaders[0]
    first = next(occurrence for occurrence in occurrences if occurrence.form == chosen)
    for occurrence in occurrences:
        if occurrence.form != chosen:
            finding = _finding(group, occurrence, chosen, safe=False)
            values = {
                **finding.values,
                "first": first.word,
                "first_line": first.passage.span_of(first.start, first.end).line,
                "count": top,
            }
            yield Finding(finding.span, values, suggestion=finding.suggestion, fix=finding.fix)


def _finding(group: Group, occurrence: _Occurrence, target: str, *, safe: bool) -> Finding:
    passage = occurrence.passage
    form = target
    if not group.case_sensitive and not occurrence.before and occurrence.written_form[:1].isupper():
        form = capitalised(target)
    replacement = f"{occurrence.before}{form}{occurrence.after}"
    following = passage.text[occurrence.word_end : occurrence.end]
    if occurrence.written_form.endswith(".") and not target.endswith(".") and following[:1].isalnum():
        replacement += " "  # "art.5" becomes "article 5"
    replacement += following
    written = passage.text[occurrence.start : occurrence.end]
    values: dict[str, object] = {"match": written, "replacement": replacement, "note": group.note}
    span = passage.span_of(occurrence.start, occurrence.end)
    fix = fix_for(passage, occurrence.start, occurrence.end, replacement) if safe else None
    return Finding(span, values, suggestion=replacement, fix=fix)
