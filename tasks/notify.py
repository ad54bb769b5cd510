"""Slack delivery of spike alerts: Block Kit messages sent with slack-sdk.

A bot token posts with `chat.postMessage` (follow-ups go into the episode's thread) and
uploads a PNG volume chart into the thread where the token has `files:write`; an incoming
webhook posts the same blocks without thread or chart. `send` never raises for a
Slack-side failure: it returns a `Delivery` saying whether a later retry can help, which
the outbox records.

Each post carries the outbox id in its message metadata, so `find_posted` can tell
whether an earlier attempt reached Slack before the outbox posts again. A webhook cannot
be asked: its delivery is at least once when a run dies between Slack's answer and the
outbox's record.
"""

from __future__ import annotations

import logging
import os
import re
import struct
import time
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.client import HTTPException
from typing import Any
from urllib.parse import quote, urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import (
    ConnectionErrorRetryHandler,
    FixedValueRetryIntervalCalculator,
    HttpRequest,
    HttpResponse,
    RateLimitErrorRetryHandler,
    RetryHandler,
    RetryState,
)
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from tasks.config import SlackSettings
from tasks.errors import ConfigError

log = logging.getLogger("newswatch.notify")

TIMEOUT_SECONDS = 15
MAX_RETRY_AFTER = 5.0  # wait inline for a 429 only this long; longer waits are the outbox's job
MAX_HEADLINES = 10
MAX_TITLE = 200
MAX_URL = 1000
SPARK_POINTS = 24
CHART_POINTS = 168
SPARKS = "▁▂▃▄▅▆▇█"
MAX_CO_TOPICS = 5
# Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks)
MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_TEXT = 3000  # a section's text, a context element's text
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK = 40_000
# the units mrkdwn may be cut between: a `<...>` link or mention, an escape, one character
MRKDWN_ATOMS = re.compile(r"<[^<>]*>|&(?:amp|lt|gt);|.", re.S)
CHANNEL_ID = re.compile(r"[CGD][A-Z0-9]{2,}")
HISTORY_PAGES = 50  # of 200 messages: how far back `find_posted` looks at most
CLOCK_SKEW = timedelta(minutes=5)  # our clock against Slack's, for `oldest`
# Slack error codes after which the same request may succeed later
RETRYABLE_ERRORS = {
    "ratelimited",
    "internal_error",
    "fatal_error",
    "service_unavailable",
    "request_timeout",
}
# what to do about the errors an operator can fix; `{channel}` is the configured channel
EXPLAINED_ERRORS = {
    "invalid_auth": "Slack rejected the bot token (invalid_auth): check the token",
    "not_authed": "no Slack bot token was sent (not_authed): set the token",
    "token_revoked": "the Slack bot token was revoked (token_revoked): issue a new one",
    "token_expired": "the Slack bot token expired (token_expired): issue a new one",
    "account_inactive": "the Slack bot token belongs to a deleted app or user (account_inactive)",
    "channel_not_found": "Slack channel {channel!r} was not found (channel_not_found): check "
    "the channel name or ID; for a private channel, invite the bot first",
    "not_in_channel": "the bot is not a member of Slack channel {channel!r} (not_in_channel): "
    "invite it with /invite @<app name>",
    "is_archived": "Slack channel {channel!r} is archived (is_archived): pick another channel",
    "missing_scope": "the Slack bot token lacks the chat:write scope (missing_scope): add the "
    "scope and reinstall the app",
}
WEBHOOK_ERRORS = {
    "no_service": "the Slack webhook no longer exists (no_service): the app was removed or the "
    "webhook revoked; create a new incoming webhook",
    "invalid_token": "the Slack webhook's token is invalid (invalid_token): create a new webhook",
    "channel_not_found": "the Slack webhook's channel was deleted (channel_not_found)",
    "channel_is_archived": "the Slack webhook's channel is archived (channel_is_archived)",
}


@dataclass
class SpikeAlert:
    """One alert as the alerts flow hands it over, built from the warehouse."""

    alert_id: str  # stable, e.g. f"{topic}:{bucket_start:%Y%m%dT%H%M}"
    topic: str
    topic_label: str
    bucket_start: datetime
    bucket_minutes: int
    observed: float
    expected: float
    score: float
    articles: int
    stories: int
    outlets: int
    headlines: list[dict[str, Any]]  # {"title", "url", "outlet", "published_at"}, best first
    volume: list[tuple[datetime, float]]  # the topic's recent volume per bucket, oldest first
    kind: str = "alert"  # "alert" | "update" (follow-up as the episode grows) | "ended"
    thread_ts: str | None = None  # ts of the episode's first message, for follow-ups
    caveat: str | None = None  # e.g. our own collection dipped: read the numbers with care
    co_topics: list[tuple[str, int]] = field(default_factory=list)  # (label, stories), most first
    query: str | None = None  # DuckDB SQL that returns `observed`


