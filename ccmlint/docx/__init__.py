"""Word documents (.docx): read as the text of their Word export, and reviewed copies written back.

``read_docx`` turns a .docx into a ``Source`` whose text is what a Word export of it
would be, with a locator that maps every offset back to a paragraph and a character
in it; ``ccmlint.docx.review`` writes a copy of the document with each finding as a
Word comment on the words it is about.
"""

from __future__ import annotations

from ccmlint.docx.package import OLE_SIGNATURE, ZIP_SIGNATURE, PackageError, open_package
from ccmlint.source import Source

__all__ = ["OLE_SIGNATURE", "ZIP_SIGNATURE", "PackageError", "looks_like_docx", "read_docx"]


def looks_like_docx(path: str, data: bytes) -> bool:
    """Whether to read the bytes as a Word document: by name, or by a zip or OLE signature.

    An OLE file (a .doc, or an encrypted .docx) is read as one too, so that it is
    refused with a message saying what it is, not as undecodable text.
    """
    name = path.lower()
    return name.endswith((".docx", ".docm", ".dotx", ".dotm", ".doc")) or data.startswith((ZIP_SIGNATURE, OLE_SIGNATURE))


def read_docx(data: bytes, path: str) -> Source:
    """The Word-export text of a .docx with the place of each character; PackageError if it is not one."""
    # NOTE: imported here, not at the top: every text report passes through
    # looks_like_docx, and start-up time is a pre-commit hook's whole cost.
    from ccmlint.docx.location import DocxLocator
    from ccmlint.docx.render import render

    package = open_package(data)
    rendering = render(package)
    return Source(path=path, text=rendering.text, locator=DocxLocator(package, rendering.pieces, len(rendering.text)))
