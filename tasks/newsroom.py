"""The demo newsroom: seven fictional news outlets served from 127.0.0.1.

`newswatch demo` runs the real pipeline against it and the tests use it as their fixture
server. Everything is generated from `(now, seed)` and rendered once at start-up, so a
request is a dictionary lookup. `Newsroom.articles` is the ground truth to score the
pipeline against. The text lives in `tasks/newsroom_content.py`.

    python -m tasks.newsroom        # serve in the foreground, print the URL and outlets
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
import math
import random
import re
import sys
import threading
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from zoneinfo import ZoneInfo

from tasks import newsroom_content as content

DAYS = 21
BURST_HOURS = 3
# Relative publishing volume by UTC hour: busy by day, quiet at night.
HOURLY = [0.25, 0.2, 0.2, 0.2, 0.3, 0.5, 0.9, 1.3, 1.6, 1.7, 1.7, 1.6,
          1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.0, 0.9, 0.8, 0.6, 0.45, 0.35]
WEEKEND_FACTOR = 0.6
TEASER_SHARE = 0.15  # of the paywalled outlet's articles


@dataclass(frozen=True)
class OutletSpec:
    """How one outlet publishes: discovery source, markup, metadata and charset."""

    name: str
    display_name: str
    language: str
    country: str
    charset: str  # of its article pages
    timezone: str  # local time shown on its pages
    source: str  # rss | atom | news-sitemap | sitemap-index
    metadata: str  # jsonld | jsonld-graph | opengraph | time-only
    layout: str  # html5 | legacy
    css: str  # class-name prefix
    daily: float  # articles per weekday
    staff: tuple[tuple[str, str, str], ...]  # (name, job title, sections it covers)
    paywall: bool = False


OUTLETS = [
    OutletSpec("globe-herald", "Globe Herald", "en", "GB", "utf-8", "Europe/London", "rss",
               "jsonld", "html5", "gh", 6.0,
               (("Jane Whitfield", "Security Correspondent", "world"),
                ("Marcus Rowe", "Middle East Correspondent", "world"),
                ("Tom Okafor", "Economics Editor", "business tech"),
                ("Priya Castellano", "Sports Reporter", "sport"),
                ("Owen Lindqvist", "Arts Correspondent", "culture"),
                ("Laura Marsh", "Environment Correspondent", "climate tech"))),
    OutletSpec("eastern-wire-review", "Eastern Wire Review", "en", "US", "utf-8",
               "America/New_York", "atom", "opengraph", "legacy", "ewr", 4.5,
               (("Daniel Hughes", "Foreign Affairs Writer", "world"),
                ("Grace Nakamura", "Senior Editor", "world business"),
                ("Samuel Porter", "Markets Reporter", "business tech"),
                ("Hannah Brennan", "Staff Writer", "sport culture climate"))),
    OutletSpec("der-tagesbote", "Der Tagesbote", "de", "DE", "windows-1252", "Europe/Berlin",
               "rss", "jsonld", "html5", "tb", 4.5,
               (("Jana Köhler", "Korrespondentin für Sicherheitspolitik", "world"),
                ("Jörg Weißenborn", "Auslandsredakteur", "world"),
                ("Bärbel Grünewald", "Wirtschaftsredakteurin", "business tech"),
                ("Florian Hölzl", "Sportredakteur", "sport"),
                ("Ulrike Dörfler", "Feuilleton", "culture climate"))),
    OutletSpec("vostochny-vestnik", "Vostochny Vestnik", "ru", "LV", "windows-1251",
               "Europe/Riga", "news-sitemap", "opengraph", "legacy", "vv", 3.5,
               (("Мария Соколова", "обозреватель", "world"),
                ("Илья Морозов", "военный обозреватель", "world"),
                ("Ольга Кузнецова", "экономический обозреватель", "business tech"),
                ("Глеб Орлов", "корреспондент", "sport culture climate"))),
    OutletSpec("harbor-times", "Harbor Times", "en", "US", "utf-8", "America/Los_Angeles",
               "sitemap-index", "time-only", "legacy", "ht", 4.0,
               (("Ruth Adeyemi", "World Desk", "world"),
                ("Callum Fairclough", "Business Reporter", "business tech"),
                ("Chloe Sandoval", "Staff Writer", "sport culture climate world"))),
    OutletSpec("meridian-post", "Meridian Post", "en", "AU", "utf-8", "Australia/Sydney",
               "atom", "jsonld-graph", "html5", "mp", 4.0,
               (("Nikhil Ashworth", "International Editor", "world"),
                ("Elena Delacroix", "Business Editor", "business tech"),
                ("Felix Quayle", "Chief Sports Writer", "sport"),
                ("Aisha Kowalczyk", "Culture and Climate Reporter", "culture climate"))),
    OutletSpec("gulf-dispatch", "Gulf Dispatch", "en", "AE", "utf-8", "Asia/Dubai", "rss",
               "opengraph", "html5", "gd", 4.0,
               (("David Mbeki-Hall", "Regional Security Editor", "world"),
                ("Laura Sandoval", "Energy Correspondent", "business climate tech"),
                ("Tom Lindqvist", "Sport and Culture Writer", "sport culture"))),
]
OUTLET_BY_NAME = {o.name: o for o in OUTLETS}
PAYWALLED = "meridian-post"
TRACKED = "globe-herald"  # its feed links carry utm_* parameters
BROKEN = "gulf-dispatch"  # two pages that validation must quarantine
STORIES = {"en": content.EN_STORIES, "de": content.DE_STORIES, "ru": content.RU_STORIES}
BURST_STORIES = {s.key: s for s in content.BURST_EN + content.BURST_DE + content.BURST_RU}

# (minutes after the burst starts, outlet, wire story index or original story key)
BURST_PLAN: list[tuple[int, str, int | str]] = [
    (18, "globe-herald", 0), (21, "gulf-dispatch", 0), (25, "eastern-wire-review", 0),
    (33, "harbor-times", 0), (41, "meridian-post", 0),
    (30, "gulf-dispatch", "burst-live"), (48, "der-tagesbote", "burst-de-1"),
    (52, "vostochny-vestnik", "burst-ru-1"), (56, "globe-herald", "burst-explainer"),
    (70, "meridian-post", "burst-shipping"),
    (78, "eastern-wire-review", 1), (82, "gulf-dispatch", 1), (90, "harbor-times", 1),
    (96, "globe-herald", 1),
    (100, "eastern-wire-review", "burst-analysis"), (105, "harbor-times", "burst-witness"),
    (110, "der-tagesbote", "burst-de-2"), (115, "vostochny-vestnik", "burst-ru-2"),
    (120, "gulf-dispatch", "burst-diplomacy"),
    (128, "meridian-post", 2), (131, "globe-herald", 2), (137, "eastern-wire-review", 2),
    (142, "gulf-dispatch", 2),
    (145, "globe-herald", "burst-shipping"), (150, "meridian-post", "burst-analysis"),
    (155, "harbor-times", "burst-explainer"), (160, "vostochny-vestnik", "burst-ru-3"),
    (165, "der-tagesbote", "burst-de-3"), (170, "eastern-wire-review", "burst-diplomacy"),
    (172, "gulf-dispatch", "burst-witness"), (176, "meridian-post", "burst-live"),
]

LABELS = {
    "en": {"home": "Home", "archive": "Staff", "by": "By", "photo": "Photo",
           "related": "Related stories",
           "top": "Top stories", "rights": "All rights reserved",
           "newsletter": "Want the latest updates? Sign up for our newsletter",
           "signup": "Sign up", "share": ("Share on Facebook", "Share on X", "Email"),
           "cookie": "We use cookies to improve your experience. By continuing to browse "
                     "you agree to our use of cookies.", "accept": "Accept",
           "subscribe": "Subscribe to continue reading",
           "subscribe_more": "Get unlimited access to our journalism from $1 a week.",
           "footer": ("About us", "Contact", "Privacy", "Terms")},
    "de": {"home": "Startseite", "archive": "Archiv", "by": "Von", "photo": "Foto",
           "related": "Mehr zum Thema",
           "top": "Meistgelesen", "rights": "Alle Rechte vorbehalten",
           "newsletter": "Immer auf dem Laufenden? Jetzt unseren Newsletter abonnieren",
           "signup": "Abonnieren", "share": ("Auf Facebook teilen", "Auf X teilen",
                                              "Per E-Mail senden"),
           "cookie": "Wir verwenden Cookies, um Ihnen das bestmögliche Nutzungserlebnis zu "
                     "bieten. Mit der weiteren Nutzung stimmen Sie dem zu.",
           "accept": "Einverstanden", "subscribe": "Weiterlesen mit Abo",
           "subscribe_more": "", "footer": ("Über uns", "Kontakt", "Datenschutz", "Impressum")},
    "ru": {"home": "Главная", "archive": "архив редакции", "by": "Автор:", "photo": "Фото",
           "related": "Читайте также",
           "top": "Самое читаемое", "rights": "Все права защищены",
           "newsletter": "Хотите быть в курсе? Подпишитесь на нашу рассылку",
           "signup": "Подписаться", "share": ("Поделиться в Telegram", "Поделиться ВКонтакте",
                                               "Отправить по почте"),
           "cookie": "Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая "
                     "пользоваться сайтом, вы соглашаетесь с этим.", "accept": "Принять",
           "subscribe": "Оформите подписку", "subscribe_more": "",
           "footer": ("О нас", "Контакты", "Конфиденциальность", "Реклама")},
}
SECTION_NAMES = {
    "en": {"world": "World", "business": "Business", "sport": "Sport", "culture": "Culture",
           "climate": "Climate", "tech": "Technology"},
    "de": {"world": "Ausland", "business": "Wirtschaft", "sport": "Sport", "culture": "Kultur",
           "climate": "Klima", "tech": "Digital"},
    "ru": {"world": "В мире", "business": "Экономика", "sport": "Спорт", "culture": "Культура",
           "climate": "Климат", "tech": "Технологии"},
}
CAPTIONS = {
    "en": {"world": "A street in the city centre earlier this week.",
           "business": "Containers stacked at a port terminal.",
           "sport": "Players celebrate at the final whistle.",
           "culture": "Visitors in one of the new galleries.",
           "climate": "Clouds gather over farmland.",
           "tech": "A technician checks equipment on a production line.",
           "burst": "Smoke rises above the tank farm at the Ras Kandar terminal."},
    "de": {"world": "Eine Straße im Stadtzentrum, Anfang der Woche.",
           "business": "Container im Hafen.", "sport": "Jubel nach dem Schlusspfiff.",
           "culture": "Besucher in einem der neuen Säle.", "climate": "Wolken über Feldern.",
           "tech": "Ein Techniker prüft eine Fertigungsanlage.",
           "burst": "Rauch über dem Tanklager des Terminals Ras Kandar."},
    "ru": {"world": "Улица в центре города в начале недели.", "business": "Контейнеры в порту.",
           "sport": "Игроки празднуют победу.", "culture": "Посетители в новом зале.",
           "climate": "Тучи над полями.", "tech": "Техник проверяет оборудование.",
           "burst": "Дым над резервуарным парком терминала Рас-Кандар."},
}
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]


@dataclass
class Record:
    """One generated article: its ground truth plus what its page shows."""

    outlet: OutletSpec
    story: str
    section: str
    topics: frozenset[str]
    published_at: datetime
    updated_at: datetime | None
    title: str
    standfirst: str
    paragraphs: list[str]
    authors: list[str]
    job_title: str
    caption: str
    wire_story_id: str | None = None
    is_teaser: bool = False
    defect: str | None = None
    path: str = ""

    def truth(self, base_url: str) -> dict[str, Any]:
        return {
            "outlet": self.outlet.name,
            "url": base_url + self.path,
            "title": self.title,
            "published_at": self.published_at,
            "updated_at": self.updated_at,
            "topics": set(self.topics),
            "is_wire_copy": self.wire_story_id is not None,
            "wire_story_id": self.wire_story_id,
            "language": self.outlet.language,
            "section": self.section,
            "authors": list(self.authors),
            "body": "\n\n".join(self.paragraphs),
            "captions": [self.caption],
            "is_teaser": self.is_teaser,
            "defect": self.defect,
            "story": self.story,
        }


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; the means here are small."""
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def pick_story(rng: random.Random, stories: list[content.Story]) -> content.Story:
    return rng.choices(stories, weights=[s.weight for s in stories])[0]


