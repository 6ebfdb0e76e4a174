"""Safe fixes: applied exactly, idempotent, written back as the file came, never to a bad file."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.cli import main
from ccmlint.diagnostics import Fix
from ccmlint.fixes import apply_fixes, fix_source, unified_diff
from ccmlint.source import Source, decode

RULE = """\
id: space-run
severity: warning
message: "{match} where one space is expected"
docs:
  summary: A run of spaces between words.
  rationale: One space separates words in UN style.
  example: {flagged: "The  Meeting", corrected: "The Meeting"}
  authority: United Nations Editorial Manual.
check:
  kind: pattern
  pattern: "(?<=\\\\S) {2,}(?=\\\\S)"
  replacement: " "
"""
TEXT = "The Meeting  adopted   its report.\nThe  end, said    the President.\n"
FIXED = "The Meeting adopted its report.\nThe end, said the President.\n"


def fix(text: str, start: int, end: int, replacement: str) -> Fix:
    return Fix(decode(text.encode(), "x").span(start, end), replacement)


# ---------------------------------------------------------------------- applying


def test_fixes_apply_at_their_spans_and_overlaps_wait() -> None:
    text = "abcdef"
    applied_text, applied = apply_fixes(text, [fix(text, 1, 3, "X"), fix(text, 2, 4, "Y"), fix(text, 4, 4, "+"), fix(text, 4, 4, "-")])
    assert applied_text == "aXd+ef"
    assert [f.replacement for f in applied] == ["X", "+"]


def test_a_fix_that_changes_nothing_is_not_counted() -> None:
    assert apply_fixes("abc", [fix("abc", 0, 1, "a")]) == ("abc", ())


# Hand-made "rules": a function from text to its fixes, as a linter would give them.
def whitespace_fixes(text: str) -> list[Fix]:
    return [fix(text, m.start(), m.end(), " ") for m in re.finditer(r"(?<=\S)[ \t]{2,}(?=\S)", text)]


def substitution_fixes(text: str) -> list[Fix]:
    return [fix(text, m.start(), m.end(), "programme") for m in re.finditer(r"\bprogram\b", text)]


def all_fixes(source: Source) -> list[Fix]:
    return whitespace_fixes(source.text) + substitution_fixes(source.text)


TEXTS = st.lists(st.sampled_from(["a", "b", " ", "  ", "\t", "\n", "program", "programme", ".", "é"]), max_size=40).map("".join)


@settings(deadline=None, max_examples=300)
@given(TEXTS)
def test_fixing_twice_is_fixing_once(text: str) -> None:
    once, _ = fix_source(decode(text.encode(), "x"), all_fixes)
    twice, count = fix_source(once, all_fixes)
    assert twice.text == once.text and count == 0


@settings(deadline=None, max_examples=300)
@given(TEXTS, st.data())
def test_text_outside_the_fixed_spans_is_unchanged(text: str, data: st.DataObject) -> None:
    candidates = whitespace_fixes(text) + substitution_fixes(text)
    chosen = data.draw(st.lists(st.sampled_from(candidates), unique=True) if candidates else st.just([]))
    result, applied = apply_fixes(text, chosen)
    # Rebuild from the pieces between applied spans: they must be the original text's.
    position, rebuilt = 0, []
    for item in applied:
        rebuilt.append(text[position : item.span.start])
        rebuilt.append(item.replacement)
        position = item.span.end
    rebuilt.append(text[position:])
    assert result == "".join(rebuilt)
    starts = [item.span.start for item in applied]
    assert starts == sorted(starts)
    assert all(a.span.end <= b.span.start for a, b in zip(applied, applied[1:]))


def test_unified_diff() -> None:
    assert unified_diff("r.txt", "a\nb", "a\nc") == "--- a/r.txt\n+++ b/r.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
    assert unified_diff("r.txt", "same\n", "same\n") == ""


# ---------------------------------------------------------------------- the command line


@pytest.fixture
def house(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with a rule that offers a fix, and the working directory."""
    monkeypatch.chdir(tmp_path)
    rules = tmp_path / "house"
    rules.mkdir()
    (rules / "space-run.yaml").write_text(RULE, encoding="utf-8")
    return rules


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["--isolated", "--rules", "house", "--select", "space-run", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("utf-8", b"", "\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("utf-16-le", b"\xff\xfe", "\r\n"), ("utf-16-be", b"\xfe\xff", "\r")],
)
def test_fix_keeps_encoding_bom_newlines_and_permissions(
    house: Path, capsys: pytest.CaptureFixture[str], encoding: str, bom: bytes, newline: str
) -> None:
    report = Path("report.txt")
    report.write_bytes(bom + TEXT.replace("\n", newline).encode(encoding))
    os.chmod(report, 0o640)
    code, out, err = run(capsys, "--fix", "report.txt")
    assert (code, out, err) == (0, "no findings in 1 file\n", "ccmlint: report.txt: applied 4 fixes\n")
    assert report.read_bytes() == bom + FIXED.replace("\n", newline).encode(encoding)
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert [path.name for path in report.parent.iterdir() if path.name.startswith(".")] == []  # no temporary left
    # a second --fix changes nothing and says nothing
    before = report.read_bytes()
    assert run(capsys, "--fix", "report.txt") == (0, "no findings in 1 file\n", "")
    assert report.read_bytes() == before


def test_mixed_line_ends_are_kept_line_by_line(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = Path("report.txt")
    report.write_bytes(b"The  one.\r\nThe  two.\nThe  three.\r\n")
    assert run(capsys, "--fix", "report.txt")[0] == 0
    assert report.read_bytes() == b"The one.\r\nThe two.\nThe three.\r\n"


def test_diff_shows_the_fixes_and_writes_nothing(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = Path("report.txt")
    report.write_text(TEXT, encoding="utf-8")
    code, out, err = run(capsys, "--diff", "report.txt")
    assert code == 1 and err == ""
    assert out == (
        "--- a/report.txt\n+++ b/report.txt\n@@ -1,2 +1,2 @@\n"
        "-The Meeting  adopted   its report.\n-The  end, said    the President.\n"
        "+The Meeting adopted its report.\n+The end, said the President.\n"
    )
    assert report.read_text(encoding="utf-8") == TEXT
    report.write_text(FIXED, encoding="utf-8")
    assert run(capsys, "--diff", "report.txt") == (0, "", "")


def test_a_file_that_failed_to_decode_is_never_written(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = Path("report.txt")
    data = "The  Meeting.\n".encode() + b"\xff\xfe broken  bytes\n"
    report.write_bytes(data)
    code, _, err = run(capsys, "--fix", "report.txt")
    assert code == 2 and "not valid UTF-8" in err
    assert report.read_bytes() == data


def test_waived_findings_are_not_fixed(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = Path("report.txt")
    report.write_text(TEXT, encoding="utf-8")
    assert run(capsys, "--write-baseline", "report.txt")[0] == 0
    assert run(capsys, "--fix", "report.txt") == (0, "4 waived in 1 file\n", "")
    assert report.read_text(encoding="utf-8") == TEXT


def test_fix_refuses_standard_input(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--fix", "-")
    assert code == 2 and "--fix cannot write back to standard input" in err
    assert main(["--fix", "--diff", "x.txt"]) == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_symbolic_link_stays_a_link(house: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = Path("real.txt")
    target.write_text(TEXT, encoding="utf-8")
    Path("report.txt").symlink_to(target)
    assert run(capsys, "--fix", "report.txt")[0] == 0
    assert Path("report.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == FIXED
