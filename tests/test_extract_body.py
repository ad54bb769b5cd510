"""The body: boilerplate lines, link lists and other stories dropped, article text kept."""

from __future__ import annotations

import json

import pytest

from tasks.extract import extract_article
from tasks.extract_boilerplate import (
    DEFAULT_BOILERPLATE,
    SHORT_BLOCK_WORDS,
    compile_patterns,
    is_boilerplate,
)
from tasks.models import Article

PATTERNS = compile_patterns()


@pytest.mark.parametrize(
    "line",
    [
        "Want the latest updates on the election? Sign up for our newsletter.",
        "Sign up to read this article",
        "Read more",
        "Related Stories",
        "Related: How the vote was counted",
        "Photo: Anna Smith/Reuters",
        "(Image credit: NASA/JPL)",
        "Subscribe to continue reading",
        "Follow us on Twitter @example",
        "Write to Jane Roe at jane.roe@example.com",
        "Click here to subscribe to The Daily Brief",
        "We use cookies to give you the best experience.",
        "Advertisement",
        "Reporting by Jane Roe; editing by John Doe",
        "Check out more travel stories by signing up to our free weekly newsletter",
        "Newsletter: Sport inside",
        "Sie mögen es kompakt? Dann melden Sie sich hier für den Newsletter an – hier entlang.",
        "Auch interessant",
        "関連記事",
        "Filed under: Politics |",
        "Related post: Pickled Brussels Sprouts",
        "Note: we are temporarily moderating all comments submitted to deal with spam.",
        "Comments are closed.",
        "[button link='/review'] Send us YOUR review[/button]",
        "Pictured from left, are novelists Jane Roe and John Doe, at the book fair.",
        "장동혁 대표가 29일 국회에서 인사하고 있다. 연합뉴스",
        "Copy link",
        "We want to hear from you: are you voting this year? Tell us why.",
        "Most read in Football",
        "More on the strike in our live blog:",
        "© dpa-infocom, dpa:240516-99-53606/3 (dpa)",
        "<Copyright ⓒ Daily Example. All rights reserved. 무단 전재 및 재배포 금지>",
        "Guest columns do not necessarily reflect the views of the editors.",
        "You must be logged in to post a comment.",
        "Our members get special offers from us and our partners. Read our Privacy Policy.",
    ],
)
def test_default_boilerplate_is_removed(line):
    assert is_boilerplate(line, PATTERNS)


@pytest.mark.parametrize(
    "line",
    [
        "Readers who subscribe to the paper's print edition pay more this year.",
        "The photo showed the minister leaving the building.",
        "More than 200 people signed up to volunteer, the organisers said.",
        "Related research published last year reached the same conclusion about the river.",
        "Her newsletter, which she started in 2019, now has 40,000 readers.",
        "More than 2,000 people signed up for the council's newsletter last week.",
    ],
)
def test_article_sentences_survive(line):
    assert not is_boilerplate(line, PATTERNS)


def _top_level_alternatives(pattern: str) -> list[str]:
    """The pattern split at the '|' outside every group and character class."""
    parts, depth, in_class, escaped, start = [], 0, False, False, 0
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


def test_every_alternative_of_an_anchored_default_keeps_its_anchor():
    # The defaults are searched as two alternations that apply a pattern's leading "^" or
    # "\b" to all of it: "^a|b" would silently become "^(a|b)" there.
    broken = [
        pattern
        for pattern in DEFAULT_BOILERPLATE
        for anchor in ("^", r"\b")
        if pattern.startswith(anchor)
        and not all(alt.startswith(anchor) for alt in _top_level_alternatives(pattern))
    ]
    assert broken == []


def test_config_boilerplate_patterns_are_added():
    html = (
        "<html><head><title>t</title></head><body><article><h1>Storm damage</h1>"
        + "<p>The storm damaged roofs across the county overnight, officials said.</p>" * 5
        + "<p>Download the Daily Gazette app for alerts.</p></article></body></html>"
    )
    body = extract_article(html, "https://g.example/s", boilerplate=[r"daily gazette"]).body
    assert "Gazette" not in body and "storm damaged roofs" in body


PARAGRAPHS = [
    f"Paragraph {n} of the harbour story: the council debated the new pier for hours, and "
    f"members from every party spoke about the cost, the jobs and the noise for residents."
    for n in range(1, 9)
]


