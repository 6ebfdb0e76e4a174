"""What a report's text computes or pairs, gathered for the rules that redo the sums:
conversions between units, percentages of a whole, lists paired by "respectively"
and the arithmetic of extension decisions (each read by its own module)."""

from __future__ import annotations

from typing import Sequence

from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.extension_terms import extract_extension_terms
from ccmlint.facts.model import Arithmetic, Extension, Meeting
from ccmlint.facts.names import StateNames
from ccmlint.facts.packdata import PackData
from ccmlint.facts.phrasings import Phrasings
from ccmlint.facts.quantities import extract_conversions, extract_shares
from ccmlint.facts.respectively import extract_pairings


def extract_arithmetic(
    blocks: Sequence[TextBlock],
    extensions: Sequence[Extension],
    meeting: Meeting | None,
    names: StateNames,
    phrasings: Phrasings,
    data: PackData,
) -> Arithmetic:
    running = [block for block in blocks if block.kind in ("paragraph", "list_item")]
    return Arithmetic(
        conversions=extract_conversions(running, data.units, phrasings.arithmetic),
        shares=extract_shares(running, data.units, phrasings.arithmetic),
        pairings=extract_pairings(running, names, phrasings.meeting.symbol, data.units, phrasings.arithmetic),
        extension_terms=extract_extension_terms(blocks, extensions, meeting, phrasings.arithmetic, data),
    )
