"""Discovery over real HTTP: our own sitemap fixtures (news namespace, gzip, an index with
a loop and a broken child), the demo newsroom's feeds and sitemaps, and the warehouse
bookkeeping around it: every fetch logged, outlet health read from real rows (seen URLs
and retries: tests/test_discovery_state.py)."""

from __future__ import annotations

import codecs
import gzip
import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import pytest
import requests

from tasks.config import FetchSettings, Outlet, Source, load_config
from tasks.discover import (
    MAX_SITEMAPS_PER_SOURCE,
    Discovery,
    discover_outlet,
    parse_feed,
    read_source,
)
from tasks.discovery_state import new_candidates, source_states
from tasks.errors import DiscoveryError
from tasks.extract import extract_article
from tasks.fetch import Fetcher, fetch_pages
from tasks.ingest import extract_pages
from tasks.load import LoadBatch, upsert_outlets, write_batch
from tasks.models import Candidate, FetchRecord
from tests.hostile_server import FileServer, HostileServer

SITEMAPS = Path(__file__).parent / "sitemaps"
NEWS = "https://news.example"


def quick_fetcher() -> Fetcher:
    return Fetcher(FetchSettings(allow_private_hosts=True, min_host_delay=0, retries=0,
                                 connect_timeout=2, read_timeout=2))


def outlet(url: str, kind: str = "sitemap", name: str = "test") -> Outlet:
    return Outlet(name=name, display_name=name, domain="127.0.0.1",
                  sources=[Source(type=kind, url=url)])


@pytest.fixture(scope="module")
def sitemaps() -> Iterator[FileServer]:
    files: dict[str, tuple[bytes, dict[str, str]]] = {}
    server = FileServer(files)
    for path in SITEMAPS.iterdir():
        body = path.read_bytes().replace(b"{base}", server.url.encode())
        kind = "application/gzip" if path.suffix == ".gz" else "application/xml; charset=utf-8"
        etag = f'"{hashlib.sha1(body).hexdigest()[:12]}"'
        files[f"/{path.name}"] = (body, {"Content-Type": kind, "ETag": etag})
    with server:
        yield server


def discover(url: str, kind: str = "sitemap", states: dict | None = None) -> Discovery:
    return discover_outlet(outlet(url, kind), quick_fetcher(), states or {})


# --- sitemaps ------------------------------------------------------------------------

def test_news_sitemap_gives_canonical_urls_with_news_metadata(sitemaps):
    found = discover(f"{sitemaps.url}/news.xml")
    assert not found.errors
    strike, talks = found.candidates
    assert strike.url == f"{NEWS}/world/2026/03/18/drone-strike"  # not the image, no utm
    assert strike.title == "Drone strike reported near port"
    assert strike.published_at == datetime(2026, 3, 18, 12, 5, tzinfo=UTC)
    assert not strike.published_date_only
    assert strike.language == "en"
    assert talks.title == "Gespräche mit Iran & Partnern"
    assert talks.published_at == datetime(2026, 3, 18, tzinfo=UTC) and talks.published_date_only
    assert talks.language == "de" and talks.source == f"{sitemaps.url}/news.xml"


def test_gzip_sitemap_is_read(sitemaps):
    found = discover(f"{sitemaps.url}/plain.xml.gz")
    assert [c.url for c in found.candidates] == [f"{NEWS}/business/markets-1",
                                                 f"{NEWS}/business/markets-2"]
    assert found.candidates[0].published_at == datetime(2026, 3, 17, 9, 30, tzinfo=UTC)


