"""Polite, guarded HTTP: robots.txt, per-host pacing, conditional GET, retries with
backoff that honour Retry-After, timeouts, a size cap while streaming, and the SSRF
guard and response deadline of `tasks.connections`.

Every attempt ends as a `FetchRecord` (for `fetch_log`); failures are records, never
exceptions escaping into the flow. A process keeps one pooled `Fetcher` per settings
(`fetcher_for`), so a run's parallel outlets share its connections and host limits.
"""

from __future__ import annotations

import email.utils
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin

import requests
import urllib3
from protego import Protego

from tasks.charset import decode_html
from tasks.config import FetchSettings
from tasks.connections import (
    Resolver,
    check_address,
    pinned_adapter,
    response_deadline,
    system_resolve,
    vetted_address,
)
from tasks.errors import (
    BadRedirect,
    FetchError,
    ResponseTimeout,
    RobotsDisallowed,
    RobotsUnavailable,
    TooManyRedirects,
)
from tasks.models import Candidate, FetchRecord, Page
from tasks.urls import join_url, origin_of, server_of

RETRY_STATUSES = {408, 425, 429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
HOST_FAILURES_BEFORE_BACKOFF = 5
HOST_BACKOFF_SECONDS = 600.0
# A robots.txt that could not be read keeps the host off limits only this long, so one
# outage does not silence an outlet for the whole robots TTL.
ROBOTS_RETRY_SECONDS = 60.0
# Crawl-delay is honoured up to this; a site asking for more still gets one request at
# a time, but a worker thread is not parked for an hour.
MAX_CRAWL_DELAY = 30.0


@dataclass
class Response:
    """What a fetch returned: the record for the log, and the body when there is one."""

    record: FetchRecord
    body: bytes | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    retry_after: float | None = None

    @property
    def ok(self) -> bool:
        return self.body is not None and self.record.error_class is None


@dataclass
class HostState:
    """One server's pacing, slots and health, whichever scheme reaches it."""

    slots: threading.Semaphore
    delay: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0
    failures: int = 0
    backoff_until: float = 0.0


@dataclass
class RobotsState:
    """One origin's robots.txt (the rules are per scheme, host and port)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    rules: Protego | None = None
    until: float = 0.0
    problem: str | None = None  # why robots.txt could not be read, if it could not


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def is_html(content_type: str | None) -> bool:
    """True for HTML, and for a missing type (many servers omit it)."""
    if not content_type:
        return True
    kind = content_type.split(";")[0].strip().lower()
    return kind in ("text/html", "application/xhtml+xml", "text/plain", "application/octet-stream")


def backoff_delay(attempt: int, base: float, rng: random.Random | None = None) -> float:
    """Exponential backoff with jitter: base * 2**(attempt-1), scaled by 0.5..1.5 so that
    clients that failed together do not retry together."""
    return base * 2 ** (attempt - 1) * (rng or random).uniform(0.5, 1.5)


class Fetcher:
    """One pooled session for a run. Thread-safe: outlets may fetch in parallel."""

    def __init__(self, settings: FetchSettings, session: requests.Session | None = None,
                 resolve: Resolver = system_resolve):
        self.settings = settings
        self.resolve = resolve
        self.session = session or requests.Session()
        # Redirects are followed below, hop by hop. requests must not look at them even
        # when told not to follow them: it would read the redirect's whole body, past the
        # size cap, and raise on a Location it cannot parse.
        self.session.get_redirect_target = lambda response: None
        adapter = pinned_adapter(
            lambda host, port: vetted_address(host, port, settings.allow_private_hosts,
                                              self.resolve, f"{host}:{port}"),
            pool_connections=settings.max_concurrency, pool_maxsize=settings.max_concurrency * 2,
        )
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = settings.user_agent
        self.session.headers["Accept-Encoding"] = "gzip, deflate"
        self._hosts: dict[str, HostState] = {}
        self._robots: dict[str, RobotsState] = {}
        self._states_lock = threading.Lock()
        self._slots = threading.Semaphore(settings.max_concurrency)

    def close(self) -> None:
        self.session.close()

    def _host(self, url: str) -> HostState:
        key = server_of(url)
        with self._states_lock:
            if key not in self._hosts:
                self._hosts[key] = HostState(threading.Semaphore(self.settings.max_per_host),
                                             self.settings.min_host_delay)
            return self._hosts[key]

    def _robots_of(self, url: str) -> RobotsState:
        with self._states_lock:
            return self._robots.setdefault(origin_of(url), RobotsState())

    def _wait_turn(self, state: HostState) -> None:
        # The slot is booked when the thread actually goes, not when it planned to: a
        # thread that wakes late must not let the next request to the host go early.
        while True:
            with state.lock:
                now = time.monotonic()
                if now >= state.next_at:
                    state.next_at = now + state.delay
                    return
                wait = state.next_at - now
            time.sleep(wait)

    def allowed(self, url: str, outlet: str | None = None) -> tuple[bool, list[FetchRecord]]:
        """Whether robots.txt lets our user agent fetch `url`. robots.txt is fetched once
        per origin and TTL, also when many threads ask at once."""
        robots = self._robots_of(url)
        records: list[FetchRecord] = []
        with robots.lock:
            if robots.rules is None or time.monotonic() > robots.until:
                records = self._refresh_robots(robots, url, outlet)
            rules = robots.rules
        return rules.can_fetch(url, self.settings.user_agent), records

    def _refresh_robots(self, robots: RobotsState, url: str,
                        outlet: str | None) -> list[FetchRecord]:
        robots_url = urljoin(origin_of(url), "/robots.txt")
        responses = self._get(robots_url, outlet=outlet, kind="robots")
        response = responses[-1]
        status = response.record.status
        ttl = float(self.settings.robots_ttl_seconds)
        robots.problem = None
        if response.ok:
            text = response.body.decode("utf-8", errors="replace")
        elif status is not None and 400 <= status < 500 and status != 429:
            text = ""  # no robots.txt: everything is allowed
        else:
            # Unreachable, 429 or 5xx: stay away for now, as the big crawlers do.
            text = "User-agent: *\nDisallow: /"
            ttl = min(ttl, ROBOTS_RETRY_SECONDS)
            robots.problem = response.record.error_message or f"HTTP {status}"
        robots.rules = Protego.parse(text)
        robots.until = time.monotonic() + ttl
        delay = robots.rules.crawl_delay(self.settings.user_agent) or 0.0
        state = self._host(url)
        with state.lock:
            state.delay = max(self.settings.min_host_delay, min(float(delay), MAX_CRAWL_DELAY))
        return [r.record for r in responses]

    def get(
        self,
        url: str,
        *,
        outlet: str | None,
        kind: str,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> list[Response]:
        """Fetch `url` politely; returns the robots.txt fetch (if one was needed) and
        every attempt, the last one being the outcome. A URL the SSRF guard refuses is
        refused before its robots.txt is asked for."""
        try:
            check_address(url, self.settings.allow_private_hosts, self.resolve)
        except FetchError as exc:
            return [self._failed(url, outlet, kind, 1, type(exc).__name__, str(exc))]
        allowed, robot_records = self.allowed(url, outlet)
        responses = [Response(r) for r in robot_records]
        if not allowed:
            refusal = self._robots_refusal(url)
            responses.append(self._failed(url, outlet, kind, 1, type(refusal).__name__,
                                          str(refusal)))
            return responses
        return responses + self._with_retries(url, outlet, kind, etag, last_modified)

    def _robots_refusal(self, url: str) -> FetchError:
        """Why robots.txt keeps us from `url`: it disallows it, or it could not be read."""
        problem = self._robots_of(url).problem
        if problem:
            return RobotsUnavailable(
                f"{url}: not fetched, robots.txt of {origin_of(url)} could not be read "
                f"({problem}); tried again in a minute", url=url)
        return RobotsDisallowed(f"robots.txt disallows {url} for our user agent", url=url)

    def _with_retries(self, url, outlet, kind, etag, last_modified) -> list[Response]:
        attempts: list[Response] = []
        for attempt in range(1, self.settings.retries + 2):
            responses = self._get(url, outlet=outlet, kind=kind, etag=etag,
                                  last_modified=last_modified, attempt=attempt)
            attempts.extend(responses)
            wait = self._retry_wait(responses[-1], attempt)
            if wait is None:
                break
            time.sleep(wait)
        return attempts

    def _retry_wait(self, response: Response, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or None when not to retry."""
        record = response.record
        retryable = record.status in RETRY_STATUSES or record.error_class in (
            "ConnectionError", "Timeout", "ChunkedEncodingError")
        if not retryable or attempt > self.settings.retries:
            return None
        backoff = backoff_delay(attempt, self.settings.backoff_seconds)
        retry_after = response.retry_after
        if retry_after is not None:
            if retry_after > self.settings.max_retry_after:
                return None
            backoff = max(backoff, retry_after)
        return backoff

    def _failed(self, url, outlet, kind, attempt, error_class, message, status=None,
                elapsed_ms=0.0, nbytes=0) -> Response:
        return Response(FetchRecord(
            url=url, outlet=outlet or "", kind=kind, status=status, bytes=nbytes,
            elapsed_ms=elapsed_ms, attempt=attempt, fetched_at=datetime.now(UTC),
            error_class=error_class, error_message=message,
        ))

    def _get(self, url: str, *, outlet: str | None, kind: str, etag: str | None = None,
             last_modified: str | None = None, attempt: int = 1) -> list[Response]:
        """One attempt at `url`, redirects followed: the robots.txt fetches of the hosts
        it was redirected to, then the outcome."""
        state = self._host(url)
        if time.monotonic() < state.backoff_until:
            return [self._failed(url, outlet, kind, attempt, "HostBackedOff",
                                 f"{server_of(url)} failed {state.failures} times in a row; "
                                 "skipped until it recovers")]
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        started = time.monotonic()
        current = url
        robots: list[Response] = []
        try:
            for hop in range(self.settings.max_redirects + 1):
                check_address(current, self.settings.allow_private_hosts, self.resolve)
                # robots.txt of where a redirect leads is asked outside the slots: reading
                # another host's robots.txt takes slots of its own.
                if hop:
                    allowed, records = self.allowed(current, outlet)
                    robots += [Response(r) for r in records]
                    if not allowed:
                        raise self._robots_refusal(current)
                hop_state = self._host(current)
                # The host's slot first: threads queueing for a busy host must not hold
                # global slots that other hosts could use.
                with hop_state.slots, self._slots:
                    self._wait_turn(hop_state)
                    response_deadline.at = time.monotonic() + self.settings.response_timeout
                    http = self.session.get(
                        current, headers=headers, stream=True, allow_redirects=False,
                        timeout=(self.settings.connect_timeout, self.settings.read_timeout),
                    )
                    if http.status_code not in REDIRECT_STATUSES or "location" not in http.headers:
                        response = self._read(http, url, current, outlet, kind, attempt, started)
                        break
                    http.close()
                location = http.headers["location"]
                current = join_url(current, location)
                if current is None:
                    raise BadRedirect(f"{url}: redirected to an unparsable Location {location!r}",
                                      url=url, status=http.status_code)
            else:
                raise TooManyRedirects(
                    f"{url}: more than {self.settings.max_redirects} redirects", url=url)
        except ResponseTimeout as exc:
            response = self._failed(url, outlet, kind, attempt, type(exc).__name__,
                                    self._late(current, "status line and headers"),
                                    elapsed_ms=(time.monotonic() - started) * 1000)
        except FetchError as exc:
            response = self._failed(url, outlet, kind, attempt, type(exc).__name__, str(exc),
                                    status=exc.status,
                                    elapsed_ms=(time.monotonic() - started) * 1000)
        except (requests.RequestException, urllib3.exceptions.HTTPError) as exc:
            # The body is read with urllib3 directly, so its errors arrive unwrapped.
            name = type(exc).__name__
            if isinstance(exc, requests.Timeout | urllib3.exceptions.TimeoutError):
                name = "Timeout"
            elif isinstance(exc, requests.ConnectionError | urllib3.exceptions.ProtocolError):
                name = "ConnectionError"
            response = self._failed(url, outlet, kind, attempt, name, f"{url}: {exc}",
                                    elapsed_ms=(time.monotonic() - started) * 1000)
        self._note_health(state, response)
        return [*robots, response]

    def _read(self, http: requests.Response, url: str, final_url: str, outlet, kind, attempt,
              started: float) -> Response:
        """Stream the body under the size cap and the response's deadline, then judge it."""
        settings = self.settings
        record = FetchRecord(
            url=url, outlet=outlet or "", kind=kind, status=http.status_code, bytes=0,
            elapsed_ms=0.0, attempt=attempt, fetched_at=datetime.now(UTC),
            final_url=final_url if final_url != url else None,
        )
        response = Response(record, content_type=http.headers.get("content-type"),
                            etag=http.headers.get("etag"),
                            last_modified=http.headers.get("last-modified"))
        response.retry_after = parse_retry_after(http.headers.get("retry-after"))
        try:
            declared = int(http.headers.get("content-length") or 0)
        except ValueError:
            declared = 0
        if http.status_code == 304:
            record.not_modified = True
        elif http.status_code >= 400:
            record.error_class = "HTTPError"
            record.error_message = f"{url}: HTTP {http.status_code} {http.reason}"
        elif kind == "article" and not is_html(response.content_type):
            record.error_class = "UnexpectedContentType"
            record.error_message = f"{url}: {response.content_type} is not an HTML page"
        elif declared > settings.max_bytes and http.headers.get("content-encoding") is None:
            record.error_class = "TooLarge"
            record.error_message = (f"{url}: declares {declared} bytes, over the "
                                    f"{settings.max_bytes}-byte cap")
        else:
            chunks, size = [], 0
            # Chunks are decoded, so a gzip bomb is cut at the cap like any body.
            try:
                while chunk := http.raw.read1(65536, decode_content=True):
                    size += len(chunk)
                    if size > settings.max_bytes:
                        record.error_class = "TooLarge"
                        record.error_message = (
                            f"{url}: body over the {settings.max_bytes}-byte cap")
                        break
                    chunks.append(chunk)
            except ResponseTimeout:
                record.error_class = "ResponseTimeout"
                record.error_message = self._late(url, "body")
            record.bytes = size
            if record.error_class is None:
                response.body = b"".join(chunks)
        http.close()
        record.elapsed_ms = (time.monotonic() - started) * 1000
        return response

    def _late(self, url: str, arriving: str) -> str:
        return (f"{url}: no complete response within {self.settings.response_timeout:g}s "
                f"({arriving} still arriving)")

    def _note_health(self, state: HostState, response: Response) -> None:
        record = response.record
        failed = record.error_class in ("ConnectionError", "Timeout") or (
            record.status is not None and record.status >= 500)
        with state.lock:
            if failed:
                state.failures += 1
                if state.failures >= HOST_FAILURES_BEFORE_BACKOFF:
                    state.backoff_until = time.monotonic() + HOST_BACKOFF_SECONDS
            elif record.status is not None:
                state.failures = 0


_fetchers: dict[str, Fetcher] = {}
_fetchers_lock = threading.Lock()


def fetcher_for(settings: FetchSettings) -> Fetcher:
    """One pooled fetcher per process and settings, shared by a run's outlet tasks so
    that per-host limits hold across them (threads share it; each Dask worker process
    has its own)."""
    key = settings.model_dump_json()
    with _fetchers_lock:
        if key not in _fetchers:
            _fetchers[key] = Fetcher(settings)
        return _fetchers[key]


@contextmanager
def closing_fetchers() -> Iterator[None]:
    """Close this process's pooled connections when the run's outlets are done."""
    try:
        yield
    finally:
        with _fetchers_lock:
            for fetcher in _fetchers.values():
                fetcher.close()
            _fetchers.clear()


@dataclass
class FetchedBatch:
    pages: list[Page] = field(default_factory=list)
    records: list[FetchRecord] = field(default_factory=list)
    failed: list[tuple[Candidate, str]] = field(default_factory=list)  # candidate, error


def fetch_pages(candidates: list[Candidate], fetcher: Fetcher) -> FetchedBatch:
    """Fetch article pages one outlet's batch at a time; failures are kept, not raised."""
    batch = FetchedBatch()
    for candidate in candidates:
        responses = fetcher.get(candidate.url, outlet=candidate.outlet, kind="article")
        batch.records.extend(r.record for r in responses)
        final = responses[-1]
        if not final.ok:
            batch.failed.append((candidate, final.record.error_message or "fetch failed"))
            continue
        html, charset = decode_html(final.body, final.content_type)
        batch.pages.append(Page(
            url=final.record.final_url or candidate.url, outlet=candidate.outlet, html=html,
            charset=charset, fetched_at=final.record.fetched_at, candidate=candidate,
        ))
    return batch
