"""Project configuration: ``.ccmlint.yaml`` or ``[tool.ccmlint]`` in ``pyproject.toml``.

A drafting repository says once which rules it wants and how strictly, instead of
repeating options in every hook and CI job::

    # .ccmlint.yaml
    select: [generic, ccm]          # rule ids or pack names; default: every rule
    ignore: [footnote-out-of-order]  # rule ids or pack names
    severity:                        # a rule's severity, overridden
      coordinator-term-end-missing: error
    as-of: 2026-09-11                # judge dates as of this day
    rules: [house-rules]             # extra rule folders, relative to this file
    waivers: review/waivers.yaml     # one waivers file for every report
    fail-on: warning                 # error | warning | info

The file is found by walking up from each report's folder: the first folder with a
``.ccmlint.yaml``, or a ``pyproject.toml`` that has a ``[tool.ccmlint]`` table, wins
(``.ccmlint.yaml`` first when a folder has both). It is read as strictly as a rule
file: an unknown key, a wrong type or an unknown rule or pack is an error naming the
file, line and column. TOML has no positions in the standard library's reader, so
``_toml_positions`` finds the line of each key of the table by scanning the text.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

from ccmlint import regexes
from ccmlint.cache import cached, digest
from ccmlint.diagnostics import Severity
from ccmlint.engine.errors import ConfigError
from ccmlint.engine.yamldoc import KeyPath, YamlDocument, YamlValue
from ccmlint.record import Record, field
from ccmlint.schema import STRICT, BeforeValidator, Field, InvalidData, validate

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

YAML_NAME = ".ccmlint.yaml"
PYPROJECT = "pyproject.toml"
TOOL_TABLE = ("tool", "ccmlint")


# ---------------------------------------------------------------------- schema


def _one_or_many(value: object) -> object:
    return [value] if isinstance(value, str) else value


def iso_date(value: object) -> object:
    """A date as configuration and waivers files write it, for a pydantic validator."""
    # NOTE: only the written form YYYY-MM-DD; pydantic alone would also take a Unix
    # timestamp, which nobody means by "as-of: 1700000000".
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


Names = Annotated[list[Annotated[str, Field(min_length=1, strict=True)]], BeforeValidator(_one_or_many)]
Level = Literal["error", "warning", "info"]


class ConfigSpec(Record):
    """The configuration as written; keys are kebab-case like the rule ids."""

    model_config = {**STRICT, "populate_by_name": False}

    select: Names = []
    ignore: Names = []
    severity: dict[str, Level] = {}
    as_of: Annotated[date | None, BeforeValidator(iso_date)] = Field(default=None, alias="as-of")
    rules: Annotated[list[Annotated[str, Field(min_length=1, strict=True)]], BeforeValidator(_one_or_many)] = []
    waivers: Annotated[str, Field(min_length=1, strict=True)] | None = None
    fail_on: Level | None = Field(default=None, alias="fail-on")


KNOWN_KEYS = tuple(spec.alias or name for name, spec in ConfigSpec.__record_fields__.items())


# ---------------------------------------------------------------------- loaded form


class Config(Record):
    """The settings for the reports under one configuration file (or the defaults).

    Paths (``rule_dirs``, ``waivers``) are resolved against the file's folder.
    ``document`` keeps the positions of what was written, so that a name found unknown
    only once the rules are loaded is still reported at its line.
    """

    path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    as_of: date | None = None
    rule_dirs: tuple[str, ...] = ()
    waivers: str | None = None
    fail_on: Severity | None = None
    document: YamlDocument | None = field(default=None, compare=False, repr=False)

    def name_error(self, name: str, message: str) -> ConfigError | None:
        """A ConfigError at the place ``name`` is written in this file, if it is."""
        if self.document is None:
            return None
        data = self.document.data
        assert isinstance(data, dict)
        for key in ("select", "ignore"):
            written = data.get(key)
            items = [written] if isinstance(written, str) else written if isinstance(written, list) else []
            if name in items:
                index = items.index(name)
                return self.document.error((key, index) if isinstance(written, list) else (key,), message)
        severity = data.get("severity")
        if isinstance(severity, dict) and name in severity:
            return self.document.error(("severity", name), message)
        return None


DEFAULT = Config()


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read one configuration file (``.ccmlint.yaml`` or a ``pyproject.toml``) strictly."""
    path = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ConfigError(path, 1, 1, f"cannot be read: {error.strerror or error}") from None
    # NOTE: kept validated in the per-user cache, keyed by the file's bytes and the
    # folder its relative paths are shown from: a pre-commit hook in a configured
    # repository then reads neither YAML nor pydantic. An error is never cached.
    return cached("config", digest(path, os.getcwd(), raw), lambda: _read_config(raw, path))


