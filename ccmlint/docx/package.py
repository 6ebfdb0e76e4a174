"""Opening a .docx: a zip of XML parts, checked before anything in it is trusted.

A report arrives by e-mail, so the file may be anything: a corrupt download, an
old binary .doc, a password-protected document (both are OLE compound files, not
zips), an Excel workbook renamed, or a zip built to exhaust memory. Each is refused
with a message that says what the file is and what to do, never a traceback.

The main document part is found as Word finds it, through the package relationships
(``_rels/.rels``), not by assuming ``word/document.xml``; its own relationships name
the styles, numbering, footnotes, endnotes and comments parts.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from ccmlint.docx import OLE_SIGNATURE, ZIP_SIGNATURE
from ccmlint.docx.xmltree import XmlError, XmlPart, parse_xml

# NOTE: a 300-page report unpacks to a few megabytes; a zip bomb to gigabytes. The
# limits are far above any report and far below what would hurt the machine.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_ENTRIES = 10_000

RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
RELATION_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

_WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_OTHER_OFFICE_FILES = {
    "spreadsheetml": "an Excel workbook",
    "presentationml": "a PowerPoint presentation",
    "opendocument": "an OpenDocument file",
}


class PackageError(Exception):
    """The file is not a Word document this tool can read; the message says what it is."""


@dataclass(frozen=True, slots=True)
class Relationship:
    id: str
    type: str
    target: str
    external: bool


@dataclass(slots=True)
class Package:
    """The parts of a .docx, as bytes, with the path of its main document part."""

    data: bytes
    parts: dict[str, bytes]
    order: tuple[zipfile.ZipInfo, ...]
    main: str
    content_types: dict[str, str] = field(default_factory=dict)

    def xml(self, name: str, positions: bool = False) -> XmlPart:
        """A part parsed; with ``positions`` its elements know their byte offsets."""
        try:
            return parse_xml(self.parts[name], name, positions)
        except XmlError as error:
            raise PackageError(f"is corrupt: {error}") from None

    def relationships(self, part: str) -> list[Relationship]:
        """The relationships of a part, from ``dir/_rels/name.rels`` (none when absent)."""
        rels = relationships_path(part)
        if rels not in self.parts:
            return []
        root = self.xml(rels).root
        found: list[Relationship] = []
        for element in root.children:
            if element.tag != f"{{{RELATIONSHIPS}}}Relationship":
                continue
            external = element.get("TargetMode") == "External"
            target = element.get("Target", "") or ""
            found.append(
                Relationship(
                    element.get("Id", "") or "",
                    element.get("Type", "") or "",
                    target if external else resolve_target(part, target),
                    external,
                )
            )
        return found

    def related(self, part: str, kind: str) -> str | None:
        """The part related to ``part`` by a relationship of ``kind`` (``styles``, ``footnotes`` …)."""
        for relationship in self.relationships(part):
            if relationship.external:
                continue
            if relationship.type.rsplit("/", 1)[-1] == kind and relationship.target in self.parts:
                return relationship.target
        return None


def relationships_path(part: str) -> str:
    directory, name = posixpath.split(part)
    return posixpath.join(directory, "_rels", f"{name}.rels")


def resolve_target(source_part: str, target: str) -> str:
    """A relationship target as a part name (no leading slash), relative to its source part."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


