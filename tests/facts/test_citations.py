from hypothesis import given, settings
from hypothesis import strategies as st

from ccmlint.facts.citations import extract_citations
from ccmlint.facts.packdata import Area
from ccmlint.facts.phrasings import Phrasings
from tests.facts.conftest import covered, make_blocks

AREAS = (Area(3, ("stockpile destruction and retention", "stockpile destruction")), Area(4, ("clearance and risk reduction", "clearance")), Area(5, ("victim assistance",)))


def test_articles_in_their_forms(phrasings: Phrasings) -> None:
    blocks = make_blocks(
        "Under Article 4, paragraph 1, of the Convention, article 3(6), Article 4.1, art.5, Articles 6, 7 and 8 and "
        "Article 4(1)(b) of the Convention on Cluster Munitions apply; Article 36 of Additional Protocol I, article 2 "
        "of the rules of procedure and Article 3 of the Convention on the Rights of the Child do not.",
    )
    found = extract_citations(blocks, phrasings.citations, AREAS)
    assert [ref.number for ref in found.articles] == [4, 3, 4, 5, 6, 7, 8, 4]
    assert [covered(blocks[0].prose, ref.span) for ref in found.articles[:5]] == [
        "Article 4", "article 3(6)", "Article 4.1", "art.5", "Articles 6",
    ]


def test_actions_of_the_packs_plan_only(phrasings: Phrasings) -> None:
    blocks = make_blocks(
        "Peru reported on actions #10 and #11 and actions #37 – #31 of the Lausanne Action Plan.",
        "The Meeting recalled action 60 of the Vientiane Action Plan and actions 4 to 6 of its work plan.",
        "Action #13 of the LAP was recalled.",
    )
    found = extract_citations(blocks, phrasings.citations, AREAS)
    assert [ref.number for ref in found.actions] == [10, 11, 37, 31, 13]
    assert [(item.first, item.last) for item in found.action_ranges] == [(37, 31)]
    assert covered(blocks[0].prose, found.action_ranges[0].span) == "actions #37 – #31"


def test_areas_tied_to_obligations(phrasings: Phrasings) -> None:
    blocks = make_blocks(
        "The Meeting considered the Working group on Stockpile destruction and retention. Its Coordinators, as "
        "Coordinators of the Working Group, reported on the implementation of article 4 obligations.",
        "The Coordinators on victim assistance reported on the commitments under art.5.",
        "The Working group on clearance and the Working group on victim assistance met. The Working Group "
        "reported on article 5 obligations.",
        "States Parties reported on their efforts to fulfil the article 5 obligations.",
    )
    found = extract_citations(blocks, phrasings.citations, AREAS)
    assert [(tie.area, tie.area_article, tie.article) for tie in found.area_articles] == [
        ("Stockpile destruction and retention", 3, 4), ("victim assistance", 5, 5),
    ]


PLAIN_ARTICLE = r"\b(?:[Aa]rticles?|ARTICLES?)\s*(?=\d)|\b[Aa]rts?\.\s*(?=\d)"
"""The article word as first written, its word start in front (slow to search)."""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ArticlesRTICLESart. 45xé-\n", max_size=40))
def test_the_article_word_is_found_as_its_plain_form_finds_it(text: str) -> None:
    import re

    from ccmlint.facts.phrasings import load_phrasings

    article, plain = re.compile(load_phrasings().citations.article), re.compile(PLAIN_ARTICLE)
    assert [m.span() for m in article.finditer(text)] == [m.span() for m in plain.finditer(text)]
