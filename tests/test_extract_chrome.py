"""Near-empty pages: the body is what is left once the page's chrome (headline, byline,
share bar, breadcrumbs...) is peeled off, possibly nothing."""

from __future__ import annotations

import pytest

from tasks.charset import decode_html
from tasks.errors import ExtractError
from tasks.extract import extract_article
from tasks.extract_body import strip_chrome
from tests.golden_pages import extract_golden

CHROME_WORDS = ("Home", "Share on", "Email", "Energy Correspondent", "November", "Photo:")


def test_near_empty_page_keeps_its_one_line_not_the_page_chrome():
    a = extract_golden("near-empty.html")
    assert a["body"] == "Developing story, updates."
    assert a["word_count"] == 3  # below `min_words`: validation quarantines it as too short
    for unwanted in (*CHROME_WORDS, "Floods force", "Forecasters expect", "Related stories"):
        assert unwanted not in a["body"], unwanted
    # the metadata still comes from where it belongs
    assert a["title"] == "Floods force evacuations in Halifax after days of rain"
    assert a["subtitle"] == "Forecasters expect the heat to last into next week."
    assert a["authors"] == ["Laura Sandoval"]
    assert a["captions"] == ["Clouds gather over farmland."]  # the credit span is not caption


def test_demo_newsroom_too_short_page_over_http(newsroom):
    import requests

    from tasks.config import Settings

    truth = next(a for a in newsroom.articles if a["defect"] == "too_short")
    response = requests.get(truth["url"], timeout=10)
    html, _charset = decode_html(response.content)
    article = extract_article(html, truth["url"])
    assert article.body == truth["body"]
    assert article.word_count < Settings().min_words


def template_page(article_html: str) -> str:
    """Another template than the demo's: no <header>, a breadcrumb with "›", buttons for
    sharing, a caption in a span, a byline in a plain div."""
    return f"""<html lang="en"><head><title>Port workers walk out over pay - Harbour Post</title>
    <meta property="og:title" content="Port workers walk out over pay">
    <meta name="description" content="Dockers at the east terminal stopped work at dawn.">
    <meta name="author" content="Sam Okoye"></head><body>
    <div class="top"><a href="/">The Harbour Post</a> <a href="/news">News</a></div>
    <div class="story">
    <div class="crumbs"><a href="/news">News</a> › <a href="/news/local">Local</a></div>
    <h1>Port workers walk out over pay</h1>
    <div class="dek">Dockers at the east terminal stopped work at dawn.</div>
    <div class="meta">By <span class="name">Sam Okoye</span> | Published 3 March 2025 09:12</div>
    <div class="tools"><button>Share</button><button>Tweet</button><button>Print</button></div>
    <div class="pic"><img src="a.jpg"><span class="caption">Cranes stand idle at the east
    terminal.</span></div>
    <div class="text">{article_html}</div>
    </div></body></html>"""


def test_chrome_is_peeled_on_another_template():
    url = "https://harbour.example/news/local/port-walkout"
    assert extract_article(template_page("<span>More to follow.</span>"), url).body == (
        "More to follow."
    )
    # nothing but chrome: no body at all (an ExtractError, recorded as a failed page)
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(template_page(""), url)


def test_a_real_body_keeps_its_text_even_where_it_repeats_page_chrome():
    text = "Port workers walk out over pay, the union said. " * 8
    chrome = ["Port workers walk out over pay", "Home", "Sam Okoye"]
    assert strip_chrome(text.strip(), chrome) == text.strip()  # chrome is not most of it
    glued = "Home Port workers walk out over pay Sam Okoye The union said the strike would last."
    assert strip_chrome(glued, chrome) == "The union said the strike would last."
    # a word is never cut in two: "Homes" does not lose "Home"
    assert strip_chrome("Homes Port workers walk out over pay", chrome) == "Homes"
