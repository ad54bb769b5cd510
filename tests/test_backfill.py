"""Backfill from WARC files the test writes with warcio: newsroom pages fetched over HTTP,
plus records a backfill must pass over; loaded through the ingest flow's own tasks."""

from __future__ import annotations

import gzip
import json
import random
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
import requests
from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.backfill import backfill
from flows.cli import app
from flows.demo import write_demo_config
from newsroom.server import Newsroom
from tasks.backfill import ArchiveError, outlet_for, read_archive
from tasks.config import load_config
from tests.small_warehouse import alert_now, build
from warehouse.db import read

PER_OUTLET = 3
TABLES = ["articles", "article_topics", "quarantine", "url_state"]
BBC = "https://www.bbc.co.uk/news/world-"
ARCHIVED = "2019-05-01T12:00:00Z"
WORDS = ["harvest", "river", "council", "market", "winter", "railway", "museum", "festival",
         "budget", "school", "hospital", "bridge", "election", "harbour", "ferry", "factory"]


def write_record(writer: WARCWriter, url: str, status: str, content_type: str,
                 body: bytes) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                  length=len(body), http_headers=headers))


def undated_page(n: int, sentences: int = 8, title: str | None = None) -> bytes:
    """A Ukraine story that gives no publication time, in words of its own: each is a
    story of its own, not a copy of the others."""
    rng = random.Random(n)
    title = title or f"Ukraine {' '.join(rng.sample(WORDS, 4))} report {n}"
    body = " ".join(f"In Kyiv the {rng.choice(WORDS)} {rng.choice(WORDS)} was discussed by "
                    f"Ukrainian officials on day {n} as {rng.choice(WORDS)} plans changed."
                    for _ in range(sentences))
    return (f"<html lang='en'><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><p>{body}</p></article></body></html>").encode()