def pick_staff(rng: random.Random, outlet: OutletSpec, section: str) -> list[tuple[str, str]]:
    """One author, sometimes two, from the desk that covers the section."""
    desk = [(n, t) for n, t, s in outlet.staff if section in s.split()] or [
        (n, t) for n, t, _ in outlet.staff]
    count = 2 if len(desk) > 1 and rng.random() < 0.12 else 1
    return rng.sample(desk, count)


def make_record(rng: random.Random, outlet: OutletSpec, story: content.Story,
                when: datetime, now: datetime, title_index: int | None = None) -> Record:
    """An article of `story`; burst stories pass `title_index` so repeats differ."""
    local = when.astimezone(ZoneInfo(outlet.timezone))
    slots = content.make_slots(outlet.language, rng, local)
    title, standfirst, paragraphs = content.compose(
        story, outlet.language, slots, rng, complete=title_index is not None)
    if title_index is not None:
        title = story.titles[title_index % len(story.titles)].format_map(slots)
    staff = pick_staff(rng, outlet, story.section)
    updated = None
    if rng.random() < 0.3:
        updated = min(when + timedelta(minutes=rng.randint(10, 240)), now - timedelta(minutes=1))
        updated = updated if updated > when else None
    caption_key = "burst" if story.key.startswith("burst") else story.section
    return Record(outlet, story.key, story.section, story.topics, when, updated, title,
                  standfirst, paragraphs, [n for n, _ in staff], staff[0][1],
                  CAPTIONS[outlet.language][caption_key])


