"""Article metadata from a parsed page: JSON-LD, OpenGraph and `<meta>`, outlet rules,
heuristics. Each reader returns raw values; `extract.py` decides which source wins."""

from __future__ import annotations

import html
import json
import re
import warnings
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlparse

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


# CMS templates wrap inline JSON-LD for old XHTML parsers: `//<![CDATA[ ... //]]>`
_CDATA = re.compile(r"^\s*(//\s*)?<!\[CDATA\[|(//\s*)?\]\]>\s*$")


# far deeper than real JSON-LD (a graph's article's author's image is four levels down):
# a deeper block is broken or hostile, and the readers' recursion would trip over it
_MAX_JSONLD_DEPTH = 64


def _jsonld_articles(text: str) -> Iterator[dict[str, Any]]:
    """The article nodes of one JSON-LD block; none from a block that is not JSON or is
    nested too deep to walk (the page's other signals are read as for a page without it)."""
    try:
        data = json.loads(_CDATA.sub("", text).strip().rstrip(";"), strict=False)
    except (ValueError, RecursionError):  # RecursionError: nested past Python's limit
        return
    if _deeper_than(data, _MAX_JSONLD_DEPTH):
        return
    yield from (node for node in _nodes(data) if _types(node) & ARTICLE_TYPES)


def _deeper_than(data: Any, limit: int) -> bool:
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(value, dict | list):
            children = value.values() if isinstance(value, dict) else value
            stack.extend((child, depth + 1) for child in children)
    return False


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
        return " ".join(unescape_entities(str(value)).split())
    return None


def unescape_entities(text: str) -> str:
    """Text with HTML character references decoded (`&quot;`, `&#8216;`): JSON-LD and
    `<meta>` values are often escaped once or twice (`K&amp;uuml;hl`) more than the
    markup needs."""
    for _ in range(3):
        if "&" not in text or (decoded := html.unescape(text)) == text:
            break
        text = decoded
    return text


def jsonld_names(value: Any) -> list[str]:
    """Author-like values: a name, `{"name": ...}`, or a list of them. Organisations come
    as `ORGANISATION` + name, so that `clean_authors` can keep them whole."""
    if isinstance(value, list):
        return [name for v in value for name in jsonld_names(v)]
    if isinstance(value, dict):
        names = jsonld_names(value.get("name"))
        if _types(value) & {"Organization", "NewsMediaOrganization"}:
            return [ORGANISATION + name for name in names]
        return names
    return [unescape_entities(value)] if isinstance(value, str) and value.strip() else []


def jsonld_free(value: Any) -> bool | None:
    """`isAccessibleForFree` as a bool (it comes as true/false/"False"/"no"...)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "1", "false", "no", "0"}:
        return value.strip().lower() in {"true", "yes", "1"}
    return None


# --- dates -----------------------------------------------------------------------------


# Zone abbreviations that news pages print after a time; dateutil reads an unknown one
# as no zone at all. Ambiguous ones (IST, CST in Asia) take their most common news use.
_ZONES = {
    name: int(offset * 3600)
    for offset, names in {
        0: ("UTC", "GMT", "WET", "Z"),
        1: ("CET", "MEZ", "BST", "WEST", "IST_IE"),
        2: ("CEST", "MESZ", "EET", "SAST", "CAT"),
        3: ("EEST", "MSK", "EAT", "TRT", "AST_ARABIA"),
        -5: ("EST", "CDT"),
        -4: ("EDT", "AST"),
        -6: ("CST", "MDT"),
        -7: ("MST", "PDT"),
        -8: ("PST",),
        5.5: ("IST",),
        8: ("HKT", "SGT", "AWST", "PHT", "MYT"),
        9: ("JST", "KST"),
        10: ("AEST",),
        11: ("AEDT",),
        12: ("NZST",),
        13: ("NZDT",),
    }.items()
    for name in names
    if "_" not in name
}

_ZONE_WORD = re.compile(
    r"\b(" + "|".join(n for n in _ZONES if n not in {"UTC", "GMT", "Z"}) + r")\b"
)


def parse_datetime(
    value: str | None, zone: tzinfo | None = None, month_first: bool | None = None
) -> datetime | None:
    """A date string from metadata as a timezone-aware UTC datetime; a value without an
    offset is read in `zone` (the page's own, when it shows one elsewhere), else as UTC."""
    parsed = parse_local(value, month_first)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone or UTC)
    return parsed.astimezone(UTC)


