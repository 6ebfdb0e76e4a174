"""Numbers as reports write them ("65,134 hectares", "651.34km2", "26%") and the
sums the text states about them: a value given again in another unit ("65,134
hectares (651.34 km2)") and a percentage of a whole ("cleared 16,943 hectares of
this amount, which equates to 26%").

A number keeps the precision it was written with, so that a rule allows for
rounding. Units come from the packs' units data: a unit the data does not know is
no unit, and a conversion into it is not a fact. Which words tie a share to its
whole are phrasings (``arithmetic`` in ``facts.yaml``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable, Sequence

from ccmlint import regexes
from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.model import Conversion, Quantity, Share
from ccmlint.facts.packdata import Unit
from ccmlint.facts.phrasings import ArithmeticPhrasings, any_of, regex
from ccmlint.facts.sentences import sentences
from ccmlint.nodes import Prose
from ccmlint.prefilter import may_occur
from ccmlint.record import Record

# A number: digits with thousands commas, or plain digits, with decimals; never part of
# a symbol ("CCM/MSP/2024/11"), a paragraph number ("4.1" after "Article") is read as
# a number too, but no rule pairs it with a unit.
_NUMBER = r"(?<![\w.,/#])(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d])(?!\.\d)(?!,\d{3})"
_DIGIT = regexes.compile(r"\d")  # every _NUMBER holds one
PERCENT = "%"


class Found(Record):
    """A number found in a text: offsets, value, written precision and unit (None when bare)."""

    start: int
    end: int
    value: float
    decimals: int
    unit: Unit | None
    percent: bool = False

    @property
    def unit_name(self) -> str | None:
        return PERCENT if self.percent else (self.unit.name if self.unit else None)


def number_value(text: str) -> tuple[float, int]:
    """A written number's value and its decimals ("65,134" → 65134.0, 0)."""
    plain = text.replace(",", "")
    decimals = len(plain.split(".", 1)[1]) if "." in plain else 0
    return float(plain), decimals


@cache
def _unit_reader(units: tuple[Unit, ...]) -> tuple[re.Pattern[str] | None, dict[str, Unit]]:
    """The pattern of every written unit (longest first) and the unit of each written form."""
    by_form = {form.casefold(): unit for unit in units for form in unit.written}
    # NOTE: longest first, then in order: the same pattern in every run, so that its
    # compiled form is found in the cache (a set's order changes from run to run).
    forms = sorted({form for unit in units for form in unit.written}, key=lambda form: (-len(form), form))
    if not forms:
        return None, by_form
    return regex(rf"\s?(?P<unit>{'|'.join(re.escape(form) for form in forms)})(?![\w²])", re.IGNORECASE), by_form


_last_units: list[tuple[Sequence[Unit], tuple[re.Pattern[str] | None, dict[str, Unit]]]] = []


def _readers_of(units: Sequence[Unit]) -> tuple[re.Pattern[str] | None, dict[str, Unit]]:
    """``_unit_reader`` for the pack's units; the same sequence comes with every call
    of a report (thousands), so it is recognised by identity before it is hashed."""
    if _last_units and _last_units[0][0] is units:
        return _last_units[0][1]
    readers = _unit_reader(tuple(units))
    _last_units[:] = [(units, readers)]
    return readers


def find_quantities(text: str, start: int, end: int, units: Sequence[Unit], phrasings: ArithmeticPhrasings) -> list[Found]:
    """Every number in ``text[start:end]`` with the unit or per cent sign written after it."""
    if _DIGIT.search(text, start, end) is None:
        return []  # NOTE: _NUMBER opens with a lookbehind, tried at every position; a digit is far cheaper to seek
    unit_pattern, by_form = _readers_of(units)
    found: list[Found] = []
    for match in regex(_NUMBER).finditer(text, start, end):
        value, decimals = number_value(match["number"])
        unit_match = unit_pattern.match(text, match.end(), end) if unit_pattern else None
        if unit_match is not None:
            unit = by_form[unit_match["unit"].casefold()]
            found.append(Found(match.start(), unit_match.end(), value, decimals, unit))
            continue
        percent_match = _percent_after(text, match, end, phrasings)
        if percent_match is not None:
            found.append(Found(match.start(), percent_match, value, decimals, None, percent=True))
            continue
        found.append(Found(match.start(), match.end(), value, decimals, None))
    return found


