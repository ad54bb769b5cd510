"""Canonical URLs in an outlet's batch: a page's declared address is its row's key, but a
template's wrong canonical must not merge distinct articles into one row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tasks.config import load_config
from tasks.ingest import extract_pages
from tasks.models import Page

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
