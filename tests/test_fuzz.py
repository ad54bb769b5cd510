"""Fuzzing the parsers that read what strangers write: pages, feeds, sitemaps and config
files. Whatever the input, the only exceptions that may leave them are Newswatch's own
(`tasks.errors.NewswatchError`), and memory stays bounded. Inputs are built from the
pieces these documents are made of (tags, JSON-LD, declarations, charsets, gzip) mixed
with arbitrary text and bytes, plus a few classic amplification attacks given explicitly.
Bounded in time: a few dozen examples per target, no example database."""

from __future__ import annotations

import contextlib
import gzip
import json
import resource
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tasks.charset import decode_html
from tasks.config import ExtractionRules, load_config
from tasks.discover import parse_listing, read_source
from tasks.errors import ConfigError, NewswatchError
from tasks.extract import extract_article

FUZZ = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
MAX_GROWTH_MB = 400  # the process's peak memory may grow this much during one fuzz test
# Our strategies use no randomness of their own, but a background thread an earlier test
# left in this worker (a client retrying with jitter from the global `random` module) can
# move that module's state while Hypothesis draws, which it reports as this warning.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Do not use the `random` module inside strategies")

CHARSETS = ["utf-8", "windows-1252", "iso-8859-1", "koi8-r", "shift_jis", "utf-16", "base64",
            "undefined", "idna", "punycode", "rot13", "utf-7", "x-bogus", ""]
LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;'
          b'&a;&a;&a;&a;&a;&a;">' + b"".join(
              b'<!ENTITY %c "%s">' % (c, (b"&%c;" % (c - 1)) * 10) for c in b"cdefghi")
          + b"]>")

words = st.text(alphabet=string.ascii_letters + " äéжع–“”<>&;#/\"'=\n\t\x00", max_size=80)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | words,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "@graph", "headline", "author", "name", "datePublished",
                         "dateModified", "articleBody", "isAccessibleForFree", "inLanguage",
                         "articleSection", "@id", "mainEntityOfPage", "url"]) | words,
        inner, max_size=5),
    max_leaves=12)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    piece = st.one_of(
        words,
        st.sampled_from(["<p>", "</p>", "<div class='article-body'>", "</div>", "<article>",
                         "<h1>", "</h1>", "<figure><figcaption>", "<script>", "</script>",
                         "<!--", "-->", "<![CDATA[", "<table><tr><td>", "<br/>", "<time>",
                         "<html lang='zz'>", "<body>", "<head>", "<title>", "</title>"]),
        st.builds(lambda c: f'<meta charset="{c}">', st.sampled_from(CHARSETS)),
        st.builds(lambda p, c: f'<meta property="{p}" content="{c}">',
                  st.sampled_from(["og:title", "og:url", "article:published_time",
                                   "article:author", "og:locale", "author"]), words),
        st.builds(lambda h: f'<link rel="canonical" href="{h}">', words),
        st.builds(lambda d: f'<time datetime="{d}">{d}</time>', words),
        st.builds(lambda v: '<script type="application/ld+json">' + json.dumps(v) + "</script>",
                  json_values),
        st.builds(lambda n: "<div>" * n + "deep" + "</div>" * n, st.integers(0, 3000)),
    )
    return "".join(draw(st.lists(piece, max_size=40)))


@st.composite
def feeds(draw: st.DrawFn) -> bytes:
    encoding = draw(st.sampled_from(CHARSETS))
    item = st.builds(
        lambda tag, text: f"<{tag}>{text}</{tag}>",
        st.sampled_from(["title", "link", "pubDate", "description", "guid", "dc:creator",
                         "author", "published", "updated", "summary", "id"]), words)
    entries = draw(st.lists(st.lists(item, max_size=6).map("".join), max_size=6))
    if draw(st.booleans()):
        body = "".join(f"<item>{e}</item>" for e in entries)
        text = f'<rss version="2.0"><channel><title>t</title>{body}</channel></rss>'
    else:
        body = "".join(f"<entry>{e}</entry>" for e in entries)
        text = f'<feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'
    raw = f'<?xml version="1.0" encoding="{encoding}"?>{text}'.encode("utf-8", "replace")
    return maybe_gzip(draw, raw)


@st.composite
def sitemaps(draw: st.DrawFn) -> bytes:
    index = draw(st.booleans())
    entry_tag, root = ("sitemap", "sitemapindex") if index else ("url", "urlset")
    field = st.builds(lambda tag, text: f"<{tag}>{text}</{tag}>",
                      st.sampled_from(["loc", "lastmod", "news:news", "news:title",
                                       "news:publication_date", "news:language"]),
                      words | st.sampled_from(["https://a.example/x", "2026-13-45T99:99",
                                               "http://[::1", "javascript:alert(1)"]))
    entries = draw(st.lists(st.lists(field, max_size=5).map("".join), max_size=8))
    body = "".join(f"<{entry_tag}>{e}</{entry_tag}>" for e in entries)
    raw = (f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news='
           f'"http://www.google.com/schemas/sitemap-news/0.9">{body}</{root}>').encode(
               "utf-8", "replace")
    return maybe_gzip(draw, raw)


