"""A small, safe XML tree of a WordprocessingML part that remembers where each element lies.

The reader walks elements; the reviewed copy needs more: the byte offsets of each
start and end tag in the original part, so that comment marks can be spliced into
the original bytes and everything else (namespace declarations, ``mc:Ignorable``
prefixes, attribute order, whitespace) is kept exactly as Word wrote it. A parser
that re-serialises a tree (ElementTree) drops unused namespace declarations, which
Word then reports as a corrupt file; splicing cannot.

Parts come from files a user was sent, so the parser refuses any DOCTYPE: WordprocessingML
never has one, and refusing it rules out entity expansion ("billion laughs") and
external entities whatever the expat version.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator
from xml.parsers import expat

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML = "http://www.w3.org/XML/1998/namespace"


class XmlError(Exception):
    """A part is not well-formed XML, or holds a DOCTYPE; the message names the problem."""


@dataclass(eq=False, slots=True)
class Element:
    """One element: its name as ``{namespace}local``, attributes, children and byte offsets.

    ``start``/``start_end`` bound the start tag and ``end``/``end_end`` the end tag in the
    part's bytes; for an empty element (``<w:tab/>``) both pairs are the same tag.
    """

    tag: str
    attributes: dict[str, str]
    parent: Element | None
    start: int
    start_end: int = 0
    end: int = 0
    end_end: int = 0
    children: list[Element] = field(default_factory=list)
    text: str = ""

    @property
    def empty(self) -> bool:
        return self.start == self.end

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attributes.get(name, default)

    def wget(self, local: str, default: str | None = None) -> str | None:
        """An attribute in the WordprocessingML namespace (``w:val``, ``w:id`` …)."""
        return self.attributes.get(f"{{{W}}}{local}", default)

    def find(self, tag: str) -> Element | None:
        return next((child for child in self.children if child.tag == tag), None)

    def findall(self, tag: str) -> list[Element]:
        return [child for child in self.children if child.tag == tag]

    def iter(self, tag: str | None = None) -> Iterator[Element]:
        """This element and its descendants in document order (iteratively: parts can be deep)."""
        stack = [self]
        while stack:
            element = stack.pop()
            if tag is None or element.tag == tag:
                yield element
            stack.extend(reversed(element.children))

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass(slots=True)
class XmlPart:
    """A parsed part: its root, its bytes, and the prefix its author bound to each namespace."""

    root: Element
    data: bytes
    prefixes: dict[str, str]

    def qname(self, namespace: str, local: str) -> str:
        """The name to write for a new element or attribute, with the part's own prefix."""
        if namespace == XML:
            return f"xml:{local}"
        prefix = self.prefixes.get(namespace)
        if prefix is None:
            raise XmlError(f"the part declares no prefix for {namespace}")
        return f"{prefix}:{local}" if prefix else local


def w(local: str) -> str:
    """The ``{namespace}local`` name of a WordprocessingML element."""
    return f"{{{W}}}{local}"


def parse_xml(data: bytes, name: str, positions: bool = True) -> XmlPart:
    """Parse a part; raise XmlError for anything that is not plain, well-formed XML.

    ``positions`` False skips finding where each tag ends (a part only read, such as
    the styles, whose latent styles make it large, is parsed faster).
    """
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.ordered_attributes = False
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[Element] = []
    roots: list[Element] = []
    prefixes: dict[str, str] = {}

    def refuse_doctype(*_: object) -> None:
        raise XmlError(f"{name} declares a DOCTYPE, which a Word document never does; refusing it")

    def start_namespace(prefix: str | None, uri: str) -> None:
        prefixes.setdefault(uri, prefix or "")

    def start(tag: str, attributes: dict[str, str]) -> None:
        tag = _clark(tag)
        element = Element(tag, {_clark(key): value for key, value in attributes.items()}, stack[-1] if stack else None, parser.CurrentByteIndex)
        if positions:
            element.start_end = _tag_end(data, element.start)
        if stack:
            stack[-1].children.append(element)
        else:
            roots.append(element)
        stack.append(element)

    def end(_: str) -> None:
        element = stack.pop()
        if not positions:
            return
        if data[element.start_end - 2 : element.start_end] == b"/>":
            element.end, element.end_end = element.start, element.start_end
        else:
            element.end = parser.CurrentByteIndex
            element.end_end = _tag_end(data, element.end)

    def characters(text: str) -> None:
        if stack:
            stack[-1].text += text

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.StartNamespaceDeclHandler = start_namespace
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        raise XmlError(f"{name} is not well-formed XML ({expat.ErrorString(error.code)}, line {error.lineno})") from None
    if not roots:
        raise XmlError(f"{name} has no root element")
    return XmlPart(roots[0], data, prefixes)


def _clark(name: str) -> str:
    """expat writes ``uri}local``; ElementTree's ``{uri}local`` reads better in code."""
    return "{" + name if "}" in name else name


# A tag: up to the first ">" outside a quoted attribute value (where ">" may appear).
_TAG = re.compile(rb"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")


def _tag_end(data: bytes, start: int) -> int:
    """The offset just after the ``>`` closing the tag at ``start``."""
    found = _TAG.match(data, start)
    if found is None:
        raise XmlError("a tag is not closed")
    return found.end()
