"""The fetcher against a loopback server that misbehaves: every failure is a record,
nothing hangs, nothing is mis-decoded."""

from __future__ import annotations

import random
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from tasks.config import FetchSettings
from tasks.fetch import (
    HOST_FAILURES_BEFORE_BACKOFF,
    Fetcher,
    backoff_delay,
    fetch_pages,
    parse_retry_after,
    system_resolve,
)
from tasks.models import Candidate
from tests.hostile_server import HostileServer

QUICK = {"allow_private_hosts": True, "min_host_delay": 0, "retries": 2, "backoff_seconds": 0.05,
         "connect_timeout": 2, "read_timeout": 1, "response_timeout": 4, "max_bytes": 1_000_000,
         "max_redirects": 3}


@pytest.fixture(scope="module")
def server():
    with HostileServer() as running:
        yield running


@pytest.fixture
def fetcher():
    fetcher = Fetcher(FetchSettings(**QUICK))
    yield fetcher
    fetcher.close()


@pytest.fixture
def fresh() -> Iterator[HostileServer]:
    """A server of its own, for tests that count requests or time them."""
    with HostileServer() as running:
        yield running


def make_fetcher(resolve=system_resolve, **changes) -> Fetcher:
    return Fetcher(FetchSettings(**{**QUICK, **changes}), resolve=resolve)


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
    final = last(fetcher, f"{server.url}/trickle.html")
    assert final.record.error_class == "ResponseTimeout"
    assert "body still arriving" in final.record.error_message


def test_headers_sent_a_byte_at_a_time_are_cut_at_the_response_deadline(server):
    """Each byte arrives well inside the 1 s read timeout, so only a deadline for the
    whole response ends it: the headers alone would take ~40 s."""
    final = last(make_fetcher(response_timeout=2), f"{server.url}/slow-headers.html")
    assert final.record.error_class == "ResponseTimeout"
    assert "status line and headers" in final.record.error_message


def test_a_refused_address_is_reported_as_refused_not_as_robots_trouble(server):
    responses = make_fetcher(allow_private_hosts=False).get(
        f"{server.url}/ok.html", outlet="hostile", kind="article")
    assert len(responses) == 1  # robots.txt is not asked for either
    record = responses[0].record
    assert record.error_class == "AddressRefused"
    assert record.error_message.startswith(f"refused {server.url}/ok.html: 127.0.0.1")
    assert "robots.txt" not in record.error_message


def test_non_html_article_is_refused(server, fetcher):
    assert last(fetcher, f"{server.url}/data.json").record.error_class == "UnexpectedContentType"


def test_failures_never_abort_the_batch(server, fetcher):
    batch = fetch_pages([
        Candidate(url=f"{server.url}/missing.html", outlet="h", source="t"),
        Candidate(url=f"{server.url}/ok.html", outlet="h", source="t"),
    ], fetcher)
    assert len(batch.pages) == 1 and len(batch.failed) == 1
    assert "HTTP 404" in batch.failed[0][1]


def test_a_redirect_to_an_unparsable_location_fails_that_url_alone(server, fetcher):
    batch = fetch_pages([
        Candidate(url=f"{server.url}/bad-location", outlet="h", source="t"),
        Candidate(url=f"{server.url}/ok.html", outlet="h", source="t"),
    ], fetcher)
    assert [p.url for p in batch.pages] == [f"{server.url}/ok.html"]
    record = next(r for r in batch.records if r.url.endswith("/bad-location"))
    assert record.error_class == "BadRedirect" and record.status == 302
    assert record.error_message == (
        f"{server.url}/bad-location: redirected to an unparsable Location 'http://[::1/x'")
    assert batch.failed[0][1] == record.error_message


def test_a_redirect_is_followed_without_reading_its_body(server, fetcher):
    final = last(fetcher, f"{server.url}/moved-trickling")
    assert final.ok and final.record.final_url == f"{server.url}/ok.html"


def test_retry_after_parsing():
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470) == 10
    assert parse_retry_after("soon") is None


def test_page_declared_utf8_but_sent_in_windows_1251_stays_readable(server, fetcher):
    pages = fetch_pages([Candidate(url=f"{server.url}/wrong-charset.html", outlet="hostile",
                                   source="t")], fetcher)
    assert "Беспилотники над Киевом" in pages.pages[0].html


