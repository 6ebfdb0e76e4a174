"""Every way a rule file can be wrong gives one error naming its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmlint.checks import KINDS
from ccmlint.engine.errors import ConfigError
from ccmlint.engine.loader import load_rule, load_rules

PATH = "rules/ccm/vp-test.yaml"
KNOWN_KINDS = ", ".join(sorted(KINDS))
GOOD = """\
id: vp-test
severity: warning
message: "{value} is not a participant"
docs:
  summary: S.
  rationale: R.
  example:
    flagged: F.
    corrected: C.
  authority: A.
check:
  kind: subset
  items: officers.vice_presidents
  within: participants.states_parties
  near_miss_message: "{value} ~ {closest}"
"""


def error_for(text: str, path: str = PATH) -> str:
    with pytest.raises(ConfigError) as caught:
        load_rule(text.encode(), path, "ccm")
    return str(caught.value)


def test_the_good_rule_loads() -> None:
    rule = load_rule(GOOD.encode(), PATH, "ccm")
    assert (rule.id, str(rule.severity), rule.pack, rule.source, rule.line) == ("vp-test", "warning", "ccm", PATH, 1)
    assert rule.template("near_miss_message") == "{value} ~ {closest}"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # unknown keys, at every level
        ("check:\n", "chek: 1\ncheck:\n", "11:1: unknown key 'chek' in rule 'vp-test'"),
        ("  summary: S.\n", "  sumary: S.\n", "5:3: unknown key 'sumary' in 'docs'"),
        ("    flagged: F.\n", "    flagged: F.\n    fixed: G.\n", "9:5: unknown key 'fixed' in 'docs.example'"),
        ("  items:", "  itmes:", "13:3: unknown key 'itmes' in 'check'"),
        # unknown kind; missing kind
        ("kind: subset", "kind: subsett", f"12:3: unknown check kind 'subsett' (known kinds: {KNOWN_KINDS})"),
        ("  kind: subset\n", "", f"11:1: missing key 'kind' in 'check' (known kinds: {KNOWN_KINDS})"),
        # unknown fact paths, as a scalar and in a list
        (
            "items: officers.vice_presidents",
            "items: officers.vice_president",
            "13:3: check.items: unknown fact path 'officers.vice_president': officers has no field "
            "'vice_president' (fields: president, vice_presidents, secretary_general)",
        ),
        (
            "items: officers.vice_presidents",
            "items:\n    - officers.vice_presidents\n    - officers.president.nation",
            "15:7: check.items[1]: unknown fact path 'officers.president.nation': officers.president has no field "
            "'nation' (fields: text, state)",
        ),
        # placeholders the kind does not supply
        (
            '"{value} is not a participant"',
            '"{state} is not a participant"',
            "3:1: placeholder '{state}' in 'message' is not supplied by check kind 'subset' with these "
            "parameters (available: {value})",
        ),
        (
            '"{value} ~ {closest}"',
            '"{value} ~ {nearest}"',
            "15:3: placeholder '{nearest}' in 'near_miss_message' is not supplied by check kind 'subset' with these "
            "parameters (available: {closest}, {value})",
        ),
        ('"{value} is not a participant"', '"{value.text} is not"', "3:1: placeholder '{value.text}' in 'message' must be a plain name"),
        ('"{value} is not a participant"', '"{value is not"', "3:1: 'message' is not a valid message template: expected '}' before end of string"),
        # missing fields
        ("severity: warning\n", "", "1:1: missing key 'severity' in rule 'vp-test'"),
        ("  authority: A.\n", "", "4:1: missing key 'authority' in 'docs'"),
        ("  near_miss_message: \"{value} ~ {closest}\"\n", "", "11:1: missing key 'near_miss_message' in 'check'"),
        # wrong types and values
        ("severity: warning", "severity: fatal", "2:1: severity: Input should be 'error', 'warning' or 'info'"),
        ("  example:\n    flagged: F.\n    corrected: C.\n", "  example: F.\n", "7:3: docs.example: Input should be a valid dictionary or instance of Example"),
        ("  kind: subset\n", "  kind: subset\n  near_miss_ratio: high\n", "13:3: check.near_miss_ratio: Input should be a valid number, unable to parse string as a number"),
        ("  summary: S.", "  summary: ''", "5:3: docs.summary: String should have at least 1 character"),
        ("within: participants.states_parties", "within: [participants.states_parties]", "14:3: check.within: Input should be a valid string"),
        # the id: shape, file name, reserved
        ("id: vp-test", "id: VP_test", "1:1: id: String should match pattern '^[a-z][a-z0-9]*(-[a-z0-9]+)*$'"),
        ("id: vp-test", "id: vp-other", "1:1: rule id 'vp-other' differs from its file name 'vp-test.yaml'; name the file after the id"),
        # YAML-level problems surface through the loader unchanged
        ("severity: warning\n", "severity: warning\nseverity: error\n", "3:1: duplicate key 'severity' (first at line 2)"),
        ("  summary: S.", "  summary: &s S.", "5:12: anchor '&s' is not allowed in rule files"),
        ("  rationale: R.", "  rationale: [R.", "7:10: invalid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence)"),
    ],
)
def test_bad_rule_names_file_line_and_field(old: str, new: str, expected: str) -> None:
    assert old in GOOD
    assert error_for(GOOD.replace(old, new, 1)) == f"{PATH}:{expected}"


def test_reserved_id() -> None:
    text = GOOD.replace("id: vp-test", "id: facts-missing")
    assert error_for(text, "rules/x/facts-missing.yaml") == (
        "rules/x/facts-missing.yaml:1:1: rule id 'facts-missing' is reserved for the engine's own diagnostics"
    )


def test_a_rule_file_is_one_mapping() -> None:
    assert error_for("- id: vp-test\n") == f"{PATH}:1:1: a rule file holds one mapping with keys id, severity, message, docs, check"


def write_pack(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True)
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return folder


def test_extra_dirs_load_with_pack_yaml_and_skip_facts_and_data(tmp_path: Path) -> None:
    folder = write_pack(
        tmp_path / "mine",
        {
            "pack.yaml": b"name: my-pack\ndescription: Mine.\n",
            "facts.yaml": b"meeting: {}\n",
            "vp-test.yaml": GOOD.encode(),
            "notes.txt": b"not a rule",
        },
    )
    (folder / "data").mkdir()
    (folder / "data" / "states.yaml").write_bytes(b"- not a rule\n")
    rules = load_rules(packs=(), extra_dirs=[folder])
    assert rules.ids == ("vp-test",)
    assert [(pack.name, pack.description) for pack in rules.packs] == [("my-pack", "Mine.")]
    assert rules.get("vp-test") is not None and rules.get("vp-test").pack == "my-pack"  # type: ignore[union-attr]


def test_non_utf8_rule_file_from_disk(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "mine", {"vp-test.yaml": GOOD.replace("S.", "S\xe9.").encode("latin-1")})
    with pytest.raises(ConfigError) as caught:
        load_rules(packs=(), extra_dirs=[folder])
    assert str(caught.value) == f"{folder / 'vp-test.yaml'}:5:13: not UTF-8: byte 0xe9 cannot be decoded"


def test_bad_pack_yaml(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "mine", {"pack.yaml": b"name: my-pack\ndescripton: Mine.\n"})
    with pytest.raises(ConfigError) as caught:
        load_rules(packs=(), extra_dirs=[folder])
    assert str(caught.value) == f"{folder / 'pack.yaml'}:2:1: unknown key 'descripton' in the pack description"


def test_duplicate_rule_ids_across_folders(tmp_path: Path) -> None:
    first = write_pack(tmp_path / "a", {"vp-test.yaml": GOOD.encode()})
    second = write_pack(tmp_path / "b", {"vp-test.yaml": GOOD.encode()})
    with pytest.raises(ConfigError) as caught:
        load_rules(packs=(), extra_dirs=[first, second])
    assert str(caught.value) == f"{second / 'vp-test.yaml'}:1:1: rule id 'vp-test' is already defined in {first / 'vp-test.yaml'}"


def test_unknown_pack_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no bundled rule pack 'cwc' \(available: .*ccm.*generic"):
        load_rules(packs=("cwc",))
    with pytest.raises(ConfigError, match="not a folder of rule files"):
        load_rules(packs=(), extra_dirs=[tmp_path / "absent"])


def test_an_unchanged_pack_is_served_from_the_cache_without_reading_its_files(
    tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ccmlint import cache
    from ccmlint.engine import loader

    folder = write_pack(tmp_path / "mine", {"vp-test.yaml": GOOD.encode()})
    monkeypatch.setattr(cache, "RECENT_NS", 0)  # the files count as settled at once
    assert load_rules(packs=(), extra_dirs=[folder]).ids == ("vp-test",)
    reads: list[Path] = []
    monkeypatch.setattr(loader, "_read", lambda entry: reads.append(entry) or entry.read_bytes())
    assert load_rules(packs=(), extra_dirs=[folder]).ids == ("vp-test",)
    assert reads == []
    (folder / "vp-test.yaml").write_text(GOOD.replace("warning", "error"), encoding="utf-8")
    reloaded = load_rules(packs=(), extra_dirs=[folder]).get("vp-test")
    assert reads == [folder / "vp-test.yaml"] and reloaded is not None and reloaded.spec.severity == "error"
