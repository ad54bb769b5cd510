"""Publication times: with the page's own offset, from every place pages put them."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from tasks.config import ExtractionRules
from tasks.extract import extract_article
from tasks.extract_meta import parse_datetime
from tasks.models import Candidate

BODY = "<p>" + "The council voted on the harbour plan after a long debate, members said. " * 6


def published_and_day_only(head: str, body: str = "", url: str = "https://x.example/a",
                           masthead: str = "") -> tuple[str | None, bool]:
    html = (f"<html><head><title>Harbour plan</title>{head}</head><body>{masthead}<article>"
            f"<h1>Harbour plan</h1>{body}{BODY}</p></article></body></html>")
    article = extract_article(html, url)
    moment = article.published_at
    return (moment.isoformat() if moment else None), article.published_date_only


def published(head: str, body: str = "") -> str | None:
    return published_and_day_only(head, body)[0]


def ld_script(data: dict, wrap: str = "{}") -> str:
    text = wrap.format(json.dumps({"@type": "NewsArticle", **data}))
    return f'<script type="application/ld+json">{text}</script>'


def test_a_jsonld_time_without_offset_takes_the_offset_the_meta_tags_give():
    head = (ld_script({"datePublished": "2025-04-01T15:25:00"})
            + '<meta property="article:published_time" content="2025-04-01T15:25:00+02:00">')
    assert published(head) == "2025-04-01T13:25:00+00:00"


def test_zone_abbreviations_are_read():
    assert parse_datetime("April 1, 2025 3:25 PM CEST").isoformat() == "2025-04-01T13:25:00+00:00"
    assert parse_datetime("Tue, 01 Apr 2025 15:25:00 EDT").isoformat() == (
        "2025-04-01T19:25:00+00:00"
    )


def test_jsonld_wrapped_in_cdata_is_parsed():
    head = ld_script({"datePublished": "2025-04-01T15:25:00+02:00"}, "//<![CDATA[\n{}\n//]]>")
    assert published(head) == "2025-04-01T13:25:00+00:00"


def test_the_article_published_colon_time_spelling():
    head = '<meta property="article:published:time" content="2025-04-01T15:25:00+02:00">'
    assert published(head) == "2025-04-01T13:25:00+00:00"


def test_a_date_shown_only_in_the_text():
    assert published("", "<div>erstellt: 01. April 2025, 15:25</div>") == (
        "2025-04-01T15:25:00+00:00"
    )
    assert published("", "<p class=meta>Posted March 5, 2024 7:30 pm</p>") == (
        "2024-03-05T19:30:00+00:00"
    )


def test_a_dated_line_after_the_headline_wins_over_one_before_it():
    masthead = "<div class=masthead>Tuesday, December 3, 2026 10:42</div>"  # today
    assert published_and_day_only("", "<p class=meta>Posted March 5, 2024 7:30 pm</p>",
                                  masthead=masthead)[0] == "2024-03-05T19:30:00+00:00"
    # a dated line above the headline is still read when none follows it
    assert published_and_day_only("", masthead="<div>erstellt: 01. April 2025, 15:25</div>"
                                  )[0] == "2025-04-01T15:25:00+00:00"


def test_a_time_shown_before_its_date_with_a_zone():
    assert published("", "<p class=meta>Published 11:11 PM EST Nov 19, 2019</p>") == (
        "2019-11-20T04:11:00+00:00"
    )
    # a zone the text names wins over the one the page's other dates use
    head = '<meta property="article:modified_time" content="2024-05-03T10:00:00+05:00">'
    assert published(head, "<p>Updated 9:41 am CET, 3 May 2024</p>") == (
        "2024-05-03T08:41:00+00:00"
    )


def test_a_time_of_day_anywhere_wins_over_a_declared_day():
    head = ld_script({"datePublished": "2024-04-22"})
    assert published_and_day_only(head, "<p>Stand: 22.04.2024, 06:00 Uhr</p>") == (
        "2024-04-22T06:00:00+00:00", False
    )


def test_a_time_on_another_day_than_the_declared_one_is_not_the_articles():
    head = ld_script({"datePublished": "2024-11-05"})
    masthead = "<div class=masthead>Wednesday, December 3, 2025 10:42</div>"
    assert published_and_day_only(head, masthead=masthead) == ("2024-11-05T12:00:00+00:00", True)
    related = "<ul class=related><li>Port reopens · 2 Dec 2025, 18:10</li></ul>"
    assert published_and_day_only(head, related) == ("2024-11-05T12:00:00+00:00", True)


def test_text_times_that_are_not_times_or_name_two_zones():
    # a range of days is not a time; 12:30 pm is half past noon
    assert published("", "<p>Ausstellung 14.03 - 17.03.2024</p>") is None
    assert published("", "<p>Published 12:30 PM EST Nov 19, 2019</p>") == (
        "2019-11-19T17:30:00+00:00"
    )
    # AST is Arabia's or the Atlantic's: the page's own zone decides
    head = '<meta property="article:modified_time" content="2024-03-12T12:00:00+03:00">'
    assert published(head, "<p>12.03.2024, 09:41 AST</p>") == "2024-03-12T06:41:00+00:00"


def test_a_page_that_gives_only_the_day_says_so():
    # a day alone is kept as its noon UTC, which is that day in a UTC session and in the
    # page's zone alike
    assert published_and_day_only(ld_script({"datePublished": "2024-04-22"})) == (
        "2024-04-22T12:00:00+00:00", True
    )
    masthead = "<div class=masthead>Tuesday, December 3, 2026</div>"  # today's date
    assert published_and_day_only(
        "", "<div class=meta>Monday, November 18, 2019</div>", masthead=masthead
    ) == ("2019-11-18T12:00:00+00:00", True)
    assert published_and_day_only("", masthead=masthead) == (None, False)
    assert published_and_day_only("", url="https://x.example/news/2019/nov/18/harbour-plan") == (
        "2019-11-18T12:00:00+00:00", True
    )
    assert published_and_day_only("", url="https://x.example/news/2019-11-18-harbour-plan") == (
        "2019-11-18T12:00:00+00:00", True
    )


def test_a_date_in_a_sentence_a_citation_or_a_slug_is_not_the_day_of_publication():
    body = '<ul><li><a href="/s">Council minutes</a>," Oct. 13, 2019</li></ul>' \
           "<p>The vote on 3 May 2019 was close.</p>"
    url = "https://x.example/2024/01/10-best-harbour-walks/"
    assert published_and_day_only("", body, url) == (None, False)


def test_a_sitemaps_day_gives_way_to_a_time_on_the_page():
    day = Candidate(url="https://x.example/a", outlet="x", source="https://x.example/sitemap.xml",
                    published_at=datetime(2024, 4, 22, tzinfo=UTC), published_date_only=True)
    page = (f"<html><head><title>Harbour plan</title></head><body><article>{{}}"
            f"<h1>Harbour plan</h1>{BODY}</p></article></body></html>")
    timed = extract_article(page.format("<p>22.04.2024, 06:00 Uhr</p>"), day.url, fallback=day)
    assert (timed.published_at, timed.published_date_only) == (
        datetime(2024, 4, 22, 6, tzinfo=UTC), False)
    undated = extract_article(page.format(""), day.url, fallback=day)
    assert (undated.published_at, undated.published_date_only) == (
        datetime(2024, 4, 22, 12, tzinfo=UTC), True)


@pytest.mark.parametrize("written", ["2024-05-01T10:00:00+25:00", "2024-05-01T10:00:00-24:00",
                                     "Wed, 01 May 2024 10:00:00 +2500"])
def test_an_offset_of_a_day_or_more_is_no_date(written):
    assert parse_datetime(written) is None
    head = f'<meta property="article:published_time" content="{written}">'
    assert published(head) is None
    # the page's other dates are still read
    assert published(head + ld_script({"dateModified": written, "datePublished": "2024-05-01"})
                     ) == "2024-05-01T12:00:00+00:00"


@pytest.mark.parametrize("written", ["2024", "2024-05", "May 2024", "2024/05", "May 5", "10:30"])
def test_a_date_missing_its_year_month_or_day_is_no_date(written):
    # dateutil fills what is missing from today: 2024 read as today's day in 2024
    assert parse_datetime(written) is None
    assert published_and_day_only(ld_script({"datePublished": written})) == (None, False)
    head = f'<meta property="article:published_time" content="{written}">'
    assert published(head + ld_script({"dateModified": "2024-05-01T10:00:00+02:00"})) is None


def dated_page(head: str, lang: str | None = None, body: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"<html{lang_attr}><head><title>Harbour plan</title>{head}</head><body><article>"
            f"<h1>Harbour plan</h1>{body}{BODY}</p></article></body></html>")


def published_on(head: str, lang: str | None = None, body: str = "",
                 url: str = "https://x.example/a", rules: tuple = ()) -> str | None:
    moment = extract_article(dated_page(head, lang, body), url, rules).published_at
    return moment.isoformat() if moment else None


@pytest.mark.parametrize("lang", [None, "de", "en-US", "en"])
def test_a_dotted_day_is_read_day_first_whatever_the_language(lang):
    assert published_on('<meta name="date" content="01.05.2024">', lang) == (
        "2024-05-01T12:00:00+00:00")
    assert published_on('<meta property="article:published_time" content="01.05.2024 10:00">',
                        lang) == "2024-05-01T10:00:00+00:00"
    assert published_on("", lang, '<p><time datetime="01.05.2024 10:00">1 May</time></p>'
                        ) == "2024-05-01T10:00:00+00:00"
    # a date shown on the page, where the outlet's rules point
    rules = (ExtractionRules(published=[".when"]),)
    assert published_on("", lang, '<p class="when">01.05.2024 10:00</p>', rules=rules) == (
        "2024-05-01T10:00:00+00:00")


@pytest.mark.parametrize(("head", "lang", "expected"), [
    # the page's locale decides
    ("", "en-US", "2024-05-06"),
    ("", "en-GB", "2024-06-05"),
    ("", "de", "2024-06-05"),
    ('<meta property="og:locale" content="en_US">', "en", "2024-05-06"),
    ('<meta property="og:locale" content="fr_FR">', None, "2024-06-05"),
    # English without a country and nothing else: month first, as dateutil reads it
    ("", "en", "2024-05-06"),
    # a part over 12 settles it, in the date itself or in the page's other dates
    ('<meta name="date" content="13/06/2024">', "en-US", "2024-06-13"),
    ('<meta property="article:modified_time" content="14/06/2024 09:00">', "en",
     "2024-06-05"),
    # an unambiguous date of the page agrees with one reading
    ('<meta property="article:modified_time" content="2024-06-05T18:00:00Z">', "en",
     "2024-06-05"),
])
def test_a_slashed_day_is_read_in_the_pages_order(head, lang, expected):
    ld = ld_script({"datePublished": "05/06/2024"}) if "13/06" not in head else ""
    assert published_on(ld + head, lang)[:10] == expected


def test_a_slashed_day_that_reads_both_ways_gives_way_to_the_pages_other_dates():
    ld = ld_script({"datePublished": "05/06/2024 10:00"})
    assert published_on(ld, "en", url="https://x.example/2024/06/05/harbour-plan") == (
        "2024-06-05T10:00:00+00:00")
    head = '<meta property="article:published_time" content="2024-07-01T09:00:00+02:00">'
    assert published_on(ld + head, "en") == "2024-07-01T07:00:00+00:00"


@pytest.mark.parametrize("written", ["2024-05-01", "2024/05/01", "2024.05.01",
                                     "2024-05-01T10:00:00+02:00"])
def test_a_day_written_year_first_is_read_as_written_in_any_language(written):
    for lang in ("de", "en-US", None):
        assert published_on(ld_script({"datePublished": written}), lang)[:10] == "2024-05-01"
