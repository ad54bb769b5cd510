"""Extraction checked field by field against the demo newsroom's ground truth: pages of
each of its seven outlets (each its own template, metadata style and charset), fetched
over HTTP from a newsroom started for the tests and decoded from bytes as the pipeline
does. Paywall teasers and wire copies are picked on purpose."""

from __future__ import annotations

import difflib
from collections import Counter
from typing import Any

import pytest
import requests

from newsroom.generator import OUTLET_BY_NAME, OUTLETS, SECTION_NAMES
from tasks.charset import decode_html
from tasks.extract import extract_article
from tasks.models import Article

PAGES_PER_OUTLET = 6
MIN_BODY_SIMILARITY = 0.95
# What each template puts around the article, in its three languages: never body text.
BOILERPLATE = (
    *("Sign up", "Related stories", "Top stories", "Share on", "We use cookies"),
    *("Subscribe", "All rights reserved", "Photo:", "/Staff"),
    *("Newsletter", "Mehr zum Thema", "Meistgelesen", "Foto:", "Startseite"),
    *("Подпишитесь", "Читайте также", "Самое читаемое", "Фото:"),
)


def sample(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first pages of each outlet, every paywall teaser and wire copy among the first
    ones, no deliberately broken page, no URL the newsroom serves twice."""
    served = Counter(a["url"] for a in articles)
    usable = [a for a in articles if not a["defect"] and served[a["url"]] == 1]
    picked: list[dict[str, Any]] = []
    for outlet in OUTLETS:
        own = [a for a in usable if a["outlet"] == outlet.name]
        special = [a for a in own if a["is_teaser"] or a["is_wire_copy"]][:3]
        picked += own[:PAGES_PER_OUTLET] + [a for a in special if a not in own[:PAGES_PER_OUTLET]]
    return picked


@pytest.fixture(scope="module")
def extracted(newsroom) -> list[tuple[dict[str, Any], Article]]:
    pairs = []
    with requests.Session() as session:
        for truth in sample(newsroom.articles):
            response = session.get(truth["url"], timeout=10)
            response.raise_for_status()
            html, _charset = decode_html(response.content, response.headers.get("Content-Type"))
            pairs.append((truth, extract_article(html, truth["url"])))
    return pairs


def test_the_sample_covers_every_outlet_teasers_and_wire_copies(extracted):
    outlets = Counter(truth["outlet"] for truth, _ in extracted)
    assert set(outlets) == set(OUTLET_BY_NAME)
    assert min(outlets.values()) >= PAGES_PER_OUTLET
    assert any(truth["is_teaser"] for truth, _ in extracted)
    assert any(truth["is_wire_copy"] for truth, _ in extracted)
    charsets = {OUTLET_BY_NAME[name].charset for name in outlets}
    assert {"utf-8", "windows-1252", "windows-1251"} <= charsets


def expected_updated(truth: dict[str, Any]) -> Any:
    """What the page declares: `time-only` pages show no update time at all."""
    if OUTLET_BY_NAME[truth["outlet"]].metadata == "time-only":
        return None
    return truth["updated_at"]


def field_errors(truth: dict[str, Any], article: Article) -> list[str]:
    expected = {
        "url": truth["url"],
        "title": truth["title"],
        "authors": truth["authors"],
        "published_at": truth["published_at"],
        "updated_at": expected_updated(truth),
        "section": SECTION_NAMES[truth["language"]][truth["section"]],
        "language": truth["language"],
        "is_teaser": truth["is_teaser"],
        "captions": truth["captions"],
    }
    errors = [
        f"{name}: got {getattr(article, name)!r}, expected {value!r}"
        for name, value in expected.items()
        if getattr(article, name) != value
    ]
    similarity = difflib.SequenceMatcher(None, article.body, truth["body"], autojunk=False).ratio()
    if similarity < MIN_BODY_SIMILARITY:
        errors.append(f"body: similarity {similarity:.3f}\n  got: {article.body[:400]!r}")
    errors += [f"body holds {text!r}" for text in BOILERPLATE if text in article.body]
    errors += [f"body holds the caption {c!r}" for c in truth["captions"] if c in article.body]
    if truth["title"] and article.body.split("\n\n")[0] == truth["title"]:
        errors.append("the headline is the body's first paragraph")
    return errors


def test_every_field_matches_the_ground_truth(extracted):
    failures = {
        truth["url"]: errors
        for truth, article in extracted
        if (errors := field_errors(truth, article))
    }
    report = "\n".join(f"{url}\n  " + "\n  ".join(errors) for url, errors in failures.items())
    assert not failures, f"{len(failures)} of {len(extracted)} pages differ:\n{report}"


def test_teasers_keep_their_paragraphs_and_drop_the_paywall_box(extracted):
    teasers = [(t, a) for t, a in extracted if t["is_teaser"]]
    assert teasers
    for truth, article in teasers:
        assert article.body == truth["body"], truth["url"]
        assert article.field_sources["is_teaser"] == "jsonld"
        assert "continue reading" not in article.body and "unlimited access" not in article.body


def test_pages_without_structured_data_still_give_every_field(extracted):
    """harbor-times declares nothing (no JSON-LD, no OpenGraph): title, byline, date and
    section come from the markup (h1, rel=author, <time>, breadcrumb)."""
    plain = [(t, a) for t, a in extracted if t["outlet"] == "harbor-times"]
    assert plain
    for truth, article in plain:
        assert article.field_sources["section"] == "heuristic"
        assert article.field_sources["published_at"] == "heuristic"
        assert not field_errors(truth, article), truth["url"]


def test_an_unchanged_article_has_no_update_time(extracted):
    """JSON-LD templates repeat datePublished as dateModified when nothing changed."""
    unchanged = [
        (t, a)
        for t, a in extracted
        if OUTLET_BY_NAME[t["outlet"]].metadata.startswith("jsonld") and t["updated_at"] is None
    ]
    assert unchanged
    assert all(article.updated_at is None for _, article in unchanged)
