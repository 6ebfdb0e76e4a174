"""The runner on hand-built facts with the bundled rules: wording, order, failures,
and the info given when the facts a rule checks against are missing."""

from __future__ import annotations

from datetime import date
from typing import Iterator

import pytest

from ccmlint.checks import subset
from ccmlint.diagnostics import Diagnostic, Finding, Severity
from ccmlint.engine.context import Context
from ccmlint.engine.loader import load_rules
from ccmlint.engine.runner import DOCUMENT_START, run
from ccmlint.facts.model import (
    Coordinator,
    DateFact,
    Extension,
    Facts,
    FootnoteRefFact,
    Footnotes,
    FootnoteTextFact,
    Meeting,
    MeetingRef,
    Officers,
    Participants,
    Person,
    StateRef,
)
from ccmlint.span import Span

RULES = load_rules()
PATH = "report.txt"


def span(line: int, column: int = 1) -> Span:
    return Span(line * 100 + column, line * 100 + column + 4, line, column, line, column + 4)


def state(text: str, line: int, column: int = 1) -> StateRef:
    return StateRef(span=span(line, column), text=text)


def twelfth(end: date | None = date(2024, 9, 13)) -> Meeting:
    last = DateFact(span=span(1, 40), text=f"{end.day} September {end.year}", value=end) if end else None
    return Meeting(span=span(1), text="Twelfth Meeting of States Parties", kind="meeting_of_states_parties", ordinal=12, year=2024, end=last)


def lines(diagnostics: list[Diagnostic]) -> list[str]:
    return [f"{d.span.line}:{d.span.column} {d.rule} {d.severity}: {d.message}" for d in diagnostics]


def test_a_misspelt_participant_reads_as_a_likely_misspelling() -> None:
    facts = Facts(
        meeting=twelfth(),
        participants=Participants(states_parties=[state("Chile", 2), state("Lao Peoples\u2019 Democratic Republic", 2, 10)]),
        officers=Officers(vice_presidents=[state("Lao People\u2019s Democratic Republic", 9), state("Mexico", 9, 40)]),
    )
    diagnostics = [d for d in run(RULES, facts, Context(), PATH) if d.rule == "vice-president-not-participant"]
    assert lines(diagnostics) == [
        "9:1 vice-president-not-participant warning: Lao People\u2019s Democratic Republic is listed as Vice-President; "
        "the participating States Parties include Lao Peoples\u2019 Democratic Republic, probably the same State spelt differently",
        "9:40 vice-president-not-participant warning: Mexico is listed as Vice-President but not among the States Parties "
        "listed as participating",
    ]
    assert diagnostics[0].suggestion == (
        "if the same State is meant, write it one way in both places: "
        "'Lao People\u2019s Democratic Republic' here or 'Lao Peoples\u2019 Democratic Republic' (line 2)"
    )
    assert all(d.path == PATH for d in diagnostics)


def test_every_bundled_rule_words_its_findings() -> None:
    eleventh = MeetingRef(span=span(5, 30), text="the Eleventh Meeting of States Parties", kind="meeting_of_states_parties", ordinal=11)
    facts = Facts(
        meeting=twelfth(),
        participants=Participants(states_parties=[state("Chile", 2)]),
        officers=Officers(president=Person(span=span(8), text="A. Example", state=state("Peru", 8, 20))),
        coordinators=[
            Coordinator(span=span(4), text="x", area="clearance", group="working_group", state=state("Chile", 4)),
            Coordinator(span=span(5), text="y", area="victim assistance", group="working_group", term_end=eleventh),
        ],
        extensions=[
            Extension(span=span(6), text="z", state=state("Chad", 6, 20), years=5, until=DateFact(span=span(6, 60), text="1 August 2024", value=date(2024, 8, 1)))
        ],
        footnotes=Footnotes(
            refs=[FootnoteRefFact(span=span(n, 50), number=number, kind="footnote") for n, number in ((3, 1), (10, 3), (11, 3), (12, 9))],
            texts=[FootnoteTextFact(span=span(n), number=number, kind="footnote", text="t") for n, number in ((30, 1), (31, 3), (32, 3), (33, 4))],
        ),
    )
    assert lines(run(RULES, facts, Context(), PATH)) == [
        "4:1 coordinator-term-end-missing warning: the appointment of x as coordinator for clearance does not say until the end of which meeting the term runs",
        "5:30 coordinator-term-not-after-meeting warning: the term of the coordinator for victim assistance ends at the Eleventh Meeting "
        "of States Parties, no later than the meeting this report records (Twelfth Meeting of States Parties)",
        "6:60 extension-not-after-meeting warning: the extension granted to Chad ends on 1 August 2024, not after 13 September 2024; "
        "an extended deadline must lie after the meeting that grants it",
        "8:20 president-state-not-participant warning: the President (A. Example) is said to represent Peru, which is not among the "
        "States Parties listed as participating",
        "10:50 footnote-out-of-order warning: footnote 3 follows footnote 1; 2 was expected",
        "11:50 footnote-reference-duplicated warning: footnote mark 3 appears a second time (the first is at line 10)",
        "12:50 footnote-out-of-order warning: footnote 9 follows footnote 3; 4 was expected",
        "12:50 footnote-reference-without-text error: footnote reference 9 has no footnote text",
        "32:1 footnote-number-duplicated warning: footnote number 3 is given to a second note (the first is at line 31)",
        "33:1 footnote-text-unreferenced warning: footnote 4 is never referred to in the text",
    ]


