"""Backfill from web archives: the HTML responses in WARC files become the pages the
fetcher would have produced, each filed under its configured outlet, so they take the
ingest flow's own extract -> validate -> match -> load path."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

from tasks.charset import decode_html
from tasks.config import Outlet
from tasks.discover import keep
from tasks.errors import ArchiveError
from tasks.load import LoadBatch
from tasks.models import Candidate, Page
from tasks.urls import canonicalize

GZIP_MAGIC = b"\x1f\x8b"
BLOCK = 1 << 16


@dataclass
class ArchivedPage:
    """An HTML response from an archive; `outlet` is None when no configured outlet owns
    its URL (or the outlet's URL filters leave it out)."""

    page: Page
    outlet: str | None


@dataclass
class ArchiveIssue:
    """Something wrong with an archive that its reading went past: one line that names
    the file. `incomplete`: the records after those read are missing or unreadable."""

    message: str
    incomplete: bool = False


Note = Callable[[ArchiveIssue], None]


def _unheard(issue: ArchiveIssue) -> None:
    pass


def shared_path(a: str, b: str) -> int:
    """How many leading path segments two URL paths share."""
    count = 0
    for left, right in zip(a.split("/")[1:], b.split("/")[1:], strict=False):
        if left != right:
            break
        count += 1
    return count


def outlet_for(url: str, outlets: list[Outlet]) -> str | None:
    """The configured outlet a page belongs to: its host is the outlet's domain or a
    subdomain of it; where outlets share a host, the one whose feed or sitemap shares the
    longest leading path with the page, and none on a tie. Its URL filters apply as in
    discovery."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    scored = []
    for outlet in outlets:
        domain = outlet.domain.lower().removeprefix("www.")
        if host == domain or host.endswith("." + domain):
            scored.append((max(shared_path(parts.path, urlsplit(str(s.url)).path)
                               for s in outlet.sources), outlet))
    if not scored:
        return None
    scored.sort(key=lambda pair: pair[0], reverse=True)
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return None
    best = scored[0][1]
    if not keep(Candidate(url=url, outlet=best.name, source=""), best.url_filters):
        return None
    return best.name


def is_html_page(content_type: str | None) -> bool:
    """Stricter than the fetcher, which takes text/plain from servers that mislabel
    pages: an archive holds robots.txt files and other text that are not articles."""
    kind = (content_type or "text/html").split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml")


def warc_date(value: str | None) -> datetime | None:
    """WARC-Date (ISO 8601, UTC); None when missing or not a date."""
    try:
        moment = datetime.fromisoformat(value or "")
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def read_archive(path: Path, outlets: list[Outlet], outlet: str | None = None,
                 note: Note = _unheard) -> Iterator[ArchivedPage]:
    """The HTML pages of one WARC file (.warc or .warc.gz): `response` records with HTTP
    200 and an HTML content type; other records are skipped. `outlet` files every page
    under that outlet instead of looking it up by URL. A page whose record has no
    readable WARC-Date has no fetch time (one issue for the file says how many)."""
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise ArchiveError(f"{path}: cannot read: {exc.strerror}") from exc
    undated: list[str] = []
    with stream:
        for record, body in whole_records(path, stream, note):
            if body is None:
                continue
            content_type = record.http_headers.get_header("Content-Type")
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            with suppress(ValueError):  # no outlet owns a broken URL: it is skipped
                url = canonicalize(url)
            owner = outlet or outlet_for(url, outlets)
            html, charset = decode_html(body, content_type)
            written = record.rec_headers.get_header("WARC-Date")
            fetched_at = warc_date(written)
            if fetched_at is None:
                undated.append(f"{url} ({written!r})" if written else f"{url} (none)")
            page = Page(url=url, outlet=owner or "", html=html, charset=charset,
                        fetched_at=fetched_at,
                        candidate=Candidate(url=url, outlet=owner or "", source=str(path)))
            yield ArchivedPage(page, owner)
    if undated:
        note(ArchiveIssue(
            f"{path}: {len(undated)} page(s) without a readable WARC-Date, the first "
            f"{undated[0]}: loaded without a fetch time (one that gives no publication "
            "time counts at its load)"))


def whole_records(path: Path, stream: BinaryIO,
                  note: Note) -> Iterator[tuple[ArcWarcRecord, bytes | None]]:
    """The records of an open WARC file that are there whole, each with its body when it
    is an HTML page's response (else None). A file that ends inside a record (a partial
    download), or that cannot be read on from one, is an `incomplete` issue that says
    how many records were read; a file with no record that can be read is an
    ArchiveError."""
    records = ArchiveIterator(stream)
    whole = 0
    last = (0, 0)  # where the last whole record starts and ends in the file
    while True:
        try:
            record = next(records, None)
            if record is None:
                break
            body = _html_body(record)
            start = records.get_record_offset()
            span = (start, start + records.get_record_length())
        except Exception as exc:  # warcio fails on a cut record in several ways
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            if not whole:
                raise ArchiveError(f"{path}: not a readable WARC file: {reason}") from exc
            note(ArchiveIssue(f"{path}: unreadable after {whole} whole record(s) ({reason}): "
                              "their pages loaded, the rest not", incomplete=True))
            return
        if not _read_whole(record):
            break
        whole += 1
        last = span
        yield record, body
    if not path.stat().st_size:
        note(ArchiveIssue(f"{path}: is empty (a partial download?)", incomplete=True))
    elif not _ends_with(path, *last):
        note(ArchiveIssue(f"{path}: ends inside a record (a partial download?): {whole} whole "
                          "record(s) read, their pages loaded; the rest of the file is missing",
                          incomplete=True))


def _html_body(record: ArcWarcRecord) -> bytes | None:
    http = record.http_headers
    if (record.rec_type != "response" or http is None or http.get_statuscode() != "200"
            or not is_html_page(http.get_header("Content-Type"))):
        return None
    return record.content_stream().read()


def _read_whole(record: ArcWarcRecord) -> bool:
    """Whether all of the record's Content-Length was there, once read to its end."""
    stream = record.raw_stream
    return isinstance(stream, LimitReader) and stream.limit == 0