def _read_config(raw: bytes, path: str) -> Config:
    if Path(path).name == PYPROJECT:
        document = _pyproject_document(raw, path)
        if document is None:
            raise ConfigError(path, 1, 1, "has no [tool.ccmlint] table")
    else:
        from ccmlint.engine.yamlsource import load_yaml  # the YAML library, only when YAML is read

        document = load_yaml(raw, path)
    return _from_document(document)


def discover(start: str | os.PathLike[str]) -> str | None:
    """The configuration file that governs a report in folder ``start``, if any."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        yaml_file = candidate / YAML_NAME
        if yaml_file.is_file():
            return _display(yaml_file)
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return _display(pyproject)
    return None


def _display(path: Path) -> str:
    """The path as a user would write it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


class ConfigFinder:
    """Finds and loads the configuration of each report, once per folder and per file."""

    def __init__(self) -> None:
        self._by_folder: dict[Path, str | None] = {}
        self._loaded: dict[str, Config] = {}

    def for_report(self, report: str) -> Config:
        """Standard input is governed by the configuration of the current folder.

        NOTE: a path that cannot be resolved (a symbolic-link loop) is looked up from
        the folder it names; reading it then fails with its own clear message.
        """
        if report == "-":
            return self.for_folder(Path.cwd())
        try:
            folder = Path(report).resolve().parent
        except (OSError, RuntimeError):
            folder = Path(report).absolute().parent
        return self.for_folder(folder)

    def for_folder(self, folder: Path) -> Config:
        folder = folder.resolve()
        if folder not in self._by_folder:
            self._by_folder[folder] = discover(folder)
        found = self._by_folder[folder]
        return DEFAULT if found is None else self.load(found)

    def load(self, path: str) -> Config:
        if path not in self._loaded:
            self._loaded[path] = load_config(path)
        return self._loaded[path]


def _from_document(document: YamlDocument) -> Config:
    if not isinstance(document.data, dict):
        raise document.error((), f"the configuration is a mapping with keys {', '.join(KNOWN_KEYS)}")
    try:
        spec = validate(ConfigSpec, document.data)
    except InvalidData as error:
        details = sorted(error.errors(), key=lambda detail: document.position(tuple(detail["loc"])))
        raise _schema_error(document, details[0]) from None
    folder = Path(document.path).resolve().parent
    return Config(
        path=document.path,
        select=tuple(spec.select),
        ignore=tuple(spec.ignore),
        severity=tuple((name, Severity.parse(level)) for name, level in spec.severity.items()),
        as_of=spec.as_of,
        rule_dirs=tuple(_display(folder / directory) for directory in spec.rules),
        waivers=_display(folder / spec.waivers) if spec.waivers is not None else None,
        fail_on=Severity.parse(spec.fail_on) if spec.fail_on is not None else None,
        document=document,
    )


def _schema_error(document: YamlDocument, detail: ErrorDetails) -> ConfigError:
    loc: KeyPath = tuple(detail["loc"])
    written = document.written(loc)
    kind = detail["type"]
    if kind == "extra_forbidden":
        return document.error(written, f"unknown key '{loc[-1]}' in the configuration (known keys: {', '.join(KNOWN_KEYS)})")
    where = ".".join(str(part) for part in written) or "the configuration"
    if kind == "literal_error":
        return document.error(written, f"{where}: must be one of error, warning, info")
    context = detail.get("ctx") or {}
    message = str(context.get("error", detail["msg"])) if kind == "value_error" else detail["msg"]
    return document.error(written, f"{where}: {message}")