def open_package(data: bytes) -> Package:
    """The parts of a .docx; PackageError for anything else, with what it is and what to do."""
    if data.startswith(OLE_SIGNATURE):
        raise PackageError(_ole_message(data))
    if data.lstrip()[:5] == b"{\\rtf":
        raise PackageError("is a Rich Text Format (RTF) file, not a Word document; open it in Word and save it as .docx")
    if not data.startswith(ZIP_SIGNATURE):
        raise PackageError("is not a Word document: a .docx is a zip archive and this file is not one (corrupt, or saved in another format)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as error:
        raise PackageError(f"is corrupt: the zip archive cannot be opened ({error}); save the document again from Word") from None
    _check_sizes(infos)
    names = [info.filename.lstrip("/") for info in infos]
    if len(set(names)) != len(names):
        raise PackageError("is corrupt: the archive holds two parts of the same name")
    parts: dict[str, bytes] = {}
    with archive:
        for info in infos:
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise PackageError("is an encrypted zip archive, not a Word document")
            try:
                with archive.open(info) as member:
                    content = member.read(info.file_size + 1)
            except (zipfile.BadZipFile, ValueError, EOFError, OSError, NotImplementedError, RuntimeError) as error:
                raise PackageError(f"is corrupt: {info.filename} cannot be unpacked ({error}); save the document again from Word") from None
            if len(content) > info.file_size:
                raise PackageError(f"is corrupt: {info.filename} is larger than the archive says")
            parts[info.filename.lstrip("/")] = content
    content_types = _content_types(parts)
    main = _main_part(parts, content_types)
    return Package(data, parts, tuple(infos), main, content_types)


def _ole_message(data: bytes) -> str:
    """An OLE compound file is an encrypted .docx or an old binary .doc (or not Word at all)."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "is a password-protected Word document; remove the password (File > Info > Protect Document) and save it again"
    if "WordDocument".encode("utf-16-le") in data:
        return "is an old binary Word document (.doc); open it in Word and save it as a Word document (.docx)"
    return "is an OLE compound file (an old Office format), not a Word document (.docx)"


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ENTRIES:
        raise PackageError(f"is not a Word document: the archive holds {len(infos):,} files")
    unpacked = sum(info.file_size for info in infos)
    if unpacked > MAX_UNPACKED_BYTES:
        raise PackageError(
            f"unpacks to {unpacked:,} bytes, more than the limit of {MAX_UNPACKED_BYTES:,}; refusing it (a zip bomb, or not a report)"
        )


def _content_types(parts: dict[str, bytes]) -> dict[str, str]:
    """Part name (no leading slash) to content type, from ``[Content_Types].xml``."""
    if "[Content_Types].xml" not in parts:
        raise PackageError("is a zip archive but not a Word document (no [Content_Types].xml)")
    try:
        root = parse_xml(parts["[Content_Types].xml"], "[Content_Types].xml").root
    except XmlError as error:
        raise PackageError(f"is corrupt: {error}") from None
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for element in root.children:
        local = element.tag.rsplit("}", 1)[-1]
        if local == "Default":
            defaults[(element.get("Extension") or "").lower()] = element.get("ContentType") or ""
        elif local == "Override":
            overrides[(element.get("PartName") or "").lstrip("/")] = element.get("ContentType") or ""
    types: dict[str, str] = {}
    for name in parts:
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        found = overrides.get(name, defaults.get(extension))
        if found is not None:
            types[name] = found
    return types


def _main_part(parts: dict[str, bytes], content_types: dict[str, str]) -> str:
    main: str | None = None
    if "_rels/.rels" in parts:
        try:
            root = parse_xml(parts["_rels/.rels"], "_rels/.rels").root
        except XmlError as error:
            raise PackageError(f"is corrupt: {error}") from None
        for element in root.children:
            if element.get("Type") in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT):
                main = resolve_target("", element.get("Target") or "")
                break
    if main is None or main not in parts:
        kinds = " ".join(content_types.values())
        for marker, what in _OTHER_OFFICE_FILES.items():
            if marker in kinds:
                raise PackageError(f"is {what}, not a Word document")
        raise PackageError("is a zip archive but not a Word document (it has no main document part)")
    content_type = content_types.get(main, "")
    if content_type not in _WORD_MAIN_TYPES:
        for marker, what in _OTHER_OFFICE_FILES.items():
            if marker in content_type:
                raise PackageError(f"is {what}, not a Word document")
        raise PackageError(f"is a zip archive but not a Word document (its main part is {content_type or 'of no known type'})")
    return main
