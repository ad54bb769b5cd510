"""Discovery: candidate article URLs from RSS/Atom feeds, (news) sitemaps and listing pages.

Parsers take the bytes our own fetcher got, never a URL, and raise `DiscoveryError`
with a clear message when the input cannot be read.
"""

from __future__ import annotations

import calendar
import codecs
import contextlib
import logging
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser
import soupsieve
from bs4 import BeautifulSoup
from lxml import etree
from pydantic import ValidationError

from tasks.charset import decode_html
from tasks.config import Outlet, Source, UrlFilters
from tasks.errors import DiscoveryError
from tasks.extract_meta import date_only
from tasks.fetch import Fetcher
from tasks.models import Candidate, FetchRecord
from tasks.urls import canonicalize, is_http_url

log = logging.getLogger("newswatch.discover")

MAX_SITEMAP_BYTES = 50_000_000  # the sitemap protocol's own limit, uncompressed
MAX_SITEMAPS_PER_SOURCE = 50  # child sitemaps read from one configured source, per run
# feedparser takes about a millisecond per element; a large real feed has a few thousand.
MAX_FEED_TAGS = 100_000
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_comments=True)


def gunzip_if_needed(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = stream.decompress(body, MAX_SITEMAP_BYTES)
    except zlib.error as exc:
        raise DiscoveryError(f"broken gzip data: {exc}") from exc
    if len(out) >= MAX_SITEMAP_BYTES:
        raise DiscoveryError(f"decompresses to over {MAX_SITEMAP_BYTES} bytes; refused")
    if not stream.eof:
        raise DiscoveryError("broken gzip data: the stream is cut short")
    return out


def looks_like_sitemap(body: bytes) -> bool:
    head = gunzip_if_needed(body)[:2048]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # two bytes a character
        head = head.decode("utf-16", errors="replace").encode()
    return b"<urlset" in head or b"<sitemapindex" in head


def _http_url(link: str, base: str) -> str | None:
    """The canonical form of an http(s) link, or None for anything else."""
    try:
        url = canonicalize(link, base)
    except ValueError:
        return None
    return url if is_http_url(url) else None


def _feed_time(entry: feedparser.FeedParserDict) -> tuple[datetime | None, bool]:
    """When the entry was published, and whether its date gives only the day (which
    feedparser reads as that day's midnight UTC, as a sitemap's day is read here)."""
    for key in ("published", "updated", "created"):
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            try:
                moment = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            except (OverflowError, OSError, ValueError):
                continue  # a year feedparser accepted but datetime cannot hold
            return moment, date_only(entry.get(key))
    return None, False


def _clean_text(html_or_text: str | None) -> str | None:
    if not html_or_text:
        return None
    if "<" in html_or_text:
        html_or_text = BeautifulSoup(html_or_text, "lxml").get_text(" ")
    text = re.sub(r"\s+", " ", html_or_text).strip()
    return text or None


def refuse_xml_bombs(body: bytes, source: str) -> None:
    """feedparser sets no limits of its own: a feed of a million elements, nested thousands
    deep, or an entity bomb in its DTD, keeps it busy for minutes. Such a feed is refused
    before feedparser sees it: over MAX_FEED_TAGS tags, or over libxml2's limits (256
    levels, a small entity amplification). A merely malformed feed is left to feedparser's
    tolerance."""
    if body.count(b"<") > MAX_FEED_TAGS:
        raise DiscoveryError(f"{source}: refused, over {MAX_FEED_TAGS:,} tags (a feed lists "
                             "the latest articles, not thousands)")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                             huge_tree=False)  # one per call: lxml parsers are not shared
    with contextlib.suppress(etree.XMLSyntaxError):
        etree.fromstring(body, parser)
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise DiscoveryError(f"{source}: refused, over a parser limit: {entry.message}")


