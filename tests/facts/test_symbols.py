"""Document symbols against the packs' symbol grammar: well formed, malformed with a
reason, of no known series (not read), and the report's own."""

from __future__ import annotations

import pytest

from ccmlint.facts import extract
from ccmlint.facts.phrasings import load_phrasings
from ccmlint.facts.symbols import read_symbol
from ccmlint.parse import parse
from ccmlint.source import decode
from ccmlint.span import Span

GRAMMAR = load_phrasings().symbols
HERE = Span(0, 1, 1, 1, 1, 2)


@pytest.mark.parametrize(
    ("text", "series", "year"),
    [
        ("CCM/MSP/2024/11", "CCM/MSP", 2024),
        ("CCM/CONF/2021/6", "CCM/CONF", 2021),
        ("CCM/MSP/2024/2/Rev.1", "CCM/MSP", 2024),
        ("CCM/MSP/2024/WP.1", "CCM/MSP", 2024),
        ("CCM/MSP/2024/CRP.1", "CCM/MSP", 2024),
        ("CCM/MSP/2026/INF.1", "CCM/MSP", 2026),
        ("CCM/MSP/2010/3", "CCM/MSP", 2010),
        ("CCM/MSP/2011/WP.3/Rev.1/Amend.1", "CCM/MSP", 2011),
        ("CCM/CONF/2015/PM.1/2", "CCM/CONF", 2015),
    ],
)
def test_well_formed(text: str, series: str, year: int) -> None:
    symbol = read_symbol(text, GRAMMAR, HERE)
    assert symbol is not None and symbol.well_formed, symbol
    assert (symbol.series, symbol.year, symbol.problem) == (series, year, None)


@pytest.mark.parametrize(
    ("text", "problem", "corrected"),
    [
        ("CCM/MSP/2024", "there is no document number after CCM/MSP/2024", None),
        ("CCM//MSP/2024/3", "it has an empty part ('//')", "CCM/MSP/2024/3"),
        ("CCM/MSP/24/3", "'24' is not a four-digit year", None),
        ("CCM/MSP/2024/WP1", "'WP1' is not a document number such as 7, WP.1, CRP.1, INF.1 or Misc.1 ('WP.1'?)", "CCM/MSP/2024/WP.1"),
        ("CCM/MSP/2024/2/Rev1", "'Rev1' is not a revision, addendum or corrigendum such as Rev.1, Add.1 or Corr.1 ('Rev.1'?)", "CCM/MSP/2024/2/Rev.1"),
        ("CCM/MSP/WP.1", "there is no year after CCM/MSP", None),
    ],
)
def test_malformed_with_the_reason(text: str, problem: str, corrected: str | None) -> None:
    symbol = read_symbol(text, GRAMMAR, HERE)
    assert symbol is not None and not symbol.well_formed
    assert (symbol.problem, symbol.corrected) == (problem, corrected)


@pytest.mark.parametrize("text", ["A/RES/78/32", "CCM/77", "CCM/MSP", "APLC/MSP.21/2023/1", "CCM/CONF/2015/PM.1"])
def test_not_judged(text: str) -> None:
    symbol = read_symbol(text, GRAMMAR, HERE)
    assert symbol is None or symbol.well_formed


def test_found_in_the_text_with_the_own_symbol_marked() -> None:
    report = (
        "United Nations\tCCM/MSP/2030/9\n"
        "Convention on Cluster Munitions\t5 September 2030\n"
        "\tI.\tIntroduction\n"
        "The Meeting confirmed its rules of procedure (CCM/MSP/2010/3) and noted C.N.100.2030.TREATIES-XXVI.6.[footnoteRef:1] [1: \t \tSee CCM/MSP/2029/11.]\n"
        "The Meeting adopted its report, to be issued as document CCM/MSP/2030/9.\n"
    )
    source = decode(report.encode("utf-8"))
    symbols = extract(parse(source)).symbols
    assert [(s.text, s.own) for s in symbols] == [
        ("CCM/MSP/2030/9", True),
        ("CCM/MSP/2010/3", False),
        ("CCM/MSP/2029/11", False),
        ("CCM/MSP/2030/9", True),
    ]
    assert all(source.text[s.span.start : s.span.end] == s.text for s in symbols)
