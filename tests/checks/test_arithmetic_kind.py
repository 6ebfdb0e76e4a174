"""The arithmetic kind: stated sums redone on the ranges their written figures allow."""

from __future__ import annotations

import pytest
from factsbuild import span

from ccmlint.checks import arithmetic
from ccmlint.engine.context import Context
from ccmlint.facts.model import Arithmetic, Conversion, Facts, Quantity, Share
from ccmlint.schema import validate

CONVERSIONS = validate(arithmetic.Params, dict(kind="arithmetic", path="arithmetic.conversions", expected="given * factor", stated="converted"))
SHARES = validate(arithmetic.Params, dict(kind="arithmetic", path="arithmetic.shares", expected="part / whole * 100", stated="percent"))


def quantity(text: str, line: int, approximate: bool = False) -> Quantity:
    number = text.split()[0].rstrip("%").replace(",", "")
    decimals = len(number.split(".")[1]) if "." in number else 0
    return Quantity(text=text, value=float(number), decimals=decimals, approximate=approximate, span=span(line))


def conversion(given: str, converted: str, line: int, factor: float = 0.01) -> Conversion:
    return Conversion(text=f"{given} ({converted})", given=quantity(given, line), converted=quantity(converted, line), factor=factor, span=span(line))


def lines(params: arithmetic.Params, facts: Facts) -> list[int]:
    return [finding.span.line for finding in arithmetic.check(params, facts, Context())]


def test_conversions_allow_rounding_of_both_figures() -> None:
    report = Facts(arithmetic=Arithmetic(conversions=[
        conversion("65,134 ha", "651.34 km2", 1),
        conversion("65,134 ha", "651.3 km2", 2),
        conversion("65,134 ha", "651 km2", 3),
        conversion("651 km2", "65,134 ha", 4, factor=100),
        conversion("650 km2", "65,134 ha", 6, factor=100),
        conversion("16,943 ha", "196.43 km2", 5),
    ]))
    assert lines(CONVERSIONS, report) == [6, 5]
    (finding,) = arithmetic.check(CONVERSIONS, Facts(arithmetic=Arithmetic(conversions=[conversion("16,943 ha", "196.43 km2", 5)])), Context())
    assert finding.values["expected"] == "169.43"


def share(part: str, whole: str, percent: str, line: int, approximate: bool = False) -> Share:
    return Share(text="...", part=quantity(part, line, approximate), whole=quantity(whole, line), percent=quantity(percent, line), span=span(line))


def test_percentages() -> None:
    report = Facts(arithmetic=Arithmetic(shares=[
        share("16,943 ha", "65,134 ha", "26%", 1),
        share("16,943 ha", "65,134 ha", "26.0%", 2),
        share("16,943 ha", "65,134 ha", "62%", 3),
        share("16,943 ha", "65,134 ha", "26.5%", 4),
        share("1 ha", "0 ha", "50%", 5),
    ]))
    assert lines(SHARES, report) == [3, 4]


def test_a_hedge_doubles_the_margin() -> None:
    assert lines(SHARES, Facts(arithmetic=Arithmetic(shares=[share("264 ha", "1,000 ha", "27%", 1)]))) == [1]
    assert lines(SHARES, Facts(arithmetic=Arithmetic(shares=[share("264 ha", "1,000 ha", "27%", 1, approximate=True)]))) == []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"expected": "given ** 2"}, "only \\+ - \\* /"),
        ({"expected": "__import__('os')"}, "only \\+ - \\* /"),
        ({"expected": "given *"}, "is not an expression"),
        ({"expected": "text * 2"}, "is not a number or a Quantity"),
        ({"stated": "nothing"}, "no field 'nothing'"),
    ],
)
def test_bad_params_are_rejected(changes: dict[str, object], expected: str) -> None:
    raw: dict[str, object] = {"kind": "arithmetic", "path": "arithmetic.conversions", "expected": "given * factor", "stated": "converted", **changes}
    with pytest.raises(ValueError, match=expected):
        validate(arithmetic.Params, raw)