def test_index_is_followed_once_per_sitemap_and_a_loop_and_broken_child_are_recorded(
        sitemaps):
    sitemaps.hits.clear()
    found = discover(f"{sitemaps.url}/index.xml")
    assert len(found.candidates) == 4  # two news, two from the gzip child
    assert sitemaps.hits == {"/robots.txt": 1, "/index.xml": 1, "/news.xml": 1,
                             "/plain.xml.gz": 1, "/broken.xml": 1}
    loop, broken_child = found.errors  # it names itself once: said, not followed
    assert loop.startswith(f"{sitemaps.url}/index.xml: names {sitemaps.url}/index.xml, ")
    assert "broken sitemap XML" in broken_child
    broken = next(r for r in found.records if r.url.endswith("/broken.xml"))
    assert broken.error_class == "DiscoveryError" and broken.status == 200
    # The index keeps no validators: it may answer 304 while its children change.
    assert sorted(found.states) == [f"{sitemaps.url}/news.xml", f"{sitemaps.url}/plain.xml.gz"]


def test_second_run_reads_the_index_again_and_gets_304_for_unchanged_children(sitemaps):
    first = discover(f"{sitemaps.url}/index.xml")
    again = discover(f"{sitemaps.url}/index.xml", states=first.states)
    by_url = {r.url.removeprefix(sitemaps.url): r for r in again.records}
    assert by_url["/index.xml"].status == 200
    assert by_url["/news.xml"].not_modified and by_url["/plain.xml.gz"].not_modified
    assert again.candidates == []


def test_an_index_of_too_many_sitemaps_is_cut_to_the_newest_and_says_so_in_the_log(caplog):
    files: dict[str, tuple[bytes, dict[str, str]]] = {}
    with FileServer(files) as server:
        count = MAX_SITEMAPS_PER_SOURCE + 5
        # oldest first, as archives are often listed; the last one has no <lastmod>
        start = datetime(2026, 1, 1, tzinfo=UTC)
        locs = "".join(f"<sitemap><loc>{server.url}/s{i}.xml</loc>"
                       f"<lastmod>{(start + timedelta(hours=i)).isoformat()}</lastmod></sitemap>"
                       for i in range(count - 1))
        locs += f"<sitemap><loc>{server.url}/s{count - 1}.xml</loc></sitemap>"
        files["/index.xml"] = (f"<sitemapindex>{locs}</sitemapindex>".encode(), {})
        for i in range(count):
            files[f"/s{i}.xml"] = (f"<urlset><url><loc>{NEWS}/{i}</loc></url></urlset>"
                                   .encode(), {})
        with caplog.at_level("WARNING", logger="newswatch.discover"):
            found = discover(f"{server.url}/index.xml")
    assert [c.url for c in found.candidates] == [
        f"{NEWS}/{i}" for i in range(count - 2, count - 2 - MAX_SITEMAPS_PER_SOURCE, -1)]
    (cut,) = found.errors
    assert cut.startswith(f"{server.url}/index.xml: 5 of its sitemaps not read this run "
                          f"(at most {MAX_SITEMAPS_PER_SOURCE} a source and run: newest "
                          "<lastmod> first, then those never read")
    assert cut.endswith("later runs read them")
    assert [r.getMessage() for r in caplog.records if r.name == "newswatch.discover"] == [
        f"test: {cut}"]


def test_children_of_one_lastmod_take_turns_across_runs_and_a_newer_one_comes_first(
        tmp_path):
    # Some generators stamp every child with the time the index was made: among equal
    # dates, the fetches the warehouse remembers decide, as for children without a date.
    files: dict[str, tuple[bytes, dict[str, str]]] = {}
    db = tmp_path / "w.duckdb"
    with FileServer(files) as server:
        children = [f"{server.url}/s{i}.xml" for i in range(MAX_SITEMAPS_PER_SOURCE + 10)]
        stamp = "<lastmod>2026-03-18T09:00:00Z</lastmod>"
        locs = "".join(f"<sitemap><loc>{c}</loc>{stamp}</sitemap>" for c in children)
        newer = f"{server.url}/today.xml"
        locs += f"<sitemap><loc>{newer}</loc><lastmod>2026-03-18T10:00Z</lastmod></sitemap>"
        files["/index.xml"] = (f"<sitemapindex>{locs}</sitemapindex>".encode(), {})
        for i, path in enumerate(["/today.xml", *(f"/s{i}.xml" for i in range(len(children)))]):
            files[path] = (f"<urlset><url><loc>{NEWS}/{i}</loc></url></urlset>".encode(),
                           {"ETag": f'"{i}"'})
        read = []
        for run in range(2):
            found = discover(f"{server.url}/index.xml", states=source_states(db, "test"))
            write_batch(db, LoadBatch(run_id=f"run{run}", outlet="test", records=found.records,
                                      source_states=found.states))
            read.append([r.url for r in found.records if r.kind == "sitemap"][1:])
    assert [len(urls) for urls in read] == [MAX_SITEMAPS_PER_SOURCE] * 2
    assert read[0][0] == read[1][0] == newer
    assert set(read[0]) | set(read[1]) == {newer, *children}


