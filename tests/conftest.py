"""Shared test options and paths."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIR = REPO.parent / "shared" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate",
        action="store_true",
        default=False,
        help="rewrite every generated expectation file (AST dumps, expected outputs) from current behaviour",
    )


@pytest.fixture
def regenerate(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--regenerate"))


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache directory for one test. pytest's tmp_path lies in the shared
    temporary directory, where ``cache.directory`` refuses to keep a cache, so the
    test moves the notion of "shared temporary directory" elsewhere."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.delenv("CCMLINT_NO_CACHE", raising=False)
    return tmp_path / "home-cache" / "ccmlint"


def sample_reports() -> list[Path]:
    """The real sample reports beside the repository, when present (a fresh clone has none)."""
    return sorted(SAMPLE_DIR.glob("*.txt")) if SAMPLE_DIR.is_dir() else []


# Hypothesis profiles: the default is quick enough for every run; the long one is for
# hunting by hand:  HYPOTHESIS_PROFILE=long pytest tests/grammar tests/test_properties.py
from hypothesis import settings  # noqa: E402

settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "default"))
