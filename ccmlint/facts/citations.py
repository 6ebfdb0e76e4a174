"""Articles, action-plan actions and areas of work cited in a report.

- Articles of the pack's convention: "Article 4", "article 3(6)", "Article 4.1",
  "art.5", "Article 4, paragraph 1, of the Convention", "Articles 3, 4 and 5". An
  article cited "of" another instrument ("Article 36 of Additional Protocol I",
  "article 2 of the rules of procedure") is not the convention's and is skipped.
- Actions of the pack's action plan: "action #13", "actions #10 and #11", "actions
  #31 – #37"; only where the sentence names the plan, so that an older plan's
  actions are never counted against the current one. A range is kept as written,
  so a rule can see that it runs backwards.
- Areas tied to obligations: a sentence where a named area of work (a working group
  or thematic coordinator, its name from the pack's data) reports on "article N
  obligations". The area is the one the sentence names, or, when it says only "the
  Working Group", the one area its paragraph named before; a sentence citing
  obligations of two articles, or a paragraph naming two areas, ties nothing.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from ccmlint import regexes
from ccmlint.facts.blocks import TextBlock
from ccmlint.facts.dates import MONTHS
from ccmlint.facts.model import ActionRange, ActionRef, AreaArticle, ArticleRef, Citations
from ccmlint.facts.packdata import Area
from ccmlint.facts.phrasings import CitationPhrasings, any_of, regex
from ccmlint.prefilter import may_occur
from ccmlint.facts.sentences import sentences
from ccmlint.nodes import Prose
from ccmlint.record import Record

_CITING = ("paragraph", "list_item", "heading")
_MONTH_AFTER = rf"\s+(?i:{'|'.join(MONTHS)})\b"
_NUMBER = rf"(?P<number>\d{{1,3}})(?!\d)(?!{_MONTH_AFTER})"
# Between two numbers of one citation: a list ("3, 4 and 5") or a range ("12 to 17").
_LIST_JOINER = r"\s*(?:,\s*(?:and|or)\s+|,\s*|\s+and\s+|\s+or\s+|\s*&\s*)"
_RANGE_JOINER = r"\s*(?:to|through|–|—|-|‒)\s*"
_PLURAL = regexes.compile(r"(?i:articles|arts\.)")


class _Number(Record):
    """One number of a citation: offsets of its words (with any paragraph part) and value."""

    start: int
    end: int
    value: int
    ranged: bool = False  # joined to the number before it by a range joiner


def extract_citations(blocks: Sequence[TextBlock], phrasings: CitationPhrasings, areas: Sequence[Area]) -> Citations:
    """Every article, action and area tie cited in the report's running text and headings."""
    articles: list[ArticleRef] = []
    actions: list[ActionRef] = []
    ranges: list[ActionRange] = []
    ties: list[AreaArticle] = []
    action_word = regex(phrasings.action)
    area_cue = any_of(phrasings.area_named)
    for block in blocks:
        if block.kind not in _CITING:
            continue
        text = block.prose.text
        articles.extend(_articles(block.prose, phrasings))
        # NOTE: most blocks cite no action and name no area; a block without the words
        # those need is not read sentence by sentence.
        if may_occur(action_word, text):
            for start, end in sentences(text):
                found_actions, found_ranges = _actions(block.prose, start, end, phrasings)
                actions.extend(found_actions)
                ranges.extend(found_ranges)
        if block.kind != "heading" and may_occur(area_cue, text):
            ties.extend(_area_ties(block.prose, phrasings, areas))
    return Citations(articles=articles, actions=actions, action_ranges=ranges, area_articles=ties)


# --- articles -------------------------------------------------------------------


class _Citation(Record):
    start: int
    numbers: tuple[_Number, ...]

    @property
    def end(self) -> int:
        return self.numbers[-1].end


def _article_citations(text: str, phrasings: CitationPhrasings, start: int = 0, end: int | None = None) -> Iterator[_Citation]:
    """Citations of the pack's own articles in ``text[start:end]``."""
    end = len(text) if end is None else end
    for word in regex(phrasings.article).finditer(text, start, end):
        numbers = _numbers(text, word.end(), end, regex(phrasings.article_part), many=bool(_PLURAL.match(word.group().strip())))
        if not numbers:
            continue
        citation = _Citation(word.start(), tuple(numbers))
        of = regex(phrasings.instrument_of).match(text, citation.end, end)
        if of is not None and not any_of(phrasings.own_instrument).match(text, of.end(), end):
            continue  # an article of another instrument
        yield citation


def _numbers(text: str, position: int, end: int, part: re.Pattern[str], many: bool, hash_sign: bool = False) -> list[_Number]:
    """The numbers of one citation from ``position``: one, or a list or range when ``many``."""
    prefix = r"#?\s*" if hash_sign else ""
    number = regex(prefix + _NUMBER)
    first = number.match(text, position, end)
    if first is None:
        return []
    found = [_Number(first.start(), _part_end(text, first.end(), end, part), int(first["number"]))]
    while many:
        joined = regex(rf"(?:(?P<range>{_RANGE_JOINER})|{_LIST_JOINER})(?={prefix}\d)").match(text, found[-1].end, end)
        following = number.match(text, joined.end(), end) if joined is not None else None
        if joined is None or following is None:
            break
        found.append(_Number(following.start(), _part_end(text, following.end(), end, part), int(following["number"]), joined["range"] is not None))
    return found


