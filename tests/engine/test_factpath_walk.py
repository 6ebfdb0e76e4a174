"""``resolve`` finds, on real facts, what a plain walk of the path finds: every path
the model allows, missing values shown or not."""

from __future__ import annotations

from functools import cache

import pytest

from ccmlint.engine.factpath import FactPathError, Hit, describe, present, resolve
from ccmlint.facts import extract
from ccmlint.facts.model import Fact, Facts
from ccmlint.record import field_types, is_record_type
from ccmlint.parse import parse
from ccmlint.source import decode
from tests.conftest import REPO, sample_reports


def _plain_walk(node: object, owner: Fact | None, segments: tuple[str, ...], keep_missing: bool, hits: list[Hit]) -> None:
    """The walk as first written: one step per value, a list made of a single value."""
    if isinstance(node, Fact):
        owner = node
    value = getattr(node, segments[0])
    last = len(segments) == 1
    children = value if isinstance(value, list) else [value]
    if keep_missing and last and not [child for child in children if child is not None]:
        hits.append(Hit(owner, None))
        return
    for child in children:
        if child is None:
            continue
        if last:
            hits.append(Hit(owner, child))
        else:
            _plain_walk(child, owner, segments[1:], keep_missing, hits)


def _paths(prefix: str = "", model: object = Facts, depth: int = 4) -> list[str]:
    """Every path the model allows, down to ``depth`` steps."""
    if depth == 0 or not is_record_type(model):
        return []
    found: list[str] = []
    for name in field_types(model):  # type: ignore[arg-type]
        path = f"{prefix}{name}"
        try:
            info = describe(path)
        except FactPathError:
            continue
        found.append(path)
        found.extend(_paths(path + ".", info.leaf, depth - 1))
    return found


@cache
def _facts() -> list[Facts]:
    paths = [*sample_reports(), *sorted((REPO / "examples").glob("*.txt"))]
    return [extract(parse(decode(path.read_bytes(), str(path)))) for path in paths]


@pytest.mark.parametrize("keep_missing", [False, True])
def test_resolve_finds_what_a_plain_walk_finds(keep_missing: bool) -> None:
    paths = _paths()
    assert len(paths) > 50
    for facts in _facts():
        for path in paths:
            expected: list[Hit] = []
            _plain_walk(facts, None, describe(path).segments, keep_missing, expected)
            assert resolve(facts, path, keep_missing=keep_missing) == expected, path


def test_present_says_whether_resolve_finds_anything() -> None:
    for facts in _facts():
        for path in _paths():
            assert present(facts, path) == bool(resolve(facts, path)), path
