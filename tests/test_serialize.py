"""The one JSON form of the records the warehouse keeps: what goes in comes back."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

from tasks.models import Article, Candidate
from tasks.notify import SpikeAlert
from tasks.serialize import from_json, to_json, to_json_text

WHEN = datetime(2026, 3, 18, 9, 30, tzinfo=UTC)


def test_records_come_back_as_they_went_in():
    article = Article(url="https://news.example/a", outlet="example", title="Título",
                      authors=["A. Writer"], published_at=WHEN,
                      updated_at=WHEN.astimezone(timezone(timedelta(hours=2))),
                      field_sources={"title": "jsonld", "published_at": "feed"})
    candidate = Candidate(url="https://news.example/b", outlet="example", source="rss",
                          published_at=WHEN, authors=["B"])
    alert = SpikeAlert(alert_id="iran:20260318T0900", topic="iran", topic_label="Iran",
                       bucket_start=WHEN, bucket_minutes=60, observed=9, expected=2.5,
                       score=4.1, articles=12, stories=9, outlets=4,
                       headlines=[{"title": "Drones", "url": "https://news.example/a"}],
                       volume=[(WHEN - timedelta(hours=1), 2.0), (WHEN, 9.0)],
                       co_topics=[("Drones", 7)])
    for record in (article, candidate, alert):
        text = to_json_text(record)
        assert from_json(type(record), text) == record
        assert from_json(type(record), json.loads(text)) == record
    assert to_json(article)["updated_at"] == "2026-03-18T11:30:00+02:00"
    assert from_json(SpikeAlert, to_json_text(alert)).volume[0][0] == WHEN - timedelta(hours=1)


def test_a_record_stored_by_an_older_version_still_reads():
    stored = {"url": "https://news.example/a", "outlet": "example", "retired_field": 1,
              "published_at": "2026-03-18T09:30:00+00:00"}
    assert from_json(Article, stored) == Article(url="https://news.example/a",
                                                 outlet="example", published_at=WHEN)
