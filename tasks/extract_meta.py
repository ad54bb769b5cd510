"""Article metadata from a parsed page: JSON-LD, OpenGraph and `<meta>`, outlet rules,
heuristics. Each reader returns raw values; `extract.py` decides which source wins."""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from cssselect import SelectorError
from dateutil import parser as dateparser
from lxml.cssselect import CSSSelector
from lxml.html import HtmlElement

from tasks.config import ExtractionRules
from tasks.errors import ExtractError

ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "SatiricalArticle",
}


@dataclass
class PageMeta:
    """What a page declares about itself: its JSON-LD article and its `<meta>` tags."""

    jsonld: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, list[str]] = field(default_factory=dict)  # lower-cased name -> contents
    canonical: str | None = None
    html_lang: str | None = None

    def first(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None


def read_page_meta(tree: HtmlElement) -> PageMeta:
    """JSON-LD article (the first one of an article type), `<meta>` tags, canonical link."""
    page = PageMeta(html_lang=tree.get("lang") or tree.get("xml:lang"))
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and not page.jsonld:
            page.jsonld = next(_jsonld_articles(script.text or ""), {})
    for meta in tree.iter("meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop")
        name = name or meta.get("http-equiv")
        content = meta.get("content")
        if name and content is not None:
            page.meta.setdefault(name.strip().lower(), []).append(content)
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href") and page.canonical is None:
            page.canonical = link.get("href").strip()
    return page


def _jsonld_articles(text: str) -> Iterator[dict[str, Any]]:
    try:
        data = json.loads(text.strip().rstrip(";"), strict=False)
    except ValueError:
        return
    yield from (node for node in _nodes(data) if _types(node) & ARTICLE_TYPES)


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document: top level, lists and `@graph`."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"])
        if isinstance(data.get("mainEntity"), dict):
            yield from _nodes(data["mainEntity"])


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", ())
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def jsonld_text(value: Any) -> str | None:
    """A JSON-LD value as one string: plain, `{"name": ...}`, or the first of a list."""
    if isinstance(value, list):
        return next((t for t in (jsonld_text(v) for v in value) if t), None)
    if isinstance(value, dict):
        return jsonld_text(value.get("name") or value.get("@value") or value.get("alternateName"))
    if isinstance(value, str | int | float) and str(value).strip():
        return " ".join(str(value).split())
    return None


def jsonld_names(value: Any) -> list[str]:
    """Author-like values: a name, `{"name": ...}`, or a list of them."""
    if isinstance(value, list):
        return [name for v in value for name in jsonld_names(v)]
    if isinstance(value, dict):
        if _types(value) & {"Organization", "NewsMediaOrganization"}:
            return []
        return jsonld_names(value.get("name"))
    return [value] if isinstance(value, str) and value.strip() else []