@dataclass
class SlackTarget:
    """Where to send: a bot token and channel, or an incoming-webhook URL."""

    token: str | None
    channel: str | None
    webhook_url: str | None
    base_url: str | None  # the Web API base, e.g. a test server's; None means slack.com


@dataclass
class Delivery:
    """What happened to one send, for the outbox.

    `ts` and `channel` (the channel ID) identify the posted message; a webhook returns
    neither. `retryable` says whether sending again later may succeed.
    """

    ok: bool
    ts: str | None
    channel: str | None
    error: str | None
    retryable: bool


def resolve_target(
    settings: SlackSettings, env: Mapping[str, str] = os.environ, operations: bool = False
) -> SlackTarget | None:
    """The Slack target from the environment, or None when Slack is not configured.

    A bot token (from its env var, else from the Prefect Secret block named in the
    settings) with a channel wins over a webhook URL. A token without a channel is a
    `ConfigError`. For `operations` alerts the bot posts to the operations channel when
    one is set (a webhook posts where it was made for).
    """

    def read(name: str) -> str | None:
        return env.get(name, "").strip() or None

    token = read(settings.bot_token_env)
    if token is None and settings.secret_block:
        token = secret_token(settings.secret_block)
    if token is not None:
        channel = read(settings.channel_env)
        if operations:
            channel = read(settings.ops_channel_env) or channel
        if channel is None:
            raise ConfigError(
                f"a Slack bot token is set but {settings.channel_env} is not: set it to the "
                "channel to post alerts to, e.g. #news-alerts or C0123456789"
            )
        return SlackTarget(token, channel, None, read(settings.base_url_env))
    webhook_url = read(settings.webhook_url_env)
    if webhook_url is not None:
        return SlackTarget(None, None, webhook_url, None)
    return None


def secret_token(block_name: str) -> str:
    """The bot token kept in a Prefect Secret block."""
    # imported here: Prefect is slow to import and only this path needs it
    from prefect.blocks.system import Secret

    try:
        value = Secret.load(block_name).get()
    except Exception as exc:  # not found, no Prefect API, wrong block type: all one remedy
        raise ConfigError(
            f"Prefect Secret block {block_name!r} could not be loaded ({exc}): create it, "
            "or unset slack.secret_block in settings.yaml"
        ) from exc
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"Prefect Secret block {block_name!r} does not hold a token string")
    return value.strip()


def escape(text: object) -> str:
    """Text made safe for Slack mrkdwn: no mentions, links or control sequences survive."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: object, label: str) -> str:
    """An mrkdwn link, or the escaped label alone when the URL is not plain http(s)."""
    url = str(url or "").strip()
    # `|`, `<`, `>` and spaces would end or split the `<url|label>` sequence
    safe = escape(quote(url, safe="/:?#[]@!$&'()*+,;=%~-._"))
    if urlsplit(url).scheme.lower() not in ("http", "https") or len(safe) > MAX_URL:
        return escape(label)
    return f"<{safe}|{escape(label)}>"


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def clip(text: str, limit: int) -> str:
    """mrkdwn cut to at most `limit` characters, never inside a link or an escape."""
    if len(text) <= limit:
        return text
    kept, used = [], 0
    for atom in MRKDWN_ATOMS.findall(text):
        if used + len(atom) > limit - 1:
            break
        kept.append(atom)
        used += len(atom)
    return "".join(kept) + "…"


def fit(message: dict[str, Any]) -> dict[str, Any]:
    """The message within Block Kit's limits; the last block (the footer) is kept."""
    blocks = message["blocks"]
    if len(blocks) > MAX_BLOCKS:
        blocks = blocks[: MAX_BLOCKS - 1] + blocks[-1:]
    fitted = []
    for block in blocks:
        block = dict(block)
        if block["type"] == "header":
            block["text"] = {**block["text"], "text": shorten(block["text"]["text"], MAX_HEADER)}
        elif "text" in block:
            block["text"] = {**block["text"], "text": clip(block["text"]["text"], MAX_TEXT)}
        if "elements" in block:
            block["elements"] = [
                {**e, "text": clip(e["text"], MAX_TEXT)}
                for e in block["elements"][:MAX_CONTEXT_ELEMENTS]
            ]
        fitted.append(block)
    return {**message, "text": clip(message["text"], MAX_FALLBACK), "blocks": fitted}