def baseline(now: datetime, seed: int) -> list[Record]:
    """Ordinary news: Poisson arrivals per outlet and hour over the last 21 days."""
    start = now - timedelta(days=DAYS)
    norm = sum(HOURLY)
    records = []
    for outlet in OUTLETS:
        rng = random.Random(f"{seed}:{outlet.name}")
        for hour in range(DAYS * 24):
            slot = start + timedelta(hours=hour)
            weekend = WEEKEND_FACTOR if slot.weekday() >= 5 else 1.0
            for _ in range(poisson(rng, outlet.daily * HOURLY[slot.hour] / norm * weekend)):
                when = slot + timedelta(seconds=rng.randint(0, 3599))
                story = pick_story(rng, STORIES[outlet.language])
                records.append(make_record(rng, outlet, story, when, now))
    return records


def burst(now: datetime, seed: int) -> list[Record]:
    """The Ras Kandar drone attack: wire copies on several outlets plus own reporting."""
    rng = random.Random(f"{seed}:burst")
    start = now - timedelta(hours=BURST_HOURS)
    wires = []
    for wire in content.BURST_WIRE:
        filed = start + timedelta(minutes=wire.minute)
        slots = content.make_slots("en", rng, filed)
        wires.append((wire, slots))
    carried: dict[int, int] = {}
    used: dict[str, int] = {}
    records = []
    for minute, name, what in BURST_PLAN:
        outlet = OUTLET_BY_NAME[name]
        when = start + timedelta(minutes=minute, seconds=rng.randint(0, 119))
        if isinstance(what, int):
            wire, slots = wires[what]
            nth = carried[what] = carried.get(what, -1) + 1
            paragraphs = [p.format_map(slots) for p in wire.paragraphs]
            paragraphs.append(content.WIRE_CREDIT.format_map(slots))
            story_id = wire.story_id.format(date=start.strftime("%Y%m%d"))
            records.append(Record(
                outlet, story_id, "world", frozenset({"iran", "drones"}), when, None,
                wire.titles[nth % len(wire.titles)].format_map(slots),
                wire.standfirst.format_map(slots), paragraphs, ["Newswire"], "",
                CAPTIONS["en"]["burst"], wire_story_id=story_id))
        else:
            nth = used[what] = used.get(what, -1) + 1
            records.append(make_record(rng, outlet, BURST_STORIES[what], when, now, nth))
    return records


