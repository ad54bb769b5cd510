"""The article body: trafilatura's main-content pick, then our own block-level cleanup.

trafilatura finds the content area well but keeps what news templates put inside it:
the headline again, newsletter and subscription prompts, "Related:" lines, lists of links
to other stories, author contact lines, photo credits. We read its XML tree as blocks
(`extract_blocks.py`, with links kept, so link density can be measured) and drop such
blocks, by rules that hold for news pages in general rather than for any one site.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from lxml import etree
from lxml.html import HtmlElement

from tasks.extract_blocks import SENTENCE_END, Block, blocks_from_elements, trafilatura_blocks
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
_CITATION = re.compile(r"\s*\[\d+\]")
_URL = re.compile(r"\s*(https?://|www\.)\S+\s*$")
_LEADING_BLOCKS = 4
_HEADLINE_SEPARATOR = re.compile(r"\s+[|:–—-]\s*")
_AFFIX_WORDS = 5



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
    blocks = with_continuations(with_lost_subheadings(trafilatura_blocks(tree), tree), tree)
    return join_blocks(blocks, titles, captions, boilerplate)


_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
_NO_TEXT = {"script", "style", "noscript", "template"}


def with_lost_subheadings(blocks: list[Block], tree: HtmlElement) -> list[Block]:
    """The blocks with the subheadings put back that trafilatura left out between two of
    its paragraphs: an `<h2>`...`<h6>` whose nearest siblings with text are two `<p>` that
    end and open two blocks in a row. When trafilatura finds no content frame, it gathers
    the page's loose paragraphs and never its headings; a heading between two paragraphs
    of the article, in their own container, is a heading of that article."""
    keys = [words_key(b.text) for b in blocks]
    present = set(keys)
    inserts: dict[int, list[Block]] = {}
    for heading in tree.iter(*_SUBHEADINGS):
        before, after = _sibling_with_text(heading, -1), _sibling_with_text(heading, 1)
        if before is None or after is None or before.tag != "p" or after.tag != "p":
            continue
        key = words_key(heading.text_content())
        if not key or key in present:
            continue
        ends, opens = words_key(before.text_content()), words_key(after.text_content())
        at = next((i + 1 for i in range(len(keys) - 1)
                   if _ends_with(ends, keys[i]) and _ends_with(opens, keys[i + 1], start=True)),
                  None)
        if at is not None:
            inserts.setdefault(at, []).extend(blocks_from_elements([heading]))
            present.add(key)
    return _inserted(blocks, inserts)


def with_continuations(blocks: list[Block], tree: HtmlElement) -> list[Block]:
    """The blocks with the rest of an article that its page splits over several containers
    of one kind, with an ad or an embed between them (trafilatura takes one): each other
    element of the tag and class of the one whose `<p>` children the blocks hold most of,
    placed in the page's template as that one is (the same tags and classes down from the
    element they share), with no `<h1>` between them (an article loaded below has its own
    headline) and a paragraph of prose that the blocks lack. Its blocks go before or after
    the container's, as it stands on the page."""
    keys = [words_key(b.text) for b in blocks]
    where = {key: index for index, key in enumerate(keys) if key}
    held: dict[HtmlElement, list[int]] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        index = where.get(words_key(paragraph.text_content()))
        if index is not None and parent is not None and parent.get("class"):
            held.setdefault(parent, []).append(index)
    if not held:
        return blocks
    container, own = max(held.items(), key=lambda item: len(item[1]))
    present = set(keys)
    inserts: dict[int, list[Block]] = {}
    for twin in tree.xpath(f"//{container.tag}[@class=$c]", c=container.get("class")):
        mine, theirs = _branches(container, twin)
        if not mine or not theirs or _template(mine) != _template(theirs):
            continue
        after = _precedes(container, twin)
        first, last = (container, twin) if after else (twin, container)
        if twin.find(".//h1") is not None or any(
            _precedes(first, h) and _precedes(h, last) for h in mine[0].getparent().iter("h1")
        ):
            continue
        new = [b for b in blocks_from_elements([twin]) if words_key(b.text) not in present]
        if not any(_is_prose(b) for b in new):
            continue
        present.update(words_key(b.text) for b in new)
        inserts.setdefault(max(own) + 1 if after else min(own), []).extend(new)
    return _inserted(blocks, inserts)


def _branches(a: HtmlElement, b: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """The elements from just below the ancestor `a` and `b` share down to each (empty for
    one that holds the other)."""
    path_a = [*reversed(list(a.iterancestors())), a]
    path_b = [*reversed(list(b.iterancestors())), b]
    shared = 0
    while shared < min(len(path_a), len(path_b)) and path_a[shared] is path_b[shared]:
        shared += 1
    return path_a[shared:], path_b[shared:]


def _template(branch: list[HtmlElement]) -> list[tuple[str, str | None]]:
    return [(element.tag, element.get("class")) for element in branch]


def _precedes(a: HtmlElement, b: HtmlElement) -> bool:
    """Whether `a` comes before `b` on the page, neither holding the other."""
    mine, theirs = _branches(a, b)
    if not mine or not theirs:
        return False
    parent = mine[0].getparent()
    return parent.index(mine[0]) < parent.index(theirs[0])


def _inserted(blocks: list[Block], inserts: dict[int, list[Block]]) -> list[Block]:
    """`blocks` with `inserts[i]` before the block at index i (at the end for len(blocks))."""
    if not inserts:
        return blocks
    out: list[Block] = []
    for index, block in enumerate(blocks):
        out += inserts.get(index, [])
        out.append(block)
    return out + inserts.get(len(blocks), [])


def _ends_with(text: str, part: str, *, start: bool = False) -> bool:
    """Whether `part` is the whole of `text`'s words or its last (first) ones: a paragraph
    with line breaks gives a block a line."""
    if not part:
        return False
    return text == part or (text.startswith(f"{part} ") if start else text.endswith(f" {part}"))


def _sibling_with_text(element: HtmlElement, step: int) -> HtmlElement | None:
    """The nearest sibling before (`step` -1) or after (1) that holds text, past scripts
    and empty slots."""
    sibling = element.getprevious() if step < 0 else element.getnext()
    while sibling is not None and (
        not isinstance(sibling.tag, str) or sibling.tag in _NO_TEXT
        or not any(t.strip() for t in sibling.itertext())
    ):
        sibling = sibling.getprevious() if step < 0 else sibling.getnext()
    return sibling


def join_blocks(
    blocks: list[Block],
    titles: Iterable[str] = (),
    captions: Iterable[str] = (),
    boilerplate: Sequence[str] = (),
) -> str:
    """Clean the blocks and join them as paragraphs separated by blank lines."""
    patterns = compile_patterns(boilerplate)
    return "\n\n".join(b.text for b in clean_blocks(blocks, titles, captions, patterns))


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
        and not SENTENCE_END.search(text)
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
    prose = [b for b in region if _is_prose(b)]
    short = sum(
        1 for b in region
        if b.words < 12 and b.link_share < 0.5
        and not any(p.search(b.text) for p in DEFAULT_PATTERNS)
    )
    return len(prose) > short and sum(len(b.text) for b in prose) > sum(
        len(b.text) for b in region
    ) / 2


def _is_prose(block: Block) -> bool:
    """A paragraph with few links and a sentence's words or more."""
    return block.tag == "p" and block.link_share < 0.2 and block.words >= 20


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
