"""Word's automatic numbering, rendered as a reader sees it: "12.", "II.", "(c)", "(iv)".

A paragraph's number is not in its text: it comes from a numbering definition
(``numbering.xml``), chosen by the paragraph's own ``w:numPr`` or, as in UN templates,
by its paragraph style (directly or through ``w:basedOn``). Counting follows Word:
instances (``w:num``) of one abstract definition share their counters unless one
overrides a level's start, a level restarts when a higher level is used (or as
``w:lvlRestart`` says), and ``w:lvlText`` ("%1.", "(%2)") places the counters.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ccmlint.docx.xmltree import Element, w

LEVELS = 9
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
# Bullets are often a private-use character of the Symbol or Wingdings font; the
# export shows them as the bullet a reader sees.
_BULLETS = {"\uf0b7": "\u2022", "\uf0a7": "\u25aa", "\uf0d8": "\u2022", "\uf076": "\u2022", "o": "\u25e6", "\uf0fc": "\u2022"}
_PLAIN_BULLETS = frozenset("\u2022\u25aa\u25e6\u00b7\u2013-")


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    format: str = "decimal"
    text: str = "%1."
    restart: int | None = None
    legal: bool = False
    suffix: str = "\t"


@dataclass(frozen=True, slots=True)
class Label:
    """A paragraph's displayed number: its text, the separator after it, and its kind."""

    text: str
    suffix: str
    level: int
    format: str

    @property
    def is_paragraph_number(self) -> bool:
        """A top-level "12." is a paragraph number in UN reports; anything else is a list or heading label."""
        return self.level == 0 and self.format == "decimal" and self.text[:-1].isdigit() and self.text.endswith(".")


@dataclass(slots=True)
class Styles:
    """Paragraph styles: what each is based on and the numbering it carries."""

    based_on: dict[str, str] = field(default_factory=dict)
    numbering: dict[str, tuple[str | None, int | None]] = field(default_factory=dict)
    default: str | None = None

    @classmethod
    def read(cls, root: Element | None) -> Styles:
        styles = cls()
        if root is None:
            return styles
        for style in root.findall(w("style")):
            if style.wget("type") not in (None, "paragraph", "numbering"):
                continue
            style_id = style.wget("styleId")
            if not style_id:
                continue
            if style.wget("default") in ("1", "true", "on") and style.wget("type") in (None, "paragraph"):
                styles.default = style_id
            based = style.find(w("basedOn"))
            if based is not None and based.wget("val"):
                styles.based_on[style_id] = based.wget("val") or ""
            properties = style.find(w("pPr"))
            num_pr = properties.find(w("numPr")) if properties is not None else None
            if num_pr is not None:
                styles.numbering[style_id] = _num_pr(num_pr)
        return styles

    def numbering_of(self, style_id: str | None) -> tuple[str | None, int | None, str | None]:
        """The numbering a style gives (numId, ilvl) and the style in its chain that set it."""
        seen: set[str] = set()
        current = style_id if style_id is not None else self.default
        while current is not None and current not in seen:
            seen.add(current)
            if current in self.numbering:
                num_id, level = self.numbering[current]
                if num_id is not None:
                    return num_id, level, current
            current = self.based_on.get(current)
        return None, None, None


