"""A sample spike alert and readers of Slack messages, shared by the Slack tests."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from tasks.alert_message import SpikeAlert, build_message
from tasks.notify import SlackTarget

if TYPE_CHECKING:
    from tests.slack_server import Recorded, SlackServer

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




@cache
def stored_message() -> dict[str, Any]:
    """The sample alert's message as the outbox stores it, chart included (built once)."""
    return build_message(make_alert())


def simple_message(text: str = "Iran is spiking") -> dict[str, Any]:
    """A small stored message without a chart: for the transport's behaviour."""
    return {"text": text, "blocks": [{"type": "section",
                                      "text": {"type": "mrkdwn", "text": f"*{text}*"}}]}
