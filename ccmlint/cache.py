"""A small, safe, per-user cache for work every run would otherwise repeat.

Start-up is most of a pre-commit run: compiling the grammar and validating the rule
packs cost more than linting a report. Results are kept as pickles in the user's
own cache directory (``$XDG_CACHE_HOME/ccmlint`` or ``~/.cache/ccmlint``), never in
the shared temporary directory where another user could plant one; the directory
must belong to the user. Each entry is keyed by a digest of everything it was built
from, including ccmlint's own code, so a stale entry is never read; an entry that
fails to load is rebuilt. ``CCMLINT_NO_CACHE=1`` turns caching off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path
from typing import Callable, Iterable, TypeVar

from ccmlint import __version__

T = TypeVar("T")


def directory() -> Path | None:
    """The private cache directory, or None where none can be had safely."""
    if os.environ.get("CCMLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "ccmlint"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        owner = folder.stat().st_uid
    except OSError:
        return None
    if hasattr(os, "getuid") and owner != os.getuid():
        return None
    if Path(tempfile.gettempdir()).resolve() in folder.resolve().parents:
        return None
    return folder


@cache
def code_digest() -> str:
    """A digest of ccmlint's own code (names, sizes, modification times): a cached
    result built by other code is never reused."""
    package = os.path.dirname(os.path.abspath(__file__))
    parts = [__version__]
    for folder, subfolders, names in os.walk(package):
        subfolders.sort()
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            parts.append(f"{os.path.relpath(path, package)}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def digest(*parts: bytes | str, items: Iterable[bytes | str] = ()) -> str:
    hasher = hashlib.sha256(code_digest().encode())
    for part in (*parts, *items):
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """The value built by ``build`` for ``key``, from the cache when it holds one."""
    folder = directory()
    if folder is None:
        return build()
    path = folder / f"{kind}-{key[:32]}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file in a private directory
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged entry is rebuilt, never fatal
        _discard(path)
    value = build()
    _store(path, value)
    _prune(folder, f"{kind}-*.pickle")
    return value


KEPT_PER_KIND = 32
"""Entries of one kind kept: enough for every pack and data file of a few versions of
ccmlint side by side; older ones (left by an upgrade or a changed rule) are removed
whenever a new entry is written, so the cache does not grow without end."""


def _prune(folder: Path, pattern: str) -> None:
    entries = []
    for entry in folder.glob(pattern):
        try:
            entries.append((entry.stat().st_mtime_ns, entry))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, stale in entries[KEPT_PER_KIND:]:
        _discard(stale)


def cache_file(kind: str, key: str) -> Path | None:
    """A path for a cache entry written by another library (Lark's grammar cache)."""
    folder = directory()
    if folder is None:
        return None
    path = folder / f"{kind}-{key[:32]}"
    if not path.exists():
        _prune(folder, f"{kind}-*")  # the library is about to write a new one
    return path


def _store(path: Path, value: object) -> None:
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(descriptor, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - an unwritable cache only costs time
        try:
            os.unlink(temporary)
        except (OSError, UnboundLocalError):
            pass


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
