"""Reading a report from a path or standard input, with every failure made a clear message."""

from __future__ import annotations

import os
import stat
import sys

from ccmlint.source import DecodeError, Source, decode

STDIN = "-"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class ReadError(Exception):
    """The file could not be read as a report; the message is for the user, the path is known."""


def read_report(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """The decoded report at ``path`` (``-`` for standard input)."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        display = "<stdin>"
    else:
        display = path
        data = _read_file(path, max_bytes)
    if len(data) > max_bytes:
        raise ReadError(
            f"larger than the limit of {max_bytes:,} bytes; raise it with --max-bytes if this really is one report"
        )
    try:
        return decode(data, display)
    except DecodeError as error:
        raise ReadError(str(error)) from None


def _read_file(path: str, max_bytes: int) -> bytes:
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError("is a broken symbolic link") from None
        raise ReadError("no such file") from None
    except OSError as error:
        raise ReadError(f"cannot be read: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReadError("is a directory; name the report files to check")
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("is not a regular file")
    try:
        with open(path, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReadError("disappeared while being read") from None
    except OSError as error:
        raise ReadError(f"cannot be read: {error.strerror or error}") from None
