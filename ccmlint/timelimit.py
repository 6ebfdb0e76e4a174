"""A time limit on searches by Python's own ``re`` engine.

``re`` takes no timeout, but its matching loop checks for signals every few thousand
steps, so a real-time timer (``SIGALRM``) whose handler raises stops a runaway search
where it stands. A timer is only to be had in the main thread of a POSIX process
that does not use it itself; elsewhere ``SearchTimer`` says so, and the caller
searches with an engine that takes a timeout of its own.

    with SearchTimer(2.0) as timer:
        if timer.active:
            matches = timer.bounded(lambda: list(pattern.finditer(text)))
"""

from __future__ import annotations

import signal
from types import FrameType, TracebackType
from typing import Callable, TypeVar

T = TypeVar("T")


class TimeLimitExceeded(Exception):
    """A bounded search ran longer than its limit."""


class SearchTimer:
    """Bounds each search run through ``bounded`` by ``seconds`` of real time.

    Entering installs the handler (when the timer can be had: ``active``); leaving
    puts back the one that was there. The timer runs only inside ``bounded``.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.active = False
        self._previous: object = None

    def __enter__(self) -> SearchTimer:
        self.active = _timer_free()
        if self.active:
            try:
                self._previous = signal.signal(signal.SIGALRM, _expire)
            except ValueError:  # not the main thread
                self.active = False
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._previous)  # type: ignore[arg-type]
            self.active = False

    def bounded(self, search: Callable[[], T]) -> T:
        """``search()``, stopped with TimeLimitExceeded once it runs past the limit."""
        if not self.active:
            raise RuntimeError("the timer is not active; search with a timeout of the engine's own")
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            return search()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _timer_free() -> bool:
    """Whether this process may take the real-time timer: POSIX, and neither a handler
    nor a timer of the program's own in place."""
    if not hasattr(signal, "setitimer") or not hasattr(signal, "SIGALRM"):
        return False
    if signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None):
        return False
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def _expire(number: int, frame: FrameType | None) -> None:
    raise TimeLimitExceeded
