"""A run raises the collector's threshold and gives the caller's back."""

from __future__ import annotations

import gc

import pytest

from ccmlint import collector
from ccmlint.cli import main


def test_a_run_collects_less_often_and_restores_the_setting(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[tuple[int, int, int]] = []
    from ccmlint import cli

    dispatch = cli._dispatch
    monkeypatch.setattr(cli, "_dispatch", lambda arguments: seen.append(gc.get_threshold()) or dispatch(arguments))
    before = gc.get_threshold()
    main(["rules"])
    assert seen and seen[0][0] == collector.FIRST_GENERATION
    assert seen[0][1:] == before[1:]
    assert gc.get_threshold() == before
    assert capsys.readouterr().out
