"""Authors: the names in a page's bylines, and the cleaning every source's names go
through (no "By", roles, e-mails, photo credits, outlet names)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree
from lxml.html import HtmlElement

from tasks.extract_meta import MONTHS, ORGANISATION

_BY = re.compile(
    r"^\s*((written|reported|posted|words|text|story)\s+)?(by|par|von|por|di|door|av|от|af)"
    r"\s*[:\-]?\s+",
    re.I,
)
# Korean bylines put the role after the name ("신현주 기자": reporter, correspondent)
_ROLE_AFTER_NAME = re.compile(r"\s+(기자|특파원)$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_ROLE_WORDS = re.compile(
    r"\b(correspondent|editor|reporter|writer|columnist|contributor|staff|producer|analyst"
    r"|chief|journalist|director|head of|fellow|intern|photographer|bureau|desk|team"
    r"|newsroom|presenter|anchor|critic|author|contributing|senior|political|manager"
    r"|redakteur(in)?|redaktion|korrespondent(in)?|rédact(eur|rice)|journaliste|correspondant(e)?"
    r"|envoyée? spéciale?|redactor(a)?|periodista|corresponsal|giornalista|inviato)\b",
    re.I,
)
# News agencies are authors (a wire story's byline is the agency, alone or beside a
# reporter); these generic credits name nobody.
_NOBODY = re.compile(
    r"^(the )?(agencies|wire services?|news (agencies|service|desk)|staff|staff writers?"
    r"|web desk|admin(istrator)?|editorial)$",
    re.I,
)
_AGENCY = re.compile(
    r"^(the )?(associated press|ap|reuters|thomson reuters|afp|agence france[- ]presse|dpa|epd"
    r"|kna|apa|sda|ansa|efe|europa press|pa( media)?|press association|bloomberg|xinhua|tass"
    r"|ria novosti|interfax|anadolu|upi|ritzau|ntb|tt|anp|belga|kyodo|yonhap|aap|ips|dts)$",
    re.I,
)
# photo credits and places are not bylines ("Foto: Jana Roe", "Jana Roe/Agency")
_CREDIT = re.compile(
    r"^\(?(photo|foto|image|picture|bild|illustration|grafik|graphic|video|credit|quelle"
    r"|source|fuente|fonte)s?\b|\w/\s*\w",
    re.I,
)
# the one-letter conjunctions (y, e, i) in lower case only: "Bruce Y. Lee" is one name
_SPLIT_NAMES = re.compile(
    r"\s*(?:,|;|\||&|\+|\band\b|\bund\b|\bet\b|\b(?-i:[yei])\b(?!\.)|\bog\b|\boch\b|\ben\b"
    r"|\bи\b|\bwith\b)\s*",
    re.I,
)


def clean_authors(raw: Iterable[str]) -> list[str]:
    """Names only: no "By", roles, e-mails, photo credits, generic credits ("Staff"), URLs
    or duplicates. News agencies stay. A name marked as an organisation's (`jsonld_names`)
    is kept whole when it is the only byline, and among people only when it is an agency."""
    values = list(raw)
    people = [v for v in values if not v.startswith(ORGANISATION)]
    names: list[str] = []
    for value in values:
        if value.startswith(ORGANISATION):
            value = " ".join(value.removeprefix(ORGANISATION).split())
            if value and not _NOBODY.match(value) and (not people or _AGENCY.match(value)):
                _add(names, value)
            continue
        value = _HANDLE.sub(" ", _EMAIL.sub(" ", " ".join(value.split())))
        if not value or re.match(r"https?://", value) or _CREDIT.search(value):
            continue
        value = _BY.sub("", value)
        if _BY.match(f"{value} "):  # a "By" on a line of its own
            continue
        for part in _SPLIT_NAMES.split(value):
            part = re.split(r"\s+[-–—|/]\s+|\s*\(", part)[0]
            part = _ROLE_AFTER_NAME.sub("", _BY.sub("", part).strip(" .,:;-–—'\""))
            if not part or _NOBODY.match(part):
                continue
            if not _AGENCY.match(part) and _ROLE_WORDS.search(part):
                continue
            if len(part.split()) > 5 or re.search(r"\d", part) or not re.search(r"[^\W\d_]", part):
                continue
            _add(names, part)
    return names


def _add(names: list[str], name: str) -> None:
    if name.lower() not in {n.lower() for n in names}:
        names.append(name)


def heuristic_authors(tree: HtmlElement, texts: Sequence[str]) -> list[str]:
    """Author links and names first; a whole byline (with its date, "2 min read"...) last.
    `texts`: the body's texts (`body_texts`), where a byline is looked for before the
    slower walk that leaves out the furniture."""
    for xpath in _AUTHOR_XPATHS:
        found = tree.xpath(xpath)
        if found:
            return [text for element in found[:4] for text in _byline_texts(element)]
    links = [a for a in tree.xpath(_AUTHOR_PAGE_LINKS) if a.text_content().strip()]
    if links:
        return [" ".join(a.text_content().split()) for a in _same_byline(links)]
    if not any(len(text) < 80 and _BY_LINE.match(text) for text in texts):
        return []
    for text in tree.xpath(_BY_TEXT):
        if _BY_LINE.match(text):
            return [" ".join(text.split())]
    return []


# a longer "byline" is an author's bio ("Ana Lind is the editor of..."), its links other sites
_BYLINES = "//@class[contains(., 'byline')]/parent::*[string-length(normalize-space()) < 150]"
_AUTHOR_XPATHS = (  # through the attributes, as in `set_apart`
    "//@rel[. = 'author']/parent::a | //@itemprop[. = 'author']/../descendant::*[@itemprop='name']",
    "//@itemprop[. = 'author']/.. | //@class[contains(., 'author-name')]/..",
    f"{_BYLINES}/descendant::a",
    _BYLINES,
    # person links and author boxes as common templates mark them
    "(//@class[contains(., 'person-link') or contains(., 'author__name')"
    " or contains(., 'authorname') or contains(., 'article-author')]/..)"
    "[not(ancestor::aside or ancestor::footer or ancestor::nav)]",
)
# links to an author's page (`/author/jane-roe/`, as WordPress and many CMSs build them)
_AUTHOR_PAGE_LINKS = (
    "//@href[contains(., '/author/') or contains(., '/authors/') or contains(., '/autor/')"
    " or contains(., '/autoren/') or contains(., '/auteur/')]"
    "/parent::a[not(ancestor::aside or ancestor::footer or ancestor::nav)]"
)
_BYLINE_WORDS = 20


def _same_byline(links: list[HtmlElement]) -> list[HtmlElement]:
    """The first link and those beside it in one byline (the largest element around it of
    at most _BYLINE_WORDS words); later ones are other stories' (teasers, "more from")."""
    first, byline = links[0], links[0]
    for ancestor in first.iterancestors():
        if len(ancestor.text_content().split()) > _BYLINE_WORDS:
            break
        byline = ancestor
    inside = set(byline.iter("a"))
    return [a for a in links if a in inside][:4]