def slugify(text: str) -> str:
    text = text.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:70].rstrip("-") or "article"


def article_path(record: Record, number: int) -> str:
    """Each outlet has its own URL scheme, as real sites do."""
    o, d, slug = record.outlet, record.published_at, slugify(record.title)
    if o.name == "globe-herald":
        return f"/{o.name}/{record.section}/{d:%Y/%m/%d}/{slug}"
    if o.name == "eastern-wire-review":
        return f"/{o.name}/{d:%Y/%m/%d}/{slug}-{number}.html"
    if o.name == "der-tagesbote":
        return f"/{o.name}/{slugify(SECTION_NAMES['de'][record.section])}/{slug}-a{number}.html"
    if o.name == "vostochny-vestnik":
        return f"/{o.name}/news/{d:%Y/%m/%d}/{number}.html"
    if o.name == "harbor-times":
        return f"/{o.name}/news/{slug}-{number}"
    if o.name == "meridian-post":
        return f"/{o.name}/{record.section}/{slug}/{number:x}"
    return f"/{o.name}/{record.section}/{number}-{slug}"


def finish(records: list[Record], seed: int) -> list[Record]:
    """Order by time, give URLs, mark teasers and the deliberately broken pages."""
    records.sort(key=lambda r: (r.published_at, r.outlet.name))
    rng = random.Random(f"{seed}:finish")
    for number, record in enumerate(records, start=40001):
        record.path = article_path(record, number)
        if record.outlet.name == PAYWALLED and not record.story.startswith("burst"):
            record.is_teaser = rng.random() < TEASER_SHARE
            if record.is_teaser:
                record.paragraphs = record.paragraphs[:2]
    newest = records[-1].published_at
    broken = [r for r in records if r.outlet.name == BROKEN and not r.topics
              and newest - r.published_at < timedelta(days=7)]
    for record, defect in zip(rng.sample(broken, 2), ("empty_title", "too_short"), strict=True):
        record.defect = defect
        if defect == "empty_title":
            record.title = ""
        else:
            record.paragraphs = ["Developing story, updates."]
    return records


def generate(now: datetime, seed: int) -> list[Record]:
    """All articles for `(now, seed)`, oldest first."""
    return finish(baseline(now, seed) + burst(now, seed), seed)


# --- rendering -------------------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=True)


def human_date(record: Record) -> str:
    local = record.published_at.astimezone(ZoneInfo(record.outlet.timezone))
    lang = record.outlet.language
    if lang == "de":
        return f"{local.day}. {content.MONTHS['de'][local.month - 1]} {local:%Y, %H:%M} Uhr"
    if lang == "ru":
        return f"{local.day} {MONTHS_RU[local.month - 1]} {local:%Y, %H:%M}"
    return f"{local.day} {local:%B %Y, %H:%M} {local.tzname()}"


def local_iso(moment: datetime, outlet: OutletSpec) -> str:
    return moment.astimezone(ZoneInfo(outlet.timezone)).isoformat(timespec="seconds")


def byline(record: Record) -> str:
    """Bylines as each outlet writes them; wire copy is credited to the agency."""
    labels = LABELS[record.outlet.language]
    names = " and " if record.outlet.language == "en" else (
        " und " if record.outlet.language == "de" else " и ")
    who = names.join(f'<a rel="author" href="/{record.outlet.name}/authors/{author_id(n)}">'
                     f"{esc(n)}</a>" for n in record.authors)
    if record.wire_story_id:
        return f"{labels['by']} {who}"
    if record.outlet.name == "harbor-times":
        return f"{labels['by']} {who} | Harbor Times"
    if record.outlet.name == "gulf-dispatch":
        return f"{who}, {esc(record.job_title)}"
    if record.outlet.language == "en":
        return f"{labels['by']} {who}, {esc(record.job_title)}"
    return f"{labels['by']} {who}"


def author_id(name: str) -> str:
    return hashlib.sha1(name.encode()).hexdigest()[:8]


def image_url(record: Record) -> str:
    return f"/{record.outlet.name}/img/{record.path.rsplit('/', 1)[-1].removesuffix('.html')}.jpg"


