"""Strict YAML: plain data, positions per key path, and every rejection at its line."""

from __future__ import annotations

import pytest

from ccmlint.engine.errors import ConfigError
from ccmlint.engine.yamlsource import load_yaml


def test_data_and_positions() -> None:
    document = load_yaml(b"id: x\ncheck:\n  kind: subset\n  items:\n    - a\n    - b\nn: 3\nok: true\nnone: null\n", "f.yaml")
    assert document.data == {"id": "x", "check": {"kind": "subset", "items": ["a", "b"]}, "n": 3, "ok": True, "none": None}
    assert document.positions[("check", "kind")] == (3, 3)
    assert document.positions[("check", "items", 1)] == (6, 7)
    assert document.position(("check", "subset", "items", 0)) == (5, 7)  # a union tag is skipped
    assert document.position(("check", "absent")) == (2, 1)


def test_a_date_like_scalar_stays_text() -> None:
    assert load_yaml(b"flagged: 2024-09-10\n", "f.yaml").data == {"flagged": "2024-09-10"}


def test_a_bom_is_tolerated() -> None:
    assert load_yaml("\ufeffid: x\n".encode(), "f.yaml").data == {"id": "x"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"id: x\nseverity: error\nid: y\n", "f.yaml:3:1: duplicate key 'id' (first at line 1)"),
        (b"a: &anchor 1\n", "f.yaml:1:4: anchor '&anchor' is not allowed in rule files"),
        (b"a: 1\nb: *anchor\n", "f.yaml:2:4: alias '*anchor' is not allowed in rule files"),
        (b"a: [1, 2\nb: 3\n", "f.yaml:2:2: invalid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)"),
        (b"a: 1\n---\nb: 2\n", "f.yaml:2:1: invalid YAML: expected a single document in the stream but found another document"),
        (b"id: x\nmessage: caf\xe9\n", "f.yaml:2:13: not UTF-8: byte 0xe9 cannot be decoded"),
        (b"# only a comment\n", "f.yaml:1:1: the file holds no YAML document"),
        (b"a: !!python/object:os.system ls\n", "f.yaml:1:4: unsupported YAML tag 'tag:yaml.org,2002:python/object:os.system'"),
        (b"1: one\n", "f.yaml:1:1: keys must be plain strings"),
    ],
)
def test_rejections_name_file_line_and_column(raw: bytes, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_yaml(raw, "f.yaml")
    assert str(caught.value) == expected


def test_alias_bomb_is_refused_before_expansion() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]" for i in range(8)]
    with pytest.raises(ConfigError, match="^f.yaml:1:4: anchor '&a'"):
        load_yaml("\n".join(lines).encode(), "f.yaml")
