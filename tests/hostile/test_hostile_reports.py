"""Hostile and broken reports, through the command line in this process.

Each case gets its exact exit code, the exact one line on stderr when the report
cannot be read, and stdout still in its format. Inputs that could hang or take
much memory if something regressed run in a subprocess instead
(test_hostile_pathological.py).
"""

from __future__ import annotations

import contextlib
import errno
import io
import itertools
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import CLEAN, DEFECTS, REPORT, REPORT_FINDING, check, check_one_error, check_stdout, located, records, run_cli

import ccmlint.reading as reading
import ccmlint.lint as lint_module
from ccmlint.cli import main

Capsys = pytest.CaptureFixture[str]
LIMIT_MESSAGE = "larger than the limit of {limit:,} bytes; raise it with --max-bytes if this really is one report"
NOT_REGULAR = "is not a regular file (a pipe, device or socket); save the report to a file"


def write(directory: Path, name: str, data: bytes | str) -> Path:
    path = directory / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def defects_text() -> str:
    return DEFECTS.read_bytes().decode("utf-8")


# ---------------------------------------------------------------- empty and binary


@pytest.mark.parametrize(
    "data",
    [b"", b"\n", b" \t\n\n\t \n", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\r", b"\r\n\r\n"],
    ids=["empty", "newline", "blanks", "utf8-bom-only", "utf16le-bom-only", "utf16be-bom-only", "lone-cr", "crlfs"],
)
def test_an_empty_report_lints_clean(data: bytes, tmp_path: Path, capsys: Capsys) -> None:
    run = run_cli(capsys, str(write(tmp_path, "empty.txt", data)))
    check(run, 0)
    assert run.out.splitlines()[-1] == "no findings in 1 file"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bytes(range(256)) * 64, "not valid UTF-8: byte 0x80 on line 2 (byte offset 128) cannot be decoded; save the file as UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not valid UTF-8: byte 0x89 on line 1 (byte offset 0) cannot be decoded; save the file as UTF-8"),
        (b"\x7fELF\x02\x01\x01" + bytes(4089), "contains NUL characters: this is a binary file, not a text report"),
        (b"\x1f\x8b\x08\x00" + bytes(2048), "not valid UTF-8: byte 0x8b on line 1 (byte offset 1) cannot be decoded; save the file as UTF-8"),
    ],
    ids=["all-bytes", "png", "elf", "gzip"],
)
def test_a_binary_file_is_refused(data: bytes, message: str, tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", data)
    check(run_cli(capsys, str(path)), 2, f"{path}: {message}")


@pytest.mark.parametrize("name", ["report.txt", "report.docx"])
def test_a_truncated_zip_archive_is_refused(name: str, tmp_path: Path, capsys: Capsys) -> None:
    # A zip header is read as a Word document; its wording belongs to ccmlint.docx.
    path = write(tmp_path, name, b"PK\x03\x04\x14\x00\x06\x00" * 512)
    run = run_cli(capsys, str(path))
    check_one_error(run, f"{path}: ")
    check_stdout(run.out)


def test_nul_bytes_in_text_are_refused(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", REPORT.replace("Austria,", "Aus\x00tria,"))
    check(run_cli(capsys, str(path)), 2, f"{path}: contains NUL characters: this is a binary file, not a text report")


def test_a_binary_file_in_json_output_leaves_an_empty_array(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.bin", bytes(range(256)))
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 2, f"{path}: not valid UTF-8: byte 0x80 on line 2 (byte offset 128) cannot be decoded; save the file as UTF-8", output="json")
    assert json.loads(run.out) == []


# ---------------------------------------------------------------- size


def test_a_50_mb_file_is_refused_without_being_read(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    line = REPORT.encode("utf-8")
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(line)):
            handle.write(line)
        handle.write(b"x" * (50 * 1024 * 1024 - handle.tell()))
    opened: list[str] = []
    real_open = os.open

    def spy(file: Any, *args: Any, **kwargs: Any) -> int:
        opened.append(os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", spy)
    run = run_cli(capsys, str(path))
    check(run, 2, f"{path}: is 52,428,800 bytes, " + LIMIT_MESSAGE.format(limit=20 * 1024 * 1024))
    assert str(path) not in opened, "the size alone must refuse it"


def test_max_bytes_is_the_exact_limit(tmp_path: Path, capsys: Capsys) -> None:
    size = CLEAN.stat().st_size
    run = run_cli(capsys, "--max-bytes", str(size - 1), str(CLEAN))
    check(run, 2, f"{CLEAN}: is {size:,} bytes, " + LIMIT_MESSAGE.format(limit=size - 1))
    check(run_cli(capsys, "--max-bytes", str(size), str(CLEAN)), 0)


def test_max_bytes_raises_the_limit_above_the_default(tmp_path: Path, capsys: Capsys) -> None:
    # Linting 21 MB of text takes minutes, so the file ends in a byte that is not
    # UTF-8: the decoding error, at the file's last byte, shows that all of it was read.
    size = 21 * 1024 * 1024
    path = tmp_path / "long.txt"
    path.write_bytes(b"x" * (size - 1) + b"\xff")
    check(run_cli(capsys, str(path)), 2, f"{path}: is {size:,} bytes, " + LIMIT_MESSAGE.format(limit=20 * 1024 * 1024))
    run = run_cli(capsys, "--max-bytes", str(25 * 1024 * 1024), str(path))
    check(run, 2, f"{path}: not valid UTF-8: byte 0xff on line 1 (byte offset {size - 1}) cannot be decoded; save the file as UTF-8")


def test_max_bytes_bounds_standard_input(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    data = REPORT.encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data * 10)))
    check(run_cli(capsys, "--max-bytes", "100", "-"), 2, "<stdin>: is " + LIMIT_MESSAGE.format(limit=100))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    run = run_cli(capsys, "--format", "json", "--max-bytes", str(len(data)), "-")
    check(run, 1, output="json")
    assert [record["path"] for record in records(run.out)] == ["<stdin>"]
    assert located(run.out) == [REPORT_FINDING]


def test_the_facts_command_has_the_same_limit(capsys: Capsys) -> None:
    size = CLEAN.stat().st_size
    run = run_cli(capsys, "facts", "--max-bytes", "1000", str(CLEAN))
    assert (run.code, run.out) == (2, "")
    assert run.err == f"ccmlint: {CLEAN}: is {size:,} bytes, " + LIMIT_MESSAGE.format(limit=1000) + "\n"


@pytest.mark.parametrize(
    ("value", "problem"),
    [("0", "must be at least 1 byte: '0'"), ("-5", "must be at least 1 byte: '-5'"), ("20MB", "not a whole number of bytes: '20MB'")],
)
def test_a_bad_max_bytes_is_a_usage_error(value: str, problem: str, capsys: Capsys) -> None:
    run = run_cli(capsys, f"--max-bytes={value}", str(CLEAN))
    assert (run.code, run.out) == (2, "")
    assert "Traceback" not in run.err
    assert run.err.splitlines()[-1] == f"ccmlint: error: argument --max-bytes: {problem}"


# ---------------------------------------------------------------- encodings and line ends


@pytest.fixture(scope="module")
def defects_findings() -> list[tuple[Any, ...]]:
    """The planted report's findings as written (UTF-8, LF), computed once."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(["--format", "json", str(DEFECTS)]) == 1
    return located(out.getvalue())


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8-sig", "\n"), ("utf-16", "\r\n"), ("utf-16-le-bom", "\n"), ("utf-16-be-bom", "\r\n")],
    ids=["utf8-bom-lf", "utf16-crlf", "utf16le-bom-lf", "utf16be-bom-crlf"],
)
def test_a_report_with_a_bom_gives_the_same_findings(
    encoding: str, newline: str, tmp_path: Path, capsys: Capsys, defects_findings: list[tuple[Any, ...]]
) -> None:
    text = defects_text().replace("\n", newline)
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    path = write(tmp_path, "report.txt", data)
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 1, output="json")
    assert located(run.out) == defects_findings


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_refused(codec: str, tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", REPORT.encode(codec))
    check(run_cli(capsys, str(path)), 2, f"{path}: looks like UTF-16 without a byte-order mark; save it as UTF-8 (or UTF-16 with a BOM)")


def test_truncated_utf16_is_refused(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", b"\xff\xfe" + REPORT.encode("utf-16-le") + b"x")
    line = check_one_error(run_cli(capsys, str(path)), f"{path}: not valid UTF-16-LE: ")
    assert line.endswith("cannot be decoded; save the file as UTF-8")


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_a_windows_code_page_file_is_refused_as_not_utf8(codec: str, tmp_path: Path, capsys: Capsys) -> None:
    text = "The Meeting was held in Geneva.\nCôte d'Ivoire and Türkiye took part.\n"
    path = write(tmp_path, "report.txt", text.encode(codec))
    check(
        run_cli(capsys, str(path)),
        2,
        f"{path}: not valid UTF-8: byte 0xf4 on line 2 (byte offset 33) cannot be decoded; save the file as UTF-8",
    )


def test_cp1252_punctuation_is_refused_as_not_utf8(tmp_path: Path, capsys: Capsys) -> None:
    # Word's curly quotes and dashes are the usual code-page bytes: 0x93, 0x94, 0x96.
    path = write(tmp_path, "report.txt", "The “Meeting” – held.\n".encode("cp1252"))
    check(run_cli(capsys, str(path)), 2, f"{path}: not valid UTF-8: byte 0x93 on line 1 (byte offset 4) cannot be decoded; save the file as UTF-8")


def _mixed(text: str) -> str:
    # NOTE: a lone CR is never followed by an LF end, which would make the two one CRLF.
    ends = ["\r\n", "\n", "\r"]
    lines = text.split("\n")
    return "".join(line + ends[index % 3] for index, line in enumerate(lines[:-1])) + lines[-1]


@pytest.mark.parametrize(
    "convert",
    [lambda text: text.replace("\n", "\r\n"), lambda text: text.replace("\n", "\r"), _mixed],
    ids=["crlf", "lone-cr", "mixed"],
)
def test_line_ends_do_not_move_the_findings(convert: Any, tmp_path: Path, capsys: Capsys, defects_findings: list[tuple[Any, ...]]) -> None:
    path = write(tmp_path, "report.txt", convert(defects_text()))
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 1, output="json")
    assert located(run.out) == defects_findings


def test_control_and_separator_characters_keep_positions_in_the_file(tmp_path: Path, capsys: Capsys) -> None:
    # A form feed is Word's page break; several others are line separators to
    # str.splitlines but not to the report's line index. Every finding must still
    # point into the file.
    characters = ["\x0c", "\x0b", "\x1c", "\x85", "\u2028", "\u2029", "\x1b[31m", "\ufeff"]
    lines = defects_text().split("\n")
    text = "\n".join(line + characters[index % len(characters)] if line else line for index, line in enumerate(lines))
    counter = itertools.count()
    text = re.sub(r"\. ", lambda _: "." + characters[next(counter) % len(characters)] + " ", text, count=80)
    path = write(tmp_path, "report.txt", text)
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 1, output="json")
    lines = text.split("\n")
    for record in json.loads(run.out):
        assert 1 <= record["line"] <= record["end_line"] <= len(lines)
        assert 1 <= record["column"] <= len(lines[record["line"] - 1]) + 1
        assert 1 <= record["end_column"] <= len(lines[record["end_line"] - 1]) + 1


# ---------------------------------------------------------------- footnotes


FOOTNOTES = """\
\tI.\tOrganization of the Meeting
The Fourteenth Meeting of States Parties was held in Geneva from 8 to 11 September 2026.[footnoteRef:1] [1: \t \tCCM/MSP/2026/1.]
The following States Parties participated in the work of the Meeting: Austria, Chile and Ghana.[footnoteRef:2] [2: \t \tCCM/MSP/2026/INF.1.]
The Meeting adopted its agenda.[footnoteRef:99999]
"""


def test_an_unclosed_footnote_text_is_reported_and_the_rest_still_read(tmp_path: Path, capsys: Capsys) -> None:
    text = FOOTNOTES.replace("[footnoteRef:99999]", "[footnoteRef:3] [3: \t \tIssued in English only…") + (
        "\nAt its first plenary session, the Meeting elected Chile and Mexico as Vice-Presidents.\n"
    )
    path = write(tmp_path, "report.txt", text)
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 1, output="json")
    found = {(line, column, rule) for line, column, _, _, rule, _, _ in located(run.out)}
    assert {(4, 48, "footnote-text-unclosed"), (6, 61, "vice-president-not-participant")} <= found
    check_stdout(run_cli(capsys, str(path)).out)


@pytest.mark.parametrize("ending", ["", "\n"], ids=["at-end-of-file", "last-line"])
def test_an_unclosed_footnote_text_at_the_end_of_the_file(ending: str, tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", FOOTNOTES.replace("[footnoteRef:99999]\n", "[footnoteRef:3]\n\n[3: …" + ending))
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 1, output="json")
    assert (6, 1, "footnote-text-unclosed") in {(line, column, rule) for line, column, _, _, rule, _, _ in located(run.out)}


def test_a_reference_to_footnote_99999(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", FOOTNOTES)
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 1, output="json")
    found = located(run.out)
    assert (4, 32, 4, 51, "footnote-reference-without-text", "error", "footnote reference 99999 has no footnote text") in found
    assert all(record["path"] == str(path) for record in records(run.out))


def test_a_footnote_number_too_long_to_be_one_is_a_malformed_marker(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", FOOTNOTES.replace("99999", "99999999999999999999"))
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 1, output="json")
    rules = {rule for line, _, _, _, rule, _, _ in located(run.out) if line == 4}
    assert "word-marker-malformed" in rules and "footnote-reference-without-text" not in rules


# ---------------------------------------------------------------- files that are not there or not files


def test_a_directory_is_refused(tmp_path: Path, capsys: Capsys) -> None:
    check(run_cli(capsys, str(tmp_path)), 2, f"{tmp_path}: is a directory; name the report files to check")


def test_a_device_is_refused(capsys: Capsys) -> None:
    if not os.path.exists(os.devnull) or os.name != "posix":
        pytest.skip("needs /dev/null")
    check(run_cli(capsys, os.devnull), 2, f"{os.devnull}: {NOT_REGULAR}")


def test_a_missing_file(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "nothing.txt"
    check(run_cli(capsys, str(path)), 2, f"{path}: no such file")


def test_a_broken_symbolic_link(tmp_path: Path, capsys: Capsys) -> None:
    link = tmp_path / "report.txt"
    link.symlink_to(tmp_path / "gone.txt")
    check(run_cli(capsys, str(link)), 2, f"{link}: is a broken symbolic link")


def _loop(directory: Path) -> Path:
    (directory / "a.txt").symlink_to(directory / "b.txt")
    (directory / "b.txt").symlink_to(directory / "a.txt")
    return directory / "a.txt"


def test_a_symbolic_link_loop_is_one_line(tmp_path: Path, capsys: Capsys) -> None:
    check_one_error(run_cli(capsys, str(_loop(tmp_path))), "")


def test_a_symbolic_link_loop_cannot_be_read(tmp_path: Path, capsys: Capsys) -> None:
    path = _loop(tmp_path)
    check_one_error(run_cli(capsys, str(path)), f"{path}: cannot be read: ")


def test_an_unreadable_file(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("this user can read a file with mode 000 (root); test_a_file_that_cannot_be_opened simulates it")
        check(run_cli(capsys, str(path)), 2, f"{path}: cannot be read: Permission denied")
    finally:
        path.chmod(0o644)


def _failing_open(monkeypatch: pytest.MonkeyPatch, path: Path, error: OSError) -> None:
    real_open = os.open

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> int:
        if os.fspath(file) == str(path):
            raise error
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(reading.os, "open", fake_open)


def test_a_file_that_cannot_be_opened(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    _failing_open(monkeypatch, path, PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path)))
    check(run_cli(capsys, str(path)), 2, f"{path}: cannot be read: {os.strerror(errno.EACCES)}")


def test_a_file_that_disappears_between_stat_and_open(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    _failing_open(monkeypatch, path, FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path)))
    check(run_cli(capsys, str(path)), 2, f"{path}: disappeared before it could be read")


def test_a_read_that_fails_midway(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "report.txt", REPORT)
    real_fdopen = os.fdopen

    class Failing(io.RawIOBase):
        def __init__(self, descriptor: int) -> None:
            self.inner = real_fdopen(descriptor, "rb")

        def fileno(self) -> int:
            return self.inner.fileno()

        def read(self, size: int = -1) -> bytes:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

        def close(self) -> None:
            self.inner.close()
            super().close()

    monkeypatch.setattr(reading.os, "fdopen", lambda descriptor, mode: Failing(descriptor))
    check(run_cli(capsys, str(path)), 2, f"{path}: cannot be read: {os.strerror(errno.EIO)}")


def test_a_file_deleted_while_another_is_linted_loses_no_findings(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    first = write(tmp_path, "first.txt", REPORT)
    second = write(tmp_path, "second.txt", REPORT)
    third = write(tmp_path, "third.txt", REPORT)
    read_report = lint_module.read_report

    def read_then_delete(path: str, *arguments: Any) -> Any:
        source = read_report(path, *arguments)
        if path == str(first):
            second.unlink()
        return source

    monkeypatch.setattr(lint_module, "read_report", read_then_delete)
    run = run_cli(capsys, "--format", "json", str(first), str(second), str(third))
    check(run, 2, f"{second}: no such file", output="json")
    assert [record["path"] for record in records(run.out)] == [str(first), str(third)]
    assert located(run.out) == [REPORT_FINDING, REPORT_FINDING]


def test_each_unreadable_file_gets_its_line_and_the_others_are_linted(tmp_path: Path, capsys: Capsys) -> None:
    good = write(tmp_path, "good.txt", REPORT)
    binary = write(tmp_path, "binary.txt", b"\xff" + bytes(range(256)))
    run = run_cli(capsys, "--format", "json", str(binary), str(tmp_path), str(good))
    check(
        run,
        2,
        f"{binary}: not valid UTF-8: byte 0xff on line 1 (byte offset 0) cannot be decoded; save the file as UTF-8",
        f"{tmp_path}: is a directory; name the report files to check",
        output="json",
    )
    assert [record["path"] for record in records(run.out)] == [str(good)]
    assert located(run.out) == [REPORT_FINDING]


# ---------------------------------------------------------------- standard input


def test_closed_standard_input(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    check(run_cli(capsys, "-"), 2, "<stdin>: standard input is closed; name the report file instead of -")


def test_standard_input_that_fails(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    class Failing(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    stream = io.TextIOWrapper(io.BufferedReader(Failing()))
    monkeypatch.setattr(sys, "stdin", stream)
    check(run_cli(capsys, "-"), 2, f"<stdin>: standard input cannot be read: {os.strerror(errno.EIO)}")


def test_binary_standard_input(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bytes(range(256)))))
    check(run_cli(capsys, "-"), 2, "<stdin>: not valid UTF-8: byte 0x80 on line 2 (byte offset 128) cannot be decoded; save the file as UTF-8")


# ---------------------------------------------------------------- the facts command


def test_the_facts_command_refuses_the_same_inputs(tmp_path: Path, capsys: Capsys) -> None:
    binary = write(tmp_path, "binary.txt", bytes(range(256)))
    for arguments, line in [
        ((str(binary),), f"{binary}: not valid UTF-8: byte 0x80 on line 2 (byte offset 128) cannot be decoded; save the file as UTF-8"),
        ((str(tmp_path),), f"{tmp_path}: is a directory; name the report files to check"),
        ((str(tmp_path / "none.txt"),), f"{tmp_path / 'none.txt'}: no such file"),
    ]:
        run = run_cli(capsys, "facts", *arguments)
        assert (run.code, run.out, run.err) == (2, "", f"ccmlint: {line}\n")
    empty = write(tmp_path, "empty.txt", b"")
    run = run_cli(capsys, "facts", str(empty))
    assert (run.code, run.err) == (0, "")
    assert json.loads(run.out)["meeting"] is None


# ---------------------------------------------------------------- missing facts and failing rules


def test_missing_facts_are_said_once(tmp_path: Path, capsys: Capsys) -> None:
    text = REPORT.replace("The following States Parties participated in the work of the Meeting: Austria, Chile and Ghana.\n", "")
    text += "The Meeting elected Ambassador Jane Doe of Chile as President of the Fourteenth Meeting of States Parties.\n"
    text += "At its second plenary session, the Meeting elected Peru and Ghana as Vice-Presidents.\n"
    path = write(tmp_path, "report.txt", text)
    run = run_cli(capsys, "--format", "json", str(path))
    check(run, 0, output="json")
    missing = [finding for finding in located(run.out) if finding[4] == "facts-missing"]
    assert missing == [
        (1, 1, 1, 1, "facts-missing", "info", "no 'participants.states_parties' found in this report,"
         " so rules president-state-not-participant, vice-president-not-participant could not check against it")
    ]
    check(run_cli(capsys, "--fail-on", "info", str(path)), 1)


def test_a_rule_that_raises_is_an_internal_error_and_the_other_findings_remain(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    from ccmlint.checks import KINDS

    expected = run_cli(capsys, "--format", "json", str(DEFECTS))
    assert "footnote-number-duplicated" in {finding[4] for finding in located(expected.out)}, "the planted report has one"

    def boom(*arguments: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(KINDS["unique"], "check", boom)
    run = run_cli(capsys, "--format", "json", str(DEFECTS))
    unique_rules = ("footnote-number-duplicated", "footnote-reference-duplicated")
    # One line on stderr per failing rule and file, besides the finding on stdout.
    check(run, 2, *(f"internal error in rule {rule} on {DEFECTS}; other rules ran; please report" for rule in unique_rules), output="json")
    found = located(run.out)
    assert [finding for finding in found if finding[4] == "internal-error"] == [
        (1, 1, 1, 1, "internal-error", "error", f"rule {rule} failed on this report (RuntimeError: boom); its findings are missing")
        for rule in unique_rules
    ]
    kept = [finding for finding in located(expected.out) if finding[4] not in unique_rules]
    assert kept and all(finding in found for finding in kept)


def test_each_failing_rule_is_said_once_per_file_on_stderr(tmp_path: Path, capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    from ccmlint.checks import KINDS

    def boom(*arguments: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(KINDS["unique"], "check", boom)
    copy = write(tmp_path, "copy.txt", DEFECTS.read_bytes())
    lines = [
        f"internal error in rule {rule} on {path}; other rules ran; please report"
        for path in (DEFECTS, copy)
        for rule in ("footnote-number-duplicated", "footnote-reference-duplicated")
    ]
    check(run_cli(capsys, str(DEFECTS), str(copy)), 2, *lines)
    # --diff shows no findings: the line on stderr and the exit code are all that say so.
    run = run_cli(capsys, "--diff", str(DEFECTS), str(copy))
    assert (run.code, run.err) == (2, "".join(f"ccmlint: {line}\n" for line in lines))


# ---------------------------------------------------------------- the summary line


@pytest.mark.parametrize("kind", ["directory", "missing", "broken-link", "too-large"])
def test_a_file_not_read_is_not_counted_as_linted(kind: str, tmp_path: Path, capsys: Capsys) -> None:
    good = write(tmp_path, "good.txt", REPORT)
    if kind == "directory":
        bad, error, options = tmp_path / "folder", "is a directory; name the report files to check", ()
        bad.mkdir()
    elif kind == "missing":
        bad, error, options = tmp_path / "missing.txt", "no such file", ()
    elif kind == "broken-link":
        bad, error, options = tmp_path / "link.txt", "is a broken symbolic link", ()
        bad.symlink_to(tmp_path / "nowhere.txt")
    else:
        bad = write(tmp_path, "big.txt", REPORT * 100)
        error = f"is {bad.stat().st_size:,} bytes, " + LIMIT_MESSAGE.format(limit=len(REPORT) * 10)
        options = ("--max-bytes", str(len(REPORT) * 10))
    run = run_cli(capsys, *options, str(bad))
    check(run, 2, f"{bad}: {error}")
    assert run.out == "no findings in 0 files, 1 file not linted\n"
    run = run_cli(capsys, *options, str(good), str(bad), str(good))
    check(run, 2, f"{bad}: {error}")
    assert run.out.splitlines()[-1] == "2 warnings in 2 files, 1 file not linted"


def test_a_file_not_read_in_json_and_sarif(tmp_path: Path, capsys: Capsys) -> None:
    """JSON is an array of findings and has none for it (stderr and exit 2 say why);
    SARIF marks the run unsuccessful with a notification naming the file."""
    good = write(tmp_path, "good.txt", REPORT)
    missing = tmp_path / "missing.txt"
    run = run_cli(capsys, "--format", "json", str(good), str(missing))
    check(run, 2, f"{missing}: no such file", output="json")
    assert [record["path"] for record in records(run.out)] == [str(good)]
    run = run_cli(capsys, "--format", "sarif", str(good), str(missing))
    assert (run.code, run.err) == (2, f"ccmlint: {missing}: no such file\n")
    (invocation,) = json.loads(run.out)["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["message"]["text"] == f"{missing}: no such file"
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("missing.txt")


def test_the_summary_pattern_accepts_every_form_of_the_line() -> None:
    from datetime import date

    from ccmlint.diagnostics import Diagnostic, Severity
    from ccmlint.output.results import Acceptance, FileResult, Report, Waived
    from ccmlint.output.text import summary
    from ccmlint.span import Span
    from hostile_helpers import SUMMARY

    def finding(severity: Severity) -> Diagnostic:
        return Diagnostic("r.txt", "some-rule", severity, "message", Span(0, 1, 1, 1, 1, 2))

    waived = Waived(finding(Severity.WARNING), Acceptance("Intended.", "A. Editor", date(2026, 1, 1), None, "r.waivers.yaml", 2))
    unread = FileResult("gone.txt", None, error="no such file")
    cases = {
        "no findings in 1 file": Report((FileResult("r.txt", None),)),
        "1 error, 2 warnings, 1 info in 1 file": Report(
            (FileResult("r.txt", None, (finding(Severity.ERROR), finding(Severity.WARNING), finding(Severity.WARNING), finding(Severity.INFO))),)
        ),
        "1 warning, 1 waived in 2 files": Report((FileResult("r.txt", None, (finding(Severity.WARNING),), waived=(waived,)), FileResult("s.txt", None))),
        "1 waived in 1 file": Report((FileResult("r.txt", None, waived=(waived,)),)),
        "1 info, 1 waived in 1 file, 2 files not linted": Report(
            (FileResult("r.txt", None, (finding(Severity.INFO),), waived=(waived,)), unread, unread)
        ),
        "no findings in 0 files, 1 file not linted": Report((unread,)),
    }
    for line, report in cases.items():
        assert summary(report) == line
        assert SUMMARY.match(line), line
    assert not SUMMARY.match("1 waived, 1 error in 1 file")


# ---------------------------------------------------------------- file names on one line


def _escaped(path: Path) -> str:
    return str(path).replace("\n", "\\n").replace("\r", "\\r").replace("\x1b", "\\x1b").replace("\u2028", "\\u2028")


def test_a_file_name_with_control_characters_stays_on_one_line(tmp_path: Path, capsys: Capsys) -> None:
    named = write(tmp_path, "draft\nfinal\x1b[31m.txt", REPORT)
    missing = tmp_path / "gone\r\n\u2028.txt"
    run = run_cli(capsys, str(named), str(missing))
    check(run, 2, f"{_escaped(missing)}: no such file")
    lines = run.out.splitlines()
    assert f"==> {_escaped(named)} <==" in lines
    assert f"{_escaped(named)}:4:61: warning [vice-president-not-participant] " + REPORT_FINDING[6] in lines
    assert "\x1b" not in run.out and "\u2028" not in run.out
    # Machine formats keep the real name.
    run = run_cli(capsys, "--format", "json", str(named), str(missing))
    assert [record["path"] for record in records(run.out)] == [str(named)]
    assert run.err == f"ccmlint: {_escaped(missing)}: no such file\n"


def test_notes_about_a_file_name_with_a_newline_stay_on_one_line(tmp_path: Path, capsys: Capsys) -> None:
    named = write(tmp_path, "draft\nfinal.txt", DEFECTS.read_bytes())
    run = run_cli(capsys, "--fix", "--exit-zero", "-q", str(named))
    assert run.code == 0 and run.err.count("\n") == 1
    assert run.err.startswith(f"ccmlint: {_escaped(named)}: applied ")


# ---------------------------------------------------------------- the facts command on standard input


def test_the_facts_command_names_standard_input_as_lint_does(capsys: Capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytes(range(256))
    message = "<stdin>: not valid UTF-8: byte 0x80 on line 2 (byte offset 128) cannot be decoded; save the file as UTF-8"
    for command in (("facts", "-"), ("-",)):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        run = run_cli(capsys, *command)
        assert (run.code, run.err) == (2, f"ccmlint: {message}\n")
    monkeypatch.setattr(sys, "stdin", None)
    run = run_cli(capsys, "facts", "-")
    assert (run.code, run.out, run.err) == (2, "", "ccmlint: <stdin>: standard input is closed; name the report file instead of -\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(REPORT.encode("utf-8"))))
    run = run_cli(capsys, "facts", "-")
    assert run.code == 0 and json.loads(run.out)["meeting"] is not None


def test_the_diff_of_a_file_name_with_a_newline_keeps_one_header_line(tmp_path: Path, capsys: Capsys) -> None:
    named = write(tmp_path, "draft\nfinal.txt", DEFECTS.read_bytes())
    run = run_cli(capsys, "--diff", str(named))
    assert run.code == 1
    assert run.out.startswith(f"--- a/{_escaped(named)}\n+++ b/{_escaped(named)}\n@@ ")


def test_an_escape_sequence_in_a_chapter_heading_never_reaches_the_terminal(tmp_path: Path, capsys: Capsys) -> None:
    path = write(tmp_path, "report.txt", REPORT.replace("Organization of", "Organization\x1b[2J of"))
    run = run_cli(capsys, "--color", "never", str(path))
    check(run, 1)
    assert "\x1b" not in run.out
    assert "-- I. Organization\u241b[2J of the Meeting" in run.out.splitlines()
