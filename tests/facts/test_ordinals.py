import pytest

from ccmlint.facts.ordinals import cardinal_value, ordinal_value


@pytest.mark.parametrize(
    ("text", "value"),
    [("First", 1), ("twelfth", 12), ("Thirteenth", 13), ("Twentieth", 20), ("Twenty-first", 21), ("twenty first", 21),
     ("Thirtieth", 30), ("12th", 12), ("21st", 21), ("3rd", 3), ("Tenth", 10)],
)
def test_ordinal_value(text: str, value: int) -> None:
    assert ordinal_value(text) == value


@pytest.mark.parametrize("text", ["Twelve", "Meeting", "", "firstly"])
def test_not_ordinals(text: str) -> None:
    assert ordinal_value(text) is None


@pytest.mark.parametrize(("text", "value"), [("five", 5), ("Two", 2), ("10", 10), ("twenty-one", 21)])
def test_cardinal_value(text: str, value: int) -> None:
    assert cardinal_value(text) == value
