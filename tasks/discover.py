"""Discovery: candidate article URLs from RSS/Atom feeds, (news) sitemaps and listing pages.

Parsers take the bytes our own fetcher got, never a URL, and raise `DiscoveryError`
with a clear message when the input cannot be read.
"""

from __future__ import annotations

import calendar
import re
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime

import feedparser
from bs4 import BeautifulSoup
from lxml import etree

from tasks.charset import decode_html
from tasks.config import Outlet, UrlFilters
from tasks.errors import DiscoveryError
from tasks.fetch import Fetcher
from tasks.models import Candidate, FetchRecord
from tasks.urls import canonicalize

MAX_SITEMAP_BYTES = 50_000_000  # the sitemap protocol's own limit, uncompressed
SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_comments=True)


def gunzip_if_needed(body: bytes) -> bytes:
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        out = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, MAX_SITEMAP_BYTES)
    except zlib.error as exc:
        raise DiscoveryError(f"broken gzip data: {exc}") from exc
    if len(out) >= MAX_SITEMAP_BYTES:
        raise DiscoveryError(f"decompresses to over {MAX_SITEMAP_BYTES} bytes; refused")
    return out


def looks_like_sitemap(body: bytes) -> bool:
    head = gunzip_if_needed(body)[:2048]
    return b"<urlset" in head or b"<sitemapindex" in head


def _feed_time(entry: feedparser.FeedParserDict) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
    return None


def _clean_text(html_or_text: str | None) -> str | None:
    if not html_or_text:
        return None
    if "<" in html_or_text:
        html_or_text = BeautifulSoup(html_or_text, "lxml").get_text(" ")
    text = re.sub(r"\s+", " ", html_or_text).strip()
    return text or None


def parse_feed(body: bytes, source: str, outlet: str,
               content_type: str | None = None) -> list[Candidate]:
    """Candidates from an RSS 0.9x/1.0/2.0 or Atom feed."""
    # Without a declared type feedparser flags every document; XML's own rules then apply.
    headers = {"content-location": source, "content-type": content_type or "application/xml"}
    feed = feedparser.parse(body, response_headers=headers, sanitize_html=False)
    candidates = []
    for entry in feed.entries:
        link = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("href")), None)
        if not link:
            continue
        url = canonicalize(link, source)
        if not url.startswith(("http://", "https://")):
            continue
        authors = [a.get("name") for a in entry.get("authors", []) if a.get("name")]
        candidates.append(Candidate(
            url=url, outlet=outlet, source=source,
            title=_clean_text(entry.get("title")),
            published_at=_feed_time(entry),
            authors=authors,
            summary=_clean_text(entry.get("summary")),
            language=(entry.get("language") or feed.feed.get("language") or None),
        ))
    if not candidates and feed.get("bozo"):
        problem = feed.get("bozo_exception")
        raise DiscoveryError(f"{source}: not a readable feed: {problem}")
    if not candidates and feed.entries:
        raise DiscoveryError(f"{source}: {len(feed.entries)} items, none with a usable link")
    if not feed.get("version") and not feed.entries:
        raise DiscoveryError(f"{source}: not an RSS or Atom feed")
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


def parse_sitemap(body: bytes, source: str, outlet: str) -> tuple[list[Candidate], list[str]]:
    """Candidates from a sitemap (Google News namespace understood) and, for a sitemap
    index, the child sitemaps to read next. Gzip-compressed bodies are accepted."""
    data = gunzip_if_needed(body)
    try:
        root = etree.fromstring(data, SAFE_XML)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"{source}: broken sitemap XML: {exc}") from exc
    if root is None or _local(root.tag) not in ("urlset", "sitemapindex"):
        tag = _local(root.tag) if root is not None else "nothing"
        raise DiscoveryError(f"{source}: not a sitemap (root element is <{tag}>)")
    if _local(root.tag) == "sitemapindex":
        children = [canonicalize(loc.text, source) for loc in root.iter()
                    if _local(loc.tag) == "loc" and loc.text]
        return [], children
    candidates = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        fields: dict[str, str] = {}
        for child in node.iter():
            name = _local(child.tag)
            if child is not node and child.text and name not in fields:
                fields[name] = child.text.strip()
        if not fields.get("loc"):
            continue
        candidates.append(Candidate(
            url=canonicalize(fields["loc"], source), outlet=outlet, source=source,
            title=fields.get("title"),
            published_at=_parse_date(fields.get("publication_date") or fields.get("lastmod")),
            language=fields.get("language"),
        ))
    return candidates, []


def parse_listing(html: str, source: str, outlet: str, link_selector: str) -> list[Candidate]:
    """Candidates from an HTML listing page: the links `link_selector` picks."""
    soup = BeautifulSoup(html, "lxml")
    try:
        links = soup.select(link_selector)
    except ValueError as exc:
        raise DiscoveryError(f"{source}: bad CSS selector {link_selector!r}: {exc}") from exc
    seen: dict[str, Candidate] = {}
    for link in links:
        href = link.get("href")
        if not href:
            continue
        url = canonicalize(href, source)
        if url.startswith(("http://", "https://")) and url not in seen:
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
    sitemaps when it is a sitemap index."""
    if not body.strip():
        raise DiscoveryError(f"{source}: empty document")
    if looks_like_sitemap(body):
        return parse_sitemap(body, source, outlet)
    return parse_feed(body, source, outlet, content_type), []


@dataclass
class SourceState:
    """Conditional-GET validators kept per feed URL between runs."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Discovery:
    candidates: list[Candidate] = field(default_factory=list)
    records: list[FetchRecord] = field(default_factory=list)
    states: dict[str, SourceState] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def discover_outlet(outlet: Outlet, fetcher: Fetcher,
                    states: dict[str, SourceState]) -> Discovery:
    """Fetch and read every source of one outlet; a failing source is recorded and the
    others go on. Candidates are canonical, filtered and de-duplicated."""
    out = Discovery()
    queue = [(str(source.url), source) for source in outlet.sources]
    found: dict[str, Candidate] = {}
    while queue:
        url, source = queue.pop(0)
        state = states.get(url, SourceState())
        responses = fetcher.get(url, outlet=outlet.name, kind=source.type,
                                etag=state.etag, last_modified=state.last_modified)
        out.records.extend(r.record for r in responses)
        final = responses[-1]
        if final.record.not_modified:
            continue
        if not final.ok:
            out.errors.append(final.record.error_message or f"{url}: fetch failed")
            continue
        out.states[url] = SourceState(final.etag, final.last_modified)
        try:
            if source.type == "listing":
                text, _charset = decode_html(final.body, final.content_type)
                candidates = parse_listing(text, url, outlet.name, source.link_selector or "a")
            else:
                candidates, children = read_source(final.body, url, outlet.name,
                                                   final.content_type)
                queue.extend((child, source) for child in children)
        except DiscoveryError as exc:
            final.record.error_class = "DiscoveryError"
            final.record.error_message = str(exc)
            out.errors.append(str(exc))
            continue
        for candidate in candidates:
            if keep(candidate, outlet.url_filters) and candidate.url not in found:
                found[candidate.url] = candidate
    out.candidates = list(found.values())
    return out
