"""Articles that a page ships only as data: a Next.js payload (`__NEXT_DATA__`, or the
App Router's flight stream) or a JSON-LD `articleBody`, turned into body blocks."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from tasks.extract_blocks import Block, blocks_from_elements

_NEXT_DATA_KEYS = {"articlebody", "body", "content", "text", "html", "bodyhtml", "contenthtml"}
# Next.js App Router pages ship their data as a "flight" stream pushed in script chunks;
# a long string there is a text row ("24:T1b7b,<text>", its length in UTF-8 bytes in hex)
# that the JSON refers to as "$24"
_FLIGHT_PUSH = re.compile(r"self\.__next_f\.push\((\[.*\])\)\s*;?\s*$", re.S)
_FLIGHT_TEXT_ROW = re.compile(rb"(?m)^([0-9a-f]+):T([0-9a-f]+),")
_BODY_STRING = re.compile(
    rf'"({"|".join(sorted(_NEXT_DATA_KEYS))})"\s*:\s*"((?:[^"\\]|\\.)*)"', re.I
)


def next_data_blocks(tree: HtmlElement) -> list[Block]:
    """The article of a page that ships it only in a Next.js payload (the HTML has an empty
    shell), `__NEXT_DATA__` or the App Router's flight stream: the longest text under a
    body-like key, read as HTML when it is markup, else as paragraphs separated by blank
    lines."""
    texts = [t for t in (*_next_data_texts(tree), *_flight_texts(tree)) if len(t) > 200]
    if not texts:
        return []
    return text_blocks(max(texts, key=len))


def text_blocks(text: str) -> list[Block]:
    """The blocks of an article shipped as one string (a JSON payload's): read as HTML
    when it is markup, else as paragraphs separated by blank lines."""
    if re.search(r"<(p|h[2-6]|li|div|blockquote)\b", text):
        return blocks_from_elements([lxml.html.fragment_fromstring(text, create_parent="div")])
    return [Block("p", " ".join(t.split()), 0.0, False) for t in re.split(r"\n\s*\n", text)
            if t.strip()]


def _next_data_texts(tree: HtmlElement) -> list[str]:
    scripts = tree.xpath("//script[@id='__NEXT_DATA__']/text()")
    if not scripts:
        return []
    try:
        return list(_texts_under_body_keys(json.loads(scripts[0])))
    except (ValueError, RecursionError):  # RecursionError: nested past Python's limit
        return []


def _flight_texts(tree: HtmlElement) -> list[str]:
    """The strings under body-like keys in the flight stream, "$<row>" read as its text."""
    pushed = []
    for script in tree.iter("script"):
        match = _FLIGHT_PUSH.match((script.text or "").strip())
        if match:
            try:
                chunk = json.loads(match.group(1))
            except (ValueError, RecursionError):
                continue
            if len(chunk) > 1 and isinstance(chunk[1], str):
                pushed.append(chunk[1])
    if not pushed:
        return []
    flight = "".join(pushed)
    raw = flight.encode("utf-8")
    rows = {m.group(1).decode(): raw[m.end(): m.end() + int(m.group(2), 16)]
            for m in _FLIGHT_TEXT_ROW.finditer(raw)}
    texts = []
    for match in _BODY_STRING.finditer(flight):
        try:
            value = json.loads(f'"{match.group(2)}"')
        except ValueError:
            continue
        if value.startswith("$") and value[1:] in rows:
            value = rows[value[1:]].decode("utf-8", "replace")
        texts.append(value)
    return texts


def _texts_under_body_keys(data: Any, depth: int = 0) -> Iterable[str]:
    if depth > 40:
        return
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, str) and key.lower() in _NEXT_DATA_KEYS:
                yield value
            elif isinstance(value, dict | list):
                yield from _texts_under_body_keys(value, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _texts_under_body_keys(item, depth + 1)
