"""A YAML file read for a configuration: its plain data and where each key was written.

Kept apart from ``ccmlint.engine.yamlsource``, which reads the files, so that the
modules naming these types do not import the YAML library on a run that reads no
YAML (the bundled rules come from the cache).
"""

from __future__ import annotations

from typing import Union

from ccmlint.engine.errors import ConfigError
from ccmlint.record import Record

YamlValue = Union[str, int, float, bool, None, list["YamlValue"], dict[str, "YamlValue"]]
KeyPath = tuple[Union[str, int], ...]


class YamlDocument(Record):
    """A loaded file: its data and, for each key path, the 1-based (line, column) of
    the key (or of the list item). The root path ``()`` is where the document starts."""

    path: str
    data: YamlValue
    positions: dict[KeyPath, tuple[int, int]]

    def written(self, keys: KeyPath) -> KeyPath:
        """The part of ``keys`` the author wrote: parts never written (a pydantic union
        tag, a missing key) are skipped, so every error lands on a line of the file."""
        found: KeyPath = ()
        for key in keys:
            candidate = found + (key,)
            if candidate in self.positions:
                found = candidate
        return found

    def position(self, keys: KeyPath) -> tuple[int, int]:
        """The place of the deepest written key along ``keys``."""
        return self.positions[self.written(keys)]

    def error(self, keys: KeyPath, message: str) -> ConfigError:
        line, column = self.position(keys)
        return ConfigError(self.path, line, column, message)
