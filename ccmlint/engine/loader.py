"""Reading rule packs strictly: every problem is a ConfigError at a file and line.

Bundled packs (``generic``, ``ccm``) are read from the folder of the package
``ccmlint.rules`` (the top-level ``rules/`` folder, mapped by pyproject.toml), so
they are found in a wheel as in a checkout; a user's own rule folders are plain
filesystem paths. Both are read the same way: ``pack.yaml`` if present, then every
other ``*.yaml`` file directly in the folder (``facts.yaml`` and sub-folders such as
``data/`` excepted), one rule per file, in name order.

Beyond the schema (ccmlint.schema), a rule is checked for what it cannot see: its
file is named after its id, its id is not taken, and every placeholder in its
messages is one the check kind supplies for these parameters.
"""

from __future__ import annotations

from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from ccmlint.cache import cached, digest, file_key
from ccmlint.checks import KINDS
from ccmlint.engine.errors import ConfigError
from ccmlint.engine.rule import RESERVED_IDS, Pack, PackSpec, Rule, RuleSet, RuleSpec
from ccmlint.engine.yamldoc import KeyPath, YamlDocument
from ccmlint.packdata_io import rules_root
from ccmlint.schema import InvalidData, validate

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

DEFAULT_PACKS = ("generic", "ccm")
PACK_FILE = "pack.yaml"
RULE_SUFFIX = ".yaml"
NON_RULE_FILES = frozenset({PACK_FILE, "facts.yaml"})
"""Pack files that are not rules: the pack's description and its fact phrasings
(read by ccmlint.facts). Any other ``*.yaml`` directly in a pack folder is a rule."""


def bundled_root() -> Path:
    """Where the bundled packs live (one answer for rules and pack data alike)."""
    return rules_root()


def bundled_packs() -> tuple[str, ...]:
    """Names of the bundled packs, for ``--pack`` help and listings."""
    root = bundled_root()
    return tuple(sorted(entry.name for entry in root.iterdir() if entry.is_dir() and not entry.name.startswith(("_", "."))))


def load_rules(packs: Iterable[str] = DEFAULT_PACKS, extra_dirs: Iterable[str | PathLike[str]] = ()) -> RuleSet:
    """Load bundled packs by name and user rule folders by path into one rule set.

    Raises ConfigError for the first problem found; rule ids must be unique across all.
    """
    root = bundled_root()
    available = bundled_packs()
    folders: list[Path] = []
    for name in packs:
        if name not in available:
            raise ConfigError(str(root), 1, 1, f"no bundled rule pack '{name}' (available: {', '.join(available)})")
        folders.append(root / name)
    for directory in extra_dirs:
        path = Path(directory)
        if not path.is_dir():
            raise ConfigError(str(path), 1, 1, "not a folder of rule files")
        folders.append(path)
    loaded_packs: list[Pack] = []
    rules: dict[str, Rule] = {}
    for folder in folders:
        pack, pack_rules = load_pack(folder)
        loaded_packs.append(pack)
        for rule in pack_rules:
            if rule.id in rules:
                first = rules[rule.id]
                raise ConfigError(rule.source, rule.line, 1, f"rule id '{rule.id}' is already defined in {first.source}")
            rules[rule.id] = rule
    ordered = tuple(sorted(rules.values(), key=lambda rule: rule.id))
    return RuleSet(ordered, tuple(loaded_packs))


def load_pack(folder: Path) -> tuple[Pack, list[Rule]]:
    """One pack folder: its description and its rules, in file name order.

    The validated pack is cached (ccmlint.cache) under a digest of its files' keys
    (``file_key``) and of ccmlint's code, so an unchanged pack is neither validated
    nor even read again on each run.
    """
    files = sorted((entry for entry in folder.iterdir() if entry.is_file()), key=lambda entry: entry.name)
    wanted = [entry for entry in files if entry.name == PACK_FILE or (entry.name.endswith(RULE_SUFFIX) and entry.name not in NON_RULE_FILES)]
    key = digest(str(folder), items=[part for entry in wanted for part in (entry.name, file_key(entry))])
    return cached("pack", key, lambda: _build_pack(folder, [(entry, _read(entry)) for entry in wanted]))


def _build_pack(folder: Path, contents: list[tuple[Path, bytes]]) -> tuple[Pack, list[Rule]]:
    from ccmlint.engine.yamlsource import load_yaml  # the YAML library, only when YAML is read

    name, description = folder.name, ""
    for entry, raw in contents:
        if entry.name == PACK_FILE:
            spec = _validate_pack(load_yaml(raw, str(entry)))
            name, description = spec.name, spec.description
    rules = [load_rule(raw, str(entry), name) for entry, raw in contents if entry.name != PACK_FILE]
    return Pack(name, description, str(folder)), rules


