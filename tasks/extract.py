"""From a page's HTML to an `Article`.

The page is parsed once (lxml, through trafilatura's tolerant loader). Each field takes
the first source that has it: JSON-LD article -> OpenGraph / `<meta>` -> the outlet's
rules (the version valid for the page's date) -> heuristics -> the feed's `Candidate`.
The body is trafilatura's main-content pick cleaned by `extract_body`, or the outlet
rules' body selectors when they match; a short body made mostly of the page's own chrome
(headline, byline, share bar...) keeps only what is left without it, possibly nothing.
`field_sources` records the winner of each field.

The work per page is capped, so that a hostile or broken page costs at most a second or
two: the first `MAX_HTML_CHARS` of the decoded HTML are parsed and the rest cut off, the
first `MAX_ELEMENTS` elements are read and the rest dropped, and lxml itself stops at
`MAX_DEPTH` levels of nesting (what is nested deeper is lost). A page cut short this way
says so in `field_sources["truncated"]` and in a logged warning.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import re
import zlib
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from lxml import etree
from lxml.html import HtmlElement

from tasks.charset import decode_html
from tasks.config import ExtractionRules
from tasks.errors import ExtractError
from tasks.extract_authors import clean_authors, heuristic_authors
from tasks.extract_blocks import blocks_from_elements, paragraph_container
from tasks.extract_body import (
    extract_body,
    join_blocks,
    page_chrome,
    strip_chrome,
    without_boxes,
    without_bylines,
    without_own_address,
)
from tasks.extract_boilerplate import DEFAULT_BOILERPLATE
from tasks.extract_fields import (
    absolute_url,
    date_order,
    in_zone,
    noon_utc,
    not_the_outlet,
    on_day,
    on_site,
    people,
    publication_zone,
    title_without_affixes,
    words_key,
)
from tasks.extract_language import body_language, declared_language, detect_language
from tasks.extract_meta import (
    PageMeta,
    ambiguous_day,
    calendar_day,
    date_only,
    heuristic_day,
    heuristic_published,
    heuristic_section,
    heuristic_title,
    jsonld_free,
    jsonld_names,
    jsonld_text,
    parse_datetime,
    parse_local,
    pick_rules,
    read_page_meta,
    select,
    set_apart,
    teaser_card_texts,
    unescape_entities,
)
from tasks.extract_parse import MAX_HTML_CHARS, body_texts, cap_tree, parse_html
from tasks.extract_payload import next_data_blocks, text_blocks
from tasks.extract_standfirst import with_standfirst
from tasks.language_codes import language_code
from tasks.models import Article, Candidate
from tasks.urls import is_http_url

__all__ = ["DEFAULT_BOILERPLATE", "extract_article", "extract_file", "iter_html_files"]

log = logging.getLogger("newswatch.extract")

# A saved file is read (and a .gz inflated, as a stream) only this far: enough bytes for
# MAX_HTML_CHARS of non-Latin text, and a 1 MB gzip bomb cannot fill the memory.
MAX_FILE_BYTES = 2 * MAX_HTML_CHARS

_PAYWALL = re.compile(
    r"(subscribe|subscription|sign in|log ?in|register|become a member) (now )?to (continue|keep)"
    r" reading|to (continue|keep) reading,? (please )?(subscribe|sign in|log ?in|register)"
    r"|sign up to read (this|the (full|rest))|(this|the) (article|story|content) is (only )?"
    r"(available|reserved|exclusive) (to|for) (subscribers|members|premium)"
    r"|already (a subscriber|have an account)\?.{0,40}(sign|log) ?in to (continue|read)"
    r"|(subscribe|unlock) to read the (full|rest|whole)",
    re.IGNORECASE,
)
# Every _PAYWALL match holds one of these (all but the first letter: "Read", "READ"); the
# substring test in the XPath spares the slow regex most texts (on a 15,000-paragraph page
# it took 1.5 s)
_PAYWALL_STEMS = ("ead", "ontinu", "ubscri", "ember", "remium")
_CHROME_CHECK_WORDS = 400
_NEXT_DATA_WORDS = 50
# the cheap tests first: the ancestor walk costs most; plain strings, not lxml's smart ones
_PAYWALL_CANDIDATES = etree.XPath(
    "//body//text()[string-length(.) < 400][string-length(normalize-space(.)) > 15]"
    "[" + " or ".join(f"contains(., '{stem}') or contains(., '{stem.upper()}')"
                      for stem in _PAYWALL_STEMS) + "]"
    "[not(ancestor::script or ancestor::style or ancestor::noscript)]",
    smart_strings=False,
)
_PAYWALL_STEM = re.compile("|".join(f"{stem}|{stem.upper()}" for stem in _PAYWALL_STEMS))


def extract_article(
    html: str,
    url: str,
    rules: Sequence[ExtractionRules] = (),
    *,
    outlet: str | None = None,
    fallback: Candidate | None = None,
    boilerplate: Sequence[str] = (),
    languages: Sequence[str] = (),
    sites: Sequence[str] = (),
) -> Article:
    """Extract an article from decoded HTML; `url` is where the page was fetched from.
    `languages` (the configured ones) join NEWS_LANGUAGES for language detection.
    `sites` (the outlet's domain and aliases) are where its canonical URL may point, with
    the host it was fetched from; a canonical elsewhere is kept in
    `field_sources["offsite_canonical"]` and not used.

    Raises ExtractError when the input is not HTML or holds no article text.
    """
    cuts: list[str] = []
    if len(html) > MAX_HTML_CHARS:
        cuts.append(f"HTML cut at {MAX_HTML_CHARS:,} of {len(html):,} characters")
        html = html[:MAX_HTML_CHARS]
    tree = parse_html(html, url)
    cuts += cap_tree(tree)
    page = read_page_meta(tree)
    ld = page.jsonld
    sources: dict[str, str] = {}
    if cuts:
        sources["truncated"] = "; ".join(cuts)
        log.warning("%s: page cut short: %s", url, sources["truncated"])

    def pick(name: str, *candidates: tuple[str, Any]) -> Any:
        """The first truthy value; a callable is a costly one, called only when needed."""
        for source, value in candidates:
            if callable(value):
                value = value()
            if value:
                sources[name] = source
                return value
        return None

    declared_sources: Sequence[str] = ("jsonld", "opengraph", "meta")
    published_values: Sequence[str | None] = (
        jsonld_text(ld.get("datePublished")),
        page.first(*_PUBLISHED_OG),
        page.first(*_PUBLISHED_META),
    )
    modified_values = (jsonld_text(ld.get("dateModified")),
                       page.first(*_MODIFIED_OG), page.first(*_MODIFIED_META))
    order = date_order(
        (page.html_lang, jsonld_text(ld.get("inLanguage")), page.first("og:locale"),
         page.first("content-language", "language", "dc.language")),
        (*published_values, *modified_values),
        url,
    )
    if order is None:  # a date that reads two ways (05/06/2024) after those that read one
        declared_sources, published_values = zip(*sorted(
            zip(declared_sources, published_values, strict=True),
            key=lambda pair: ambiguous_day(pair[1]),
        ), strict=True)
    zone_hints = (*published_values, *modified_values)
    zone = publication_zone(published_values, zone_hints, order)
    declared = [parse_local(value, order) for value in published_values]
    published_raw = pick(
        "published_at",
        *zip(declared_sources,
             (None if date_only(value) else in_zone(moment, zone)
              for value, moment in zip(published_values, declared, strict=True)), strict=True),
    )
    declared_days = [calendar_day(moment) for moment in declared]
    declared_day = next(filter(None, declared_days), None)
    version = pick_rules(rules, published_raw or noon_utc(declared_day))
    caption_texts, box_texts = set_apart(tree)
    # dropped wherever the body has them: captions, and teaser cards for other stories
    apart = [*caption_texts, *teaser_card_texts(tree)]
    if version is not None:
        for element in select(tree, version.remove):
            element.drop_tree()
    texts = body_texts(tree)

    site_name = page.first("og:site_name") or jsonld_text(ld.get("publisher"))
    h1 = heuristic_title(tree)
    title = pick(
        "title",
        ("jsonld", jsonld_text(ld.get("headline") or ld.get("name"))),
        ("opengraph", page.first("og:title", "twitter:title")),
        ("meta", page.first("title", "dc.title", "parsely-title", "sailthru.title")),
        ("rules", _rule_text(tree, version.title if version else ())),
        ("heuristic", h1),
        ("feed", fallback.title if fallback else None),
    )
    title = title_without_affixes(
        unescape_entities(title) if title else title,
        (page.first("og:title", "twitter:title"), h1, page.first("title")),
        site_name,
        url,
    )
    rule_published = _rule_text(tree, version.published if version else ())
    rule_moment = parse_local(rule_published, order)
    feed_time = fallback.published_at if fallback and not fallback.published_date_only else None
    published = published_raw or pick(
        "published_at",
        ("rules", on_day(None if date_only(rule_published) else in_zone(rule_moment, zone),
                         declared_day, zone)),
        ("heuristic",
         lambda: on_day(in_zone(heuristic_published(tree, order), zone), declared_day, zone)),
        ("feed", on_day(feed_time, declared_day, zone)),
    )
    # no time of day anywhere: the day alone, which the warehouse counts at load time
    day = None if published else pick(
        "published_at",
        *zip(declared_sources, declared_days, strict=True),
        ("rules", calendar_day(rule_moment)),
        ("heuristic", lambda: heuristic_day(tree, url, order)),
        ("feed", calendar_day(fallback.published_at if fallback else None)),
    )
    published_date_only = day is not None
    published = published or noon_utc(day)
    outlet_names = [n for n in (site_name, jsonld_text(ld.get("publisher")), outlet) if n]
    ld_authors = clean_authors(jsonld_names(ld.get("author") or ld.get("creator")))
    # the outlet's own name is the byline only when the page names nobody else
    authors: list[str] = (
        pick(
            "authors",
            ("jsonld", not_the_outlet(ld_authors, outlet_names, url)),
            ("opengraph", people(page.meta.get("article:author", []), outlet_names, url)),
            ("meta", people(_meta_authors(page), outlet_names, url)),
            ("rules", lambda: clean_authors(_rule_texts(tree, version.authors if version else ()))),
            ("heuristic", lambda: people(heuristic_authors(tree, texts), outlet_names, url)),
            ("feed", clean_authors(fallback.authors) if fallback else None),
            ("jsonld", ld_authors),
        )
        or []
    )
    titles = [t for t in (title, page.first("og:title"), h1) if t]
    body, body_source = _body(
        tree, page, version, titles, apart, box_texts, boilerplate, authors, published
    )
    body = without_own_address(body, (url, page.canonical, page.first("og:url")))
    if not body and fallback and fallback.summary:
        body, body_source = " ".join(fallback.summary.split()), "feed"
    if not body:
        cut = f"; {sources['truncated']}" if cuts else ""
        raise ExtractError(
            f"{url}: no article text found in the page ({len(html):,} characters of HTML{cut})"
        )
    sources["body"] = body_source

    declarations = [(source, code) for source, code in (
        ("jsonld", language_code(jsonld_text(ld.get("inLanguage")))),
        ("meta", language_code(
            page.html_lang or page.first("content-language", "language", "dc.language"))),
        ("opengraph", language_code(page.first("og:locale"))),
        ("feed", language_code(fallback.language) if fallback else None),
    ) if code]
    declared = declared_language(declarations, body)
    language = pick(
        "language",
        ("heuristic", body_language(body, declared[1] if declared else None)),
        *([declared] if declared else []),
        ("heuristic", lambda: detect_language(f"{title or ''}\n{body}", languages)),
    )
    canonical = pick(
        "url",
        ("meta", on_site(absolute_url(page.canonical, url), url, sites, sources)),
        ("opengraph", on_site(absolute_url(page.first("og:url"), url), url, sites, sources)),
        ("heuristic", url),
    )
    body_opening = words_key(body[:1500])
    article = Article(
        url=canonical,
        outlet=pick(
            "outlet",
            ("rules", outlet),
            ("feed", fallback.outlet if fallback else None),
            ("jsonld", jsonld_text(ld.get("publisher"))),
            ("opengraph", page.first("og:site_name")),
            ("heuristic", urlparse(canonical).hostname),
        ),
        title=title,
        subtitle=pick(
            "subtitle",
            ("jsonld", _standfirst(jsonld_text(ld.get("alternativeHeadline")), body_opening)),
            ("jsonld", _standfirst(jsonld_text(ld.get("description")), body_opening)),
            ("opengraph", _standfirst(
                page.first("og:description", "twitter:description"), body_opening)),
            ("meta", _standfirst(page.first("description"), body_opening)),
        ),
        authors=authors,
        published_at=published,
        published_date_only=published_date_only,
        updated_at=pick(
            "updated_at",
            *zip(("jsonld", "opengraph", "meta"),
                 (_later(parse_datetime(value, zone, order), published)
                  for value in modified_values), strict=True),
        ),
        section=pick(
            "section",
            ("jsonld", jsonld_text(ld.get("articleSection"))),
            ("opengraph", page.first("article:section")),
            ("meta", page.first("section", "parsely-section", "category", "sailthru.section")),
            ("rules", lambda: _rule_text(tree, version.section if version else ())),
        )
        or pick(
            "section",
            ("heuristic", lambda: heuristic_section(tree, titles)),
            ("heuristic", _url_section(url)),
        ),
        language=language,
        body=body,
        captions=caption_texts,
        is_teaser=_is_teaser(tree, texts, ld, body, sources),
        field_sources=sources,
    )
    if caption_texts:
        sources["captions"] = "heuristic"
    article.word_count = len(re.findall(r"\w+", body))
    article.content_hash = content_hash(body)
    return article


_PUBLISHED_OG = ("article:published_time", "article:published:time", "og:published_time")
_MODIFIED_OG = ("article:modified_time", "article:modified:time", "og:updated_time")
_MODIFIED_META = ("last-modified", "datemodified", "dc.date.modified")
_PUBLISHED_META = (
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date.issued",
    "dc.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)


def content_hash(body: str) -> str:
    """sha256 of the body lower-cased with whitespace collapsed."""
    return hashlib.sha256(" ".join(body.lower().split()).encode("utf-8")).hexdigest()


def _body(
    tree: HtmlElement,
    page: PageMeta,
    version: ExtractionRules | None,
    titles: list[str],
    apart: list[str],
    box_texts: list[str],
    boilerplate: Sequence[str],
    authors: list[str],
    published: datetime | None,
) -> tuple[str, str]:
    text, source = "", "trafilatura"
    if version is not None and version.body:
        elements = select(tree, version.body)
        if elements:
            text = join_blocks(blocks_from_elements(elements), titles, apart, boilerplate)
            source = "rules" if text else source
    if not text:
        text = extract_body(tree, titles=titles, captions=apart, boilerplate=boilerplate)
    if len(text.split()) < _NEXT_DATA_WORDS:
        # an empty Next.js shell: its article is in the page's JSON payload
        shipped = join_blocks(next_data_blocks(tree), titles, apart, boilerplate)
        if len(shipped) > 2 * len(text):
            return shipped, "heuristic"
    # On a near-empty page, trafilatura returns the page's chrome glued around the article's
    # one line; only a short body can be mostly chrome, so only a short one pays the check.
    if text and len(text.split()) <= _CHROME_CHECK_WORDS:
        site = page.first("og:site_name") or jsonld_text(page.jsonld.get("publisher")) or ""
        known = [*titles, *_descriptions(page), site, *apart]
        peeled = strip_chrome(text, page_chrome(tree, known, authors), boilerplate)
        if peeled != text:
            # the glued text lost its paragraphs and kept boxes such as a paywall prompt:
            # the page's own paragraphs, where it has them, read better
            container = paragraph_container(tree)
            blocks = blocks_from_elements([container]) if container is not None else []
            text = join_blocks(blocks, titles, apart, boilerplate) or peeled
    if source != "rules":
        text = without_bylines(_drop_header_text(text, tree), authors, published)
        text = with_standfirst(text, tree, _descriptions(page))
        text = without_boxes(text, box_texts)
    # JSON-LD bodies are often truncated to a teaser; use one only when ours is much shorter.
    # Some carry the article's markup.
    ld_body = jsonld_text(page.jsonld.get("articleBody")) or ""
    if source != "rules" and len(ld_body) > 2 * len(text) + 200:  # cheap test before cleaning
        cleaned = join_blocks(text_blocks(ld_body), titles, apart, boilerplate)
        if len(cleaned) > 2 * len(text) + 200:
            return cleaned, "jsonld"
    return text, source


def _drop_header_text(text: str, tree: HtmlElement) -> str:
    """The body without paragraphs, past its opening, that the page places in a `<header>`
    (a standfirst that trafilatura sometimes appends to a short body)."""
    header = {words_key(p.text_content()) for h in tree.iter("header") for p in h.iter("p")}
    if not header:
        return text
    paragraphs = text.split("\n\n")
    return "\n\n".join(p for i, p in enumerate(paragraphs) if i == 0 or words_key(p) not in header)


def _later(moment: datetime | None, published: datetime | None) -> datetime | None:
    """An update time only when it is after publication (templates often repeat the
    publication time as `dateModified`)."""
    if moment is None or published is None:
        return moment
    return moment if moment > published else None


def _descriptions(page: PageMeta) -> list[str]:
    """The page's standfirst candidates, as it declares them."""
    ld = page.jsonld
    declared = (
        jsonld_text(ld.get("alternativeHeadline")),
        jsonld_text(ld.get("description")),
        page.first("og:description"),
        page.first("twitter:description"),
        page.first("description"),
    )
    return [d for d in declared if d]


def _standfirst(text: str | None, body_opening: str) -> str | None:
    """A subtitle candidate, unless it is the body's own opening cut short (a teaser
    description) or too long to be a standfirst. `body_opening`: the words of the body's
    first 1,500 characters."""
    if not text or len(text) > 400:
        return None
    opening = words_key(text.rstrip(".…"))[:80]
    return None if opening and opening in body_opening else text


def _rule_texts(tree: HtmlElement, selectors: Sequence[str]) -> list[str]:
    texts = (" ".join(el.text_content().split()) for el in select(tree, selectors))
    return [t for t in texts if t]


def _rule_text(tree: HtmlElement, selectors: Sequence[str]) -> str | None:
    elements = select(tree, selectors)
    if not elements:
        return None
    element = elements[0]
    return (
        element.get("datetime")
        or element.get("content")
        or " ".join(element.text_content().split())
    )


def _meta_authors(page: PageMeta) -> list[str]:
    for name in (
        "author",
        "byl",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "citation_author",
    ):
        if page.meta.get(name):
            return page.meta[name]
    return []


def _url_section(url: str) -> str | None:
    """The first path segment when it reads like a section name (/sport/..., /world/...);
    none for a saved file, whose path names folders."""
    if not is_http_url(url):
        return None
    parts = [p for p in urlparse(url).path.split("/") if p]
    if len(parts) < 2 or not re.fullmatch(r"[a-z][a-z-]{2,20}", parts[0]):
        return None
    return None if language_code(parts[0]) else parts[0]


def _is_teaser(
    tree: HtmlElement, texts: Sequence[str], ld: dict[str, Any], body: str, sources: dict[str, str]
) -> bool:
    """Paywalled, behind a sign-in wall, or cut short. `texts`: the body's texts."""
    parts = ld.get("hasPart")
    parts = parts if isinstance(parts, list) else [parts]
    flags = [jsonld_free(ld.get("isAccessibleForFree"))]
    flags += [jsonld_free(p.get("isAccessibleForFree")) for p in parts if isinstance(p, dict)]
    if False in flags:
        sources["is_teaser"] = "jsonld"
        return True
    sources["is_teaser"] = "heuristic"
    # the XPath's tests of a text alone first, on the plain texts: most pages have no text
    # that passes them and matches, and are spared the XPath's walk
    if any(
        _PAYWALL.search(t) for t in texts if 15 < len(t) < 400 and _PAYWALL_STEM.search(t)
    ) and any(_PAYWALL.search(text) for text in _PAYWALL_CANDIDATES(tree)):
        return True
    words = body.split()
    return len(words) < 120 and body.rstrip().endswith(("…", "...", "[…]"))


# --- files -----------------------------------------------------------------------------


def iter_html_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Files as given, and folders searched recursively for .html / .html.gz, sorted."""
    for path in paths:
        if path.is_dir():
            found = [
                p for p in path.rglob("*") if p.is_file() and p.name.endswith((".html", ".html.gz"))
            ]
            yield from sorted(found)
        else:
            yield path


def extract_file(path: Path) -> dict[str, Any]:
    """One JSON-ready record for `newswatch extract`: the article, or one error line."""
    record: dict[str, Any] = {"source": str(path)}
    try:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as file:
            raw = file.read(MAX_FILE_BYTES)
        html, _charset = decode_html(raw)
        article = extract_article(html, path.resolve().as_uri())
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:  # BadGzipFile is an OSError
        return record | {"error": f"not a valid gzip file: {exc}"}
    except OSError as exc:
        return record | {"error": f"cannot read the file: {exc.strerror or exc}"}
    except ExtractError as exc:
        return record | {"error": str(exc)}
    except Exception as exc:  # a parser bug on one odd page must not stop a batch
        return record | {"error": f"extraction failed ({type(exc).__name__}): {exc}"}
    return record | article.to_json_dict()