def body_of(inner: str) -> str:
    html = (f"<html><head><title>Harbour plan</title></head><body><article>"
            f"<h1>Harbour plan</h1>{inner}</article></body></html>")
    return extract_article(html, "https://x.example/news/harbour-plan").body


def test_consent_placeholders_are_dropped():
    placeholder = ("<p>Externer Inhalt nicht verfügbar</p><p>Deine "
                   "Privatsphäre-Einstellungen verhindern das Laden des Inhalts.</p>"
                   "<p>Please accept marketing cookies to watch this video.</p>")
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3]) + placeholder
                   + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[3:]))
    assert "Externer Inhalt" not in body and "Privatsphäre" not in body and "cookies" not in body
    assert PARAGRAPHS[0] in body and PARAGRAPHS[-1] in body


def test_paragraphs_after_an_inline_related_card_are_kept():
    card = ("<div class='card'><h3>Related stories</h3><ul>"
            "<li><a href='/a'>Pier builder wins contract</a></li>"
            "<li><a href='/b'>Residents fear harbour noise</a></li></ul></div>")
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:5]) + card
                   + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[5:]))
    assert PARAGRAPHS[-1] in body
    assert "Pier builder wins contract" not in body


def test_teasers_and_reader_service_footers_at_the_end_are_dropped():
    teasers = "<h3>Related stories</h3>" + "".join(
        f"<h4>Other headline {n}</h4><p>A one-line summary of another story about the town, "
        f"its council, its harbour and its people, number {n}.</p>" for n in range(4)
    )
    footer = ("<p>Got a story? Email news@x.example. By submitting you agree to our Terms and "
              "Privacy Policy.</p>")
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS) + footer + teasers)
    assert "Got a story" not in body and "Other headline" not in body
    assert "one-line summary" not in body and PARAGRAPHS[-1] in body


def test_an_article_only_in_a_next_js_payload_is_found():
    payload = {"props": {"pageProps": {"story": {
        "title": "Harbour plan",
        "body": "".join(f"<p>{p}</p>" for p in PARAGRAPHS),
        "teaser": "The council debated the pier.",
    }}}}
    html = ("<html><head><title>Harbour plan</title></head><body><div id='__next'></div>"
            f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(payload)}</script>"
            "</body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert body.split("\n\n") == PARAGRAPHS


def test_an_article_only_in_a_next_js_app_router_flight_stream_is_found():
    """App Router pages push their data in `self.__next_f` chunks; a long string is a text
    row ("2a:T<hex length>,<html>") that the JSON refers to as "$2a"."""
    html_body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    row = f"2a:T{len(html_body.encode()):x},{html_body}"
    story = '3:["$","div",null,{"story":{"title":"Harbour plan","contentHtml":"$2a"}}]\n'
    pushes = "".join(f"<script>self.__next_f.push({json.dumps([1, chunk])})</script>"
                     for chunk in (row[:40], row[40:], story))
    html = ("<html><head><title>Harbour plan</title></head><body><main></main>"
            f"{pushes}</body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert body.split("\n\n") == PARAGRAPHS


def test_teaser_cards_for_other_stories_are_dropped():
    """A link around a heading and a summary is a card for another story, however long its
    summary (an article's own text never sits inside a link)."""
    summary = ("A long summary of another story about the county, its budget, its schools and "
               "its roads, with enough words to read like a paragraph of its own.")
    cards = "".join(
        f"<li><a href='/news/story-{n}'><div><h1>Another story number {n}</h1>"
        f"<div>2024-10-1{n}</div><p>\n<font>KICKER {n}: </font>\n{summary}\n{summary}\n</p>"
        f"</div></a></li>" for n in range(3)
    )
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour plan</title></head><body><div><ul><li><div>"
        f"<h1>Harbour plan</h1>{paragraphs}</div></li><li><div><a href='/most-read'>"
        "<h1>Most Popular</h1></a><ul><li><a href='/a'><h5>One popular story</h5></a></li>"
        "</ul></div></li></ul></div><div><ul><li></li><li><div><h1>You might also like</h1>"
        f"<div><ul>{cards}</ul></div></div></li></ul></div></body></html>"
    )
    article = extract_article(html, "https://x.example/news/harbour-plan")
    assert "long summary" not in article.body and "Another story" not in article.body
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.captions == []  # nor are they the article's image captions


