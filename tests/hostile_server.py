"""A loopback web server that misbehaves on purpose, for the fetcher's tests.

Each path is one behaviour of the real web: 429 and 503 with Retry-After, redirect loops,
bodies that trickle forever, headers that do, bodies that lie about their size or
decompress into a bomb, wrong
charsets, robots.txt rules, conditional GET, slow pages (to count concurrent requests),
redirects to another host. Every request is logged with its time and User-Agent.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile</title>
<item><title>One</title><link>/ok.html?utm_source=rss</link></item>
</channel></rss>"""
ARTICLE = "<html><head><meta charset='windows-1251'><title>Иран</title></head>" \
          "<body><p>Беспилотники над Киевом.</p></body></html>"
BOMB = gzip.compress(b"\0" * 50_000_000)
ROBOTS = "User-agent: *\nDisallow: /private/\n"


@dataclass
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    host: str
    user_agent: str


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: HostileServer

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def send(self, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        for key, value in headers.items():
            self.send_header(key, value)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        path = self.path.split("?")[0]
        hits = self.server.count(Hit(time.monotonic(), path, self.headers.get("Host", ""),
                                     self.headers.get("User-Agent", "")))
        if path == "/robots.txt":
            status, text = self.server.robots
            self.send(status, text.encode(), {"Content-Type": "text/plain"})
        elif path == "/slow.html":
            with self.server.concurrency():
                time.sleep(0.2)
            self.send(200, b"<p>slow</p>")
        elif path == "/moved":
            self.send(301, headers={"Location": "/ok.html"})
        elif path == "/to-loopback":
            port = self.server.server_address[1]
            self.send(302, headers={"Location": f"http://localhost:{port}/internal.html"})
        elif path == "/to-private":  # robots.txt disallows /private/
            self.send(302, headers={"Location": "/private/secret.html"})
        elif path == "/to-loopback-private":
            port = self.server.server_address[1]
            self.send(302, headers={"Location": f"http://localhost:{port}/private/secret.html"})
        elif path == "/wrong-charset.html":
            self.send(200, ARTICLE.encode("windows-1251"),
                      {"Content-Type": "text/html; charset=utf-8"})
        elif path == "/ok.html":
            self.send(200, ARTICLE.encode("windows-1251"),
                      {"Content-Type": "text/html; charset=windows-1251"})
        elif path == "/no-charset.html":
            self.send(200, ARTICLE.replace("<meta charset='windows-1251'>", "")
                      .encode("windows-1251"), {"Content-Type": "text/html"})
        elif path == "/private/secret.html":
            self.send(200, b"<p>secret</p>")
        elif path == "/feed.xml":
            etag = '"v1"'
            if self.headers.get("If-None-Match") == etag:
                self.send(304, headers={"ETag": etag})
            else:
                self.send(200, FEED, {"Content-Type": "application/rss+xml", "ETag": etag,
                                      "Last-Modified": formatdate(usegmt=True)})
        elif path == "/rate-limited.html":
            if hits == 1:
                self.send(429, b"slow down", {"Retry-After": "1"})
            else:
                self.send(200, b"<p>finally</p>")
        elif path == "/retry-date.html":
            if hits == 1:
                self.send(503, b"busy", {"Retry-After": formatdate(time.time() + 1, usegmt=True)})
            else:
                self.send(200, b"<p>back</p>")
        elif path == "/storm.html":
            self.send(503, b"down")
        elif path == "/bad-location":
            self.send(302, headers={"Location": "http://[::1/x"})
        elif path == "/moved-trickling":  # a redirect whose body never ends
            self.send_response(302)
            self.send_header("Location", "/ok.html")
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            try:
                for _ in range(600):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/loop":
            self.send(302, headers={"Location": "/loop"})
        elif path == "/huge-declared.html":
            self.send(200, b"<p>tiny</p>", {"Content-Length": "10000000000"})
        elif path == "/big.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_000 + b"</p>"
            try:
                for _ in range(200):  # 13 MB unless the client hangs up first
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.write(b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/bomb.html":
            self.send(200, BOMB, {"Content-Encoding": "gzip"})
        elif path == "/trickle.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            try:
                for _ in range(600):  # at most a minute, unless the client gives up first
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/slow-headers.html":
            # status line and headers a byte at a time: ~40 s, each byte well inside any
            # per-read timeout
            head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Padding: " + b"x" * 150
                    + b"\r\nContent-Length: 2\r\n\r\nok")
            try:
                for byte in head:
                    self.wfile.write(bytes([byte]))
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/data.json":
            self.send(200, b"{}", {"Content-Type": "application/json"})
        else:
            self.send(404, b"not found")


class HostileServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, robots: str = ROBOTS, robots_status: int = 200) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.robots = (robots_status, robots)
        self.hits: Counter[str] = Counter()
        self.log: list[Hit] = []
        self.active = 0
        self.most_active = 0  # the most requests to /slow.html in flight at once
        self._lock = threading.Lock()
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request, client_address) -> None:
        pass  # clients hanging up on a trickle or a bomb is the point of this server

    def count(self, hit: Hit) -> int:
        with self._lock:
            self.log.append(hit)
            self.hits[hit.path] += 1
            return self.hits[hit.path]

    def times(self, path: str) -> list[float]:
        with self._lock:
            return [hit.at for hit in self.log if hit.path == path]

    @contextmanager
    def concurrency(self) -> Iterator[None]:
        with self._lock:
            self.active += 1
            self.most_active = max(self.most_active, self.active)
        try:
            yield
        finally:
            with self._lock:
                self.active -= 1

    def __enter__(self) -> HostileServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


class FileServer(ThreadingHTTPServer):
    """Serves fixed documents: `files` maps a path to (body, headers). GET only; answers
    If-None-Match when a document has an ETag; counts hits per path."""

    daemon_threads = True

    def __init__(self, files: dict[str, tuple[bytes, dict[str, str]]]) -> None:
        super().__init__(("127.0.0.1", 0), FileHandler)
        self.files = files
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.url = f"http://127.0.0.1:{self.server_address[1]}"

    def count(self, path: str) -> None:
        with self._lock:
            self.hits[path] += 1

    def __enter__(self) -> FileServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


class FileHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: FileServer

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        path = self.path.split("?")[0]
        self.server.count(path)
        status, (body, headers) = 200, self.server.files.get(path, (b"", {}))
        if path not in self.server.files:
            status = 404
        elif headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
            status, body = 304, b""
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