def write_warc(path: Path, captures: list[tuple[str, bytes, str]], gzipped: bool = False
               ) -> None:
    """HTML responses (URL, body, WARC-Date) as a crawler archives them."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for url, body, date in captures:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=BytesIO(body),
                                               length=len(body), http_headers=headers)
            record.rec_headers.replace_header("WARC-Date", date)
            writer.write_record(record)


def archive_pages(newsroom: Newsroom, urls: list[str], path: Path, gzipped: bool) -> None:
    """A WARC as a crawler would write it: the responses as served, a request record, a
    robots.txt, a 404 and a page from a host no outlet owns."""
    with path.open("wb") as out, requests.Session() as http:
        writer = WARCWriter(out, gzip=gzipped)
        request = b"GET / HTTP/1.1\r\n\r\n"
        writer.write_record(writer.create_warc_record(
            urls[0], "request", payload=BytesIO(request), length=len(request)))
        robots = http.get(f"{newsroom.url}/robots.txt")
        write_record(writer, robots.url, "200 OK", robots.headers["Content-Type"],
                     robots.content)
        write_record(writer, f"{newsroom.url}/globe-herald/gone.html", "404 Not Found",
                     "text/html", b"<html><body>gone</body></html>")
        write_record(writer, "http://elsewhere.example/world/1.html", "200 OK",
                     "text/html; charset=utf-8", b"<html><title>Elsewhere</title></html>")
        for url in urls:
            page = http.get(url)
            assert page.status_code == 200
            write_record(writer, url, "200 OK", page.headers["Content-Type"], page.content)


@pytest.fixture(scope="module")
def archived(newsroom, tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("backfill")
    chosen = [a for a in newsroom.articles if a["defect"]][:1]
    for outlet in newsroom.outlets_config():
        chosen += [a for a in newsroom.articles
                   if a["outlet"] == outlet["name"] and not a["defect"]][:PER_OUTLET]
    urls = [a["url"] for a in chosen]
    half = len(urls) // 2
    archive_pages(newsroom, urls[:half], folder / "one.warc.gz", gzipped=True)
    archive_pages(newsroom, urls[half:], folder / "two.warc", gzipped=False)
    return {"folder": folder, "articles": chosen,
            "files": [folder / "one.warc.gz", folder / "two.warc"],
            "config_dir": write_demo_config(folder / "config", newsroom.outlets_config())}


def table_counts(db_path: Path) -> dict[str, int]:
    with read(db_path) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_only_html_responses_are_read_and_each_finds_its_outlet(archived):
    outlets = load_config(archived["config_dir"]).outlets
    pages = [p for path in archived["files"] for p in read_archive(path, outlets)]
    truth = {a["url"]: a["outlet"] for a in archived["articles"]}
    owned = {p.page.url: p.outlet for p in pages if p.outlet}
    assert owned == truth
    assert [p.page.url for p in pages if not p.outlet] == [
        "http://elsewhere.example/world/1.html"] * 2


def test_outlets_sharing_a_host_are_told_apart_by_path(archived):
    outlets = load_config(archived["config_dir"]).outlets
    url = archived["articles"][-1]["url"]
    assert outlet_for(url, outlets) == archived["articles"][-1]["outlet"]
    host = url.split("/")[2]
    assert outlet_for(f"http://{host}/about.html", outlets) is None  # a tie: no owner
    assert outlet_for("https://unknown.example/a", outlets) is None


def test_backfill_loads_every_page_once_in_batches(prefect_harness, archived, tmp_path):
    db_path = tmp_path / "w.duckdb"
    run = dict(paths=[str(p) for p in archived["files"]],
               config_dir=str(archived["config_dir"]), db_path=str(db_path), batch_size=5)
    totals = backfill(**run)
    expected = {a["url"] for a in archived["articles"]}
    assert totals["pages"] == len(expected) + 2
    assert totals["skipped"] == 2
    assert totals["batches"] == -(-totals["pages"] // 5)
    with read(db_path) as con:
        loaded = {url: (outlet, title) for url, outlet, title in con.execute(
            "SELECT url, outlet, title FROM articles").fetchall()}
        quarantined = {r[0] for r in con.execute("SELECT url FROM quarantine").fetchall()}
        fetches = con.execute("SELECT count(*) FROM fetch_log").fetchone()[0]
    assert set(loaded) | quarantined == expected
    assert not set(loaded) & quarantined
    assert quarantined == {a["url"] for a in archived["articles"] if a["defect"]}
    # Titles as written, in every outlet's charset: the pages were decoded from their bytes.
    assert all(loaded[a["url"]] == (a["outlet"], a["title"])
               for a in archived["articles"] if not a["defect"])
    assert fetches == 0  # an archive is not a fetch
    before = table_counts(db_path)
    assert backfill(**run)["articles"] == totals["articles"]
    assert table_counts(db_path) == before


def test_the_backfill_command_prints_its_totals(prefect_harness, archived, tmp_path):
    db_path = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, [
        "backfill", str(archived["files"][1]), "--config", str(archived["config_dir"]),
        "--db", str(db_path), "--batch-size", "2", "--outlet", "globe-herald"])
    assert result.exit_code == 0, result.output
    totals = json.loads(result.stdout.strip().splitlines()[-1])
    assert totals["skipped"] == 0  # --outlet files every page, the stranger's too
    with read(db_path) as con:
        outlets = {r[0] for r in con.execute("SELECT DISTINCT outlet FROM articles").fetchall()}
    assert outlets == {"globe-herald"}


def test_a_file_that_is_not_a_warc_is_one_clear_error(archived, tmp_path):
    bogus = tmp_path / "page.warc.gz"
    bogus.write_bytes(gzip.compress(b"<html>not an archive</html>"))
    outlets = load_config(archived["config_dir"]).outlets
    with pytest.raises(ArchiveError, match="not a readable WARC file"):
        list(read_archive(bogus, outlets))
    result = CliRunner().invoke(app, ["backfill", str(tmp_path / "missing.warc")])
    assert result.exit_code == 1
    assert "missing.warc: no such file" in result.stderr


def test_an_old_archive_of_undated_pages_counts_them_when_archived_not_as_a_spike(
        prefect_harness, tmp_path):
    """A backfill is not a spike: 40 undated Ukraine stories archived in 2019 count on
    their WARC-Date, and the alerts run after the backfill raises nothing for them."""
    db_path = tmp_path / "w.duckdb"
    build(db_path, datetime.now(UTC) - timedelta(hours=1))  # ten days of history
    archive = tmp_path / "old.warc"
    write_warc(archive, [(f"{BBC}{n}", undated_page(n), ARCHIVED) for n in range(40)])
    result = CliRunner().invoke(app, ["backfill", str(archive), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[-1])["articles"] == 40
    with read(db_path) as con:
        counted = con.execute("SELECT DISTINCT counts_at, fetched_at FROM articles "
                              "WHERE outlet = 'bbc-world'").fetchall()
    archived = datetime(2019, 5, 1, 12, tzinfo=UTC)
    assert counted == [(archived, archived)]
    alert_now(db_path, datetime.now(UTC))
    with read(db_path) as con:
        assert con.execute("SELECT count(*) FROM alerts WHERE topic = 'ukraine'"
                           ).fetchone()[0] == 0


def test_a_record_whose_warc_date_is_not_a_date_is_loaded_and_said(prefect_harness, tmp_path):
    db_path = tmp_path / "w.duckdb"
    archive = tmp_path / "mixed.warc"
    write_warc(archive, [(f"{BBC}1", undated_page(1), ARCHIVED),
                         (f"{BBC}2", undated_page(2), "not-a-date"),
                         (f"{BBC}3", undated_page(3), ARCHIVED)])
    result = CliRunner().invoke(app, ["backfill", str(archive), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[-1])["articles"] == 3
    assert result.stderr.splitlines()[-1] == (
        f"newswatch: {archive}: 1 page(s) without a readable WARC-Date, the first {BBC}2 "
        "('not-a-date'): loaded without a fetch time (one that gives no publication time "
        "counts at its load)")
    with read(db_path) as con:
        fetched = dict(con.execute("SELECT url, fetched_at FROM articles").fetchall())
    archived = datetime(2019, 5, 1, 12, tzinfo=UTC)
    assert fetched == {f"{BBC}1": archived, f"{BBC}2": None, f"{BBC}3": archived}


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_an_archive_cut_off_inside_a_record_loads_what_is_whole_and_says_so(
        prefect_harness, tmp_path, name):
    """A partial download: the pages of the records before the cut are loaded, the cut
    one is not, and the command says how many records it read and exits 1."""
    archive = tmp_path / name
    write_warc(archive, [(f"{BBC}{n}", undated_page(n), ARCHIVED) for n in range(6)],
               gzipped=name.endswith(".gz"))
    with archive.open("rb") as stream:
        records = ArchiveIterator(stream)
        starts = [records.get_record_offset() for _ in records]
    archive.write_bytes(archive.read_bytes()[:(starts[3] + starts[4]) // 2])  # in the 4th
    db_path = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["backfill", str(archive), "--db", str(db_path)])
    assert result.exit_code == 1, result.output
    totals = json.loads(result.stdout.splitlines()[-1])
    assert (totals["pages"], totals["articles"], totals["incomplete"]) == (3, 3, 1)
    assert result.stderr.splitlines()[-1] == (
        f"newswatch: {archive}: ends inside a record (a partial download?): 3 whole "
        "record(s) read, their pages loaded; the rest of the file is missing")
    with read(db_path) as con:
        assert sorted(r[0] for r in con.execute("SELECT url FROM articles").fetchall()) == [
            f"{BBC}{n}" for n in range(3)]


@pytest.mark.parametrize("batch_size", [1, 500])
@pytest.mark.parametrize("newest_first", [False, True])
def test_a_page_archived_twice_is_its_newest_capture_and_one_duplicate(
        prefect_harness, tmp_path, batch_size, newest_first):
    """The capture with the later WARC-Date wins, wherever it stands in the archive and
    whichever batch it is in, whether its headline changed or its text; the totals add
    up to the pages read."""
    later = "2019-05-02T12:00:00Z"
    captures = [
        ((f"{BBC}1", undated_page(1, title="Ukraine ferry talks begin"), ARCHIVED),
         (f"{BBC}1", undated_page(1, title="Ukraine ferry talks collapse"), later)),
        ((f"{BBC}3", undated_page(3, sentences=8), ARCHIVED),
         (f"{BBC}3", undated_page(3, sentences=9), later)),
    ]
    archive = tmp_path / "twice.warc"
    write_warc(archive, [capture for old, new in captures
                         for capture in ([new, old] if newest_first else [old, new])]
               + [(f"{BBC}2", undated_page(2), ARCHIVED)])
    db_path = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["backfill", str(archive), "--db", str(db_path),
                                      "--batch-size", str(batch_size)])
    assert result.exit_code == 0, result.output
    totals = json.loads(result.stdout.splitlines()[-1])
    assert {k: totals[k] for k in ("pages", "articles", "quarantined", "duplicates",
                                   "skipped")} == {"pages": 5, "articles": 3, "quarantined": 0,
                                                   "duplicates": 2, "skipped": 0}
    with read(db_path) as con:
        stored = con.execute("SELECT url, title, body, fetched_at FROM articles WHERE url <> ? "
                             "ORDER BY url", [f"{BBC}2"]).fetchall()
    newest = datetime(2019, 5, 2, 12, tzinfo=UTC)
    assert [(url, fetched) for url, _, _, fetched in stored] == [(f"{BBC}1", newest),
                                                                 (f"{BBC}3", newest)]
    assert stored[0][1] == "Ukraine ferry talks collapse"
    assert stored[1][2].count(" on day 3 ") == 9  # the sentence the newer capture added