def jsonld_free(value: Any) -> bool | None:
    """`isAccessibleForFree` as a bool (it comes as true/false/"False"/"no"...)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "1", "false", "no", "0"}:
        return value.strip().lower() in {"true", "yes", "1"}
    return None


# --- dates -----------------------------------------------------------------------------


def parse_datetime(value: str | None) -> datetime | None:
    """A date string from metadata as a timezone-aware UTC datetime (naive means UTC)."""
    if not value or not value.strip():
        return None
    text = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            try:
                with warnings.catch_warnings():  # an unknown zone name ("IST") reads as UTC
                    warnings.simplefilter("ignore")
                    parsed = dateparser.parse(text, fuzzy=False)
            except (ValueError, OverflowError):
                return None
    if parsed is None or not 1990 <= parsed.year <= 2100:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


# --- authors ---------------------------------------------------------------------------

_BY = re.compile(
    r"^\s*((written|reported|posted|words|text|story)\s+)?(by|par|von|por|di|door|av|от)"
    r"\s*[:\-]?\s+",
    re.I,
)
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
_AGENCIES = re.compile(
    r"^(the )?(associated press|ap|reuters|thomson reuters|afp|agence france[- ]presse|dpa"
    r"|pa( media)?|press association|bloomberg|xinhua|efe|ansa|tass|upi|cnn wire"
    r"|agencies|wire services?|news (agencies|service|desk)|staff|staff writers?|web desk)$",
    re.I,
)
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\bwith\b)\s*", re.I)


def clean_authors(raw: Iterable[str]) -> list[str]:
    """Names only: no "By", roles, e-mails, agency credits, URLs or duplicates."""
    names: list[str] = []
    for value in raw:
        value = _HANDLE.sub(" ", _EMAIL.sub(" ", " ".join(value.split())))
        if not value or re.match(r"https?://", value):
            continue
        value = _BY.sub("", value)
        for part in _SPLIT_NAMES.split(value):
            part = re.split(r"\s+[-–—|/]\s+|\s*\(", part)[0]
            part = _BY.sub("", part).strip(" .,:;-–—'\"")
            if not part or _AGENCIES.match(part) or _ROLE_WORDS.search(part):
                continue
            if len(part.split()) > 5 or re.search(r"\d", part) or not re.search(r"[^\W\d_]", part):
                continue
            if part.lower() not in {n.lower() for n in names}:
                names.append(part)
    return names


# --- outlet rules ----------------------------------------------------------------------


def pick_rules(
    rules: Sequence[ExtractionRules], published: datetime | None
) -> ExtractionRules | None:
    """The rules version for a page: the earliest `valid_until` after its publication
    date; the open-ended version (no `valid_until`) for undated or recent pages."""
    if not rules:
        return None
    day: date | None = published.date() if published else None
    dated = sorted((r for r in rules if r.valid_until), key=lambda r: r.valid_until)
    if day is not None:
        for version in dated:
            if day < version.valid_until:
                return version
    current = [r for r in rules if r.valid_until is None]
    return current[0] if current else (dated[-1] if dated and day is None else None)


def select(tree: HtmlElement, selectors: Sequence[str]) -> list[HtmlElement]:
    """Elements matched by the first CSS selector that matches anything."""
    for selector in selectors:
        found = css(selector)(tree)
        if found:
            return found
    return []


@lru_cache(maxsize=1024)
def css(selector: str) -> CSSSelector:
    """A compiled CSS selector (full CSS 3 through cssselect); ExtractError naming it when
    it does not parse or uses what XPath cannot express (pseudo-elements, :hover...)."""
    try:
        return CSSSelector(selector, translator="html")
    except SelectorError as exc:
        raise ExtractError(f"bad CSS selector {selector!r} in the outlet rules: {exc}") from exc


# --- heuristics ------------------------------------------------------------------------

_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:»·]\s+[^|\-–—:»·]{2,60}$")


def heuristic_title(tree: HtmlElement) -> str | None:
    """The first `<h1>`, else the `<title>` without its " | Site" suffix."""
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if len(text) > 5:
            return text
    titles = tree.xpath("//head/title/text()")
    if titles and titles[0].strip():
        return _TITLE_SUFFIX.sub("", " ".join(titles[0].split()))
    return None


def heuristic_authors(tree: HtmlElement) -> list[str]:
    """Author links and names first; a whole byline (with its date, "2 min read"...) last."""
    for xpath in (
        "//a[@rel='author'] | //*[@itemprop='author']//*[@itemprop='name']",
        "//*[@itemprop='author' or contains(@class, 'author-name')]",
        "//*[contains(@class, 'byline')]//a",
        "//*[contains(@class, 'byline')]",
    ):
        found = tree.xpath(xpath)
        if found:
            return [" ".join(el.text_content().split()) for el in found[:4]]
    return []


def heuristic_published(tree: HtmlElement) -> str | None:
    stamps = tree.xpath("//time[@datetime]/@datetime")
    return stamps[0] if stamps else None


def captions(tree: HtmlElement) -> list[str]:
    """Image and video captions: `<figcaption>` and elements marked as captions, without
    the credits the markup sets apart (`<span class="photo-credit">`)."""
    found = tree.xpath(
        "//figcaption | //*[@itemprop='caption' or contains(@class, 'caption')]"
        "[not(ancestor::figcaption or ancestor::*[contains(@class, 'caption')])]"
        "[not(self::script or self::style or self::meta)]"
        "[not(ancestor::*[contains(@class, 'cookie') or contains(@id, 'cookie')"
        " or contains(@class, 'consent')])]"
    )
    out: list[str] = []
    for element in found:
        text = " ".join(_text_without_credits(element).split())
        # a lone credit ("Shutterstock") is not a caption
        if len(text.split()) >= 3 and len(text) < 1000 and text not in out:
            out.append(text)
    return out


def _text_without_credits(element: HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and "credit" not in (child.get("class") or "").lower():
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


_BREADCRUMBS = (
    "//*[contains(@class, 'breadcrumb') or contains(@class, 'crumbs')"
    " or contains(@id, 'breadcrumb') or @aria-label='breadcrumb']"
)


def heuristic_section(tree: HtmlElement, titles: Sequence[str]) -> str | None:
    """The last link of the first breadcrumb trail, unless it is the headline itself."""
    for trail in tree.xpath(_BREADCRUMBS):
        links = [" ".join(a.text_content().split()) for a in trail.iter("a")]
        links = [t for t in links if t and t not in titles]
        if len(links) >= 2 and len(links[-1].split()) <= 4:
            return links[-1]
    return None
