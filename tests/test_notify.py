"""Slack delivery with the real slack-sdk client against the local Slack-compatible server."""

from __future__ import annotations

import json
import logging
import re
import socket
import struct
import time
import zlib
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pytest

from tasks.config import SlackSettings
from tasks.errors import ConfigError
from tasks.notify import (
    Delivery,
    SlackTarget,
    SpikeAlert,
    build_message,
    find_posted,
    fit,
    outbox_metadata,
    post_message,
    render_chart,
    resolve_target,
    send,
    sparkline,
)

if TYPE_CHECKING:
    from tests.slack_server import Recorded, SlackServer

# the session-scoped `slack_server` fixture; loaded as a plugin (not imported) so that pytest
# rewrites its asserts and the fixture argument does not shadow an import
pytest_plugins = ["tests.slack_server"]

BUCKET = datetime(2025, 6, 13, 13, 0, tzinfo=UTC)
HOSTILE = "<!channel> & <https://evil|click>"


def make_alert(**changes: Any) -> SpikeAlert:
    alert = SpikeAlert(
        alert_id="iran:20250613T1300",
        topic="iran",
        topic_label="Iran",
        bucket_start=BUCKET,
        bucket_minutes=60,
        observed=23,
        expected=1.2,
        score=9.1,
        articles=23,
        stories=15,
        outlets=9,
        headlines=[
            {
                "title": "Drones strike near Isfahan",
                "url": "https://example.com/news/isfahan?id=1&lang=en",
                "outlet": "Example Times",
                "published_at": BUCKET + timedelta(minutes=42),
            },
            {
                "title": "Oil prices jump",
                "url": "https://example.org/oil",
                "outlet": "Example Post",
                "published_at": "2025-06-13T13:10:00+00:00",
            },
        ],
        volume=[(BUCKET - timedelta(hours=h), float(h % 3)) for h in range(23, 0, -1)]
        + [(BUCKET, 23.0)],
    )
    for name, value in changes.items():
        setattr(alert, name, value)
    return alert


def bot(server: SlackServer, token: str = "xoxb-ok", channel: str = "#news-alerts") -> SlackTarget:
    return SlackTarget(token=token, channel=channel, webhook_url=None, base_url=server.url)


def sent_since(server: SlackServer, mark: int, method: str | None = None) -> list[Recorded]:
    return [r for r in server.requests[mark:] if method is None or r.method == method]


def mrkdwn_texts(message: dict[str, Any]) -> list[str]:
    """The fallback text and every mrkdwn text in the blocks: what Slack parses."""
    texts = [message["text"]]
    for block in message["blocks"]:
        for part in [block.get("text"), *block.get("elements", [])]:
            if part and part["type"] == "mrkdwn":
                texts.append(part["text"])
    return texts


