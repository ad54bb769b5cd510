"""Hostile documents from a site (issue 17): a bad page or feed costs at most that page or
that source, never the outlet's run, and the user gets one clear line. Served on loopback
by `tests/hostile_server.FileServer`; read by the same functions the ingest flow calls."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tasks.charset import decode_html
from tasks.config import FetchSettings, Outlet, Source
from tasks.discover import discover_outlet, parse_feed, parse_listing
from tasks.errors import DiscoveryError
from tasks.fetch import Fetcher, fetch_pages
from tests.hostile_server import FileServer

NOT_PAGE_CODECS = ["base64", "hex", "rot13", "idna", "undefined", "punycode", "utf-7"]
PARAGRAPH = ("Drones struck the harbour of Ras Kandar before dawn on Tuesday, officials "
             "said, and the fire at the terminal was still burning by the afternoon. ")


def article(n: int) -> bytes:
    return (f"<html><head><title>Story {n}</title></head><body><article><h1>Story {n}</h1>"
            f"<p>{PARAGRAPH * 3}</p><p>Déjà vu for the café owners.</p></article>"
            "</body></html>").encode()


def feed(base: str, paths: list[str], encoding: str = "utf-8") -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return (f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel>'
            f"<title>Hostile</title>{items}</channel></rss>").encode()


def sitemap_index(*locs: str) -> tuple[bytes, dict[str, str]]:
    body = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return (f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}'
            "</sitemapindex>").encode(), {"Content-Type": "application/xml"}


def quick_fetcher() -> Fetcher:
    return Fetcher(FetchSettings(allow_private_hosts=True, min_host_delay=0, retries=0,
                                 connect_timeout=2, read_timeout=2))


def outlet_of(*sources: tuple[str, str]) -> Outlet:
    return Outlet(name="hostile", display_name="Hostile", domain="127.0.0.1",
                  sources=[Source(type=kind, url=url) for kind, url in sources])


@pytest.fixture(scope="module")
def site() -> Iterator[FileServer]:
    files: dict[str, tuple[bytes, dict[str, str]]] = {}
    with FileServer(files) as server:
        good = [f"/good-{n}.html" for n in range(3)]
        bad = [f"/{codec}.html" for codec in NOT_PAGE_CODECS]
        for n, path in enumerate(good):
            files[path] = (article(n), {"Content-Type": "text/html; charset=utf-8"})
        for n, codec in enumerate(NOT_PAGE_CODECS, start=10):
            body = article(n).replace(b"<head>", f'<head><meta charset="{codec}">'.encode())
            files[f"/{codec}.html"] = (body, {"Content-Type": f"text/html; charset={codec}"})
        files["/articles.xml"] = (feed(server.url, good + bad), {"Content-Type": "text/xml"})
        files["/undefined.xml"] = (feed(server.url, good, encoding="undefined"),
                                   {"Content-Type": "application/rss+xml"})
        files["/self.xml"] = sitemap_index(f"{server.url}/self.xml")
        files["/a.xml"] = sitemap_index(f"{server.url}/b.xml")
        files["/b.xml"] = sitemap_index(f"{server.url}/a.xml")
        files["/listing.html"] = (b'<ul><li><a href="/good-0.html">x</a></li></ul>',
                                  {"Content-Type": "text/html"})
        yield server


# --- item 2: a charset that is no text encoding -----------------------------------------

@pytest.mark.parametrize("codec", NOT_PAGE_CODECS)
def test_a_declared_charset_that_is_no_text_encoding_falls_back_to_detection(codec):
    page = f'<html><head><meta charset="{codec}"></head><body><p>Déjà vu</p></body></html>'
    for body, header in ((page.encode(), f"text/html; charset={codec}"),
                         (page.encode("cp1252"), None)):
        text, charset = decode_html(body, header)
        assert "Déjà vu" in text and charset in ("utf-8", "windows-1252")


def test_pages_with_such_charsets_cost_the_outlet_nothing(site):
    fetcher = quick_fetcher()
    found = discover_outlet(outlet_of(("feed", f"{site.url}/articles.xml")), fetcher, {})
    fetched = fetch_pages(found.candidates, fetcher)
    assert not fetched.failed
    assert len(fetched.pages) == 3 + len(NOT_PAGE_CODECS)
    assert all("Déjà vu for the café owners." in page.html for page in fetched.pages)
    assert sum(r.kind == "article" and r.status == 200 for r in fetched.records) == len(
        fetched.pages)


# --- item 3: a feed in an encoding that cannot be decoded -------------------------------

@pytest.mark.parametrize("where", ["declaration", "header"])
def test_a_feed_in_an_undecodable_encoding_is_one_discovery_error(where):
    body = feed("https://news.example", ["/a"])
    content_type = "application/rss+xml"
    if where == "declaration":
        body = body.replace(b'encoding="utf-8"', b'encoding="undefined"')
    else:
        content_type += "; charset=punycode"
    with pytest.raises(DiscoveryError, match="declares an encoding it cannot be read in"):
        parse_feed(body, "https://news.example/feed", "o", content_type)


def test_only_the_undecodable_feed_fails_its_outlet_keeps_the_other(site):
    found = discover_outlet(outlet_of(("feed", f"{site.url}/undefined.xml"),
                                      ("feed", f"{site.url}/articles.xml")), quick_fetcher(), {})
    assert len(found.candidates) == 3 + len(NOT_PAGE_CODECS)
    assert len(found.errors) == 1 and "undefined.xml: declares an encoding" in found.errors[0]
    record = next(r for r in found.records if r.url.endswith("/undefined.xml"))
    assert record.error_class == "DiscoveryError"


def test_newswatch_discover_says_so_in_one_line(site, tmp_path):
    saved = tmp_path / "undefined.xml"
    saved.write_bytes(site.files["/undefined.xml"][0])
    done = CliRunner().invoke(app, ["discover", str(saved)])
    assert done.exit_code == 1 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "declares an encoding it cannot be read in" in done.stderr


# --- item 4: a selector that still reaches run time -------------------------------------

@pytest.mark.parametrize("selector", ["a[[[", "a::before"])
def test_a_broken_listing_selector_is_a_discovery_error_not_a_crash(selector):
    with pytest.raises(DiscoveryError, match="bad CSS selector"):
        parse_listing("<a href='/x'>x</a>", "https://news.example/", "o", selector)


def test_a_source_whose_selector_slipped_past_config_fails_alone(site):
    broken = Source.model_construct(type="listing", url=f"{site.url}/listing.html",
                                    link_selector="a[[[")
    outlet = outlet_of(("feed", f"{site.url}/articles.xml"))
    outlet.sources.append(broken)
    found = discover_outlet(outlet, quick_fetcher(), {})
    assert len(found.candidates) == 3 + len(NOT_PAGE_CODECS)
    assert len(found.errors) == 1 and "bad CSS selector" in found.errors[0]


# --- item 6: sitemap indexes that lead back to themselves -------------------------------

@pytest.mark.parametrize(("start", "looping"), [("/self.xml", "/self.xml"),
                                                ("/a.xml", "/b.xml")])
def test_a_sitemap_index_loop_is_reported(site, start, looping):
    site.hits.clear()
    found = discover_outlet(outlet_of(("sitemap", f"{site.url}{start}")), quick_fetcher(), {})
    assert found.candidates == []
    assert found.errors == [f"{site.url}{looping}: names {site.url}{start}, which leads back "
                            "to it (a sitemap index loop); not read again"]
    assert site.hits[start] == 1  # read once, not followed round


def test_newswatch_discover_on_a_sitemap_loop_is_not_a_silent_success(site, tmp_path):
    settings = tmp_path / "settings.yaml"
    settings.write_text("fetch:\n  allow_private_hosts: true\n  min_host_delay: 0\n")
    done = CliRunner().invoke(app, ["discover", f"{site.url}/a.xml", "--config", str(tmp_path)])
    assert done.exit_code == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        f"newswatch: {site.url}/b.xml: names {site.url}/a.xml, which leads back to it (a "
        "sitemap index loop); not read again"]


# --- found by tests/test_fuzz.py: feeds that would keep feedparser busy for minutes -----

ENTITY_BOMB = (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol">' + b"".join(
    b'<!ENTITY %c "%s">' % (c, (b"&%c;" % (c - 1)) * 10) for c in b"bcdefghi")
    + b']><rss version="2.0"><channel><item><title>&i;</title>'
    b"<link>https://a.example/1</link></item></channel></rss>")


@pytest.mark.parametrize(("body", "limit"), [
    (ENTITY_BOMB, "entity amplification"),
    (b'<rss version="2.0"><channel>' + b"<item>" * 5_000, "Excessive depth"),
    (b'<rss version="2.0"><channel>' + b"<item><link>https://a.example/1</link></item>"
     * 40_000 + b"</channel></rss>", "over 100,000 tags"),
])
def test_feeds_over_a_parser_limit_are_refused_at_once(body, limit):
    with pytest.raises(DiscoveryError, match=f"refused.*{limit}"):
        parse_feed(body, "https://news.example/feed", "o")
