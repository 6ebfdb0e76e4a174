"""Whatever the text, the extractors never raise and every span stays inside it."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ccmlint.facts import extract
from ccmlint.facts.dates import find_dates
from ccmlint.facts.lists import split_states
from ccmlint.facts.names import StateNames
from ccmlint.parse import parse
from ccmlint.source import decode
from tests.facts.conftest import STATES

NAMES = StateNames.from_entries(STATES)
WORDS = st.sampled_from(
    [
        "the", "Meeting", "Twelfth", "of", "States", "Parties", "was", "held", "in", "Geneva", "on", "10", "13",
        "September", "2024", ",", ":", "(", ")", ".", "and", "elected", "as", "Vice-Presidents", "President",
        "Chile", "Bosnia", "Herzegovina", "participated", "work", "observers", "rule", "1", "(2)", "grant",
        "request", "extension", "years", "until", "Coordinators", "as follows:", "\n", "\t(a)\t", "–", "-",
        "Article", "4", "Review", "Conference", "[footnoteRef:3]", "Ambassador", "TBC",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_extract_never_raises(text: str) -> None:
    source = decode(text.replace("\x00", "").encode("utf-8"))
    facts = extract(parse(source), NAMES)
    length = len(source.text)
    for ref in facts.participants.states_parties + facts.officers.vice_presidents:
        assert 0 <= ref.span.start <= ref.span.end <= length


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_dates_and_lists_never_raise(text: str) -> None:
    for expression in find_dates(text):
        assert all(0 <= day.start < day.end <= len(text) for day in expression.days)
    for item in split_states(text, 0, len(text), NAMES):
        assert 0 <= item.start <= item.end <= len(text)