def test_alert_posts_numbers_counts_and_linked_headlines(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    delivery = send(make_alert(), bot(slack_server))

    assert delivery.ok and delivery.error is None and not delivery.retryable
    assert delivery.channel.startswith("C")  # the ID Slack answered with, not the name
    assert delivery.ts is not None
    [post] = sent_since(slack_server, mark, "chat.postMessage")
    assert post.token == "xoxb-ok"
    assert post.body["channel"] == "#news-alerts"
    assert post.body["unfurl_links"] is False
    assert "thread_ts" not in post.body
    text = "\n".join(mrkdwn_texts(post.body))
    assert "*23 stories* in the hour to 14:00 UTC on Fri 13 Jun vs *1.2* expected" in text
    assert "score *9.1*" in text
    assert "23 articles / 15 stories / 9 outlets" in text
    assert "<https://example.com/news/isfahan?id=1&amp;lang=en|Drones strike near Isfahan>" in text
    assert "Example Times · 13 Jun 13:42 UTC" in text
    assert "<https://example.org/oil|Oil prices jump>" in text
    assert post.body["text"].startswith("Iran is spiking: 23 stories in the hour to 14:00 UTC")
    assert post.body["blocks"][0]["text"]["text"] == ":rotating_light: Iran is spiking"


def test_hostile_feed_text_arrives_escaped(slack_server: SlackServer) -> None:
    alert = make_alert(
        topic_label="Iran <!here>",
        headlines=[
            {"title": HOSTILE, "url": "https://example.com/a|b>c d", "outlet": "<@U123> & co"},
            {"title": "Click me", "url": "javascript:alert(1)", "outlet": "x"},
        ],
    )
    mark = len(slack_server.requests)
    assert send(alert, bot(slack_server)).ok

    [post] = sent_since(slack_server, mark, "chat.postMessage")
    texts = mrkdwn_texts(post.body)
    joined = "\n".join(texts)
    assert (
        "<https://example.com/a%7Cb%3Ec%20d|&lt;!channel&gt; &amp; &lt;https://evil|click&gt;>"
        in (joined)
    )
    assert "&lt;@U123&gt; &amp; co" in joined
    assert "Click me" in joined and "javascript:" not in joined
    assert "Iran &lt;!here&gt; is spiking" in post.body["text"]
    for text in texts:
        assert "<!" not in text and "<@" not in text and "<https://evil" not in text


def test_rate_limited_post_succeeds_after_one_short_retry(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    started = time.monotonic()
    delivery = send(make_alert(), bot(slack_server, "xoxb-ratelimited"))

    assert delivery.ok and delivery.ts is not None
    assert len(sent_since(slack_server, mark, "chat.postMessage")) == 2
    assert 0.9 < time.monotonic() - started < 3


def test_long_rate_limit_is_left_to_a_later_retry(slack_server: SlackServer) -> None:
    started = time.monotonic()
    delivery = send(make_alert(), bot(slack_server, "xoxb-ratelimited-long"))

    assert not delivery.ok and delivery.retryable
    assert delivery.error == "Slack rate-limited the request (retry after 30 s)"
    assert time.monotonic() - started < 1


def test_invalid_auth_is_not_retryable(slack_server: SlackServer) -> None:
    delivery = send(make_alert(), bot(slack_server, "xoxb-invalid"))

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
    delivery = send(make_alert(), bot(slack_server, channel=channel))

    assert not delivery.ok and not delivery.retryable
    assert code in delivery.error and repr(channel) in delivery.error


def test_server_error_is_retryable(slack_server: SlackServer) -> None:
    delivery = send(make_alert(), bot(slack_server, "xoxb-500"))

    assert not delivery.ok and delivery.retryable
    assert "HTTP 500" in delivery.error


def test_unreachable_slack_is_retryable() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens there
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    target = SlackTarget("xoxb-ok", "#news-alerts", None, f"http://127.0.0.1:{port}/api")

    delivery = send(make_alert(), target)

    assert not delivery.ok and delivery.retryable
    assert delivery.error.startswith("could not reach the Slack API")


def test_follow_up_goes_into_the_thread(slack_server: SlackServer) -> None:
    first = send(make_alert(), bot(slack_server))
    mark = len(slack_server.requests)

    update = make_alert(kind="update", observed=41, thread_ts=first.ts)
    delivery = send(update, SlackTarget("xoxb-ok", first.channel, None, slack_server.url))

    assert delivery.ok and delivery.ts != first.ts
    [post] = sent_since(slack_server, mark, "chat.postMessage")
    assert post.body["thread_ts"] == first.ts
    assert post.body["channel"] == first.channel
    assert post.body["blocks"][0]["text"]["text"] == ":arrow_up: Iran: the spike continues"
    [complete] = sent_since(slack_server, mark, "files.completeUploadExternal")
    assert complete.body["thread_ts"] == first.ts


def test_chart_is_uploaded_into_the_alerts_thread(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    delivery = send(make_alert(), bot(slack_server))

    [get_url] = sent_since(slack_server, mark, "files.getUploadURLExternal")
    assert get_url.body["filename"] == "iran-20250613T1300.png"
    [upload] = [r for r in sent_since(slack_server, mark) if r.path.startswith("/upload/")]
    assert upload.body["data"].startswith(b"\x89PNG\r\n\x1a\n")
    assert int(get_url.body["length"]) == len(upload.body["data"])
    [complete] = sent_since(slack_server, mark, "files.completeUploadExternal")
    assert complete.body["channel_id"] == delivery.channel
    assert complete.body["thread_ts"] == delivery.ts
    assert json.loads(complete.body["files"])[0]["title"] == "Iran: stories per hour"


@pytest.mark.parametrize(
    ("token", "reason"),
    [("xoxb-nofiles", "missing_scope"), ("xoxb-upload-broken", "HTTP Error 500")],
)
def test_failed_chart_upload_does_not_fail_the_alert(
    slack_server: SlackServer, caplog: pytest.LogCaptureFixture, token: str, reason: str
) -> None:
    with caplog.at_level(logging.WARNING, logger="newswatch.notify"):
        delivery = send(make_alert(), bot(slack_server, token))

    assert delivery.ok and delivery.ts is not None and delivery.error is None
    assert "iran:20250613T1300 went out without its chart" in caplog.text
    assert reason in caplog.text


def test_no_chart_without_a_volume_history(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    assert send(make_alert(volume=[(BUCKET, 23.0)]), bot(slack_server)).ok
    assert sent_since(slack_server, mark, "files.getUploadURLExternal") == []


def test_webhook_posts_the_same_blocks(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    delivery = send(make_alert(), SlackTarget(None, None, slack_server.webhook_url("ok"), None))

    assert delivery == Delivery(ok=True, ts=None, channel=None, error=None, retryable=False)
    [hook] = sent_since(slack_server, mark)
    assert hook.path == "/webhook/ok"
    assert hook.body["blocks"] == build_message(make_alert())["blocks"]


def test_gone_webhook_fails_cleanly_without_leaking_its_url(slack_server: SlackServer) -> None:
    delivery = send(make_alert(), SlackTarget(None, None, slack_server.webhook_url("gone"), None))

    assert not delivery.ok and not delivery.retryable
    assert "no_service" in delivery.error and "/webhook/" not in delivery.error


def test_webhook_server_error_is_retryable(slack_server: SlackServer) -> None:
    delivery = send(make_alert(), SlackTarget(None, None, slack_server.webhook_url("500"), None))

    assert not delivery.ok and delivery.retryable


def test_ended_reads_differently_and_drops_headlines() -> None:
    message = build_message(make_alert(kind="ended", observed=2, score=0.7))

    assert message["blocks"][0]["text"]["text"] == ":white_check_mark: Iran: back to normal"
    assert message["text"].startswith("Iran: back to normal: 2 stories in the hour")
    assert not any(b["type"] == "divider" for b in message["blocks"])
    assert "Drones strike" not in json.dumps(message)


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="kind must be alert, update or ended, not 'big'"):
        build_message(make_alert(kind="big"))


def test_sparkline_scales_from_zero() -> None:
    assert sparkline([0, 1, 2, 4, 8]) == "▁▂▃▅█"
    assert sparkline([0, 0]) == "▁▁"


def test_chart_is_a_valid_png_with_the_spike_in_red() -> None:
    png = render_chart([1, 2, 1, 10], expected=1.5, width=40, height=20)

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (40, 20)
    idat_length = struct.unpack(">I", png[33:37])[0]
    assert png[37:41] == b"IDAT"
    rows = zlib.decompress(png[41 : 41 + idat_length])
    assert len(rows) == height * (1 + width * 3)
    last_bar_x, mid_y = 30, 10  # the last of 4 slots 7 px wide after a 6 px margin
    offset = mid_y * (1 + width * 3) + 1 + last_bar_x * 3
    assert rows[offset : offset + 3] == b"\xd9\x3b\x3b"


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


def assert_within_block_kit_limits(message: dict[str, Any]) -> None:
    assert len(message["text"]) <= 40_000
    assert len(message["blocks"]) <= 50
    for block in message["blocks"]:
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
        elif "text" in block:
            assert len(block["text"]["text"]) <= 3000
        assert len(block.get("elements", [])) <= 10
    for text in mrkdwn_texts(message):
        # every `&` starts a whole escape and every `<` a whole link: nothing was cut in half
        assert re.fullmatch(r"(?:[^&<>]|&(?:amp|lt|gt);|<[^<>]*>)*…?", text), text[-80:]


def test_huge_hostile_headlines_are_cut_within_block_kit_limits(slack_server: SlackServer) -> None:
    huge = "&<>" * 20_000 + "<!channel>"
    alert = make_alert(
        topic_label="&" * 500,
        caveat="<" * 5000,
        co_topics=[("&" * 200, 3)] * 30,
        headlines=[
            {"title": huge, "url": "https://x.example/?" + "&" * 900, "outlet": "&" * 5000}
        ]
        * 200,
        alert_id="&" * 5000,
    )

    message = build_message(alert)

    assert_within_block_kit_limits(message)
    assert message["blocks"][-1]["elements"][0]["text"].startswith("Newswatch · alert `&amp;")
    joined = "\n".join(mrkdwn_texts(message))
    assert "<!" not in joined and "<https://x.example" not in joined  # the URL was too long
    assert send(alert, bot(slack_server)).ok  # and the server takes it


def test_too_many_blocks_keep_the_first_and_the_footer() -> None:
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "x"}}
    footer = {"type": "context", "elements": [{"type": "mrkdwn", "text": str(i)}
                                              for i in range(12)]}
    message = fit({"text": "t", "blocks": [section] * 80 + [footer]})

    assert len(message["blocks"]) == 50
    assert message["blocks"][-1]["elements"][-1]["text"] == "9"  # 10 elements kept


def test_a_cut_never_splits_a_link_or_an_escape() -> None:
    for length in range(150, 260, 7):  # cuts land before, inside and after the link
        title = "a" * length + " & <b>"
        headline = {"title": title, "url": "https://x.example/" + "y" * 40, "outlet": "&" * 900}
        message = build_message(make_alert(headlines=[headline]))
        assert_within_block_kit_limits(message)


def test_co_topics_and_the_reproducing_query_are_shown() -> None:
    query = "SELECT count(*) FROM articles WHERE a < 3 AND b > 1;"
    message = build_message(make_alert(co_topics=[("Israel", 7), ("<!here>", 2)], query=query))

    joined = "\n".join(mrkdwn_texts(message))
    assert "Also in these stories: Israel (7), &lt;!here&gt; (2)" in joined
    assert "```SELECT count(*) FROM articles WHERE a &lt; 3 AND b &gt; 1;```" in joined


def test_server_error_on_a_post_is_not_retried_inline(slack_server: SlackServer) -> None:
    mark = len(slack_server.requests)
    assert not send(make_alert(), bot(slack_server, "xoxb-500")).ok
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
            delivery = send(make_alert(), bot(slack_server, token))
            assert token not in (delivery.error or "")
        delivery = send(make_alert(), bot(slack_server, secret, "#missing"))
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
    first = make_alert(alert_id="lookup:1")
    meta = outbox_metadata("newswatch_alert", "alert_id", "lookup:1")
    posted = send(first, target, meta)
    reply_meta = outbox_metadata("newswatch_alert", "alert_id", "lookup:1:update")
    reply = send(make_alert(kind="update", thread_ts=posted.ts), target, reply_meta)
    digest = post_message({"text": "d", "blocks": []}, target,
                          outbox_metadata("newswatch_digest", "digest_id", "digest:1"))

    assert find_posted(target, meta, since) == posted
    assert find_posted(target, reply_meta, since) is None  # replies are not in the history
    assert find_posted(target, reply_meta, since, thread_ts=posted.ts) == reply
    assert find_posted(target, outbox_metadata("newswatch_digest", "digest_id", "digest:1"),
                       since) == digest
    assert find_posted(target, outbox_metadata("newswatch_alert", "alert_id", "other"),
                       since) is None
    assert find_posted(target, meta, since + timedelta(minutes=10)) is None  # older than since
    webhook = SlackTarget(None, None, slack_server.webhook_url("ok"), None)
    assert find_posted(webhook, meta, since) is None  # cannot be asked: at least once
