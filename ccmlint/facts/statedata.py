"""The generic pack's State names data in full: every form a State is written in, what
UN editors think of it, and where the State sorts.

``ccmlint.facts.names`` only needs "which State is this?"; finding every mention of a
State in a report and judging its form needs more of ``rules/generic/data/states.yaml``:
each variant's status (``accepted`` or ``error``), the year a former official name
stopped being right, whether an accepted form is the same name in another order
(``interchangeable``), whether the name takes "the" in running text, and the key UN
lists sort it by. The file is read strictly: a misspelt field is an error naming the
file, not a silently ignored form.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import Literal, Mapping

from ccmlint import regexes
from ccmlint.schema import ConfigDict, Field, InvalidData, validate
from ccmlint.record import Record
from ccmlint.packdata_io import DataFileError, prepared, read_yaml_data
from ccmlint.facts.model import normalise_name
from ccmlint.facts.names import STATES_FILE
from ccmlint.facts.phrasings import rules_root

FormStatus = Literal["name", "accepted", "error"]
"""``name``: the UN short name itself; ``accepted``/``error``: a variant's status."""


class StateDataError(Exception):
    """The names data cannot be used; the message names the file and the entry."""


class _Strict(Record):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VariantEntry(_Strict):
    text: str = Field(min_length=1)
    status: Literal["accepted", "error"]
    note: str | None = None
    former_official: bool = False
    changed: int | None = None
    interchangeable: bool = False
    src: list[str] = Field(default_factory=list)


class StateEntry(_Strict):
    name: str = Field(min_length=1)
    un_status: Literal["member", "observer", "non_member"]
    article: Literal["the"] | None = None
    sort_key: str | None = None
    note: str | None = None
    variants: list[VariantEntry] = Field(default_factory=list)


class Form(Record):
    """One way of writing a State: the State it names and what editors think of it."""

    state: str
    status: FormStatus
    changed: int | None = None
    """For a former official name: the year it stopped being the State's UN name."""
    interchangeable: bool = False

    @property
    def standard(self) -> bool:
        """Whether the form may stand wherever the UN short name may (first reference too)."""
        return self.status == "name" or self.interchangeable


class StateData(Record):
    """Every known form of every State, by folded form, and each State's entry by name."""

    forms: Mapping[str, Form]
    entries: Mapping[str, StateEntry]
    written: tuple[str, ...] = ()
    """Every form as the data writes it (a leading "the" dropped), to search text with."""

    def form(self, written: str) -> Form | None:
        """What a written name is, or None when the data does not know it."""
        return self.forms.get(normalise_name(written))

    def takes_article(self, state: str) -> bool:
        entry = self.entries.get(state)
        return entry is not None and entry.article == "the"

    def running_text_form(self, state: str) -> str | None:
        """The form a parenthesized name takes in a sentence ("Plurinational State of
        Bolivia"), when the data gives one."""
        entry = self.entries.get(state)
        if entry is None:
            return None
        return next((v.text for v in entry.variants if v.interchangeable and "(" not in v.text), None)

    def sort_key(self, written: str) -> str:
        """Where a written name sorts in an English alphabetical list of States.

        The UN short name's key (its ``sort_key`` when UN lists file it elsewhere, as
        the Kingdom of the Netherlands under N) stands for the name itself and for
        forms acceptable in its place; an error form or an unknown name sorts as
        written, since a rule will ask for it to be rewritten anyway, and the list
        should be judged as the reader sees it.
        """
        form = self.form(written)
        if form is None or form.status == "error":
            return collation_key(written)
        entry = self.entries.get(form.state)
        return collation_key(entry.sort_key if entry is not None and entry.sort_key else form.state)

    @classmethod
    def from_entries(cls, entries: list[StateEntry]) -> StateData:
        forms: dict[str, Form] = {}
        by_name: dict[str, StateEntry] = {}
        written: list[str] = []
        for entry in entries:
            by_name[entry.name] = entry
            forms.setdefault(normalise_name(entry.name), Form(entry.name, "name"))
            written.append(_without_article(entry.name))
        for entry in entries:
            for variant in entry.variants:
                changed = variant.changed if variant.former_official else None
                form = Form(entry.name, variant.status, changed, variant.interchangeable)
                forms.setdefault(normalise_name(variant.text), form)
                written.append(_without_article(variant.text))
        return cls(forms, by_name, tuple(dict.fromkeys(written)))


def _without_article(text: str) -> str:
    return text[4:] if text[:4].casefold() == "the " else text


_NOT_LETTERS = regexes.compile(r"[^a-z0-9]+")


def collation_key(text: str) -> str:
    """English alphabetical order of names: case, diacritics, punctuation and a leading
    "the" ignored, words compared one by one (so "Guinea" comes before "Guinea-Bissau"
    and "Niger" before "Nigeria")."""
    decomposed = unicodedata.normalize("NFKD", normalise_name(text))
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NOT_LETTERS.sub(" ", letters).strip()


TYPOGRAPHIC_APOSTROPHE = "\u2019"


def apostrophes_like(name: str, written: str) -> str:
    """A UN short name with its apostrophes shaped as the report shapes them, for a
    replacement: straight if the words replaced have a straight one, else the
    typographic one a Word draft has ("Côte d’Ivoire")."""
    return name if "'" in written else name.replace("'", TYPOGRAPHIC_APOSTROPHE)


def load_state_data(path: Path | None = None) -> StateData:
    """The generic pack's names data (or ``path``'s); empty when the file is absent."""
    return _load(path or rules_root() / STATES_FILE)


@cache
def _load(path: Path) -> StateData:
    return prepared("state-data", [path], lambda: _build(path))


def _build(path: Path) -> StateData:
    if not path.is_file():
        return StateData({}, {})
    try:
        data = read_yaml_data(path) or {}
    except DataFileError as error:
        raise StateDataError(str(error)) from None
    raw = data.get("states", []) if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise StateDataError(f"{path}: expected a list under 'states'")
    entries: list[StateEntry] = []
    for index, item in enumerate(raw):
        try:
            entries.append(validate(StateEntry, item))
        except InvalidData as error:
            problem = error.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise StateDataError(f"{path}: states[{index}] {where}: {problem['msg']}") from None
    return StateData.from_entries(entries)
