"""A State's standing under a convention on a given day, from a pack's status data.

``rules/<pack>/data/status.yaml`` records, per State, when it signed, ratified or
acceded, when the convention entered into force for it and when a withdrawal took
effect (rules/README-data.md). From that this module answers "what was this State on
that day?" — and answers "unknown" whenever the data does not settle it:

- a State is a State Party from the day the convention enters into force for it
  (UN practice and Art. 17 CCM), not from its ratification, until its withdrawal
  takes effect (Art. 20);
- with only a names-only list saying the State had ratified or acceded by a date,
  it is a party from the latest day entry into force could then fall on (the first
  day of the sixth month after), and unknown before;
- a signatory that had not ratified is known as such only up to the day the data
  vouches for (``signatories_current_as_of``); after that it may have ratified;
- a State the data does not list is unknown, never a non-party (the file says
  ``complete: false``).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from ccmlint.schema import ConfigDict, Field, InvalidData, validate
from ccmlint.record import Record, field
from ccmlint.packdata_io import DataFileError, prepared, read_yaml_data
from ccmlint.facts.phrasings import rules_root

StandingKind = Literal["party", "not_in_force", "signatory", "non_signatory", "not_party", "withdrawn", "unknown"]
"""``not_in_force``: ratified or acceded, entry into force still to come;
``non_signatory``: neither signed nor party; ``not_party``: not a party, signature unknown."""

ENTRY_INTO_FORCE_MONTHS = 6
"""Art. 17(2) CCM: in force on the first day of the sixth month after the deposit's month."""


class StatusDataError(Exception):
    """A status file cannot be used; the message names the file and the entry."""


class _Entry(Record):
    model_config = ConfigDict(frozen=True, extra="forbid")

    state: str
    sig: date | None = None
    rat: date | None = None
    acc: date | None = None
    eif: date | None = None
    eif_derived: bool = False
    ratified_or_acceded_by: date | None = None
    party_no: int | None = None
    withdrawn: date | None = None
    basis: str | None = None
    printed_as: str | None = None
    note: str | None = None
    conflict: str | None = None
    src: list[str] = Field(default_factory=list)


class Standing(Record):
    """What a State was on a day, and the sourced fact that says so, for a message."""

    kind: StandingKind
    reason: str = ""


UNKNOWN = Standing("unknown")


class StatusData(Record):
    parties: dict[str, _Entry]
    signatories: dict[str, _Entry]
    signatories_known_until: date | None
    _standings: dict[tuple[str, date], Standing] = field(default_factory=dict, compare=False, repr=False)
    """Standings already worked out: several rules ask about the same States on the
    same meeting day, and writing a reason formats dates."""

    def standing(self, state: str, day: date) -> Standing:
        """The State's standing on ``day``; ``unknown`` when the data cannot tell."""
        known = self._standings.get((state, day))
        if known is None:
            known = self._standings[(state, day)] = self._standing(state, day)
        return known

    def _standing(self, state: str, day: date) -> Standing:
        party = self.parties.get(state)
        if party is not None:
            return _party_standing(party, day)
        signatory = self.signatories.get(state)
        if signatory is not None and self.signatories_known_until is not None and day <= self.signatories_known_until:
            if signatory.sig is None:
                return Standing("not_party", "it had not ratified or acceded to the Convention by then")
            if signatory.sig <= day:
                return Standing("signatory", f"it had signed the Convention on {_day(signatory.sig)} and not ratified it by then")
            return Standing("non_signatory", f"it signed the Convention only on {_day(signatory.sig)}")
        return UNKNOWN


def _party_standing(entry: _Entry, day: date) -> Standing:
    if entry.withdrawn is not None and entry.withdrawn <= day:
        return Standing("withdrawn", f"its withdrawal from the Convention took effect on {_day(entry.withdrawn)}")
    if entry.eif is None:
        joined = entry.ratified_or_acceded_by
        if joined is not None and latest_entry_into_force(joined) <= day:
            latest = latest_entry_into_force(joined)
            return Standing("party", f"it had ratified or acceded by {_day(joined)}, so it was a State Party by {_day(latest)}")
        return UNKNOWN
    if entry.eif <= day:
        return Standing("party", f"it has been a State Party since {_day(entry.eif)}")
    deposit = entry.rat or entry.acc
    if deposit is not None and deposit <= day:
        how = "ratified" if entry.rat is not None else "acceded to"
        return Standing("not_in_force", f"the Convention entered into force for it only on {_day(entry.eif)} (it {how} it on {_day(deposit)})")
    if entry.sig is not None and entry.sig <= day:
        return Standing("signatory", f"it had signed the Convention on {_day(entry.sig)} and not ratified it by then")
    if entry.acc is not None or (entry.sig is not None and entry.sig > day):
        return Standing("non_signatory", f"it joined the Convention only later (in force for it from {_day(entry.eif)})")
    return Standing("not_party", f"the Convention entered into force for it only on {_day(entry.eif)}")


def latest_entry_into_force(deposit_by: date) -> date:
    """The last day entry into force can fall on for an instrument deposited by ``deposit_by``."""
    month = deposit_by.month - 1 + ENTRY_INTO_FORCE_MONTHS
    return date(deposit_by.year + month // 12, month % 12 + 1, 1)


def _day(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def load_status(relative: str) -> StatusData:
    """The status file at ``relative`` under the rule packs' folder (e.g. ``ccm/data/status.yaml``)."""
    return _load(rules_root() / relative)


@cache
def _load(path: Path) -> StatusData:
    if not path.is_file():
        raise StatusDataError(f"{path}: no such status file")
    return prepared("status", [path], lambda: _build(path))


def _build(path: Path) -> StatusData:
    try:
        data = read_yaml_data(path) or {}
    except DataFileError as error:
        raise StatusDataError(str(error)) from None
    if not isinstance(data, dict):
        raise StatusDataError(f"{path}: expected a mapping at the top level")
    known_until = data.get("signatories_current_as_of")
    if known_until is not None and not isinstance(known_until, date):
        raise StatusDataError(f"{path}: signatories_current_as_of must be a date (YYYY-MM-DD)")
    return StatusData(
        parties=_entries(path, data, "states_parties"),
        signatories=_entries(path, data, "signatories_not_ratified"),
        signatories_known_until=known_until,
    )


def _entries(path: Path, data: dict[str, object], key: str) -> dict[str, _Entry]:
    raw = data.get(key) or []
    if not isinstance(raw, list):
        raise StatusDataError(f"{path}: '{key}' must be a list")
    entries: dict[str, _Entry] = {}
    for index, item in enumerate(raw):
        try:
            entry = validate(_Entry, item)
        except InvalidData as error:
            problem = error.errors()[0]
            where = ".".join(str(part) for part in problem["loc"])
            raise StatusDataError(f"{path}: {key}[{index}] {where}: {problem['msg']}") from None
        entries[entry.state] = entry
    return entries
