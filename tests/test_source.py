"""Decoding: what encodings and line ends are read, and that positions are the original's."""

from __future__ import annotations

import codecs

import pytest

from ccmlint.source import DecodeError, decode, encode

TEXT = "I.\tIntroduction\nCôte d’Ivoire took part.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "bom"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8", True),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le", True),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be", True),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_supported_encodings_decode_to_the_same_text(data: bytes, encoding: str, bom: bool) -> None:
    source = decode(data)
    assert source.text == TEXT
    assert (source.encoding, source.bom) == (encoding, bom)
    assert encode(source, source.text) == data


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("Côte d'Ivoire\n".encode("cp1252"), r"not valid UTF-8: byte 0xf4 on line 1 \(byte offset 1\)"),
        (b"text\x00with a NUL\n", "binary file"),
        (TEXT.encode("utf-16-le"), "UTF-16 without a byte-order mark"),
    ],
    ids=["cp1252", "nul", "utf-16-no-bom"],
)
def test_undecodable_input_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason):
        decode(data)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_ends_are_normalised_and_remembered(newline: str) -> None:
    data = TEXT.replace("\n", newline).encode()
    source = decode(data)
    assert source.text == TEXT
    assert source.newline == newline
    assert encode(source, source.text) == data


def test_mixed_line_ends_round_trip_exactly() -> None:
    data = b"one\r\ntwo\nthree\rfour"
    source = decode(data)
    assert source.text == "one\ntwo\nthree\nfour"
    assert encode(source, source.text) == data


def test_positions_count_characters_in_the_original_lines() -> None:
    source = decode("ab\r\nCôte d’Ivoire\r\n".encode())
    start = source.text.index("Ivoire")
    span = source.span(start, start + len("Ivoire"))
    assert (span.line, span.column, span.end_line, span.end_column) == (2, 8, 2, 14)
    assert source.line_text(2)[span.column - 1 : span.end_column - 1] == "Ivoire"
