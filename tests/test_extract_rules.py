"""Outlet rules: the version valid for the page's date, full CSS, bad selectors."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tasks.config import ExtractionRules
from tasks.errors import ExtractError
from tasks.extract import extract_article
from tasks.extract_meta import pick_rules, select
from tasks.extract_parse import parse_html

RULES = [
    ExtractionRules(
        body=["div.story-text"], authors=[".writer-name"], remove=[".promo"], valid_until=None
    ),
    ExtractionRules(
        body=["#old-body"], authors=["span[itemprop=creator]"], valid_until=date(2021, 1, 1)
    ),
]


def rules_page(published: str) -> str:
    filler = " ".join(
        f"Sentence number {i} of the council report on water prices." for i in range(12)
    )
    return f"""<html><head><title>Water prices</title>
    <meta property="article:published_time" content="{published}"></head><body>
    <h1>Water prices to rise</h1>
    <div id="old-body"><p>Old template text. {filler}</p></div>
    <span itemprop="creator">By Otto Alt</span>
    <div class="story-text"><p>New template text. {filler}</p><p class="promo">Buy our app</p></div>
    <span class="writer-name">Nina Neu, Chief Reporter</span>
    </body></html>"""


def test_rules_version_valid_until_after_the_publication_date():
    old = extract_article(rules_page("2020-06-01T10:00:00Z"), "https://w.example/a", RULES)
    assert old.body.startswith("Old template text.") and old.authors == ["Otto Alt"]
    assert (old.field_sources["body"], old.field_sources["authors"]) == ("rules", "rules")
    new = extract_article(rules_page("2023-06-01T10:00:00Z"), "https://w.example/a", RULES)
    assert new.body.startswith("New template text.") and new.authors == ["Nina Neu"]
    assert "Buy our app" not in new.body  # the rule's `remove`


def test_pick_rules():
    current, old = RULES
    when = lambda d: datetime.fromisoformat(d).replace(tzinfo=UTC)  # noqa: E731
    assert pick_rules(RULES, when("2020-12-31")) is old
    assert pick_rules(RULES, when("2021-01-01")) is current
    assert pick_rules(RULES, None) is current
    assert pick_rules([], None) is None


CSS_PAGE = """<html><body><main id="main"><h2>Lead</h2><p class="a b">one</p>
<p class="b">two</p><p>three</p><aside><p data-x="k-1">four</p></aside></main></body></html>"""


@pytest.mark.parametrize(
    ("css", "texts"),
    [
        ("p.a.b", ["one"]),
        ("#main > p", ["one", "two", "three"]),
        ("h2 + p", ["one"]),
        ("h2 ~ p:not(.b)", ["three"]),
        ("main p:nth-of-type(2)", ["two"]),
        ("p[data-x|=k]", ["four"]),
        ("aside p, h2", ["Lead", "four"]),  # document order
        ("p:last-child", ["four"]),
    ],
)
def test_full_css_in_outlet_rules(css, texts):
    tree = parse_html(CSS_PAGE)
    assert [el.text for el in select(tree, [css])] == texts


@pytest.mark.parametrize("css", ["p[", "p::text", "div >> p"])
def test_bad_css_is_an_extract_error_naming_the_selector(css):
    with pytest.raises(ExtractError, match="bad CSS selector") as error:
        select(parse_html(CSS_PAGE), [css])
    assert repr(css) in str(error.value)


def test_section_rule():
    rules = [ExtractionRules(section=["nav.crumbs li:last-child"])]
    html = rules_page("2023-06-01T10:00:00Z").replace(
        "<h1>", '<nav class="crumbs"><ul><li>Home</li><li>Water</li></ul></nav><h1>'
    )
    article = extract_article(html, "https://w.example/a", rules)
    assert (article.section, article.field_sources["section"]) == ("Water", "rules")
