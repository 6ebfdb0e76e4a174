"""The sums an ``arithmetic`` rule writes (``part / whole * 100``), read into a tree.

Only + - * /, parentheses, numbers and dotted field names may be used, with the usual
precedence. A formula is read when its rule loads and on the first check of a run;
reading it here, not with Python's ``ast``, keeps that module out of every run, and
no Python syntax (a call, a power, a subscript) can slip into a rule.

    read_formula("part / whole * 100")
    == ("*", ("/", ("field", "part"), ("field", "whole")), ("number", 100.0))
"""

from __future__ import annotations

from functools import cache
from typing import Union

from ccmlint import regexes

Formula = Union[tuple[str, float], tuple[str, str], tuple[str, "Formula", "Formula"]]
"""``("number", value)``, ``("field", "dotted.name")`` or ``(operator, left, right)``."""

_TOKEN = regexes.compile(
    r"\s*(?:(?P<number>\d+(?:\.\d*)?|\.\d+)(?![\w.])|(?P<field>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)|(?P<symbol>[-+*/()])|(?P<other>\S+))"
)


class FormulaError(ValueError):
    """A formula that is not one: the message says what is wrong."""


@cache
def read_formula(text: str) -> Formula:
    """The tree of a formula; FormulaError for anything but a sum of numbers and fields."""
    reader = _Reader(text)
    tree = reader.sum()
    if reader.peek() is not None:
        reader.unexpected()
    return tree


def field_names(formula: Formula) -> list[str]:
    """The dotted field names a formula reads, in order."""
    if formula[0] == "field":
        return [str(formula[1])]
    if formula[0] == "number":
        return []
    return field_names(formula[1]) + field_names(formula[2])  # type: ignore[arg-type]


class _Reader:
    """Recursive descent over the formula's tokens: sums of products of terms."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        position = 0
        while position < len(text) and (match := _TOKEN.match(text, position)) is not None and match.lastgroup:
            self.tokens.append((match.lastgroup, match[match.lastgroup], match.start(match.lastgroup)))
            position = match.end()
        self.index = 0

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def sum(self) -> Formula:
        tree = self.product()
        while (token := self.peek()) is not None and token[1] in ("+", "-"):
            self.index += 1
            tree = (token[1], tree, self.product())
        return tree

    def product(self) -> Formula:
        tree = self.term()
        while (token := self.peek()) is not None and token[1] in ("*", "/"):
            self.index += 1
            if token[1] == "*" and (following := self.peek()) is not None and following[1] == "*":
                self.index -= 1
                self.unexpected()  # a power: "**"
            tree = (token[1], tree, self.term())
        return tree

    def term(self) -> Formula:
        token = self.peek()
        if token is None:
            raise FormulaError(f"'{self.text}' is not an expression: it ends where a number or a field is needed")
        kind, value, _ = token
        self.index += 1
        if kind == "number":
            return ("number", float(value))
        if kind == "field":
            if (following := self.peek()) is not None and following[1] == "(":
                self.index -= 1
                self.unexpected()  # a call
            return ("field", value)
        if value == "(":
            inner = self.sum()
            closing = self.peek()
            if closing is None or closing[1] != ")":
                raise FormulaError(f"'{self.text}' is not an expression: a '(' is not closed")
            self.index += 1
            return inner
        self.index -= 1
        if kind == "other":
            self.unexpected()
        raise FormulaError(f"'{self.text}' is not an expression: '{value}' stands where a number or a field is needed")

    def unexpected(self) -> None:
        token = self.peek()
        rest = self.text[token[2] :] if token is not None else ""
        raise FormulaError(f"only + - * /, numbers and field names may be used, not '{rest.strip()}'")