# ---------------------------------------------------------------------- pyproject.toml


def _has_tool_table(path: Path) -> bool:
    """Cheap check before parsing: most pyproject.toml files say nothing about us."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*[\"']?ccmlint[\"']?\s*[\].]", text, re.MULTILINE) is not None or (
        "ccmlint" in text and _load_table(text, str(path)) is not None
    )


def _pyproject_document(raw: bytes, path: str) -> YamlDocument | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(path, raw.count(b"\n", 0, error.start) + 1, 1, "not UTF-8") from None
    table = _load_table(text, path)
    if table is None:
        return None
    positions = _toml_positions(text)
    # NOTE: a table written as ``[tool]`` + ``ccmlint = {...}`` has no header of its
    # own; errors the scanner cannot place land on line 1 rather than nowhere.
    positions.setdefault((), (1, 1))
    return YamlDocument(path, _plain(table), positions)


def _load_table(text: str, path: str) -> dict[str, object] | None:
    import tomllib  # only where a pyproject.toml may hold our table

    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        line, column = (int(match.group(1)), int(match.group(2))) if match else (1, 1)
        raise ConfigError(path, line, column, f"invalid TOML: {str(error).split(' (at line')[0]}") from None
    tool = parsed.get("tool")
    table = tool.get("ccmlint") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(path, _toml_positions(text).get((), (1, 1))[0], 1, "tool.ccmlint must be a table")
    return table


def _plain(value: object) -> YamlValue:
    """TOML values as the YAML loader would give them (a TOML date becomes its text)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, (date,)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


_TABLE_HEADER = regexes.compile(r"^\s*\[(?!\[)\s*(?P<name>[^\]]+?)\s*\]\s*(#.*)?$")
_KEY = r"(?:[A-Za-z0-9_-]+|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_KEY_LINE = regexes.compile(rf"^(?P<indent>\s*)(?P<key>{_KEY}(?:\s*\.\s*{_KEY})*)\s*=\s*")


def _split_key(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in re.findall(rf"{_KEY}", dotted)]


def _toml_positions(text: str) -> dict[KeyPath, tuple[int, int]]:
    """1-based (line, column) of each key written under ``[tool.ccmlint]``.

    Keys are relative to the table: ``("severity", "rule-id")``, ``("ignore", 0)``.
    The root ``()`` is the table header (or the first ``tool.ccmlint.*`` key). This is
    a scanner for the usual layouts (one key per line, arrays of strings and inline
    tables, possibly over several lines), not a TOML parser: anything it does not
    follow falls back to the nearest key it did record.
    """
    positions: dict[KeyPath, tuple[int, int]] = {}
    current: list[str] | None = None
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        header = _TABLE_HEADER.match(line)
        if header:
            name = _split_key(header.group("name"))
            current = name
            if name[:2] == list(TOOL_TABLE):
                positions.setdefault((), (number, line.index("[") + 1))
                relative = tuple(name[2:])
                for depth in range(1, len(relative) + 1):
                    positions.setdefault(relative[:depth], (number, line.index("[") + 1))
            index += 1
            continue
        key_match = _KEY_LINE.match(line)
        if not key_match or current is None:
            index += 1
            continue
        keys = _split_key(key_match.group("key"))
        full = current + keys
        if full[:2] != list(TOOL_TABLE) or len(full) < 3:
            index = _skip_value(lines, index, key_match.end())
            continue
        relative_keys: KeyPath = tuple(full[2:])
        column = key_match.start("key") + 1
        positions.setdefault((), (number, column))
        for depth in range(1, len(relative_keys) + 1):
            positions.setdefault(relative_keys[:depth], (number, column))
        index = _scan_value(lines, index, key_match.end(), relative_keys, positions)
    return positions


