"""The facts a human reads in the real sample report (skipped when the sample is absent)."""

from datetime import date
from pathlib import Path

import pytest

from ccmlint.facts import extract
from ccmlint.facts.model import Facts
from ccmlint.parse import parse
from ccmlint.source import decode

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "ccm-12msp-2024-final-report.txt"

pytestmark = pytest.mark.skipif(not SAMPLE.is_file(), reason="the real sample report is not beside the repository")


@pytest.fixture(scope="module")
def facts() -> Facts:
    return extract(parse(decode(SAMPLE.read_bytes(), str(SAMPLE))))


def test_meeting(facts: Facts) -> None:
    assert facts.meeting is not None
    assert (facts.meeting.kind, facts.meeting.ordinal, facts.meeting.year) == ("meeting_of_states_parties", 12, 2024)
    assert facts.meeting.end is not None and facts.meeting.end.value == date(2024, 9, 13)


def test_participants(facts: Facts) -> None:
    assert 68 <= len(facts.participants.states_parties) <= 72
    assert len(facts.participants.signatories) == 4
    assert len(facts.participants.observer_states) == 13
    assert len(facts.participants.organizations) == 14


def test_officers(facts: Facts) -> None:
    assert facts.officers.president is not None and facts.officers.president.state is not None
    assert facts.officers.president.state.state == "Mexico"
    assert len(facts.officers.vice_presidents) == 4
    assert facts.officers.secretary_general is not None


def test_extensions_coordinators_footnotes(facts: Facts) -> None:
    assert len(facts.extensions) == 3
    assert all(item.until is not None and item.until.value > date(2024, 9, 13) for item in facts.extensions)
    assert sum(1 for item in facts.coordinators if item.group == "working_group") == 12
    assert sum(1 for item in facts.coordinators if item.placeholder) == 2
    assert len(facts.footnotes.refs) == 12
