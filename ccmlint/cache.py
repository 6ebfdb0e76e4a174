"""A small, safe, per-user cache for work every run would otherwise repeat.

Start-up is most of a pre-commit run: compiling the grammar, validating the rule
packs and compiling their patterns cost more than linting a report. Results are
kept as pickles in the user's own cache directory (``$XDG_CACHE_HOME/ccmlint`` or
``~/.cache/ccmlint``), never in the shared temporary directory where another user
could plant one; the directory must belong to the user. Each entry is keyed by a
digest of everything it was built from, including ccmlint's own code, so a stale
entry is never read; an entry that fails to load is rebuilt. ``CCMLINT_NO_CACHE=1``
turns caching off.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
import time
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Callable, Generic, Iterable, TypeVar

from ccmlint import __version__
from ccmlint.hashing import sha256

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")


def directory() -> Path | None:
    """The private cache directory, or None where none can be had safely."""
    if os.environ.get("CCMLINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return _checked(base, shared_temporary_directory())


_SYSTEM_TEMPORARY = ("/tmp", "/var/tmp", "/usr/tmp")  # noqa: S108 - named to be avoided


def shared_temporary_directory() -> str:
    """The temporary directory ``tempfile.gettempdir`` names: ``tempfile.tempdir`` when
    a program has set it, else the first usable of TMPDIR, TEMP, TMP and the system's.

    NOTE: found without importing tempfile (which imports shutil, random and more,
    and writes a probe file in each candidate): a usable folder is one we may write to.
    """
    tempfile = sys.modules.get("tempfile")
    if tempfile is not None and getattr(tempfile, "tempdir", None):
        return str(tempfile.tempdir)
    if os.name != "posix":  # pragma: no cover - the system's candidates are tempfile's to know
        import tempfile

        return tempfile.gettempdir()
    return _first_usable(tuple(os.environ.get(variable) for variable in ("TMPDIR", "TEMP", "TMP")))


@lru_cache(maxsize=8)
def _first_usable(named: tuple[str | None, ...]) -> str:
    """Looked for once a process, as tempfile does, for each setting of the variables."""
    for candidate in [*(name for name in named if name), *_SYSTEM_TEMPORARY]:
        folder = os.path.abspath(candidate)
        if os.path.isdir(folder) and os.access(folder, os.W_OK | os.X_OK):
            return folder
    return os.getcwd()


@lru_cache(maxsize=8)
def _checked(base: str, shared_temporary: str) -> Path | None:
    """``base``/ccmlint, made and checked once per process for each place asked about
    (a run asks a dozen times)."""
    folder = Path(base) / "ccmlint"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        owner = folder.stat().st_uid
    except OSError:
        return None
    if hasattr(os, "getuid") and owner != os.getuid():
        return None
    if Path(shared_temporary).resolve() in folder.resolve().parents:
        return None
    return folder


@cache
def code_digest() -> str:
    """A digest of ccmlint's own code (names, sizes, modification times): a cached
    result built by other code is never reused."""
    package = os.path.dirname(os.path.abspath(__file__))
    parts = [__version__]
    _list_code(package, "", parts)
    return sha256("\n".join(parts).encode()).hexdigest()


def _list_code(folder: str, prefix: str, parts: list[str]) -> None:
    """Each ``.py`` file under ``folder`` as "path:size:mtime", in name order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.endswith(".py"):
            try:
                info = entry.stat()
            except OSError:
                continue
            parts.append(f"{prefix}{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        elif entry.name != "__pycache__" and entry.is_dir(follow_symlinks=False):
            _list_code(entry.path, f"{prefix}{entry.name}/", parts)


def digest(*parts: bytes | str, items: Iterable[bytes | str] = ()) -> str:
    hasher = sha256(code_digest().encode())
    for part in (*parts, *items):
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


RECENT_NS = 3_000_000_000
"""A file changed less than this long ago (in nanoseconds) is keyed by its bytes."""


def file_key(path: str | os.PathLike[str]) -> bytes:
    """What stands for a file's contents in a cache key, without reading it: its size,
    modification and change times, inode and device. Any write changes the change
    time, which no program can set back, so a changed file gets a new key.

    NOTE: two writes within one tick of the file system's clock (milliseconds, or
    seconds on some systems) leave the same times, as git's index knows ("racy git");
    a file changed in the last few seconds is therefore keyed by its bytes. Windows
    reports the creation time as the change time: there the key rests on the size and
    modification time. An absent or unreadable file has a key of its own.
    """
    try:
        info = os.stat(path)
    except OSError:
        return b"<absent>"
    if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) < RECENT_NS:
        try:
            with open(path, "rb") as handle:
                return b"bytes:" + handle.read()
        except OSError:
            return b"<unreadable>"
    return f"stat:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}:{info.st_ino}:{info.st_dev}".encode()


