"""Linting reports in worker processes, for ``ccmlint --jobs N``.

Linting is pure Python and bound by the processor, so only processes (not threads)
make many reports go faster. The split between the parent and the workers follows
what each step touches:

- the parent resolves every report's configuration and linter before any worker
  starts (a bad configuration stops the run as in serial mode), reads standard input
  and lints it itself, and afterwards applies the waivers, writes baselines and
  decides the fail level (``ccmlint.run``), since those steps span reports;
- a worker lints reports and, with ``--fix`` or ``--diff``, fixes them
  (``ccmlint.perfile``): a report's fixes read and write that report alone, so doing
  them where the report was linted saves sending it back and forth. Reports that name
  one file (the same path twice, or a link to it) go to one worker as a *chain*, in
  the order given: one process at a time writes a file, and the later name sees the
  fixes of the earlier, as in serial mode.

Results come back in the order the reports were given, so the output is the same as
in serial mode. A worker that dies (killed, out of memory) breaks the pool; every
report whose result had not come back then becomes an error of its own (exit 2)
instead of a traceback.

Workers are forked on Linux: they inherit the imported modules and the loaded
linters and start at once. Elsewhere (macOS, Windows) the platform's own start
method is used and the linters are sent to each worker once, by the initializer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from ccmlint import collector
from ccmlint.cache import save_memos
from ccmlint.lint import Linter, LintOptions
from ccmlint.output.results import FileResult
from ccmlint.perfile import FileOptions, Linted, lint_report
from ccmlint.record import Record
from ccmlint.waivers import WaiversFile

if TYPE_CHECKING:
    # NOTE: imported when a pool starts, so that a serial run (a pre-commit hook)
    # does not pay for multiprocessing at start-up.
    from concurrent.futures import Future
    from multiprocessing.context import BaseContext

NOT_LINTED = "not linted: a worker process stopped unexpectedly before this report was done; run again, or with --jobs 1"


class Job(Record):
    """One report for a worker: its place on the command line and what linting it needs."""

    index: int
    path: str
    options: LintOptions
    """Which of the pool's linters lints it."""
    waivers: WaiversFile | None = None
    """Its waivers file, sent only when fixing (waived findings are not fixed)."""


Chain = tuple[Job, ...]
"""Reports naming one file, linted in this order by one worker."""


def worker_count(requested: int, tasks: int) -> int:
    """How many workers to start: ``requested`` (0: one per processor), never more than
    there are tasks. Below 2 a pool only costs start-up time: lint serially then."""
    wanted = requested if requested > 0 else _processors()
    return max(1, min(wanted, tasks))


def _processors() -> int:
    """The processors this process may run on (a container or ``taskset`` may allow
    fewer than the machine has)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def file_groups(paths: Sequence[str], indexes: Sequence[int], fixing: bool) -> list[tuple[int, ...]]:
    """The indexes of ``paths`` grouped into chains: each alone, or, when fixes are
    written, those naming one file together (in their order, by first appearance)."""
    if not fixing:
        return [(index,) for index in indexes]
    groups: dict[object, list[int]] = {}
    for index in indexes:
        groups.setdefault(_identity(paths[index], index), []).append(index)
    return [tuple(group) for group in groups.values()]


def _identity(path: str, index: int) -> object:
    """The file a path names (device and inode, so links and hard links match); a path
    that cannot be looked at stays alone: reading it will fail and say why."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return ("unknown", index)
    return (info.st_dev, info.st_ino)


class LintPool:
    """A pool of worker processes that lint chains of reports; use it in a ``with``."""

    def __init__(self, linters: Mapping[LintOptions, Linter], options: FileOptions, workers: int) -> None:
        # NOTE: a forked worker flushes the standard streams it inherited when it exits:
        # anything still buffered here would be printed twice.
        sys.stdout.flush()
        sys.stderr.flush()
        from concurrent.futures import ProcessPoolExecutor

        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(),
            initializer=_start_worker,
            initargs=(dict(linters), options),
        )

    def __enter__(self) -> LintPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        # On an interrupt or an error nothing queued is started; running reports finish.
        self._executor.shutdown(wait=True, cancel_futures=True)

    def submit(self, chain: Chain) -> Future[list[Linted]]:
        return self._executor.submit(_lint_chain, chain)

    def collect(self, chain: Chain, future: Future[list[Linted]]) -> list[tuple[int, Linted]]:
        """The chain's outcomes by index; errors if its worker died before returning
        them. Any other exception is re-raised, as the serial loop would raise it."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            outcomes = future.result()
        except BrokenProcessPool:
            return [(job.index, Linted(_not_linted(job.path))) for job in chain]
        return [(job.index, linted) for job, linted in zip(chain, outcomes)]


def _not_linted(path: str) -> FileResult:
    return FileResult(path=path, source=None, error=NOT_LINTED)


def _context() -> BaseContext:
    """Fork on Linux (cheap: workers share the loaded rules); elsewhere the platform's
    default, since forking is unsafe with macOS system libraries and absent on Windows."""
    import multiprocessing

    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


# ---------------------------------------------------------------------- in the worker

_linters: dict[LintOptions, Linter] = {}
_options = FileOptions()


def _start_worker(linters: dict[LintOptions, Linter], options: FileOptions) -> None:
    """Keep the linters for every report this worker lints; leave Ctrl-C to the parent,
    which stops the run (a worker interrupted mid-wait would print a traceback)."""
    import signal  # only in a --jobs worker

    global _options
    collector.fewer_collections()  # as in the run itself (a spawned worker imports afresh)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _linters.update(linters)
    _options = options


def _lint_chain(chain: Chain) -> list[Linted]:
    linted = [lint_report(job.path, _linter(job.options), job.waivers, _options) for job in chain]
    save_memos()
    return linted


def _linter(options: LintOptions) -> Linter:
    """The parent sends every linter its reports need; one missing is built once here."""
    if options not in _linters:
        _linters[options] = Linter.create(options)
    return _linters[options]
