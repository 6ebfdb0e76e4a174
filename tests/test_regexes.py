"""Compiled patterns kept across runs: rebuilt exactly as ``re.compile`` builds them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint import cache, regexes

PIECES = st.sampled_from(
    [r"a", r"\d{2,4}", r"(?P<name>[A-Z][a-z]+)", r"(?:x|yz)", r"\s+", r"[^\]\n]*", r"(?<=\w)", r"(?=\.)", r"\b", r"é", r"[\u2013-]", r"(b)?", r"\1"]
)
FLAGS = st.sampled_from([0, re.IGNORECASE, re.MULTILINE | re.DOTALL, re.VERBOSE, re.ASCII])


def forget() -> None:
    """What a new process knows: nothing compiled in memory, the store read afresh."""
    regexes._compiled.clear()
    regexes._PARTS._kept = None


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(PIECES, min_size=1, max_size=6), flags=FLAGS)
def test_a_pattern_is_compiled_as_re_compiles_it(pieces: list[str], flags: int) -> None:
    source = "".join(pieces)
    try:
        expected = re.compile(source, flags)
    except re.error:
        with pytest.raises(re.error):
            regexes.compile(source, flags)
        return
    assert regexes.compile(source, flags) == expected  # pattern equality compares the code


def test_a_pattern_compiled_in_one_run_is_rebuilt_in_the_next(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4}) test-only"
    forget()
    first = regexes.compile(source, re.IGNORECASE)
    cache.save_memos()
    forget()
    compiled_afresh: list[str] = []
    original = regexes._compile_keeping_parts
    monkeypatch.setattr(regexes, "_compile_keeping_parts", lambda *args: compiled_afresh.append(args[0]) or original(*args))
    second = regexes.compile(source, re.IGNORECASE)
    assert second == first and second.groupindex == first.groupindex
    assert second.match("3 May 2024 TEST-ONLY") is not None
    assert compiled_afresh == []


def test_a_damaged_stored_pattern_is_compiled_afresh(cache_home: Path) -> None:
    source = r"damaged-(\d+)"
    forget()
    regexes.compile(source)
    cache.save_memos()
    forget()
    flags, code, groups, names, by_index = regexes._PARTS.get((source, 0))  # type: ignore[misc]
    regexes._PARTS._entries()[(source, 0)] = (flags, [999999, *code], groups, names, by_index)
    regexes._compiled.clear()
    assert regexes.compile(source) == re.compile(source)


def test_an_invalid_pattern_raises_what_re_raises() -> None:
    with pytest.raises(re.error, match="missing \\)"):
        regexes.compile("(unclosed")


PATTERNS_OF_A_LINT = """
import json, sys
from ccmlint import regexes
from ccmlint.cli import main
main(["--isolated", "--format", "json", sys.argv[1]])
print(json.dumps(sorted(regexes._compiled)), file=sys.stderr)
"""


def test_a_lint_compiles_the_same_patterns_under_any_hash_seed(tmp_path: Path) -> None:
    """A pattern built from a set in its iteration order would differ from run to run:
    never found in the store, and written back to it on every run."""
    example = Path(__file__).resolve().parent.parent / "examples" / "planted-defects.txt"
    compiled = []
    for seed in ("1", "2"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "CCMLINT_NO_CACHE": "1"}
        done = subprocess.run(
            [sys.executable, "-c", PATTERNS_OF_A_LINT, str(example)], capture_output=True, text=True, env=environment, check=False
        )
        compiled.append(json.loads(done.stderr.strip().splitlines()[-1]))
    assert len(compiled[0]) > 100
    assert compiled[0] == compiled[1]
