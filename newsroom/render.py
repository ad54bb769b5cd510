"""The demo newsroom's pages, feeds, sitemaps and robots.txt, rendered from its records.

Each outlet has its own markup (`html5` or `legacy` layout), metadata style (JSON-LD,
a JSON-LD graph, OpenGraph, or only a `<time>`), charset and discovery source (RSS,
Atom, a news sitemap, or a sitemap index pointing to a gzipped sitemap). Pages carry the
boilerplate an extractor must drop: cookie banner, newsletter box, share bar, related
and top stories, captions, a paywall box on teasers. `newsroom/generator.py` makes the
records; `newsroom/server.py` serves what `build_site` returns.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from zoneinfo import ZoneInfo

from newsroom.generator import SECTION_NAMES, OutletSpec, Record
from newsroom.slots import MONTHS

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
MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
             "сентября", "октября", "ноября", "декабря"]


# --- article pages ---------------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=True)


def human_date(record: Record) -> str:
    local = record.published_at.astimezone(ZoneInfo(record.outlet.timezone))
    lang = record.outlet.language
    if lang == "de":
        return f"{local.day}. {MONTHS['de'][local.month - 1]} {local:%Y, %H:%M} Uhr"
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


def render_rss(outlet: OutletSpec, records: list[Record], base_url: str,
               tracked: bool) -> tuple[bytes, str]:
    """RSS 2.0, newest first; the German feed is ISO-8859-1 as many older CMSs emit."""
    encoding = "ISO-8859-1" if outlet.language == "de" else "UTF-8"
    query = "?utm_source=rss&utm_medium=feed" if tracked else ""
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


def source_resources(outlet: OutletSpec, records: list[Record], base_url: str,
                     tracked: bool = False) -> dict[str, Resource]:
    """The outlet's discovery source (and, for the index, the gzip sitemap it points to)."""
    newest = max(r.updated_at or r.published_at for r in records)
    path = f"/{outlet.name}/{SOURCE_PATHS[outlet.source]}"
    if outlet.source == "rss":
        found = {path: render_rss(outlet, records, base_url, tracked)}
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


def render_robots(base_url: str, outlets: list[OutletSpec]) -> str:
    sitemaps = "".join(f"Sitemap: {base_url}/{o.name}/{SOURCE_PATHS[o.source]}\n"
                       for o in outlets if "sitemap" in o.source)
    return ("User-agent: *\nDisallow: /*/admin/\nDisallow: /*/search\nAllow: /\n\n"
            f"{sitemaps}")


def build_site(records: list[Record], base_url: str, outlets: list[OutletSpec],
               tracked: str) -> dict[str, Resource]:
    """Every path the server answers, rendered once; `tracked` names the outlet whose feed
    links carry utm_* parameters."""
    site = {"/robots.txt": Resource(render_robots(base_url, outlets).encode(),
                                    "text/plain; charset=utf-8")}
    for outlet in outlets:
        own = [r for r in records if r.outlet is outlet]
        site.update(source_resources(outlet, own, base_url, outlet.name == tracked))
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
