"""Text for Slack: mrkdwn escaping of feed and config text, links, dates, numbers, and
cutting a message to Block Kit's limits. Pure functions, shared by every message.

Feed text is hostile: besides `<`, `>` and `&` (mentions, links), its `*bold*`, `_it_`,
`~strike~` and backticks would format the message, and bidi controls (U+202E) can make
"ku.oc.cbb" display as "bbc.co.uk". `escape` strips the bidi controls and turns the
formatting characters into look-alikes that Slack does not parse (mrkdwn has no
backslash escape).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit

MAX_URL = 1000
SPARKS = "▁▂▃▄▅▆▇█"
# Block Kit limits (https://docs.slack.dev/reference/block-kit/blocks)
MAX_BLOCKS = 50
MAX_HEADER = 150
MAX_TEXT = 3000  # a section's text, a context element's text
MAX_CONTEXT_ELEMENTS = 10
MAX_FALLBACK = 40_000
# the units mrkdwn may be cut between: a `<...>` link or mention, an escape, one character
MRKDWN_ATOMS = re.compile(r"<[^<>]*>|&(?:amp|lt|gt);|.", re.S)
# embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the marks, Arabic's mark
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
FORMATTING = str.maketrans({"*": "\u2217", "_": "\uff3f", "~": "\u223c", "`": "\u02cb"})


def plain(text: object) -> str:
    """Feed text without bidi controls: for plain_text fields (headers, alt text)."""
    return BIDI_CONTROLS.sub("", str(text))


def escape(text: object) -> str:
    """Feed or config text made inert in mrkdwn: no mentions, links, formatting or bidi
    tricks survive."""
    return (plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .translate(FORMATTING))


def code(text: object) -> str:
    """Our own text (SQL) for a ``` block, which Slack does not format: only the
    characters that would end the block or start a link are changed."""
    return (plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("`", "\u02cb"))


def link(url: object, label: str) -> str:
    """An mrkdwn link, or the escaped label alone when the URL is not plain http(s)."""
    url = plain(url or "").strip()
    # `|`, `<`, `>` and spaces would end or split the `<url|label>` sequence
    safe = quote(url, safe="/:?#[]@!$&'()*+,;=%~-._").replace("&", "&amp;")
    if urlsplit(url).scheme.lower() not in ("http", "https") or len(safe) > MAX_URL:
        return escape(label)
    return f"<{safe}|{escape(label)}>"


def date(moment: datetime, style: str = "{date_short_pretty} at {time}") -> str:
    """A time each reader sees in their own time zone (Slack's date formatting), with the
    UTC fallback for clients that cannot."""
    moment = as_utc(moment)
    return f"<!date^{int(moment.timestamp())}^{style}|{moment:%a %d %b %H:%M} UTC>"


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
    """A `{"text", "blocks"}` message within Block Kit's limits; the last block (the
    footer) is kept."""
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


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(*texts: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": t} for t in texts]}


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


def duration(length: timedelta) -> str:
    """A span in the unit a reader thinks in: "3 days", "about 9 weeks", "about 2 years"."""
    hours = length.total_seconds() / 3600
    for unit, size, up_to in (("hour", 1, 48), ("day", 24, 21 * 24), ("week", 168, 13 * 168),
                              ("month", 730, 24 * 730)):
        if hours < up_to:
            return plural(max(1, round(hours / size)), unit)
    return plural(round(hours / 8766), "year")


def sparkline(values: Sequence[float]) -> str:
    """Values as Unicode block characters, scaled from zero to the largest."""
    top = max(values, default=0)
    if top <= 0:
        return SPARKS[0] * len(values)
    return "".join(
        SPARKS[min(len(SPARKS) - 1, int(v / top * (len(SPARKS) - 1) + 0.5))] for v in values
    )