def parse_feed(body: bytes, source: str, outlet: str,
               content_type: str | None = None) -> list[Candidate]:
    """Candidates from an RSS 0.9x/1.0/2.0 or Atom feed."""
    refuse_xml_bombs(body, source)
    # Without a declared type feedparser flags every document; XML's own rules then apply.
    headers = {"content-location": source, "content-type": content_type or "application/xml"}
    try:
        feed = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    except (LookupError, UnicodeError) as exc:  # e.g. encoding="undefined" or "punycode"
        raise DiscoveryError(f"{source}: declares an encoding it cannot be read in: "
                             f"{exc}") from exc
    candidates = []
    for entry in feed.entries:
        link = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("href")), None)
        url = _http_url(link, source) if link else None
        if url is None:
            continue
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        published, published_date_only = _feed_time(entry)
        candidates.append(Candidate(
            url=url, outlet=outlet, source=source,
            title=_clean_text(entry.get("title")),
            published_at=published, published_date_only=published_date_only,
            authors=authors,
            summary=_clean_text(entry.get("summary")),
            language=(entry.get("language") or feed.feed.get("language") or None),
        ))
    if candidates:
        return candidates
    problem = f" (and not well-formed: {feed.get('bozo_exception')})" if feed.get("bozo") else ""
    if feed.entries:
        raise DiscoveryError(f"{source}: {len(feed.entries)} item(s), none with an http(s) "
                             f"link{problem}")
    if not feed.get("version"):
        raise DiscoveryError(f"{source}: not an RSS or Atom feed{problem}")
    if feed.get("bozo"):
        raise DiscoveryError(f"{source}: no items, and not a well-formed feed: "
                             f"{feed.get('bozo_exception')}")
    return candidates


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _parse_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_sitemap(body: bytes, source: str,
                  outlet: str) -> tuple[list[Candidate], dict[str, datetime | None]]:
    """Candidates from a sitemap (Google News namespace understood) and, for a sitemap
    index, its child sitemaps in the index's order, each with its <lastmod> (None when
    it has none or an unreadable one): `reading_order` says which to read first.
    Gzip-compressed bodies are accepted."""
    # blank lines before "<?xml" break the XML rules, but feeds are read with them too
    data = gunzip_if_needed(body).lstrip()
    try:
        root = etree.fromstring(data, SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"{source}: broken sitemap XML: {exc}") from exc
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        tag = _local(root.tag) if root is not None else "nothing"
        raise DiscoveryError(f"{source}: not a sitemap (root element is <{tag}>)")
    entry_tag = "sitemap" if _local(root.tag) == "sitemapindex" else "url"
    entries = []
    for node in root:
        if _local(node.tag) != entry_tag:
            continue
        # loc and lastmod are the entry's own children (an image:loc is not the page);
        # title, date and language come from the Google News block when there is one.
        fields = {_local(c.tag): c.text.strip() for c in node if c.text and c.text.strip()}
        for news in (c for c in node if _local(c.tag) == "news"):
            for child in news.iter():
                if child.text and child.text.strip():
                    fields.setdefault(_local(child.tag), child.text.strip())
        url = _http_url(fields["loc"], source) if "loc" in fields else None
        if url is not None:
            entries.append((url, fields))
    if entry_tag == "sitemap":
        return [], {url: _parse_date(fields.get("lastmod")) for url, fields in entries}
    candidates = []
    for url, fields in entries:
        written = fields.get("publication_date") or fields.get("lastmod")
        published = _parse_date(written)
        candidates.append(Candidate(
            url=url, outlet=outlet, source=source, title=fields.get("title"),
            published_at=published,
            published_date_only=published is not None and date_only(written),
            language=fields.get("language")))
    return candidates, {}


def reading_order(children: dict[str, datetime | None],
                  states: dict[str, SourceState]) -> list[str]:
    """The order in which an index's child sitemaps are read, as far as the budget of
    MAX_SITEMAPS_PER_SOURCE goes: newest <lastmod> first, those without one after. Among
    equal dates, and among the undated, those never fetched come first (in the index's
    order), then those fetched longest ago, and last those whose last fetch brought
    nothing (a 304 or a failure), longest ago first: over successive runs every child is
    read, a new one on the first run it appears, one that changed last time again soon."""
    never = datetime.min.replace(tzinfo=UTC)

    def staleness(url: str) -> tuple[int, datetime]:
        state = states.get(url)
        if state is None or state.fetched_at is None:
            return 0, never
        return (2 if state.got_nothing else 1), state.fetched_at

    by_staleness = sorted(children, key=staleness)  # stable: ties keep the index's order
    dated = sorted((url for url in by_staleness if children[url]), key=children.__getitem__,
                   reverse=True)  # stable too: equal dates keep the order by staleness
    return dated + [url for url in by_staleness if children[url] is None]


def parse_listing(html: str, source: str, outlet: str, link_selector: str) -> list[Candidate]:
    """Candidates from an HTML listing page: the links `link_selector` picks."""
    soup = BeautifulSoup(html, "lxml")
    try:
        links = soup.select(link_selector)
    except (soupsieve.SelectorSyntaxError, ValueError, NotImplementedError) as exc:
        raise DiscoveryError(f"{source}: bad CSS selector {link_selector!r}: {exc}") from exc
    seen: dict[str, Candidate] = {}
    for link in links:
        href = link.get("href")
        url = _http_url(href, source) if isinstance(href, str) else None
        if url is not None and url not in seen:
            seen[url] = Candidate(url=url, outlet=outlet, source=source,
                                  title=_clean_text(link.get_text(" ")))
    return list(seen.values())


def keep(candidate: Candidate, filters: UrlFilters) -> bool:
    """Whether the outlet's URL filters let this candidate through."""
    if filters.include and not any(re.search(p, candidate.url) for p in filters.include):
        return False
    return not any(re.search(p, candidate.url) for p in filters.exclude)


def read_source(body: bytes, source: str, outlet: str,
                content_type: str | None = None) -> tuple[list[Candidate], list[str]]:
    """A feed or a sitemap, told apart by content: the candidates, and the child
    sitemaps when it is a sitemap index, newest <lastmod> first (those without one after,
    in the index's order)."""
    candidates, children = _read_source(body, source, outlet, content_type)
    return candidates, reading_order(children, {})


