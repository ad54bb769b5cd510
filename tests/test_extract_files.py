"""Fallbacks and failures: the feed fills what a page lacks; not-HTML input and bad files
give one-line errors; folders are searched for saved pages."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from tasks.errors import ExtractError
from tasks.extract import extract_article, extract_file, iter_html_files
from tasks.models import Candidate
from tests.golden_pages import GOLDEN


def test_feed_fallback_fills_what_the_page_lacks():
    html = "<html><body><div>" + "<p>Plain page text about the harbour strike talks.</p>" * 6
    feed = Candidate(
        url="https://x.example/a",
        outlet="coastal",
        source="feed",
        title="Feed title",
        published_at=datetime(2024, 1, 2, 3, 4, tzinfo=UTC),
        authors=["By Fiona Feld"],
    )
    a = extract_article(html + "</div></body></html>", "https://x.example/a", fallback=feed)
    assert (a.title, a.authors, a.published_at) == ("Feed title", ["Fiona Feld"], feed.published_at)
    assert a.field_sources["title"] == a.field_sources["authors"] == "feed"


@pytest.mark.parametrize("text", ["", "just some words, no markup at all", '{"json": true}'])
def test_not_html_raises_extract_error(text):
    with pytest.raises(ExtractError, match="not HTML"):
        extract_article(text, "https://x.example/a")


def test_extract_file_records(tmp_path):
    (tmp_path / "sub").mkdir()
    good = tmp_path / "sub" / "b.html.gz"
    good.write_bytes(gzip.compress((GOLDEN / "graph-news.html").read_bytes()))
    garbage = tmp_path / "a.html"
    garbage.write_bytes(bytes(range(256)) * 8)
    broken_gz = tmp_path / "c.html.gz"
    broken_gz.write_bytes(b"not gzip at all")
    (tmp_path / "notes.txt").write_text("ignored")

    files = list(iter_html_files([tmp_path]))
    assert files == [garbage, broken_gz, good]

    record = extract_file(garbage)
    assert set(record) == {"source", "error"} and "\n" not in record["error"]
    assert "gzip" in extract_file(broken_gz)["error"]
    assert "error" in extract_file(tmp_path / "missing.html")
    ok = extract_file(good)
    assert ok["source"] == str(good) and ok["title"].startswith("Harbour cranes")


def canonical_page(href: str) -> str:
    text = "<p>" + "The council voted on the harbour plan after a long debate. " * 8 + "</p>"
    return (f'<html><head><title>Harbour plan</title><link rel="canonical" href="{href}">'
            f"</head><body><article><h1>Harbour plan</h1>{text}</article></body></html>")


def test_a_canonical_url_must_stay_on_the_outlet_site():
    url = "https://www.harbour.example/news/plan?utm_source=feed"
    same = extract_article(canonical_page("https://harbour.example/news/plan"), url)
    assert same.url == "https://harbour.example/news/plan"
    sub = extract_article(canonical_page("https://m.harbour.example/news/plan"), url)
    assert sub.url == "https://m.harbour.example/news/plan"
    for offsite in ("https://other-outlet.example/news/their-story", "https://evil.example/phish",
                    "javascript:alert(1)"):
        article = extract_article(canonical_page(offsite), url)
        assert article.url == url  # the link in an alert and the warehouse key
        assert article.field_sources["offsite_canonical"] == offsite
    # the outlet's configured domain counts as its site when the page came from elsewhere
    mirrored = extract_article(canonical_page("https://harbour.example/news/plan"),
                               "https://cdn.mirror.example/plan", sites=["harbour.example"])
    assert mirrored.url == "https://harbour.example/news/plan"


@pytest.mark.parametrize("bad", ["http://[::1", "https://harbour.example:99999/news/plan",
                                 "//[harbour.example/plan"])
def test_an_unparsable_canonical_url_is_passed_over(bad):
    url = "https://harbour.example/news/plan"
    assert extract_article(canonical_page(bad), url).url == url
    og = canonical_page(bad).replace(
        "</head>", '<meta property="og:url" content="https://harbour.example/news/plan-b"></head>')
    article = extract_article(og, url)
    assert (article.url, article.field_sources["url"]) == (
        "https://harbour.example/news/plan-b", "opengraph")