def test_as_of_moves_the_extension_reference() -> None:
    until = DateFact(span=span(6, 60), text="1 August 2029", value=date(2029, 8, 1))
    facts = Facts(meeting=twelfth(), extensions=[Extension(span=span(6), text="z", state=state("Chad", 6), until=until)])
    assert run(RULES, facts, Context(), PATH) == []
    assert lines(run(RULES, facts, Context(as_of=date(2030, 1, 1)), PATH)) == [
        "6:60 extension-not-after-meeting warning: the extension granted to Chad ends on 1 August 2029, not after 1 January 2030; "
        "an extended deadline must lie after the meeting that grants it"
    ]


def test_missing_reference_facts_give_one_info_each() -> None:
    facts = Facts(
        officers=Officers(
            president=Person(span=span(8), text="A. Example", state=state("Peru", 8)),
            vice_presidents=[state("Mexico", 9)],
        ),
        extensions=[Extension(span=span(6), text="z", until=DateFact(span=span(6), text="1 August 2029", value=date(2029, 8, 1)))],
    )
    diagnostics = run(RULES, facts, Context(), PATH)
    assert lines(diagnostics) == [
        "1:1 facts-missing info: no 'meeting.end' found in this report, so rule extension-not-after-meeting could not check against it",
        "1:1 facts-missing info: no 'participants.states_parties' found in this report, so rules president-state-not-participant, "
        "vice-president-not-participant could not check against it",
    ]
    assert {d.span for d in diagnostics} == {DOCUMENT_START}
    # With --as-of the extension rule needs no meeting dates.
    assert "meeting.end" not in " ".join(lines(run(RULES, facts, Context(as_of=date(2030, 1, 1)), PATH)))


def test_nothing_to_check_is_silent() -> None:
    # No coordinators, no Vice-Presidents, no footnotes: a short report, not missing facts.
    assert run(RULES, Facts(meeting=twelfth()), Context(), PATH) == []
    assert run(RULES, Facts(), Context(), PATH) == []


def test_a_failing_check_becomes_an_internal_error_and_others_still_report(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(params: subset.Params, facts: Facts, context: Context) -> Iterator[Finding]:
        raise RuntimeError("boom")
        yield  # pragma: no cover - makes this a generator like the real one

    monkeypatch.setattr(subset, "check", broken)
    facts = Facts(footnotes=Footnotes(refs=[FootnoteRefFact(span=span(3), number=1, kind="footnote")], texts=[FootnoteTextFact(span=span(30), number=2, kind="footnote", text="t")]))
    diagnostics = run(RULES, facts, Context(), PATH)
    internal = [d for d in diagnostics if d.rule == "internal-error"]
    subset_rules = sorted(rule.id for rule in RULES if rule.params.kind == "subset")
    assert "vice-president-not-participant" in subset_rules
    assert [(d.severity, d.span, d.message) for d in internal] == [
        (Severity.ERROR, DOCUMENT_START, f"rule {rule_id} failed on this report (RuntimeError: boom); its findings are missing")
        for rule_id in subset_rules
    ]
    assert {"footnote-reference-without-text", "footnote-text-unreferenced"} <= {d.rule for d in diagnostics}


def test_output_is_sorted_and_deterministic() -> None:
    facts = Facts(
        participants=Participants(states_parties=[state("Chile", 2)]),
        officers=Officers(vice_presidents=[state("Peru", 9, 30), state("Mexico", 9, 1), state("Ghana", 4)]),
    )
    first = run(RULES, facts, Context(), PATH)
    assert [d.span.line for d in first] == [4, 9, 9]
    assert first == sorted(first, key=Diagnostic.sort_key) == run(RULES, facts, Context(), PATH)


def test_the_failed_rule_is_read_back_from_its_internal_error() -> None:
    from types import SimpleNamespace

    from ccmlint.engine.runner import failed_rule, internal_error

    diagnostic = internal_error(SimpleNamespace(id="footnote-out-of-order"), ValueError("boom"), "r.txt")  # type: ignore[arg-type]
    assert failed_rule(diagnostic) == "footnote-out-of-order"
    assert failed_rule(diagnostic.replace(rule="footnote-out-of-order")) is None
