"""The warehouse at a year's scale, on both backends.

    .venv/bin/python bench/warehouse.py [--articles 1000000] [--topics 50] [--loads 20000]

Fills a DuckDB file and a DuckLake (SQLite catalog) with a synthetic year: `--articles`
articles from 20 outlets (one or two of `--topics` topics each, Zipf-weighted; wire
copies three to a story; ~60-word bodies), a fetch_log row each, a detector decision per
topic and hour, alerts and quarantined rows, written in bulk by SQL. Then it loads
`--loads` more articles through the loader's own upserts (`tasks.load.write_batch`,
`--batch` a transaction) on top, and prints per backend: that load throughput, size on
disk, the latency of each example query in warehouse/queries/ (best of three, through an
analyst's connection) and of the alerts flow's count (`count_stories`: every topic,
hourly, over the detector's 28-day window), and the ratio DuckLake / file. Targets on
the file backend: every example query under 1 s, the alerts count under 2 s
(`--enforce` turns a miss into exit code 1).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.alerting import count_stories  # noqa: E402
from tasks.config import WarehouseSettings  # noqa: E402
from tasks.load import LoadBatch, write_batch  # noqa: E402
from tasks.match import TopicHit  # noqa: E402
from tasks.models import Article  # noqa: E402
from warehouse import db  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "warehouse" / "queries").glob("*.sql"))
OUTLETS = [f"outlet-{i:02d}" for i in range(20)]
QUERY_TARGET, COUNT_TARGET = 1.0, 2.0
WORDS = [f"word{i}" for i in range(2000)]


def batches(total: int, topics: int, size: int, now: datetime, offset: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    weights = 1 / np.arange(1, topics + 1)
    weights /= weights.sum()
    for start in range(0, total, size):
        n = min(size, total - start)
        ages = rng.uniform(0, 365 * 86400, n)
        outlets = rng.integers(0, len(OUTLETS), n)
        firsts = rng.choice(topics, n, p=weights)
        seconds = rng.choice(topics, n, p=weights)
        words = rng.integers(0, len(WORDS), (n, 8))
        stories = (offset + start + np.arange(n)) // 3  # wire copies: three a story
        batch = LoadBatch(run_id=f"bench{start}", outlet="bench")
        for i in range(n):
            key = offset + start + i
            published = now - timedelta(seconds=float(ages[i]))
            body = " ".join(WORDS[w] for w in words[i]) * 8
            article = Article(url=f"https://{OUTLETS[outlets[i]]}.example/{key}",
                              outlet=OUTLETS[outlets[i]], title=f"Story {stories[i]}",
                              published_at=published, language="en", body=body,
                              word_count=64, content_hash=f"h{key}")
            batch.articles.append(article)
            batch.stories[article.url_hash] = (f"story{stories[i]}", [])
            batch.topics.append((article.url_hash, TopicHit(f"topic{firsts[i]:02d}", 1, 1, 4.0)))
            if seconds[i] != firsts[i] and i % 2:
                batch.topics.append((article.url_hash,
                                     TopicHit(f"topic{seconds[i]:02d}", 0, 2, 2.0)))
        yield batch


def size_of(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_file():
            total += path.stat().st_size
        elif path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return total


def best(run, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


FILL = """
INSERT INTO outlets SELECT 'outlet-' || lpad(i::VARCHAR, 2, '0'), 'Outlet ' || i,
    'outlet' || i || '.example', 'en', NULL, now() FROM range(20) r(i);
INSERT INTO articles (url_hash, url, outlet, title, published_at, counts_at, language, body,
                      word_count, content_hash, story_id, loaded_at, run_id)
