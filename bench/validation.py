"""How much article validation costs: the one-off GX import and build, then per batch.

    .venv/bin/python bench/validation.py [--repeat N]

Batches are synthetic articles, about 5% of them bad in one way each, so the quarantine
path is part of what is timed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime, timedelta

from tasks import validate
from tasks.config import Settings
from tasks.models import Article

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
OUTLETS = {"harbour-gazette", "valley-times"}
LANGUAGES = {"en", "de"}
SENTENCE = "the council said on tuesday that the new terminal would open next spring"


def synthetic_batch(rows: int) -> list[Article]:
    """`rows` plausible articles; every 20th is broken in one of four ways."""
    words = SENTENCE.split()
    articles = []
    for i in range(rows):
        body = " ".join(words[(i + j) % len(words)] for j in range(60))
        article = Article(
            url=f"https://harbour-gazette.example/news/{i}",
            outlet="harbour-gazette",
            title=f"Terminal opening delayed, council says ({i})",
            published_at=NOW - timedelta(minutes=i),
            language="en",
            body=body,
            word_count=60,
        )
        if i % 20 == 0:
            match i // 20 % 4:
                case 0:
                    article.title = ""
                case 1:
                    article.body += " <script>track()</script>"
                case 2:
                    article.published_at = NOW + timedelta(days=1)
                case 3:
                    article.outlet = "unknown-outlet"
        articles.append(article)
    return articles


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def validate_batch(articles: list[Article]) -> validate.ValidationOutcome:
    return validate.validate_articles(
        articles, outlet="harbour-gazette", known_outlets=OUTLETS, languages=LANGUAGES, now=NOW
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="batches timed per size")
    args = parser.parse_args()

    seconds, _ = timed(validate._gx)
    print(f"import great_expectations         {seconds:8.2f} s   (once per process)")
    seconds, _ = timed(lambda: validate_batch(synthetic_batch(10)))
    print(f"context + suite + first batch     {seconds:8.2f} s   (once per process)")

    delay = Settings().fetch.min_host_delay
    for rows in (100, 10_000):
        batch = synthetic_batch(rows)
        runs = [timed(lambda b=batch: validate_batch(b)) for _ in range(args.repeat)]
        outcome = runs[-1][1]
        median = statistics.median(seconds for seconds, _ in runs)
        print(
            f"validate {rows:>6} rows            {median * 1000:8.1f} ms  "
            f"(median of {args.repeat}; {len(outcome.passed)} passed, "
            f"{len(outcome.quarantined)} quarantined)"
        )
        # One host's pages are fetched at most one per `min_host_delay` seconds, so an
        # outlet batch of this size takes at least rows * delay to fetch.
        floor = f"({rows} pages x {delay:g} s)"
        print(f"  share of its fetch floor {floor:<20}  {median / (rows * delay):8.3%}")


if __name__ == "__main__":
    main()
