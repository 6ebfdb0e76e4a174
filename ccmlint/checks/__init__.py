"""The check kinds: one module each, registered here and nowhere else.

A kind is the Python behind a family of YAML rules. Each module declares ``KIND``
(the name rules use in ``check: kind:``), a ``Params`` record (validated strictly
by ccmlint.schema) with a literal ``kind`` tag, and ``check(params, facts,
context)`` yielding findings (span, values, suggestion; the engine adds the rule's
id, severity and wording). To add a kind, write the module and add one line to
``KINDS``; the rule schema's discriminated union is built from this dict, so there
is no second list to update.
"""

from __future__ import annotations

from typing import Annotated, Iterator, Protocol, Union

from ccmlint.schema import Field
from ccmlint.checks import after, pattern, present, references_resolve, required, sequence, subset, unique
from ccmlint.checks import compare
from ccmlint.checks import acronym_defined, consistency, substitution
from ccmlint.checks import alphabetical, disjoint, distinct, known_state, preferred_form, reference_status
from ccmlint.checks import arithmetic, before, relation, weekday, within_range, years_between
from ccmlint.checks.params import CheckParams
from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts


class CheckModule(Protocol):
    """What the engine needs of a kind's module.

    NOTE: each module's ``check`` takes its own ``Params``, narrower than declared
    here; the engine only ever passes a module the ``Params`` its own ``KIND`` tag
    selected in the discriminated union.
    """

    KIND: str
    Params: type[CheckParams]

    def check(self, params: CheckParams, facts: Facts, context: Context) -> Iterator[Finding]: ...


KINDS: dict[str, CheckModule] = {
    after.KIND: after,  # type: ignore[dict-item]
    pattern.KIND: pattern,  # type: ignore[dict-item]
    present.KIND: present,  # type: ignore[dict-item]
    references_resolve.KIND: references_resolve,  # type: ignore[dict-item]
    required.KIND: required,  # type: ignore[dict-item]
    sequence.KIND: sequence,  # type: ignore[dict-item]
    subset.KIND: subset,  # type: ignore[dict-item]
    unique.KIND: unique,  # type: ignore[dict-item]
    compare.KIND: compare,  # type: ignore[dict-item]
    alphabetical.KIND: alphabetical,  # type: ignore[dict-item]
    disjoint.KIND: disjoint,  # type: ignore[dict-item]
    distinct.KIND: distinct,  # type: ignore[dict-item]
    known_state.KIND: known_state,  # type: ignore[dict-item]
    preferred_form.KIND: preferred_form,  # type: ignore[dict-item]
    reference_status.KIND: reference_status,  # type: ignore[dict-item]
    arithmetic.KIND: arithmetic,  # type: ignore[dict-item]
    before.KIND: before,  # type: ignore[dict-item]
    relation.KIND: relation,  # type: ignore[dict-item]
    weekday.KIND: weekday,  # type: ignore[dict-item]
    within_range.KIND: within_range,  # type: ignore[dict-item]
    years_between.KIND: years_between,  # type: ignore[dict-item]
    acronym_defined.KIND: acronym_defined,  # type: ignore[dict-item]
    consistency.KIND: consistency,  # type: ignore[dict-item]
    substitution.KIND: substitution,  # type: ignore[dict-item]
}

AnyParams = Annotated[
    Union[tuple(module.Params for module in KINDS.values())],  # type: ignore[valid-type]
    Field(discriminator="kind"),
]
"""The ``check:`` mapping of a rule: one kind's Params, chosen by its ``kind`` tag."""
