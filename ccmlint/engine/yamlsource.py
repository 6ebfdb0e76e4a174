"""Strict YAML for rule files: plain data plus the line and column of every key.

Rule files are read with ``yaml.compose`` on the safe loader, so no tag can run code,
and the node tree is turned into plain Python by hand so that each key path keeps
the place it was written; the loader uses those places to point a schema error at
the offending key. Stricter than YAML itself, because a rule file never needs more:

- bytes must be UTF-8 (a BOM is tolerated);
- one document per file;
- no anchors or aliases (a few nested aliases expand exponentially, the "billion
  laughs"; and a rule file that repeats itself should be two rules);
- no duplicate keys (YAML 1.1 loaders silently keep the last one);
- keys are strings; scalars are strings, integers, floats, booleans or null.
"""

from __future__ import annotations

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ccmlint.engine.errors import ConfigError
from ccmlint.engine.yamldoc import KeyPath, YamlDocument, YamlValue

_TAG = "tag:yaml.org,2002:"
# NOTE: a timestamp tag is kept as the text written: rule files have no dates, but a
# documentation example might start with something that looks like one.
_PLAIN_TAGS = frozenset({_TAG + "str", _TAG + "timestamp"})
_CONSTRUCTED_TAGS = frozenset({_TAG + "int", _TAG + "float", _TAG + "bool", _TAG + "null"})


class _Rejected(Exception):
    """Raised from inside the composer; turned into a ConfigError with the file name."""

    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """The safe loader, refusing anchors and aliases before they are composed."""

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise _Rejected(event.start_mark, f"alias '*{event.anchor}' is not allowed in rule files")
        if isinstance(event, (ScalarEvent, CollectionStartEvent)) and event.anchor is not None:
            raise _Rejected(event.start_mark, f"anchor '&{event.anchor}' is not allowed in rule files")
        return super().compose_node(parent, index)  # type: ignore[no-any-return]


def load_yaml(raw: bytes, path: str) -> YamlDocument:
    """Decode and compose one YAML file strictly; any problem is a ConfigError at its line."""
    text = _decode(raw, path)
    if "\x00" in text:
        where = text.index("\x00")
        line = text.count("\n", 0, where) + 1
        column = where - (text.rfind("\n", 0, where) + 1) + 1
        raise ConfigError(path, line, column, "invalid YAML: a NUL character is not allowed in a text file")
    try:
        root = yaml.compose(text, Loader=_StrictLoader)
    except _Rejected as rejected:
        raise ConfigError(path, rejected.mark.line + 1, rejected.mark.column + 1, rejected.message) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ConfigError(path, line, column, f"invalid YAML: {_explain(error)}") from None
    except yaml.YAMLError as error:
        raise ConfigError(path, 1, 1, f"invalid YAML: {error}") from None
    except RecursionError:
        raise ConfigError(path, 1, 1, "nested too deeply to be a rule or configuration file") from None
    if root is None:
        raise ConfigError(path, 1, 1, "the file holds no YAML document")
    positions: dict[KeyPath, tuple[int, int]] = {(): _place(root)}
    try:
        data = _convert(root, (), positions, path)
    except RecursionError:
        raise ConfigError(path, 1, 1, "nested too deeply to be a rule or configuration file") from None
    return YamlDocument(path, data, positions)


def _explain(error: yaml.MarkedYAMLError) -> str:
    """PyYAML splits its message into a context and a problem; join them readably."""
    problem, context = error.problem or "", error.context or ""
    if problem.startswith("but ") and context:
        return f"{context} {problem}"  # "expected a single document ... but found another"
    return f"{problem} ({context})" if problem and context else problem or context or "unreadable"


def _decode(raw: bytes, path: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise ConfigError(path, line, column, f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded") from None


def _place(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node: Node, keys: KeyPath, positions: dict[KeyPath, tuple[int, int]], path: str) -> YamlValue:
    if isinstance(node, MappingNode):
        mapping: dict[str, YamlValue] = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, ScalarNode) and key_node.tag == _TAG + "str"):
                line, column = _place(key_node)
                raise ConfigError(path, line, column, "keys must be plain strings")
            key = str(key_node.value)
            if key in mapping:
                first_line, _ = positions[keys + (key,)]
                line, column = _place(key_node)
                raise ConfigError(path, line, column, f"duplicate key '{key}' (first at line {first_line})")
            positions[keys + (key,)] = _place(key_node)
            mapping[key] = _convert(value_node, keys + (key,), positions, path)
        return mapping
    if isinstance(node, SequenceNode):
        items: list[YamlValue] = []
        for index, item_node in enumerate(node.value):
            positions[keys + (index,)] = _place(item_node)
            items.append(_convert(item_node, keys + (index,), positions, path))
        return items
    if isinstance(node, ScalarNode):
        if node.tag in _PLAIN_TAGS:
            return str(node.value)
        if node.tag in _CONSTRUCTED_TAGS:
            constructed: YamlValue = SafeConstructor().construct_object(node)
            return constructed
    line, column = _place(node)
    raise ConfigError(path, line, column, f"unsupported YAML tag '{node.tag}'")
