"""Canonical URLs in an outlet's batch: a page's declared address is its row's key, but a
template's wrong canonical must not merge distinct articles into one row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tasks.config import load_config
from tasks.ingest import extract_pages
from tasks.models import Page
from tasks.urls import canonicalize

OUTLET = "bbc-world"
SITE = "https://www.bbc.co.uk"
NOW = datetime.now(UTC).replace(microsecond=0)


def page(path: str, canonical: str, story: str) -> Page:
    text = "".join(f"<p>{story} Day {i}: officials in the port city said work went on.</p>"
                   for i in range(6))
    html = (f'<html><head><title>{story}</title><link rel="canonical" href="{canonical}">'
            f"</head><body><article><h1>{story}</h1>{text}</article></body></html>")
    return Page(url=SITE + path, outlet=OUTLET, html=html, charset="utf-8", fetched_at=NOW)


def urls(pages: list[Page]) -> list[str]:
    return [a.url for a in extract_pages(pages, load_config(), OUTLET).articles]


@pytest.mark.parametrize("home", [f"{SITE}/", SITE, "/"])
def test_a_canonical_to_the_homepage_is_not_an_articles_address(home):
    pages = [page("/news/ferry", home, "Ferry service resumes"),
             page("/news/harbour", home, "Harbour repairs finished")]
    assert urls(pages) == [f"{SITE}/news/ferry", f"{SITE}/news/harbour"]


def test_the_homepage_may_name_its_own_address():
    assert urls([page("/", "https://bbc.co.uk/", "Front page")]) == ["https://bbc.co.uk/"]


def test_a_canonical_to_the_homepage_with_a_query_names_an_article():
    assert urls([page("/news/ferry", f"{SITE}/?p=7", "Ferry service resumes")]) == [
        f"{SITE}/?p=7"]


def test_two_stories_claiming_one_canonical_are_two_rows():
    section = f"{SITE}/news/world"  # a template's canonical to the section page
    extracted = extract_pages([page("/news/ferry", section, "Ferry service resumes"),
                               page("/news/harbour", section, "Harbour repairs finished")],
                              load_config(), OUTLET)
    first, second = extracted.articles
    assert (first.url, first.title) == (section, "Ferry service resumes")
    assert (second.url, second.title) == (f"{SITE}/news/harbour", "Harbour repairs finished")
    assert second.field_sources["url"] == "heuristic"
    assert "Harbour repairs" in extracted.raw[second.url]
    assert set(extracted.fetched_at) == {first.url_hash, second.url_hash}


def test_one_story_under_two_links_is_one_row():
    canonical = f"{SITE}/news/ferry"
    assert urls([page("/news/ferry", canonical, "Ferry service resumes"),
                 page("/news/ferry-amp", canonical, "Ferry service resumes")]) == [canonical]


def test_a_canonical_is_keyed_as_its_link_is_whatever_its_spelling():
    # an empty path, the host's case, the default port, a fragment, a tracking parameter
    variants = [f"{SITE}?p=7", "https://WWW.bbc.co.uk:443/?p=7#comments",
                f"{SITE}/?p=7&utm_source=twitter", "/?p=7"]
    pages = [page(f"/news/ferry-{i}", canonical, "Ferry service resumes")
             for i, canonical in enumerate(variants)]
    assert urls(pages) == [f"{SITE}/?p=7"]
    # what discovery makes of the same link, the key it skips already-seen links by
    assert canonicalize(variants[0]) == f"{SITE}/?p=7"


def test_an_ordinary_canonical_is_kept_as_written():
    canonical = f"{SITE}/news/World-Europe-68123456?page=2&sort=new+first"
    assert urls([page("/news/ferry", canonical, "Ferry service resumes")]) == [canonical]