def _part_end(text: str, position: int, end: int, part: re.Pattern[str]) -> int:
    match = part.match(text, position, end)
    return match.end() if match is not None else position


def _articles(prose: Prose, phrasings: CitationPhrasings) -> list[ArticleRef]:
    found: list[ArticleRef] = []
    for citation in _article_citations(prose.text, phrasings):
        for index, number in enumerate(citation.numbers):
            start = citation.start if index == 0 else number.start
            found.append(ArticleRef(text=prose.text[start : number.end], number=number.value, span=prose.span(start, number.end)))
    return found


# --- actions --------------------------------------------------------------------


def _actions(prose: Prose, start: int, end: int, phrasings: CitationPhrasings) -> tuple[list[ActionRef], list[ActionRange]]:
    text = prose.text
    actions: list[ActionRef] = []
    ranges: list[ActionRange] = []
    for word in regex(phrasings.action).finditer(text, start, end):
        numbers = _numbers(text, word.end(), end, regex(r"(?!)"), many=True, hash_sign=True)
        if not numbers:
            continue
        plan = _plan(text, start, word.start(), numbers[-1].end, end, phrasings)
        if plan is None:
            continue
        for index, number in enumerate(numbers):
            begin = word.start() if index == 0 else number.start
            actions.append(ActionRef(text=text[begin : number.end], number=number.value, plan=plan, span=prose.span(begin, number.end)))
            if number.ranged:
                earlier = numbers[index - 1]
                first_start = word.start() if index == 1 else earlier.start
                ranges.append(
                    ActionRange(
                        text=text[first_start : number.end], first=earlier.value, last=number.value, plan=plan,
                        span=prose.span(first_start, number.end),
                    )
                )
    return actions, ranges


def _plan(text: str, start: int, cited: int, after: int, end: int, phrasings: CitationPhrasings) -> str | None:
    """The pack's action plan the actions belong to: the plan named next after them in the
    sentence, else the last named before them; None when that is another plan or none."""
    names = list(regex(phrasings.plan_name).finditer(text, start, end))
    following = [name for name in names if name.start() >= after]
    preceding = [name for name in names if name.end() <= cited]
    name = following[0] if following else (preceding[-1] if preceding else None)
    if name is None or not phrasings.action_plan or not any_of(phrasings.action_plan).search(name.group()):
        return None
    return name.group()


# --- areas tied to obligations --------------------------------------------------


class _Named(Record):
    position: int
    area: Area
    written: str


def _area_ties(prose: Prose, phrasings: CitationPhrasings, areas: Sequence[Area]) -> list[AreaArticle]:
    text = prose.text
    named_before: list[_Named] = []
    ties: list[AreaArticle] = []
    again_cue = any_of(phrasings.area_again) if phrasings.area_again else None
    may_say_again = again_cue is not None and may_occur(again_cue, text)
    for start, end in sentences(text):
        named = list(_areas_named(text, start, end, phrasings, areas))
        again = may_say_again and again_cue is not None and again_cue.search(text, start, end) is not None
        candidates = named or (named_before if again else [])
        named_before.extend(named)
        if len({item.area.article for item in candidates}) != 1:
            continue
        area = candidates[-1]
        obligations = list(_obligations(text, start, end, phrasings))
        if len({number.value for number in obligations}) != 1:
            continue  # NOTE: obligations of two articles in one sentence: which is the area's is unclear
        cited = obligations[0]
        ties.append(
            AreaArticle(
                text=text[cited.start : cited.end], area=area.written, area_article=area.area.article,
                article=cited.value, span=prose.span(cited.start, cited.end),
            )
        )
    return ties


def _areas_named(text: str, start: int, end: int, phrasings: CitationPhrasings, areas: Sequence[Area]) -> Iterator[_Named]:
    forms: list[tuple[str, Area]] | None = None
    for cue in any_of(phrasings.area_named).finditer(text, start, end):
        if forms is None:  # NOTE: most sentences name no area; sort only for those that do
            forms = sorted(((name, area) for area in areas for name in area.names), key=lambda pair: len(pair[0]), reverse=True)
        position = cue.end()
        for name, area in forms:
            written = text[position : position + len(name)]
            after = text[position + len(name) : position + len(name) + 1]
            if written.casefold() == name.casefold() and not (after.isalpha()):
                yield _Named(position, area, written)
                break


def _obligations(text: str, start: int, end: int, phrasings: CitationPhrasings) -> Iterator[_Number]:
    """The articles a sentence cites as obligations ("implementation of article 4 obligations")."""
    before = any_of(phrasings.obligation_before)
    after = any_of(phrasings.obligation_after)
    for citation in _article_citations(text, phrasings, start, end):
        said_before = bool(phrasings.obligation_before) and before.search(text[start : citation.start]) is not None
        said_after = bool(phrasings.obligation_after) and after.match(text, citation.end, end) is not None
        if said_before or said_after:
            first = citation.numbers[0]
            yield _Number(citation.start, first.end, first.value)