def parse_local(value: str | None, month_first: bool | None = None) -> datetime | None:
    """A date string as written: with its offset when it has one, naive when not. A day
    in numbers is read day first when dotted (01.05.2024 is 1 May) or when a part over 12
    says so; a slashed one that reads both ways (05/06/2024) as `month_first` says (see
    `extract_fields.date_order`), month first when it says nothing."""
    if not value or not value.strip():
        return None
    text = value.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            # e-mail style dates read an unknown zone ("CEST") as none
            if _ZONE_WORD.search(text):
                raise ValueError(text)
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = _full_date(text, month_first)
    if parsed is None or not 1990 <= parsed.year <= 2100:
        return None
    try:
        parsed.utcoffset()
    except ValueError:  # dateutil accepts an offset of a day or more ("+25:00")
        return None
    return parsed


# dateutil fills what a text leaves out from its default: parsed against two defaults
# that share no year, month or day, a text that gives all three reads the same twice
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def _full_date(text: str, month_first: bool | None) -> datetime | None:
    """`text` read by dateutil, or None unless it gives a year, a month and a day ("2024",
    "May 2024" and "10:30" would be read as days of today's)."""
    order = written_order(text)
    # only for a day before its year: told "day first", dateutil reads 2024/05/01 as 5 Jan
    if order is None and _NUMERIC_DAY.search(text):
        order = month_first
    day_first = order is False
    try:
        with warnings.catch_warnings():  # an unknown zone name reads as no zone
            warnings.simplefilter("ignore")
            first, second = (dateparser.parse(text, default=default, fuzzy=False,
                                              dayfirst=day_first, tzinfos=_ZONES)
                             for default in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    return first if first.date() == second.date() else None


# a day in numbers before its year: 01.05.2024, 05/06/2024, 5-6-2024
_NUMERIC_DAY = re.compile(r"(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?![\d./-])")


def written_order(value: str | None) -> bool | None:
    """Whether a day written in numbers puts its month first, as far as the text alone
    tells: False when dotted (day first practically everywhere) or when its first part is
    over 12, True when its second is; None otherwise, and for a date not so written."""
    match = _NUMERIC_DAY.search(value or "")
    if match is None:
        return None
    if match[2] == "." or int(match[1]) > 12:
        return False
    return True if int(match[3]) > 12 else None


def ambiguous_day(value: str | None) -> bool:
    """A day in numbers that reads as two days (05/06/2024: 6 May or 5 June)."""
    match = _NUMERIC_DAY.search(value or "")
    return bool(match) and written_order(value) is None and int(match[1]) != int(match[3])


def page_zone(values: Iterable[str | None], naive: datetime | None = None,
              month_first: bool | None = None) -> tzinfo | None:
    """The zone a page writes its times in, from the dates it gives with an offset: the
    one whose wall-clock time is `naive`'s, else the first that is not UTC."""
    zones = [d for d in (parse_local(v, month_first) for v in values)
             if d is not None and d.tzinfo is not None]
    if naive is not None:
        for moment in zones:
            if moment.replace(tzinfo=None, second=0, microsecond=0) == naive.replace(
                tzinfo=None, second=0, microsecond=0
            ):
                return moment.tzinfo
    return next((d.tzinfo for d in zones if d.utcoffset()), None)


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "january jan januar janvier janv enero ene gennaio gen januari janeiro jänner",
            "february feb februar février févr febrero febbraio februari fevereiro",
            "march mar märz mars marzo maart março",
            "april apr avril abril aprile",
            "may mai mayo maggio mei maio",
            "june jun juni juin junio giugno junho",
            "july jul juli juillet julio luglio julho juil",
            "august aug août agosto augustus ago",
            "september sep sept septembre septiembre settembre setembro set",
            "october oct oktober octobre octubre ottobre outubro okt out",
            "november nov novembre noviembre novembro",
            "december dec dezember décembre diciembre dicembre dezembro déc dic dez",
        ),
        start=1,
    )
    for name in names.split()
}
# A publication time shown only as text, the date first ("erstellt: 01. April 2025,
# 15:25", "12.03.2024 - 09:41 Uhr", "March 5, 2024 7:30 am") or the time ("Published 11:11
# PM EST Nov 19, 2019"), and the zone when one follows the time
_DAY = (
    r"(?<!\d)(?:(?P<d>\d{1,2})\.?\s*(?:(?P<m>\d{1,2})\.|(?P<mn>[^\W\d_]{3,10})\.?)\s*(?P<y>\d{4})"
    r"|(?P<mn2>[^\W\d_]{3,10})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4}))"
)
_TIME = (
    r"(?<!\d)(?P<H>\d{{1,2}})[{separators}](?P<M>\d{{2}})(?!\d)\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<zone>(?-i:[A-Z]{{2,5}}))\b)?"
)
_TEXT_DATES = (
    re.compile(rf"{_DAY}[\s,|\-–—/at um à às alle]{{1,8}}{_TIME.format(separators=':.h')}", re.I),
    # before a date, "14.03" is a day and a month ("14.03 - 17.03.2024"), not a time
    re.compile(rf"{_TIME.format(separators=':h')}[\s,|\-–—/]{{1,4}}(?:on\s+)?{_DAY}", re.I),
)
# zone names that mean two zones in the news (India/Ireland, Arabia/Atlantic, China/US):
# in the text they are left to the page's own zone
_AMBIGUOUS_ZONES = {"IST", "AST", "CST"}


