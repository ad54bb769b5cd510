"""Slack transport: where to post (target and secret lookup), the slack-sdk clients with
their retry handlers, one `post`, and the history lookup. It builds no message: each one
(spike alert, digest, operations alert) is built by the module that owns it, stored in an
outbox (`tasks.outbox`) and handed here as stored:

    {"text": fallback, "blocks": [...],
     "replies": [{"text": ..., "blocks": [...]}, ...],         # optional, into the thread
     "chart": {"filename", "title", "alt_text", "png": base64}}  # optional, into the thread

A bot token posts with `chat.postMessage` (into `thread_ts` when given), then the replies
and the chart into the message's thread; an incoming webhook posts the main message only.
`post` never raises for a Slack-side failure: it returns a `Delivery` saying whether a
later retry can help, which the outbox records. A reply or chart that fails after the
message went out is logged, not retried: the message itself is out.

Each post carries the outbox id in its message metadata, so `find_posted` can tell
whether an earlier attempt reached Slack before the outbox posts again. A webhook cannot
be asked: its delivery is at least once when a run dies between Slack's answer and the
outbox's record.
"""

from __future__ import annotations

import base64
import logging
import os
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.client import HTTPException
from typing import Any
from urllib.parse import urlsplit

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
from tasks.mrkdwn import as_utc, number
from tasks.urls import is_http_url

log = logging.getLogger("newswatch.notify")

TIMEOUT_SECONDS = 15
MAX_RETRY_AFTER = 5.0  # wait inline for a 429 only this long; longer waits are the outbox's job
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
    settings) with a channel wins over a webhook URL. A token without a channel, or a
    webhook URL that is not an http(s) URL, is a `ConfigError` (naming the variable, never
    the secret URL). For `operations` alerts the bot posts to the operations channel when
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
        if not is_http_url(webhook_url):
            raise ConfigError(
                f"{settings.webhook_url_env} is not a webhook URL: set it to the incoming "
                "webhook's whole URL, starting https://hooks.slack.com/services/"
            )
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


def post(message: dict[str, Any], target: SlackTarget, metadata: dict[str, Any] | None = None,
         thread_ts: str | None = None) -> Delivery:
    """Post a stored message as it is: to the bot's channel (into `thread_ts` when given,
    with `metadata`) followed by its replies and chart in the thread, or to the webhook.
    A Slack failure comes back as `Delivery(ok=False, ...)`, never raised."""
    if not (target.token and target.channel):
        if target.webhook_url:
            return post_webhook(message, target.webhook_url)
        return Delivery(False, None, None, "the Slack target has neither a bot token and "
                        "channel nor a webhook URL", False)
    client = web_client(target)
    try:
        response = client.chat_postMessage(
            channel=str(target.channel), text=message["text"], blocks=message["blocks"],
            thread_ts=thread_ts, metadata=metadata, unfurl_links=False, unfurl_media=False)
    except SlackApiError as exc:
        return api_failure(exc, target.channel)
    except (OSError, HTTPException) as exc:
        return connection_failure(exc, "the Slack API")
    except ValueError:  # urllib refuses the URL built from the base URL
        return Delivery(False, None, None, "the Slack API base URL is not a valid URL", False)
    channel, ts = response["channel"], response["ts"]
    thread = thread_ts or ts
    name = next(iter(((metadata or {}).get("event_payload") or {}).values()), ts)
    for reply in message.get("replies", []):
        try:
            client.chat_postMessage(channel=channel, text=reply["text"], blocks=reply["blocks"],
                                    thread_ts=thread, unfurl_links=False, unfurl_media=False)
        except (SlackClientError, OSError, HTTPException) as exc:
            log.warning("message %s went out without its thread reply: %s", name,
                        slack_error(exc))
    if message.get("chart"):
        upload_chart(client, message["chart"], channel, thread, name)
    return Delivery(True, ts, channel, None, False)


def upload_chart(client: WebClient, chart: dict[str, str], channel: str, thread_ts: str,
                 name: object) -> None:
    """Upload a stored chart into the message's thread; a failure is logged, not raised,
    since the message itself is already out."""
    try:
        client.files_upload_v2(
            channel=channel, thread_ts=thread_ts, file=base64.b64decode(chart["png"]),
            filename=chart["filename"], title=chart["title"], alt_txt=chart["alt_text"])
    except (SlackClientError, OSError, HTTPException) as exc:
        log.warning("message %s went out without its chart: %s", name, slack_error(exc))


def slack_error(exc: Exception) -> str:
    """What Slack said (its error code or HTTP status), else the exception itself."""
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or f"HTTP {exc.response.status_code}")
    return str(exc)


def post_webhook(message: dict[str, Any], url: str) -> Delivery:
    client = WebhookClient(url, timeout=TIMEOUT_SECONDS, retry_handlers=retry_handlers(True))
    try:
        response = client.send(
            text=message["text"], blocks=message["blocks"], unfurl_links=False, unfurl_media=False
        )
    except (OSError, HTTPException) as exc:
        # the URL is a secret: name only its host
        return connection_failure(exc, f"the Slack webhook at {urlsplit(url).hostname}")
    except ValueError:  # urllib refuses the URL; its message would quote the secret
        return Delivery(False, None, None, "the Slack webhook URL is not a valid URL", False)
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
