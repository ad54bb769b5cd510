"""Titles: the headline as readers see it, without entities, site names or section
suffixes that the template adds."""

from __future__ import annotations

import json

from tasks.extract import extract_article

BODY = "<p>" + "The council voted on the harbour plan after a long debate, members said. " * 6


def page(head: str, h1: str = "") -> str:
    body = f"<article><h1>{h1}</h1>{BODY}</p></article>"
    return f"<html><head>{head}</head><body>{body}</body></html>"


def ld(**fields: str) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_html_entities_in_a_jsonld_headline_are_decoded():
    html = page(ld(headline="Council backs &#8216;harbour&#8217; plan &amp; &quot;new&quot; pier"))
    assert extract_article(html, "https://x.example/a").title == (
        "Council backs \u2018harbour\u2019 plan & \"new\" pier"
    )


def test_entities_escaped_twice_in_json_ld_are_decoded_in_headline_and_standfirst():
    html = page(ld(headline="R&amp;uuml;ckbau: K&amp;uuml;hlt&amp;uuml;rme gesprengt",
                   description="Die K&amp;uuml;hlt&amp;uuml;rme fielen &amp;ndash; wie geplant."))
    article = extract_article(html, "https://x.example/a")
    assert article.title == "R\u00fcckbau: K\u00fchlt\u00fcrme gesprengt"
    assert article.subtitle == "Die K\u00fchlt\u00fcrme fielen \u2013 wie geplant."


def test_a_site_name_suffix_or_prefix_is_dropped():
    suffix = page('<meta property="og:title" content="Council backs harbour plan - Harbour Post">'
                  '<meta property="og:site_name" content="Harbour Post">')
    assert extract_article(suffix, "https://x.example/a").title == "Council backs harbour plan"
    prefix = page("<title>Harbour Post: Council backs harbour plan</title>"
                  '<meta property="og:site_name" content="Harbour Post">')
    assert extract_article(prefix, "https://x.example/a").title == "Council backs harbour plan"


def test_a_kicker_the_page_s_own_headline_lacks_is_dropped():
    html = page(ld(headline="\u00abHarbour row\u00bb: Council backs harbour plan"),
                h1="Council backs harbour plan")
    article = extract_article(html, "https://x.example/a")
    assert article.title == "Council backs harbour plan"
    # where every title carries it, the kicker is part of the headline
    html = page(ld(headline="Harbour row: Council backs harbour plan"),
                h1="Harbour row: Council backs harbour plan")
    assert extract_article(html, "https://x.example/a").title == (
        "Harbour row: Council backs harbour plan")


def test_a_section_before_the_site_name_goes_with_it_but_a_hyphenated_word_stays():
    def title(head: str) -> str:
        html = page(head + '<meta property="og:site_name" content="Harbour Post">')
        return extract_article(html, "https://x.example/a").title

    assert title('<meta property="og:title" content="Council backs harbour plan - Politics '
                 '| Harbour Post">') == "Council backs harbour plan"
    # Korean sites' bar is the letter ㅣ, and their templates leave no spaces around it
    assert title('<meta property="og:title" content="항구 계획 의회 통과-정치ㅣHarbour Post">'
                 ) == "항구 계획 의회 통과"
    assert title('<meta property="og:title" content="Council backs the Biden-Harris plan '
                 '| Harbour Post">') == "Council backs the Biden-Harris plan"


def test_a_suffix_the_other_titles_lack_is_dropped():
    html = page(ld(headline="Council backs harbour plan | Politics")
                + '<meta property="og:title" content="Council backs harbour plan">')
    article = extract_article(html, "https://x.example/a")
    assert article.title == "Council backs harbour plan"
    assert article.field_sources["title"] == "jsonld"
    # a headline that merely contains a colon keeps it
    html = page(ld(headline="Harbour plan: council says yes"), "Harbour plan: council says yes")
    assert extract_article(html, "https://x.example/a").title == "Harbour plan: council says yes"
