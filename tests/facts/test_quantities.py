import re

from hypothesis import given
from hypothesis import strategies as st

from ccmlint.facts.packdata import Unit
from ccmlint.facts.phrasings import Phrasings
from ccmlint.facts.quantities import _DIGIT, _NUMBER, extract_conversions, extract_shares, number_value
from tests.facts.conftest import covered, make_blocks

UNITS = (
    Unit("hectare", "area", 10_000, ("hectares", "ha")),
    Unit("square kilometre", "area", 1_000_000, ("km2", "km²")),
)


def test_number_values_keep_their_precision() -> None:
    assert number_value("65,134") == (65134.0, 0)
    assert number_value("651.34") == (651.34, 2)


def test_conversions(phrasings: Phrasings) -> None:
    blocks = make_blocks(
        "Survey identified more than 65,134 hectares (651.34km2) and 12 km² (about 1,200 ha), but 40 hectares "
        "(99 acres), 5 ha (2023) and document CCM/MSP/2024/11 (5 km2) are not conversions.",
    )
    found = extract_conversions(blocks, UNITS, phrasings.arithmetic)
    assert [(item.given.value, item.given.unit, item.converted.value, item.factor) for item in found] == [
        (65134.0, "hectare", 651.34, 0.01), (12.0, "square kilometre", 1200.0, 100.0),
    ]
    assert found[0].given.approximate and not found[0].converted.approximate
    assert covered(blocks[0].prose, found[0].span) == "65,134 hectares (651.34km2)"


def test_shares(phrasings: Phrasings) -> None:
    blocks = make_blocks(
        "Survey identified 65,134 hectares (651.34km2) of land and cleared 16,943 hectares (169.43km2) of this amount, "
        "which equates to 26% of it.",
        "Reports were submitted by 80 out of 111 States Parties (72 per cent).",
        "Rates fell by 12% and 80 States reported.",
    )
    found = extract_shares(blocks, UNITS, phrasings.arithmetic)
    assert [(item.part.value, item.whole.value, item.percent.value) for item in found] == [(16943.0, 65134.0, 26.0), (80.0, 111.0, 72.0)]


@given(st.text(alphabet="0123456789٣,./#% ahkm²x", max_size=30))
def test_every_number_holds_a_digit(text: str) -> None:
    """find_quantities skips a text without a digit unsearched; that loses nothing."""
    for match in re.finditer(_NUMBER, text):
        assert _DIGIT.search(match.group())