def number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {words or word + 's'}"


def as_utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def span(minutes: int) -> str:
    """How long `minutes` buckets are, in words: "hour", "6 hours", "30 minutes"."""
    if minutes == 60:
        return "hour"
    if minutes == 1440:
        return "day"
    if minutes % 60 == 0:
        return f"{minutes // 60} hours"
    return f"{minutes} minutes"


def period(alert: SpikeAlert) -> str:
    """The bucket in words: "the hour to 14:00 UTC on Fri 13 Jun"."""
    end = as_utc(alert.bucket_start) + timedelta(minutes=alert.bucket_minutes)
    return f"the {span(alert.bucket_minutes)} to {end:%H:%M} UTC on {end:%a %d %b}"


def sparkline(values: Sequence[float]) -> str:
    """Values as Unicode block characters, scaled from zero to the largest."""
    top = max(values, default=0)
    if top <= 0:
        return SPARKS[0] * len(values)
    return "".join(
        SPARKS[min(len(SPARKS) - 1, int(v / top * (len(SPARKS) - 1) + 0.5))] for v in values
    )


def headline_block(headline: Mapping[str, Any]) -> dict[str, Any]:
    title = shorten(str(headline.get("title") or "(no title)"), MAX_TITLE)
    details = [escape(shorten(str(headline["outlet"]), 80))] if headline.get("outlet") else []
    published = headline.get("published_at")
    if isinstance(published, str):
        try:
            published = datetime.fromisoformat(published)
        except ValueError:
            published = None
    if isinstance(published, datetime):
        details.append(f"{as_utc(published):%d %b %H:%M} UTC")
    text = f"*{link(headline.get('url'), title)}*"
    if details:
        text += "\n" + " · ".join(details)
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def build_message(alert: SpikeAlert) -> dict[str, Any]:
    """The Slack message for an alert: `{"text": fallback, "blocks": [...]}`.

    All feed and config text is escaped, and the message fits Block Kit's limits. An
    "update" reads as the spike continuing, an "ended" one as the topic back to normal
    (without headlines).
    """
    label = shorten(alert.topic_label, 100)
    observed, expected, score = (
        number(alert.observed),
        f"{alert.expected:.1f}",
        f"{alert.score:.1f}",
    )
    if alert.kind == "alert":
        emoji, title = ":rotating_light:", f"{label} is spiking"
    elif alert.kind == "update":
        emoji, title = ":arrow_up:", f"{label}: the spike continues"
    elif alert.kind == "ended":
        emoji, title = ":white_check_mark:", f"{label}: back to normal"
    else:
        raise ValueError(
            f"alert {alert.alert_id}: kind must be alert, update or ended, not {alert.kind!r}"
        )
    when = period(alert)  # digits and words only, safe in mrkdwn as it is
    summary = f"*{observed} stories* in {when} vs *{expected}* expected, score *{score}*"
    counts = " / ".join(
        [
            plural(alert.articles, "article"),
            plural(alert.stories, "story", "stories"),
            plural(alert.outlets, "outlet"),
        ]
    )
    blocks: list[dict[str, Any]] = [
        {
            "type": "header",
            "text": {"type": "plain_text", "text": f"{emoji} {title}", "emoji": True},
        },
        {"type": "section", "text": {"type": "mrkdwn", "text": f"{summary}\n{counts}"}},
    ]
    values = [v for _, v in alert.volume[-SPARK_POINTS:]]
    if values:
        blocks.append(
            {
                "type": "context",
                "elements": [
                    {
                        "type": "mrkdwn",
                        "text": (
                            f"`{sparkline(values)}` stories per {span(alert.bucket_minutes)}, "
                            f"last {plural(len(values), 'bucket')}"
                        ),
                    }
                ],
            }
        )
    if alert.caveat:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": f":warning: {escape(alert.caveat)}"}]})
    if alert.co_topics:
        also = ", ".join(f"{escape(shorten(str(label), 60))} ({count})"
                         for label, count in alert.co_topics[:MAX_CO_TOPICS])
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": f"Also in these stories: {also}"}]})
    if alert.kind != "ended" and alert.headlines:
        blocks.append({"type": "divider"})
        blocks.extend(headline_block(h) for h in alert.headlines[:MAX_HEADLINES])
    if alert.query:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": (
            f"The count in DuckDB (`newswatch sql`):\n```{escape(alert.query)}```")}})
    blocks.append(
        {
            "type": "context",
            "elements": [
                {"type": "mrkdwn", "text": f"Newswatch · alert `{escape(alert.alert_id)}`"}
            ],
        }
    )
    fallback = f"{title}: {observed} stories in {when} vs {expected} expected, score {score}"
    return fit({"text": escape(fallback), "blocks": blocks})


