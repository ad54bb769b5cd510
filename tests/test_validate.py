"""The article suite splits a batch per row; batch-level completeness decides the run.

The first test to validate a non-empty batch pays the one-off Great Expectations import
(several seconds); every batch after that takes a fraction of a second.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import tasks.validate as validate
from tasks.errors import ConfigError
from tasks.models import Article
from tasks.validate import SUITE_PATH, validate_articles

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
OUTLETS = {"harbour-gazette", "valley-times"}
LANGUAGES = {"en", "de"}

BODY = (
    "The harbour authority said on Tuesday that the new container terminal would open in "
    "the spring, two years later than planned, after a dispute with the contractor over the "
    "cost of dredging the channel. Shipping companies had been told to expect delays, and "
    "the council has asked for an independent review of the budget before any further work "
    "is approved by the board."
)


def article(**changes) -> Article:
    """A well-formed article; `changes` make it bad in one way."""
    fields = {
        "url": "https://harbour-gazette.example/news/terminal-delay",
        "outlet": "harbour-gazette",
        "title": "New container terminal delayed by two years",
        "published_at": NOW - timedelta(hours=3),
        "language": "en",
        "body": BODY,
    } | changes
    fields.setdefault("word_count", len(fields["body"].split()))
    return Article(**fields)


def run(articles: list[Article], **options) -> validate.ValidationOutcome:
    options = {
        "outlet": "harbour-gazette",
        "known_outlets": OUTLETS,
        "languages": LANGUAGES,
        "now": NOW,
    } | options
    return validate_articles(articles, **options)


def reasons_by_url(outcome: validate.ValidationOutcome) -> dict[str, list[str]]:
    return {a.url: names for a, names in outcome.quarantined}


def good_batch(n: int) -> list[Article]:
    return [article(url=f"https://harbour-gazette.example/news/{i}") for i in range(n)]


def test_bad_batch_is_split_per_row_with_the_failed_expectations():
    base = "https://harbour-gazette.example/news/"
    batch = [
        article(url=base + "fine"),
        article(url=base + "no-title", title="   "),
        article(url=base + "markup", body=BODY + ' <div class="share">Share this</div>'),
        article(url=base + "script", body=BODY + " function track(e) { ga('send', e); }"),
        article(url=base + "from-the-future", published_at=NOW + timedelta(hours=2)),
        article(url=base + "skewed-clock", published_at=NOW + timedelta(minutes=30)),
        article(url=base + "too-old", published_at=datetime(1989, 12, 31, tzinfo=UTC)),
        article(url=base + "elsewhere", outlet="unknown-outlet"),
        article(url=base + "twice", title="First copy of the same story"),
        article(url=base + "twice", title="Second copy of the same story"),
        article(url=base + "teaser", body="Subscribe to read the rest.", is_teaser=True),
        article(url=base + "stub", body="Only a few words survived extraction."),
        article(url=base + "french", language="fr"),
        article(url=base + "no-language", language=None),
        article(url="ftp://harbour-gazette.example/news/odd-scheme"),
        article(url=base + "tiny-title", title="Hi"),
    ]

    outcome = run(batch)

    assert [a.url for a in outcome.passed] == [
        base + "fine",
        base + "skewed-clock",
        base + "teaser",
        base + "no-language",
    ]
    assert reasons_by_url(outcome) == {
        base + "no-title": ["expect_column_values_to_not_be_null(title)"],
        base + "markup": ["expect_column_values_to_not_match_regex(body)"],
        base + "script": ["expect_column_values_to_not_match_regex(body)"],
        base + "from-the-future": ["expect_column_values_to_be_between(published_at)"],
        base + "too-old": ["expect_column_values_to_be_between(published_at)"],
        base + "elsewhere": ["expect_column_values_to_be_in_set(outlet)"],
        base + "twice": ["expect_column_values_to_be_unique(url)"],
        base + "stub": ["expect_column_values_to_be_between(word_count)"],
        base + "french": ["expect_column_values_to_be_in_set(language)"],
        "ftp://harbour-gazette.example/news/odd-scheme": [
            "expect_column_values_to_match_regex(url)"
        ],
        base + "tiny-title": ["expect_column_value_lengths_to_be_between(title)"],
    }
    # Both copies of the repeated URL are quarantined, each with its own raw input.
    assert sorted(a.title for a, _ in outcome.quarantined if a.url == base + "twice") == [
        "First copy of the same story",
        "Second copy of the same story",
    ]
    # Nothing dropped, nothing counted twice, the same objects handed back.
    returned = outcome.passed + [a for a, _ in outcome.quarantined]
    assert sorted(map(id, returned)) == sorted(map(id, batch))

    assert outcome.run["rows"] == 16
    assert outcome.run["passed"] == 4
    assert outcome.run["failed"] == 12
    assert outcome.run["suite"] == "articles"
    assert outcome.run["outlet"] == "harbour-gazette"
    assert outcome.run["validated_at"] == NOW
    # 15 of 16 titles present is under the 95% floor, so the run fails as well.
    assert outcome.run["success"] is False
    failed = {
        (f["expectation"], f["column"], f["level"]) for f in outcome.run["failed_expectations"]
    }
    assert ("expect_column_values_to_not_be_null", "title", "batch") in failed
    assert ("expect_column_values_to_be_unique", "url", "row") in failed
    unique = next(
        f for f in outcome.run["failed_expectations"] if f["expectation"].endswith("unique")
    )
    assert unique["unexpected_count"] == 2
    assert unique["unexpected_percent"] == pytest.approx(12.5)
    json.dumps(outcome.run, default=str)  # the row is storable as JSON


def test_missing_dates_fail_the_run_but_no_row():
    batch = good_batch(10)
    for a in batch[:2]:
        a.published_at = None

    outcome = run(batch)

    assert outcome.passed == batch
    assert outcome.quarantined == []
    assert outcome.run["success"] is False
    assert outcome.run["failed_expectations"] == [
        {
            "expectation": "expect_column_values_to_not_be_null",
            "column": "published_at",
            "level": "batch",
            "unexpected_count": 2,
            "unexpected_percent": pytest.approx(20.0),
            "observed_value": None,
        }
    ]


def test_a_clean_batch_succeeds():
    batch = good_batch(20)
    batch[0].published_at = None  # 95% dated is above the 90% floor

    outcome = run(batch)

    assert outcome.passed == batch
    assert outcome.run | {"validated_at": None} == {
        "suite": "articles",
        "outlet": "harbour-gazette",
        "rows": 20,
        "passed": 20,
        "failed": 0,
        "success": True,
        "failed_expectations": [],
        "validated_at": None,
    }


def test_a_day_alone_is_in_the_future_only_once_it_has_begun_nowhere():
    # stored as its noon UTC: at 08:00 UTC today's date has begun east of Greenwich
    early = NOW.replace(hour=8)
    today = article(published_at=early.replace(hour=12), published_date_only=True)
    tomorrow = article(url="https://harbour-gazette.example/news/tomorrow",
                       published_at=early.replace(hour=12) + timedelta(days=1),
                       published_date_only=True)
    outcome = run([today, tomorrow], now=early)
    assert outcome.passed == [today]
    assert reasons_by_url(outcome) == {
        tomorrow.url: ["expect_column_values_to_be_between(published_at)"]}
    assert run([tomorrow], now=early + timedelta(hours=12)).passed == [tomorrow]  # it is there


def test_config_values_reach_the_suite_as_parameters():
    batch = [
        article(url="https://a.example/1", outlet="newcomer", language="fr"),
        article(url="https://a.example/2", body=" ".join(BODY.split()[:30])),
    ]

    strict = run(batch)
    relaxed = run(
        batch,
        known_outlets=OUTLETS | {"newcomer"},
        languages=LANGUAGES | {"fr"},
        min_words=25,
    )

    assert len(strict.quarantined) == 2
    assert relaxed.passed == batch


def test_an_empty_batch_does_not_run_great_expectations(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("GX was called for an empty batch")

    monkeypatch.setattr(validate, "_validate_frame", fail)

    outcome = run([])

    assert (outcome.passed, outcome.quarantined) == ([], [])
    assert outcome.run["rows"] == 0
    assert outcome.run["success"] is None  # nothing was validated, so nothing passed


def test_the_suite_file_is_what_runs(tmp_path: Path):
    spec = json.loads(SUITE_PATH.read_text())
    spec["name"] = "articles-strict-titles"
    lengths = next(
        e for e in spec["expectations"] if e["type"] == "expect_column_value_lengths_to_be_between"
    )
    lengths["kwargs"]["min_value"] = 50
    strict = tmp_path / "strict.json"
    strict.write_text(json.dumps(spec))
    batch = [article()]

    assert run(batch).passed == batch
    outcome = run(batch, suite_path=strict)

    assert outcome.run["suite"] == "articles-strict-titles"
    assert reasons_by_url(outcome) == {
        batch[0].url: ["expect_column_value_lengths_to_be_between(title)"]
    }


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["expectations"][0].pop("meta"), "meta.level"),
        (lambda s: s["expectations"][0].update(type="expect_column_to_be_nice"), "invalid"),
        (
            lambda s: s["expectations"][0]["kwargs"].update(column="headline"),
            'column "headline"',
        ),
        (
            lambda s: s["expectations"][0]["kwargs"].update(mostly={"$PARAMETER": "nope"}),
            "nope",
        ),
        (
            lambda s: s["expectations"].append(
                {
                    "type": "expect_column_mean_to_be_between",
                    "kwargs": {"column": "word_count", "min_value": 100},
                    "meta": {"level": "row"},
                }
            ),
            "set its meta.level to 'batch'",
        ),
        (lambda s: s.pop("name"), "name"),
        (lambda s: s.update(expectations=[]), "non-empty list"),
    ],
)
def test_a_broken_suite_file_is_a_config_error(tmp_path: Path, change, message):
    spec = json.loads(SUITE_PATH.read_text())
    change(spec)
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(spec))

    with pytest.raises(ConfigError, match=message) as caught:
        run([article()], suite_path=broken)
    assert str(broken) in str(caught.value)


def test_now_must_be_timezone_aware():
    with pytest.raises(ValueError, match="timezone-aware"):
        run([article()], now=NOW.replace(tzinfo=None))