def json_ld(record: Record, base_url: str) -> str:
    o = record.outlet
    url = base_url + record.path
    if record.wire_story_id:
        authors: list[dict[str, str]] = [{"@type": "Organization", "name": "Newswire"}]
    else:
        authors = [{"@type": "Person", "name": n, "jobTitle": record.job_title}
                   for n in record.authors]
    article: dict[str, Any] = {
        "@type": "NewsArticle",
        "headline": record.title,
        "description": record.standfirst,
        "author": authors,
        "datePublished": local_iso(record.published_at, o),
        "dateModified": local_iso(record.updated_at or record.published_at, o),
        "articleSection": SECTION_NAMES[o.language][record.section],
        "inLanguage": o.language,
        "isAccessibleForFree": not record.is_teaser,
        "mainEntityOfPage": url,
        "image": [base_url + image_url(record)],
        "publisher": {"@type": "NewsMediaOrganization", "name": o.display_name},
    }
    if record.is_teaser:
        article["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False,
                              "cssSelector": f".{o.css}-paywalled"}
    if o.metadata == "jsonld-graph":
        article["@id"] = url + "#article"
        data: dict[str, Any] = {"@context": "https://schema.org", "@graph": [
            {"@type": "WebPage", "@id": url, "url": url, "name": record.title},
            article,
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home"},
                {"@type": "ListItem", "position": 2,
                 "name": SECTION_NAMES[o.language][record.section]}]}]}
    else:
        data = {"@context": "https://schema.org", **article}
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'


def head_meta(record: Record, base_url: str) -> str:
    o, url = record.outlet, base_url + record.path
    if o.metadata in ("jsonld", "jsonld-graph"):
        return json_ld(record, base_url)
    if o.metadata == "opengraph":
        tags = [("og:type", "article"), ("og:title", record.title), ("og:url", url),
                ("og:description", record.standfirst), ("og:site_name", o.display_name),
                ("article:published_time", local_iso(record.published_at, o)),
                ("article:section", SECTION_NAMES[o.language][record.section])]
        if record.updated_at:
            tags.append(("article:modified_time", local_iso(record.updated_at, o)))
        tags += [("article:author", name) for name in record.authors]
        metas = "\n".join(f'<meta property="{k}" content="{esc(v)}">' for k, v in tags)
        return f'{metas}\n<meta name="author" content="{esc(", ".join(record.authors))}">'
    return f'<meta name="description" content="{esc(record.standfirst)}">'


def body_html(record: Record, labels: dict[str, Any]) -> str:
    """Paragraphs with the newsletter prompt after the second; paywall box for teasers."""
    c = record.outlet.css
    parts = []
    for i, paragraph in enumerate(record.paragraphs):
        if record.wire_story_id and i == len(record.paragraphs) - 1:
            parts.append(f'<p class="{c}-credit-line"><em>{esc(paragraph)}</em></p>')
        else:
            parts.append(f"<p>{esc(paragraph)}</p>")
        if i == 1 and len(record.paragraphs) > 3:
            parts.append(
                f'<aside class="{c}-newsletter-inline"><p><strong>{esc(labels["newsletter"])}'
                f'</strong></p><form action="/{record.outlet.name}/newsletter" method="post">'
                f'<input type="email" name="email" placeholder="you@example.com">'
                f'<button type="submit">{esc(labels["signup"])}</button></form></aside>')
    if record.is_teaser:
        parts.append(
            f'<div class="{c}-paywall"><h3>{esc(labels["subscribe"])}</h3>'
            f'<p>{esc(labels["subscribe_more"])}</p>'
            f'<a class="{c}-subscribe-button" href="/{record.outlet.name}/subscribe">'
            "Subscribe</a></div>")
    return "\n".join(parts)


def link_list(items: list[tuple[str, str]]) -> str:
    return "".join(f'<li><a href="{esc(href)}">{esc(title)}</a></li>' for href, title in items)


