"""Article extraction: golden pages (with must-have and must-not-have checks), page chrome
on near-empty pages, outlet rules versions and CSS, boilerplate patterns, language
detection, file records, and the F1 floor on the dev corpus.

Regenerate the expected JSON after an intended change:  python -m tests.test_extract --regenerate
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extraction import DEFAULT_CORPUS, FLOORS, SCORER, load_scorer, ours  # noqa: E402
from tasks.charset import decode_html  # noqa: E402
from tasks.config import ExtractionRules  # noqa: E402
from tasks.errors import ExtractError  # noqa: E402
from tasks.extract import (  # noqa: E402
    detect_language,
    extract_article,
    extract_file,
    iter_html_files,
    parse_html,
)
from tasks.extract_body import compile_patterns, is_boilerplate, strip_chrome  # noqa: E402
from tasks.extract_meta import clean_authors, pick_rules, select  # noqa: E402
from tasks.models import Article, Candidate  # noqa: E402

GOLDEN = Path(__file__).with_name("golden")
REGENERATE = "python -m tests.test_extract --regenerate"

# page file -> the URL it was "fetched" from
PAGES = {
    "graph-news.html": "https://ledger.example/news/business/harbour-cranes-idle-strike?utm_source=rss",
    "og-only.html": "https://rheinblick.example/lokales/neue-radwege-altstadt?ref=home",
    "paywall.html": "https://dailyvolt.example/energy/grid-batteries-race",
    "latin1-page.html": "https://vallee.example/regions/vendanges-precoces",
    # an aggregator template: boilerplate lines between the paragraphs, no JSON-LD
    "aggregator.html": "https://newspulse.example/world/drone-strikes-fuel-depots?utm_source=agg",
    # windows-1251, declared only in <meta http-equiv>; no JSON-LD, OpenGraph or <meta> data
    "cyrillic-1251.html": "https://kurier.example/city/byudzhet-2025",
    # a demo newsroom page whose article is one line (defect "too_short")
    "near-empty.html": "https://gulf-dispatch.example/gulf-dispatch/climate/"
    "40566-floods-force-evacuations-in-halifax-after-days-of-rain",
}


def extract_golden(name: str) -> dict[str, Any]:
    html, _charset = decode_html((GOLDEN / name).read_bytes())
    return extract_article(html, PAGES[name]).to_json_dict()


def expected_path(name: str) -> Path:
    return GOLDEN / (name.removesuffix(".html") + ".expected.json")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_golden_page_matches_expected_json(name):
    expected = json.loads(expected_path(name).read_text("utf-8"))
    got = extract_golden(name)
    differing = sorted(k for k in expected.keys() | got.keys() if expected.get(k) != got.get(k))
    assert not differing, (
        f"{name}: fields differ from {expected_path(name).name}: {differing}\n"
        f"got: {json.dumps({k: got.get(k) for k in differing}, ensure_ascii=False)[:2000]}\n"
        f"if the change is intended, regenerate with: {REGENERATE}"
    )


def test_jsonld_graph_page():
    a = extract_golden("graph-news.html")
    assert a["url"] == "https://ledger.example/news/business/harbour-cranes-idle-strike"
    assert a["title"] == "Harbour cranes idle as dock strike enters second week"
    assert a["subtitle"] == "Union and port authority still far apart on night-shift pay"
    assert a["authors"] == ["Maria Okafor", "Tom Lindqvist"]  # no "By", role or organisation
    assert a["published_at"] == "2024-03-05T07:30:00+00:00"
    assert a["updated_at"] == "2024-03-05T11:15:00+00:00"
    assert (a["section"], a["language"], a["is_teaser"]) == ("Business", "en", False)
    assert a["field_sources"]["title"] == "jsonld"
    assert "failed to agree on how night shifts should be paid" in a["body"]
    assert "Talks to resume on Thursday" in a["body"]
    assert "appoint a mediator" in a["body"]
    for unwanted in (
        "Sign up",
        "newsletter",
        "Related stories",
        "Read more",
        "Top stories",
        "cookies",
        "Share",
        "Photo:",
        "Container cranes stand still",
        "©",
    ):
        assert unwanted not in a["body"], unwanted
    assert a["captions"] == [
        "Container cranes stand still at the northern terminal on Monday. "
        "Photo: Lena Berg/Coastal Images"
    ]
    assert "\n\n" in a["body"] and a["word_count"] > 100


def test_opengraph_only_page():
    a = extract_golden("og-only.html")
    assert a["url"] == "https://rheinblick.example/lokales/neue-radwege-altstadt"
    assert a["title"] == "Neue Radwege für die Altstadt"
    assert a["authors"] == ["Jana Weber"]
    assert a["published_at"] == "2024-06-12T16:45:00+00:00"
    assert (a["section"], a["language"], a["outlet"]) == ("Lokales", "de", "Rheinblick Nachrichten")
    assert a["field_sources"]["published_at"] == "opengraph"
    assert "drei neue Radwege" in a["body"]
    assert "Marktstraße soll als erste" not in a["body"]  # the caption
    assert "Newsletter" not in a["body"]


def test_paywalled_teaser():
    a = extract_golden("paywall.html")
    assert a["is_teaser"] is True
    assert a["field_sources"]["is_teaser"] == "jsonld"
    assert a["authors"] == ["Priya Raman"]  # no e-mail
    assert a["published_at"] == "2023-11-20T11:00:00+00:00"
    assert "Subscribe to continue reading" not in a["body"]
    assert "salt water and iron filings" in a["body"]


def test_non_utf8_page_from_bytes():
    raw = (GOLDEN / "latin1-page.html").read_bytes()
    html, charset = decode_html(raw)
    assert charset == "windows-1252"
    a = extract_golden("latin1-page.html")
    assert a["title"] == "Les vendanges commencent tôt dans la vallée"
    assert a["authors"] == ["Élodie Marchand", "AFP"]  # no "Par"; the agency is a byline
    assert (a["language"], a["section"]) == ("fr", "Régions")
    assert a["published_at"] == "2022-08-18T09:15:00+00:00"
    assert "« Nous n'avons jamais vendangé aussi tôt »" in a["body"]
    assert "Photo" not in a["body"] and "Lire aussi" not in a["body"]


def test_aggregator_page_drops_boilerplate_between_paragraphs():
    a = extract_golden("aggregator.html")
    assert a["url"] == "https://newspulse.example/world/drone-strikes-fuel-depots"
    assert a["title"] == "Drone strikes hit two fuel depots near the border"
    assert a["authors"] == ["Hana Petrov", "Luis Ortega"]
    assert a["published_at"] == "2025-02-14T11:20:00+00:00"  # -05:00 in the page
    assert a["updated_at"] == "2025-02-14T14:05:00+00:00"
    assert (a["section"], a["language"], a["outlet"]) == ("World", "en", "NewsPulse")
    assert a["subtitle"] == "Fires burned for hours at both sites, officials said."
    assert (a["is_teaser"], a["field_sources"]["title"]) == (False, "opengraph")
    assert a["captions"] == ["Smoke rises above the larger depot on Friday morning."]
    paragraphs = a["body"].split("\n\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("Drones struck two fuel depots")
    # the text after "Read more" is still the article's
    assert paragraphs[-1].startswith("Officials have ordered checks at every fuel storage")
    for unwanted in (
        "Want the latest updates",
        "Sign up",
        "Read more",
        "Related Stories",
        "Image credit",
        "Photo:",
        "Smoke rises",
        "Border villages evacuated",
        "Diesel prices climb",
        "newsletter",
        "Comment",
        "cookies",
        "©",
    ):
        assert unwanted not in a["body"], unwanted


def test_windows_1251_page_without_structured_data():
    raw = (GOLDEN / "cyrillic-1251.html").read_bytes()
    assert decode_html(raw)[1] == "windows-1251"
    assert decode_html(raw, "text/html")[1] == "windows-1251"  # a header without a charset
    a = extract_golden("cyrillic-1251.html")
    assert a["title"] == "Городской совет утвердил бюджет на следующий год"
    assert a["authors"] == ["Анна Иванова"]  # no "Автор:", no role
    assert a["published_at"] == "2024-12-20T15:30:00+00:00"  # from <time>, +03:00
    assert (a["language"], a["section"], a["updated_at"]) == ("ru", "city", None)
    assert (a["is_teaser"], a["captions"]) == (False, [])
    assert a["field_sources"]["title"] == a["field_sources"]["language"] == "heuristic"
    assert a["body"].startswith("Городской совет в пятницу утвердил бюджет")
    assert "Спор о тарифах на общественный транспорт перенесён на февраль." in a["body"]
    for unwanted in ("Фото", "Читайте также", "Вечерний Курьер", "Главная", "Все права"):
        assert unwanted not in a["body"], unwanted


# --- near-empty pages: the body is not the page's chrome --------------------------------

CHROME_WORDS = ("Home", "Share on", "Email", "Energy Correspondent", "November", "Photo:")


def test_near_empty_page_keeps_its_one_line_not_the_page_chrome():
    a = extract_golden("near-empty.html")
    assert a["body"] == "Developing story, updates."
    assert a["word_count"] == 3  # below `min_words`: validation quarantines it as too short
    for unwanted in (*CHROME_WORDS, "Floods force", "Forecasters expect", "Related stories"):
        assert unwanted not in a["body"], unwanted
    # the metadata still comes from where it belongs
    assert a["title"] == "Floods force evacuations in Halifax after days of rain"
    assert a["subtitle"] == "Forecasters expect the heat to last into next week."
    assert a["authors"] == ["Laura Sandoval"]
    assert a["captions"] == ["Clouds gather over farmland."]  # the credit span is not caption


def test_demo_newsroom_too_short_page_over_http(newsroom):
    import requests

    from tasks.config import Settings

    truth = next(a for a in newsroom.articles if a["defect"] == "too_short")
    response = requests.get(truth["url"], timeout=10)
    html, _charset = decode_html(response.content)
    article = extract_article(html, truth["url"])
    assert article.body == truth["body"]
    assert article.word_count < Settings().min_words


def template_page(article_html: str) -> str:
    """Another template than the demo's: no <header>, a breadcrumb with "›", buttons for
    sharing, a caption in a span, a byline in a plain div."""
    return f"""<html lang="en"><head><title>Port workers walk out over pay - Harbour Post</title>
    <meta property="og:title" content="Port workers walk out over pay">
    <meta name="description" content="Dockers at the east terminal stopped work at dawn.">
    <meta name="author" content="Sam Okoye"></head><body>
    <div class="top"><a href="/">The Harbour Post</a> <a href="/news">News</a></div>
    <div class="story">
    <div class="crumbs"><a href="/news">News</a> › <a href="/news/local">Local</a></div>
    <h1>Port workers walk out over pay</h1>
    <div class="dek">Dockers at the east terminal stopped work at dawn.</div>
    <div class="meta">By <span class="name">Sam Okoye</span> | Published 3 March 2025 09:12</div>
    <div class="tools"><button>Share</button><button>Tweet</button><button>Print</button></div>
    <div class="pic"><img src="a.jpg"><span class="caption">Cranes stand idle at the east
    terminal.</span></div>
    <div class="text">{article_html}</div>
    </div></body></html>"""


def test_chrome_is_peeled_on_another_template():
    url = "https://harbour.example/news/local/port-walkout"
    assert extract_article(template_page("<span>More to follow.</span>"), url).body == (
        "More to follow."
    )
    # nothing but chrome: no body at all (an ExtractError, recorded as a failed page)
    with pytest.raises(ExtractError, match="no article text"):
        extract_article(template_page(""), url)


def test_a_real_body_keeps_its_text_even_where_it_repeats_page_chrome():
    text = "Port workers walk out over pay, the union said. " * 8
    chrome = ["Port workers walk out over pay", "Home", "Sam Okoye"]
    assert strip_chrome(text.strip(), chrome) == text.strip()  # chrome is not most of it
    glued = "Home Port workers walk out over pay Sam Okoye The union said the strike would last."
    assert strip_chrome(glued, chrome) == "The union said the strike would last."
    # a word is never cut in two: "Homes" does not lose "Home"
    assert strip_chrome("Homes Port workers walk out over pay", chrome) == "Homes"


def test_every_article_field_is_filled_by_a_golden_page():
    articles = [extract_golden(name) for name in PAGES]
    defaults = Article(url="").to_json_dict()
    for field in dataclasses.fields(Article):
        assert any(a[field.name] != defaults[field.name] for a in articles), field.name


def test_field_sources_name_known_sources():
    known = {"jsonld", "opengraph", "meta", "rules", "trafilatura", "heuristic", "feed"}
    for name in PAGES:
        assert set(extract_golden(name)["field_sources"].values()) <= known


# --- outlet rules ----------------------------------------------------------------------

RULES = [
    ExtractionRules(
        body=["div.story-text"], authors=[".writer-name"], remove=[".promo"], valid_until=None
    ),
    ExtractionRules(
        body=["#old-body"], authors=["span[itemprop=creator]"], valid_until=date(2021, 1, 1)
    ),
]


def rules_page(published: str) -> str:
    filler = " ".join(
        f"Sentence number {i} of the council report on water prices." for i in range(12)
    )
    return f"""<html><head><title>Water prices</title>
    <meta property="article:published_time" content="{published}"></head><body>
    <h1>Water prices to rise</h1>
    <div id="old-body"><p>Old template text. {filler}</p></div>
    <span itemprop="creator">By Otto Alt</span>
    <div class="story-text"><p>New template text. {filler}</p><p class="promo">Buy our app</p></div>
    <span class="writer-name">Nina Neu, Chief Reporter</span>
    </body></html>"""


def test_rules_version_valid_until_after_the_publication_date():
    old = extract_article(rules_page("2020-06-01T10:00:00Z"), "https://w.example/a", RULES)
    assert old.body.startswith("Old template text.") and old.authors == ["Otto Alt"]
    assert (old.field_sources["body"], old.field_sources["authors"]) == ("rules", "rules")
    new = extract_article(rules_page("2023-06-01T10:00:00Z"), "https://w.example/a", RULES)
    assert new.body.startswith("New template text.") and new.authors == ["Nina Neu"]
    assert "Buy our app" not in new.body  # the rule's `remove`


def test_pick_rules():
    current, old = RULES
    when = lambda d: datetime.fromisoformat(d).replace(tzinfo=UTC)  # noqa: E731
    assert pick_rules(RULES, when("2020-12-31")) is old
    assert pick_rules(RULES, when("2021-01-01")) is current
    assert pick_rules(RULES, None) is current
    assert pick_rules([], None) is None


CSS_PAGE = """<html><body><main id="main"><h2>Lead</h2><p class="a b">one</p>
<p class="b">two</p><p>three</p><aside><p data-x="k-1">four</p></aside></main></body></html>"""


@pytest.mark.parametrize(
    ("css", "texts"),
    [
        ("p.a.b", ["one"]),
        ("#main > p", ["one", "two", "three"]),
        ("h2 + p", ["one"]),
        ("h2 ~ p:not(.b)", ["three"]),
        ("main p:nth-of-type(2)", ["two"]),
        ("p[data-x|=k]", ["four"]),
        ("aside p, h2", ["Lead", "four"]),  # document order
        ("p:last-child", ["four"]),
    ],
)
def test_full_css_in_outlet_rules(css, texts):
    tree = parse_html(CSS_PAGE)
    assert [el.text for el in select(tree, [css])] == texts


@pytest.mark.parametrize("css", ["p[", "p::text", "div >> p"])
def test_bad_css_is_an_extract_error_naming_the_selector(css):
    with pytest.raises(ExtractError, match="bad CSS selector") as error:
        select(parse_html(CSS_PAGE), [css])
    assert repr(css) in str(error.value)


def test_section_rule():
    rules = [ExtractionRules(section=["nav.crumbs li:last-child"])]
    html = rules_page("2023-06-01T10:00:00Z").replace(
        "<h1>", '<nav class="crumbs"><ul><li>Home</li><li>Water</li></ul></nav><h1>'
    )
    article = extract_article(html, "https://w.example/a", rules)
    assert (article.section, article.field_sources["section"]) == ("Water", "rules")


# --- boilerplate and authors -----------------------------------------------------------

PATTERNS = compile_patterns()


@pytest.mark.parametrize(
    "line",
    [
        "Want the latest updates on the election? Sign up for our newsletter.",
        "Sign up to read this article",
        "Read more",
        "Related Stories",
        "Related: How the vote was counted",
        "Photo: Anna Smith/Reuters",
        "(Image credit: NASA/JPL)",
        "Subscribe to continue reading",
        "Follow us on Twitter @example",
        "Write to Jane Roe at jane.roe@example.com",
        "Click here to subscribe to The Daily Brief",
        "We use cookies to give you the best experience.",
        "Advertisement",
        "Reporting by Jane Roe; editing by John Doe",
    ],
)
def test_default_boilerplate_is_removed(line):
    assert is_boilerplate(line, PATTERNS)


@pytest.mark.parametrize(
    "line",
    [
        "Readers who subscribe to the paper's print edition pay more this year.",
        "The photo showed the minister leaving the building.",
        "More than 200 people signed up to volunteer, the organisers said.",
        "Related research published last year reached the same conclusion about the river.",
    ],
)
def test_article_sentences_survive(line):
    assert not is_boilerplate(line, PATTERNS)


def test_config_boilerplate_patterns_are_added():
    html = (
        "<html><head><title>t</title></head><body><article><h1>Storm damage</h1>"
        + "<p>The storm damaged roofs across the county overnight, officials said.</p>" * 5
        + "<p>Download the Daily Gazette app for alerts.</p></article></body></html>"
    )
    body = extract_article(html, "https://g.example/s", boilerplate=[r"daily gazette"]).body
    assert "Gazette" not in body and "storm damaged roofs" in body


def test_clean_authors():
    assert clean_authors(["By Jane Roe and John Doe", "Reuters", "jane@example.com"]) == [
        "Jane Roe",
        "John Doe",
        "Reuters",
    ]
    assert clean_authors(["Frank Gardner, BBC Security Correspondent"]) == ["Frank Gardner"]
    assert clean_authors(["https://example.com/staff/jane", "Staff"]) == []


# --- language --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Central bank leaves rates unchanged as inflation eases", "en"),
        ("Neue Radwege für die Altstadt beschlossen", "de"),
        ("Les vendanges commencent tôt dans la vallée", "fr"),
        ("Центробанк сохранил ключевую ставку на прежнем уровне", "ru"),
        ("Нацбанк зберіг облікову ставку без змін", "uk"),
        ("البنك المركزي يبقي أسعار الفائدة دون تغيير", "ar"),
        ("Merkez bankası faizi sabit tuttu", "tr"),
    ],
)
def test_detect_language_on_headlines(text, language):
    assert detect_language(text) == language


def test_undeclared_language_is_detected_from_the_text():
    html = rules_page("2023-06-01T10:00:00Z")  # declares no language
    article = extract_article(html, "https://w.example/a")
    assert (article.language, article.field_sources["language"]) == ("en", "heuristic")
    assert detect_language("1234 — 5678") is None


# --- fallbacks, errors, files ----------------------------------------------------------


def test_feed_fallback_fills_what_the_page_lacks():
    html = "<html><body><div>" + "<p>Plain page text about the harbour strike talks.</p>" * 6
    feed = Candidate(
        url="https://x.example/a",
        outlet="coastal",
        source="feed",
        title="Feed title",
        published_at=datetime(2024, 1, 2, 3, 4, tzinfo=UTC),
        authors=["By Fiona Feld"],
    )
    a = extract_article(html + "</div></body></html>", "https://x.example/a", fallback=feed)
    assert (a.title, a.authors, a.published_at) == ("Feed title", ["Fiona Feld"], feed.published_at)
    assert a.field_sources["title"] == a.field_sources["authors"] == "feed"


@pytest.mark.parametrize("text", ["", "just some words, no markup at all", '{"json": true}'])
def test_not_html_raises_extract_error(text):
    with pytest.raises(ExtractError, match="not HTML"):
        extract_article(text, "https://x.example/a")


def test_extract_file_records(tmp_path):
    (tmp_path / "sub").mkdir()
    good = tmp_path / "sub" / "b.html.gz"
    good.write_bytes(gzip.compress((GOLDEN / "graph-news.html").read_bytes()))
    garbage = tmp_path / "a.html"
    garbage.write_bytes(bytes(range(256)) * 8)
    broken_gz = tmp_path / "c.html.gz"
    broken_gz.write_bytes(b"not gzip at all")
    (tmp_path / "notes.txt").write_text("ignored")

    files = list(iter_html_files([tmp_path]))
    assert files == [garbage, broken_gz, good]

    record = extract_file(garbage)
    assert set(record) == {"source", "error"} and "\n" not in record["error"]
    assert "gzip" in extract_file(broken_gz)["error"]
    assert "error" in extract_file(tmp_path / "missing.html")
    ok = extract_file(good)
    assert ok["source"] == str(good) and ok["title"].startswith("Harbour cranes")


# --- the dev corpus --------------------------------------------------------------------


def test_corpus_f1_at_or_above_the_floor():
    if not DEFAULT_CORPUS.is_dir() or not SCORER.exists():
        pytest.skip(f"no extraction corpus at {DEFAULT_CORPUS} or scorer at {SCORER}")
    scorer = load_scorer()
    gold = scorer.load_gold([str(DEFAULT_CORPUS)])
    rows = []
    for path in sorted(DEFAULT_CORPUS.glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        url = json.loads((DEFAULT_CORPUS / f"{page_id}.json").read_text("utf-8"))["url"]
        html, _charset = decode_html(gzip.decompress(path.read_bytes()))
        tp, fp, fn = scorer.page_counts(gold[page_id], ours(html, url))
        rows.append((*scorer.page_scores(tp, fp, fn), False))
    f1 = scorer.aggregate(rows)["f1"]
    floor = json.loads(FLOORS.read_text("utf-8"))["f1"]
    assert f1 >= floor, f"corpus F1 {f1:.4f} below the floor {floor} (python bench/extraction.py)"


def test_a_configured_language_beyond_the_usual_news_languages_is_detected():
    swahili = ("Serikali ya Kenya imetangaza mpango mpya wa kuboresha huduma za afya katika "
               "maeneo ya vijijini. Waziri wa afya alisema kwamba hospitali mpya zitajengwa na "
               "wauguzi zaidi wataajiriwa ili kuhakikisha kwamba wananchi wanapata matibabu "
               "bora karibu na makazi yao. Wabunge wa upinzani walikaribisha mpango huo lakini "
               "wakaonya kuhusu gharama zake.")
    html = f"<html><body><article><h1>Habari za afya</h1><p>{swahili}</p></article></body></html>"
    assert extract_article(html, "https://habari.example/a").language != "sw"
    configured = extract_article(html, "https://habari.example/a", languages=["en", "sw"])
    assert configured.language == "sw"
    assert configured.field_sources["language"] == "heuristic"


def regenerate() -> None:
    for name in sorted(PAGES):
        path = expected_path(name)
        path.write_text(
            json.dumps(extract_golden(name), ensure_ascii=False, indent=2) + "\n", "utf-8"
        )
        print(f"wrote {path}")


if __name__ == "__main__":
    if sys.argv[1:] == ["--regenerate"]:
        regenerate()
    else:
        sys.exit(f"usage: {REGENERATE}")