class Numbering:
    """The numbering definitions of a document and the running counters of a reading."""

    def __init__(self, root: Element | None, styles: Styles) -> None:
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._abstract_style_link: dict[str, str] = {}
        self._style_levels: dict[str, dict[str, int]] = {}
        self._instances: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, int]] = set()
        if root is not None:
            self._read(root)

    def _read(self, root: Element) -> None:
        for abstract in root.findall(w("abstractNum")):
            abstract_id = abstract.wget("abstractNumId") or ""
            self._abstract[abstract_id] = {}
            for level in abstract.findall(w("lvl")):
                index = _int(level.wget("ilvl"), 0)
                self._abstract[abstract_id][index] = _level(level)
                linked = level.find(w("pStyle"))
                if linked is not None and linked.wget("val"):
                    self._style_levels.setdefault(abstract_id, {})[linked.wget("val") or ""] = index
            link = abstract.find(w("numStyleLink"))
            if link is not None and link.wget("val"):
                self._abstract_style_link[abstract_id] = link.wget("val") or ""
        for instance in root.findall(w("num")):
            num_id = instance.wget("numId") or ""
            reference = instance.find(w("abstractNumId"))
            abstract_id = reference.wget("val") or "" if reference is not None else ""
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in instance.findall(w("lvlOverride")):
                index = _int(override.wget("ilvl"), 0)
                start = override.find(w("startOverride"))
                if start is not None:
                    starts[index] = _int(start.wget("val"), 0)
                replacement = override.find(w("lvl"))
                if replacement is not None:
                    overrides[index] = _level(replacement)
            self._instances[num_id] = (abstract_id, overrides, starts)

    def label(self, paragraph_properties: Element | None) -> Label | None:
        """Count the paragraph and return its displayed number, or None if it has none."""
        num_id, level, style = self._resolve(paragraph_properties)
        if num_id is None or num_id == "0" or num_id not in self._instances:
            return None
        abstract_id, overrides, starts = self._instances[num_id]
        abstract_id = self._follow_style_link(abstract_id)
        if abstract_id not in self._abstract:
            return None
        if level is None:
            level = self._style_levels.get(abstract_id, {}).get(style or "", 0)
        level = max(0, min(level, LEVELS - 1))
        levels = {index: overrides.get(index, definition) for index, definition in self._abstract[abstract_id].items()}
        levels.update({index: definition for index, definition in overrides.items() if index not in levels})
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if level in starts and (num_id, level) not in self._started:
            self._started.add((num_id, level))
            counters[level] = None
            levels[level] = _with_start(levels.get(level, Level()), starts[level])
        definition = levels.get(level, Level())
        current = counters[level]
        counters[level] = definition.start if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            restart = levels.get(deeper, Level()).restart
            after = deeper if restart is None else restart
            if after != 0 and level < after:
                counters[deeper] = None
        text = _substitute(definition, levels, counters)
        if definition.format == "bullet":
            text = _bullet(definition.text)
        return Label(text, definition.suffix, level, definition.format) if text else None

    def _resolve(self, properties: Element | None) -> tuple[str | None, int | None, str | None]:
        style_id: str | None = None
        num_id: str | None = None
        level: int | None = None
        if properties is not None:
            style = properties.find(w("pStyle"))
            style_id = style.wget("val") if style is not None else None
            num_pr = properties.find(w("numPr"))
            if num_pr is not None:
                num_id, level = _num_pr(num_pr)
        if num_id is None:
            style_num, style_level, defining = self._styles.numbering_of(style_id)
            if style_num is not None:
                return style_num, level if level is not None else style_level, defining
        return num_id, level, style_id

    def _follow_style_link(self, abstract_id: str) -> str:
        """An abstract definition that only points at a numbering style uses that style's definition."""
        seen: set[str] = set()
        while abstract_id in self._abstract_style_link and abstract_id not in seen:
            seen.add(abstract_id)
            num_id, _, _ = self._styles.numbering_of(self._abstract_style_link[abstract_id])
            if num_id is None or num_id not in self._instances:
                break
            abstract_id = self._instances[num_id][0]
        return abstract_id


def _num_pr(num_pr: Element) -> tuple[str | None, int | None]:
    num = num_pr.find(w("numId"))
    level = num_pr.find(w("ilvl"))
    return (num.wget("val") if num is not None else None, _int(level.wget("val"), 0) if level is not None else None)


def _level(element: Element) -> Level:
    def value(local: str) -> str | None:
        child = element.find(w(local))
        return child.wget("val") if child is not None else None

    restart = value("lvlRestart")
    legal = element.find(w("isLgl"))
    return Level(
        # NOTE: ECMA-376 says an omitted w:start means 0; Word always writes one.
        start=_int(value("start"), 0),
        format=value("numFmt") or "decimal",
        text=value("lvlText") or "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=legal is not None and legal.wget("val") not in ("0", "false", "off"),
        suffix=_SUFFIXES.get(value("suff") or "tab", "\t"),
    )


def _with_start(level: Level, start: int) -> Level:
    return Level(start, level.format, level.text, level.restart, level.legal, level.suffix)


def _substitute(definition: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
    text = definition.text
    result: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        if char == "%" and index + 1 < len(text) and text[index + 1] in "123456789":
            referenced = int(text[index + 1]) - 1
            level = levels.get(referenced, Level())
            count = counters[referenced]
            value = level.start if count is None else count
            result.append(format_number(value, "decimal" if definition.legal else level.format))
            index += 2
            continue
        result.append(char)
        index += 1
    return "".join(result)


def format_number(value: int, number_format: str) -> str:
    """A counter as Word shows it in the given ``w:numFmt``."""
    if number_format in ("upperRoman", "lowerRoman"):
        roman = _roman(value) if value > 0 else str(value)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format in ("upperLetter", "lowerLetter"):
        if value < 1:
            return str(value)
        # Word repeats the letter past z: y, z, aa, bb …
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format == "ordinal":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        return f"{value}{suffix}"
    if number_format == "none":
        return ""
    return str(value)


def _roman(value: int) -> str:
    # NOTE: kept here rather than imported from ccmlint.parse: reading a file comes
    # before parsing, and a stage does not reach forward into a later one.
    pairs = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    digits: list[str] = []
    for amount, symbol in pairs:
        count, value = divmod(value, amount)
        digits.append(symbol * count)
    return "".join(digits)


def _bullet(text: str) -> str:
    if text in _PLAIN_BULLETS:
        return text
    return _BULLETS.get(text, "\u2022")


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
