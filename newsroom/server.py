"""The demo newsroom's HTTP server on 127.0.0.1.

`newswatch demo` runs the real pipeline against it and the tests use it as their fixture
server. Everything is generated from `(now, seed)` and rendered once at start-up, so a
request is a dictionary lookup. `Newsroom.articles` is the ground truth to score the
pipeline against.

    python -m newsroom        # serve in the foreground, print the URL and outlets
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from newsroom.generator import OUTLETS, TRACKED, generate
from newsroom.render import SOURCE_PATHS, Resource, build_site


def not_modified(resource: Resource, headers: Any) -> bool:
    """RFC 9110: If-None-Match wins; If-Modified-Since only when it is absent."""
    if resource.etag is None:
        return False
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or resource.etag in tags
    since = headers.get("If-Modified-Since")
    if since and resource.last_modified is not None:
        try:
            return resource.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


class Newsroom:
    """A running demo newsroom. Use as a context manager or call `stop()`."""

    def __init__(self, now: datetime, seed: int, latency: float) -> None:
        self.now = now
        self.seed = seed
        self.latency = latency
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status) in order
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._records = generate(now, seed)
        self.articles: list[dict[str, Any]] = [r.truth(self.url) for r in self._records]
        self._site = build_site(self._records, self.url, OUTLETS, TRACKED)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name="newsroom", daemon=True)
        self._thread.start()

    def outlets_config(self) -> list[dict[str, Any]]:
        """The outlets in the `outlets.yaml` schema, pointing at this server."""
        return [{"name": o.name, "display_name": o.display_name, "domain": "127.0.0.1",
                 "language": o.language, "country": o.country,
                 "sources": [{"type": "feed" if o.source in ("rss", "atom") else "sitemap",
                              "url": f"{self.url}/{o.name}/{SOURCE_PATHS[o.source]}"}]}
                for o in OUTLETS]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Newsroom:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _log(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, path, status))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        newsroom = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "DemoNewsroom/1.0"
            disable_nagle_algorithm = True  # else keep-alive responses stall ~40 ms each

            def do_GET(self) -> None:
                self.answer(send_body=True)

            def do_HEAD(self) -> None:
                self.answer(send_body=False)

            def answer(self, send_body: bool) -> None:
                if newsroom.latency:
                    time.sleep(newsroom.latency)
                path = self.path.split("?", 1)[0].split("#", 1)[0]
                resource = newsroom._site.get(path)
                if resource is None:
                    status, body, kind = 404, b"Not found\n", "text/plain; charset=utf-8"
                elif not_modified(resource, self.headers):
                    status, body, kind = 304, b"", resource.content_type
                else:
                    status, body, kind = 200, resource.body, resource.content_type
                newsroom._log(self.command, self.path, status)
                self.send_response(status)
                if status != 304:
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                if resource is not None and resource.etag:
                    self.send_header("ETag", resource.etag)
                    self.send_header("Last-Modified", format_datetime(
                        resource.last_modified.astimezone(UTC), usegmt=True))
                    self.send_header("Cache-Control", "max-age=60")
                self.end_headers()
                if send_body and status != 304:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the request log is `Newsroom.requests`

        return Handler


def start_newsroom(now: datetime | None = None, seed: int = 7,
                   latency: float = 0.0) -> Newsroom:
    """Generate the articles for `(now, seed)` and serve them on 127.0.0.1 (a free port).

    `now` defaults to the current hour (UTC); a naive `now` is taken as UTC. `latency`
    is slept before every response, to make the server slow on purpose.
    """
    if now is None:
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return Newsroom(now.astimezone(UTC), seed, latency)


def main() -> None:
    with start_newsroom() as newsroom:
        print(f"Demo newsroom at {newsroom.url} ({len(newsroom.articles)} articles)")
        print(f"  {newsroom.url}/robots.txt")
        for outlet in newsroom.outlets_config():
            count = sum(a["outlet"] == outlet["name"] for a in newsroom.articles)
            print(f"  {outlet['name']:<20} {outlet['language']}  {count:>4} articles  "
                  f"{outlet['sources'][0]['url']}")
        print("Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopped", file=sys.stderr)

