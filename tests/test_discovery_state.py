"""Discovery's memory of earlier runs, on a real DuckDB file: seen URLs skipped, failed
articles retried up to a limit with their feed metadata, sources' validators kept (not
for a source whose new articles did not all fit in one run)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import duckdb

from tasks.config import FetchSettings, Outlet, Source, load_config
from tasks.discover import Discovery, SourceState
from tasks.discovery_state import due_for_fetch, new_candidates, retry_candidates, source_states
from tasks.fetch import Fetcher
from tasks.ingest import collect_outlet
from tasks.load import LoadBatch, write_batch
from tasks.models import Article, Candidate, FetchRecord
from tests.hostile_server import FileServer

NEWS = "https://news.example"


def candidate(name: str) -> Candidate:
    return Candidate(url=f"{NEWS}/{name}", outlet="example", source=f"{NEWS}/rss.xml",
                     title=f"Title {name}", authors=["A. Writer"], summary=f"About {name}",
                     published_at=datetime(2026, 3, 18, 9, tzinfo=UTC))


def test_seen_urls_are_skipped_and_failures_retried_up_to_the_limit(tmp_path):
    db = tmp_path / "w.duckdb"
    a, b, c, d = (candidate(n) for n in "abcd")
    assert new_candidates(db, [a, b], 3) == [a, b]  # no warehouse yet
    assert retry_candidates(db, "example", 3) == []

    write_batch(db, LoadBatch(run_id="run1", outlet="example", fetched=[a.url],
                              articles=[Article(url=a.url, outlet="example", title="A")],
                              failed=[(b, "HTTP 503"), (c, "Timeout")]))
    assert new_candidates(db, [a, b, c, d], 3) == [b, c, d]
    retried = sorted(retry_candidates(db, "example", 3), key=lambda x: x.url)
    assert retried == [b, c]  # with the feed's title, authors, date and summary intact

    write_batch(db, LoadBatch(run_id="run2", outlet="example", fetched=[c.url],
                              failed=[(b, "HTTP 503")]))
    assert retry_candidates(db, "example", 3) == [b]
    assert new_candidates(db, [b, c, d], 3) == [b, d]

    write_batch(db, LoadBatch(run_id="run3", outlet="example", failed=[(b, "HTTP 500")]))
    assert retry_candidates(db, "example", 3) == []
    assert new_candidates(db, [b, d], 3) == [d]  # given up on after three attempts
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT failures, last_error FROM url_state WHERE url = ?",
                           [b.url]).fetchone() == (3, "HTTP 500")


def test_due_for_fetch_puts_new_candidates_first_and_keeps_the_cap(tmp_path):
    db = tmp_path / "w.duckdb"
    a, b, c, d = (candidate(n) for n in "abcd")
    write_batch(db, LoadBatch(run_id="run1", outlet="example", failed=[(a, "HTTP 503")]))
    settings = FetchSettings(max_articles_per_outlet=2, max_article_attempts=3)
    assert due_for_fetch(db, "example", Discovery([b, a]), settings).candidates == [b, a]
    assert due_for_fetch(db, "example", Discovery([b, c, d]), settings).candidates == [b, c]


def test_a_source_cut_by_the_cap_keeps_no_validators(tmp_path):
    db = tmp_path / "w.duckdb"
    a, b = candidate("a"), candidate("b")
    sitemap = Candidate(url=f"{NEWS}/s", outlet="example", source=f"{NEWS}/sitemap.xml")
    states = {f"{NEWS}/rss.xml": SourceState('"v1"'), f"{NEWS}/sitemap.xml": SourceState('"v2"')}
    settings = FetchSettings(max_articles_per_outlet=2)
    due = due_for_fetch(db, "example", Discovery([a, sitemap, b], states=states), settings)
    assert due.candidates == [a, sitemap]
    assert due.states == {f"{NEWS}/sitemap.xml": SourceState('"v2"')}
    # a retry left over is in url_state already: it does not hold its source back
    write_batch(db, LoadBatch(run_id="run1", outlet="example", failed=[(b, "HTTP 503")]))
    assert due_for_fetch(db, "example", Discovery([a, sitemap], states=states),
                         settings).states == states


def test_articles_beyond_the_cap_are_fetched_on_the_next_runs_of_an_unchanged_feed(tmp_path):
    files: dict[str, tuple[bytes, dict[str, str]]] = {}
    page = b"<html><body><article><p>Some story.</p></article></body></html>"
    with FileServer(files) as server:
        items = "".join(f"<item><link>{server.url}/{n}</link></item>" for n in "abcde")
        files["/rss.xml"] = (f"<rss version='2.0'><channel>{items}</channel></rss>".encode(),
                             {"Content-Type": "application/rss+xml", "ETag": '"v1"'})
        files.update({f"/{n}": (page, {"Content-Type": "text/html"}) for n in "abcde"})
        feed = Outlet(name="example", display_name="Example", domain="127.0.0.1",
                      sources=[Source(type="feed", url=f"{server.url}/rss.xml")])
        settings = FetchSettings(allow_private_hosts=True, min_host_delay=0, retries=0,
                                 max_articles_per_outlet=2)
        config = load_config()
        config = config.model_copy(update={
            "outlets": [feed], "settings": config.settings.model_copy(update={"fetch": settings})})
        db, fetched_per_run = tmp_path / "w.duckdb", []
        for run in range(4):
            found, fetched = collect_outlet(config, "example", db, Fetcher(settings))
            fetched_per_run.append([p.url.rsplit("/", 1)[1] for p in fetched.pages])
            write_batch(db, LoadBatch(run_id=f"run{run}", outlet="example",
                                      records=found.records, source_states=found.states,
                                      fetched=[p.candidate.url for p in fetched.pages]))
        assert fetched_per_run == [["a", "b"], ["c", "d"], ["e"], []]
        assert server.hits["/rss.xml"] == 4  # the last run's answer was a 304


def test_source_validators_come_back_for_the_next_run(tmp_path):
    db = tmp_path / "w.duckdb"
    assert source_states(db, "example") == {}  # no warehouse yet
    write_batch(db, LoadBatch(run_id="run1", outlet="example", source_states={
        f"{NEWS}/rss.xml": SourceState('"v1"', "Wed, 18 Mar 2026 09:00:00 GMT")}))
    assert source_states(db, "example") == {
        f"{NEWS}/rss.xml": SourceState('"v1"', "Wed, 18 Mar 2026 09:00:00 GMT")}
    assert source_states(db, "other") == {}


def test_the_last_fetch_of_each_source_comes_back_with_its_validators(any_backend):
    db, _settings = any_backend
    at = datetime(2026, 3, 18, 9, tzinfo=UTC)

    def fetch(path: str, minutes: int, status: int | None, error: str | None = None,
              kind: str = "sitemap") -> FetchRecord:
        return FetchRecord(url=f"{NEWS}/{path}", outlet="example", kind=kind, status=status,
                           bytes=0, elapsed_ms=1.0, attempt=1, error_class=error,
                           not_modified=status == 304,
                           fetched_at=at + timedelta(minutes=minutes))

    write_batch(db, LoadBatch(run_id="run1", outlet="example", records=[
        fetch("index.xml", 0, 200), fetch("a.xml", 1, 200), fetch("b.xml", 2, 200),
        fetch("c.xml", 3, 503, "HTTPError"), fetch("d", 4, 200, kind="article")],
        source_states={f"{NEWS}/a.xml": SourceState('"a"'), f"{NEWS}/b.xml": SourceState('"b"')}))
    write_batch(db, LoadBatch(run_id="run2", outlet="example", records=[
        fetch("index.xml", 60, 200), fetch("a.xml", 61, 304), fetch("c.xml", 62, 200)],
        source_states={f"{NEWS}/c.xml": SourceState('"c"')}))
    assert source_states(db, "example") == {
        f"{NEWS}/index.xml": SourceState(None, None, at + timedelta(minutes=60), False),
        f"{NEWS}/a.xml": SourceState('"a"', None, at + timedelta(minutes=61), True),
        f"{NEWS}/b.xml": SourceState('"b"', None, at + timedelta(minutes=2), False),
        f"{NEWS}/c.xml": SourceState('"c"', None, at + timedelta(minutes=62), False),
    }
    write_batch(db, LoadBatch(run_id="run3", outlet="example", records=[
        fetch("b.xml", 120, None, "Timeout")]))
    assert source_states(db, "example")[f"{NEWS}/b.xml"].got_nothing