def render_page(record: Record, base_url: str, related: list[tuple[str, str]],
                top: list[tuple[str, str]]) -> str:
    """The article page in its outlet's layout."""
    o, labels = record.outlet, LABELS[record.outlet.language]
    url, c = base_url + record.path, o.css
    section = SECTION_NAMES[o.language][record.section]
    nav = "".join(f'<li><a href="/{o.name}/{k}/">{esc(v)}</a></li>'
                  for k, v in SECTION_NAMES[o.language].items())
    share = "".join(f'<a class="{c}-share-{i}" href="#">{esc(s)}</a>'
                    for i, s in enumerate(labels["share"]))
    footer = "".join(f'<li><a href="/{o.name}/about#{i}">{esc(t)}</a></li>'
                     for i, t in enumerate(labels["footer"]))
    credit = "Newswire" if record.wire_story_id else f"{o.display_name}/{labels['archive']}"
    image = image_url(record)
    charset_tag = (f'<meta http-equiv="Content-Type" content="text/html; charset={o.charset}">'
                   if o.charset == "windows-1251" else f'<meta charset="{o.charset}">')
    title_tag = f"{esc(record.title)} | {esc(o.display_name)}" if record.title else ""
    time_tag = (f'<time datetime="{local_iso(record.published_at, o)}">'
                f"{esc(human_date(record))}</time>")
    cookie = (f'<div class="cookie-consent" id="{c}-cookies" role="dialog"><p>'
              f'{esc(labels["cookie"])}</p><button>{esc(labels["accept"])}</button></div>')
    head = (f'<!DOCTYPE html>\n<html lang="{o.language}">\n<head>\n{charset_tag}\n'
            f"<title>{title_tag}</title>\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<link rel="canonical" href="{esc(url)}">\n{head_meta(record, base_url)}\n'
            f'<link rel="stylesheet" href="/{o.name}/static/site.css">\n</head>\n')
    body = body_html(record, labels)
    home = f'<a href="/{o.name}/">{esc(labels["home"])}</a>'
    crumb = f'<a href="/{o.name}/{record.section}/">{esc(section)}</a>'
    photo = f"{esc(labels['photo'])}: {esc(credit)}"
    copyright_ = (f"&copy; {record.published_at.year} {esc(o.display_name)}. "
                  f"{esc(labels['rights'])}.")
    logo = f'<img src="/{o.name}/static/logo.png" alt="{esc(o.display_name)}">'
    if o.layout == "html5":
        paywalled = f" {c}-paywalled" if record.is_teaser else ""
        page = f"""<body class="{c}-page">
{cookie}
<header class="{c}-masthead"><a class="{c}-logo" href="/{o.name}/">{esc(o.display_name)}</a>
<nav class="{c}-nav"><ul><li>{home}</li>{nav}</ul></nav>
</header>
<main id="main-content">
<article class="{c}-article">
<nav class="{c}-breadcrumb" aria-label="breadcrumb"><ol><li>{home}</li><li>{crumb}</li></ol></nav>
<header class="{c}-article-header">
<h1 class="{c}-headline">{esc(record.title)}</h1>
<p class="{c}-standfirst">{esc(record.standfirst)}</p>
<div class="{c}-meta"><span class="{c}-byline">{byline(record)}</span> {time_tag}</div>
</header>
<div class="{c}-share-bar">{share}</div>
<figure class="{c}-figure"><img src="{image}" alt="" width="1200" height="675">
<figcaption>{esc(record.caption)} <span class="{c}-photo-credit">{photo}</span></figcaption>
</figure>
<div class="{c}-article-body{paywalled}">
{body}
</div>
<section class="{c}-related"><h2>{esc(labels['related'])}</h2>
<ul>{link_list(related)}</ul></section>
</article>
<aside class="{c}-rail"><h2>{esc(labels['top'])}</h2><ol>{link_list(top)}</ol></aside>
</main>
<footer class="{c}-footer"><ul>{footer}</ul><p>{copyright_}</p></footer>
</body>
</html>
"""
    else:
        date_html = time_tag if o.metadata == "time-only" else (
            f'<span class="{c}_date">{esc(human_date(record))}</span>')
        page = f"""<body>
<div id="wrapper">
<div id="{c}_top"><a href="/{o.name}/">{logo}</a></div>
<div id="{c}_nav"><ul><li>{home}</li>{nav}</ul></div>
<div class="{c}_cols">
<div class="{c}_main">
<div class="{c}_story">
<div class="{c}_crumbs">{home} &raquo; {crumb}</div>
<h1 class="{c}_title">{esc(record.title)}</h1>
<h2 class="{c}_summary">{esc(record.standfirst)}</h2>
<div class="{c}_info"><span class="{c}_author">{byline(record)}</span> &middot; {date_html}</div>
<div class="{c}_img"><img src="{image}" alt="">
<p class="{c}_caption">{esc(record.caption)}</p><p class="{c}_photocredit">{photo}</p></div>
<div class="{c}_text" id="storytext">
{body}
</div>
<div class="{c}_sharebar">{share}</div>
<div class="{c}_more"><h3>{esc(labels['related'])}</h3><ul>{link_list(related)}</ul></div>
</div>
</div>
<div class="{c}_side"><h3>{esc(labels['top'])}</h3><ul>{link_list(top)}</ul></div>
</div>
<div id="{c}_footer"><ul>{footer}</ul><p>{copyright_}</p></div>
{cookie}
</div>
</body>
</html>
"""
    return head + page


def render_home(outlet: OutletSpec, records: list[Record]) -> str:
    """A front page listing the newest articles (a `listing` source, if one wants it)."""
    items = link_list([(r.path, r.title) for r in records[::-1][:30]])
    return (f'<!DOCTYPE html>\n<html lang="{outlet.language}"><head>'
            f'<meta charset="{outlet.charset}"><title>{esc(outlet.display_name)}</title></head>'
            f'<body><h1>{esc(outlet.display_name)}</h1>'
            f'<ul class="{outlet.css}-latest">{items}</ul></body></html>\n')


# --- feeds and sitemaps ------------------------------------------------------------------

def x(text: str) -> str:
    return xml_escape(text, {'"': "&quot;"})


