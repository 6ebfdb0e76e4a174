"""Finding and reading the rule packs' data files (names, meetings, phrasings, styles).

One reader for every data file, so that each is parsed the same way: the C parser
of libyaml when PyYAML has it (ten times faster than the pure-Python one on the
names data, which every run reads), the safe loader otherwise. Both construct
plain data only; nothing in a data file can run code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Mapping

import yaml

_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml_data(path: Path) -> object:
    """The plain data of one YAML data file (None for an empty file).

    NOTE: parsed once per process per version of the file and shared by every reader
    (several modules read status.yaml); callers must treat the data as read-only.
    """
    info = path.stat()
    return _parse(path, info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=64)
def _parse(path: Path, size: int, modified: int) -> object:
    return yaml.load(path.read_bytes(), Loader=_LOADER)  # noqa: S506 - a safe loader


def rules_root() -> Path:
    """The folder holding the bundled packs: the installed ``ccmlint.rules`` package,
    or, in a checkout that was never installed, the work tree's ``rules/``."""
    try:
        return Path(str(files("ccmlint.rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[1] / "rules"


def merge_pack_data(base: Mapping[str, object], extra: Mapping[str, object]) -> dict[str, object]:
    """A later pack extends lists and mappings and overrides single values."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = merge_pack_data(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + value
        else:
            merged[key] = value
    return merged
