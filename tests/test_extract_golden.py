"""Golden pages of our own: every field as expected, with must-have and must-not-have
checks per template. Regenerate the expected JSON: `python -m tests.golden_pages --regenerate`."""

from __future__ import annotations

import dataclasses
import json

import pytest

from tasks.charset import decode_html
from tasks.models import Article
from tests.golden_pages import GOLDEN, PAGES, REGENERATE, expected_path, extract_golden


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


def test_every_article_field_is_filled_by_a_golden_page():
    articles = [extract_golden(name) for name in PAGES]
    defaults = Article(url="").to_json_dict()
    for field in dataclasses.fields(Article):
        assert any(a[field.name] != defaults[field.name] for a in articles), field.name


def test_field_sources_name_known_sources():
    known = {"jsonld", "opengraph", "meta", "rules", "trafilatura", "heuristic", "feed"}
    for name in PAGES:
        assert set(extract_golden(name)["field_sources"].values()) <= known
