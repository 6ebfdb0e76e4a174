"""What a regular expression needs of a text to match in it, read from the pattern.

The ``pattern`` kind searches every passage with each rule's pattern, and the fact
extractors search every sentence for their cues; most hold no match, yet the engine
would read each of them character by character, and a call into it costs
microseconds even on a short text. A few facts read from the pattern's syntax let
them do less without changing a single match:

- ``needles``: for each alternative of the pattern, groups of strings such that a
  text holding a match holds a string of each group (a month's name and a year's
  first digits for a date); a passage without them is not searched at all, since a
  substring test costs a fraction of a search, and ``holding`` picks those passages
  out of many in one reading of them all;
- ``first``: the characters a match can begin with, as a character class; in a
  lookahead before the pattern it lets the ``regex`` engine skip ahead to them, as it
  does by itself for a pattern that opens with a literal but not for one that opens
  with a look-behind;
- ``tail``: for a pattern whose every match ends where only whitespace is left
  (``(?=\\s*$)``), its longest match; the search starts that far before the end.

``behind`` is how far before a match a look-behind may read, so that ``may_match``
can judge a slice (a search with ``pos`` and ``endpos``) by the needles near it.

``exact``, when the pattern is nothing but literal text (``\\t``), gives the strings
it matches: "does it match anywhere" is then a substring test.

NOTE: the pattern is read with Python's own parser (``re._parser``), whose syntax is
that of the ``regex`` engine's VERSION0 less its extensions. What that parser
refuses or warns about, and what the two might read differently (a POSIX class,
braces that ``regex`` reads as fuzzy matching, an inline flag), gets no shortcut and
is searched in full. Each shortcut only skips text where no match can be. The same
reading holds for Python's own ``re`` (the quotation and citation patterns that
``ccmlint.checks.words`` looks for), whose syntax the parser reads exactly.
"""

from __future__ import annotations

import re
import sys
import re._constants as sre  # the parser's opcodes (private, stable since 3.11)
import re._parser as sre_parse
import warnings
from functools import lru_cache
from itertools import product
from typing import Any, Callable, Collection, Iterator, Sequence, TypeVar

from ccmlint.cache import Memo
from ccmlint.record import Record

_T = TypeVar("_T")

_EXACT_LIMIT = 64
"""The most strings an exact set may hold before it is given up (a product grows fast)."""

_SET_LIMIT = 8
"""The most characters of a class read as alternative needles ("[/.]")."""

_TAIL_LIMIT = 1000
"""The longest match for which ``tail`` is worth stating."""

_CLAUSE_LIMIT = 4
"""The most groups of needles tested for one alternative of a pattern."""

_PER_TEXT = 48
"""Texts still in question below which each is looked in for the needles, rather than
all the texts read for each needle (a reading costs about as much as 50 looks)."""

_OPEN_BRACE = ord("{")


Clauses = tuple[tuple[str, ...], ...]
"""Groups of needles: a text holds one needle of each group."""


class _Unsupported(Exception):
    """The pattern holds something the shortcuts do not reason about."""


