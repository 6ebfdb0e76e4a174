"""Shared test options and paths."""

from __future__ import annotations

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


def sample_reports() -> list[Path]:
    """The real sample reports beside the repository, when present (a fresh clone has none)."""
    return sorted(SAMPLE_DIR.glob("*.txt")) if SAMPLE_DIR.is_dir() else []


# Hypothesis profiles: the default is quick enough for every run; the long one is for
# hunting by hand:  HYPOTHESIS_PROFILE=long pytest tests/grammar tests/test_properties.py
from hypothesis import settings  # noqa: E402

settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(__import__("os").environ.get("HYPOTHESIS_PROFILE", "default"))