def test_user_agent_from_config_reaches_the_server(fresh):
    agent = "NewswatchTest/1.0 (+mailto:ops@example.org)"
    last(make_fetcher(user_agent=agent), f"{fresh.url}/ok.html")
    assert [hit.user_agent for hit in fresh.log] == [agent, agent]
    assert [hit.path for hit in fresh.log] == ["/robots.txt", "/ok.html"]


def test_crawl_delay_from_robots_spaces_requests():
    with HostileServer(robots="User-agent: *\nCrawl-delay: 1\n") as server:
        fetcher = make_fetcher()
        for _ in range(2):
            assert last(fetcher, f"{server.url}/ok.html").ok
        first, second = server.times("/ok.html")
        assert second - first >= 0.95


def test_default_min_delay_per_host(fresh):
    fetcher = make_fetcher(min_host_delay=0.3)
    for _ in range(2):
        last(fetcher, f"{fresh.url}/ok.html")
    robots, first, second = (hit.at for hit in fresh.log)
    assert first - robots >= 0.28 and second - first >= 0.28


def test_robots_txt_is_cached_for_its_ttl_and_fetched_once_under_threads(fresh):
    fetcher = make_fetcher()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda _: last(fetcher, f"{fresh.url}/ok.html"), range(8)))
    assert fresh.hits["/robots.txt"] == 1
    expiring = make_fetcher(robots_ttl_seconds=0)
    for _ in range(2):
        last(expiring, f"{fresh.url}/ok.html")
    assert fresh.hits["/robots.txt"] == 3


def test_unreadable_robots_txt_keeps_us_away_and_says_why():
    with HostileServer(robots_status=503) as server:
        final = last(make_fetcher(), f"{server.url}/ok.html")
        assert final.record.error_class == "RobotsUnavailable"
        assert "HTTP 503" in final.record.error_message
        assert server.hits["/ok.html"] == 0


def test_at_most_max_per_host_requests_in_flight(fresh):
    fetcher = make_fetcher(max_per_host=2, max_concurrency=8)
    with ThreadPoolExecutor(8) as pool:
        finals = list(pool.map(lambda _: last(fetcher, f"{fresh.url}/slow.html"), range(8)))
    assert all(f.ok for f in finals)
    assert fresh.most_active == 2


def test_at_most_max_concurrency_requests_in_flight_over_all_hosts(fresh):
    # 127.0.0.1 and localhost are two hosts to the fetcher, one server here.
    port = fresh.server_address[1]
    urls = [f"http://{host}:{port}/slow.html" for host in ("127.0.0.1", "localhost") * 6]
    fetcher = make_fetcher(max_per_host=4, max_concurrency=3)
    with ThreadPoolExecutor(12) as pool:
        finals = list(pool.map(lambda url: last(fetcher, url), urls))
    assert all(f.ok for f in finals)
    assert fresh.most_active == 3


def test_backoff_grows_exponentially_with_jitter():
    rng = random.Random(7)
    for attempt in range(1, 5):
        waits = [backoff_delay(attempt, 0.5, rng) for _ in range(50)]
        nominal = 0.5 * 2 ** (attempt - 1)
        assert all(0.5 * nominal <= w <= 1.5 * nominal for w in waits)
        assert len(set(waits)) == 50


def test_retries_wait_longer_each_time(fresh):
    attempts = make_fetcher(backoff_seconds=0.2, retries=2).get(
        f"{fresh.url}/storm.html", outlet="h", kind="article")
    assert [a.record.attempt for a in attempts if a.record.kind == "article"] == [1, 2, 3]
    first, second, third = fresh.times("/storm.html")
    assert second - first >= 0.1 and third - second >= 0.2


def test_host_that_keeps_failing_is_backed_off_not_hammered(fresh):
    fetcher = make_fetcher(retries=0)
    for _ in range(HOST_FAILURES_BEFORE_BACKOFF):
        assert last(fetcher, f"{fresh.url}/storm.html").record.status == 503
    for path in ("/storm.html", "/ok.html"):
        final = last(fetcher, fresh.url + path)
        assert final.record.error_class == "HostBackedOff"
    assert fresh.hits["/storm.html"] == HOST_FAILURES_BEFORE_BACKOFF
    assert fresh.hits["/ok.html"] == 0


