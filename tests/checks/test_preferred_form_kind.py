"""The preferred_form kind: error forms (time-aware, with safe fixes only) and short
forms used before the full name."""

from __future__ import annotations

from datetime import date

from factsbuild import day, meeting, span

from ccmlint.checks import preferred_form
from ccmlint.engine.context import Context
from ccmlint.facts.model import Facts, NameForm, StateMention, StateNameFacts
from ccmlint.facts.statedata import load_state_data
from ccmlint.span import Span
from ccmlint.schema import validate

ERRORS = validate(preferred_form.Params, dict(kind="preferred_form", path="state_names.mentions", report="error_forms"))
FIRST = validate(preferred_form.Params, dict(kind="preferred_form", path="state_names.mentions", report="first_reference"))
TWELFTH = meeting(12, 2024, end=day("13 September 2024", date(2024, 9, 13), 1))


def mention(text: str, state: str, form: NameForm, line: int = 3, *, changed: int | None = None, in_list: bool = False, article: bool = False, interchangeable: bool = False) -> StateMention:
    words = span(line, column=10, length=len(text))
    the = Span(words.start - 4, words.start - 1, line, 6, line, 9) if article else None
    return StateMention(span=words, text=text, state=state, form=form, changed=changed, passage="paragraph", in_list=in_list, article_span=the, interchangeable=interchangeable)


def errors(*mentions: StateMention, report_meeting=TWELFTH, context: Context = Context()) -> list[tuple[str, str | None]]:
    facts = Facts(meeting=report_meeting, state_names=StateNameFacts(mentions=list(mentions)))
    return [(f.values["value"].text, f.fix.replacement if f.fix else None) for f in preferred_form.check(ERRORS, facts, context)]  # type: ignore[union-attr]


def test_fail_error_form_with_a_fix_when_the_name_takes_no_article() -> None:
    assert errors(mention("Czech Republic", "Czechia", "error", changed=2016)) == [("Czech Republic", "Czechia")]


def test_fix_drops_the_article_the_right_name_does_not_take() -> None:
    facts = Facts(meeting=TWELFTH, state_names=StateNameFacts(mentions=[mention("Czech Republic", "Czechia", "error", changed=2016, article=True)]))
    (finding,) = preferred_form.check(ERRORS, facts, Context())
    assert finding.fix is not None and finding.fix.span.column == 6 and finding.fix.replacement == "Czechia"


def test_no_fix_where_the_article_is_missing_in_running_text() -> None:
    assert errors(mention("Moldova", "Republic of Moldova", "error")) == [("Moldova", None)]
    assert errors(mention("Moldova", "Republic of Moldova", "error", article=True)) == [("Moldova", "Republic of Moldova")]


def test_lists_take_the_name_without_article() -> None:
    assert errors(mention("Moldova", "Republic of Moldova", "error", in_list=True)) == [("Moldova", "Republic of Moldova")]
    assert errors(mention("Bolivia", "Bolivia (Plurinational State of)", "error", changed=2009, in_list=True)) == [
        ("Bolivia", "Bolivia (Plurinational State of)")
    ]


def test_a_parenthesized_name_is_not_a_fix_in_running_text() -> None:
    assert errors(mention("Bolivia", "Bolivia (Plurinational State of)", "error", changed=2009)) == [("Bolivia", None)]


def test_former_name_is_right_before_the_change_and_undecided_in_its_year() -> None:
    turkey = mention("Turkey", "Türkiye", "error", changed=2022)
    assert errors(turkey, report_meeting=meeting(8, 2018)) == []
    assert errors(turkey, report_meeting=meeting(10, 2022)) == []
    assert errors(turkey, report_meeting=meeting(11, 2023)) == [("Turkey", "Türkiye")]
    assert errors(turkey, report_meeting=None) == []
    assert errors(turkey, report_meeting=None, context=Context(as_of=date(2023, 1, 1))) == [("Turkey", "Türkiye")]


def test_accepted_forms_are_not_errors() -> None:
    assert errors(mention("Netherlands", "Kingdom of the Netherlands", "accepted", changed=2024)) == []


def firsts(*mentions: StateMention) -> list[tuple[str, str]]:
    facts = Facts(state_names=StateNameFacts(mentions=list(mentions)))
    return [(f.values["value"].text, f.values["other"].text) for f in preferred_form.check(FIRST, facts, Context())]  # type: ignore[union-attr]


def test_fail_short_form_before_the_full_name() -> None:
    lao = "Lao People's Democratic Republic"
    assert firsts(mention("Lao PDR", lao, "accepted", 3), mention(lao, lao, "name", 5)) == [("Lao PDR", lao)]


def test_pass_short_form_as_second_reference() -> None:
    lao = "Lao People's Democratic Republic"
    assert firsts(mention(lao, lao, "name", 3), mention("Lao PDR", lao, "accepted", 5)) == []


def test_pass_one_accepted_form_throughout_and_interchangeable_forms() -> None:
    bolivia = "Bolivia (Plurinational State of)"
    assert firsts(mention("Lao PDR", "Lao People's Democratic Republic", "accepted", 3), mention("Lao PDR", "Lao People's Democratic Republic", "accepted", 5)) == []
    assert firsts(mention("Plurinational State of Bolivia", bolivia, "accepted", 3, interchangeable=True), mention(bolivia, bolivia, "name", 5)) == []


def test_error_forms_are_left_to_the_other_report() -> None:
    assert firsts(mention("Czech Republic", "Czechia", "error", 3), mention("Czechia", "Czechia", "name", 5)) == []


def test_the_names_data_knows_which_names_take_the_article() -> None:
    data = load_state_data()
    assert preferred_form.safe_fix(mention("Russia", "Russian Federation", "error"), data) is None
    fix = preferred_form.safe_fix(mention("Cote d’Ivoire", "Côte d'Ivoire", "error"), data)
    assert fix is not None and fix.replacement == "Côte d’Ivoire"
