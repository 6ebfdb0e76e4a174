"""Helpers for the facts tests: prose and blocks built by hand, a small names index."""

from __future__ import annotations

import pytest

from ccmlint.facts.blocks import BlockKind, TextBlock
from ccmlint.facts.meeting_refs import MeetingCycle
from ccmlint.facts.names import StateNames
from ccmlint.facts.phrasings import Phrasings, load_phrasings
from ccmlint.nodes import Prose
from ccmlint.span import LineIndex

STATES = [
    {"name": "Austria"},
    {"name": "Belgium"},
    {"name": "Bosnia and Herzegovina"},
    {"name": "Bolivia (Plurinational State of)", "variants": [{"text": "Bolivia", "status": "accepted"}]},
    {"name": "Chile"},
    {"name": "Czechia", "variants": [{"text": "Czech Republic", "status": "error"}]},
    {"name": "Côte d'Ivoire"},
    {"name": "Ghana"},
    {"name": "Kingdom of the Netherlands", "variants": [{"text": "Netherlands", "status": "accepted"}]},
    {"name": "Lao People's Democratic Republic", "variants": [{"text": "Lao PDR", "status": "accepted"}]},
    {"name": "Niger"},
    {"name": "Nigeria"},
    {"name": "Peru"},
    {"name": "Sao Tome and Principe"},
    {"name": "Senegal"},
    {"name": "Sweden"},
    {"name": "United Kingdom of Great Britain and Northern Ireland", "variants": [{"text": "United Kingdom", "status": "accepted"}]},
    {"name": "Uruguay"},
]


def make_prose(text: str) -> Prose:
    """Prose whose offsets are source offsets (no markup taken out)."""
    return Prose(text, ((0, 0),), LineIndex(text))


def make_blocks(*specs: str | tuple[BlockKind, str]) -> list[TextBlock]:
    """Blocks from strings (paragraphs) or ``(kind, text)`` pairs."""
    return [
        TextBlock(make_prose(spec), "paragraph") if isinstance(spec, str) else TextBlock(make_prose(spec[1]), spec[0])
        for spec in specs
    ]


def covered(prose: Prose, span: object) -> str:
    return prose.text[span.start : span.end]  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def names() -> StateNames:
    return StateNames.from_entries(STATES)


@pytest.fixture(scope="session")
def phrasings() -> Phrasings:
    return load_phrasings()


@pytest.fixture(scope="session")
def cycle() -> MeetingCycle:
    return MeetingCycle({("meeting_of_states_parties", 8): 2030, ("review_conference", 5): 2031})
