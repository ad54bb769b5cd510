"""Field clean-up after the pick: headlines without the template's affixes, times read
in the page's own zone, bylines without the outlet's name, canonical URLs kept on the
outlet's site."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, tzinfo
from functools import lru_cache
from urllib.parse import urlparse

from babel import Locale
from babel.core import UnknownLocaleError

from tasks.extract_authors import clean_authors
from tasks.extract_meta import (
    ambiguous_day,
    calendar_day,
    page_zone,
    parse_local,
    unescape_entities,
    url_day,
    written_order,
)
from tasks.urls import canonicalize, join_url


@lru_cache(maxsize=4096)
def words_key(text: str) -> str:
    """The words of `text`, lower-cased, one space apart: for comparing texts. Cached: a
    page's paragraphs are compared with its headline, captions, boxes, bylines... in turn
    (half the calls on the dev corpora were repeats)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def absolute_url(href: str | None, base: str) -> str | None:
    """`href` resolved against the page's URL, in the canonical form discovery gives links
    (`https://site.example` is `https://site.example/`, see `canonicalize`), so that the
    article's key is the one its link has; None for a link that cannot be parsed
    (`http://[::1`, a bad port) and for a relative link on a saved file, whose site is
    unknown (`/news/a` is not `file:///news/a`)."""
    joined = join_url(base, href) if href else None
    if joined is None or (urlparse(base).scheme == "file" and not urlparse(href).scheme):
        return None
    return canonicalize(joined)


# ㅣ (a Hangul vowel, never a word alone) is Korean sites' bar: "제목ㅣ한국일보"
_SECTION_SEPARATORS = "|\\-–—»·•*｜ㅣ"
_AFFIX_SEPARATORS = _SECTION_SEPARATORS + ":："


def title_without_affixes(
    title: str | None, others: Sequence[str | None], site_name: str | None, url: str
) -> str | None:
    """The headline without what templates put around it: " | Site" or "Site: " (the
    site's name or domain), or a suffix (" | Sport") or kicker ("«Kicker»: ") that the
    page's other titles (OpenGraph, `<h1>`, `<title>`) do without."""
    if not title:
        return title
    title = " ".join(title.split())
    key = words_key(title)
    for other in others:
        other = " ".join(unescape_entities(other).split()) if other else ""
        if len(other) < 10 or len(words_key(other)) >= len(key):
            continue
        if title.startswith(other) and re.fullmatch(
                rf"\s*[{_AFFIX_SEPARATORS}]\s*[^{_AFFIX_SEPARATORS}]{{1,60}}", title[len(other):]):
            return other
        if title.endswith(other) and re.fullmatch(
                rf"\S.{{0,59}}?\s*[{_AFFIX_SEPARATORS}]\s*", title[:-len(other)]):
            return other
    host = words_key((urlparse(url).hostname or "").removeprefix("www.")).replace(" ", "")
    site = words_key(site_name or "")

    def is_site(text: str) -> bool:
        words = words_key(text)
        return bool(words) and (words == site or words.replace(" ", "") in host)

    sep = rf"\s*[{_AFFIX_SEPARATORS}]\s*"
    suffix = re.match(rf"(.{{10,}}?){sep}([^{_AFFIX_SEPARATORS}]{{2,60}})$", title)
    if suffix and is_site(suffix.group(2)):
        return _without_section(suffix.group(1), spaced=title[len(suffix.group(1))].isspace())
    prefix = re.match(rf"([^{_AFFIX_SEPARATORS}]{{2,60}}?){sep}(.{{10,}})$", title)
    if prefix and is_site(prefix.group(1)):
        return prefix.group(2)
    return title


def _without_section(headline: str, spaced: bool) -> str:
    """The headline without one word of section set off as the site's name was
    ("Title - Politics | Site", "제목-정치ㅣ한국일보"), so "Biden-Harris | Site" keeps its word."""
    bar, word = f"[{_SECTION_SEPARATORS}]", rf"[^{_AFFIX_SEPARATORS}\s]{{1,30}}"
    section = rf"\s+{bar}\s+{word}" if spaced else f"{bar}{word}"
    return re.sub(rf"(?<=.{{10}}){section}$", "", headline)


