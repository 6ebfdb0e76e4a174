"""``substitution``: a term the packs list as wrong is replaced by its right form.

The list is data: ``list`` names a list of a ``data`` file of the packs (see
``styledata``), each entry a wrong form and its right form(s)::

    terms:
      - wrong: State Parties
        right: States Parties
        note: the Convention's own term
        src: [ccm_text]

A wrong form is found as a whole word, exactly as listed or with a capital first
letter (it opens a sentence: "Appraised of" is "appraised of"); the replacement then
opens with a capital as well. Stretches the report quotes or cites (a title in
quotation marks, a document symbol) are left alone: they must read as issued.

With exactly one right form the replacement is a safe fix; with several the finding
only suggests them, since the editor must choose.

Placeholders: ``{match}`` (the words as written), ``{right}`` (the right form(s),
quoted: 'States Parties', or 'with regard to' or 'as regards') and ``{note}``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Iterator, Literal, Mapping

from ccmlint.schema import BeforeValidator, ConfigDict, Field, InvalidData, model_validator, validate
from ccmlint.record import Record
from ccmlint.checks.params import PathRoles
from ccmlint.checks.styledata import StyleDataError, StyleListParams, prepared_style_list
from ccmlint.checks.words import ReportText, WordFinder, alternation, capitalised, fix_for, follow_case, quoted_list, word_pattern
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts

KIND = "substitution"



def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Term(Record):
    """One entry of a terms list: a wrong form, its right form(s), why, and the source."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    wrong: str = Field(min_length=2)
    right: Annotated[list[Annotated[str, Field(min_length=1)]], BeforeValidator(_one_or_many)] = Field(min_length=1)
    note: str = ""
    src: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _right_differs(self) -> Term:
        if self.wrong in self.right:
            raise ValueError(f"'{self.wrong}' is listed as its own right form")
        return self


class Params(StyleListParams):
    kind: Literal["substitution"]

    @classmethod
    def load_list(cls, data: str, key: str) -> object:
        return load_terms(data, key)

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        return load_terms(self.data, self.list_)

    @cached_property
    def lookup(self) -> tuple[WordFinder, dict[str, Term]]:
        written: dict[str, Term] = {}
        for term in self.terms:
            written.setdefault(term.wrong, term)
            written.setdefault(capitalised(term.wrong), term)
        return WordFinder([word_pattern(alternation(tuple(written)), tuple(written))]), written

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        return {"message": frozenset({"match", "right", "note"})}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=("passages",))


def load_terms(data: str, key: str) -> tuple[Term, ...]:
    """The terms list ``key`` of the packs' ``data/<data>.yaml``, validated; a wrong form
    listed twice is an error, since its two entries could disagree."""
    return prepared_style_list("terms", data, key, lambda value, where: _terms(value, where, key))


def _terms(value: object, where: str, key: str) -> tuple[Term, ...]:
    if not isinstance(value, list):
        raise StyleDataError(f"{where}: '{key}' must be a list of terms")
    terms: list[Term] = []
    seen: set[str] = set()
    for index, entry in enumerate(value):
        try:
            term = validate(Term, entry)
        except InvalidData as error:
            problem = error.errors()[0]
            field = ".".join(str(part) for part in problem["loc"])
            raise StyleDataError(f"{where}: {key}[{index}] {field}: {problem['msg']}") from None
        if term.wrong in seen:
            raise StyleDataError(f"{where}: {key}[{index}]: '{term.wrong}' is listed twice")
        seen.add(term.wrong)
        terms.append(term)
    if not terms:
        raise StyleDataError(f"{where}: '{key}' lists no terms")
    return tuple(terms)


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    finder, written = params.lookup
    passages = ReportText.of(facts, context).passages(params.in_)
    for found in passages.find(finder)[0]:
        passage, words = found.passage, found.match.group()
        start, end = found.match.start() - found.base, found.match.end() - found.base
        if passages.verbatim(found.index).covers(start, end):
            continue
        term = written[words]
        rights = [follow_case(words, right) for right in term.right]
        values = {"match": words, "right": quoted_list(rights), "note": term.note}
        span = passage.span_of(start, end)
        if len(rights) == 1:
            yield Finding(span, values, suggestion=rights[0], fix=fix_for(passage, start, end, rights[0]))
        else:
            yield Finding(span, values, suggestion=f"write {quoted_list(rights)}, whichever fits the sentence")