def _percent_after(text: str, number: re.Match[str], end: int, phrasings: ArithmeticPhrasings) -> int | None:
    """Where a per cent sign or word written right after a number ends."""
    if not phrasings.percent:
        return None
    whole = regex(phrasings.percent).match(text, number.start(), end)
    return whole.end() if whole is not None and whole.start("number") == number.start() else None


def quantity(prose: Prose, found: Found, phrasings: ArithmeticPhrasings) -> Quantity:
    """The fact for a number found in a prose text."""
    hedge = regex(phrasings.approximate).search(prose.text, max(0, found.start - 30), found.start)
    return Quantity(
        text=prose.text[found.start : found.end],
        value=found.value,
        decimals=found.decimals,
        unit=found.unit_name,
        approximate=hedge is not None and hedge.end() == found.start,
        span=prose.span(found.start, found.end),
    )


def extract_conversions(
    blocks: Iterable[TextBlock], units: Sequence[Unit], phrasings: ArithmeticPhrasings
) -> list[Conversion]:
    """Every quantity given again in brackets in another unit of the same dimension."""
    found: list[Conversion] = []
    bracket_after = regex(phrasings.conversion)
    for block in blocks:
        text = block.prose.text
        if not may_occur(bracket_after, text):
            continue  # NOTE: no conversion without its bracket: most blocks have none
        for given in find_quantities(text, 0, len(text), units, phrasings):
            if given.unit is None:
                continue
            bracket = regex(phrasings.conversion).match(text, given.end)
            if bracket is None:
                continue
            inner = find_quantities(text, bracket.start("quantity"), bracket.end("quantity"), units, phrasings)
            if len(inner) != 1 or inner[0].start != bracket.start("quantity") or inner[0].end != bracket.end("quantity"):
                continue  # NOTE: only a bracket holding exactly one quantity is a conversion
            converted = inner[0]
            if converted.unit is None or converted.unit.dimension != given.unit.dimension or converted.unit == given.unit:
                continue
            found.append(
                Conversion(
                    text=text[given.start : bracket.end()],
                    given=quantity(block.prose, given, phrasings),
                    converted=quantity(block.prose, converted, phrasings),
                    factor=given.unit.size / converted.unit.size,
                    span=block.prose.span(given.start, bracket.end()),
                )
            )
    return found


def extract_shares(blocks: Iterable[TextBlock], units: Sequence[Unit], phrasings: ArithmeticPhrasings) -> list[Share]:
    """Every percentage the text states as the share of one of its quantities in another."""
    found: list[Share] = []
    share_of = any_of(phrasings.share_of)
    out_of = any_of(phrasings.share_out_of)
    share_is = any_of(phrasings.share_is)
    percentage = regex(phrasings.percent) if phrasings.percent else None
    for block in blocks:
        text = block.prose.text
        if percentage is None or not may_occur(percentage, text):
            continue  # NOTE: no share without a percentage: most blocks have none
        for start, end in sentences(text):
            numbers = find_quantities(text, start, end, units, phrasings)
            for index, part in enumerate(numbers):
                if part.percent:
                    continue
                whole: Found | None = None
                cue = share_of.match(text, part.end, end)
                if cue is not None:
                    whole = _antecedent(numbers[:index], part)
                    after = cue.end()
                else:
                    whole = _out_of(text, numbers[index + 1 :], part, out_of)
                    after = whole.end if whole is not None else part.end
                if whole is None:
                    continue
                percent = next((item for item in numbers if item.percent and item.start >= after), None)
                if percent is None or share_is.fullmatch(text, after, percent.start) is None:
                    continue
                found.append(
                    Share(
                        text=text[min(whole.start, part.start) : percent.end],
                        part=quantity(block.prose, part, phrasings),
                        whole=quantity(block.prose, whole, phrasings),
                        percent=quantity(block.prose, percent, phrasings),
                        span=block.prose.span(part.start, percent.end),
                    )
                )
    return found


def _antecedent(before: Sequence[Found], part: Found) -> Found | None:
    """The whole a share refers back to ("of this amount"): the nearest earlier quantity
    in the same unit."""
    for candidate in reversed(before):
        if not candidate.percent and candidate.unit_name == part.unit_name:
            return candidate
    return None


def _out_of(text: str, after: Sequence[Found], part: Found, out_of: re.Pattern[str]) -> Found | None:
    """The whole named right after a part ("25 out of 110")."""
    for candidate in after:
        if candidate.percent:
            return None
        if out_of.fullmatch(text, part.end, candidate.start) and candidate.unit_name in (part.unit_name, None):
            return candidate
        return None
    return None
