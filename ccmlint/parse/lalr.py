"""Lexing and parsing a report with the grammar's LALR tables, Lark kept for compiling.

Lark compiles ``grammar/report.lark`` into LALR tables and, for each parser state,
the scanner of its contextual lexer (an alternation of the terminals that state
accepts). Importing Lark and building those scanners cost about a tenth of a second
at every start, more than parsing a report. So Lark compiles once, when the grammar
changes; the tables are kept as plain data in the per-user cache (ccmlint.parse.grammar)
and this module runs them. The tree is built as Lark's tree-less LALR mode builds
it: each rule, as it is reduced, hands its children to the builder's method of the
same name, in the order a Transformer would visit them.

What Lark does and this module repeats exactly:

- the scanner of the current parser state matches at the current position, and the
  token's type is the name of the terminal's group that matched;
- a rule's children leave out filtered terminals (names starting with ``_``, anonymous
  strings), and take the children of an inlined rule (``_item``, the helper rules of
  ``*`` and ``+``) in its place;
- ``$END`` reduces what is left, and the start rule's value is the result.

Grammar features this module does not run (``?rule``, aliases, ``%ignore``, a lexer
callback for a string terminal hidden inside a pattern) are refused when the tables
are compiled, so a grammar change cannot silently parse differently; a test compares
every fixture's tree with Lark's own.
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple

from ccmlint import regexes

END = "$END"


class Token(str):
    """A terminal as matched: its text, its type (the terminal's name) and where it is."""

    __slots__ = ("end_pos", "start_pos", "type")

    type: str
    start_pos: int
    end_pos: int

    def __new__(cls, type_: str, value: str, start_pos: int) -> Token:
        token = super().__new__(cls, value)
        token.type = type_
        token.start_pos = start_pos
        token.end_pos = start_pos + len(value)
        return token

    def __repr__(self) -> str:
        return f"Token({self.type!r}, {str(self)!r}, {self.start_pos})"


class Rule(NamedTuple):
    """A production as the parser reduces it."""

    origin: str
    size: int
    keep: tuple[tuple[int, bool], ...]
    """The positions kept as children, each with whether its children are spliced in."""

    @property
    def inlined(self) -> bool:
        return self.origin.startswith("_")


class Tables(NamedTuple):
    """Everything needed to parse, as plain data (picklable, no Lark classes)."""

    actions: dict[int, dict[str, tuple[bool, int]]]
    """Per state, per symbol: (shift?, the next state or the rule reduced)."""
    rules: tuple[Rule, ...]
    scanners: tuple[tuple[tuple[str, int], ...], ...]
    """Each distinct scanner: its alternations (pattern, flags), tried in order."""
    scanner_of: dict[int, int]
    start_state: int
    end_state: int


class ParseError(ValueError):
    """The text does not fit the tables (the report grammar accepts any text, so this
    means a grammar defect)."""


class Parser:
    """The tables made ready to run: scanners compiled, one callback per rule."""

    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        compiled = [[regexes.compile(pattern, flags) for pattern, flags in scanner] for scanner in tables.scanners]
        self._scanner_of = {state: compiled[index] for state, index in tables.scanner_of.items()}

    def parse(self, text: str, builder: object) -> Any:
        """The value the builder makes of the start rule of ``text``."""
        tables = self._tables
        actions, rules = tables.actions, tables.rules
        reduce = _reducers(rules, builder)
        states: list[int] = [tables.start_state]
        values: list[Any] = []
        position, length = 0, len(text)
        while True:
            if position < length:
                token = self._next_token(text, position, states[-1])
                position = token.end_pos
                kind: str = token.type
            else:
                token, kind = None, END
            while True:
                action = actions[states[-1]].get(kind)
                if action is None:
                    where = f"at offset {position}" if token is None else f"at offset {token.start_pos}, {token.type} {str(token)[:40]!r}"
                    raise ParseError(f"the report grammar cannot continue {where}")
                shift, target = action
                if shift:
                    if token is None:  # pragma: no cover - Lark's tables end by a reduction
                        raise ParseError("the report grammar's tables shift past the end of the text")
                    states.append(target)
                    values.append(token)
                    break
                rule = rules[target]
                if rule.size:
                    children = values[-rule.size :]
                    del states[-rule.size :]
                    del values[-rule.size :]
                else:
                    children = []
                value = reduce[target](children)
                states.append(actions[states[-1]][rule.origin][1])
                values.append(value)
                if token is None and states[-1] == tables.end_state:
                    return values[-1]

    def _next_token(self, text: str, position: int, state: int) -> Token:
        for scanner in self._scanner_of[state]:
            match = scanner.match(text, position)
            if match is not None and match.end() > position:
                kind = match.lastgroup
                assert kind is not None
                return Token(kind, match.group(), position)
        raise ParseError(f"no terminal of the report grammar matches at offset {position}: {text[position:position + 40]!r}")


def _reducers(rules: tuple[Rule, ...], builder: object) -> list[Callable[[list[Any]], Any]]:
    """For each rule, what its reduction makes of its children: an inlined rule's
    children are handed on as a list; any other goes to ``builder.<rule>``."""
    made: dict[str, Callable[[list[Any]], Any]] = {}
    reducers: list[Callable[[list[Any]], Any]] = []
    for rule in rules:
        build = None if rule.inlined else made.get(rule.origin)
        if not rule.inlined and build is None:
            build = made[rule.origin] = getattr(builder, rule.origin)
        reducers.append(_reducer(rule.keep, build))
    return reducers


def _reducer(keep: tuple[tuple[int, bool], ...], build: Callable[[list[Any]], Any] | None) -> Callable[[list[Any]], Any]:
    def reduce(children: list[Any]) -> Any:
        kept: list[Any] = []
        for index, splice in keep:
            if splice:
                kept.extend(children[index])
            else:
                kept.append(children[index])
        return kept if build is None else build(kept)

    return reduce