def render_chart(
    values: Sequence[float], expected: float | None = None, width: int = 600, height: int = 150
) -> bytes:
    """A PNG bar chart of `values`, the last bar (the bucket alerted on) in red and a
    dashed line at `expected`; pure Python, so no plotting library is needed."""
    background, bar, spike, line = (
        b"\xff\xff\xff",
        b"\x9a\xa8\xb8",
        b"\xd9\x3b\x3b",
        b"\x33\x33\x33",
    )
    pad = 6
    plot = height - 2 * pad
    top = max(max(values, default=0), expected or 0) or 1
    rows = [bytearray(background * width) for _ in range(height)]
    slot = (width - 2 * pad) / max(len(values), 1)
    gap = 1 if slot >= 3 else 0
    for i, value in enumerate(values):
        x0 = pad + round(i * slot)
        x1 = max(x0 + 1, pad + round((i + 1) * slot) - gap)
        colour = spike if i == len(values) - 1 else bar
        for y in range(height - pad - round(max(value, 0) / top * plot), height - pad):
            rows[y][x0 * 3 : x1 * 3] = colour * (x1 - x0)
    if expected:
        y = min(height - pad - 1, height - pad - round(expected / top * plot))
        for x in range(pad, width - pad):
            if (x // 6) % 2 == 0:
                rows[y][x * 3 : x * 3 + 3] = line
    rows[height - pad][pad * 3 : (width - pad) * 3] = line * (width - 2 * pad)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    pixels = b"".join(b"\x00" + bytes(row) for row in rows)  # filter type 0 per row
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(pixels, 9))
        + chunk(b"IEND", b"")
    )


class ShortRateLimitRetry(RateLimitErrorRetryHandler):
    """slack-sdk's 429 handler, waiting exactly Retry-After and only when that is short:
    a flow run should not sleep for a minute when the outbox can send again later."""

    def __init__(self, max_retry_count: int = 1, max_wait: float = MAX_RETRY_AFTER):
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        wait = retry_after(response.headers) if response is not None else None
        return (
            super()._can_retry(state=state, request=request, response=response, error=error)
            and wait is not None
            and wait <= self.max_wait
        )

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        wait = retry_after(response.headers) if response is not None else None
        state.next_attempt_requested = True
        time.sleep(wait or 0)
        state.increment_current_attempt()


def retry_after(headers: Mapping[str, Any]) -> float | None:
    """Seconds from a Retry-After header (values may be lists, as slack-sdk keeps them)."""
    for name, value in headers.items():
        if name.lower() == "retry-after":
            value = value[0] if isinstance(value, list) else value
            try:
                return float(value)
            except (TypeError, ValueError):
                return None
    return None


def posts(request: HttpRequest) -> bool:
    return urlsplit(request.url).path.endswith("/chat.postMessage")


def refused(error: Exception | None) -> bool:
    """The connection was refused: the request never reached Slack."""
    return isinstance(getattr(error, "reason", error), ConnectionRefusedError)


class ReadServerErrorRetry(ServerErrorRetryHandler):
    """5xx retried inline, except for a post: Slack may have stored the message before
    failing, so that one goes back to the outbox, which looks it up before posting again."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return not posts(request) and super()._can_retry(
            state=state, request=request, response=response, error=error
        )


class SafeConnectionRetry(ConnectionErrorRetryHandler):
    """A dropped connection retried inline, a post only when it was refused outright: a
    reset after the request went out may follow a stored message."""

    def __init__(self, webhook: bool) -> None:
        super().__init__(
            max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0.5)
        )
        self.webhook = webhook

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        posting = self.webhook or posts(request)
        return (not posting or refused(error)) and super()._can_retry(
            state=state, request=request, response=response, error=error
        )


def retry_handlers(webhook: bool = False) -> list[RetryHandler]:
    """slack-sdk's handlers: a short 429 wait, and retries that cannot post twice."""
    handlers: list[RetryHandler] = [
        ShortRateLimitRetry(max_retry_count=1),
        SafeConnectionRetry(webhook),
    ]
    if not webhook:
        handlers.append(
            ReadServerErrorRetry(
                max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0.5)
            )
        )
    return handlers