def test_a_json_ld_body_in_markup_is_read_as_paragraphs():
    """Where the page shows only a teaser, the JSON-LD `articleBody` is the article; some
    templates put its HTML there, tags and all."""
    data = {"@type": "NewsArticle", "headline": "Harbour plan",
            "articleBody": "".join(f"<p>{p.replace('council', '<strong>council</strong>')}</p>"
                                   for p in PARAGRAPHS)}
    html = ("<html><head><title>Harbour plan</title>"
            f"<script type='application/ld+json'>{json.dumps(data)}</script></head><body>"
            f"<article><h1>Harbour plan</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>"
            "<p>Subscribe to continue reading.</p></article></body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert "<" not in body
    assert body.split("\n\n") == PARAGRAPHS


def test_a_list_of_headlines_behind_kickers_is_dropped_with_its_heading():
    """"Kicker: <a>headline</a>" items link to other stories though they do not start with
    the link; the heading over such a list goes with it."""
    teasers = ("<h3>More background, researched for you</h3><ul>"
               "<li><strong>Harbour dispute: </strong><a href='/a'>Dockers reject the offer"
               "</a></li>"
               "<li><strong>Warning: </strong><a href='/b'>Pier costs could double, "
               "engineers say</a></li></ul><h3>What the council decided</h3>")
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:4]) + teasers
                   + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[4:]))
    assert body.split("\n\n") == [*PARAGRAPHS[:4], "What the council decided", *PARAGRAPHS[4:]]


def test_a_list_with_a_link_in_its_text_is_kept():
    items = ("<ul><li>The pier will be 300 metres long, says the <a href='/r'>council's "
             "report</a>.</li><li>Work is to start in May and end next year.</li></ul>")
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS[:4]) + items
                   + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[4:]))
    assert "council's report" in body and "Work is to start" in body


@pytest.mark.parametrize("prompt", [
    "This article is only available to subscribers.",
    "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
    "この記事は会員限定です。",
])
def test_a_paywall_box_after_the_text_is_dropped(prompt):
    box = (f"<p>{prompt}</p><p>Subscribers of the printed paper join for free.</p>"
           "<ul><li>Every article, on every device</li><li>Our morning briefing</li></ul>")
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS) + box)
    assert body.split("\n\n") == PARAGRAPHS


