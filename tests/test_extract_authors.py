"""Authors: people and agencies, not roles, outlets, photo credits or places."""

from __future__ import annotations

import json

from tasks.extract import extract_article
from tasks.extract_authors import clean_authors


def test_clean_authors():
    assert clean_authors(["By Jane Roe and John Doe", "Reuters", "jane@example.com"]) == [
        "Jane Roe",
        "John Doe",
        "Reuters",
    ]
    assert clean_authors(["Frank Gardner, BBC Security Correspondent"]) == ["Frank Gardner"]
    assert clean_authors(["https://example.com/staff/jane", "Staff"]) == []


BODY = "<p>" + "The council voted on the harbour plan after a long debate, members said. " * 6


def authors(head: str = "", byline: str = "", url: str = "https://harbourpost.example/a") -> list:
    html = (f"<html><head><title>Harbour plan</title>{head}</head><body><article>"
            f"<h1>Harbour plan</h1>{byline}{BODY}</p></article></body></html>")
    return extract_article(html, url).authors


def ld(author) -> str:
    data = {"@type": "NewsArticle", "headline": "Harbour plan", "author": author}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_agency_and_organisation_bylines_are_kept():
    assert authors(ld([{"@type": "Organization", "name": "dpa"}])) == ["dpa"]
    assert authors(ld([{"@type": "Person", "name": "Ana Lind"}, {"@type": "Person", "name": "AP"}])
                   ) == ["Ana Lind", "AP"]
    assert authors(ld({"@type": "Person", "name": "Ana Lind und Jo Berg, dpa"})) == [
        "Ana Lind", "Jo Berg", "dpa"]
    assert authors(ld({"@type": "NewsMediaOrganization", "name": "Redaktion Harbour Post"})) == [
        "Redaktion Harbour Post"]
    # beside people, an organisation that is no agency is the outlet, not a byline
    assert authors(ld([{"@type": "Person", "name": "Ana Lind"},
                       {"@type": "Organization", "name": "Harbour Post Staff"}])) == ["Ana Lind"]


def test_the_outlet_name_photo_credits_and_places_are_not_authors():
    head = ('<meta property="og:site_name" content="Harbour Post">'
            '<meta name="author" content="Harbour Post, Kiel, Germany">')
    assert authors(head, '<span class="person-link">Ana Lind</span>') == ["Ana Lind"]
    assert authors(byline='<div class="byline">Foto: Jo Berg</div>'
                          '<div class="byline">Jo Berg/Picture Agency</div>') == []


def test_bylines_in_common_markup():
    assert authors(byline='<div>Von <span class="person-link">Ana Lind</span></div>') == [
        "Ana Lind"]
    assert authors(byline="<div><span>von Jemima Kelly</span></div>") == ["Jemima Kelly"]
    assert clean_authors(["Ana Lind og Jo Berg"]) == ["Ana Lind", "Jo Berg"]
    assert clean_authors(["Juan Pérez y María Gómez"]) == ["Juan Pérez", "María Gómez"]
    assert clean_authors(["Bruce Y. Lee", "Anna E Berg"]) == ["Bruce Y. Lee", "Anna E Berg"]


def test_a_role_after_the_name_is_not_part_of_it():
    assert clean_authors(["신현주 기자", "김태연 특파원"]) == ["신현주", "김태연"]


def test_the_outlet_beside_a_person_in_json_ld_is_not_an_author():
    site = '<meta property="og:site_name" content="Daily Harbour Post">'
    # by name (a part of the outlet's) or by domain, beside a person; alone, it is the byline
    assert authors(site + ld([{"@type": "Person", "name": "Ana Lind"},
                              {"@type": "Person", "name": "Harbour Post"}])) == ["Ana Lind"]
    assert authors(ld([{"@type": "Person", "name": "Ana Lind"},
                       {"@type": "Person", "name": "Harbourpost.example"}])) == ["Ana Lind"]
    assert authors(site + ld({"@type": "Person", "name": "Harbour Post"})) == ["Harbour Post"]


def test_the_outlet_in_json_ld_gives_way_to_a_person_named_elsewhere():
    site = '<meta property="og:site_name" content="Harbour Post">'
    person = '<meta name="author" content="Ana Lind">'
    assert authors(site + person + ld({"@type": "Person", "name": "Harbour Post"})) == [
        "Ana Lind"]


def test_names_in_separate_elements_of_a_byline():
    byline = ('<div class="article-byline"><div class="origins"><span>Ana Lind</span> '
              '<span>Jo Berg</span>, <span>Mia Holm</span></div></div>')
    assert authors(byline=byline) == ["Ana Lind", "Jo Berg", "Mia Holm"]
    # a date beside the name is not read as part of it
    byline = '<div class="byline"><span>By Ana Lind</span><span>3 May 2026</span></div>'
    assert authors(byline=byline) == ["Ana Lind"]


def test_links_to_author_pages_of_the_byline_not_of_teasers():
    byline = ('<ul class="meta"><li><a href="https://harbourpost.example/author/ana-lind/">'
              'Ana Lind</a></li></ul>')
    teaser = ('<div><p>' + "Another story about the port authority and its plans. " * 4
              + '<a href="/author/jo-berg/">Jo Berg</a></p></div>')
    assert authors(byline=byline + teaser) == ["Ana Lind"]


def test_a_byline_broken_into_lines_and_an_authors_bio_with_links():
    byline = ('<h3 class="byline">by Ana Lind<br>'
              '<span class="datetime">Monday, May 18, 2026</span></h3>')
    assert authors(byline=byline) == ["Ana Lind"]
    assert authors(byline='<div class="byline">By<br>Ana Lind</div>') == ["Ana Lind"]
    assert authors(byline='<div class="byline">By May Chen, 3 May 2026<br>Harbour desk</div>'
                   ) == ["May Chen"]
    # the bio's links name where the author also writes, not authors
    bio = ('<p class="byline">Ana Lind is the editor of the Harbour Post and a senior writer '
           'with <a href="https://quay.example/">The Quay</a>. She also runs the '
           '<a href="https://dock.example/">Dock</a> web site. Views and opinions expressed '
           'in this article are those of the author alone.</p>')
    assert authors(byline=byline + bio) == ["Ana Lind"]
