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


def test_the_command_sets_the_collector_first_and_freezes_what_is_left_at_exit() -> None:
    import subprocess
    import sys
    from pathlib import Path

    repository = Path(__file__).parents[1]
    script = (
        "import gc\n"
        "collections = []\n"
        "gc.callbacks.append(lambda phase, info: phase == 'start' and collections.append(info['generation']))\n"
        "from ccmlint.command import run\n"
        "code = run(['examples/planted-defects.txt', '--quiet'])\n"
        "print('RESULT', code, gc.get_threshold()[0], gc.get_freeze_count() > 0, len(collections))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=repository, timeout=120)
    result = done.stdout.split("RESULT")[-1].split()
    # Findings (exit 1); the run's threshold kept; everything frozen; at the default
    # threshold importing alone ran five collections, a lint dozens.
    assert result[:3] == ["1", str(collector.FIRST_GENERATION), "True"], done.stdout + done.stderr
    assert int(result[3]) <= 2