class Needs(Record):
    """What a text must hold for the pattern to match in it; None where nothing is known."""

    needles: tuple[Clauses, ...] | None = None
    first: str | None = None
    tail: int | None = None
    exact: tuple[str, ...] | None = None
    behind: int | None = None
    """How far before a match a look-behind may read (a needle may lie there)."""

    def may_match(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """False only where the pattern cannot match anywhere in ``text`` (or in
        ``text[start:end]``, as a search with ``pos`` and ``endpos`` reads it)."""
        if self.needles is None:
            return True
        if start or end is not None:
            if self.behind is None:
                return True
            text = text[max(0, start - self.behind) : end]
        # NOTE: plain loops; nested generators would cost more than the tests themselves.
        for clauses in self.needles:
            for clause in clauses:
                for needle in clause:
                    if needle in text:
                        break
                else:
                    break  # this alternative cannot match
            else:
                return True
        return False

    def holding(self, texts: Sequence[str], holds: Callable[[str], int]) -> int:
        """Of many texts, as bits (bit i: ``texts[i]``), those where the pattern may
        match, as ``may_match`` says of each: ``holds(needle)`` gives the texts holding
        a needle, as bits, found in one reading of them all. Once few texts are left in
        question, the rest of the needles are looked for in those alone."""
        every = (1 << len(texts)) - 1
        if self.needles is None:
            return every
        may = 0
        for clauses in self.needles:
            alive = every
            for clause in clauses:
                if not alive:
                    break
                if alive.bit_count() <= _PER_TEXT:
                    for index in _bits(alive):
                        if not any(needle in texts[index] for needle in clause):
                            alive ^= 1 << index
                else:
                    holding = 0
                    for needle in clause:
                        holding |= holds(needle)
                    alive &= holding
            may |= alive
        return may

    def start(self, text: str) -> int:
        """Where in ``text`` a search may start and still find every match.

        NOTE: ``str.rstrip`` strips at least what the engine's ``\\s`` matches (a test
        checks every character), so no match can end before ``len(text.rstrip())``.
        """
        if self.tail is None:
            return 0
        return max(0, len(text.rstrip()) - self.tail)


def _bits(mask: int) -> Iterator[int]:
    """The positions of the set bits, lowest first."""
    while mask:
        lowest = mask & -mask
        yield lowest.bit_length() - 1
        mask ^= lowest


@lru_cache(maxsize=1024)
def needs(pattern: str, ignore_case: bool = False) -> Needs:
    """What ``pattern`` (VERSION0 syntax of the ``regex`` engine, or Python's ``re``)
    needs of a text; kept per pattern, since it is asked again for every text, and
    from run to run (ccmlint.cache), since reading a pattern costs as much as
    compiling it."""
    key = (pattern, ignore_case)
    found = _KNOWN.get(key)
    if found is None:
        found = _read_needs(pattern, ignore_case)
        _KNOWN.put(key, found)
    return found


def _read_needs(pattern: str, ignore_case: bool) -> Needs:
    try:
        parsed = _parse(pattern, ignore_case)
    except Exception:  # noqa: BLE001 - what cannot be read gets no shortcut, and no error
        return Needs()
    items = list(parsed)
    return Needs(
        needles=None if ignore_case else _attempt(_needles, items),
        first=_attempt(_first, items),
        tail=_attempt(_tail, parsed),
        exact=None if ignore_case else _attempt(_exact_text, items),
        behind=_attempt(_behind, items),
    )


def may_occur(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> bool:
    """False only where the compiled ``pattern`` cannot match in ``text[start:end]``:
    the strings it needs are looked for first, and a cue most paragraphs lack costs
    a substring test instead of a search of every sentence."""
    return needs(pattern.pattern, bool(pattern.flags & _IGNORECASE)).may_match(text, start, end)


def finditer(pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, without a search where ``may_occur``
    says it cannot match: for patterns searched in every passage that few hold."""
    if not may_occur(pattern, text, start, end):
        return iter(())
    return pattern.finditer(text, start, len(text) if end is None else end)


_IGNORECASE = int(re.IGNORECASE)
"""As a plain int: ``int & RegexFlag`` goes through the enum's own operator, a few
microseconds each, and a lint asks a thousand times."""


_KNOWN: Memo[tuple[str, bool], Needs] = Memo("needs", sys.version)
"""Needs already read; the parser's reading may change with Python's version."""


def _attempt(reading: Callable[[Any], _T | None], argument: Any) -> _T | None:
    """One reading of the pattern, or None (no shortcut) where it finds what it does not know."""
    try:
        return reading(argument)
    except Exception:  # noqa: BLE001 - a shortcut is never worth a failed rule
        return None


def _parse(pattern: str, ignore_case: bool) -> sre_parse.SubPattern:
    # NOTE: "[[:alpha:]]" and "[a[: digit:]]" are POSIX classes to ``regex`` but plain
    # characters to Python's parser, which warns only about the first.
    if "[:" in pattern and ":]" in pattern:
        raise _Unsupported("a POSIX class")
    flags = re.IGNORECASE if ignore_case else 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        parsed = sre_parse.parse(pattern, flags)
    if parsed.state.flags != flags | sre.SRE_FLAG_UNICODE:
        raise _Unsupported("an inline flag")
    _check_supported(list(parsed))
    return parsed


def _behind(items: list[tuple[Any, Any]]) -> int:
    """The most characters a look-behind reads before the place it stands at (0: none)."""
    widest = 0
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] == -1:
            # A look-behind inside it reads on back from where that one stands.
            widest = max(widest, av[1].getwidth()[1] + _behind(list(av[1])))
            continue
        for inner in _inner(op, av):
            widest = max(widest, _behind(list(inner)))
    return widest


def _inner(op: Any, av: Any) -> list[Any]:
    """The sub-patterns of one parsed item."""
    if op is sre.SUBPATTERN:
        return [av[3]]
    if op is sre.ATOMIC_GROUP:
        return [av]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return [av[2]]
    if op is sre.BRANCH:
        return list(av[1])
    if op is sre.GROUPREF_EXISTS:
        return [part for part in (av[1], av[2]) if part is not None]
    return []


def _check_supported(items: list[tuple[Any, Any]]) -> None:
    """Refuse what either engine might read otherwise: scoped flags and literal braces
    (``regex`` reads ``(?:ab){e<=1}`` as fuzzy matching, Python as text)."""
    for op, av in items:
        if op is sre.LITERAL and av == _OPEN_BRACE:
            raise _Unsupported("a literal brace")
        if op is sre.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unsupported("a scoped flag")
            _check_supported(list(av[3]))
        elif op is sre.BRANCH:
            for branch in av[1]:
                _check_supported(list(branch))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _check_supported(list(av[2]))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _check_supported(list(av[1]))
        elif op is sre.ATOMIC_GROUP:
            _check_supported(list(av))
        elif op is sre.GROUPREF_EXISTS:
            _check_supported(list(av[1]))
            if av[2] is not None:
                _check_supported(list(av[2]))


# ------------------------------------------------------------------ first characters


def _first(items: list[tuple[Any, Any]]) -> str | None:
    """A class holding every character a match can begin with (None for a pattern
    that can match the empty string, where no such character need exist)."""
    members, nullable = _first_seq(items)
    return None if nullable else _character_class(members)


def _first_seq(items: list[tuple[Any, Any]]) -> tuple[list[tuple[Any, Any]], bool]:
    """The class members a match of ``items`` can begin with, and whether it can be empty.

    Raises _Unsupported where a match could begin with any character."""
    members: list[tuple[Any, Any]] = []
    for op, av in items:
        first, nullable = _first_item(op, av)
        members.extend(first)
        if not nullable:
            return members, False
    return members, True


def _first_item(op: Any, av: Any) -> tuple[list[tuple[Any, Any]], bool]:
    if op is sre.LITERAL:
        return [(sre.LITERAL, av)], False
    if op is sre.IN:
        if any(member_op not in (sre.LITERAL, sre.RANGE, sre.CATEGORY) for member_op, _ in av):
            raise _Unsupported("a negated class")  # nearly any character: no use
        return list(av), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [], True
    if op is sre.SUBPATTERN:
        return _first_seq(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _first_seq(list(av))
    if op is sre.BRANCH:
        members: list[tuple[Any, Any]] = []
        nullable = False
        for branch in av[1]:
            first, empty = _first_seq(list(branch))
            members.extend(first)
            nullable = nullable or empty
        return members, nullable
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, repeated = av
        if high == 0:
            return [], True
        first, empty = _first_seq(list(repeated))
        return first, empty or low == 0
    raise _Unsupported(str(op))


_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_WORD: r"\w"}


def _character_class(members: list[tuple[Any, Any]]) -> str | None:
    """The members as one class in the ``regex`` engine's syntax."""
    if not members:
        return None
    parts: list[str] = []
    for op, av in members:
        if op is sre.LITERAL:
            parts.append(_escaped(av))
        elif op is sre.RANGE:
            parts.append(f"{_escaped(av[0])}-{_escaped(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _Unsupported(str(av))
    return "[" + "".join(dict.fromkeys(parts)) + "]"


def _escaped(code: int) -> str:
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


# ------------------------------------------------------------------ needles


def _needles(items: list[tuple[Any, Any]]) -> tuple[Clauses, ...] | None:
    """For each alternative of the pattern, the groups of needles a text holding a match
    of it has one of (None: some alternative needs nothing)."""
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        alternatives = [list(branch) for branch in items[0][1][1]]
    else:
        alternatives = [items]
    if len(alternatives) > _EXACT_LIMIT:
        return None
    found: list[Clauses] = []
    for alternative in alternatives:
        clauses = _simplest(_clauses(alternative))
        if not clauses:
            return None
        found.append(clauses[:_CLAUSE_LIMIT])
    # NOTE: each needle is looked for on its own; past a few dozen, one scan by the
    # engine costs less. Keep the first group of each alternative, or nothing.
    if _count(found) > _EXACT_LIMIT:
        found = [clauses[:1] for clauses in found]
    return tuple(found) if _count(found) <= _EXACT_LIMIT else None


def _count(alternatives: list[Clauses]) -> int:
    return sum(len(clause) for clauses in alternatives for clause in clauses)


def _simplest(clauses: list[set[str]]) -> Clauses:
    """The same demand in fewer tests, the most selective first: a needle holding
    another of its group adds nothing ("April " beside "April"), nor does a group that
    another implies (each needle of "(TBC)", "(TBD)" holds one of "TBC", "TBD").

    NOTE: spaces around a needle of three characters or more are dropped: "April"
    filters almost as well as " April", and rules asking for the same needles share
    the search for them (``Passages.holding``)."""
    plain = [{_plain(needle) for needle in clause} for clause in clauses]
    minimal = {
        tuple(sorted(needle for needle in clause if not any(other in needle for other in clause if other != needle)))
        for clause in plain
    }
    kept = [
        clause
        for clause in minimal
        if not any(
            other != clause and all(any(needle in held for needle in clause) for held in other) for other in minimal
        )
    ]
    return tuple(sorted(kept, key=lambda clause: (_likelihood(clause), clause)))


def _plain(needle: str) -> str:
    stripped = needle.strip(" ")
    return stripped if len(stripped) >= 3 else needle


def _needles_seq(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The most selective of the clauses of ``items``."""
    return min(_clauses(items), key=_likelihood, default=None)


def _clauses(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """Sets of strings a text holding a match of ``items`` contains one of each: the
    runs of literal text ("September "), and what each other part needs."""
    clauses: list[set[str]] = []
    run: set[str] = {""}
    for op, av in items:
        exact = _exact_item(op, av, zero_width=True)
        if exact is not None:
            clauses.append(exact)
            joined = _joined(run, exact)
            if joined is None:
                clauses.append(run)
                run = exact
            else:
                run = joined
            if op is sre.ASSERT:
                clauses.extend(_own(op, av))
            continue
        repeated = _repeated(op, av)
        if repeated is not None:
            # The first repetitions follow the run; the last one touches what follows.
            least, once = repeated
            clauses.append(_joined(run, least) or least)
            run = once
            continue
        clauses.append(run)
        run = {""}
        clauses.extend(_own(op, av))
    clauses.append(run)
    return [clause for clause in clauses if clause and "" not in clause]


def _own(op: Any, av: Any) -> list[set[str]]:
    found = _needles_item(op, av)
    return [] if found is None else [found]


def _repeated(op: Any, av: Any) -> tuple[set[str], set[str]] | None:
    """For a repetition at least once of literal text: its least repetition ("  " for
    " {2,}") and one repetition, else None."""
    if op not in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) or not 1 <= av[0] <= _SET_LIMIT:
        return None
    once = _exact_seq(list(av[2]), zero_width=True)
    if once is None or "" in once:
        return None
    least: set[str] | None = {""}
    for _ in range(av[0]):
        least = _joined(least, once)
    return None if least is None else (least, once)


def _likelihood(needles: Collection[str]) -> float:
    """How likely a passage of prose is to hold one of the needles, roughly: per
    character, lower-case letters and spaces are common, capitals, digits and
    punctuation rarer. The least likely group is tested first."""
    return sum(_needle_likelihood(needle) for needle in needles)


def _needle_likelihood(needle: str) -> float:
    likelihood = 1.0
    for character in needle:
        if character == " ":
            likelihood *= 0.15
        elif "a" <= character <= "z":
            likelihood *= 0.05
        elif character.isascii():
            likelihood *= 0.01
        else:
            likelihood *= 0.002
    return likelihood


def _needles_item(op: Any, av: Any) -> set[str] | None:
    if op is sre.SUBPATTERN:
        return _needles_seq(list(av[3]))
    if op is sre.ATOMIC_GROUP:
        return _needles_seq(list(av))
    if op is sre.ASSERT:  # what a lookaround sees is in the text too
        return _needles_seq(list(av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _needles_seq(list(av[2]))
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _needles_seq(list(branch))
            if found is None:
                return None
            union |= found
            if len(union) > _EXACT_LIMIT:
                return None  # too many to test, and a long alternation filters little
        return union
    return None


def _exact_text(items: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """The strings the pattern matches, when it is literal text alone."""
    found = _exact_seq(items, zero_width=False)
    if found is None or "" in found:
        return None
    return tuple(sorted(found))


def _exact_seq(items: list[tuple[Any, Any]], zero_width: bool) -> set[str] | None:
    """Every string a match of ``items`` can consume, or None: not few, not literal.
    ``zero_width`` lets assertions through (they consume nothing)."""
    strings: set[str] | None = {""}
    for op, av in items:
        part = _exact_item(op, av, zero_width)
        if part is None:
            return None
        strings = _joined(strings, part)
        if strings is None:
            return None
    return strings


def _exact_item(op: Any, av: Any, zero_width: bool) -> set[str] | None:
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.IN:
        if len(av) <= _SET_LIMIT and all(member_op is sre.LITERAL for member_op, _ in av):
            return {chr(code) for _, code in av}
        return None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""} if zero_width else None
    if op is sre.SUBPATTERN:
        return _exact_seq(list(av[3]), zero_width)
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _exact_seq(list(branch), zero_width)
            if found is None:
                return None
            union |= found
        return union if len(union) <= _EXACT_LIMIT else None
    if op is sre.MAX_REPEAT or op is sre.MIN_REPEAT or op is sre.POSSESSIVE_REPEAT:
        low, high, repeated = av
        if (low, high) == (0, 1):
            found = _exact_seq(list(repeated), zero_width)
            return None if found is None else found | {""}
        if low == high == 1:
            return _exact_seq(list(repeated), zero_width)
    return None


def _joined(left: set[str] | None, right: set[str]) -> set[str] | None:
    if left is None or len(left) * len(right) > _EXACT_LIMIT:
        return None
    return {a + b for a, b in product(left, right)}


# ------------------------------------------------------------------ tail


def _tail(parsed: sre_parse.SubPattern) -> int | None:
    """The longest match, when every match ends where only whitespace follows."""
    items = list(parsed)
    if len(items) == 1 and items[0][0] is sre.BRANCH:
        branches = [list(branch) for branch in items[0][1][1]]
    else:
        branches = [items]
    if not all(branch and _ends_text(*branch[-1]) for branch in branches):
        return None
    if _has_reference(items):
        return None
    longest = parsed.getwidth()[1]
    return longest if longest <= _TAIL_LIMIT else None


def _ends_text(op: Any, av: Any) -> bool:
    """``$`` or ``\\Z``, or a lookahead of whitespace up to one of them (``(?=\\s*$)``)."""
    if op is sre.AT:
        return av in (sre.AT_END, sre.AT_END_STRING)
    if op is not sre.ASSERT or av[0] != 1:
        return False
    inside = list(av[1])
    return bool(inside) and _ends_text(*inside[-1]) and all(_only_space(*item) for item in inside[:-1])


def _only_space(op: Any, av: Any) -> bool:
    if op is sre.IN:
        return av == [(sre.CATEGORY, sre.CATEGORY_SPACE)]
    if op is sre.LITERAL:
        return chr(av).isspace()
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return all(_only_space(*item) for item in av[2])
    return False


def _has_reference(items: list[tuple[Any, Any]]) -> bool:
    for op, av in items:
        if op in (sre.GROUPREF, sre.GROUPREF_EXISTS):
            return True
        if op is sre.SUBPATTERN and _has_reference(list(av[3])):
            return True
        if op is sre.BRANCH and any(_has_reference(list(branch)) for branch in av[1]):
            return True
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and _has_reference(list(av[2])):
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT) and _has_reference(list(av[1])):
            return True
        if op is sre.ATOMIC_GROUP and _has_reference(list(av)):
            return True
    return False


__all__ = ["Needs", "needs"]