def utc_iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def render_rss(outlet: OutletSpec, records: list[Record], base_url: str) -> tuple[bytes, str]:
    """RSS 2.0, newest first; the German feed is ISO-8859-1 as many older CMSs emit."""
    encoding = "ISO-8859-1" if outlet.language == "de" else "UTF-8"
    query = "?utm_source=rss&utm_medium=feed" if outlet.name == TRACKED else ""
    items = []
    for r in reversed(records):
        link = base_url + r.path + query
        creators = "".join(f"<dc:creator>{x(n)}</dc:creator>" for n in r.authors)
        items.append(
            f"<item><title>{x(r.title)}</title><link>{x(link)}</link>"
            f'<guid isPermaLink="false">{outlet.name}-{r.path.rsplit("/", 1)[-1]}</guid>'
            f"<pubDate>{format_datetime(r.published_at.astimezone(ZoneInfo(outlet.timezone)))}"
            f"</pubDate>{creators}<category>{x(SECTION_NAMES[outlet.language][r.section])}"
            f"</category><description>{x(r.standfirst)}</description></item>")
    feed_url = f"{base_url}/{outlet.name}/rss.xml"
    text = (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
            f"<title>{x(outlet.display_name)}</title><link>{base_url}/{outlet.name}/</link>"
            f"<description>{x(outlet.display_name)}: latest news</description>"
            f"<language>{outlet.language}</language>"
            f"<lastBuildDate>{format_datetime(records[-1].published_at)}</lastBuildDate>"
            f'<atom:link href="{feed_url}" rel="self" type="application/rss+xml"/>\n'
            + "\n".join(items) + "\n</channel>\n</rss>\n")
    return (text.encode(encoding, errors="xmlcharrefreplace"),
            f"application/rss+xml; charset={encoding}")


def render_atom(outlet: OutletSpec, records: list[Record], base_url: str) -> tuple[bytes, str]:
    entries = []
    for r in reversed(records):
        authors = "".join(f"<author><name>{x(n)}</name></author>" for n in r.authors)
        entries.append(
            f"<entry><title>{x(r.title)}</title>"
            f'<link rel="alternate" type="text/html" href="{x(base_url + r.path)}"/>'
            f"<id>tag:{outlet.name}.example,{r.published_at:%Y-%m-%d}:{r.path}</id>"
            f"<published>{utc_iso(r.published_at)}</published>"
            f"<updated>{utc_iso(r.updated_at or r.published_at)}</updated>{authors}"
            f'<category term="{r.section}"/><summary>{x(r.standfirst)}</summary></entry>')
    text = ('<?xml version="1.0" encoding="utf-8"?>\n'
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.language}">\n'
            f"<title>{x(outlet.display_name)}</title>"
            f"<id>tag:{outlet.name}.example,2024:feed</id>"
            f'<link rel="self" href="{base_url}/{outlet.name}/atom.xml"/>'
            f'<link rel="alternate" href="{base_url}/{outlet.name}/"/>'
            f"<updated>{utc_iso(records[-1].published_at)}</updated>\n"
            + "\n".join(entries) + "\n</feed>\n")
    return text.encode("utf-8"), "application/atom+xml; charset=utf-8"


def render_news_sitemap(outlet: OutletSpec, records: list[Record], base_url: str) -> bytes:
    urls = []
    for r in reversed(records):
        urls.append(
            f"<url><loc>{x(base_url + r.path)}</loc>"
            f"<lastmod>{local_iso(r.updated_at or r.published_at, outlet)}</lastmod>"
            "<news:news><news:publication>"
            f"<news:name>{x(outlet.display_name)}</news:name>"
            f"<news:language>{outlet.language}</news:language></news:publication>"
            f"<news:publication_date>{local_iso(r.published_at, outlet)}"
            f"</news:publication_date><news:title>{x(r.title)}</news:title>"
            "</news:news></url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
            + "\n".join(urls) + "\n</urlset>\n").encode("utf-8")


SOURCE_PATHS = {"rss": "rss.xml", "atom": "atom.xml", "news-sitemap": "news-sitemap.xml",
                "sitemap-index": "sitemap.xml"}


@dataclass
class Resource:
    body: bytes
    content_type: str
    etag: str | None = None  # feeds and sitemaps only: they answer conditional GETs
    last_modified: datetime | None = None


def source_resources(outlet: OutletSpec, records: list[Record],
                     base_url: str) -> dict[str, Resource]:
    """The outlet's discovery source (and, for the index, the gzip sitemap it points to)."""
    newest = max(r.updated_at or r.published_at for r in records)
    path = f"/{outlet.name}/{SOURCE_PATHS[outlet.source]}"
    if outlet.source == "rss":
        found = {path: render_rss(outlet, records, base_url)}
    elif outlet.source == "atom":
        found = {path: render_atom(outlet, records, base_url)}
    elif outlet.source == "news-sitemap":
        found = {path: (render_news_sitemap(outlet, records, base_url),
                        "application/xml; charset=utf-8")}
    else:
        child = f"/{outlet.name}/sitemap-news.xml.gz"
        index = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                 f"<sitemap><loc>{base_url}{child}</loc><lastmod>{utc_iso(newest)}</lastmod>"
                 "</sitemap>\n</sitemapindex>\n").encode()
        compressed = gzip.compress(render_news_sitemap(outlet, records, base_url), mtime=0)
        found = {path: (index, "application/xml; charset=utf-8"),
                 child: (compressed, "application/gzip")}
    return {p: Resource(body, kind, f'"{hashlib.sha1(body).hexdigest()[:20]}"', newest)
            for p, (body, kind) in found.items()}


