"""The standfirst that trafilatura leaves out of the body: found on the page by the
page's own description."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from tasks.extract_blocks import NOT_CONTENT
from tasks.extract_fields import words_key

_STANDFIRST_WORDS = 5  # a shorter description is a label, not a standfirst
_STANDFIRST_PREFIX_CHARS = 30
_STANDFIRST_TAGS = {"p", "div", "section"}
_INLINE_TAGS = {"span", "a", "b", "strong", "i", "em", "u", "small", "font", "mark"}
_DATELINE_WORDS = 3
_STANDFIRST_GAP = 5  # paragraphs between the standfirst and the body's first ones


def with_standfirst(body: str, tree: HtmlElement, descriptions: Iterable[str]) -> str:
    """The body opened by its standfirst, when trafilatura left it out: the paragraph
    whose text is the page's own description (after a dateline perhaps; not a sentence
    the body has already), just before the body's first paragraphs, in the article's
    flow. A standfirst in the article's `<header>` (or `<hgroup>`), with the headline and
    byline, stays out, as the rest of the header does; so does a heading, a second
    headline rather than the text's opening."""
    # the whole body's words, from its paragraphs' (cached since the body's cleaning read
    # them; no word runs across a paragraph break)
    words = " ".join(filter(None, map(words_key, body.split("\n\n"))))
    keys: dict[str, str] = {}  # the description's words -> its opening, as the page shows it
    for description in descriptions:
        key = words_key(description)
        if len(key.split()) >= _STANDFIRST_WORDS and key not in words:
            keys.setdefault(key, " ".join(description.split())[:_STANDFIRST_PREFIX_CHARS])
    if not keys:
        return body
    openings = {f"opening{i}": opening for i, opening in enumerate(keys.values())}
    for element in _parents_of_texts_with(len(openings))(tree, **openings):
        while element.tag in _INLINE_TAGS and element.getparent() is not None:
            element = element.getparent()
        if element.tag not in _STANDFIRST_TAGS or not any(_holds_only(element, k) for k in keys):
            continue
        if any(a.tag in NOT_CONTENT or a.tag == "hgroup" for a in element.iterancestors()):
            return body
        if _leads_into(element, body):
            return f"{' '.join(element.text_content().split())}\n\n{body}"
    return body


@lru_cache(maxsize=8)
def _parents_of_texts_with(openings: int) -> etree.XPath:
    """The parents of the body's texts that hold one of `$opening0`, `$opening1`...: one
    pass over the page for all of a page's descriptions."""
    holds = " or ".join(f"contains(., $opening{i})" for i in range(openings))
    return etree.XPath(f"//body//text()[{holds}]/..")


def _holds_only(element: HtmlElement, key: str) -> bool:
    """Whether the element's words are `key`, with a dateline ("Berlin.") at most before."""
    words, length = words_key(element.text_content()).split(), len(key.split())
    return " ".join(words[-length:]) == key and len(words) - length <= _DATELINE_WORDS


def _leads_into(element: HtmlElement, body: str) -> bool:
    """Whether one of the paragraphs that follow `element` opens the body."""
    firsts = {words_key(p) for p in body.split("\n\n")[:3]}
    return any(
        words_key(p.text_content()) in firsts
        for p in element.xpath(f"following::p[position() <= {_STANDFIRST_GAP}]")
    )
