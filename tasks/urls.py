"""URL canonicalisation, so that one article is fetched and stored once."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

# Query parameters that only track the reader, never select content.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|"
    r"_ga|_gl|ocid|cmpid|at_medium|at_campaign|at_custom\d|ito|taid|smid|mbid|"
    r"__twitter_impression|ref_src|ref_url)$",
    re.IGNORECASE,
)
DEFAULT_PORTS = {"http": 80, "https": 443}


def canonicalize(url: str, base: str | None = None) -> str:
    """Resolve `url` against `base`, lower-case scheme and host, drop default ports,
    fragments and tracking parameters. The other parameters keep their order and their
    exact spelling: re-encoding them could name a different page on some servers.

    Raises ValueError for a URL that cannot be parsed (a bad port, a broken IPv6 host).
    """
    absolute = urljoin(base, url.strip()) if base else url.strip()
    parts = urlsplit(absolute)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = "&".join(
        pair for pair in parts.query.split("&")
        if pair and not TRACKING_PARAMS.match(unquote_plus(pair.split("=", 1)[0]))
    )
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def is_http_url(url: str) -> bool:
    """An http(s) URL with a host; one that cannot be parsed (`http://[::1`) is not."""
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        return False


def join_url(base: str, href: str) -> str | None:
    """`href` resolved against `base`, or None when the result cannot be parsed (a broken
    IPv6 host such as `http://[::1`, a port that is not a number or is out of range)."""
    try:
        joined = urljoin(base, href.strip())
        _ = urlsplit(joined).port  # raises for a bad port
    except ValueError:
        return None
    return joined


def origin_of(url: str) -> str:
    """scheme://host[:port], what robots.txt rules apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


def server_of(url: str) -> str:
    """host[:port] without the default ports: one server, whichever scheme reaches it,
    what politeness is owed to."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port
    return host if port is None or DEFAULT_PORTS.get(parts.scheme.lower()) == port \
        else f"{host}:{port}"
