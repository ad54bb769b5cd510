"""The fetcher against a loopback server that misbehaves: every failure is a record,
nothing hangs, nothing is mis-decoded."""

from __future__ import annotations

import time

import pytest

from tasks.config import FetchSettings
from tasks.errors import FetchError
from tasks.fetch import Fetcher, check_address, fetch_pages, parse_retry_after
from tasks.models import Candidate
from tests.hostile_server import HostileServer


@pytest.fixture(scope="module")
def server():
    with HostileServer() as running:
        yield running


@pytest.fixture
def fetcher():
    settings = FetchSettings(allow_private_hosts=True, min_host_delay=0, retries=2,
                             backoff_seconds=0.05, connect_timeout=2, read_timeout=1,
                             max_bytes=1_000_000, max_redirects=3)
    fetcher = Fetcher(settings)
    yield fetcher
    fetcher.close()


def last(fetcher, url, kind="article", **kwargs):
    return fetcher.get(url, outlet="hostile", kind=kind, **kwargs)[-1]


def test_page_in_windows_1251_is_decoded(server, fetcher):
    pages = fetch_pages([Candidate(url=f"{server.url}/ok.html", outlet="hostile", source="t")],
                        fetcher)
    assert "Беспилотники над Киевом" in pages.pages[0].html
    assert pages.pages[0].charset == "windows-1251"


def test_html_without_declared_charset_is_not_read_as_latin1(server, fetcher):
    pages = fetch_pages([Candidate(url=f"{server.url}/no-charset.html", outlet="hostile",
                                   source="t")], fetcher)
    assert "Беспилотники" in pages.pages[0].html


def test_robots_disallow_is_honoured_and_recorded(server, fetcher):
    response = last(fetcher, f"{server.url}/private/secret.html")
    assert response.record.error_class == "RobotsDisallowed"
    assert server.hits["/private/secret.html"] == 0


def test_conditional_get_answers_304(server, fetcher):
    first = last(fetcher, f"{server.url}/feed.xml", kind="feed")
    again = last(fetcher, f"{server.url}/feed.xml", kind="feed", etag=first.etag)
    assert first.ok and first.etag == '"v1"'
    assert again.record.not_modified and again.record.status == 304


def test_429_with_retry_after_seconds_is_waited_out(server, fetcher):
    started = time.monotonic()
    attempts = fetcher.get(f"{server.url}/rate-limited.html", outlet="h", kind="article")
    assert [a.record.status for a in attempts if a.record.kind == "article"] == [429, 200]
    assert time.monotonic() - started >= 0.9


def test_503_with_retry_after_date_is_waited_out(server, fetcher):
    final = last(fetcher, f"{server.url}/retry-date.html")
    assert final.ok and final.record.attempt == 2


def test_storm_of_503_gives_up_after_the_retries(server, fetcher):
    attempts = [r for r in fetcher.get(f"{server.url}/storm.html", outlet="h", kind="article")
                if r.record.kind == "article"]
    assert [a.record.status for a in attempts] == [503, 503, 503]
    assert attempts[-1].record.error_class == "HTTPError"


def test_redirect_loop_is_cut(server, fetcher):
    final = last(fetcher, f"{server.url}/loop")
    assert final.record.error_class == "TooManyRedirects"


@pytest.mark.parametrize("path", ["/huge-declared.html", "/big.html", "/bomb.html"])
def test_oversize_bodies_are_refused_while_streaming(server, fetcher, path):
    final = last(fetcher, server.url + path)
    assert final.record.error_class == "TooLarge"
    assert final.body is None and final.record.bytes <= 1_000_000 + 65_536


def test_trickling_body_times_out(server, fetcher):
    started = time.monotonic()
    final = last(fetcher, f"{server.url}/trickle.html")
    assert final.record.error_class == "BodyTimeout"
    assert time.monotonic() - started < 10


def test_non_html_article_is_refused(server, fetcher):
    assert last(fetcher, f"{server.url}/data.json").record.error_class == "UnexpectedContentType"


def test_failures_never_abort_the_batch(server, fetcher):
    batch = fetch_pages([
        Candidate(url=f"{server.url}/missing.html", outlet="h", source="t"),
        Candidate(url=f"{server.url}/ok.html", outlet="h", source="t"),
    ], fetcher)
    assert len(batch.pages) == 1 and len(batch.failed) == 1
    assert "HTTP 404" in batch.failed[0][1]


@pytest.mark.parametrize("url", ["http://127.0.0.1/", "http://169.254.169.254/latest/",
                                 "http://10.0.0.1/", "file:///etc/passwd", "ftp://x.example/"])
def test_ssrf_guard_refuses_private_and_odd_targets(url):
    with pytest.raises(FetchError, match="refused"):
        check_address(url, allow_private=False)


def test_retry_after_parsing():
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10
    assert parse_retry_after("soon") is None
