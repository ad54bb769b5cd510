"""The one JSON form of the records the warehouse keeps: what goes in comes back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from tasks.models import Article, Candidate
from tasks.serialize import from_json, to_json, to_json_text

WHEN = datetime(2026, 3, 18, 9, 30, tzinfo=UTC)


def test_records_come_back_as_they_went_in():
    article = Article(url="https://news.example/a", outlet="example", title="Título",
                      authors=["A. Writer"], published_at=WHEN,
                      updated_at=WHEN.astimezone(timezone(timedelta(hours=2))),
                      field_sources={"title": "jsonld", "published_at": "feed"})
    candidate = Candidate(url="https://news.example/b", outlet="example", source="rss",
                          published_at=WHEN, authors=["B"])
    for record in (article, candidate):
        text = to_json_text(record)
        assert from_json(type(record), text) == record
        assert from_json(type(record), json.loads(text)) == record
    assert to_json(article)["updated_at"] == "2026-03-18T11:30:00+02:00"


def test_a_record_stored_by_an_older_version_still_reads():
    stored = {"url": "https://news.example/a", "outlet": "example", "retired_field": 1,
              "published_at": "2026-03-18T09:30:00+00:00"}
    assert from_json(Article, stored) == Article(url="https://news.example/a",
                                                 outlet="example", published_at=WHEN)
