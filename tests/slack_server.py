"""A Slack-compatible Web API and incoming-webhook server on 127.0.0.1, for tests.

Point slack-sdk at it with `WebClient(token, base_url=server.url)` or
`WebhookClient(server.webhook_url("ok"))`. As in slack-sdk's own mock server, the
behaviour is picked by the bot token:

| token                   | behaviour                                                           |
| ----------------------- | ------------------------------------------------------------------- |
| `xoxb-ok`               | every method succeeds; files_upload_v2 works end to end             |
| `xoxb-ratelimited`      | `chat.postMessage` answers 429 + `Retry-After: 1` every other call  |
|                         | (so each fresh post is limited once, its retry succeeds)            |
| `xoxb-ratelimited-long` | `chat.postMessage` always answers 429 + `Retry-After: 30`           |
| `xoxb-nofiles`          | posting works; `files.*` answers `missing_scope` (no files:write)   |
| `xoxb-upload-broken`    | posting works; the upload URL answers HTTP 500                      |
| `xoxb-500`              | every method answers HTTP 500 with a non-JSON body                  |
| `xoxb-500-after-post`   | `chat.postMessage` stores the message, then answers HTTP 500        |
| `xoxb-slow`             | `chat.postMessage` stores the message, then answers only after      |
|                         | `SLOW_SECONDS` (a client killed meanwhile never learns its ts)      |
| `xoxb-invalid`, other   | `{"ok": false, "error": "invalid_auth"}`                            |

With a working token, the channel `#missing` gives `channel_not_found` and `#private`
gives `not_in_channel`; other names are answered with a stable fake channel ID.

Posted messages are kept per channel ID with their `metadata` (`server.messages`), and
`conversations.history` (top-level messages), `conversations.replies` (a thread) and
`conversations.list` (the channels posted to) read them back as Slack does: newest first,
`oldest` exclusive, `limit` with a `next_cursor`, metadata only with `include_all_metadata`.

Webhooks: `/webhook/ok` -> 200 "ok", `/webhook/gone` -> 404 "no_service",
`/webhook/500` -> 500 "internal_error".

Every request is recorded (`server.requests`) with its path, method, token and body.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

WORKING_TOKENS = {
    "xoxb-ok",
    "xoxb-ratelimited",
    "xoxb-ratelimited-long",
    "xoxb-nofiles",
    "xoxb-upload-broken",
    "xoxb-500-after-post",
    "xoxb-slow",
}
SLOW_SECONDS = 30.0
CHANNEL_ERRORS = {"#missing": "channel_not_found", "#private": "not_in_channel"}
WEBHOOKS = {"ok": (200, "ok"), "gone": (404, "no_service"), "500": (500, "internal_error")}


@dataclass
class Recorded:
    """One request the server received."""

    path: str
    method: str | None  # the Web API method (`chat.postMessage`), None for other paths
    token: str | None
    body: dict[str, Any]  # the form or JSON fields; uploads keep their bytes under "data"


def channel_id(channel: str) -> str:
    """A stable fake ID for a channel name; an ID (C...) is kept as it is."""
    if channel.startswith(("C", "G", "D")) and channel[1:].isalnum():
        return channel
    return "C" + hashlib.sha1(channel.encode()).hexdigest()[:10].upper()


class SlackServer:
    """The server; a context manager that starts and stops it on a port picked by the OS."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._calls: Counter[tuple[str, str]] = Counter()
        self._ids = itertools.count(1)
        self.messages: dict[str, list[dict[str, Any]]] = {}  # channel ID -> oldest first
        self._names: dict[str, str] = {}  # channel ID -> name, for conversations.list
        self._closing = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        """The Web API base URL, for slack-sdk's `base_url`."""
        return f"{self.base}/api/"

    def webhook_url(self, name: str) -> str:
        return f"{self.base}/webhook/{name}"

    def calls(
        self, method: str | None = None, *, token: str | None = None, path: str | None = None
    ) -> list[Recorded]:
        """The recorded requests, filtered by Web API method, token and/or path."""
        with self._lock:
            found = list(self.requests)
        return [
            r
            for r in found
            if (method is None or r.method == method)
            and (token is None or r.token == token)
            and (path is None or r.path == path)
        ]

    def __enter__(self) -> SlackServer:
        self._thread.start()
        return self

    def in_channel(self, channel: str) -> list[dict[str, Any]]:
        """The messages posted to `channel` (a name or an ID), oldest first."""
        with self._lock:
            return list(self.messages.get(channel_id(channel), []))

    def posted(self, event_type: str, key: str, value: str) -> list[dict[str, Any]]:
        """The stored messages whose metadata carries `key: value` under `event_type`."""
        with self._lock:
            stored = [m for messages in self.messages.values() for m in messages]
        return [
            m
            for m in stored
            if (m.get("metadata") or {}).get("event_type") == event_type
            and (m["metadata"].get("event_payload") or {}).get(key) == value
        ]

    def __exit__(self, *exc_info: object) -> None:
        self._closing.set()  # a held `xoxb-slow` answer returns at once
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def _record(self, request: Recorded) -> int:
        """Keep the request; return how often this token has called this method so far."""
        with self._lock:
            self.requests.append(request)
            key = (request.token or "", request.path)
            self._calls[key] += 1
            return self._calls[key]

    def _next_id(self) -> int:
        with self._lock:
            return next(self._ids)

    def answer(
        self, path: str, token: str | None, body: dict[str, Any]
    ) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for one request."""
        method = path.removeprefix("/api/") if path.startswith("/api/") else None
        count = self._record(Recorded(path, method, token, body))
        if path.startswith("/webhook/"):
            status, text = WEBHOOKS.get(path.removeprefix("/webhook/"), (404, "no_service"))
            return status, {"Content-Type": "text/plain"}, text.encode()
        if path.startswith("/upload/"):
            if path.split("/")[2] == "xoxb-upload-broken":
                return 500, {"Content-Type": "text/plain"}, b"upload failed"
            return 200, {"Content-Type": "text/plain"}, f"OK - {len(body['data'])}".encode()
        if method is None:
            return 404, {"Content-Type": "text/plain"}, b"not found"
        if token == "xoxb-500":
            return 500, {"Content-Type": "text/html"}, b"<html>Internal Server Error</html>"
        if method == "chat.postMessage" and token == "xoxb-ratelimited" and count % 2 == 1:
            return 429, {"Retry-After": "1"}, _json({"ok": False, "error": "ratelimited"})
        if method == "chat.postMessage" and token == "xoxb-ratelimited-long":
            return 429, {"Retry-After": "30"}, _json({"ok": False, "error": "ratelimited"})
        answer = self._api(method, token, body)
        if method == "chat.postMessage" and token == "xoxb-500-after-post":
            return 500, {"Content-Type": "text/html"}, b"<html>Internal Server Error</html>"
        if method == "chat.postMessage" and token == "xoxb-slow":
            self._closing.wait(SLOW_SECONDS)
        return 200, {}, _json(answer)

    def _api(self, method: str, token: str | None, body: dict[str, Any]) -> dict[str, Any]:
        if token is None:
            return {"ok": False, "error": "not_authed"}
        if token not in WORKING_TOKENS:
            return {"ok": False, "error": "invalid_auth"}
        if method.startswith("files.") and token == "xoxb-nofiles":
            return {
                "ok": False,
                "error": "missing_scope",
                "needed": "files:write",
                "provided": "chat:write",
            }
        if method == "auth.test":
            return {"ok": True, "user_id": "U0BOT", "team_id": "T0TEAM", "bot_id": "B0BOT"}
        if method == "chat.postMessage":
            channel = str(body.get("channel", ""))
            if channel in CHANNEL_ERRORS:
                return {"ok": False, "error": CHANNEL_ERRORS[channel]}
            # a real clock, so that `oldest` filters as in Slack; the counter keeps ts unique
            ts = f"{int(time.time())}.{self._next_id():06d}"
            message = {
                "type": "message",
                "ts": ts,
                "text": body.get("text"),
                "blocks": body.get("blocks"),
                "thread_ts": body.get("thread_ts"),
                "metadata": body.get("metadata"),
            }
            with self._lock:
                self.messages.setdefault(channel_id(channel), []).append(message)
                self._names.setdefault(channel_id(channel), channel.removeprefix("#"))
            return {"ok": True, "channel": channel_id(channel), "ts": ts, "message": message}
        if method in ("conversations.history", "conversations.replies"):
            return self._history(method, body)
        if method == "conversations.list":
            with self._lock:
                channels = [{"id": i, "name": n} for i, n in self._names.items()]
            return {"ok": True, "channels": channels, "response_metadata": {"next_cursor": ""}}
        if method == "files.getUploadURLExternal":
            file_id = f"F{self._next_id():08d}"
            # the token rides in the upload path so the upload step can misbehave per token
            return {
                "ok": True,
                "file_id": file_id,
                "upload_url": f"{self.base}/upload/{token}/{file_id}",
            }
        if method == "files.completeUploadExternal":
            files = json.loads(body.get("files", "[]"))
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
        return {"ok": False, "error": "unknown_method"}


    def _history(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        channel = str(body.get("channel", ""))
        if not (channel.startswith(("C", "G", "D")) and channel[1:].isalnum()):
            return {"ok": False, "error": "channel_not_found"}  # history wants an ID
        with self._lock:
            stored = list(self.messages.get(channel, []))
        if method == "conversations.history":
            found = [m for m in stored if m["thread_ts"] in (None, m["ts"])]
        else:
            thread = str(body.get("ts"))
            found = [m for m in stored if m["ts"] == thread or m["thread_ts"] == thread]
        oldest = float(body.get("oldest") or 0)
        found = [m for m in reversed(found) if float(m["ts"]) > oldest]
        start = int(body.get("cursor") or 0)
        limit = int(body.get("limit") or 100)
        page = found[start : start + limit]
        if str(body.get("include_all_metadata")).lower() not in ("1", "true"):
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = start + limit < len(found)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }


def _json(data: dict[str, Any]) -> bytes:
    return json.dumps(data).encode()


def _parse_body(path: str, content_type: str, raw: bytes) -> dict[str, Any]:
    if path.startswith("/upload/"):  # raw file bytes, whatever the Content-Type says
        return {"data": raw}
    if content_type.startswith("application/json"):
        return json.loads(raw or b"{}")
    if content_type.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(raw.decode()))
    return {"data": raw}


def _handler_for(server: SlackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            parts = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            body = dict(parse_qsl(parts.query))
            body.update(_parse_body(parts.path, self.headers.get("Content-Type", ""), raw))
            auth = self.headers.get("Authorization", "")
            token = auth.removeprefix("Bearer ") if auth.startswith("Bearer ") else None
            status, headers, payload = server.answer(parts.path, token, body)
            self.send_response(status)
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            # A client that gave up waiting (the slow token) is part of the tests.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(payload)

        do_GET = do_POST

        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

    return Handler


@pytest.fixture(scope="session")
def slack_server() -> Iterator[SlackServer]:
    """One running Slack-compatible server for the whole test session."""
    with SlackServer() as server:
        yield server
