"""The Slack transport with the real slack-sdk client against the local Slack-compatible
server: one `post` of a stored message (thread replies and chart included), retries,
errors an operator can act on, webhooks, the history lookup and the target's lookup."""

from __future__ import annotations

import base64
import json
import logging
import socket
import time
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

import pytest

from tasks.config import SlackSettings
from tasks.errors import ConfigError
from tasks.notify import (
    Delivery,
    SlackTarget,
    find_posted,
    outbox_metadata,
    post,
    resolve_target,
)
from tests.alert_samples import BUCKET, bot, sent_since, simple_message, stored_message

if TYPE_CHECKING:
    from tests.slack_server import SlackServer

# the session-scoped `slack_server` fixture; loaded as a plugin (not imported) so that pytest
# rewrites its asserts and the fixture argument does not shadow an import
pytest_plugins = ["tests.slack_server"]
META = outbox_metadata("newswatch_alert", "alert_id", "iran:20250613T1300")


def test_rate_limited_post_succeeds_after_one_short_retry(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    started = time.monotonic()
    delivery = post(simple_message(), bot(slack_server, "xoxb-ratelimited"))

    assert delivery.ok and delivery.ts is not None
    assert len(sent_since(slack_server, mark, "chat.postMessage")) == 2
    assert time.monotonic() - started >= 0.9  # Slack's Retry-After: 1


def test_long_rate_limit_is_left_to_a_later_retry(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    delivery = post(simple_message(), bot(slack_server, "xoxb-ratelimited-long"))

    assert not delivery.ok and delivery.retryable
    assert delivery.error == "Slack rate-limited the request (retry after 30 s)"
    assert len(sent_since(slack_server, mark, "chat.postMessage")) == 1  # not waited out here


def test_invalid_auth_is_not_retryable(slack_server: SlackServer) -> None:
    delivery = post(simple_message(), bot(slack_server, "xoxb-invalid"))

    assert delivery == Delivery(
        ok=False,
        ts=None,
        channel=None,
        error="Slack rejected the bot token (invalid_auth): check the token",
        retryable=False,
    )


@pytest.mark.parametrize(
    ("channel", "code"), [("#missing", "channel_not_found"), ("#private", "not_in_channel")]
)
def test_channel_errors_name_the_channel(
    slack_server: SlackServer, channel: str, code: str
) -> None:
    delivery = post(simple_message(), bot(slack_server, channel=channel))

    assert not delivery.ok and not delivery.retryable
    assert code in delivery.error and repr(channel) in delivery.error


def test_server_error_is_retryable(slack_server: SlackServer) -> None:
    delivery = post(simple_message(), bot(slack_server, "xoxb-500"))

    assert not delivery.ok and delivery.retryable
    assert "HTTP 500" in delivery.error


def test_unreachable_slack_is_retryable() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    target = SlackTarget("xoxb-ok", "#news-alerts", None, f"http://127.0.0.1:{port}/api")

    delivery = post(simple_message(), target)

    assert not delivery.ok and delivery.retryable
    assert delivery.error.startswith("could not reach the Slack API")


def test_a_stored_message_is_posted_as_it_is_with_its_reply_and_chart_in_the_thread(
    slack_server: SlackServer,
) -> None:
    message = stored_message()
    mark = len(slack_server.requests)
    delivery = post(message, bot(slack_server), META)

    assert delivery.ok and delivery.channel.startswith("C") and delivery.ts is not None
    main, reply = sent_since(slack_server, mark, "chat.postMessage")
    assert main.body["channel"] == "#news-alerts"
    assert main.body["unfurl_links"] is False and "thread_ts" not in main.body
    assert (main.body["text"], main.body["blocks"]) == (message["text"], message["blocks"])
    assert main.body["metadata"] == META
    [expected_reply] = message["replies"]
    assert reply.body["blocks"] == expected_reply["blocks"]
    assert reply.body["thread_ts"] == delivery.ts and "metadata" not in reply.body
    [get_url] = sent_since(slack_server, mark, "files.getUploadURLExternal")
    assert get_url.body["filename"] == message["chart"]["filename"]
    [upload] = [r for r in sent_since(slack_server, mark) if r.path.startswith("/upload/")]
    assert upload.body["data"] == base64.b64decode(message["chart"]["png"])
    assert int(get_url.body["length"]) == len(upload.body["data"])
    [complete] = sent_since(slack_server, mark, "files.completeUploadExternal")
    assert complete.body["channel_id"] == delivery.channel
    assert complete.body["thread_ts"] == delivery.ts
    assert json.loads(complete.body["files"])[0]["title"] == message["chart"]["title"]


def test_follow_up_goes_into_the_thread_with_its_reply_and_chart(
    slack_server: SlackServer,
) -> None:
    first = post(simple_message(), bot(slack_server))
    mark = len(slack_server.requests)

    target = SlackTarget("xoxb-ok", first.channel, None, slack_server.url)
    delivery = post(stored_message(), target, thread_ts=first.ts)

    assert delivery.ok and delivery.ts != first.ts
    posts = sent_since(slack_server, mark, "chat.postMessage")
    assert [p.body["thread_ts"] for p in posts] == [first.ts, first.ts]
    assert posts[0].body["channel"] == first.channel
    [complete] = sent_since(slack_server, mark, "files.completeUploadExternal")
    assert complete.body["thread_ts"] == first.ts


@pytest.mark.parametrize(
    ("token", "reason"),
    [("xoxb-nofiles", "missing_scope"), ("xoxb-upload-broken", "HTTP Error 500")],
)
def test_failed_chart_upload_does_not_fail_the_alert(
    slack_server: SlackServer, caplog: pytest.LogCaptureFixture, token: str, reason: str
) -> None:
    with caplog.at_level(logging.WARNING, logger="newswatch.notify"):
        delivery = post(stored_message(), bot(slack_server, token), META)

    assert delivery.ok and delivery.ts is not None and delivery.error is None
    assert "iran:20250613T1300 went out without its chart" in caplog.text
    assert reason in caplog.text


def test_webhook_posts_the_main_message_as_stored(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    message = stored_message()
    delivery = post(message, SlackTarget(None, None, slack_server.webhook_url("ok"), None))

    assert delivery == Delivery(ok=True, ts=None, channel=None, error=None, retryable=False)
    [hook] = sent_since(slack_server, mark)  # no thread, so no reply and no chart
    assert hook.path == "/webhook/ok"
    assert (hook.body["text"], hook.body["blocks"]) == (message["text"], message["blocks"])


def test_gone_webhook_fails_cleanly_without_leaking_its_url(slack_server: SlackServer) -> None:
    hook = SlackTarget(None, None, slack_server.webhook_url("gone"), None)
    delivery = post(simple_message(), hook)

    assert not delivery.ok and not delivery.retryable
    assert "no_service" in delivery.error and "/webhook/" not in delivery.error


def test_webhook_server_error_is_retryable(slack_server: SlackServer) -> None:
    hook = SlackTarget(None, None, slack_server.webhook_url("500"), None)
    delivery = post(simple_message(), hook)

    assert not delivery.ok and delivery.retryable


def test_server_error_on_a_post_is_not_retried_inline(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    assert not post(simple_message(), bot(slack_server, "xoxb-500")).ok
    assert len(sent_since(slack_server, mark, "chat.postMessage")) == 1


def test_server_error_on_a_history_read_is_retried_once(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    found = find_posted(bot(slack_server, "xoxb-500", "C0HISTORY"),
                        outbox_metadata("newswatch_alert", "alert_id", "x"), BUCKET)

    assert found is not None and not found.ok and found.retryable
    assert len(sent_since(slack_server, mark, "conversations.history")) == 2


def test_the_token_is_never_logged_or_returned(
    slack_server: SlackServer, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "xoxb-ok"  # the server's tokens are names; a real one is as secret
    with caplog.at_level(logging.DEBUG):
        for token in ("xoxb-invalid", "xoxb-500", "xoxb-ratelimited-long", "xoxb-nofiles"):
            delivery = post(simple_message(), bot(slack_server, token))
            assert token not in (delivery.error or "")
        delivery = post(simple_message(), bot(slack_server, secret, "#missing"))
        assert secret not in (delivery.error or "")
        find_posted(bot(slack_server, "xoxb-500", "#news-alerts"),
                    outbox_metadata("newswatch_alert", "alert_id", "x"), BUCKET)

    assert "Sending a request" in caplog.text  # slack-sdk's debug log was captured
    assert "xoxb-" not in caplog.text


def test_find_posted_reads_the_metadata_back_by_channel_name_and_in_threads(
    slack_server: SlackServer,
) -> None:
    target = bot(slack_server, channel="#lookup")
    since = datetime.now(UTC)
    meta = outbox_metadata("newswatch_alert", "alert_id", "lookup:1")
    posted = post(simple_message(), target, meta)
    reply_meta = outbox_metadata("newswatch_alert", "alert_id", "lookup:1:update")
    reply = post(simple_message("it grows"), target, reply_meta, thread_ts=posted.ts)
    digest_meta = outbox_metadata("newswatch_digest", "digest_id", "digest:1")
    digest = post({"text": "d", "blocks": []}, target, digest_meta)

    assert find_posted(target, meta, since) == posted
    assert find_posted(target, reply_meta, since) is None  # replies are not in the history
    assert find_posted(target, reply_meta, since, thread_ts=posted.ts) == reply
    assert find_posted(target, digest_meta, since) == digest
    assert find_posted(target, outbox_metadata("newswatch_alert", "alert_id", "other"),
                       since) is None
    assert find_posted(target, meta, since + timedelta(minutes=10)) is None  # older than since
    webhook = SlackTarget(None, None, slack_server.webhook_url("ok"), None)
    assert find_posted(webhook, meta, since) is None  # cannot be asked: at least once


def test_resolve_target_reads_bot_token_and_channel() -> None:
    env = {
        "NEWSWATCH_SLACK_BOT_TOKEN": " xoxb-123\n",
        "NEWSWATCH_SLACK_CHANNEL": "#news-alerts",
        "NEWSWATCH_SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/X",
        "NEWSWATCH_SLACK_BASE_URL": "http://127.0.0.1:9/api/",
    }

    assert resolve_target(SlackSettings(), env) == SlackTarget(
        "xoxb-123", "#news-alerts", None, "http://127.0.0.1:9/api/"
    )


def test_operations_alerts_go_to_their_own_channel_when_one_is_set() -> None:
    env = {"NEWSWATCH_SLACK_BOT_TOKEN": "xoxb-123", "NEWSWATCH_SLACK_CHANNEL": "#news-alerts"}
    assert resolve_target(SlackSettings(), env, operations=True).channel == "#news-alerts"
    env["NEWSWATCH_SLACK_OPS_CHANNEL"] = "#newswatch-ops"
    assert resolve_target(SlackSettings(), env, operations=True).channel == "#newswatch-ops"
    assert resolve_target(SlackSettings(), env).channel == "#news-alerts"


def test_resolve_target_uses_the_configured_names_and_a_webhook() -> None:
    settings = SlackSettings(webhook_url_env="ALERTS_HOOK", bot_token_env="ALERTS_TOKEN")
    env = {
        "ALERTS_HOOK": "https://hooks.slack.com/services/T/B/X",
        "NEWSWATCH_SLACK_BOT_TOKEN": "x",
    }

    assert resolve_target(settings, env) == SlackTarget(
        None, None, "https://hooks.slack.com/services/T/B/X", None
    )


def test_resolve_target_is_none_when_nothing_is_set() -> None:
    assert resolve_target(SlackSettings(), {}) is None
    assert resolve_target(SlackSettings(), {"NEWSWATCH_SLACK_CHANNEL": "#a"}) is None


def test_token_without_channel_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="NEWSWATCH_SLACK_CHANNEL is not"):
        resolve_target(SlackSettings(), {"NEWSWATCH_SLACK_BOT_TOKEN": "xoxb-123"})


@pytest.mark.slow
def test_bot_token_from_a_prefect_secret_block(prefect_harness: None) -> None:
    from prefect.blocks.system import Secret

    Secret(value="xoxb-from-block").save("newswatch-test-slack", overwrite=True)
    channel = {"NEWSWATCH_SLACK_CHANNEL": "#news-alerts"}

    target = resolve_target(SlackSettings(secret_block="newswatch-test-slack"), channel)

    assert target == SlackTarget("xoxb-from-block", "#news-alerts", None, None)
    env_token = {**channel, "NEWSWATCH_SLACK_BOT_TOKEN": "xoxb-env"}
    assert resolve_target(SlackSettings(secret_block="newswatch-test-slack"), env_token).token == (
        "xoxb-env"
    )
    with pytest.raises(ConfigError, match="Secret block 'no-such-block' could not be loaded"):
        resolve_target(SlackSettings(secret_block="no-such-block"), channel)




def test_a_webhook_url_without_its_scheme_is_a_config_error_that_keeps_it_secret() -> None:
    secret = "hooks.slack.com/services/T000/B000/XXXX"
    with pytest.raises(ConfigError, match="NEWSWATCH_SLACK_WEBHOOK_URL is not a webhook") as err:
        resolve_target(SlackSettings(), {"NEWSWATCH_SLACK_WEBHOOK_URL": secret})
    assert "B000" not in str(err.value)


def test_a_bad_webhook_url_fails_the_post_without_quoting_it() -> None:
    delivery = post(simple_message(), SlackTarget(None, None, "hooks.slack.com/T0/B0/XX", None))

    assert not delivery.ok and not delivery.retryable
    assert delivery.error == "the Slack webhook URL is not a valid URL"
