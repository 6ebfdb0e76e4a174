"""Safe fixes: applying them to a report, showing them as a diff, writing them back.

A rule offers a ``Fix`` only where the right form is certain (whitespace, a
substitution with exactly one right form); ``--fix`` applies those and nothing else.
Fixes that overlap cannot all be right at once: the first in the text is applied and
the others wait for the next pass, which lints the fixed text again. Passes repeat
until nothing changes, so a second ``--fix`` finds nothing to do.

Writing keeps the file as it came: same encoding, byte-order mark and newline style
(``source.encode``), same permissions, replaced atomically (``ccmlint.writing``). A
file is written only if its bytes on disk still decode to the text that was linted,
so an edit made meanwhile is never overwritten; a file that could not be decoded
never reaches this module at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Sequence

from ccmlint.diagnostics import Fix
from ccmlint.source import DecodeError, Source, decode, encode
from ccmlint.writing import write_atomically

MAX_PASSES = 10
"""Enough for fixes that uncover one another (three spaces become two, then one);
a rule set that never settles stops here instead of looping."""


class FixError(Exception):
    """A fixed file could not be written; the message says why, the file is unchanged."""


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, tuple[Fix, ...]]:
    """``text`` with every fix applied that does not collide with an earlier one.

    Returns the new text and the fixes applied (a fix that would change nothing is not
    counted). Text outside the applied fixes' spans is left exactly as it was.
    """
    applied: list[Fix] = []
    last_end = -1
    last_insertion = -1
    for fix in sorted(fixes, key=lambda fix: (fix.span.start, fix.span.end, fix.replacement)):
        start, end = fix.span.start, fix.span.end
        if not 0 <= start <= end <= len(text) or "\r" in fix.replacement:
            continue  # NOTE: the normalised text has LF line ends only; a CR would be a new one.
        if text[start:end] == fix.replacement:
            continue
        if start < last_end or (start == end and start == last_insertion):
            continue
        applied.append(fix)
        last_end = end
        last_insertion = start if start == end else -1
    pieces: list[str] = []
    position = 0
    for fix in applied:
        pieces.append(text[position : fix.span.start])
        pieces.append(fix.replacement)
        position = fix.span.end
    pieces.append(text[position:])
    return "".join(pieces), tuple(applied)


def fix_source(source: Source, fixes_of: Callable[[Source], Sequence[Fix]]) -> tuple[Source, int]:
    """The source with its fixes applied until none is left (at most ``MAX_PASSES``
    passes); ``fixes_of`` lints a source and returns the fixes it may apply."""
    current, count = source, 0
    if source.locator is not None:
        # NOTE: the text of a Word document is a rendering of it; fixing that text would
        # not fix the document (its reviewed copy, --review-copy, carries the findings).
        return source, 0
    for _ in range(MAX_PASSES):
        text, applied = apply_fixes(current.text, fixes_of(current))
        if not applied:
            break
        current = current.replace(text=text)
        count += len(applied)
    return current, count


def unified_diff(path: str, before: str, after: str) -> str:
    """A unified diff of the two texts, ``a/path`` to ``b/path``; empty if they are equal."""
    if before == after:
        return ""
    import difflib  # only when a diff is shown

    lines = difflib.unified_diff(_lines(before), _lines(after), fromfile=f"a/{path}", tofile=f"b/{path}")
    return "".join(lines)


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n\\ No newline at end of file\n"
    return lines


def write_fixed(original: Source, fixed: Source) -> None:
    """Write ``fixed`` over the file ``original`` was read from, as it was encoded."""
    path = Path(original.path)
    if original.locator is not None:
        raise FixError("is a Word document: ccmlint never writes it; use --review-copy for a copy with the findings")
    try:
        on_disk = decode(path.read_bytes(), original.path)
    except (OSError, DecodeError) as error:
        raise FixError(f"cannot be fixed: it can no longer be read ({error})") from None
    if on_disk.text != original.text:
        raise FixError("changed on disk while it was being linted; not fixed, run ccmlint --fix again")
    try:
        write_atomically(path, encode(original, fixed.text))
    except (OSError, UnicodeEncodeError) as error:
        raise FixError(f"cannot be written: {error}") from None
