"""The phrasings a rule pack gives for recognising facts, loaded once and checked strictly.

How a report says "these States participated" or "was elected Vice-President" is
data (``rules/<pack>/facts.yaml``), so that another convention's report needs a new
pack, not new Python. Packs are merged in order: a later pack extends the lists of
an earlier one and overrides its single values. Every pattern is compiled when the
pack loads, so a broken regular expression is reported with its file and key.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Literal, Mapping

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from ccmlint.facts.model import MeetingKind, ParticipantCategory

DEFAULT_PACKS: tuple[str, ...] = ("generic", "ccm")
PHRASINGS_FILE = "facts.yaml"


class PhrasingsError(Exception):
    """A pack's facts.yaml cannot be used; the message names the file and the key."""


def _compiles(pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"not a valid regular expression: {error}") from None
    return pattern


Regex = Annotated[str, AfterValidator(_compiles)]


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MeetingPhrasings(_Strict):
    kinds: dict[MeetingKind, list[Regex]]
    abbreviations: dict[str, MeetingKind] = Field(default_factory=dict)
    this_meeting: list[Regex]
    held: list[Regex]
    not_held: list[Regex] = Field(default_factory=list)
    venue: Regex
    symbol: Regex
    report_symbol: list[Regex] = Field(default_factory=list)


class CategoryCue(_Strict):
    category: ParticipantCategory
    when: list[Regex]
    unless: list[Regex] = Field(default_factory=list)


class ParticipantPhrasings(_Strict):
    cue: list[Regex]
    categories: list[CategoryCue]
    organization_rule: Regex
    acronym: Regex


class OfficerPhrasings(_Strict):
    president: list[Regex]
    president_named_after: list[Regex] = Field(default_factory=list)
    secretary_general: list[Regex]
    vice_presidents: Regex
    office_as: Regex
    elected: Regex
    manner: Regex
    honorifics: list[Regex]
    represents: list[Regex]


class CoordinatorPhrasings(_Strict):
    introduction: list[Regex]
    groups: dict[Literal["working_group", "thematic_area"], list[Regex]]
    term: Regex
    joiners: Regex
    placeholders: list[Regex]


class ListPhrasings(_Strict):
    introduction: Regex


class ExtensionPhrasings(_Strict):
    decision: list[Regex]
    years: Regex
    until: Regex
    state: list[Regex]
    topic: list[Regex] = Field(default_factory=list)


class Phrasings(_Strict):
    """Everything the extractors need to know about how reports of a family are worded."""

    meeting: MeetingPhrasings
    participants: ParticipantPhrasings
    officers: OfficerPhrasings
    coordinators: CoordinatorPhrasings
    lists: ListPhrasings
    extensions: ExtensionPhrasings


def rules_root() -> Path:
    """The folder holding the rule packs, installed (``ccmlint.rules``) or in the work tree."""
    try:
        return Path(str(files("ccmlint.rules")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "rules"


@cache
def load_phrasings(packs: tuple[str, ...] = DEFAULT_PACKS, root: Path | None = None) -> Phrasings:
    """The merged phrasings of the named packs; cached, since every report reuses them."""
    base = root or rules_root()
    merged: dict[str, object] = {}
    sources: list[str] = []
    for pack in packs:
        path = base / pack / PHRASINGS_FILE
        if not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise PhrasingsError(f"{path}: not valid YAML: {error}") from None
        if not isinstance(data, dict):
            raise PhrasingsError(f"{path}: expected a mapping at the top level")
        merged = _merge(merged, data)
        sources.append(str(path))
    try:
        return Phrasings.model_validate(merged)
    except ValidationError as error:
        where = " + ".join(sources) or str(base)
        problems = "; ".join(
            f"{'.'.join(str(part) for part in problem['loc'])}: {problem['msg']}" for problem in error.errors()
        )
        raise PhrasingsError(f"{where}: {problems}") from None


def _merge(base: Mapping[str, object], extra: Mapping[str, object]) -> dict[str, object]:
    """A later pack extends lists and mappings and overrides single values."""
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merge(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + value
        else:
            merged[key] = value
    return merged


@cache
def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A compiled pattern, compiled once per process."""
    return re.compile(pattern, flags)


def any_of(patterns: list[str] | tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    """One pattern matching any of several phrasings (an empty list matches nothing)."""
    if not patterns:
        return regex(r"(?!x)x")
    return regex("|".join(f"(?:{pattern})" for pattern in patterns), flags)
