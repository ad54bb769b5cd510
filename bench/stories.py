"""How story grouping costs the loader when the warehouse holds many recent articles.

    .venv/bin/python bench/stories.py [--stored 100000] [--batch 100]

Stores `--stored` articles of the last three days (random signatures, the stored form)
by earlier runs in a DuckDB file, then times what the loader does for each outlet's
batch: read the recent stories (the first time, all of them; after that, only what other
writers stored since), and assign a batch of new articles against them. The ingest flow
reads once a run and then refreshes; before, every outlet's load read everything again.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.load import LoadBatch, recent_stories, write_batch  # noqa: E402
from tasks.models import Article  # noqa: E402
from tasks.stories import HASHES, StorySignature, story_signature  # noqa: E402
from warehouse import db  # noqa: E402

CHUNK = 20_000


def random_signature(rng: random.Random) -> list[int]:
    values = [rng.getrandbits(31) for _ in range(HASHES)]
    bands = tuple(values[i] << 31 | values[i + 1] for i in range(0, HASHES, 2))
    return StorySignature(bands, 300, 0).to_db()


def store(db_path: Path, count: int, rng: random.Random, run_id: str) -> None:
    for start in range(0, count, CHUNK):
        articles = [Article(url=f"https://outlet.example/{i}", outlet="outlet", title="t",
                            body="b", language="en")
                    for i in range(start, min(count, start + CHUNK))]
        write_batch(db_path, LoadBatch(
            run_id=run_id, outlet="outlet", articles=articles,
            stories={a.url_hash: (a.url_hash, random_signature(rng)) for a in articles}))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=100, help="new articles per load")
    args = parser.parse_args()
    rng = random.Random(7)
    words = [f"w{i}" for i in range(5000)]
    new = [(f"new{i}", story_signature(None, " ".join(rng.choice(words) for _ in range(400))))
           for i in range(args.batch)]
    with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
        db_path = Path(tmp) / "w.duckdb"
        # In a child process, so that this one's peak memory is the reads' own.
        storing = multiprocessing.Process(target=store, args=(db_path, args.stored, rng,
                                                              "earlier"))
        storing.start()
        storing.join()
        with db.write(db_path) as con:
            con.execute("UPDATE articles SET loaded_at = loaded_at - INTERVAL 1 HOUR")

        started, rss = time.perf_counter(), peak_mb()
        index = recent_stories(db_path, run_id="this")
        first_read, index_mb = time.perf_counter() - started, peak_mb() - rss
        started = time.perf_counter()
        recent_stories(db_path, index, "this")
        refresh = time.perf_counter() - started
        started = time.perf_counter()
        index.assign(new)
        assign = time.perf_counter() - started
    print(f"{args.stored:,} stored articles of the last 3 days, {args.batch} new a batch")
    print(f"first read of the recent stories (once a run):    {first_read:8.2f} s")
    print(f"peak memory the index added:                      {index_mb:8.0f} MB")
    print(f"refresh before each later load:                   {refresh * 1000:8.1f} ms")
    print(f"assigning a batch against them:                   {assign * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
