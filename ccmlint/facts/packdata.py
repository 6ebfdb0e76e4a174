"""The packs' reference data that the readers of dates and numbers need.

A report's words say "the Eleventh Meeting", "Working group on victim assistance",
"65,134 hectares"; whether those agree with the calendar, an article or another unit
is reference data, kept in the packs with its sources:

- ``<pack>/data/meetings.yaml``: the years of each meeting (a meeting held over two
  years has both) and the areas of work with the article each follows up;
- ``<pack>/data/units.yaml``: units of measure and their sizes;
- ``<pack>/data/article4.yaml``: the deadline each extension request extended.

What a file does not say is unknown: a missing meeting has no years, a missing State
no previous deadline, and a reader then states no fact. Predicted meetings (computed
by the pack from its cycle rule, not sourced) are left out, since a report may
rightly differ from a prediction. Each file is read once per process.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import Mapping

from ccmlint import regexes
from ccmlint.packdata_io import DataFileError, prepared, read_yaml_data
from ccmlint.facts.model import MeetingKind
from ccmlint.facts.phrasings import rules_root
from ccmlint.record import Record, field

DATA = Path("data")
_KINDS: dict[str, MeetingKind] = {
    "msp": "meeting_of_states_parties",
    "meeting_of_states_parties": "meeting_of_states_parties",
    "review_conference": "review_conference",
    "rc": "review_conference",
}
_MEETING_ID = regexes.compile(r"(?P<ordinal>\d{1,3})\s*(?P<kind>MSP|RC)", re.IGNORECASE)


class Area(Record):
    """An area of work (a working group or thematic coordinator) and the article it follows up."""

    article: int
    names: tuple[str, ...]


class Unit(Record):
    """A unit of measure: its name, what it measures, its size in the SI unit, how it is written."""

    name: str
    dimension: str
    size: float
    written: tuple[str, ...]


class PackData(Record):
    """Everything the readers of dates and numbers take from the packs."""

    meeting_years: Mapping[tuple[MeetingKind, int], tuple[int, ...]] = field(default_factory=dict)
    areas: tuple[Area, ...] = ()
    units: tuple[Unit, ...] = ()
    previous_deadlines: Mapping[tuple[str, MeetingKind, int], date] = field(default_factory=dict)

    def years_of(self, kind: MeetingKind, ordinal: int | None) -> tuple[int, ...]:
        """The years the data gives a meeting (empty when it does not know it)."""
        return () if ordinal is None else tuple(self.meeting_years.get((kind, ordinal), ()))

    def previous_deadline(self, state: str | None, kind: MeetingKind | None, ordinal: int | None) -> date | None:
        """The deadline in force for ``state`` when the given meeting decided on its request."""
        if state is None or kind is None or ordinal is None:
            return None
        return self.previous_deadlines.get((state, kind, ordinal))


def load_pack_data(packs: tuple[str, ...], root: Path | None = None) -> PackData:
    """The merged data of the packs (later packs add to earlier ones)."""
    return _load(tuple(packs), root or rules_root())


@cache
def _load(packs: tuple[str, ...], root: Path) -> PackData:
    paths = [root / pack / DATA / name for pack in packs for name in ("meetings.yaml", "units.yaml", "article4.yaml")]
    return prepared("pack-data", paths, lambda: _build(packs, root))


def _build(packs: tuple[str, ...], root: Path) -> PackData:
    years: dict[tuple[MeetingKind, int], tuple[int, ...]] = {}
    areas: list[Area] = []
    units: list[Unit] = []
    deadlines: dict[tuple[str, MeetingKind, int], date] = {}
    for pack in packs:
        folder = root / pack / DATA
        meetings = _read(folder / "meetings.yaml")
        for entry in _list(meetings.get("meetings")):
            key_years = _meeting_years(entry)
            if key_years is not None:
                years.setdefault(key_years[0], key_years[1])
        convention = meetings.get("convention")
        if isinstance(convention, Mapping):
            areas.extend(_areas(convention.get("areas")))
        units.extend(_units(_read(folder / "units.yaml").get("units")))
        deadlines.update(_deadlines(_read(folder / "article4.yaml").get("states")))
    return PackData(years, tuple(areas), tuple(units), deadlines)


def _read(path: Path) -> Mapping[str, object]:
    if not path.is_file():
        return {}
    try:
        data = read_yaml_data(path)
    except DataFileError:
        return {}  # NOTE: the data's own tests report a broken file; the facts then lack it
    return data if isinstance(data, Mapping) else {}


def _list(value: object) -> list[Mapping[str, object]]:
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def _meeting_years(entry: Mapping[str, object]) -> tuple[tuple[MeetingKind, int], tuple[int, ...]] | None:
    if entry.get("predicted") is True:
        return None
    kind = _KINDS.get(str(entry.get("kind", "")).casefold())
    ordinal = entry.get("ordinal")
    if kind is None or not isinstance(ordinal, int) or isinstance(ordinal, bool):
        return None
    listed, single = entry.get("years"), entry.get("year")
    found = [year for year in listed if isinstance(year, int)] if isinstance(listed, list) else []
    if not found and isinstance(single, int) and not isinstance(single, bool):
        found = [single]
    return ((kind, ordinal), tuple(sorted(found))) if found else None


def _areas(value: object) -> list[Area]:
    found: list[Area] = []
    for entry in _list(value):
        article, names = entry.get("article"), entry.get("names")
        if isinstance(article, int) and isinstance(names, list):
            found.append(Area(article, tuple(str(name) for name in names if isinstance(name, str))))
    return found


def _units(value: object) -> list[Unit]:
    found: list[Unit] = []
    for entry in _list(value):
        size, written = entry.get("size"), entry.get("written")
        if isinstance(size, (int, float)) and size > 0 and isinstance(written, list):
            found.append(
                Unit(str(entry.get("unit", "")), str(entry.get("dimension", "")), float(size), tuple(str(form) for form in written))
            )
    return found


def _deadlines(value: object) -> dict[tuple[str, MeetingKind, int], date]:
    """The deadline each request or grant extended, keyed by State and deciding meeting."""
    found: dict[tuple[str, MeetingKind, int], date] = {}
    for state_entry in _list(value):
        state = state_entry.get("state")
        if not isinstance(state, str):
            continue
        for extension in _list(state_entry.get("extensions")):
            previous = extension.get("previous_deadline")
            meeting = extension.get("granted_at") or extension.get("requested_for")
            identifier = _MEETING_ID.fullmatch(str(meeting or "").strip())
            if isinstance(previous, date) and identifier is not None:
                kind = _KINDS[identifier["kind"].casefold()]
                found[(state, kind, int(identifier["ordinal"]))] = previous
    return found