def cached(kind: str, key: str, build: Callable[[], T]) -> T:
    """The value built by ``build`` for ``key``, from the cache when it holds one."""
    found = _read(kind, key)
    if found is not _ABSENT:
        return found  # type: ignore[return-value]
    value = build()
    store(kind, key, value)
    return value


def load(kind: str, key: str) -> object | None:
    """The value kept for ``key``, or None when there is none (or it was damaged)."""
    found = _read(kind, key)
    return None if found is _ABSENT else found


_ABSENT = object()


def _read(kind: str, key: str) -> object:
    folder = directory()
    if folder is None:
        return _ABSENT
    path = _entry(folder, kind, key)
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)  # noqa: S301 - our own file in a private directory
    except FileNotFoundError:
        return _ABSENT
    except Exception:  # noqa: BLE001 - a damaged entry is rebuilt, never fatal
        _discard(path)
        return _ABSENT


def store(kind: str, key: str, value: object) -> None:
    """Keep ``value`` for ``key`` (replacing what was kept), pruning old entries."""
    folder = directory()
    if folder is None:
        return
    _store(_entry(folder, kind, key), value)
    _prune(folder, f"{kind}.*.pickle")


def _entry(folder: Path, kind: str, key: str) -> Path:
    # NOTE: a dot, not a hyphen, after the kind: kinds are hyphenated ("pack",
    # "pack-data"), and pruning one kind by its pattern must not reach the other.
    return folder / f"{kind}.{key[:32]}.pickle"


class Memo(Generic[K, V]):
    """A dictionary kept from one run to the next: for values that are costly to work
    out and asked for by many runs (a compiled pattern, what a pattern needs of a text).

    Read in full at its first use; what this process added is written back by
    ``save_memos`` at the end of a run (one file per memo, replaced atomically).
    ``key_parts`` name what the values depend on besides their keys and ccmlint's
    code (the interpreter's version, say).
    """

    LIMIT = 4096
    """Most entries kept; past this a save keeps only the ones this process used."""

    def __init__(self, kind: str, *key_parts: str) -> None:
        self._kind = kind
        self._key_parts = key_parts
        self._kept: dict[K, V] | None = None
        self._added: dict[K, V] = {}
        self._used: set[K] = set()
        _memos.append(self)

    def get(self, key: K) -> V | None:
        value = self._entries().get(key)
        if value is not None:
            self._used.add(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._entries()[key] = value
        self._added[key] = value
        self._used.add(key)

    def save(self) -> None:
        if not self._added:
            return
        kept = self._entries()
        if len(kept) > self.LIMIT:
            kept = {key: kept[key] for key in self._used if key in kept}
        store(self._kind, self._key(), kept)
        self._kept = kept
        self._added.clear()

    def _entries(self) -> dict[K, V]:
        if self._kept is None:
            loaded = load(self._kind, self._key())
            self._kept = loaded if isinstance(loaded, dict) else {}
        return self._kept

    def _key(self) -> str:
        return digest(*self._key_parts)


_memos: list[Memo[Any, Any]] = []


def save_memos() -> None:
    """Write what every memo learnt in this process (call once a run is done)."""
    for memo in _memos:
        memo.save()


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


def _store(path: Path, value: object) -> None:
    import tempfile  # only when an entry is written, not on a run the cache serves

    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(descriptor, "wb") as handle:
            pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = _reducers()
            pickler.dump(value)
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - an unwritable cache only costs time
        try:
            os.unlink(temporary)
        except (OSError, UnboundLocalError):
            pass


def _reducers() -> dict[type, Callable[[Any], Any]]:
    """How values are pickled: as usual, but a compiled pattern is rebuilt through
    ccmlint.regexes, which keeps its compiled form, not compiled again by ``re``."""
    import copyreg

    table: dict[type, Callable[[Any], Any]] = dict(copyreg.dispatch_table)
    table[re.Pattern] = _reduce_pattern
    return table


def _reduce_pattern(pattern: re.Pattern[Any]) -> tuple[Callable[..., Any], tuple[Any, ...]]:
    if isinstance(pattern.pattern, str):
        from ccmlint import regexes

        return regexes.compile, (pattern.pattern, pattern.flags)
    return re.compile, (pattern.pattern, pattern.flags)


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
