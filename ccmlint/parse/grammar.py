"""The report grammar, compiled by Lark once and kept as tables in a safe cache.

Lark reads ``grammar/report.lark`` and builds its LALR tables and the scanners of
its contextual lexer; ``ccmlint.parse.lalr`` runs them. The tables are plain data,
kept in ccmlint's private per-user cache (ccmlint.cache, never the shared temporary
directory) under a digest of the grammar text and ccmlint's code, so Lark is
imported only when the grammar (or ccmlint) changes, or where no cache can be kept.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ccmlint.cache import cached, digest
from ccmlint.packdata_io import package_folder
from ccmlint.parse.lalr import Parser, Rule, Tables

GRAMMAR_PACKAGE = "ccmlint.grammar"
GRAMMAR_FILE = "report.lark"
START = "start"


class GrammarUnsupported(Exception):
    """The grammar uses a Lark feature ccmlint.parse.lalr does not run."""


def grammar_text() -> str:
    folder = package_folder(GRAMMAR_PACKAGE) or Path(__file__).resolve().parents[2] / "grammar"
    return (folder / GRAMMAR_FILE).read_text(encoding="utf-8")


@cache
def report_parser() -> Parser:
    """The report parser, shared by every parse in this process."""
    text = grammar_text()
    return Parser(cached("grammar-tables", digest(text), lambda: compile_tables(text)))


def compile_tables(text: str) -> Tables:
    """Lark's LALR tables and contextual scanners for the grammar ``text``."""
    from lark import Lark

    lark = Lark(text, parser="lalr", lexer="contextual", start=START, maybe_placeholders=False)
    frontend: Any = lark.parser
    conf = frontend.lexer_conf
    if conf.ignore or conf.postlex is not None or conf.callbacks:
        raise GrammarUnsupported("%ignore, a post-lexer and lexer callbacks are not supported")
    table = frontend.parser.parser.parse_table
    rule_index: dict[Any, int] = {}
    actions: dict[int, dict[str, tuple[bool, int]]] = {}
    for state, row in table.states.items():
        actions[state] = {}
        for symbol, (action, argument) in row.items():
            # NOTE: plain str, int: Lark hands some names over as its Token class, which
            # would make the kept tables need Lark to be read back.
            if action.name == "Shift":
                actions[state][str(symbol)] = (True, int(argument))
            else:
                actions[state][str(symbol)] = (False, rule_index.setdefault(argument, len(rule_index)))
    rules = tuple(_rule(rule) for rule in sorted(rule_index, key=rule_index.__getitem__))
    scanners: dict[tuple[tuple[str, int], ...], int] = {}
    scanner_of: dict[int, int] = {}
    for state in table.states:
        scanner_of[state] = scanners.setdefault(_scanner(frontend.lexer.lexers[state]), len(scanners))
    return Tables(
        actions=actions,
        rules=rules,
        scanners=tuple(sorted(scanners, key=scanners.__getitem__)),
        scanner_of=scanner_of,
        start_state=int(table.start_states[START]),
        end_state=int(table.end_states[START]),
    )


def _rule(rule: Any) -> Rule:
    options = rule.options
    if rule.alias or options.expand1 or options.template_source:
        raise GrammarUnsupported(f"rule {rule.origin.name}: aliases, ?rules and templates are not supported")
    keep = tuple(
        (index, not symbol.is_term and symbol.name.startswith("_"))
        for index, symbol in enumerate(rule.expansion)
        if options.keep_all_tokens or not (symbol.is_term and symbol.filter_out)
    )
    return Rule(str(rule.origin.name), len(rule.expansion), keep)


def _scanner(lexer: Any) -> tuple[tuple[str, int], ...]:
    scanner = lexer.scanner  # built on first use
    if lexer.callback or lexer.ignore_types:
        raise GrammarUnsupported("a string terminal that a pattern also matches needs a lexer callback")
    return tuple((str(compiled.pattern), int(compiled.flags)) for compiled in scanner._mres)