def _skip_value(lines: list[str], index: int, start: int) -> int:
    return _scan_value(lines, index, start, None, None)


def _scan_value(
    lines: list[str],
    index: int,
    start: int,
    keys: KeyPath | None,
    positions: dict[KeyPath, tuple[int, int]] | None,
) -> int:
    """Walk one value (which may span lines); record array items and inline-table keys.
    Returns the index of the line after the value."""
    stack: list[tuple[str, int]] = []  # ("[", next item index) or ("{", 0)
    expecting_item = False
    column = start
    while index < len(lines):
        line = lines[index]
        while column < len(line):
            char = line[column]
            if char == "#":
                break
            if char in " \t,":
                if char == "," and stack and stack[-1][0] == "[":
                    expecting_item = True
                column += 1
                continue
            if stack and stack[-1][0] == "[" and expecting_item and char != "]":
                item = stack[-1][1]
                stack[-1] = ("[", item + 1)
                expecting_item = False
                if positions is not None and keys is not None and len(stack) == 1:
                    positions.setdefault(keys + (item,), (index + 1, column + 1))
            if stack and stack[-1][0] == "{":
                key_match = _KEY_LINE.match(line[column:])
                if key_match:
                    if positions is not None and keys is not None and len(stack) == 1:
                        for depth, _ in enumerate(_split_key(key_match.group("key")), start=1):
                            inner = tuple(_split_key(key_match.group("key"))[:depth])
                            positions.setdefault(keys + inner, (index + 1, column + 1))
                    column += key_match.end()
                    continue
            if char in "\"'":
                column = _string_end(line, column)
                if column < 0:  # a multi-line string: skip to its end
                    index, column = _multiline_string_end(lines, index, line)
                    if index >= len(lines) or not stack:
                        return index + 1
                    line = lines[index]
                    continue
                if not stack:
                    return index + 1
                continue
            if char in "[{":
                stack.append((char, 0))
                expecting_item = char == "["
                column += 1
                continue
            if char in "]}":
                if stack:
                    stack.pop()
                expecting_item = False
                column += 1
                if not stack:
                    return index + 1
                continue
            if not stack:
                return index + 1  # a bare scalar: number, boolean, date
            column += 1
        index += 1
        column = 0
        if not stack:
            return index
    return index


def _string_end(line: str, column: int) -> int:
    """The column after a one-line string starting at ``column``; -1 for a multi-line one."""
    quote = line[column]
    if line.startswith(quote * 3, column):
        closing = line.find(quote * 3, column + 3)
        return -1 if closing < 0 else closing + 3
    position = column + 1
    while position < len(line):
        if line[position] == "\\" and quote == '"':
            position += 2
            continue
        if line[position] == quote:
            return position + 1
        position += 1
    return len(line)


def _multiline_string_end(lines: list[str], index: int, line: str) -> tuple[int, int]:
    quote = '"""' if '"""' in line else "'''"
    index += 1
    while index < len(lines):
        closing = lines[index].find(quote)
        if closing >= 0:
            return index, closing + 3
        index += 1
    return index, 0


# ---------------------------------------------------------------------- overrides


def with_overrides(
    config: Config,
    *,
    select: tuple[str, ...] | None = None,
    ignore: tuple[str, ...] = (),
    as_of: date | None = None,
    rule_dirs: tuple[str, ...] = (),
    waivers: str | None = None,
    fail_on: Severity | None = None,
) -> Config:
    """The configuration with the command line's options applied: ``--select`` replaces
    the selection, ``--ignore`` and ``--rules`` add to the file's, the others replace."""
    return config.replace(
        select=config.select if select is None else select,
        ignore=config.ignore + tuple(name for name in ignore if name not in config.ignore),
        as_of=as_of if as_of is not None else config.as_of,
        rule_dirs=config.rule_dirs + tuple(rule_dirs),
        waivers=waivers if waivers is not None else config.waivers,
        fail_on=fail_on if fail_on is not None else config.fail_on,
    )
