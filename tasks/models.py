"""The records that move between stages: plain dataclasses, no I/O."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tasks.serialize import to_json


def url_hash(url: str) -> str:
    """The warehouse key of an article: a stable hash of its canonical URL."""
    return hashlib.sha1(url.encode("utf-8")).hexdigest()


@dataclass
class Candidate:
    """An article URL found by discovery, with whatever the feed or sitemap said of it.

    The feed's own title, date, authors and summary are a fallback for extraction.
    """

    url: str
    outlet: str
    source: str  # the feed, sitemap or listing page it came from
    title: str | None = None
    published_at: datetime | None = None
    published_date_only: bool = False  # a day without a time (a sitemap's "2024-04-24")
    authors: list[str] = field(default_factory=list)
    summary: str | None = None
    language: str | None = None


@dataclass
class Page:
    """A fetched article page: decoded HTML plus what the fetch learnt."""

    url: str  # the final URL after redirects
    outlet: str
    html: str
    charset: str
    fetched_at: datetime | None  # None: not known (an archived record without a WARC-Date)
    candidate: Candidate | None = None


@dataclass
class FetchRecord:
    """One row of `fetch_log`: every fetch, successful or not."""

    url: str
    outlet: str
    kind: str  # robots | feed | sitemap | listing | article
    status: int | None
    bytes: int
    elapsed_ms: float
    attempt: int
    fetched_at: datetime
    not_modified: bool = False
    error_class: str | None = None
    error_message: str | None = None
    final_url: str | None = None

    @property
    def failed(self) -> bool:
        """As the health checks count it: an error, or no 2xx/3xx answer."""
        return self.error_class is not None or not 200 <= (self.status or 0) < 400


@dataclass
class Article:
    """An extracted article. `field_sources` names where each field came from
    (jsonld, opengraph, meta, rules, trafilatura, heuristic, feed); its `truncated` entry,
    when present, says how an oversized page was cut before parsing."""

    url: str
    outlet: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None  # timezone-aware UTC
    published_date_only: bool = False  # the page gave a day, no time: published_at is its noon UTC
    updated_at: datetime | None = None
    section: str | None = None
    language: str | None = None
    body: str = ""
    captions: list[str] = field(default_factory=list)
    is_teaser: bool = False
    word_count: int = 0
    content_hash: str = ""
    field_sources: dict[str, str] = field(default_factory=dict)

    @property
    def url_hash(self) -> str:
        return url_hash(self.url)

    def to_json_dict(self) -> dict[str, Any]:
        """JSON-ready: datetimes as ISO 8601 strings (`tasks.serialize`)."""
        return to_json(self)


@dataclass
class Quarantined:
    """A row held back from the warehouse's articles: the article as far as it was read
    (a stub with its URL when extraction failed), the names of the checks it failed, and
    the page's raw HTML for a later retry (None when there is none to keep)."""

    article: Article
    failed: list[str]
    raw_html: str | None = None
