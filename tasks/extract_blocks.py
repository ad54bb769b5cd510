"""trafilatura's main content as blocks: paragraphs, headings, list items and rows in
reading order, each with the share of its text inside links (for link density)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

SENTENCE_END = re.compile(r"[.!?。…\"”»)]$")
_BLOCK_TAGS = {"p", "head", "list", "quote", "table"}
_SKIPPED = {"script", "style", "noscript", "template"}
_HTML_BLOCKS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre")


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
    _mend_orphans(body)
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


def _mend_orphans(body: _Element) -> None:
    """Sentences of loose text (outside any `<p>`, between `<br>`s) made whole again.
    trafilatura opens a new paragraph at a link or bold word there, with the rest of the
    sentence as its tail, stripped of the space before it ("Tarifssind"); the sentence's
    start stays behind, at body level or in a paragraph of its own. It is joined again
    when the tail goes on in lower case (so not in scripts without case)."""
    for paragraph in list(body):
        if paragraph.tag != "p" or (paragraph.text or "").strip() or not len(paragraph):
            continue
        inline = paragraph[0]
        if inline.tag not in ("ref", "hi"):
            continue
        tail, text = inline.tail or "", (inline.text or "").rstrip()
        if tail[:1].isalnum() and text and not _UNSPACED.search(text[-1] + tail[0]):
            inline.tail = tail = f" {tail}"
        if not tail.strip()[:1].islower():
            continue
        previous = paragraph.getprevious()
        loose = body.text if previous is None else previous.tail
        in_paragraph = not (loose and loose.strip())  # the start: a paragraph of its own
        if in_paragraph and (previous is None or previous.tag != "p" or len(previous)):
            continue
        start = " ".join(((previous.text if in_paragraph else loose) or "").split())
        if not start or SENTENCE_END.search(start):
            continue
        paragraph.text = f"{start} "
        if in_paragraph:
            body.remove(previous)
        elif previous is None:
            body.text = None
        else:
            previous.tail = None


# scripts written without spaces between words (Chinese, Japanese)
_UNSPACED = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


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
