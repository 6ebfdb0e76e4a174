"""``engine: re``: the bundled pattern rules run on Python's ``re``, under a timer.

A rule may run on ``re`` only if its pattern finds exactly what the ``regex`` engine
finds (the documented engine, and the one used where no timer can be had); and a
runaway search must still stop, with the timer or with ``regex``'s own timeout.
"""

from __future__ import annotations

import signal
import threading
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.checks import pattern
from ccmlint.engine.context import Context
from ccmlint.facts import extract
from ccmlint.lint import Linter
from ccmlint.parse import parse
from ccmlint.schema import InvalidData, validate
from ccmlint.record import to_data
from ccmlint.source import decode
from ccmlint.timelimit import SearchTimer, TimeLimitExceeded

from tests.conftest import REPO, sample_reports


@cache
def re_engine_params() -> dict[str, pattern.Params]:
    """The bundled rules whose patterns run on ``re``, by id."""
    return {
        rule.id: rule.spec.check
        for rule in Linter.create().rules
        if isinstance(rule.spec.check, pattern.Params) and rule.spec.check.engine == "re"
    }


def texts() -> list[str]:
    """Prose the bundled rules meet: the examples, every rule fixture, the sample reports."""
    found = [path.read_text(encoding="utf-8") for path in sorted((REPO / "examples").glob("*.txt"))]
    for fixture in sorted((REPO / "tests" / "rules").glob("*.yaml")):
        cases = yaml.safe_load(fixture.read_text(encoding="utf-8"))["cases"] or {}
        found.extend(case["report"] for case in cases.values())
    found.extend(path.read_text(encoding="utf-8") for path in sample_reports())
    return found


def found_by_both(params: pattern.Params, text: str) -> tuple[list[Any], list[Any]]:
    """Each engine's matches of the rule's pattern, as the check searches (spans, groups)."""
    search = params.search
    start = search.needs.start(text)
    by_re = [(m.span(), m.groupdict()) for m in search.compiled_re.finditer(text, start)]
    by_regex = [(m.span(), m.groupdict()) for m in search.compiled.finditer(text, start)]
    return by_re, by_regex


def test_the_rules_that_run_on_re_are_the_bundled_pattern_rules() -> None:
    assert len(re_engine_params()) >= 8


@pytest.mark.parametrize("rule_id", sorted(re_engine_params()))
def test_re_finds_what_regex_finds_in_real_prose(rule_id: str) -> None:
    params = re_engine_params()[rule_id]
    total = 0
    for text in texts():
        for line in text.splitlines():
            by_re, by_regex = found_by_both(params, line)
            assert by_re == by_regex, line
            total += len(by_re)
    assert total > 0  # the prose gave the pattern something to find


PROSE_PIECES = st.sampled_from(
    [" ", "  ", "\t", "\n", ".", ",", ";", ":", "-", "–", "—", "(", ")", "[", "]", "”", '"', "’", "…", "?", "/",
     "1", "12", "2024", "3rd", "21st", "05/06/2024", "1.2", "Rule", "rules", "June", "December", "of",
     "TBC", "tbd", "XX", "x", "To be confirmed", "at a later stage", "; an", "; o", "Meeting", "a", "é"]
)


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(PROSE_PIECES, max_size=30))
def test_re_finds_what_regex_finds_in_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for rule_id, params in re_engine_params().items():
        by_re, by_regex = found_by_both(params, text)
        assert by_re == by_regex, rule_id


def test_a_pattern_re_cannot_run_is_refused_for_that_engine() -> None:
    validate(pattern.Params, dict(kind="pattern", pattern=r"\p{Lu}\w+"))  # regex runs it
    with pytest.raises(InvalidData, match="leave the engine to regex"):
        validate(pattern.Params, dict(kind="pattern", pattern=r"\p{Lu}\w+", engine="re"))
    with pytest.raises(InvalidData, match="unless"):
        validate(pattern.Params, dict(kind="pattern", pattern="x", unless=r"\p{Lu}", engine="re"))


RUNAWAY = "The Meeting noted " + "a" * 40 + " with interest (b).\n"


def search_runaway(monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    """Search ``(a|a)*b`` (it passes the load-time screen) where a run of a's is not
    followed by a b, on which backtracking engines take ages; the passage holds a b, so
    it is searched. Gives the outcome (the matches, or the error) and the engines used."""
    used: list[str] = []
    for name in ("_compile", "_compile_re"):
        original = getattr(pattern, name)
        monkeypatch.setattr(pattern, name, lambda *args, _name=name, _original=original: used.append(_name) or _original(*args))
    monkeypatch.setattr(pattern, "MATCH_SECONDS", 0.2)
    params = validate(pattern.Params, dict(kind="pattern", pattern="(a|a)*b", engine="re"))
    facts = extract(parse(decode(RUNAWAY.encode())))
    try:
        found = [str(finding.values["match"]) for finding in pattern.check(params, facts, Context())]
    except pattern.PatternTimeout:
        return "stopped", used
    return f"found {found}", used


def test_a_runaway_search_on_re_is_stopped_by_the_timer(monkeypatch: pytest.MonkeyPatch) -> None:
    before = signal.getsignal(signal.SIGALRM)
    assert search_runaway(monkeypatch) == ("stopped", ["_compile_re"])
    assert signal.getsignal(signal.SIGALRM) == before  # the program's handler is back
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_the_regex_engine_runs_the_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    """No timer in a thread: the regex engine runs the pattern, under its own timeout."""
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(search_runaway(monkeypatch)))
    worker.start()
    worker.join(timeout=30)
    assert outcome == [("stopped", ["_compile"])]


def test_a_program_that_uses_the_timer_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda number, frame: calls.append(number))
    try:
        with SearchTimer(1.0) as timer:
            assert not timer.active
        assert search_runaway(monkeypatch) == ("stopped", ["_compile"])  # by regex's timeout
        assert calls == []
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_the_timer_stops_a_search_and_is_disarmed_after() -> None:
    with SearchTimer(0.1) as timer:
        assert timer.active
        assert timer.bounded(lambda: 42) == 42
        with pytest.raises(TimeLimitExceeded):
            timer.bounded(lambda: __import__("re").match(r"(a|a)*b", "a" * 40))
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL


def test_the_example_lints_the_same_with_either_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    example = Path(REPO / "examples" / "planted-defects.txt")
    source = decode(example.read_bytes(), str(example))
    linter = Linter.create()
    with_re = to_data(linter.lint_source(source))
    monkeypatch.setattr(SearchTimer, "__enter__", lambda self: self)  # never active: regex runs every pattern
    with_regex = to_data(linter.lint_source(source))
    assert with_re == with_regex
    assert isinstance(with_re, list) and any(found["rule"] in re_engine_params() for found in with_re)
