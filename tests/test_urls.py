"""URL canonicalisation: one article, one URL, whatever the link looked like."""

from __future__ import annotations

import pytest

from tasks.urls import canonicalize, origin_of, server_of


@pytest.mark.parametrize(("link", "expected"), [
    ("https://News.Example.COM/a?utm_source=rss&utm_medium=feed",
     "https://news.example.com/a"),
    ("https://example.com/a?id=7&fbclid=IwAR0x&gclid=Cj0&UTM_Campaign=x",
     "https://example.com/a?id=7"),
    ("HTTPS://example.com:443/a", "https://example.com/a"),
    ("http://example.com:80/a", "http://example.com/a"),
    ("http://example.com:8080/a", "http://example.com:8080/a"),
    ("https://example.com/a#comments", "https://example.com/a"),
    ("https://example.com", "https://example.com/"),
    ("https://Example.com:443#top", "https://example.com/"),
    ("https://example.com?p=7", "https://example.com/?p=7"),
    ("https://example.com:/a?", "https://example.com/a"),
    ("https://example.com./a", "https://example.com/a"),
    ("https://[2001:DB8::1]:8443/a?x=1", "https://[2001:db8::1]:8443/a?x=1"),
])
def test_canonical_form(link: str, expected: str) -> None:
    assert canonicalize(link) == expected


def test_other_parameters_keep_their_order_and_spelling() -> None:
    url = "https://example.com/search?q=a%20b&page=2&utm_term=x&flag&sort=new+first"
    assert canonicalize(url) == "https://example.com/search?q=a%20b&page=2&flag&sort=new+first"


def test_path_case_is_kept() -> None:
    assert canonicalize("https://example.com/World/Story-ABC") == \
        "https://example.com/World/Story-ABC"


@pytest.mark.parametrize(("link", "expected"), [
    ("/world/story.html?utm_source=rss", "https://example.com/world/story.html"),
    ("story.html", "https://example.com/news/story.html"),
    ("../top.html#x", "https://example.com/top.html"),
    ("//cdn.example.com/a", "https://cdn.example.com/a"),
    ("  https://other.example/b  ", "https://other.example/b"),
])
def test_relative_links_resolve_against_the_page(link: str, expected: str) -> None:
    assert canonicalize(link, "https://example.com/news/index.html") == expected


def test_variants_of_one_link_collapse_to_one_url() -> None:
    variants = [
        "https://Example.com/a?utm_source=rss&utm_medium=feed",
        "https://example.com:443/a#top",
        "https://example.com/a?fbclid=1",
        "/a?gclid=2",
    ]
    assert {canonicalize(v, "https://example.com/") for v in variants} == \
        {"https://example.com/a"}


def test_unparseable_port_raises_value_error() -> None:
    with pytest.raises(ValueError):
        canonicalize("http://example.com:99999999/a")


def test_origin_and_server() -> None:
    assert origin_of("https://Example.com:8443/a?b") == "https://example.com:8443"
    assert server_of("http://Example.com/a") == server_of("https://example.com:443/b") \
        == "example.com"
    assert server_of("http://127.0.0.1:8001/") != server_of("http://127.0.0.1:8002/")
