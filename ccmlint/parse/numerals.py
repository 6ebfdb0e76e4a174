"""Values of the numerals and letters that number chapters, sections, annexes and list items."""

from __future__ import annotations

from ccmlint import regexes

_ROMAN = regexes.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral (either case), else None ("IIII" is not one)."""
    upper = numeral.upper()
    if not upper or not _ROMAN.fullmatch(upper):
        return None
    total = 0
    for index, char in enumerate(upper):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[upper[index + 1]] if index + 1 < len(upper) else 0
        total += -value if value < following else value
    return total


def to_roman(value: int) -> str:
    """The Roman numeral of a positive integer (for messages such as "III expected")."""
    pairs = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    digits: list[str] = []
    for amount, symbol in pairs:
        while value >= amount:
            digits.append(symbol)
            value -= amount
    return "".join(digits)


def letter_value(letter: str) -> int:
    """A=1, B=2 … for section letters and list letters (either case)."""
    return ord(letter.upper()) - ord("A") + 1