SELECT md5(i::VARCHAR), 'https://outlet' || (i % 20) || '.example/' || i,
       'outlet-' || lpad((i % 20)::VARCHAR, 2, '0'), 'Story ' || (i // 3), p, p, 'en',
       repeat('word' || (i % 997) || ' alpha beta gamma delta ', 12), 60, md5(i::VARCHAR),
       'story' || (i // 3), p + INTERVAL 10 MINUTE, 'fill'
FROM (SELECT i, $now::TIMESTAMPTZ - to_seconds(hash(i) % (365 * 86400)) AS p
      FROM range($articles) r(i));
INSERT INTO article_topics
SELECT md5(i::VARCHAR), 'topic' || lpad(floor($topics * pow((hash(i * 7) % 100000) / 100000.0,
       2))::INT::VARCHAR, 2, '0'), 1, 1, 4.0 FROM range($articles) r(i);
INSERT INTO article_topics
SELECT * FROM (SELECT md5(i::VARCHAR) AS h, 'topic' || lpad(floor($topics * pow(
       (hash(i * 13) % 100000) / 100000.0, 2))::INT::VARCHAR, 2, '0') AS t, 0, 2, 2.0
       FROM range(0, $articles, 2) r(i)) x
WHERE NOT EXISTS (SELECT 1 FROM article_topics a WHERE a.url_hash = x.h AND a.topic = x.t);
INSERT INTO fetch_log (run_id, outlet, kind, url, status, bytes, elapsed_ms, attempt,
                       error_class, error_message, fetched_at)
SELECT 'fill', outlet, 'article', url, CASE WHEN hash(url) % 30 = 0 THEN 503 ELSE 200 END,
       40000, 80, 1, CASE WHEN hash(url) % 30 = 0 THEN 'HTTPError' END,
       CASE WHEN hash(url) % 30 = 0 THEN 'HTTP 503' END, loaded_at FROM articles;
INSERT INTO spike_decisions (topic, bucket_start, observed, expected, score, status, reason,
                             decided_at)
SELECT 'topic' || lpad(t::VARCHAR, 2, '0'), time_bucket(INTERVAL 1 HOUR, $now::TIMESTAMPTZ)
       - to_hours(h), 3, 2.5, 0.4, 'quiet', 'score under the threshold', now()
FROM range($topics) a(t), range(365 * 24) b(h);
INSERT INTO quarantine (url, outlet, failed_expectations, record, run_id, quarantined_at)
SELECT 'https://outlet1.example/q' || i, 'outlet-01', ['expect_title_to_exist'], '{}', 'fill',
       $now::TIMESTAMPTZ - to_hours(i) FROM range($articles // 100) r(i);
INSERT INTO alerts (alert_id, topic, kind, episode_id, bucket_start, observed, expected, score,
                    articles, stories, outlets, message, status, created_at)
SELECT 'topic00:' || i, 'topic00', 'alert', 'topic00:' || i,
       $now::TIMESTAMPTZ - to_days(i), 12, 2, 6.1, 30, 12, 5, '{}', 'sent',
       $now::TIMESTAMPTZ - to_days(i) FROM range(300) r(i);
"""


def fill(path: Path, args, now: datetime) -> None:
    with db.write(path) as con:
        sql = FILL.replace("$articles", str(args.articles)).replace(
            "$topics", str(args.topics)).replace("$now", f"'{now.isoformat()}'")
        for statement in sql.split(";\n"):
            if statement.strip():
                con.execute(statement)


def measure(name: str, path: Path, files: list[Path], args, now: datetime) -> dict:
    started = time.perf_counter()
    fill(path, args, now)
    filled = time.perf_counter() - started
    started = time.perf_counter()
    for batch in batches(args.loads, args.topics, args.batch, now, offset=args.articles):
        write_batch(path, batch)
    if name == "file":
        db.publish(path)  # what a commit of a big warehouse waits for, at most
    load = time.perf_counter() - started
    result = {"name": name, "fill_s": filled, "per_s": args.loads / load,
              "bytes": size_of(files), "queries": {}}
    with db.snapshot(path) as con:
        for query in QUERIES:
            sql = query.read_text(encoding="utf-8")
            result["queries"][query.stem] = best(lambda sql=sql: con.execute(sql).fetchall())
            print(f"  {name} {query.name}: {result['queries'][query.stem]:.3f} s", flush=True)
    topics = [f"topic{i:02d}" for i in range(args.topics)]
    result["count"] = best(lambda: count_stories(path, topics, timedelta(hours=1),
                                                 now - timedelta(days=28), now))
    print(f"  {name} alerts count: {result['count']:.3f} s", flush=True)
    print(f"{name}: filled {args.articles} articles in {filled:.1f} s, loaded {args.loads} "
          f"more in {load:.1f} s ({result['per_s']:.0f}/s), {result['bytes'] / 2**20:.0f} MB",
          flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--topics", type=int, default=50)
    parser.add_argument("--loads", type=int, default=20_000,
                        help="articles loaded through the loader on top of the fill")
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--backends", default="file,ducklake")
    parser.add_argument("--enforce", action="store_true")
    args = parser.parse_args()
    now = datetime.now(UTC)
    results = []
    with tempfile.TemporaryDirectory(prefix="newswatch-bench-") as tmp:
        folder = Path(tmp)
        for name in args.backends.split(","):
            path = folder / f"{name}.duckdb"
            if name == "ducklake":
                settings = WarehouseSettings(backend="ducklake",
                                             catalog=f"sqlite:{folder / 'catalog.sqlite'}",
                                             data_path=f"{folder / 'files'}/")
                db.configure(path, settings)
                files = [folder / "catalog.sqlite", folder / "files"]
            else:
                files = [db.primary(path)]
            results.append(measure(name, path, files, args, now))
    print(f"\n{args.articles} articles, {args.topics} topics")
    names = [r["name"] for r in results]
    header = f"{'measure':34}" + "".join(f"{n:>12}" for n in names)
    print(header + ("   ducklake/file" if len(results) == 2 else ""))

    def row(label: str, values: list[float], unit: str, ratio: bool = True) -> None:
        line = f"{label:34}" + "".join(f"{v:>10.3f} {unit}" for v in values)
        if len(values) == 2 and ratio:
            line += f"   {values[1] / values[0]:>8.1f}x"
        print(line)

    row("bulk fill (SQL), s", [r["fill_s"] for r in results], " ")
    row("loader upserts, articles/s", [r["per_s"] for r in results], " ")
    row("size, MB", [r["bytes"] / 2**20 for r in results], " ")
    misses = []
    for query in QUERIES:
        values = [r["queries"][query.stem] for r in results]
        row(query.name, values, "s")
        if results[0]["name"] == "file" and values[0] >= QUERY_TARGET:
            misses.append(f"{query.name} {values[0]:.2f} s >= {QUERY_TARGET} s")
    values = [r["count"] for r in results]
    row("alerts count (count_stories)", values, "s")
    if results[0]["name"] == "file" and values[0] >= COUNT_TARGET:
        misses.append(f"alerts count {values[0]:.2f} s >= {COUNT_TARGET} s")
    for miss in misses:
        print(f"  MISS {miss}")
    if not misses:
        print(f"  ok   file backend: every example query < {QUERY_TARGET:g} s, "
              f"alerts count < {COUNT_TARGET:g} s")
    return 1 if misses and args.enforce else 0


if __name__ == "__main__":
    sys.exit(main())