def test_connect_timeout_is_honoured():
    # A listener whose accept queue is full: the kernel drops further SYNs, so a
    # connect hangs until the client's own timeout.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        fillers = []
        for _ in range(4):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        try:
            responses = make_fetcher(connect_timeout=0.5).get(
                f"http://127.0.0.1:{port}/a.html", outlet="h", kind="article")
        finally:
            for filler in fillers:
                filler.close()
    robots, final = responses
    assert robots.record.error_class == "Timeout" and "connect timeout=0.5" in \
        robots.record.error_message
    assert final.record.error_class == "RobotsUnavailable"  # the page was never asked for


def test_redirect_is_followed_and_the_final_url_recorded(server, fetcher):
    final = last(fetcher, f"{server.url}/moved")
    assert final.ok and final.record.final_url == f"{server.url}/ok.html"
    batch = fetch_pages([Candidate(url=f"{server.url}/moved", outlet="h", source="t")], fetcher)
    assert batch.pages[0].url == f"{server.url}/ok.html"


@pytest.mark.parametrize("path", ["/to-private", "/to-loopback-private"])
def test_a_redirect_into_what_robots_txt_disallows_is_not_followed(fresh, path):
    final = last(make_fetcher(), f"{fresh.url}{path}")
    assert final.record.error_class == "RobotsDisallowed"
    assert "/private/secret.html" in final.record.error_message
    assert fresh.hits[path] == 1 and fresh.hits["/private/secret.html"] == 0


def test_the_robots_txt_of_a_redirect_target_is_in_the_records(fresh):
    responses = make_fetcher().get(f"{fresh.url}/to-loopback", outlet="h", kind="article")
    port = fresh.server_address[1]
    assert [(r.record.kind, r.record.url) for r in responses] == [
        ("robots", f"{fresh.url}/robots.txt"),
        ("robots", f"http://localhost:{port}/robots.txt"),
        ("article", f"{fresh.url}/to-loopback")]
    assert fresh.hits["/robots.txt"] == 2  # every request made is on the record
    assert responses[-1].record.final_url == f"http://localhost:{port}/internal.html"


def pretend_loopback_ip_is_public(host: str, port: int) -> list[str]:
    """The guard's view only: 127.0.0.1 passes as a public address; every other name
    (localhost included) resolves for real."""
    return ["93.184.216.34"] if host == "127.0.0.1" else system_resolve(host, port)


def test_every_redirect_hop_passes_the_ssrf_guard(fresh):
    guarded = make_fetcher(allow_private_hosts=False, resolve=pretend_loopback_ip_is_public)
    final = last(guarded, f"{fresh.url}/to-loopback")
    assert final.record.error_class == "AddressRefused"
    assert "localhost resolves to the private address 127.0.0.1" in final.record.error_message
    assert fresh.hits["/to-loopback"] == 1 and fresh.hits["/internal.html"] == 0

    final = last(make_fetcher(allow_private_hosts=True), f"{fresh.url}/to-loopback")
    assert final.record.status == 404 and fresh.hits["/internal.html"] == 1


def test_connections_go_to_the_address_the_guard_passed_with_the_name_kept(fresh):
    port = fresh.server_address[1]
    named = make_fetcher(allow_private_hosts=True,
                         resolve=lambda host, port: ["127.0.0.1"] if host == "news.test" else [])
    final = last(named, f"http://news.test:{port}/ok.html")
    assert final.ok and {hit.host for hit in fresh.log} == {f"news.test:{port}"}


def test_a_name_that_rebinds_to_a_private_address_is_not_connected_to(fresh):
    answers = iter(["93.184.216.34"] * 2)

    def rebinding(host: str, port: int) -> list[str]:
        """Public for the guard's look-ups (the URL's, then robots.txt's), loopback for
        the connection's."""
        return [next(answers, "127.0.0.1")]

    guarded = make_fetcher(allow_private_hosts=False, resolve=rebinding)
    robots = guarded.get(f"http://rebind.test:{fresh.server_address[1]}/ok.html",
                         outlet="hostile", kind="article")[0]
    # refused by the connection as it opened, not by a look-up before it
    assert robots.record.error_message.startswith("refused rebind.test:")
    assert "rebind.test resolves to the private address 127.0.0.1" in \
        robots.record.error_message
    assert not fresh.log