def text_datetime(text: str) -> datetime | None:
    """The first date with a time of day in visible text, as the page shows it: with the
    offset of the zone it names, else naive."""
    matches = (match for pattern in _TEXT_DATES for match in pattern.finditer(text))
    for match in sorted(matches, key=lambda m: m.start()):
        day = _day_of(match)
        if day is None:
            continue
        hour, minute = int(match["H"]), int(match["M"])
        if match["ampm"]:  # 12:30 am is 00:30, 12:30 pm 12:30
            hour = hour % 12 + (12 if match["ampm"][0].lower() == "p" else 0)
        zone = match["zone"] or ""
        offset = None if zone in _AMBIGUOUS_ZONES else _ZONES.get(zone)
        try:
            return day.replace(
                hour=hour, minute=minute,
                tzinfo=None if offset is None else timezone(timedelta(seconds=offset)),
            )
        except ValueError:
            continue
    return None


# A day without a time: a short text that is only a date, after at most two words
# ("Monday, November 18, 2019", "Published 18.11.2019"), and a URL's /2019/11/19/,
# /2019/nov/18/ or 2019-11-19 (not /2024/01/10-best-phones/: a month, then a slug)
_TEXT_DAY = re.compile(rf"^\s*(?:[^\W\d_]+[\s,:]+){{0,2}}{_DAY}[\s.]*$", re.I)
_URL_DAYS = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?:(?P<m>\d{1,2})|(?P<mn>[a-z]{3,4}))/(?P<d>\d{1,2})(?=/|$)",
               re.I),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
)
_TIME_OF_DAY = re.compile(r"T\d{2}|\d:\d{2}|\d{1,2}h\d{2}")


def date_only(value: str | None) -> bool:
    """A date string that gives a day but no time of day ("2024-04-24", "April 24, 2024")."""
    return bool(value and value.strip()) and not _TIME_OF_DAY.search(value)


def text_day(text: str) -> date | None:
    """The day of a text that shows only a date."""
    match = _TEXT_DAY.match(text)
    return calendar_day(_day_of(match)) if match else None


def url_day(url: str) -> date | None:
    """The day a URL's path gives."""
    path = urlparse(url).path
    days = (_day_of(match) for pattern in _URL_DAYS if (match := pattern.search(path)))
    return calendar_day(next(filter(None, days), None))


def calendar_day(moment: datetime | None) -> date | None:
    return moment.date() if moment else None


