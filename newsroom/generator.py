"""The demo newsroom's outlets and articles, generated from `(now, seed)`.

Seven fictional outlets publish three weeks of ordinary news (Poisson arrivals per hour,
busy by day, quieter at weekends) and, in the last three hours, a burst of coverage of a
drone attack on an oil terminal, partly as copies of Newswire agency stories. `Record`
is one article: its ground truth and what its page shows; `newsroom/render.py` turns the
records into pages, feeds and sitemaps.
"""

from __future__ import annotations

import math
import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from newsroom import composer, texts
from newsroom.slots import make_slots

DAYS = 21
BURST_HOURS = 3
# Relative publishing volume by UTC hour: busy by day, quiet at night.
HOURLY = [0.25, 0.2, 0.2, 0.2, 0.3, 0.5, 0.9, 1.3, 1.6, 1.7, 1.7, 1.6,
          1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.0, 0.9, 0.8, 0.6, 0.45, 0.35]
WEEKEND_FACTOR = 0.6
TEASER_SHARE = 0.15  # of the paywalled outlet's articles
DRAFTS = 6  # drafts per article; the one least like earlier articles of its kind is kept


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
STORIES = {lang: texts.language(lang).stories for lang in texts.LANGUAGES}
BURST_STORIES = {s.key: s for lang in texts.LANGUAGES for s in texts.language(lang).burst}

# (minutes after the burst starts, outlet, wire story index or original story key).
# Stories per hour, a wire story's copies counting once: 5, 7, 9. The spike grows, but
# its last hour stays under twice its first, which the detector would report as a
# follow-up ("episode growing").
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
    (116, "gulf-dispatch", "burst-diplomacy"),
    (128, "meridian-post", 2), (131, "globe-herald", 2), (137, "eastern-wire-review", 2),
    (142, "gulf-dispatch", 2),
    (145, "globe-herald", "burst-shipping"), (150, "meridian-post", "burst-analysis"),
    (155, "harbor-times", "burst-explainer"), (160, "vostochny-vestnik", "burst-ru-3"),
    (165, "der-tagesbote", "burst-de-3"), (170, "eastern-wire-review", "burst-diplomacy"),
    (172, "gulf-dispatch", "burst-witness"), (176, "meridian-post", "burst-live"),
]
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


def pick_story(rng: random.Random, stories: tuple[texts.Story, ...]) -> texts.Story:
    return rng.choices(stories, weights=[s.weight for s in stories])[0]


def pick_staff(rng: random.Random, outlet: OutletSpec, section: str) -> list[tuple[str, str]]:
    """One author, sometimes two, from the desk that covers the section."""
    desk = [(n, t) for n, t, s in outlet.staff if section in s.split()] or [
        (n, t) for n, t, _ in outlet.staff]
    count = 2 if len(desk) > 1 and rng.random() < 0.12 else 1
    return rng.sample(desk, count)


def shingles(paragraphs: list[str]) -> frozenset[int]:
    """The body's 4-word shingles, roughly as the story grouper sees them (hashed: only
    their overlaps are compared, within one process)."""
    words = re.findall(r"\w+", " ".join(paragraphs).lower())
    return frozenset(map(hash, zip(words, words[1:], words[2:], words[3:], strict=False)))


def likeness(candidate: frozenset[int], earlier: list[frozenset[int]],
             enough: float = 1.0) -> float:
    """The highest Jaccard similarity of `candidate` to an earlier article, or a value of
    at least `enough` as soon as one is that similar."""
    worst, size = 0.0, len(candidate)
    for other in earlier:
        shared = len(candidate & other)
        similarity = shared / (size + len(other) - shared)
        if similarity > worst:
            worst = similarity
            if worst >= enough:
                break
    return worst


def make_record(rng: random.Random, outlet: OutletSpec, story: texts.Story,
                when: datetime, now: datetime, variant: int | None = None,
                written: list[frozenset[int]] | None = None) -> Record:
    """An article of `story`.

    A burst story told again passes its `variant` (0, 1, ...), so that the second telling
    shares no sentence with the first. `written` holds the shingles of the articles of
    the same kind so far: of `DRAFTS` drafts the one least like them is kept (and added).
    """
    local = when.astimezone(ZoneInfo(outlet.timezone))
    slots = make_slots(outlet.language, rng, local)
    best: tuple[float, tuple[str, str, list[str]]] | None = None
    for _ in range(DRAFTS if written else 1):
        draft = composer.compose(story, outlet.language, slots, rng, variant)
        score = likeness(shingles(draft[2]), written or [], best[0] if best else 1.0)
        if best is None or score < best[0]:
            best = (score, draft)
    title, standfirst, paragraphs = best[1]
    paragraphs = [composer.paraphrase(p, outlet.language, rng) for p in paragraphs]
    if written is not None:
        written.append(shingles(paragraphs))
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
    written: dict[tuple[str, str], list[frozenset[int]]] = {}  # (language, kind) -> shingles
    for outlet in OUTLETS:
        rng = random.Random(f"{seed}:{outlet.name}")  # when and what: the schedule
        text_rng = random.Random(f"{seed}:{outlet.name}:text")  # how it is written
        for hour in range(DAYS * 24):
            slot = start + timedelta(hours=hour)
            weekend = WEEKEND_FACTOR if slot.weekday() >= 5 else 1.0
            for _ in range(poisson(rng, outlet.daily * HOURLY[slot.hour] / norm * weekend)):
                when = slot + timedelta(seconds=rng.randint(0, 3599))
                story = pick_story(rng, STORIES[outlet.language])
                records.append(make_record(
                    text_rng, outlet, story, when, now,
                    written=written.setdefault((outlet.language, story.key), [])))
    return records


def burst(now: datetime, seed: int) -> list[Record]:
    """The Ras Kandar drone attack: wire copies on several outlets plus own reporting."""
    rng = random.Random(f"{seed}:burst")
    start = now - timedelta(hours=BURST_HOURS)
    wires = []
    credit, wire_stories = texts.wire()
    for wire in wire_stories:
        filed = start + timedelta(minutes=wire.minute)
        slots = make_slots("en", rng, filed)
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
            paragraphs.append(credit.format_map(slots))
            story_id = wire.story_id.format(date=start.strftime("%Y%m%d"))
            records.append(Record(
                outlet, story_id, "world", frozenset({"iran", "drones"}), when, None,
                wire.titles[nth % len(wire.titles)].format_map(slots),
                wire.standfirst.format_map(slots), paragraphs, ["Newswire"], "",
                CAPTIONS["en"]["burst"], wire_story_id=story_id))
        else:
            nth = used[what] = used.get(what, -1) + 1
            told_again = sum(w == what for _, _, w in BURST_PLAN) > 1
            records.append(make_record(rng, outlet, BURST_STORIES[what], when, now,
                                       nth if told_again else None))
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
    taken: set[str] = set()
    for number, record in enumerate(records, start=40001):
        path = article_path(record, number)
        suffix = 2
        while path in taken:  # same day, same headline: the CMS appends a counter
            path = f"{article_path(record, number)}-{suffix}"
            suffix += 1
        record.path = path
        taken.add(path)
        if (record.outlet.name == PAYWALLED and not record.story.startswith("burst")
                and not record.wire_story_id):
            record.is_teaser = rng.random() < TEASER_SHARE
            if record.is_teaser:
                record.paragraphs = record.paragraphs[:3]  # what the paywall leaves
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