def _ends_with(path: Path, start: int, end: int) -> bool:
    """Whether the file ends with the record it holds at [start, end): in a .warc.gz its
    gzip member is whole and nothing follows; in a .warc only the blank lines that close
    a record follow it."""
    with path.open("rb") as stream:
        if stream.read(2) != GZIP_MAGIC:
            stream.seek(end)
            tail = stream.read(BLOCK)
            return not tail.strip() and tail.endswith((b"\r\n\r\n", b"\n\n"))
        stream.seek(start)
        member = zlib.decompressobj(zlib.MAX_WBITS | 16)  # gzip
        while not member.eof and (data := member.unconsumed_tail or stream.read(BLOCK)):
            member.decompress(data, BLOCK)
        return member.eof and not member.unused_data and not stream.read(1)


def read_archives(paths: Iterable[Path], outlets: list[Outlet], outlet: str | None = None,
                  note: Note = _unheard) -> Iterator[ArchivedPage]:
    for path in paths:
        yield from read_archive(Path(path), outlets, outlet, note)


def by_outlet(pages: Iterable[ArchivedPage]) -> tuple[dict[str, list[Page]], int]:
    """The newest capture of each page (by WARC-Date, the later record on a tie; one
    without a date is the oldest), grouped by outlet with the newest first, and how many
    pages belong to none. Newest first because extraction keeps the first of two pages
    that give one article."""
    newest: dict[str, ArchivedPage] = {}
    unowned = 0
    for archived in pages:
        if archived.outlet is None:
            unowned += 1
            continue
        kept = newest.get(archived.page.url)
        if kept is None or _captured(archived) >= _captured(kept):
            newest[archived.page.url] = archived
    groups: dict[str, list[Page]] = {}
    for archived in sorted(newest.values(), key=_captured, reverse=True):
        groups.setdefault(archived.outlet or "", []).append(archived.page)
    return groups, unowned


def _captured(archived: ArchivedPage) -> datetime:
    return archived.page.fetched_at or datetime.min.replace(tzinfo=UTC)


@dataclass
class Totals:
    """A backfill's figures. Every page read is an article loaded, a row quarantined, a
    duplicate (another capture of a page read already, or another page of one article:
    the newest capture is the one loaded) or skipped (no configured outlet owns it)."""

    pages: int = 0
    articles: int = 0
    quarantined: int = 0
    duplicates: int = 0
    skipped: int = 0
    batches: int = 0
    incomplete: int = 0  # files that end inside a record or cannot be read to their end
    seen: set[str] = field(default_factory=set)  # url hashes of the rows read so far

    def add(self, pages: int, skipped: int, batches: list[LoadBatch]) -> None:
        """Count one batch: `pages` read, `skipped` of them, and the outlets' batches."""
        self.pages += pages
        self.skipped += skipped
        self.batches += 1
        self.duplicates += pages - skipped
        for batch in batches:
            articles = {a.url_hash for a in batch.articles} - self.seen
            self.seen |= articles
            quarantined = {q.article.url_hash for q in batch.quarantined} - self.seen
            self.seen |= quarantined
            self.articles += len(articles)
            self.quarantined += len(quarantined)
            self.duplicates -= len(articles) + len(quarantined)

    def figures(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "seen"}


def in_batches(pages: Iterable[ArchivedPage], size: int) -> Iterator[list[ArchivedPage]]:
    iterator = iter(pages)
    while chunk := list(islice(iterator, size)):
        yield chunk
