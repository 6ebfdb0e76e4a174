"""Word documents (.docx): read as the text of their Word export, and reviewed copies written back.

``read_docx`` turns a .docx into a ``Source`` whose text is what a Word export of it
would be, with a locator that maps every offset back to a paragraph and a character
in it; ``ccmlint.docx.review`` writes a copy of the document with each finding as a
Word comment on the words it is about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ccmlint.source import Source

# NOTE: this module stays light to import (every text report passes through
# looks_like_docx, and start-up time is a pre-commit hook's whole cost); what reads
# a Word document is imported when one is read.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"

__all__ = ["OLE_SIGNATURE", "ZIP_SIGNATURE", "looks_like_docx", "read_docx"]


def looks_like_docx(path: str, data: bytes) -> bool:
    """Whether to read the bytes as a Word document: by name, or by a zip or OLE signature.

    An OLE file (a .doc, or an encrypted .docx) is read as one too, so that it is
    refused with a message saying what it is, not as undecodable text.
    """
    name = path.lower()
    return name.endswith((".docx", ".docm", ".dotx", ".dotm", ".doc")) or data.startswith((ZIP_SIGNATURE, OLE_SIGNATURE))


def read_docx(data: bytes, path: str) -> Source:
    """The Word-export text of a .docx with the place of each character;
    ``ccmlint.docx.package.PackageError`` if it is not one."""
    from ccmlint.docx.location import DocxLocator
    from ccmlint.docx.package import open_package
    from ccmlint.docx.render import render
    from ccmlint.source import Source

    package = open_package(data)
    rendering = render(package)
    return Source(path=path, text=rendering.text, locator=DocxLocator(package, rendering.pieces, len(rendering.text)))
