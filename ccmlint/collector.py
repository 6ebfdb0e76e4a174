"""How a ccmlint run sets Python's cyclic garbage collector.

A run allocates a few hundred thousand objects that live until it ends (modules,
compiled patterns, the rule packs, the report's facts) and makes little cyclic
garbage. With Python's default threshold (700 allocations) the collector ran some
fifty times a run and took ~8 % of it, rescanning objects that never die; mypy
raises its threshold for the same reason. Collections still happen, so memory stays
bounded on long runs.
"""

from __future__ import annotations

import gc

FIRST_GENERATION = 50_000
"""Allocations between two collections of the youngest generation during a run."""


def fewer_collections() -> tuple[int, int, int]:
    """Raise the youngest generation's threshold; give the thresholds it replaced."""
    previous = gc.get_threshold()
    gc.set_threshold(FIRST_GENERATION, *previous[1:])
    return previous


def restore(thresholds: tuple[int, int, int]) -> None:
    gc.set_threshold(*thresholds)
