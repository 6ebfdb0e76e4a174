"""How a ccmlint run sets Python's cyclic garbage collector.

A run allocates a few hundred thousand objects that live until it ends (modules,
compiled patterns, the rule packs, the report's facts) and makes little cyclic
garbage. With Python's default threshold (700 allocations) the collector ran some
fifty times a run and took ~8 % of it, rescanning objects that never die; mypy
raises its threshold for the same reason. Collections still happen, so memory stays
bounded on long runs.

The ``ccmlint`` command (``ccmlint.command``) sets the threshold before it imports
anything and freezes what is left when it ends; ``cli.main`` called by another
program raises it for the run only and gives the program's setting back.
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


def for_the_command() -> None:
    """The setting for a ``ccmlint`` process, made before the command's modules are
    imported: importing them alone ran five collections at the default threshold."""
    gc.set_threshold(FIRST_GENERATION, *gc.get_threshold()[1:])


def leave_to_exit() -> None:
    """Take every object out of the collector's reach as the command ends.

    NOTE: an exiting interpreter runs one full collection, which scanned every object
    the run had made (~20 ms, a tenth of a run on one report) to free memory that the
    process hands back anyway; frozen objects are not scanned.
    """
    gc.freeze()