def load_rule(raw: bytes, path: str, pack: str) -> Rule:
    """One rule file, checked completely; ``path`` names it in errors and its stem must
    be the rule's id."""
    from ccmlint.engine.yamlsource import load_yaml

    document = load_yaml(raw, path)
    if not isinstance(document.data, dict):
        raise document.error((), "a rule file holds one mapping with keys id, severity, message, docs, check")
    rule_name = document.data.get("id")
    try:
        spec = validate(RuleSpec, document.data)
    except InvalidData as error:
        raise _first_schema_error(document, error, f"rule '{rule_name}'" if isinstance(rule_name, str) else "the rule") from None
    stem = Path(path).name.removesuffix(RULE_SUFFIX)
    if spec.id != stem:
        raise document.error(("id",), f"rule id '{spec.id}' differs from its file name '{stem}{RULE_SUFFIX}'; name the file after the id")
    if spec.id in RESERVED_IDS:
        raise document.error(("id",), f"rule id '{spec.id}' is reserved for the engine's own diagnostics")
    _check_placeholders(document, spec)
    return Rule(spec, pack, path, document.position(())[0])


def _validate_pack(document: YamlDocument) -> PackSpec:
    try:
        return validate(PackSpec, document.data)
    except InvalidData as error:
        raise _first_schema_error(document, error, "the pack description") from None


def _check_placeholders(document: YamlDocument, spec: RuleSpec) -> None:
    """Every ``{name}`` in a message must be one the kind supplies for these params."""
    for variant, supplied in spec.check.placeholders().items():
        keys: KeyPath = ("message",) if variant == "message" else ("check", variant)
        template = spec.message if variant == "message" else getattr(spec.check, variant)
        if template is None:
            continue
        for name in _placeholders(document, keys, template):
            if name not in supplied:
                available = ", ".join(f"{{{known}}}" for known in sorted(supplied))
                raise document.error(
                    keys,
                    f"placeholder '{{{name}}}' in '{keys[-1]}' is not supplied by check kind '{spec.check.kind}' "
                    f"with these parameters (available: {available})",
                )


def _placeholders(document: YamlDocument, keys: KeyPath, template: str) -> list[str]:
    import string  # only when a rule file is read afresh, not on a cached run

    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(template) if field is not None]
    except ValueError as error:
        raise document.error(keys, f"'{keys[-1]}' is not a valid message template: {error}") from None
    for field in fields:
        if not field.isidentifier():
            raise document.error(keys, f"placeholder '{{{field}}}' in '{keys[-1]}' must be a plain name")
    return fields


def _first_schema_error(document: YamlDocument, error: InvalidData, owner: str) -> ConfigError:
    """The pydantic error that comes first in the file, worded for a rule author.

    An unknown key goes before a missing one: a misspelt key produces both, and the
    misspelling is the place to fix."""
    details = sorted(error.errors(), key=lambda detail: (detail["type"] == "missing", document.position(_loc(detail))))
    return _schema_error(document, details[0], owner)


def _schema_error(document: YamlDocument, detail: ErrorDetails, owner: str) -> ConfigError:
    loc = _loc(detail)
    written = document.written(loc)
    kinds = ", ".join(sorted(KINDS))
    kind = detail["type"]
    if kind == "union_tag_invalid":
        tag = _context(detail).get("tag")
        return document.error(written + ("kind",), f"unknown check kind '{tag}' (known kinds: {kinds})")
    if kind == "union_tag_not_found":
        return document.error(written, f"missing key 'kind' in '{_dotted(written)}' (known kinds: {kinds})")
    last = loc[-1] if loc else None
    if kind == "extra_forbidden":
        parent = written[:-1]
        return document.error(written, f"unknown key '{last}' in {_quoted(parent) if parent else owner}")
    if kind == "missing":
        return document.error(written, f"missing key '{last}' in {_quoted(written) if written else owner}")
    message = str(_context(detail).get("error", detail["msg"])) if kind == "value_error" else detail["msg"]
    field = _dotted(written) if written else owner
    return document.error(written, f"{field}: {message}")


def _loc(detail: ErrorDetails) -> KeyPath:
    """The key path of an error in the file: pydantic puts the discriminating kind's
    name after ``check`` (``check.pattern.ignore_case``), which is not a key written."""
    loc = tuple(detail["loc"])
    if len(loc) > 1 and loc[0] == "check" and loc[1] in KINDS:
        return (loc[0],) + loc[2:]
    return loc


def _context(detail: ErrorDetails) -> Mapping[str, object]:
    return detail.get("ctx") or {}


def _quoted(keys: KeyPath) -> str:
    return f"'{_dotted(keys)}'"


def _dotted(keys: KeyPath) -> str:
    text = ""
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
    return text


def _read(entry: Path) -> bytes:
    """A rule or pack file's bytes; a file that cannot be read is a configuration error."""
    try:
        return entry.read_bytes()
    except OSError as error:
        raise ConfigError(str(entry), 1, 1, f"cannot be read: {error.strerror or error}") from None