def _read_source(body: bytes, source: str, outlet: str,
                 content_type: str | None) -> tuple[list[Candidate], dict[str, datetime | None]]:
    if not body.strip():
        raise DiscoveryError(f"{source}: empty document")
    try:
        body = gunzip_if_needed(body)
    except DiscoveryError as exc:
        raise DiscoveryError(f"{source}: {exc}") from exc
    if looks_like_sitemap(body):
        return parse_sitemap(body, source, outlet)
    return parse_feed(body, source, outlet, content_type), {}


@dataclass
class SourceState:
    """What is kept of a feed, sitemap or listing between runs: its conditional-GET
    validators and, read back from the fetch log, its last fetch (which child sitemaps
    of an index to read first)."""

    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    got_nothing: bool = False  # the last fetch answered 304 or failed


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    records: list[FetchRecord] = field(default_factory=list)
    states: dict[str, SourceState] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def _ancestors(url: str, named_by: dict[str, str]) -> set[str]:
    """The sitemap indexes that led to `url`."""
    found: set[str] = set()
    while url in named_by and named_by[url] not in found:
        url = named_by[url]
        found.add(url)
    return found


def discover_outlet(outlet: Outlet, fetcher: Fetcher,
                    states: dict[str, SourceState]) -> Discovery:
    """Fetch and read every source of one outlet; a failing source is recorded and the
    others go on. Candidates are canonical, filtered and de-duplicated. Sitemap indexes
    are followed, each sitemap read once, at most MAX_SITEMAPS_PER_SOURCE per source, in
    `reading_order` (the fetches that `states` remembers decide among children of one
    date or none). Every problem is logged as a warning too."""
    found = _discover(outlet.sources, outlet.name, outlet.url_filters, fetcher, states)
    for problem in found.errors:
        log.warning("%s: %s", outlet.name, problem)
    return found


def discover_urls(urls: list[str], fetcher: Fetcher) -> Discovery:
    """Fetch and read feeds or sitemaps (told apart by content) named by URL alone, with
    no outlet behind them: as `discover_outlet`, without URL filters or kept validators.
    A URL that is not a usable http(s) URL raises `DiscoveryError`."""
    sources = []
    for url in urls:
        try:
            sources.append(Source(type="feed", url=url))
        except ValidationError as exc:
            raise DiscoveryError(f"{url}: not a usable URL: {exc.errors()[0]['msg']}") from exc
    return _discover(sources, "", UrlFilters(), fetcher, {})


def _discover(sources: list[Source], outlet: str, filters: UrlFilters, fetcher: Fetcher,
              states: dict[str, SourceState]) -> Discovery:
    out = Discovery()
    queue = [(str(source.url), source) for source in sources]
    seen = {url for url, _source in queue}
    named_by: dict[str, str] = {}  # child sitemap -> the index that named it
    children_read: dict[str, int] = {}
    found: dict[str, Candidate] = {}
    while queue:
        url, source = queue.pop(0)
        state = states.get(url, SourceState())
        responses = fetcher.get(url, outlet=outlet, kind=source.type,
                                etag=state.etag, last_modified=state.last_modified)
        out.records.extend(r.record for r in responses)
        final = responses[-1]
        if final.record.not_modified:
            continue
        if not final.ok:
            out.errors.append(final.record.error_message or f"{url}: fetch failed")
            continue
        children: list[str] = []
        try:
            if source.type == "listing":
                text, _charset = decode_html(final.body, final.content_type)
                candidates = parse_listing(text, url, outlet, source.link_selector or "a")
            else:
                candidates, dates = _read_source(final.body, url, outlet, final.content_type)
                children = reading_order(dates, states)
        except DiscoveryError as exc:
            final.record.error_class = "DiscoveryError"
            final.record.error_message = str(exc)
            out.errors.append(str(exc))
            continue
        except Exception as exc:  # a parser's own failure on a hostile document: this source
            final.record.error_class = type(exc).__name__
            final.record.error_message = f"{url}: could not be read: {exc}"
            out.errors.append(final.record.error_message)
            continue
        # An index is read in full every run: it may stay unchanged (and answer 304)
        # while the sitemaps it names change, so its validators are not kept.
        if not children:
            out.states[url] = SourceState(final.etag, final.last_modified)
        key = str(source.url)
        for at, child in enumerate(children):
            if child in seen:
                if child == url or child in _ancestors(url, named_by):
                    out.errors.append(f"{url}: names {child}, which leads back to it (a "
                                      "sitemap index loop); not read again")
                continue
            if children_read.get(key, 0) >= MAX_SITEMAPS_PER_SOURCE:
                left = sum(1 for c in children[at:] if c not in seen)
                out.errors.append(
                    f"{url}: {left} of its sitemaps not read this run (at most "
                    f"{MAX_SITEMAPS_PER_SOURCE} a source and run: newest <lastmod> first, "
                    "then those never read, then those read longest ago, those that were "
                    "unchanged or failed last time after the rest); later runs read them")
                break
            children_read[key] = children_read.get(key, 0) + 1
            seen.add(child)
            named_by[child] = url
            queue.append((child, source))
        for candidate in candidates:
            if keep(candidate, filters) and candidate.url not in found:
                found[candidate.url] = candidate
    out.candidates = list(found.values())
    return out