def maybe_gzip(draw: st.DrawFn, raw: bytes) -> bytes:
    choice = draw(st.sampled_from(["plain", "gzip", "cut", "bytes"]))
    if choice == "gzip":
        return gzip.compress(raw)
    if choice == "cut":
        return gzip.compress(raw)[: draw(st.integers(0, 40))]
    if choice == "bytes":
        return draw(st.binary(max_size=300))
    return raw


config_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.floats() | words
    | st.sampled_from(["a[[[", "(", "*", "", "https://a.example/rss", "feed", "listing", "en"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["outlets", "topics", "name", "display_name", "domain", "sources",
                         "type", "url", "link_selector", "rules", "body", "url_filters",
                         "include", "boilerplate", "label", "aliases", "exclude", "fetch",
                         "read_timeout", "alerts", "detector", "health", "languages"]) | words,
        inner, max_size=4),
    max_leaves=15)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_baseline_mb = peak_mb()


@pytest.fixture(autouse=True)
def memory_baseline() -> None:
    """The process's peak so far: earlier tests of the suite may have raised it."""
    global _baseline_mb
    _baseline_mb = peak_mb()


def assert_memory_bounded() -> None:
    grown = peak_mb() - _baseline_mb
    assert grown < MAX_GROWTH_MB, f"peak memory grew {grown:.0f} MB"


@FUZZ
@given(html_pages(), st.sampled_from(CHARSETS))
@example("<!--", "utf-8")  # lxml: "Document is empty"
@example("<div>" * 200_000, "utf-8")
@example("<p>" + "x" * 3_000_000 + "</p>", "utf-8")
@example('<script type="application/ld+json">' + "[" * 50_000 + "</script>", "utf-8")
def test_page_extraction_raises_only_our_errors(page, charset):
    rules = [ExtractionRules(body=["div.article-body"], title=["h1"], remove=["figure"])]
    for raw, content_type in ((page.encode("utf-8", "replace"), f"text/html; charset={charset}"),
                              (page.encode("utf-16"), None)):
        html, _used = decode_html(raw, content_type)
        with contextlib.suppress(NewswatchError):
            extract_article(html, "https://news.example/a/1", rules, outlet="fuzz",
                            languages=["en", "de"])
    assert_memory_bounded()


@FUZZ
@given(feeds() | sitemaps(), st.sampled_from([None, "application/rss+xml; charset=undefined",
                                               "text/xml; charset=koi8-r", "application/xml"]))
@example(LAUGHS + b"<urlset><url><loc>https://a.example/&i;</loc></url></urlset>", None)
@example(LAUGHS + b'<rss version="2.0"><channel><item><title>&i;</title><link>'
         b"https://a.example/1</link></item></channel></rss>", None)
@example(gzip.compress(b"<urlset>" + b" " * 51_000_000, compresslevel=1), None)
@example(b"<rss>" + b"<item>" * 100_000, None)
def test_feeds_and_sitemaps_raise_only_our_errors(body, content_type):
    with contextlib.suppress(NewswatchError):
        read_source(body, "https://news.example/feed", "fuzz", content_type)
    assert_memory_bounded()


@FUZZ
@given(html_pages(), st.sampled_from(["a", "a[href]", "a[[[", "ul > li a", ":nth-child(",
                                      "a:has(", "*", "a::before", ""]))
def test_listing_pages_raise_only_our_errors(page, selector):
    with contextlib.suppress(NewswatchError):
        parse_listing(page, "https://news.example/", "fuzz", selector)


def write_config(folder: Path, files: dict[str, object | bytes]) -> None:
    for old in folder.glob("*.yaml"):
        old.unlink()
    for name, content in files.items():
        data = content if isinstance(content, bytes) else yaml.safe_dump(content).encode()
        (folder / name).write_bytes(data)


@FUZZ
@given(st.dictionaries(st.sampled_from(["outlets.yaml", "topics.yaml", "settings.yaml"]),
                       config_values | st.binary(max_size=200), max_size=3))
@example({"topics.yaml": b"a: &a [x, x, x, x, x, x, x, x]\n" + b"".join(
    b"%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n" % ((c, c) + (c - 1,) * 8)
    for c in b"bcdefgh")})
@example({"outlets.yaml": b"\xff\xfe\x00o\x00u\x00t"})
@example({"outlets.yaml": b"\x00"})
def test_config_loading_raises_only_config_errors(tmp_path_factory, files):
    folder = tmp_path_factory.mktemp("config")
    write_config(folder, files)
    try:
        load_config(folder)
    except ConfigError as exc:
        assert "\n" not in str(exc)
    assert_memory_bounded()
