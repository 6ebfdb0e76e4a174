"""Writing a file so that a crash, a full disk or a second writer never leaves half of it.

The new bytes go to a temporary file in the same folder (so the rename stays on one
file system), are flushed to disk, take the old file's permission bits (and owner,
where allowed), and then replace the old file in one ``os.replace``. A symbolic link
is followed: the file it points to is replaced, the link stays a link.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def write_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file at ``path`` (or create it) with ``data``, all or nothing."""
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    import tempfile  # only when a fix is written

    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is not None:
            os.chmod(temporary, stat.S_IMODE(info.st_mode))
            try:
                os.chown(temporary, info.st_uid, info.st_gid)
            except (PermissionError, AttributeError):
                pass  # NOTE: only the owner or root may give a file away; keep ours then.
        else:
            # mkstemp creates 0600; a new file gets the usual mode under the umask.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
