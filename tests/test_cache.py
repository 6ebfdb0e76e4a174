"""The per-user cache: reused while its inputs are unchanged, never trusted blindly."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterator

import pytest

from ccmlint import cache
from ccmlint.packdata_io import prepared


class Builder:
    """Counts how often the cached work is really done."""

    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_cached_value_is_built_once_and_then_read_back(cache_home: Path) -> None:
    build = Builder({"answer": [42]})
    assert cache.cached("test", "key", build) == {"answer": [42]}
    assert cache.cached("test", "key", build) == {"answer": [42]}
    assert build.calls == 1
    assert len(list(cache_home.glob("test.*.pickle"))) == 1


def test_the_cache_directory_is_private(cache_home: Path) -> None:
    cache.cached("test", "key", Builder(1))
    assert cache_home.stat().st_mode & 0o077 == 0


def test_a_damaged_entry_is_rebuilt_and_replaced(cache_home: Path) -> None:
    cache.cached("test", "key", Builder("first"))
    (entry,) = cache_home.glob("test.*.pickle")
    entry.write_bytes(b"\x80\x05not a pickle at all")
    rebuild = Builder("rebuilt")
    assert cache.cached("test", "key", rebuild) == "rebuilt"
    assert rebuild.calls == 1
    assert cache.cached("test", "key", Builder("unused")) == "rebuilt"


def test_no_cache_in_the_shared_temporary_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CCMLINT_NO_CACHE", raising=False)
    assert cache.directory() is None
    build = Builder(7)
    cache.cached("test", "key", build)
    cache.cached("test", "key", build)
    assert build.calls == 2


def test_caching_can_be_turned_off(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCMLINT_NO_CACHE", "1")
    build = Builder(7)
    cache.cached("test", "key", build)
    cache.cached("test", "key", build)
    assert build.calls == 2
    assert not cache_home.exists()


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="needs a non-root user to be refused")
def test_an_unwritable_cache_only_costs_time(cache_home: Path) -> None:
    cache_home.mkdir(parents=True)
    cache_home.chmod(0o500)
    try:
        build = Builder(7)
        assert cache.cached("test", "key", build) == 7
        assert cache.cached("test", "key", build) == 7
        assert build.calls == 2
    finally:
        cache_home.chmod(0o700)


def test_prepared_data_is_rebuilt_when_a_data_file_changes(cache_home: Path, tmp_path: Path) -> None:
    data = tmp_path / "names.yaml"
    data.write_text("states: [Chile]\n", encoding="utf-8")
    build = Builder(None)

    def read() -> object:
        build()
        return data.read_text(encoding="utf-8")

    assert prepared("test-data", [data], read) == "states: [Chile]\n"
    assert prepared("test-data", [data], read) == "states: [Chile]\n"
    assert build.calls == 1
    data.write_text("states: [Peru]\n", encoding="utf-8")
    assert prepared("test-data", [data], read) == "states: [Peru]\n"
    assert build.calls == 2


def test_a_file_settled_for_a_while_is_keyed_by_its_stat_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "names.yaml"
    data.write_text("states: [Chile]\n", encoding="utf-8")
    monkeypatch.setattr(cache, "RECENT_NS", 0)
    first = cache.file_key(data)
    assert first.startswith(b"stat:") and b"Chile" not in first
    assert cache.file_key(data) == first
    data.write_text("states: [Peru, Chile]\n", encoding="utf-8")
    assert cache.file_key(data) != first


def test_a_file_changed_moments_ago_is_keyed_by_its_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Two writes within one tick of the file system's clock leave the same stat.
    data = tmp_path / "names.yaml"
    data.write_text("states: [Chile]\n", encoding="utf-8")
    written = os.stat(data)
    monkeypatch.setattr(cache.time, "time_ns", lambda: max(written.st_mtime_ns, written.st_ctime_ns) + 1)
    assert cache.file_key(data) == b"bytes:states: [Chile]\n"
    assert cache.file_key(tmp_path / "absent.yaml") == b"<absent>"


def test_prepared_data_distinguishes_an_absent_file(cache_home: Path, tmp_path: Path) -> None:
    data = tmp_path / "absent.yaml"
    assert prepared("test-data", [data], lambda: "none") == "none"
    data.write_text("x: 1\n", encoding="utf-8")
    assert prepared("test-data", [data], lambda: "some") == "some"


def test_a_failing_preparation_is_not_cached(cache_home: Path, tmp_path: Path) -> None:
    data = tmp_path / "broken.yaml"
    data.write_text("states: [\n", encoding="utf-8")
    attempts = Builder(None)

    def fail() -> object:
        attempts()
        raise ValueError("broken data")

    for _ in range(2):
        with pytest.raises(ValueError, match="broken data"):
            prepared("test-data", [data], fail)
    assert attempts.calls == 2


def test_old_entries_of_a_kind_are_pruned_when_a_new_one_is_written(cache_home: Path) -> None:
    for number in range(cache.KEPT_PER_KIND + 5):
        cache.cached("test", f"key-{number:03d}", Builder(number))
    cache.cached("other", "key", Builder("other"))
    kept = sorted(cache_home.glob("test.*.pickle"))
    assert len(kept) == cache.KEPT_PER_KIND
    assert (cache_home / "other.key.pickle").exists()
    newest = Builder("unused")
    assert cache.cached("test", f"key-{cache.KEPT_PER_KIND + 4:03d}", newest) == cache.KEPT_PER_KIND + 4
    assert newest.calls == 0


def test_pruning_a_kind_leaves_the_kinds_whose_names_it_begins(cache_home: Path) -> None:
    cache.cached("pack-data", "key", Builder("data"))
    for number in range(cache.KEPT_PER_KIND + 1):
        cache.cached("pack", f"key-{number:03d}", Builder(number))
    assert (cache_home / "pack-data.key.pickle").exists()
    assert len(list(cache_home.glob("pack.*.pickle"))) == cache.KEPT_PER_KIND


@pytest.fixture
def new_memo(cache_home: Path) -> Iterator[Callable[[], cache.Memo[str, int]]]:
    """Fresh memos of one kind, as fresh processes would have, forgotten afterwards."""
    made: list[cache.Memo[str, int]] = []

    def make() -> cache.Memo[str, int]:
        memo: cache.Memo[str, int] = cache.Memo("test-memo", "version-1")
        made.append(memo)
        return memo

    yield make
    for memo in made:
        cache._memos.remove(memo)


def test_a_memo_keeps_what_one_process_learnt_for_the_next(new_memo: Callable[[], cache.Memo[str, int]]) -> None:
    first = new_memo()
    assert first.get("a") is None
    first.put("a", 1)
    assert first.get("a") == 1
    cache.save_memos()
    second = new_memo()
    assert second.get("a") == 1
    second.put("b", 2)
    second.save()
    assert new_memo().get("b") == 2 and new_memo().get("a") == 1


def test_a_memo_that_learnt_nothing_writes_nothing(new_memo: Callable[[], cache.Memo[str, int]], cache_home: Path) -> None:
    memo = new_memo()
    memo.get("a")
    memo.save()
    assert not list(cache_home.glob("test-memo-*"))


def test_a_full_memo_keeps_only_what_this_process_used(
    new_memo: Callable[[], cache.Memo[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache.Memo, "LIMIT", 3)
    filler = new_memo()
    for number in range(3):
        filler.put(f"old-{number}", number)
    filler.save()
    memo = new_memo()
    assert memo.get("old-1") == 1
    memo.put("new", 9)
    memo.save()
    later = new_memo()
    assert (later.get("old-0"), later.get("old-1"), later.get("new")) == (None, 1, 9)


def test_a_memo_works_without_a_cache(new_memo: Callable[[], cache.Memo[str, int]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCMLINT_NO_CACHE", "1")
    memo = new_memo()
    memo.put("a", 1)
    memo.save()
    assert memo.get("a") == 1
    assert new_memo().get("a") is None


def test_a_pickled_pattern_is_rebuilt_through_the_pattern_store(cache_home: Path) -> None:
    import re

    from ccmlint import regexes

    pattern = re.compile(r"(?P<year>\d{4}) (?:test-only|pattern)")
    cache.store("test", "patterns", {"held": [pattern]})
    regexes._compiled.clear()
    loaded = cache.load("test", "patterns")
    assert isinstance(loaded, dict)
    (rebuilt,) = loaded["held"]
    assert rebuilt == pattern
    assert (pattern.pattern, pattern.flags) in regexes._compiled


@pytest.mark.parametrize("variables", [{}, {"TMPDIR": "<dir>"}, {"TMPDIR": "/no/such/folder", "TMP": "<dir>"}, {"TEMP": "<dir>"}])
def test_the_shared_temporary_directory_is_the_one_tempfile_names(tmp_path: Path, variables: dict[str, str]) -> None:
    """Found without importing tempfile, it must still be the folder tempfile would use."""
    environment = {"PATH": os.environ.get("PATH", "")}
    environment.update({name: value.replace("<dir>", str(tmp_path)) for name, value in variables.items()})
    probe = (
        "import sys; from ccmlint import cache; ours = cache.shared_temporary_directory(); "
        "imported = 'tempfile' in sys.modules; import tempfile; print(ours, tempfile.gettempdir(), imported)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=environment, check=True)
    ours, theirs, imported = done.stdout.split()
    assert ours == theirs
    assert imported == "False"


def test_a_temporary_directory_a_program_set_is_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert cache.shared_temporary_directory() == str(tmp_path)