def api_failure(exc: SlackApiError, channel: str | None) -> Delivery:
    """A Delivery for a Web API error, with what to do about it."""
    status = exc.response.status_code
    data = exc.response.data
    code = data.get("error") if isinstance(data, dict) else None
    if status == 429 or code == "ratelimited":
        wait = retry_after(exc.response.headers)
        after = f" (retry after {number(wait)} s)" if wait is not None else ""
        return Delivery(False, None, None, f"Slack rate-limited the request{after}", True)
    if status >= 500:
        return Delivery(False, None, None, f"Slack answered HTTP {status}; try again later", True)
    if code in RETRYABLE_ERRORS:
        return Delivery(False, None, None, f"Slack had a temporary problem ({code})", True)
    message = EXPLAINED_ERRORS.get(
        str(code), "Slack refused the message for channel {channel!r}: " + str(code)
    )
    return Delivery(False, None, None, message.format(channel=channel), False)


def connection_failure(exc: Exception, where: str) -> Delivery:
    return Delivery(False, None, None, f"could not reach {where}: {exc}", True)


def api_base(base_url: str | None) -> str:
    base = base_url or WebClient.BASE_URL
    return base if base.endswith("/") else base + "/"  # urljoin drops a last segment without it


def web_client(target: SlackTarget) -> WebClient:
    return WebClient(
        token=target.token,
        base_url=api_base(target.base_url),
        timeout=TIMEOUT_SECONDS,
        retry_handlers=retry_handlers(),
    )


def send(
    alert: SpikeAlert, target: SlackTarget, metadata: dict[str, Any] | None = None
) -> Delivery:
    """Send one alert, with `metadata` on a bot-token post; a Slack failure comes back as
    `Delivery(ok=False, ...)`, never raised."""
    message = build_message(alert)
    if target.token and target.channel:
        return post(alert, message, target, metadata)
    if target.webhook_url:
        return post_webhook(message, target.webhook_url)
    return Delivery(
        False,
        None,
        None,
        "the Slack target has neither a bot token and channel nor a webhook URL",
        False,
    )


def post(
    alert: SpikeAlert,
    message: dict[str, Any],
    target: SlackTarget,
    metadata: dict[str, Any] | None = None,
) -> Delivery:
    client = web_client(target)
    try:
        response = client.chat_postMessage(
            channel=str(target.channel),
            text=message["text"],
            blocks=message["blocks"],
            thread_ts=alert.thread_ts,
            metadata=metadata,
            unfurl_links=False,
            unfurl_media=False,
        )
    except SlackApiError as exc:
        return api_failure(exc, target.channel)
    except (OSError, HTTPException) as exc:
        return connection_failure(exc, "the Slack API")
    channel, ts = response["channel"], response["ts"]
    upload_chart(client, alert, channel, thread_ts=alert.thread_ts or ts)
    return Delivery(True, ts, channel, None, False)


def upload_chart(client: WebClient, alert: SpikeAlert, channel: str, thread_ts: str) -> None:
    """Upload the volume chart into the alert's thread; a failure is logged, not raised,
    since the alert itself is already out."""
    values = [v for _, v in alert.volume[-CHART_POINTS:]]
    if len(values) < 2:
        return
    title = f"{alert.topic_label}: stories per {span(alert.bucket_minutes)}"
    try:
        client.files_upload_v2(
            channel=channel,
            thread_ts=thread_ts,
            file=render_chart(values, alert.expected),
            filename=f"{alert.topic}-{as_utc(alert.bucket_start):%Y%m%dT%H%M}.png",
            title=title,
            alt_txt=f"{title}, last {len(values)} buckets; the latest (red) has "
            f"{number(values[-1])} against {alert.expected:.1f} expected",
        )
    except SlackApiError as exc:
        log.warning(
            "alert %s went out without its chart: Slack said %s",
            alert.alert_id,
            exc.response.get("error") or f"HTTP {exc.response.status_code}",
        )
    except (SlackClientError, OSError, HTTPException) as exc:
        log.warning("alert %s went out without its chart: %s", alert.alert_id, exc)