def _day_of(match: re.Match[str]) -> datetime | None:
    """Midnight of the day a date pattern matched (None for a word that is not a month or a
    day that does not exist)."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    month = groups.get("m") or MONTHS.get((groups.get("mn") or groups.get("mn2") or "").lower())
    if not month:
        return None
    try:
        moment = datetime(
            int(groups.get("y") or groups["y2"]), int(month), int(groups.get("d") or groups["d2"])
        )
    except (KeyError, ValueError):
        return None
    return moment if 1990 <= moment.year <= 2100 else None


# --- authors ---------------------------------------------------------------------------

ORGANISATION = "\x00org:"  # marks a name the page declares as an organisation's

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


# short visible texts that hold a year: where a page shows its dateline
_DATED_TEXT = (
    "//body//text()[string-length(.) < 200][contains(., '20') or contains(., '19')]"
    "[not(ancestor::script or ancestor::style or ancestor::noscript)]"
)
# the same after the headline: a masthead's date (today's) comes before it
_DATED_AFTER_H1 = "(//h1)[1]/following::text()" + _DATED_TEXT.removeprefix("//body//text()")


def heuristic_published(tree: HtmlElement, month_first: bool | None = None) -> datetime | None:
    """The first `<time datetime>` with a time of day, else the first date with one in the
    page's visible text ("erstellt: 01. April 2025, 15:25"), after the headline if there
    is one there; naive when the page gives no zone."""
    for stamp in tree.xpath("//time[@datetime]/@datetime"):
        moment = None if date_only(stamp) else parse_local(stamp, month_first)
        if moment is not None:
            return moment
    for texts in (_DATED_AFTER_H1, _DATED_TEXT):
        moment = next(filter(None, map(text_datetime, tree.xpath(texts))), None)
        if moment is not None:
            return moment
    return None


def heuristic_day(tree: HtmlElement, url: str, month_first: bool | None = None) -> date | None:
    """For a page that shows no time of publication: the day a `<time datetime>` gives,
    else its URL's date, else the first visible text after the headline that is only a
    date."""
    for stamp in tree.xpath("//time[@datetime]/@datetime"):
        moment = parse_local(stamp, month_first)  # a day only: heuristic_published took any time
        if moment is not None:
            return moment.date()
    return url_day(url) or next(filter(None, map(text_day, tree.xpath(_DATED_AFTER_H1))), None)


# captions and info boxes in one walk through the attributes (a test of every element's
# class costs twice as much)
_SET_APART = (
    "//figcaption | (//@class[contains(., 'caption') or contains(., 'box')"
    " or contains(., 'ewsletter')]/.."
    " | //@itemprop[. = 'caption']/..)"
    "[not(ancestor::figcaption or ancestor::*[contains(@class, 'caption')])]"
    "[not(self::script or self::style or self::meta)]"
    "[not(ancestor::*[contains(@class, 'cookie') or contains(@id, 'cookie')"
    " or contains(@class, 'consent')])]"
)
_INFO_BOX = re.compile(r"(info|fact)-?box|newsletter", re.IGNORECASE)
_BOX_PARTS = ("p", "li", "h2", "h3", "h4", "h5", "h6")


def set_apart(tree: HtmlElement) -> tuple[list[str], list[str]]:
    """The texts a page sets apart from its article's running text: image and video
    captions (`<figcaption>` and elements marked as captions, without the credits the
    markup sets apart, `<span class="photo-credit">`), and the paragraphs, items and
    headings of info boxes and fact boxes (`class="infobox"`, `"fact-box"`...)."""
    captions: list[str] = []
    boxes: list[str] = []
    for element in tree.xpath(_SET_APART):
        kind = element.get("class") or ""
        if element.tag == "figcaption" or "caption" in kind or element.get("itemprop") == "caption":
            text = " ".join(_text_without_credits(element).split())
            # a lone credit ("Shutterstock") is not a caption
            if len(text.split()) >= 3 and len(text) < 1000 and text not in captions:
                captions.append(text)
        elif _INFO_BOX.search(kind):
            parts = [part.text_content() for part in element.iter(*_BOX_PARTS)]
            boxes += [" ".join(t.split()) for t in parts or [element.text_content()]]
    return captions, [t for t in boxes if t]


def teaser_card_texts(tree: HtmlElement) -> list[str]:
    """The headings and paragraphs of links around them: teaser cards for other stories
    (an article's own text never sits inside a link)."""
    found = tree.xpath(
        "//body/descendant::a/descendant::*[self::p or self::h1 or self::h2 or self::h3"
        " or self::h4 or self::h5 or self::h6]"
    )
    return [text for text in (" ".join(el.text_content().split()) for el in found)
            if len(text.split()) >= 3]


def _text_without_credits(element: HtmlElement) -> str:
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and "credit" not in (child.get("class") or "").lower():
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


_BREADCRUMBS = (  # through the attributes, as in `set_apart`
    "//@class[contains(., 'breadcrumb') or contains(., 'crumbs')]/.."
    " | //@id[contains(., 'breadcrumb')]/.. | //@aria-label[. = 'breadcrumb']/.."
)


def heuristic_section(tree: HtmlElement, titles: Sequence[str]) -> str | None:
    """The last link of the first breadcrumb trail, unless it is the headline itself."""
    for trail in tree.xpath(_BREADCRUMBS):
        links = [" ".join(a.text_content().split()) for a in trail.iter("a")]
        links = [t for t in links if t and t not in titles]
        if len(links) >= 2 and len(links[-1].split()) <= 4:
            return links[-1]
    return None
