"""The alphabetical kind keeps the longest ordered run of a list, the earliest of the
longest, and finds it without comparing every pair of names."""

from __future__ import annotations

import random
from functools import total_ordering

from hypothesis import given
from hypothesis import strategies as st

from ccmlint.checks.alphabetical import _longest_ordered_run


def _every_pair(keys: list[str]) -> list[int]:
    """The run as first written: for each name, the best run after it, pair by pair."""
    count = len(keys)
    if count == 0:
        return []
    longest = [1] * count
    for first in range(count - 2, -1, -1):
        longest[first] = 1 + max((longest[later] for later in range(first + 1, count) if keys[later] >= keys[first]), default=0)
    current = longest.index(max(longest))
    chosen = [current]
    while longest[current] > 1:
        current = next(
            later for later in range(current + 1, count) if keys[later] >= keys[current] and longest[later] == longest[current] - 1
        )
        chosen.append(current)
    return chosen


@given(st.lists(st.sampled_from(["a", "b", "bb", "c", "cz", "d", "e"]), max_size=30))
def test_the_run_is_the_earliest_longest(keys: list[str]) -> None:
    assert _longest_ordered_run(keys) == _every_pair(keys)


@total_ordering
class _Counted:
    """A key that counts how often it is compared."""

    comparisons = 0

    def __init__(self, text: str) -> None:
        self.text = text

    def __eq__(self, other: object) -> bool:
        _Counted.comparisons += 1
        return isinstance(other, _Counted) and self.text == other.text

    def __lt__(self, other: _Counted) -> bool:
        _Counted.comparisons += 1
        return self.text < other.text

    def __hash__(self) -> int:
        return hash(self.text)


def test_the_comparisons_grow_with_n_log_n_not_with_every_pair() -> None:
    rng = random.Random(1)
    counts = {}
    for size in (100, 400):
        keys = [_Counted(f"{rng.randrange(10_000):05}") for _ in range(size)]
        _Counted.comparisons = 0
        _longest_ordered_run(keys)  # type: ignore[arg-type]
        counts[size] = _Counted.comparisons
    # Every pair would be 80 000 comparisons for 400 names, 16 times those for 100.
    assert counts[400] < 20 * 400
    assert counts[400] < 8 * counts[100]
