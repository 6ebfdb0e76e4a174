"""SHA-256, without loading OpenSSL on every run.

``hashlib`` loads the OpenSSL library at import (~5 ms of a run), and a lint hashes a
few hundred short strings: cache keys and findings' fingerprints. CPython's own
implementation gives the same digests; ``hashlib`` stands in where it is absent.
"""

from __future__ import annotations

from typing import Any, Callable

sha256: Callable[..., Any]
try:
    from _sha2 import sha256  # CPython 3.12 and later
except ImportError:  # pragma: no cover - depends on the interpreter
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:
        from hashlib import sha256
