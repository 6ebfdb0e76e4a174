"""What every check kind's parameters are built from.

A kind's ``Params`` is a record validated strictly (ccmlint.schema: unknown keys
rejected) with a literal ``kind`` tag, so the rule schema can be a discriminated
union over the kinds. Fact
paths are validated against the ``Facts`` model as they are read, so a misspelt path
is reported at its own line in the rule file. The methods here say what the kind
offers the engine: which placeholders its messages may use, which paths it checks
and which it checks against, and which message a finding takes.
"""

from __future__ import annotations

from typing import Annotated, Mapping

from ccmlint.diagnostics import Finding
from ccmlint.engine.context import Context
from ccmlint.engine.factpath import PathInfo, describe
from ccmlint.record import Record, field_names, is_record_type
from ccmlint.schema import STRICT, AfterValidator, BeforeValidator


def _fact_path(path: str) -> str:
    describe(path)  # raises FactPathError, a ValueError, which pydantic reports at the key
    return path


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, str) else value


FactPath = Annotated[str, AfterValidator(_fact_path)]
"""A dotted path that exists in the Facts model."""

FactPaths = Annotated[list[FactPath], BeforeValidator(_one_or_many)]
"""One fact path or a list of them; a single path may be written without brackets."""


class PathRoles(Record):
    """Which paths a rule checks (``subjects``) and which it checks them against
    (``references``). When a subject has values but a reference is empty, the engine
    says the rule could not check instead of passing silently."""

    subjects: tuple[str, ...]
    references: tuple[str, ...] = ()


class CheckParams(Record):
    """Base of every kind's parameters."""

    model_config = dict(STRICT)

    kind: str

    def placeholders(self) -> Mapping[str, frozenset[str]]:
        """For each message template the rule may give (``message`` and any variant
        field of these params), the placeholder names a finding fills in."""
        raise NotImplementedError

    def roles(self, context: Context) -> PathRoles:
        raise NotImplementedError

    def variant(self, finding: Finding) -> str:
        """Which template of ``placeholders()`` words this finding; most kinds have one."""
        return "message"


def common_owner_fields(paths: list[str]) -> frozenset[str]:
    """Owner fields every one of ``paths`` supplies, so one message fits them all."""
    infos: list[PathInfo] = [describe(path) for path in paths]
    if not infos:
        return frozenset()
    fields = infos[0].owner_fields
    for info in infos[1:]:
        fields &= info.owner_fields
    return fields


def require_located(path: str) -> str:
    """A subject path must lead to something a finding can point at."""
    info = describe(path)
    if not info.located:
        raise ValueError(f"'{path}' leads to values without a place in the report; name a fact or a field of one")
    return path


def require_single(path: str) -> str:
    """A reference path must name one value, not a list."""
    if describe(path).many:
        raise ValueError(f"'{path}' maps over a list; a reference must be a single value")
    return path


def require_fields(path: str, fields: list[str]) -> list[str]:
    """Key fields must exist on the items at ``path``."""
    info = describe(path)
    leaf = info.leaf
    known = field_names(leaf) if is_record_type(leaf) else None
    if known is None:
        raise ValueError(f"'{path}' leads to plain values; key fields need items with fields")
    for name in fields:
        if name not in known or name == "span":
            available = ", ".join(known)
            raise ValueError(f"items at '{path}' have no field '{name}' (fields: {available})")
    return fields