def post_webhook(message: dict[str, Any], url: str) -> Delivery:
    client = WebhookClient(url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers(True))
    try:
        response = client.send(
            text=message["text"], blocks=message["blocks"], unfurl_links=False, unfurl_media=False
        )
    except (OSError, HTTPException) as exc:
        # the URL is a secret: name only its host
        return connection_failure(exc, f"the Slack webhook at {urlsplit(url).hostname}")
    if response.status_code == 200:
        return Delivery(True, None, None, None, False)
    body = (response.body or "").strip()
    if response.status_code == 429 or response.status_code >= 500:
        return Delivery(
            False,
            None,
            None,
            f"the Slack webhook answered HTTP {response.status_code} {body}",
            True,
        )
    message_text = WEBHOOK_ERRORS.get(
        body, f"the Slack webhook refused the message (HTTP {response.status_code} {body})"
    )
    return Delivery(False, None, None, message_text, False)


def post_message(
    message: dict[str, Any], target: SlackTarget, metadata: dict[str, Any] | None = None
) -> Delivery:
    """Post a prepared message (text and blocks), as the daily digest does."""
    if target.webhook_url and not (target.token and target.channel):
        return post_webhook(message, target.webhook_url)
    try:
        response = web_client(target).chat_postMessage(
            channel=str(target.channel),
            text=message["text"],
            blocks=message["blocks"],
            metadata=metadata,
            unfurl_links=False,
            unfurl_media=False,
        )
    except SlackApiError as exc:
        return api_failure(exc, target.channel)
    except (OSError, HTTPException) as exc:
        return connection_failure(exc, "the Slack API")
    return Delivery(True, response["ts"], response["channel"], None, False)


def outbox_metadata(event_type: str, key: str, value: str) -> dict[str, Any]:
    return {"event_type": event_type, "event_payload": {key: value}}


def find_posted(
    target: SlackTarget,
    metadata: dict[str, Any],
    since: datetime,
    thread_ts: str | None = None,
) -> Delivery | None:
    """The message an earlier attempt posted with this `metadata` since `since`, as an ok
    Delivery; None when there is none, or when this target cannot be asked (a webhook, or
    no history scope: then a warning says a second post is possible). A failed Delivery
    when Slack could not be asked now: try again later rather than post blind."""
    if not (target.token and target.channel):
        return None
    client = web_client(target)
    try:
        channel = resolve_channel(client, target.channel)
        if channel is None:
            log.warning("Slack channel %r was not found by name: posting without checking "
                        "for an earlier copy", target.channel)
            return None
        ts = search_history(client, channel, metadata, since, thread_ts)
    except SlackApiError as exc:
        failure = api_failure(exc, target.channel)
        if failure.retryable:
            return failure
        data = exc.response.data
        code = data.get("error") if isinstance(data, dict) else exc.response.status_code
        log.warning("could not read Slack channel %r's history (%s; needs channels:history, "
                    "and channels:read for a channel given by name): posting without checking "
                    "for an earlier copy", target.channel, code)
        return None
    except (OSError, HTTPException) as exc:
        return connection_failure(exc, "the Slack API")
    return Delivery(True, ts, channel, None, False) if ts else None


def resolve_channel(client: WebClient, channel: str) -> str | None:
    """The channel's ID: as it is if it is one, else looked up by name."""
    if CHANNEL_ID.fullmatch(channel):
        return channel
    name, cursor = channel.removeprefix("#"), None
    while True:
        page = client.conversations_list(
            types="public_channel,private_channel", exclude_archived=True, limit=1000,
            cursor=cursor,
        )
        for found in page["channels"]:
            if found["name"] == name:
                return str(found["id"])
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return None


def search_history(
    client: WebClient,
    channel: str,
    metadata: dict[str, Any],
    since: datetime,
    thread_ts: str | None,
) -> str | None:
    """The ts of the newest message carrying `metadata` in the channel (or the thread)."""
    params: dict[str, Any] = {
        "channel": channel,
        "oldest": f"{(as_utc(since) - CLOCK_SKEW).timestamp():.6f}",
        "include_all_metadata": True,
        "limit": 200,
    }
    for _ in range(HISTORY_PAGES):
        page = (
            client.conversations_replies(ts=thread_ts, **params)
            if thread_ts
            else client.conversations_history(**params)
        )
        for message in page["messages"]:
            if (message.get("metadata") or {}).get("event_type") == metadata["event_type"] and (
                message["metadata"].get("event_payload") == metadata["event_payload"]
            ):
                return str(message["ts"])
        params["cursor"] = (page.get("response_metadata") or {}).get("next_cursor")
        if not page.get("has_more") or not params["cursor"]:
            return None
    log.warning("Slack channel %s: no earlier copy in the last %d messages; posting",
                channel, HISTORY_PAGES * 200)
    return None
