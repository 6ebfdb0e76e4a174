"""Reading a report from a path or standard input, with every failure made a clear message.

Whatever is named on the command line, reading it must neither hang nor take
unbounded memory: only regular files are read (a FIFO with no writer would block
forever), a file whose size is over the limit is refused before a byte is read,
and every read asks for at most one byte more than the limit, so a file that grows
while it is read, or an endless standard input, is still refused in bounded memory.
"""

from __future__ import annotations

import os
import stat
import sys

from ccmlint.docx import looks_like_docx, read_docx
from ccmlint.source import DecodeError, Source, decode

STDIN = "-"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

# NOTE: opening without blocking means a path swapped for a FIFO between the stat
# and the open cannot hang the run; the fstat of the opened file then refuses it.
# A regular file ignores the flag. O_BINARY matters on Windows only.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOCTTY", 0)


class ReadError(Exception):
    """The file could not be read as a report; the message is for the user, the path is known."""


def read_report(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The decoded report at ``path`` (``-`` for standard input)."""
    if path == STDIN:
        data = _read_stdin(max_bytes)
        display = "<stdin>"
    else:
        display = path
        data = _read_file(path, max_bytes)
    if len(data) > max_bytes:
        raise _too_large(max_bytes)
    if looks_like_docx(display, data):
        return _read_docx(data, display)
    try:
        return decode(data, display)
    except DecodeError as error:
        raise ReadError(str(error)) from None


def _read_docx(data: bytes, display: str) -> Source:
    """A Word document (or a file posing as one), rendered as its text export."""
    from ccmlint.docx.package import PackageError

    try:
        return read_docx(data, display)
    except PackageError as error:
        raise ReadError(str(error)) from None


def _read_stdin(max_bytes: int) -> bytes:
    # NOTE: sys.stdin is None when the process was started with standard input
    # closed (``ccmlint - <&-``); that is the user's mistake, not an internal error.
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise ReadError("standard input is closed; name the report file instead of -")
    try:
        data: bytes = stream.read(max_bytes + 1)
    except OSError as error:
        raise ReadError(f"standard input cannot be read: {error.strerror or error}") from None
    return data


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError("is a broken symbolic link") from None
        raise ReadError("no such file") from None
    except OSError as error:
        raise ReadError(f"cannot be read: {error.strerror or error}") from None
    _check_kind(info, max_bytes)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise ReadError("disappeared before it could be read") from None
    except OSError as error:
        raise ReadError(f"cannot be read: {error.strerror or error}") from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            # The file opened may not be the one stat saw: check it again.
            _check_kind(os.fstat(handle.fileno()), max_bytes)
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError("disappeared while being read") from None
    except OSError as error:
        raise ReadError(f"cannot be read: {error.strerror or error}") from None


def _check_kind(info: os.stat_result, max_bytes: int) -> None:
    """Refuse what is not a regular file, and a file already known to be too large."""
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a directory; name the report files to check")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("is not a regular file (a pipe, device or socket); save the report to a file")
    if info.st_size > max_bytes:
        raise _too_large(max_bytes, info.st_size)


def _too_large(max_bytes: int, size: int | None = None) -> ReadError:
    """The refusal of a file over the limit; the size is given when it is known."""
    what = f"is {size:,} bytes," if size is not None else "is"
    return ReadError(
        f"{what} larger than the limit of {max_bytes:,} bytes; raise it with --max-bytes if this really is one report"
    )
