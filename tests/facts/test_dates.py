from datetime import date

import pytest

from ccmlint.facts.dates import date_fact, find_dates
from tests.facts.conftest import make_prose


def written(text: str) -> list[tuple[str, list[tuple[str, date]]]]:
    return [(found.kind, [(text[day.start : day.end], day.value) for day in found.days]) for found in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("opened on 4 March 2019.", [("single", [("4 March 2019", date(2019, 3, 4))])]),
        ("met on 3, 4, and 6 May 2031", [("list", [("3", date(2031, 5, 3)), ("4", date(2031, 5, 4)), ("6 May 2031", date(2031, 5, 6))])]),
        ("met on 3, 4 and 6 May 2031", [("list", [("3", date(2031, 5, 3)), ("4", date(2031, 5, 4)), ("6 May 2031", date(2031, 5, 6))])]),
        ("from 7 to 9 June 2027", [("range", [("7", date(2027, 6, 7)), ("9 June 2027", date(2027, 6, 9))])]),
        ("(Vienna, 7–9 June 2027)", [("range", [("7", date(2027, 6, 7)), ("9 June 2027", date(2027, 6, 9))])]),
        ("(Vienna, 7 - 9 June 2027)", [("range", [("7", date(2027, 6, 7)), ("9 June 2027", date(2027, 6, 9))])]),
        ("(Vienna, 7-9 June 2027)", [("range", [("7", date(2027, 6, 7)), ("9 June 2027", date(2027, 6, 9))])]),
        ("between 7 and 9 June 2027", [("range", [("7", date(2027, 6, 7)), ("9 June 2027", date(2027, 6, 9))])]),
        ("28 February–2 March 2028", [("range", [("28 February", date(2028, 2, 28)), ("2 March 2028", date(2028, 3, 2))])]),
        ("30 December–2 January 2030", [("range", [("30 December", date(2029, 12, 30)), ("2 January 2030", date(2030, 1, 2))])]),
        ("on June 9, 2027", [("single", [("June 9, 2027", date(2027, 6, 9))])]),
    ],
)
def test_expressions(text: str, expected: list) -> None:
    assert written(text) == expected


def test_two_expressions_of_a_meeting_in_two_parts() -> None:
    text = "(Oslo, 2 - 4 October 2019 and 5 - 6 May 2020)"
    assert [(kind, [value for _, value in days]) for kind, days in written(text)] == [
        ("range", [date(2019, 10, 2), date(2019, 10, 4)]),
        ("range", [date(2020, 5, 5), date(2020, 5, 6)]),
    ]


@pytest.mark.parametrize("text", ["31 June 2024", "document XX/2024/11", "12 September", "1.5 May 2024", ""])
def test_no_invented_dates(text: str) -> None:
    assert find_dates(text) == []


def test_impossible_earlier_day_ends_the_expression() -> None:
    assert written("on 31, 1 and 2 April 2025") == [("list", [("1", date(2025, 4, 1)), ("2 April 2025", date(2025, 4, 2))])]


def test_date_fact_points_at_its_words() -> None:
    prose = make_prose("It met from 7 to 9 June 2027 in Vienna.")
    last = find_dates(prose.text)[0].last
    fact = date_fact(prose, last)
    assert fact.text == "9 June 2027"
    assert prose.text[fact.span.start : fact.span.end] == "9 June 2027"
    assert fact.value == date(2027, 6, 9)