def render_robots(base_url: str) -> str:
    sitemaps = "".join(f"Sitemap: {base_url}/{o.name}/{SOURCE_PATHS[o.source]}\n"
                       for o in OUTLETS if "sitemap" in o.source)
    return ("User-agent: *\nDisallow: /*/admin/\nDisallow: /*/search\nAllow: /\n\n"
            f"{sitemaps}")


def build_site(records: list[Record], base_url: str) -> dict[str, Resource]:
    """Every path the server answers, rendered once."""
    site = {"/robots.txt": Resource(render_robots(base_url).encode(), "text/plain; charset=utf-8")}
    for outlet in OUTLETS:
        own = [r for r in records if r.outlet is outlet]
        site.update(source_resources(outlet, own, base_url))
        site[f"/{outlet.name}/"] = Resource(render_home(outlet, own).encode(
            outlet.charset, errors="xmlcharrefreplace"), f"text/html; charset={outlet.charset}")
        for i, record in enumerate(own):
            earlier = own[max(0, i - 8):i][::-1]
            related = [(r.path, r.title) for r in earlier if r.section == record.section][:3]
            top = [(r.path, r.title) for r in earlier[:5]]
            page = render_page(record, base_url, related, top)
            site[record.path] = Resource(page.encode(outlet.charset),
                                         f"text/html; charset={outlet.charset}")
    return site


# --- the server ------------------------------------------------------------------------

def not_modified(resource: Resource, headers: Any) -> bool:
    """RFC 9110: If-None-Match wins; If-Modified-Since only when it is absent."""
    if resource.etag is None:
        return False
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or resource.etag in tags
    since = headers.get("If-Modified-Since")
    if since and resource.last_modified is not None:
        try:
            return resource.last_modified.replace(microsecond=0) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


class Newsroom:
    """A running demo newsroom. Use as a context manager or call `stop()`."""

    def __init__(self, now: datetime, seed: int, latency: float) -> None:
        self.now = now
        self.seed = seed
        self.latency = latency
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status) in order
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._records = generate(now, seed)
        self.articles: list[dict[str, Any]] = [r.truth(self.url) for r in self._records]
        self._site = build_site(self._records, self.url)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        name="newsroom", daemon=True)
        self._thread.start()

    def outlets_config(self) -> list[dict[str, Any]]:
        """The outlets in the `outlets.yaml` schema, pointing at this server."""
        return [{"name": o.name, "display_name": o.display_name, "domain": "127.0.0.1",
                 "language": o.language, "country": o.country,
                 "sources": [{"type": "feed" if o.source in ("rss", "atom") else "sitemap",
                              "url": f"{self.url}/{o.name}/{SOURCE_PATHS[o.source]}"}]}
                for o in OUTLETS]

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> Newsroom:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _log(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, path, status))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        newsroom = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            server_version = "DemoNewsroom/1.0"
            disable_nagle_algorithm = True  # else keep-alive responses stall ~40 ms each

            def do_GET(self) -> None:
                self.answer(send_body=True)

            def do_HEAD(self) -> None:
                self.answer(send_body=False)

            def answer(self, send_body: bool) -> None:
                if newsroom.latency:
                    time.sleep(newsroom.latency)
                path = self.path.split("?", 1)[0].split("#", 1)[0]
                resource = newsroom._site.get(path)
                if resource is None:
                    status, body, kind = 404, b"Not found\n", "text/plain; charset=utf-8"
                elif not_modified(resource, self.headers):
                    status, body, kind = 304, b"", resource.content_type
                else:
                    status, body, kind = 200, resource.body, resource.content_type
                newsroom._log(self.command, self.path, status)
                self.send_response(status)
                if status != 304:
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                if resource is not None and resource.etag:
                    self.send_header("ETag", resource.etag)
                    self.send_header("Last-Modified", format_datetime(
                        resource.last_modified.astimezone(UTC), usegmt=True))
                    self.send_header("Cache-Control", "max-age=60")
                self.end_headers()
                if send_body and status != 304:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # the request log is `Newsroom.requests`

        return Handler


def start_newsroom(now: datetime | None = None, seed: int = 7,
                   latency: float = 0.0) -> Newsroom:
    """Generate the articles for `(now, seed)` and serve them on 127.0.0.1 (a free port).

    `now` defaults to the current hour (UTC); a naive `now` is taken as UTC. `latency`
    is slept before every response, to make the server slow on purpose.
    """
    if now is None:
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return Newsroom(now.astimezone(UTC), seed, latency)


def main() -> None:
    with start_newsroom() as newsroom:
        print(f"Demo newsroom at {newsroom.url} ({len(newsroom.articles)} articles)")
        print(f"  {newsroom.url}/robots.txt")
        for outlet in newsroom.outlets_config():
            count = sum(a["outlet"] == outlet["name"] for a in newsroom.articles)
            print(f"  {outlet['name']:<20} {outlet['language']}  {count:>4} articles  "
                  f"{outlet['sources'][0]['url']}")
        print("Ctrl-C to stop.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("stopped", file=sys.stderr)


if __name__ == "__main__":
    main()
