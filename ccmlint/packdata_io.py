"""Reading the YAML data files of the rule packs (names, meetings, phrasings, styles).

One reader for every data file, so that each is parsed the same way: the C parser
of libyaml when PyYAML has it (ten times faster than the pure-Python one on the
names data, which every run reads), the safe loader otherwise. Both construct
plain data only; nothing in a data file can run code.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
