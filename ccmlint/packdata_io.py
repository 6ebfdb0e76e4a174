"""Finding, reading and preparing the rule packs' data files (names, meetings,
phrasings, styles).

One reader for every data file, so that each is parsed the same way: the C parser
of libyaml when PyYAML has it (ten times faster than the pure-Python one on the
names data), the safe loader otherwise. Both construct plain data only; nothing in
a data file can run code.

Every run needs the same data in the same prepared form (parsed, validated, indexed),
and preparing it costs more than linting a report; ``prepared`` keeps that form in
the per-user cache, so that a run with unchanged data files parses no YAML at all
and does not even import the YAML library.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Mapping, TypeVar

from ccmlint.cache import cached, digest, file_key

T = TypeVar("T")


class DataFileError(ValueError):
    """A data file that is not valid YAML; the message says where and why."""


def read_yaml_data(path: Path) -> object:
    """The plain data of one YAML data file (None for an empty file).

    NOTE: parsed once per process per version of the file and shared by every reader
    (several modules read status.yaml); callers must treat the data as read-only.
    """
    info = path.stat()
    return _parse(path, info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=64)
def _parse(path: Path, size: int, modified: int) -> object:
    import yaml  # only when a data file is parsed, not on a run served from the cache

    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(path.read_bytes(), Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        raise DataFileError(f"{path}: not valid YAML: {error}") from None


def prepared(kind: str, paths: Iterable[Path], build: Callable[[], T], *, part: str = "") -> T:
    """What ``build`` prepares from the data files ``paths``, reused from the per-user
    cache while the files and ccmlint's code are unchanged (``file_key``: the files
    are not read to tell).

    ``build`` must read nothing but ``paths`` (an absent file counts as empty) and
    ``part``, which names what it prepares when it prepares one part of the files
    (a key), and return a picklable value; an error it raises is not cached, so a
    broken data file is reported on every run until it is mended.
    """
    parts: list[bytes | str] = [kind, part]
    for path in paths:
        parts += [str(path), file_key(path)]
    return cached(kind, digest(items=parts), build)


@lru_cache(maxsize=None)
def rules_root() -> Path:
    """The folder holding the bundled packs: the installed ``ccmlint.rules`` package,
    or, in a checkout that was never installed, the work tree's ``rules/``. Found once
    a process: rules and data loaders ask for it on every lint."""
    return package_folder("ccmlint.rules") or Path(__file__).resolve().parents[1] / "rules"


def package_folder(package: str) -> Path | None:
    """The folder of one of ccmlint's data packages (its rules, its grammar), found
    as the import system finds it, or None.

    NOTE: not through ``importlib.resources``, whose import (with the zipfile module
    it pulls in) costs more than finding the folder; ccmlint is installed as files,
    never run from a zip archive, so a folder is what there is to find. An installed
    ccmlint holds its data packages as folders beside its modules; only a checkout
    installed for development maps them elsewhere, for the import system to find.
    """
    parent, _, name = package.rpartition(".")
    if parent == __package__:
        beside = Path(__file__).parent / name
        if (beside / "__init__.py").is_file():
            return beside
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        return None
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if locations else None


def read_merged(paths: Iterable[Path]) -> tuple[dict[str, object], tuple[str, ...]]:
    """The mappings of the data files that exist among ``paths``, merged in order
    (``merge_pack_data``), and the files read; DataFileError for a file that is not
    YAML or not a mapping."""
    merged: dict[str, object] = {}
    files: list[str] = []
    for path in paths:
        if not path.is_file():
            continue
        data = read_yaml_data(path) or {}
        if not isinstance(data, Mapping):
            raise DataFileError(f"{path}: expected a mapping at the top level")
        merged = merge_pack_data(merged, data)
        files.append(str(path))
    return merged, tuple(files)


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
