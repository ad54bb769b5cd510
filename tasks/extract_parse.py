"""Parsing a page once, as trafilatura's loader does, within caps on its size.

Real news pages measured: at most 430 KB of HTML, 1,420 elements, 31 levels deep (the 61
dev pages). Past these caps the parse and trafilatura's passes grow faster than the page
(1M elements took 150 s uncapped), so they are cut, not refused.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction
from trafilatura.utils import DOCTYPE_TAG, is_dubious_html, repair_faulty_html

from tasks.errors import ExtractError

MAX_HTML_CHARS = 5_000_000
MAX_ELEMENTS = 30_000
MAX_DEPTH = 255  # libxml2's own limit without XML_PARSE_HUGE; lxml stops reading there


def parse_html(html: str, url: str = "") -> HtmlElement:
    """Parse once; ExtractError when the text is not HTML or has nothing but a `<head>`."""
    if not html or "<" not in html[:2000] or not re.search(r"<\s*[a-zA-Z!]", html[:5000]):
        raise ExtractError(f"{url or 'input'}: not HTML (no tags at the start of the document)")
    tree = _parse(html)
    if tree is None:
        raise ExtractError(f"{url or 'input'}: not HTML (lxml found no document in it)")
    if tree.find("body") is None and len(tree) < 2:
        raise ExtractError(f"{url or 'input'}: no <body> in the page, nothing to extract")
    return tree


# trafilatura's parser settings. lxml.html's own parser picks each element's class in
# Python (forms and inputs get theirs) whenever an element is touched; one class picked
# in C made the whole record a sixth faster, trafilatura's passes included, same output.
_PARSER = etree.HTMLParser(
    collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity,
))


def _parse(html: str) -> HtmlElement | None:
    """The document as trafilatura's `load_html` reads a string: repaired as it does, as
    UTF-8 bytes when lxml refuses the string (an XML encoding declaration) or finds
    nothing in it, and None when it does not open like HTML and parses as one element.
    A page that needs no repair (and has no lone surrogates) is read from its UTF-8 bytes
    at once: lxml reads them as it reads the string, and faster."""
    beginning = html[:50].lower()
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: lxml reads the string differently
        data = None
    # lxml tells a whole document from a fragment by its opening, with the whitespace of
    # the type it reads: the same for both only when the leading whitespace is ASCII
    leading = html[: len(html) - len(html.lstrip())]
    if data is None or not leading.isascii() or _needs_repair(html, data, beginning):
        text = repair_faulty_html(html, beginning)
        tree = _read(text)
        if tree is None or len(tree) < 1:
            tree = _read(text.encode("utf-8", "surrogatepass"))
    else:
        tree = _read(data)
    if tree is None:
        return None
    return None if is_dubious_html(beginning) and len(tree) < 2 else tree


def _read(document: str | bytes) -> HtmlElement | None:
    try:
        return lxml.html.fromstring(document, parser=_PARSER)
    except (ValueError, etree.LxmlError):  # "Document is empty" for a lone "<!--"
        return None


# what trafilatura's repair_faulty_html deletes everywhere (the characters XML forbids):
# the control characters as UTF-8 bytes (a memchr each), the noncharacters as characters
# (a string too narrow to hold one is passed over at once; their bytes took a search)
_XML_FORBIDDEN_BYTES = bytes(range(0x09)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20))
_XML_NONCHARACTERS = ("\ufffe", "\uffff")


def _needs_repair(html: str, data: bytes, beginning: str) -> bool:
    """Whether repair_faulty_html would change the page. It deletes the characters XML
    forbids with a regex over the whole page (a millisecond on a 300 kB page, more than
    these tests), then fixes a DOCTYPE with a slash on the first line (or
    adds a newline to a page without one) and an `<html .../>` in the first lines; most
    pages need none of it. `data` is the page as UTF-8 bytes."""
    if any(byte in data for byte in _XML_FORBIDDEN_BYTES):
        return True
    if any(noncharacter in html for noncharacter in _XML_NONCHARACTERS):
        return True
    newline = html.find("\n")
    if "doctype" in beginning and (newline < 0 or DOCTYPE_TAG.search(html[:newline])):
        return True
    return any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


def cap_tree(tree: HtmlElement) -> list[str]:
    """Drop every element after the first MAX_ELEMENTS (in document order); say what was
    cut, including whether lxml stopped reading at MAX_DEPTH."""
    cuts: list[str] = []
    # lxml stops reading the whole document at MAX_DEPTH, so the last element it kept is
    # that deep
    if sum(1 for _ in _last_element(tree).iterancestors()) + 1 >= MAX_DEPTH:
        cuts.append(f"elements nested deeper than {MAX_DEPTH} levels not read")
    if tree.xpath("count(//*)") > MAX_ELEMENTS:
        first_dropped = node = tree.xpath(f"(//*)[{MAX_ELEMENTS + 1}]")[0]
        while (parent := node.getparent()) is not None:
            for sibling in list(node.itersiblings()):
                parent.remove(sibling)
            node = parent
        first_dropped.getparent().remove(first_dropped)
        cuts.append(f"elements after the first {MAX_ELEMENTS:,} dropped")
    return cuts


# every text node of the body, as a plain string (no link back to its element)
_BODY_TEXTS = etree.XPath("//body//text()", smart_strings=False)


def body_texts(tree: HtmlElement) -> list[str]:
    """The texts of the page's `<body>` (scripts' and styles' too), one walk that the text
    searches share: an XPath's test of a text copies it, which costs more than this walk,
    so a search tries the tests it can on these strings first and walks the tree only when
    one of them could match."""
    return _BODY_TEXTS(tree)


def _last_element(tree: HtmlElement) -> HtmlElement:
    """The last element in document order, `(//*)[last()]`: the last element child of the
    last element child... (a walk down one branch, not over the whole tree)."""
    node = tree
    while (child := next((c for c in reversed(node) if isinstance(c.tag, str)), None)) is not None:
        node = child
    return node
