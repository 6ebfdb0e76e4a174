"""``preferred_form``: States are written the way UN documents write them.

The names data (``rules/generic/data/states.yaml``) says of each form of a State's
name whether it is the UN short name, an ``accepted`` variant or an ``error``. With
``report: error_forms`` each mention in an error form is a finding, with the UN
short name as suggestion. A former official name ("Czech Republic", "Turkey") is an
error only in a report of a meeting held after the year it changed: in that year the
data cannot say which day, and without a meeting date nothing is said.

The suggestion is also a safe fix where exactly one form is right:

- in a list (an enumeration of three or more States), where UN style writes bare
  names: the UN short name replaces the words and any "the" before them;
- in running text, when the UN short name takes no article ("Czechia"): it replaces
  the words and any "the" before them ("the Czech Republic" becomes "Czechia");
- in running text, when it takes "the" and "the" is written: the words only.

A name that takes "the" written without it ("by Moldova"), or a parenthesized name in
running text ("Bolivia (Plurinational State of)" reads "the Plurinational State of
Bolivia" there), is left to the editor.

With ``report: first_reference`` the finding is one per State whose first mention
uses an accepted form that is not the UN short name ("Lao PDR", "the Netherlands")
while the report also uses another form: an accepted short form is a second
reference, after the full name. Forms that are the same name in another order
(``interchangeable``) count as the name; error forms are left to ``error_forms``.

Placeholders: ``{value}`` (the mention), ``{state}`` (the UN short name), and for
``first_reference`` ``{other}`` and ``{other_line}`` (the State's next other form).
"""

from __future__ import annotations

from typing import Iterator, Literal, Mapping

from ccmlint.schema import field_validator
from ccmlint.checks.params import CheckParams, FactPath, PathRoles
from ccmlint.diagnostics import Finding, Fix
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import describe, resolve
from ccmlint.facts.model import Facts, StateMention, normalise_name
from ccmlint.facts.statedata import StateData, apostrophes_like, load_state_data
from ccmlint.span import Span

KIND = "preferred_form"


class Params(CheckParams):
    kind: Literal["preferred_form"]
    path: FactPath
    report: Literal["error_forms", "first_reference"]

    @field_validator("path")
    @classmethod
    def _mentions(cls, path: str) -> str:
        leaf = describe(path).leaf
        if not (isinstance(leaf, type) and issubclass(leaf, StateMention)):
            raise ValueError(f"'{path}' does not lead to State mentions (e.g. state_names.mentions)")
        return path

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        base = frozenset({"value", "state"})
        return {"message": base | {"other", "other_line"} if self.report == "first_reference" else base}

    def roles(self, context: Context) -> PathRoles:
        return PathRoles(subjects=(self.path,))


def check(params: Params, facts: Facts, context: Context) -> Iterator[Finding]:
    mentions = [hit.value for hit in resolve(facts, params.path) if isinstance(hit.value, StateMention)]
    if params.report == "error_forms":
        yield from _error_forms(mentions, meeting_year(facts, context), load_state_data())
    else:
        yield from _first_references(mentions)


def meeting_year(facts: Facts, context: Context) -> int | None:
    """The year whose names are right: the meeting's (or ``--as-of``'s), never today's."""
    if context.as_of is not None:
        return context.as_of.year
    meeting = facts.meeting
    if meeting is None:
        return None
    day = meeting.start or meeting.end
    return day.value.year if day is not None else meeting.year


def _error_forms(mentions: list[StateMention], year: int | None, data: StateData) -> Iterator[Finding]:
    for mention in mentions:
        if mention.form != "error" or mention.state is None:
            continue
        if mention.changed is not None and (year is None or year <= mention.changed):
            continue  # still the State's name then, or cannot tell
        fix = safe_fix(mention, data)
        suggestion = f"write {fix.replacement}" if fix is not None else _advice(mention, data)
        state = apostrophes_like(mention.state, mention.text)
        yield Finding(mention.span, {"value": mention, "state": state}, suggestion=suggestion, fix=fix)


def safe_fix(mention: StateMention, data: StateData) -> Fix | None:
    """The replacement when exactly one form is right in this place, else None."""
    if mention.state is None:
        return None
    name = apostrophes_like(mention.state, mention.text)
    whole = _with_article(mention)
    if mention.in_list:
        return Fix(whole, name)
    if "(" in name:
        return None
    if not data.takes_article(mention.state):
        return Fix(whole, name)
    if mention.article_span is not None:
        return Fix(mention.span, name)
    return None


def _advice(mention: StateMention, data: StateData) -> str:
    name = apostrophes_like(mention.state or "", mention.text)
    if "(" in name:
        running = data.running_text_form(mention.state or "")
        sentence = f"the {running}" if running else "its running-text form"
        return f"write {name} in a list of States and {sentence} in a sentence"
    if data.takes_article(mention.state or ""):
        return f"write the {name}"
    return f"write {name}"


def _with_article(mention: StateMention) -> Span:
    article = mention.article_span
    if article is None:
        return mention.span
    end = mention.span
    return Span(article.start, end.end, article.line, article.column, end.end_line, end.end_column)


def _first_references(mentions: list[StateMention]) -> Iterator[Finding]:
    by_state: dict[str, list[StateMention]] = {}
    for mention in mentions:
        if mention.state is not None and mention.form != "error":
            by_state.setdefault(mention.state, []).append(mention)
    for state, found in by_state.items():
        first = min(found, key=lambda mention: mention.span.start)
        if first.form == "name" or first.interchangeable:
            continue
        other = next((m for m in sorted(found, key=lambda m: m.span.start) if _form(m) != _form(first)), None)
        if other is None:
            continue  # one form throughout: consistent, if informal
        yield Finding(
            first.span,
            {"value": first, "state": apostrophes_like(state, first.text), "other": other, "other_line": other.span.line},
            suggestion=f"name {state} in full at first reference; {first.text} may follow as a second reference",
        )


def _form(mention: StateMention) -> str:
    return normalise_name(mention.text)
