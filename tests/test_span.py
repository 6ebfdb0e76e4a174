"""Spans: immutable values, compared, hashed and ordered by their fields in order."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ccmlint.record import to_data
from ccmlint.span import Span

FIELDS = st.tuples(*(st.integers(0, 5) for _ in range(6)))


@given(FIELDS, FIELDS)
def test_spans_compare_and_order_as_their_fields_do(first: tuple[int, ...], second: tuple[int, ...]) -> None:
    a, b = Span(*first), Span(*second)
    assert (a == b, a < b, a <= b, a > b, a >= b) == (first == second, first < second, first <= second, first > second, first >= second)
    assert (hash(a) == hash(b)) or a != b
    assert pickle.loads(pickle.dumps(a)) == a


def test_a_span_is_immutable_and_reads_as_written() -> None:
    span = Span(start=0, end=4, line=1, column=1, end_line=1, end_column=5)
    with pytest.raises(AttributeError):
        span.start = 2  # type: ignore[misc]
    assert repr(span) == "Span(start=0, end=4, line=1, column=1, end_line=1, end_column=5)"
    assert str(span) == "1:1-1:5"
    assert to_data(span) == {"start": 0, "end": 4, "line": 1, "column": 1, "end_line": 1, "end_column": 5}
    assert span != (0, 4, 1, 1, 1, 5)
