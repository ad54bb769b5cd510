"""The article body: trafilatura's main-content pick, then our own block-level cleanup.

trafilatura finds the content area well but keeps what news templates put inside it:
the headline again, newsletter and subscription prompts, "Related:" lines, lists of links
to other stories, author contact lines, photo credits. We ask it for its XML tree (with
links kept, so link density can be measured) and drop such blocks, by rules that hold
for news pages in general rather than for any one site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import trafilatura
from lxml import etree
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

from tasks.extract_boilerplate import (
    DEFAULT_PATTERNS,
    PAYWALL_PROMPT,
    SHORT_BLOCK_WORDS,
    compile_patterns,
    is_boilerplate,
    opens_like_boilerplate,
)
from tasks.extract_fields import words_key

# A heading that opens a section of links to other stories: what follows it is not the
# article, when it comes after most of the text.
_OTHER_STORIES = re.compile(
    r"(top|related|more|other|latest|recommended|popular|trending|partner|sponsored|featured)"
    r"( \w+){0,3} (stories|articles|news|content|reads?|posts|videos|links|coverage)"
    r"|(more (from|on|in|about)|most (read|popular|viewed|shared)|(editor'?s|our) picks"
    r"|you (may|might) (also )?(like|enjoy)|also read|read (more|next)|recommended( for you)?"
    r"|what to read next|around the web)( \w+){0,3}",
    re.IGNORECASE,
)
_TAIL_LABEL_WORDS = 4
_TAIL_LABEL_CHARS = 30
_TAIL_LABELS = 3
_SENTENCE_END = re.compile(r"[.!?。…\"”»)]$")
_BLOCK_TAGS = {"p", "head", "list", "quote", "table"}
_SKIPPED = {"script", "style", "noscript", "template"}
_HTML_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")
_CITATION = re.compile(r"\s*\[\d+\]")
_URL = re.compile(r"\s*(https?://|www\.)\S+\s*$")
_LEADING_BLOCKS = 4
_HEADLINE_SEPARATOR = re.compile(r"\s+[|:–—-]\s*")
_AFFIX_WORDS = 5


@dataclass
class Block:
    """One top-level piece of the extracted body, in reading order."""

    tag: str
    text: str
    link_share: float  # share of the block's characters inside links
    starts_with_link: bool

    @property
    def words(self) -> int:
        return len(self.text.split())


def extract_body(
    tree: HtmlElement,
    *,
    titles: Iterable[str] = (),
    captions: Iterable[str] = (),
    boilerplate: Sequence[str] = (),
) -> str:
    """The cleaned body of a parsed page: paragraphs separated by blank lines.

    `titles` (headline, subtitle) are dropped where the body repeats them at its start;
    `captions` are dropped wherever they appear; `boilerplate` adds regex patterns.
    """
    return join_blocks(trafilatura_blocks(tree), titles, captions, boilerplate)


def join_blocks(
    blocks: list[Block],
    titles: Iterable[str] = (),
    captions: Iterable[str] = (),
    boilerplate: Sequence[str] = (),
) -> str:
    """Clean the blocks and join them as paragraphs separated by blank lines."""
    patterns = compile_patterns(boilerplate)
    return "\n\n".join(b.text for b in clean_blocks(blocks, titles, captions, patterns))


# a fast result this short may be the main extractor missing the article (see below)
_FAST_ENOUGH_CHARS = 1000


def trafilatura_blocks(tree: HtmlElement) -> list[Block]:
    """trafilatura's main content as blocks (it copies the tree, ours stays intact).

    Its fast mode (the main extractor alone) takes about a third less time than its full
    mode (which compares with readability and jusText) and scored the same on the dev
    corpora, except where it missed the article: a short result (or none) on a page whose
    own paragraphs hold over twice its text. Only then does the full mode run too (on 4 of
    205 dev pages; a retry on every short result changed nothing on 8 more).
    Links are kept (their text, for link density) but not resolved: no URL is passed."""
    blocks = _trafilatura_pass(tree, fast=True)
    found = sum(len(b.text) for b in blocks)
    if found < _FAST_ENOUGH_CHARS and (
        not found or 2 * found < sum(paragraph_chars(tree).values())
    ):
        blocks = _trafilatura_pass(tree, fast=False) or blocks
    return blocks


# built once for each mode (trafilatura reads its config to build them on every call); a
# format other than "python" spares the plain-text rendering of the body: we read its tree
_OPTIONS = {
    fast: Extractor(output_format="xml", fast=fast, comments=False, links=True, tables=True)
    for fast in (True, False)
}


def _trafilatura_pass(tree: HtmlElement, *, fast: bool) -> list[Block]:
    document = trafilatura.bare_extraction(tree, options=_OPTIONS[fast])
    if document is None or document.body is None:
        return []
    return list(_blocks(document.body))


NOT_CONTENT = ("header", "nav", "footer", "aside", "figure", "form")


def paragraph_chars(tree: HtmlElement) -> dict[HtmlElement, int]:
    """For each element with `<p>` children, the characters of text they hold, outside the
    page's furniture (header, navigation, asides, figures, forms)."""
    chars: dict[HtmlElement, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        if parent is None or any(a.tag in NOT_CONTENT for a in paragraph.iterancestors()):
            continue
        chars[parent] = chars.get(parent, 0) + len(" ".join(paragraph.text_content().split()))
    return chars


def paragraph_container(tree: HtmlElement) -> HtmlElement | None:
    """The element whose own `<p>` children hold the most text, outside the furniture."""
    chars = paragraph_chars(tree)
    return max(chars, key=chars.__getitem__) if chars else None


def _blocks(body: _Element) -> Iterable[Block]:
    if body.text and body.text.strip():
        yield Block("p", " ".join(body.text.split()), 0.0, False)
    for element in body:
        if element.tag == "list":
            for item in element:
                if item.tag == "item":
                    yield from _split(item, "item")
        elif element.tag == "table":
            yield from _table_blocks(element)
        else:
            yield from _split(element, element.tag)
        # trafilatura leaves some text (often a subheading) as a tail at body level
        if element.tail and element.tail.strip():
            yield Block("p", " ".join(element.tail.split()), 0.0, False)


def blocks_from_elements(elements: Iterable[HtmlElement]) -> list[Block]:
    """Blocks from HTML elements an outlet rule selected: their paragraphs, headings,
    list items and quotes, or the element's own text when it has none of those."""
    blocks: list[Block] = []
    for element in elements:
        parts = [el for el in element.iter(*_HTML_BLOCKS) if not _inside_block(el, element)]
        for part in parts or [element]:
            tag = "item" if part.tag == "li" else "head" if part.tag[:1] == "h" else "p"
            blocks.extend(_split(part, tag))
    return blocks


def _inside_block(element: HtmlElement, root: HtmlElement) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is root:
            return False
        if ancestor.tag in _HTML_BLOCKS:
            return True
    return False


def _table_blocks(table: _Element) -> Iterable[Block]:
    """A data table gives a block per row; a layout table (cells holding paragraphs) is
    read cell by cell like a body."""
    for row in table.iter("row"):
        if any(child.tag in _BLOCK_TAGS for cell in row for child in cell):
            for cell in row:
                yield from _blocks(cell)
        else:
            cells = (" ".join(_text(cell).split()) for cell in row)
            yield Block("row", " | ".join(c for c in cells if c), 0.0, False)


def _split(element: _Element, tag: str) -> Iterable[Block]:
    """One block per line of the element: `<br>` (trafilatura's `lb`) separates lines."""
    pieces: list[tuple[str, bool]] = []
    _walk(element, False, pieces, top=True)
    for line in _lines(pieces):
        text = " ".join("".join(t for t, _ in line).split())
        if not text:
            continue
        refs = [" ".join(t.split()) for t, linked in line if linked and t.strip()]
        linked_chars = sum(len(r) for r in refs)
        yield Block(tag, text, linked_chars / len(text), bool(refs) and text.startswith(refs[0]))


def _walk(
    element: _Element, in_ref: bool, pieces: list[tuple[str, bool]], top: bool = False
) -> None:
    if not isinstance(element.tag, str) or element.tag in _SKIPPED:  # comments, scripts
        if element.tail and not top:
            pieces.append((element.tail, in_ref))
        return
    if element.tag in ("lb", "br"):
        pieces.append(("\n", False))
    in_ref = in_ref or element.tag in ("ref", "a")
    if element.text:
        pieces.append((element.text, in_ref))
    for child in element:
        _walk(child, in_ref, pieces)
    if element.tail and not top:
        pieces.append((element.tail, in_ref and element.tag not in ("ref", "a")))


def _lines(pieces: list[tuple[str, bool]]) -> Iterable[list[tuple[str, bool]]]:
    line: list[tuple[str, bool]] = []
    for text, linked in pieces:
        if text == "\n":
            yield line
            line = []
        else:
            line.append((text, linked))
    yield line


def _text(element: _Element) -> str:
    return "".join(element.itertext())


def clean_blocks(
    blocks: list[Block],
    titles: Iterable[str],
    captions: Iterable[str],
    patterns: Sequence[re.Pattern[str]],
) -> list[Block]:
    """Drop repeated headlines, boilerplate (at the end also a long block that opens as
    boilerplate does), captions and link lists, and the heading of a section that held only
    a link list."""
    title_keys = {key for t in titles if t and (key := words_key(t))}
    caption_keys = {key for c in captions if c and len(key := words_key(c)) > 15}
    blocks = _cut_short_tail(_cut_paywall(_cut_other_stories(blocks)))
    kept: list[Block] = []
    links_only: Block | None = None  # a kept heading followed so far only by link items
    for index, block in enumerate(blocks):
        key = words_key(block.text)
        if not key:
            continue
        if index < _LEADING_BLOCKS and _is_headline(block.text, key, title_keys):
            continue
        if key in caption_keys or is_boilerplate(block.text, patterns):
            continue
        if index == len(blocks) - 1 and opens_like_boilerplate(block.text):
            continue
        if is_link_list_item(block):
            if kept and kept[-1].tag == "head":
                links_only = kept[-1]
            continue
        if links_only is not None and block.tag == "head" and kept[-1] is links_only:
            kept.pop()
        links_only = None
        kept.append(block)
    if links_only is not None and kept[-1] is links_only:
        kept.pop()
    return kept


def _is_headline(text: str, key: str, title_keys: set[str]) -> bool:
    """Whether a block is the headline (after a kicker or a label too), or the headline
    glued to its kicker or the site's name by a separator with a space before it, as a
    heading's parts come out ("Fernost : <headline>", "<headline> | Site")."""
    if key in title_keys:
        return True
    parts = _HEADLINE_SEPARATOR.split(text)
    return len(parts) == 2 and any(
        words_key(part) in title_keys and len(other.split()) <= _AFFIX_WORDS
        for part, other in (parts, parts[::-1])
    )


def _cut_other_stories(blocks: list[Block]) -> list[Block]:
    """Drop an "other stories" heading and everything after it, when it follows most of
    the text (such a heading early on is more likely part of the article's layout). Such a
    heading followed by prose is an inline card (its links are dropped one by one as link
    items) between the article's paragraphs, not the end of the article.
    """
    total = sum(len(b.text) for b in blocks)
    seen = 0
    for index, block in enumerate(blocks):
        text = block.text.strip(" :|>»-")
        if (
            seen >= total / 2
            and _OTHER_STORIES.fullmatch(text)
            and not _mostly_prose(blocks[index + 1 :])
        ):
            return blocks[:index]
        seen += len(block.text)
    return blocks


def _cut_paywall(blocks: list[Block]) -> list[Block]:
    """Drop a paywall's prompt and everything after it, when it follows most of the text."""
    total = sum(len(b.text) for b in blocks)
    seen = 0
    for index, block in enumerate(blocks):
        if seen >= total / 2 and block.words <= SHORT_BLOCK_WORDS and PAYWALL_PROMPT.search(
            block.text
        ):
            return blocks[:index]
        seen += len(block.text)
    return blocks


def _cut_short_tail(blocks: list[Block]) -> list[Block]:
    """Drop a run of labels at the end ("Thema", "mit Video", "von Jane Roe", ...: what is
    left of a list of cards for other stories), with a line that leads into it ("More on
    this in our live blog:")."""
    end = len(blocks)
    while end and _is_label(blocks[end - 1].text):
        end -= 1
    if len(blocks) - end < _TAIL_LABELS or not end:
        return blocks
    if blocks[end - 1].text.endswith(":"):
        end -= 1
    return blocks[:end]


def _is_label(text: str) -> bool:
    return (
        len(text) <= _TAIL_LABEL_CHARS
        and len(text.split()) <= _TAIL_LABEL_WORDS
        and not _SENTENCE_END.search(text)
    )


def _mostly_prose(blocks: list[Block]) -> bool:
    """Whether the blocks up to the next "other stories" heading are mostly prose: over
    half their text in paragraphs with few links and a sentence's words or more, and more
    of those than short unlinked lines (a teaser list alternates a short headline with a
    one-line summary; a card's links are link items)."""
    end = next(
        (i for i, b in enumerate(blocks) if _OTHER_STORIES.fullmatch(b.text.strip(" :|>»-"))),
        len(blocks),
    )
    region = blocks[:end]
    prose = [b for b in region if b.tag == "p" and b.link_share < 0.2 and b.words >= 20]
    short = sum(
        1 for b in region
        if b.words < 12 and b.link_share < 0.5
        and not any(p.search(b.text) for p in DEFAULT_PATTERNS)
    )
    return len(prose) > short and sum(len(b.text) for b in prose) > sum(
        len(b.text) for b in region
    ) / 2


def is_link_list_item(block: Block) -> bool:
    """A list item that leads with a link to another story, or a paragraph that is all link."""
    if _URL.match(block.text):  # a cited source, not a link to another story
        return False
    if block.tag == "item":  # a headline may follow a short kicker ("Warnung: <a>...</a>")
        return block.link_share >= (0.25 if block.starts_with_link else 0.5)
    # prose is never all link; reference lists ("[1] Title, Journal") are the exception
    return block.link_share >= 0.9 and not _CITATION.match(block.text)


def without_boxes(body: str, boxes: Iterable[str]) -> str:
    """The body without the paragraphs of the page's info boxes, unless they are most of
    it: a box so named around the article's own text is its layout, not a box beside it."""
    keys = {words_key(box) for box in boxes} - {""}
    if not keys:
        return body
    paragraphs = body.split("\n\n")
    kept = [p for p in paragraphs if words_key(p) not in keys]
    return "\n\n".join(kept) if 2 * sum(map(len, kept)) >= len(body) else body


def without_own_address(body: str, addresses: Iterable[str | None]) -> str:
    """The body without a paragraph that is the page's own address (the line a print view
    adds to say where the article is from)."""
    own = {a.strip().rstrip("/") for a in addresses if a}
    paragraphs = body.split("\n\n")
    kept = [p for p in paragraphs if p.strip().rstrip("/") not in own]
    return "\n\n".join(kept) if kept and len(kept) < len(paragraphs) else body


# --- bylines and datelines -------------------------------------------------------------

_BYLINE_LINE_WORDS = 12
_BYLINE_OTHER_WORDS = 3
_TRAILING_BLOCKS = 3
_BIO_WORDS = 60
_BIO_NAME_AT = 3  # words before the name: "Correspondent", "Der Berliner Imam"
_COPULA = re.compile(r"( \w+)? (is|was|ist|war|est|était|es|era|è|är|var|er|jest|je|é|был|была)\b")
_AUTHOR_KEY_CHARS = 5  # shorter Latin names ("AP", "dpa") are words that prose uses too


def without_bylines(body: str, authors: Sequence[str], published: datetime | None) -> str:
    """The body without its byline and dateline lines and the author's bio: a short line
    that is an author's name with a few words around it ("By Jane Roe", "Jane Roe, 2 hours
    ago"), among the first lines one that is the publication date with a label or two
    ("Stand: 22.04.2024, 06:00 Uhr"), and among the last ones a paragraph that opens with
    an author's full name ("Correspondent Jane Roe covers the harbour for ...")."""
    author_keys = [
        k for k in map(words_key, authors) if len(k) >= _AUTHOR_KEY_CHARS or not k.isascii()
    ]
    full_names = [k for k in author_keys if " " in k]
    paragraphs = body.split("\n\n")
    last = len(paragraphs) - _TRAILING_BLOCKS
    kept = [
        p for index, p in enumerate(paragraphs)
        if not _is_byline(p, author_keys)
        and not (index < _LEADING_BLOCKS and _is_dateline(p, published))
        and not (index >= max(last, 1) and _is_bio(p, full_names))
    ]
    return "\n\n".join(kept) if kept else body


def _is_bio(text: str, full_names: Sequence[str]) -> bool:
    """Whether a paragraph says who an author is: the name near its start, then "is"
    ("Jane Roe (*1958) war ...")."""
    key = words_key(text)
    if len(key.split()) > _BIO_WORDS:
        return False
    return any(
        (at := key.find(name)) >= 0
        and len(key[:at].split()) <= _BIO_NAME_AT
        and _COPULA.match(key[at + len(name) :])
        for name in full_names
    )


def _is_byline(text: str, author_keys: Sequence[str]) -> bool:
    if not author_keys or len(text.split()) > _BYLINE_LINE_WORDS:
        return False
    key = words_key(text)
    rest = key
    for author in author_keys:
        rest = rest.replace(author, " ")
    return rest != key and len(rest.split()) <= _BYLINE_OTHER_WORDS


def _is_dateline(text: str, published: datetime | None) -> bool:
    """A short line of numbers holding the publication's year and day (give or take a
    day for the time zone), with few words besides."""
    tokens = text.split()
    if published is None or len(tokens) > _BYLINE_LINE_WORDS:
        return False
    words = [t for t in tokens if any(c.isalpha() for c in t) and not any(c.isdigit() for c in t)]
    if len(words) > _BYLINE_OTHER_WORDS:
        return False
    numbers = {int(n) for n in re.findall(r"\d+", text)}
    days = {published.day - 1, published.day, published.day + 1}
    return published.year in numbers and bool(numbers & days)


# --- page chrome -----------------------------------------------------------------------

# Elements that hold a news template's furniture rather than the article: the page and
# article headers, navigation and breadcrumbs, figures, dates, buttons, the headline, and
# links outside paragraphs. The tags are found in one walk of the tree (an XPath union of
# `//tag` walks it once a tag).
_FURNITURE_TAGS = (
    *("header", "nav", "footer", "aside", "figure", "figcaption", "time", "button"),
    *("h1", "h2", "h3", "h4"),
)
_LINKS_OUTSIDE_PARAGRAPHS = etree.XPath("//a[not(ancestor::p)]")
_HEADINGS = {"h2", "h3", "h4"}
_CHROME_MAX_WORDS = 80
_BYLINE_MAX_WORDS = 15
_CHROME_SHARE = 0.5
_SEPARATORS = " ,;:|·•-–—/›»>"


def page_chrome(tree: HtmlElement, known: Iterable[str], authors: Iterable[str]) -> list[str]:
    """The texts around an article on its page, longest first: the page's own metadata
    (`known`: headline, standfirst, site name...), the furniture elements above
    (subheadings only when they open an "other stories" list), and the short elements
    around an author's name or a date (the byline: "Jane Roe, Energy Correspondent
    18 November 2026, 16:40")."""
    texts = {" ".join(t.split()) for t in (*known, *authors) if t}
    anchors: list[HtmlElement] = []
    for element in (*tree.iter(*_FURNITURE_TAGS), *_LINKS_OUTSIDE_PARAGRAPHS(tree)):
        text = " ".join(element.text_content().split())
        if not text or len(text.split()) > _CHROME_MAX_WORDS:
            continue
        if element.tag in _HEADINGS and not _OTHER_STORIES.fullmatch(text.strip(" :|>»-")):
            continue
        texts.add(text)
        if element.tag == "time":
            anchors.append(element)
    for name in authors:
        anchors += tree.xpath("//body//text()[contains(., $name)]/..", name=name)
    for anchor in anchors:
        for element in (anchor, *anchor.iterancestors()):
            text = " ".join(element.text_content().split())
            if len(text.split()) > _BYLINE_MAX_WORDS:
                break
            texts.add(text)
    return sorted((t for t in texts if t), key=len, reverse=True)


def strip_chrome(body: str, chrome: Sequence[str], boilerplate: Sequence[str] = ()) -> str:
    """`body` as it is, or, when it is mostly page chrome, what is left of it once the
    chrome is peeled off (cleaned again: the remainder may end in "Related stories")."""
    residue = peel_chrome(body.split("\n\n"), chrome)
    if residue is None:
        return body
    patterns = compile_patterns(boilerplate)
    blocks = [Block("p", text, 0.0, False) for text in residue]
    return "\n\n".join(b.text for b in clean_blocks(blocks, (), (), patterns))


def peel_chrome(paragraphs: list[str], chrome: Sequence[str]) -> list[str] | None:
    """What is left of a body that is mostly page chrome, once the chrome is peeled off
    its start and end; None when chrome is not most of the body.

    On a page whose article is nearly empty, trafilatura falls back to the text of the
    whole `<article>` element: breadcrumbs, headline, standfirst, byline, date, share bar
    and caption glued into one paragraph around a line of real text. Such text lies at the
    edges of the body, so only the edges are peeled; a real article that merely quotes its
    own headline in the middle is left alone.
    """
    total = sum(len(p) for p in paragraphs)
    if not chrome or not total:
        return None
    texts = list(paragraphs)
    first, end = 0, len(texts)
    while first < end:
        texts[first] = _peel(texts[first], chrome, leading=True)
        if texts[first]:
            break
        first += 1
    while first < end:
        texts[end - 1] = _peel(texts[end - 1], chrome, leading=False)
        if texts[end - 1]:
            break
        end -= 1
    kept = texts[first:end]
    return kept if sum(len(t) for t in kept) <= total * (1 - _CHROME_SHARE) else None


def _peel(text: str, chrome: Sequence[str], *, leading: bool) -> str:
    """`text` without the chrome strings it starts (or ends) with, one after another."""
    peeled = True
    while peeled and text:
        peeled = False
        for piece in chrome:
            if leading and text.startswith(piece) and _joint(text, len(piece)):
                text, peeled = text[len(piece) :].lstrip(_SEPARATORS), True
                break
            if not leading and text.endswith(piece) and _joint(text, len(text) - len(piece)):
                text, peeled = text[: len(text) - len(piece)].rstrip(_SEPARATORS), True
                break
    return text


def _joint(text: str, at: int) -> bool:
    """Whether `at` can separate two pieces of text: not inside a word, unless what
    follows starts with a capital (inline elements glued together: "FacebookShare on X")."""
    if at <= 0 or at >= len(text):
        return True
    return not (text[at - 1].isalnum() and text[at].isalnum()) or text[at].isupper()
