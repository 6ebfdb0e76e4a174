"""The ``ccmlint`` command as a process: the console script and ``python -m ccmlint``
start here, set the collector for a short-lived program (``ccmlint.collector``) and
run ``ccmlint.cli.main``. A program that embeds ccmlint calls ``cli.main`` itself,
which leaves that program's collector as it found it.
"""

from __future__ import annotations

from ccmlint import collector


def run(argv: list[str] | None = None) -> int:
    """The command's exit code for ``argv`` (the process's arguments when None)."""
    collector.for_the_command()
    from ccmlint.cli import main  # NOTE: after the collector is set; imports are most of what a run allocates

    code = main(argv)
    collector.leave_to_exit()
    return code
