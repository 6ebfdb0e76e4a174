"""House-style word lists of the rule packs, for the kinds that read them.

A list of wrong terms, of spelling variants or of acronyms that need no spelling-out
is data, ``rules/<pack>/data/<name>.yaml``, so that adding a term is a line of YAML,
not Python. A rule names the file by its ``<name>`` and the list in it by its key;
the file is read from every default pack that has it, in pack order (``generic``,
then ``ccm``) and merged the way the phrasings are: a later pack extends lists and
mappings and overrides single values. That is how the generic pack states UN-wide
style and the CCM pack its own settings (``States Parties`` with a capital P) over it.

Each kind validates its list strictly when the rule loads, so a misspelt key in a data
file is an error naming the file and the key, not a silently ignored entry.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TypeVar

from ccmlint.schema import Field, field_validator
from ccmlint.checks.params import CheckParams
from ccmlint.facts.model import PROSE_KINDS, PassageKind
from ccmlint.facts.phrasings import DEFAULT_PACKS, rules_root
from ccmlint.packdata_io import DataFileError, prepared, read_merged

if TYPE_CHECKING:
    from pydantic import ValidationInfo

DATA_FOLDER = "data"

T = TypeVar("T")


class StyleDataError(ValueError):
    """A data list cannot be used; the message names the files."""


class StyleListParams(CheckParams):
    """Parameters of a kind that checks the passages against a list of the packs'
    style data (``data`` names the file, ``list`` the key); the list is read and
    checked as the rule loads, so a broken data file is reported at the rule's key."""

    data: str = Field(min_length=1, description="the data file, rules/<pack>/data/<data>.yaml")
    list_: str = Field(alias="list", min_length=1, description="the key of the list in that file")
    in_: list[PassageKind] = Field(default=list(PROSE_KINDS), alias="in", min_length=1)

    model_config = {**CheckParams.model_config, "populate_by_name": True}

    @classmethod
    def load_list(cls, data: str, key: str) -> object:
        """Read and validate the list; each kind says how."""
        raise NotImplementedError

    @field_validator("data")
    @classmethod
    def _plain_name(cls, name: str) -> str:
        if not re.fullmatch(r"[\w-]+", name):
            raise ValueError(f"'{name}' must be a data file's name without folder or extension, e.g. spellings")
        return name

    @field_validator("list_")
    @classmethod
    def _list_loads(cls, key: str, info: ValidationInfo) -> str:
        data = info.data.get("data")
        if isinstance(data, str):
            cls.load_list(data, key)
        return key


def prepared_style_list(kind: str, name: str, key: str, build: Callable[[object, str], T]) -> T:
    """What ``build`` makes of ``style_list(name, key)`` (given the value and the files
    read, joined for messages), kept in the per-user cache like the packs' other data:
    validating a list on every run cost more than checking a report with it."""
    paths = [rules_root() / pack / DATA_FOLDER / f"{name}.yaml" for pack in DEFAULT_PACKS]

    def build_from_files() -> T:
        value, files = style_list(name, key)
        return build(value, " + ".join(files))

    return prepared(kind, paths, build_from_files, part=f"{name}:{key}")


def style_list(name: str, key: str) -> tuple[object, tuple[str, ...]]:
    """The merged value of ``key`` in the packs' ``data/<name>.yaml``, and the files read.

    Raises StyleDataError when no pack has the file or none of the files has the key.
    """
    merged, files = _merged(name, DEFAULT_PACKS, rules_root())
    if not files:
        raise StyleDataError(f"no pack has a data file '{DATA_FOLDER}/{name}.yaml' (packs: {', '.join(DEFAULT_PACKS)})")
    if key not in merged:
        raise StyleDataError(f"{' + '.join(files)}: no list '{key}' (found: {', '.join(sorted(merged)) or 'nothing'})")
    return merged[key], files


@cache
def _merged(name: str, packs: tuple[str, ...], root: Path) -> tuple[dict[str, object], tuple[str, ...]]:
    paths = [root / pack / DATA_FOLDER / f"{name}.yaml" for pack in packs]
    return prepared("style-data", paths, lambda: _merge(paths))


def _merge(paths: list[Path]) -> tuple[dict[str, object], tuple[str, ...]]:
    try:
        return read_merged(paths)
    except DataFileError as error:
        raise StyleDataError(str(error)) from None


__all__ = ["DATA_FOLDER", "StyleDataError", "prepared_style_list", "style_list"]