@pytest.mark.parametrize(("written", "moment", "day_only"), [
    ("2026-12-03", datetime(2026, 12, 3, tzinfo=UTC), True),
    ("2026-12-03T10:15:00+01:00", datetime(2026, 12, 3, 9, 15, tzinfo=UTC), False),
    ("2026-12-03 10:15:00", datetime(2026, 12, 3, 10, 15, tzinfo=UTC), False),
])
def test_a_sitemap_date_is_a_day_only_when_it_gives_no_time(written, moment, day_only):
    sitemap = (f"<urlset><url><loc>{NEWS}/a</loc><lastmod>{written}</lastmod></url>"
               "</urlset>").encode()
    ((item,), _children) = read_source(sitemap, f"{NEWS}/sitemap.xml", "test")
    assert (item.published_at, item.published_date_only) == (moment, day_only)


URLSET = (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{NEWS}/café'
          "</loc></url></urlset>")


@pytest.mark.parametrize("body", [
    f'\n\n  <?xml version="1.0"?>{URLSET}'.encode(),
    f'<?xml version="1.0" encoding="UTF-16"?>{URLSET}'.encode("utf-16"),  # little-endian BOM
    codecs.BOM_UTF16_BE + f'<?xml version="1.0" encoding="UTF-16"?>{URLSET}'.encode("utf-16-be"),
])
def test_a_sitemap_after_blank_lines_or_in_utf16_is_read(body):
    candidates, _children = read_source(body, f"{NEWS}/sitemap.xml", "test")
    assert [c.url for c in candidates] == [f"{NEWS}/café"]


@pytest.mark.parametrize(("body", "message"), [
    (b"", "empty document"),
    (b"\x1f\x8b\x08\x00garbage", "broken gzip data"),
    (b"<html><body><p>Not a feed</p></body></html>", "not an RSS or Atom feed"),
    (b"<urlset><url><loc>https://a.example/x</loc>", "broken sitemap XML"),
])
def test_unreadable_documents_raise_one_clear_error(body, message):
    with pytest.raises(DiscoveryError, match=message):
        read_source(body, "https://a.example/src", "test")


def test_gzipped_feed_is_read_like_any_feed():
    rss = b"<rss version='2.0'><channel><item><link>https://a.example/1</link></item></channel></rss>"
    candidates, children = read_source(gzip.compress(rss), "https://a.example/feed", "test")
    assert [c.url for c in candidates] == ["https://a.example/1"] and children == []


# --- feed metadata as the extractor's fallback ---------------------------------------

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Example</title><language>en-gb</language>
<item><title>Drones over the &lt;b&gt;harbour&lt;/b&gt;</title>
<link>/world/drones?utm_source=rss&amp;utm_medium=feed#comments</link>
<dc:creator>Jane Whitfield</dc:creator>
<pubDate>Wed, 18 Mar 2026 13:05:00 +0100</pubDate>
<description>&lt;p&gt;Three drones were seen &lt;em&gt;over the harbour&lt;/em&gt;
 at dawn.&lt;/p&gt;</description>
