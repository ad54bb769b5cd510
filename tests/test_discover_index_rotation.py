"""A sitemap index naming more child sitemaps than one run reads (MAX_SITEMAPS_PER_SOURCE),
none with a <lastmod>: monthly archives listed oldest first, as outlets often serve them.
Successive ingest runs on one DuckDB file (discover, fetch, extract, validate, load), the
fetch log of each run deciding what the next reads first: every child is read in turn, a
new child on the first run it appears, and one that changed last time again on the next."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path

from tasks.config import FetchSettings, Outlet, Source, load_config
from tasks.discover import MAX_SITEMAPS_PER_SOURCE
from tasks.fetch import Fetcher
from tasks.ingest import collect_outlet, process_outlet
from tasks.run import start_run
from tests.hostile_server import FileServer

OUTLET = "archive"
PAGE = ("<html><head><title>{0}</title></head><body><article><h1>{0}</h1><p>"
        + "The council met on Tuesday and agreed the budget for the coming year. " * 12
        + "</p></article></body></html>")


@dataclass
class Archive:
    """The outlet's site: an index of monthly sitemaps, each listing its articles, and
    the article pages; every document with an ETag, so unchanged ones answer 304."""

    server: FileServer
    months: list[str] = field(default_factory=list)
    listed: dict[str, list[str]] = field(default_factory=dict)  # month -> article URLs

    def child(self, month: str) -> str:
        return f"{self.server.url}/sitemap-{month}.xml"

    def publish(self, month: str, slug: str) -> str:
        """A new article in `month`'s sitemap (a new month joins the end of the index)."""
        if month not in self.listed:
            self.months.append(month)
            self.listed[month] = []
            self.serve("/sitemap-index.xml", "<sitemapindex>" + "".join(
                f"<sitemap><loc>{self.child(m)}</loc></sitemap>" for m in self.months)
                + "</sitemapindex>", "application/xml")
        url = f"{self.server.url}/{month}/{slug}"
        self.listed[month].append(url)
        self.serve(f"/sitemap-{month}.xml", "<urlset>" + "".join(
            f"<url><loc>{u}</loc></url>" for u in self.listed[month]) + "</urlset>",
            "application/xml")
        self.serve(f"/{month}/{slug}", PAGE.format(f"{month} {slug}"), "text/html")
        return url

    def serve(self, path: str, text: str, kind: str) -> None:
        body = text.encode()
        etag = f'"{hashlib.sha1(body).hexdigest()[:12]}"'
        self.server.files[path] = (body, {"Content-Type": kind, "ETag": etag})


@dataclass
class Run:
    found: set[str]  # article URLs discovered (and fetched) this run
    read: set[str]  # child sitemaps fetched this run
    changed: set[str]  # those of them that answered with a body (not a 304)
    errors: list[str]


def ingest(archive: Archive, db: Path) -> Run:
    """One run of the ingest path for the outlet, as the ingest flow's outlet task has it."""
    settings = FetchSettings(allow_private_hosts=True, min_host_delay=0, retries=0,
                             max_articles_per_outlet=1000)
    outlet = Outlet(name=OUTLET, display_name="Archive", domain="127.0.0.1", sources=[
        Source(type="sitemap", url=f"{archive.server.url}/sitemap-index.xml")])
    config = load_config()
    config = config.model_copy(update={
        "outlets": [outlet], "settings": config.settings.model_copy(update={"fetch": settings})})
    run = start_run(config, db, [OUTLET])
    fetcher = Fetcher(settings)
    try:
        found, fetched = collect_outlet(config, OUTLET, db, fetcher)
    finally:
        fetcher.close()
    run.load(process_outlet(config, OUTLET, run.run_id, found, fetched))
    children = [r for r in found.records if r.kind == "sitemap" and "/sitemap-20" in r.url]
    return Run(found={c.url for c in found.candidates}, read={r.url for r in children},
               changed={r.url for r in children if not r.not_modified}, errors=found.errors)


def test_every_child_of_an_undated_index_is_read_and_new_articles_are_found(tmp_path):
    db = tmp_path / "w.duckdb"
    count = 2 * MAX_SITEMAPS_PER_SOURCE + 20
    with FileServer({}) as server:
        archive = Archive(server)
        months = [f"{2016 + i // 12}-{i % 12 + 1:02d}" for i in range(count)]
        for month in months:
            archive.publish(month, "story")
        latest = archive.listed[months[-1]][0]  # listed only in the last child

        # A fresh warehouse: MAX_SITEMAPS_PER_SOURCE children a run, none twice until
        # all have been read, so the last child's article comes within this many runs.
        runs = [ingest(archive, db) for _ in range(math.ceil(count / MAX_SITEMAPS_PER_SOURCE))]
        assert [len(r.read) for r in runs] == [MAX_SITEMAPS_PER_SOURCE] * len(runs)
        assert set().union(*(r.read for r in runs)) == {archive.child(m) for m in months}
        assert latest in runs[-1].found
        assert set().union(*(r.found for r in runs)) == {
            u for urls in archive.listed.values() for u in urls}
        cut, = runs[0].errors  # the warning says how many wait, and that later runs read them
        assert cut.startswith(f"{server.url}/sitemap-index.xml: "
                              f"{count - MAX_SITEMAPS_PER_SOURCE} of its sitemaps not read "
                              "this run") and cut.endswith("later runs read them")

        # A new month joins the end of the index: read on the first run after.
        new = archive.publish("2026-01", "first")
        run = ingest(archive, db)
        assert new in run.found and archive.child("2026-01") in run.read

        # The current month keeps growing: having changed last time, it is read again on
        # each next run, ahead of the archives that answered 304, which take turns.
        later = []
        for n in range(2):
            new = archive.publish("2026-01", f"update-{n}")
            later.append(ingest(archive, db))
            assert later[-1].found == {new}
        assert all(r.changed == {archive.child("2026-01")} for r in later)
        # The unchanged archives were all asked again (and answered 304) meanwhile.
        asked_again = set().union(run.read - run.changed, *(r.read - r.changed for r in later))
        assert asked_again == {archive.child(m) for m in months}
