"""Formulas of arithmetic rules: read with the usual precedence, nothing but sums."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccmlint.checks.formula import Formula, FormulaError, field_names, read_formula


def value_of(formula: Formula) -> float:
    kind = formula[0]
    if kind == "number":
        return float(formula[1])  # type: ignore[arg-type]
    left, right = value_of(formula[1]), value_of(formula[2])  # type: ignore[arg-type]
    return {"+": left + right, "-": left - right, "*": left * right, "/": left / right}[kind]


NUMBERS = st.integers(min_value=1, max_value=999).map(str) | st.sampled_from(["2.5", "0.75", "10.0"])
FORMULAS = st.recursive(
    NUMBERS,
    lambda inner: st.tuples(inner, st.sampled_from([" + ", " - ", " * ", " / ", "*", "-"]), inner).map("".join)
    | inner.map(lambda text: f"({text})"),
    max_leaves=8,
)


@given(FORMULAS)
def test_a_formula_means_what_python_takes_it_to_mean(text: str) -> None:
    try:
        expected = eval(text)  # noqa: S307 - generated digits and operators only
    except ZeroDivisionError:
        return
    try:
        assert value_of(read_formula(text)) == pytest.approx(expected)
    except ZeroDivisionError:
        pass


def test_fields_are_read_in_order_and_dotted() -> None:
    formula = read_formula("part / whole * 100")
    assert formula == ("*", ("/", ("field", "part"), ("field", "whole")), ("number", 100.0))
    assert field_names(read_formula("(given.value + 1) * factor")) == ["given.value", "factor"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("given ** 2", "not '\\*\\* 2'"),
        ("__import__('os')", "not '__import__\\('os'\\)'"),
        ("len(x)", "only \\+ - \\* /"),
        ("a % b", "not '% b'"),
        ("a[0]", "only \\+ - \\* /"),
        ("given *", "is not an expression"),
        ("(a + b", "'\\(' is not closed"),
        ("a + )", "is not an expression"),
        ("-a", "is not an expression"),
        ("", "is not an expression"),
    ],
)
def test_anything_but_a_sum_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        read_formula(text)