def test_the_headline_repeated_after_a_label_is_dropped():
    body = body_of("<p>Video, 2 min</p><h2>Harbour plan</h2>"
                   + "".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    assert "Harbour plan" not in body and PARAGRAPHS[0] in body


def test_byline_and_dateline_lines_are_dropped():
    html = ("<html><head><title>Harbour plan</title><meta name='author' content='Jane Roe'>"
            "<meta property='article:published_time' content='2026-04-22T06:00:00+02:00'>"
            "</head><body><article><h1>Harbour plan</h1><p>Stand: 22.04.2026, 06:00 Uhr</p>"
            "<p>Von Jane Roe</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
            + "<p>Jane Roe</p></article></body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert body.split("\n\n") == PARAGRAPHS


def test_a_short_line_that_names_the_author_among_other_words_is_kept():
    line = "Jane Roe spoke to the harbour master, who said the pier was long overdue."
    html = ("<html><head><title>Harbour plan</title><meta name='author' content='Jane Roe'>"
            "</head><body><article><h1>Harbour plan</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<p>{line}</p></article></body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert body.split("\n\n") == [*PARAGRAPHS, line]


def test_the_authors_bio_after_the_text_is_dropped():
    bio = ("Correspondent Jane Roe is the Gazette's harbour reporter. She joined the paper "
           "in 2019.")
    html = ("<html><head><title>Harbour plan</title><meta name='author' content='Jane Roe'>"
            "</head><body><article><h1>Harbour plan</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
            + f"<h3>About the author</h3><p>{bio}</p></article></body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert body.split("\n\n") == PARAGRAPHS


def test_a_run_of_card_labels_at_the_end_is_dropped():
    tail = ("<p>More on the harbour in our live blog:</p><p>Topic</p><p>with video</p>"
            "<p>by Jane Roe</p><p>Interview</p>")
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS) + tail)
    assert body.split("\n\n") == PARAGRAPHS


@pytest.mark.parametrize("glued", ["Harbour plan | Gazette Video", "Council vote : Harbour plan"])
def test_the_headline_glued_to_its_kicker_or_site_name_is_dropped(glued):
    body = body_of(f"<p>{glued}</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    assert body.split("\n\n") == PARAGRAPHS


def test_a_kicker_line_that_merely_contains_the_headline_is_kept():
    line = "Harbour: a council vote that could change the town"
    body = body_of(f"<p>{line}</p>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS))
    assert body.split("\n\n") == [line, *PARAGRAPHS]


STANDFIRST = "The council backs a new pier after a night of debate, and the town pays half."


def page_with_description(article_html: str, description: str = STANDFIRST) -> str:
    return (
        f"<html><head><title>Harbour plan</title><meta name='description' "
        f"content='{description}'></head><body><article><h1>Harbour plan</h1>"
        f"{article_html}</article></body></html>"
    )


def article_with_standfirst(standfirst_html: str, description: str = STANDFIRST) -> Article:
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = page_with_description(
        f"{standfirst_html}<div class='byline'>By Jane Roe</div>"
        f"<div class='article-body'>{text}</div>",
        description,
    )
    return extract_article(html, "https://x.example/news/harbour-plan")


@pytest.mark.parametrize(
    ("standfirst", "opening"),
    [
        (f"<div class='lead'><p>{STANDFIRST}</p></div>", STANDFIRST),
        (f"<p>{STANDFIRST}</p>", STANDFIRST),
        (
            f"<div><span>Harbourtown.</span> <span>{STANDFIRST}</span></div>",
            f"Harbourtown. {STANDFIRST}",
        ),
    ],
)
def test_the_standfirst_just_before_the_text_opens_the_body(standfirst, opening):
    """trafilatura keeps only the text's container; the paragraph before it that holds the
    page's description (after a dateline perhaps) is the article's opening, so it is
    the body's first paragraph (and no longer the subtitle)."""
    article = article_with_standfirst(standfirst)
    assert article.body.split("\n\n") == [opening, *PARAGRAPHS]
    assert article.subtitle is None


@pytest.mark.parametrize(
    ("standfirst", "description"),
    [
        (f"<header><p class='standfirst'>{STANDFIRST}</p></header>", STANDFIRST),
        (f"<h2>{STANDFIRST}</h2>", STANDFIRST),
        (f"<p>{PARAGRAPHS[5]}</p>", PARAGRAPHS[5]),
    ],
)
def test_a_standfirst_in_the_header_as_a_heading_or_in_the_text_stays_out(standfirst, description):
    assert article_with_standfirst(standfirst, description).body.split("\n\n") == PARAGRAPHS


def test_a_long_footer_that_opens_as_boilerplate_is_dropped_at_the_end():
    """A block over SHORT_BLOCK_WORDS is prose wherever a pattern merely matches it; the
    last one, opening as a template's lines do, is the footer however long it is."""
    notice = (
        "Follow @HarbourDesk on Twitter to keep up with the latest news from the harbour, the "
        "council and the town. Times may change without notice, events may be cancelled at "
        "any time, and some events may not be open to all readers, so please check with the "
        "organisers before you travel."
    )
    assert len(notice.split()) > SHORT_BLOCK_WORDS
    body = body_of("".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<p>{notice}</p>")
    assert body.split("\n\n") == PARAGRAPHS
    middle = body_of("".join(f"<p>{p}</p>" for p in [*PARAGRAPHS[:4], notice, *PARAGRAPHS[4:]]))
    assert notice in middle


def test_an_info_box_beside_the_text_is_dropped_but_not_a_wrapper_so_named():
    box = (
        "<div class='article-factbox'><h3>Facts about the pier</h3><ul>"
        "<li>The pier will be 300 metres long and will take two years to build.</li>"
        "<li>The town pays half of the cost, the region pays the other half.</li></ul></div>"
    )
    text = [f"<p>{p}</p>" for p in PARAGRAPHS]
    article = extract_article(
        page_with_description("".join([*text[:4], box, *text[4:]]), "A harbour story."),
        "https://x.example/news/harbour-plan",
    )
    assert article.body.split("\n\n") == PARAGRAPHS
    assert article.captions == []
    wrapped = body_of(f"<div class='infobox-layout'>{''.join(text)}</div>")
    assert wrapped.split("\n\n") == PARAGRAPHS


def test_a_newsletter_sign_up_box_in_the_text_is_dropped():
    box = ("<section class='Newsletter-container'><h3>Harbour Daily</h3>"
           "<h4>Get the day's big stories and fun stuff you love, like tide tables and maps.</h4>"
           "<form><input name='email'></form></section>")
    text = [f"<p>{p}</p>" for p in PARAGRAPHS]
    assert body_of("".join([*text[:4], box, *text[4:]])).split("\n\n") == PARAGRAPHS


def test_a_line_that_is_the_pages_own_address_is_dropped_but_not_another_address():
    url = "https://x.example/news/harbour-plan"
    text = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        "<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>"
        f"{text}<p>https://council.example/pier-report</p><p>{url}</p></article></body></html>"
    )
    body = extract_article(html, url).body
    assert body.split("\n\n") == [*PARAGRAPHS, "https://council.example/pier-report"]


def test_a_link_in_loose_text_keeps_its_sentence_whole_and_its_spaces():
    """Text outside any <p> (lines between <br>s) with a link in mid-sentence: trafilatura
    opens a paragraph at the link and drops the space after it ("Tarifssind")."""
    loose = (
        "Members said the plan for the <a href='/pier'>new pier</a> would cost more than the "
        "council had said, and <b>residents</b> asked for a second vote.<br><br>"
        "Der Hafen, so der Rat, <a href='/rat'>bleibt</a> offen für alle Boote und Fähren "
        "aus der Region.<br><br>港の計画について<a href='/jp'>気象庁</a>は13日、"
        "<a href='/k'>Kindle</a>の記事で発表した。"
    )
    text = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paragraphs = body_of("".join([*text[:3], loose, *text[3:]])).split("\n\n")
    assert paragraphs[3:5] == [
        "Members said the plan for the new pier would cost more than the council had said, "
        "and residents asked for a second vote.",
        "Der Hafen, so der Rat, bleibt offen für alle Boote und Fähren aus der Region.",
    ]
    # no space where the script has none, on either side of the link
    assert "気象庁は13日、" in paragraphs and "Kindleの記事で発表した。" in paragraphs


def test_subheadings_between_paragraphs_are_kept_where_the_page_has_no_content_frame():
    """Paragraphs in a plain <div> (no <article>, no telling class): trafilatura gathers
    the page's loose paragraphs and leaves out every heading between them. Those between two
    of the article's paragraphs come back; one that opens a list of links stays out."""
    text = [f"<p>{p}</p>" for p in PARAGRAPHS]
    links = ("<h3>More from the coast</h3><ul><li><a href='/a'>Ferry timetable changes</a></li>"
             "<li><a href='/b'>Lighthouse reopens</a></li></ul>")
    inner = "".join([*text[:3], "<h2>What the pier will cost</h2>", *text[3:6],
                     "<script>ads.push(1)</script><div class='ad-slot'></div>",
                     "<h3>Who is <a href='/against'>against</a> it</h3>", *text[6:], links])
    html = ("<html><head><title>Harbour plan</title></head><body><h1>Harbour plan</h1>"
            f"<div>{inner}</div></body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert body.split("\n\n") == [*PARAGRAPHS[:3], "What the pier will cost", *PARAGRAPHS[3:6],
                                  "Who is against it", *PARAGRAPHS[6:]]


def test_an_article_split_by_an_ad_keeps_its_second_part_but_not_the_next_article():
    """The article's text in two containers of one kind, an ad between them (trafilatura
    takes the first); below it the next article, loaded in the same template under its own
    headline."""

    def part(paragraphs: list[str]) -> str:
        return ("<div class='row'><div class='col'><div class='story-body'>"
                + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></div></div>")

    ad = "<div class='row'><div class='ad'><p>Advertisement</p></div></div>"
    ferry = ("The ferry crews went back to work on Monday after the union and the operator "
             "agreed on a new contract for the coming three years.")
    html = ("<html><head><title>Harbour plan</title></head><body><h1>Harbour plan</h1>"
            f"{part(PARAGRAPHS[:4])}{ad}{part(PARAGRAPHS[4:])}"
            f"<h1>Ferry strike ends</h1>{part([ferry] * 3)}</body></html>")
    body = extract_article(html, "https://x.example/news/harbour-plan").body
    assert body.split("\n\n") == PARAGRAPHS