def _byline_texts(element: HtmlElement) -> list[str]:
    """The element's text, or each child's when the names sit in child elements with
    nothing but separators between them (`<span>Ana Lind</span> <span>Jo Berg</span>`),
    or each line when `<br>` breaks it (`by Jo Berg<br><span>Monday, 18 May</span>`)."""
    children = [c for c in element if isinstance(c.tag, str) and c.text_content().strip()]
    between = (element.text or "") + "".join(c.tail or "" for c in element)
    if children and not between.strip(" ,;&|·/\n\t\xa0"):
        return [text for child in children for text in _byline_texts(child)]
    pieces = _TEXTS_AND_BREAKS(element)
    text = "".join(p if isinstance(p, str) else "\n" for p in pieces)
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    return [line for line in lines if not _is_date_line(line)] if len(lines) > 1 else lines


def _is_date_line(text: str) -> bool:
    """Whether a line is a date ("Monday, November 18, 2019"): a month and a number, and
    two words at most besides ("Updated Monday"); not a line that opens with "By"."""
    words = re.findall(r"[^\W\d_]+", text)
    months = sum(word.lower() in MONTHS for word in words)
    return bool(months and re.search(r"\d", text)) and len(words) - months <= 2 and (
        not _BY.match(text))


_TEXTS_AND_BREAKS = etree.XPath(".//text() | .//br")


# a byline as plain text, outside the furniture: "von Jemima Kelly", "By Jane Roe"
_BY_TEXT = (  # the cheap test first: the ancestor walk costs most
    "//body//text()[string-length(.) < 80][not(ancestor::script or ancestor::style"
    " or ancestor::a or ancestor::aside or ancestor::footer or ancestor::nav)]"
)
_BY_LINE = re.compile(  # around the words, any spaces
    r"^\s*(by|von|par|por|door|av|af|di|от)\s+\w[\w'’.-]*(\s+\w[\w'’.-]*){1,3}\s*$", re.I
)