def date_order(locales: Sequence[str | None], values: Sequence[str | None], url: str
               ) -> bool | None:
    """Whether the page writes a day in numbers month first (05/06/2024 for 6 May): as
    CLDR writes the first of its locales that says (en-US month first; en-GB, de, fr...
    day first; English without a country says nothing); else as one of its dates `values`
    whose part over 12 settles it (13/05/2024); else in the reading of a date that reads
    both ways that an unambiguous date of the page agrees with (another of `values`, its
    URL's); None when nothing tells."""
    for locale in locales:
        order = _locale_month_first(locale)
        if order is not None:
            return order
    settled = {written_order(value) for value in values} - {None}
    if len(settled) == 1:
        return settled.pop()
    ambiguous = [value for value in values if ambiguous_day(value)]
    if not ambiguous:
        return None
    known = {calendar_day(parse_local(v)) for v in values if not ambiguous_day(v)}
    known = (known | {url_day(url)}) - {None}
    for value in ambiguous:
        for month_first in (True, False):
            if calendar_day(parse_local(value, month_first)) in known:
                return month_first
    return None


@lru_cache(maxsize=256)
def _locale_month_first(locale: str | None) -> bool | None:
    try:
        parsed = Locale.parse((locale or "").strip().replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return None
    if parsed.language == "en" and parsed.territory is None:
        return None
    pattern = parsed.date_formats["short"].pattern  # "M/d/yy", "dd.MM.yy", "y/M/d"
    return not pattern.startswith("y") and pattern.find("M") < pattern.find("d")


def publication_zone(published: Sequence[str | None], hints: Sequence[str | None],
                     month_first: bool | None = None) -> tzinfo | None:
    """The zone to read the publication time in when the first that the page gives has no
    offset: the page's own, from its other dates (see `page_zone`)."""
    first = next((d for d in (parse_local(v, month_first) for v in published) if d is not None),
                 None)
    if first is None or first.tzinfo is not None:
        return page_zone(hints, month_first=month_first)
    return page_zone(hints, first, month_first)


def in_zone(moment: datetime | None, zone: tzinfo | None) -> datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or UTC)
    return moment.astimezone(UTC)


def noon_utc(day: date | None) -> datetime | None:
    """A day alone as its noon UTC: the day reads the same in a UTC session and in the
    page's zone (from UTC-12 to UTC+11)."""
    return datetime.combine(day, time(12), UTC) if day else None


def on_day(moment: datetime | None, day: date | None, zone: tzinfo | None) -> datetime | None:
    """A time found outside the page's structured data, kept when the page declares no day
    or it falls on that day (a day either side, for zones): a masthead's time (today's) or
    a related story's is not the article's."""
    if moment is None or day is None:
        return moment
    return moment if abs((moment.astimezone(zone or UTC).date() - day).days) <= 1 else None


def people(values: Sequence[str], outlet_names: Sequence[str], url: str) -> list[str]:
    """`clean_authors` of bylines that are not the outlet's own name or domain (which some
    templates put in `<meta name="author">` for every page, with its town)."""
    own = _own_names(outlet_names, url)
    kept = [
        v for v in values
        if not any(k and (k == words_key(v) or f" {k} " in f" {words_key(v)} ") for k in own)
    ]
    return clean_authors(kept)


def not_the_outlet(names: Sequence[str], outlet_names: Sequence[str], url: str) -> list[str]:
    """The names without the outlet's own (its name, a part of it: "VnExpress" of "Báo
    VnExpress", or its domain): the house's name in a byline is the template's, not an
    author, unless nobody else is named."""
    own = _own_names(outlet_names, url)
    return [n for n in names if not any(k and f" {words_key(n)} " in f" {k} " for k in own)]


def _own_names(outlet_names: Sequence[str], url: str) -> set[str]:
    host = (urlparse(url).hostname or "").removeprefix("www.")
    return {words_key(n) for n in outlet_names} | ({words_key(host)} if host else set())


def on_site(
    href: str | None, url: str, sites: Sequence[str], sources: dict[str, str]
) -> str | None:
    """`href` when its host is the page's own (the host it came from, `sites` and their
    subdomains); otherwise None, and the URL noted in `sources["offsite_canonical"]`.
    A saved file (no host) or a caller that names no sites accepts any canonical.
    The site's homepage is a page's address only when the page was fetched from it:
    templates that point every article's canonical at it would merge them into one."""
    if not href or _is_homepage(href) and not _is_homepage(url):
        return None
    fetched = (urlparse(url).hostname or "").lower().removeprefix("www.")
    if not sites and not fetched:
        return href
    host = (urlparse(href).hostname or "").lower().removeprefix("www.")
    allowed = {fetched, *(s.lower().removeprefix("www.") for s in sites)} - {""}
    if urlparse(href).scheme in ("http", "https") and any(
        host == site or host.endswith("." + site) for site in allowed
    ):
        return href
    sources.setdefault("offsite_canonical", href)
    return None


def _is_homepage(url: str) -> bool:
    parts = urlparse(url)
    return parts.path in ("", "/") and not parts.query
