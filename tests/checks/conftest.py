"""Fixtures shared by the check-kind tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccmlint.checks import styledata


@pytest.fixture
def packs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A rules root of our own, with empty data folders for both packs, so that broken
    data files can be tried."""
    monkeypatch.setattr(styledata, "rules_root", lambda: tmp_path)
    for pack in ("generic", "ccm"):
        (tmp_path / pack / "data").mkdir(parents=True)
    return tmp_path