</item></channel></rss>"""


def test_feed_items_keep_their_own_metadata():
    (item,) = parse_feed(FEED, "https://news.example/rss.xml", "example")
    assert item.url == f"{NEWS}/world/drones"
    assert item.title == "Drones over the harbour"
    assert item.authors == ["Jane Whitfield"]
    assert item.published_at == datetime(2026, 3, 18, 12, 5, tzinfo=UTC)
    assert item.summary == "Three drones were seen over the harbour at dawn."
    assert item.language == "en-gb"


def test_extractor_falls_back_on_the_feed_metadata():
    (item,) = parse_feed(FEED, "https://news.example/rss.xml", "example")
    body = " ".join(["Witnesses said the drones flew low over the container terminal."] * 8)
    page = f"<html><body><article><p>{body}</p></article></body></html>"
    article = extract_article(page, item.url, outlet="example", fallback=item)
    assert article.title == item.title and article.authors == item.authors
    assert article.published_at == item.published_at
    assert article.field_sources["title"] == "feed"


RDF_DAY = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example/"><title>Example</title>
<link>https://news.example/</link></channel>
<item rdf:about="https://news.example/a"><title>A story</title>
<link>https://news.example/a</link><dc:date>2024-04-24</dc:date></item></rdf:RDF>"""


def test_a_feed_date_without_a_time_is_a_day_as_a_sitemaps_is():
    (timed,) = parse_feed(FEED, "https://news.example/rss.xml", "example")
    assert not timed.published_date_only
    (item,) = parse_feed(RDF_DAY, "https://news.example/rss.rdf", "example")
    assert item.published_at == datetime(2024, 4, 24, tzinfo=UTC) and item.published_date_only
    body = " ".join(["Witnesses said the drones flew low over the container terminal."] * 8)
    page = f"<html><body><article><p>{body}</p></article></body></html>"
    article = extract_article(page, item.url, outlet="example", fallback=item)
    assert article.published_at == datetime(2024, 4, 24, 12, tzinfo=UTC)
    assert article.published_date_only and article.field_sources["published_at"] == "feed"


# --- the demo newsroom: one article per story, whatever the feed link looked like -----

def newsroom_outlets(newsroom) -> dict[str, Outlet]:
    return {o["name"]: Outlet.model_validate(o) for o in newsroom.outlets_config()}


def test_every_newsroom_source_yields_exactly_its_articles(newsroom):
    fetcher = quick_fetcher()
    for name, spec in newsroom_outlets(newsroom).items():
        found = discover_outlet(spec, fetcher, {})
        truth = {a["url"] for a in newsroom.articles if a["outlet"] == name}
        assert not found.errors, name
        assert {c.url for c in found.candidates} == truth, name


def test_tracking_link_and_canonical_url_become_one_article(newsroom, tmp_path):
    outlets = newsroom_outlets(newsroom)
    globe = outlets["globe-herald"]
    feed = requests.get(str(globe.sources[0].url), timeout=5).text
    assert "?utm_source=rss&amp;utm_medium=feed" in feed
    fetcher = quick_fetcher()
    found = discover_outlet(globe, fetcher, {})
    assert not any("utm_" in c.url for c in found.candidates)

    first, second, third = found.candidates[:3]
    # The same story as another source might hand it over: tracking parameters intact.
    tracked = Candidate(url=f"{first.url}?utm_source=rss&utm_medium=feed",
                        outlet=first.outlet, source="elsewhere")
    batch = fetch_pages([first, tracked, second], fetcher)
    assert len(batch.pages) == 3
    config = load_config().model_copy(update={"outlets": list(outlets.values())})
    extracted = extract_pages(batch.pages, config, "globe-herald")
    assert [a.url for a in extracted.articles] == [first.url, second.url]  # rel=canonical

    db = tmp_path / "w.duckdb"
    write_batch(db, LoadBatch(run_id="r1", outlet="globe-herald",
                              articles=extracted.articles,
                              fetched=[p.candidate.url for p in batch.pages]))
    again = discover_outlet(globe, fetcher, {})
    fresh = new_candidates(db, again.candidates + [tracked], max_attempts=3)
    assert first.url not in {c.url for c in fresh} and tracked not in fresh
    assert second not in fresh and third in fresh


