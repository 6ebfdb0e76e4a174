"""ccmlint's run of the grammar's tables builds what Lark itself builds.

Lark compiles the grammar; ``ccmlint.parse.lalr`` lexes and parses with the tables
it produced. Both are asked for the same thing here, a tree of rule names and tokens
(type, text, offset), and must give it for every fixture and for generated text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import given, settings

from ccmlint.parse.grammar import GrammarUnsupported, compile_tables, grammar_text, report_parser
from ccmlint.parse.lalr import ParseError, Parser
from tests.conftest import REPO, sample_reports
from tests.grammar.test_parser_properties import REPORTISH

CASES = sorted((REPO / "tests" / "grammar" / "cases").glob("*.txt")) + sorted((REPO / "examples").glob("*.txt"))


class Recorder:
    """A builder that records each rule's reduction as (rule, children)."""

    def __getattr__(self, rule: str) -> Callable[[list[Any]], Any]:
        return lambda children: (rule, [_plain(child) for child in children])


def _plain(value: Any) -> Any:
    if isinstance(value, str) and hasattr(value, "type"):
        return (value.type, str(value), value.start_pos)
    return value


@cache
def _lark() -> Any:
    from lark import Lark

    return Lark(grammar_text(), parser="lalr", lexer="contextual", start="start", maybe_placeholders=False)


def lark_tree(text: str) -> Any:
    from lark import Token, Tree

    def walk(node: Any) -> Any:
        if isinstance(node, Tree):
            return (str(node.data), [walk(child) for child in node.children])
        assert isinstance(node, Token)
        return (node.type, str(node), node.start_pos)

    return walk(_lark().parse(text))


def ours(text: str) -> Any:
    return report_parser().parse(text, Recorder())


def _ending(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"


@pytest.mark.parametrize("case", CASES + sample_reports(), ids=lambda path: path.stem)
def test_every_fixture_parses_as_lark_parses_it(case: Path) -> None:
    text = _ending(case.read_text(encoding="utf-8"))
    assert ours(text) == lark_tree(text)


@settings(max_examples=150, deadline=None)
@given(REPORTISH)
def test_generated_text_parses_as_lark_parses_it(text: str) -> None:
    text = _ending(text)
    assert ours(text) == lark_tree(text)


def test_the_kept_tables_are_plain_data() -> None:
    """Reading the tables back must not need Lark: no Lark class inside."""
    import pickle
    import pickletools

    tables = compile_tables(grammar_text())
    modules = {str(argument).split()[0] for op, argument, _ in pickletools.genops(pickle.dumps(tables)) if op.name in ("GLOBAL", "STACK_GLOBAL", "SHORT_BINUNICODE") and argument and "." in str(argument)}
    assert not any(module.startswith("lark") for module in modules)


@pytest.mark.parametrize(
    "grammar",
    [
        'start: x+\n?x: "a" | "b" "c"\n',
        'start: x+\nx: "a" -> letter\n',
        'start: WORD+\n%import common.WORD\n%ignore " "\n',
    ],
    ids=["expand-single-child", "alias", "ignore"],
)
def test_a_grammar_feature_the_runtime_does_not_run_is_refused(grammar: str) -> None:
    with pytest.raises(GrammarUnsupported):
        compile_tables(grammar)


def test_text_the_tables_do_not_fit_is_a_parse_error() -> None:
    parser = Parser(compile_tables('start: "a"+ _NL\n_NL: "\\n"\n'))
    assert parser.parse("aa\n", Recorder()) == ("start", [])
    with pytest.raises(ParseError, match="no terminal"):
        parser.parse("ab\n", Recorder())
    with pytest.raises(ParseError, match="cannot continue"):
        parser.parse("aa", Recorder())
