"""Discovery's memory of earlier runs, on a real DuckDB file: seen URLs skipped, failed
articles retried up to a limit with their feed metadata, sources' validators kept."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb

from tasks.config import FetchSettings
from tasks.discover import SourceState
from tasks.discovery_state import due_for_fetch, new_candidates, retry_candidates, source_states
from tasks.load import LoadBatch, write_batch
from tasks.models import Article, Candidate

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
    assert due_for_fetch(db, "example", [b, a], settings) == [b, a]  # a once, retried
    assert due_for_fetch(db, "example", [b, c, d], settings) == [b, c]


def test_source_validators_come_back_for_the_next_run(tmp_path):
    db = tmp_path / "w.duckdb"
    assert source_states(db, "example") == {}  # no warehouse yet
    write_batch(db, LoadBatch(run_id="run1", outlet="example", source_states={
        f"{NEWS}/rss.xml": SourceState('"v1"', "Wed, 18 Mar 2026 09:00:00 GMT")}))
    assert source_states(db, "example") == {
        f"{NEWS}/rss.xml": SourceState('"v1"', "Wed, 18 Mar 2026 09:00:00 GMT")}
    assert source_states(db, "other") == {}