# --- warehouse bookkeeping ------------------------------------------------------------

def test_every_fetch_is_a_row_in_fetch_log(tmp_path):
    with HostileServer() as server:
        fetcher = Fetcher(FetchSettings(allow_private_hosts=True, min_host_delay=0, retries=1,
                                        backoff_seconds=0.05, read_timeout=2))
        records = [r.record for path in ("/ok.html", "/missing.html", "/private/secret.html",
                                         "/data.json", "/rate-limited.html")
                   for r in fetcher.get(server.url + path, outlet="hostile", kind="article")]
    db = tmp_path / "w.duckdb"
    write_batch(db, LoadBatch(run_id="run1", outlet="hostile", records=records))
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""
            SELECT regexp_replace(url, '^http://[^/]+', ''), outlet, kind, status, bytes,
                   elapsed_ms > 0, attempt, error_class, error_message IS NOT NULL, run_id
            FROM fetch_log ORDER BY id""").fetchall()
    assert [r[:4] + r[5:8] for r in rows] == [
        ("/robots.txt", "hostile", "robots", 200, True, 1, None),
        ("/ok.html", "hostile", "article", 200, True, 1, None),
        ("/missing.html", "hostile", "article", 404, True, 1, "HTTPError"),
        ("/private/secret.html", "hostile", "article", None, False, 1, "RobotsDisallowed"),
        ("/data.json", "hostile", "article", 200, True, 1, "UnexpectedContentType"),
        ("/rate-limited.html", "hostile", "article", 429, True, 1, "HTTPError"),
        ("/rate-limited.html", "hostile", "article", 200, True, 2, None),
    ]
    assert rows[1][4] > 0 and all(r[9] == "run1" for r in rows)
    assert [r[8] for r in rows] == [r[7] is not None for r in rows]


def test_outlet_health_from_real_rows(tmp_path):
    db = tmp_path / "w.duckdb"
    upsert_outlets(db, [outlet(f"{NEWS}/rss.xml", "feed", "busy"),
                        outlet(f"{NEWS}/rss.xml", "feed", "idle")])
    start = datetime(2026, 3, 18, 8, tzinfo=UTC)

    def record(minutes: int, kind: str, status: int | None, error: str | None = None,
               not_modified: bool = False) -> FetchRecord:
        return FetchRecord(url=f"{NEWS}/{kind}", outlet="busy", kind=kind, status=status,
                           bytes=0, elapsed_ms=5.0, attempt=1, not_modified=not_modified,
                           fetched_at=start + timedelta(minutes=minutes), error_class=error)

    write_batch(db, LoadBatch(run_id="r", outlet="busy", records=[
        record(0, "feed", 200),
        record(10, "feed", 304, not_modified=True),
        record(20, "feed", 304, not_modified=True),
        record(21, "article", 200),
        record(30, "article", 500, "HTTPError"),
        record(40, "feed", None, "ConnectionError"),
    ]))
    with duckdb.connect(str(db), read_only=True) as con:
        con.execute("SELECT * FROM outlet_health ORDER BY outlet")
        columns = [c[0] for c in con.description]
        busy, idle = (dict(zip(columns, row, strict=True)) for row in con.fetchall())
    assert busy["last_success"] == start + timedelta(minutes=21)
    assert busy["consecutive_failures"] == 2
    assert (busy["fetches"], busy["failed_fetches"]) == (6, 2)
    assert busy["not_modified_ratio"] == pytest.approx(0.5)  # 2 of 4 feed fetches
    assert (idle["fetches"], idle["consecutive_failures"], idle["last_success"]) == (0, 0, None)
