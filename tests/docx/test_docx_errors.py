"""Files that are not Word documents this tool can read: each a clear message and exit 2."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from docxbuild import DocxBuilder

from ccmlint.cli import main
from ccmlint.docx import package
from ccmlint.reading import ReadError, read_report

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def a_document() -> bytes:
    builder = DocxBuilder()
    builder.paragraph("The Meeting met in Geneva.")
    return builder.to_bytes()


def replaced(data: bytes, name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info.filename))
    return buffer.getvalue()


def damaged(data: bytes, name: str) -> bytes:
    """The archive with bytes in the middle of one part's compressed data overwritten."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(name)
    header = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = header + info.compress_size // 2
    return data[:middle] + b"\xff" * 16 + data[middle + 16 :]


def a_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""

XLSX_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)


CASES = {
    "truncated": (lambda: a_document()[:2000], "draft.docx", "corrupt"),
    "damaged-part": (lambda: damaged(a_document(), "word/styles.xml"), "draft.docx", "corrupt"),
    "not-a-zip": (lambda: b"This is not a Word document at all.\n" * 10, "draft.docx", "is not a Word document"),
    "zip-of-text": (lambda: a_zip({"notes.txt": b"hello"}), "draft.docx", "zip archive but not a Word document"),
    "workbook": (lambda: a_zip({"[Content_Types].xml": XLSX_TYPES, "xl/workbook.xml": b"<workbook/>"}), "draft.docx", "Excel workbook"),
    "old-binary-doc": (lambda: OLE + "WordDocument".encode("utf-16-le") + b"\x00" * 64, "draft.doc", "old binary Word document (.doc)"),
    "password-protected": (lambda: OLE + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64, "draft.docx", "password-protected"),
    "doctype": (lambda: replaced(a_document(), "word/document.xml", BILLION_LAUGHS), "draft.docx", "DOCTYPE"),
    "malformed-xml": (lambda: replaced(a_document(), "word/document.xml", b"<w:document><w:body>"), "draft.docx", "not well-formed XML"),
    "rtf": (lambda: b"{\\rtf1\\ansi Hello}", "draft.doc", "Rich Text Format"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_file_is_refused_with_a_clear_message_and_exit_2(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, name, message = CASES[case]
    path = tmp_path / name
    path.write_bytes(make())
    assert main([str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"ccmlint: {path}: ") and message in err, err
    assert "Traceback" not in err and "internal error" not in err


def test_an_ole_file_is_recognised_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "report"
    path.write_bytes(OLE + "WordDocument".encode("utf-16-le"))
    with pytest.raises(ReadError, match=r"\.doc"):
        read_report(str(path))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = a_document()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(package, "MAX_UNPACKED_BYTES", unpacked - 1)
    path = tmp_path / "bomb.docx"
    path.write_bytes(data)
    with pytest.raises(ReadError, match="zip bomb"):
        read_report(str(path))


def test_a_real_bomb_ratio_is_refused(tmp_path: Path) -> None:
    """300 MB of zeros compress to well under a megabyte: refused from the archive's directory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1 << 20)
            for _ in range(300):
                member.write(chunk)
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 2_000_000
    with pytest.raises(ReadError, match="zip bomb"):
        read_report(str(path))


def test_a_document_from_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class Stdin:
        buffer = io.BytesIO(a_document())

    monkeypatch.setattr(sys, "stdin", Stdin())
    assert main(["-"]) == 0  # read as a Word document, not refused as undecodable text
    assert "no findings in 1 file" in capsys.readouterr().out


def test_the_pre_commit_hook_covers_docx() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert re.search(hook["files"], "drafts/report.docx") and re.search(hook["files"], "drafts/report.txt")
    assert hook["types"] == ["file"]  # a .docx is binary: "text" would skip it
