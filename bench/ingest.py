"""Benchmark the ingest flow at scale: ~20,000 articles from local newsrooms on 127.0.0.1
(several instances, each with its own seed and port, one outlet list), with no politeness
delay and a realistic server latency, on this machine.

    python bench/ingest.py                     # 20,000 articles, 30 ms latency
    python bench/ingest.py --articles 2000     # a quick look
    python bench/ingest.py --enforce           # exit 1 when a target is missed

Each measurement runs in a process of its own (clean caches, its own peak memory):
  extraction  the extractor alone, one core: pages/s on bench/extraction.py's corpus (the
              target's yardstick; skipped when ../shared/corpus is absent) and, for
              reference, on a sample of the newsroom's own simpler pages
  direct      the flow's batch functions called without Prefect (the tasks' `.fn`), on a
              thread pool of the same size, loads in the main thread as in the flow
  flow        the ingest flow under Prefect (a local test server, started before timing)
Direct and flow alternate for `--rounds` rounds (default 2) and the fastest run of each
counts, so that a slow spell of a shared machine does not land on one side only.
Prefect's share is (flow - direct) / flow. Targets: flow throughput >= 70% of the
extraction-only rate of bench/extraction.py, Prefect's share < 10%, peak memory < 1 GB.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

NOW = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)  # stories group by recency
EXTRACTION_SAMPLE = 600
TARGET_SHARE_OF_EXTRACTION = 0.70
TARGET_PREFECT_SHARE = 0.10
TARGET_PEAK_MB = 1024
SETTINGS = {"fetch": {"allow_private_hosts": True, "min_host_delay": 0.0, "max_per_host": 8,
                      "max_concurrency": 8, "max_articles_per_outlet": 5000, "retries": 1,
                      "backoff_seconds": 0.1}}


def serve(articles: int, latency: float, conn: Connection) -> None:
    """Start newsrooms until they hold `articles`, report them, serve until told to stop."""
    from newsroom.server import start_newsroom

    rooms, total, seed = [], 0, 7
    while total < articles:
        room = start_newsroom(now=NOW, seed=seed, latency=latency)
        rooms.append(room)
        total += len(room.articles)
        seed += 1
    conn.send([{"outlets": room.outlets_config(), "urls": [a["url"] for a in room.articles]}
               for room in rooms])
    conn.recv()
    for room in rooms:
        room.stop()


def write_config(folder: Path, rooms: list[dict]) -> Path:
    """One outlet list over all newsrooms: each instance's outlets get its number."""
    outlets = []
    for number, room in enumerate(rooms):
        for outlet in room["outlets"]:
            outlets.append({**outlet, "name": f"{outlet['name']}-{number:02d}"})
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "outlets.yaml").write_text(yaml.safe_dump({"outlets": outlets}), "utf-8")
    (folder / "settings.yaml").write_text(yaml.safe_dump(SETTINGS), "utf-8")
    return folder


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up(config_dir: str) -> None:
    """Imports and first-use costs (Great Expectations: ~7 s) kept out of the timings."""
    from tasks.config import load_config
    from tasks.models import Article
    from tasks.validate import validate_articles

    config = load_config(config_dir)
    validate_articles([Article(url="http://127.0.0.1/x", outlet=config.outlets[0].name)],
                      outlet=config.outlets[0].name, known_outlets=config.outlet_names,
                      languages=config.settings.languages, now=datetime.now(UTC))


def phase_extraction(urls: list[str]) -> dict[str, Any]:
    """Extraction alone, the best of two runs over bench/extraction.py's corpus and over
    the sampled newsroom pages."""
    import requests

    from bench.extraction import DEFAULT_CORPUS, load_corpus, ours
    from tasks.charset import decode_html

    with requests.Session() as http:
        newsroom = []
        for url in urls:
            response = http.get(url)
            newsroom.append((url, decode_html(response.content,
                                              response.headers.get("content-type"))[0]))
    corpus = [(url, html) for _id, html, url in load_corpus(DEFAULT_CORPUS)]

    def best_seconds(pages: list[tuple[str, str]]) -> float:
        runs = []
        for _ in range(2):
            started = time.perf_counter()
            for url, html in pages:
                ours(html, url)
            runs.append(time.perf_counter() - started)
        return min(runs)

    return {"pages": len(newsroom), "seconds": best_seconds(newsroom),
            "corpus_pages": len(corpus), "corpus_seconds": best_seconds(corpus) if corpus else 0,
            "corpus": str(DEFAULT_CORPUS)}


def phase_direct(config_dir: str, db_path: str, workers: int) -> dict[str, Any]:
    """The flow's work without Prefect: the same task bodies, the same shape."""
    from flows.ingest import load_task, outlet_task
    from tasks.config import load_config
    from tasks.run import PendingLoads, start_run

    warm_up(config_dir)
    started = time.perf_counter()
    run = start_run(load_config(config_dir), db_path)

    articles = 0
    waiting = [o.name for o in run.outlets]
    in_flight: set[Future] = set()
    pending = PendingLoads()
    with ThreadPoolExecutor(max_workers=workers) as pool:

        def submit_next() -> None:
            outlet = waiting.pop(0)
            in_flight.add(pool.submit(outlet_task.fn, run.config.for_outlet(outlet), outlet,
                                      run.db_path, run.run_id))

        # The flow's window of outlets in flight, topped up before each load.
        while waiting and len(in_flight) < workers:
            submit_next()
        while in_flight:
            future = next(as_completed(in_flight))
            in_flight.remove(future)
            if waiting:
                submit_next()
            pending.add(future.result())
            if pending.due() or not in_flight:
                summaries = load_task.fn(run, pending.take())
                articles += sum(s["articles"] for s in summaries)
    return {"articles": articles, "seconds": time.perf_counter() - started}


def phase_flow(config_dir: str, db_path: str, workers: int) -> dict[str, Any]:
    from prefect.testing.utilities import prefect_test_harness

    from flows.ingest import ingest

    warm_up(config_dir)
    with prefect_test_harness(server_startup_timeout=120):
        started = time.perf_counter()
        summaries = ingest(config_dir=config_dir, db_path=db_path, max_workers=workers)
        seconds = time.perf_counter() - started
    errors = [s for s in summaries if "error" in s]
    return {"articles": sum(s.get("articles", 0) for s in summaries), "seconds": seconds,
            "outlet_errors": len(errors)}


def run_phase(name: str, *args: str) -> dict[str, Any]:
    """A phase in a fresh process; its last stdout line is the JSON result."""
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "GX_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "ERROR"}
    done = subprocess.run([sys.executable, __file__, "--phase", name, *args], env=env,
                          capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"phase {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--latency", type=float, default=0.03, help="seconds per response")
    parser.add_argument("--max-workers", type=int, default=8, help="outlets at once")
    parser.add_argument("--rounds", type=int, default=2,
                        help="direct and flow runs, alternating; the fastest of each counts")
    parser.add_argument("--enforce", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--phase", choices=["extraction", "direct", "flow"],
                        help=argparse.SUPPRESS)
    parser.add_argument("phase_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.phase:
        extra = args.phase_args
        if args.phase == "extraction":
            result = phase_extraction(json.loads(Path(extra[0]).read_text("utf-8")))
        elif args.phase == "direct":
            result = phase_direct(extra[0], extra[1], int(extra[2]))
        else:
            result = phase_flow(extra[0], extra[1], int(extra[2]))
        print(json.dumps({**result, "peak_mb": peak_mb()}))
        return 0

    parent, child = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(args.articles, args.latency, child),
                                     daemon=True)
    server.start()
    rooms = parent.recv()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
            folder = Path(tmp)
            config_dir = str(write_config(folder / "config", rooms))
            urls = [url for room in rooms for url in room["urls"]]
            outlets = sum(len(room["outlets"]) for room in rooms)
            print(f"{len(rooms)} newsrooms, {outlets} outlets, {len(urls)} articles, "
                  f"{args.latency * 1000:.0f} ms latency, {args.max_workers} outlets at once, "
                  f"{os.cpu_count()} cores", flush=True)
            sample = folder / "sample.json"
            sample.write_text(json.dumps(
                urls[:: max(1, len(urls) // EXTRACTION_SAMPLE)][:EXTRACTION_SAMPLE]))
            extraction = run_phase("extraction", str(sample))
            directs, flows = [], []
            for round_ in range(1, args.rounds + 1):
                directs.append(run_phase("direct", config_dir,
                                         str(folder / f"direct-{round_}.duckdb"),
                                         str(args.max_workers)))
                flows.append(run_phase("flow", config_dir, str(folder / f"flow-{round_}.duckdb"),
                                       str(args.max_workers)))
                direct_s, flow_s = directs[-1]["seconds"], flows[-1]["seconds"]
                print(f"round {round_}: direct {direct_s:.1f} s, flow {flow_s:.1f} s "
                      f"(Prefect {1 - direct_s / flow_s:.1%})", flush=True)
    finally:
        parent.send("stop")
        server.join(timeout=30)

    direct = min(directs, key=lambda result: result["seconds"])
    flow = min(flows, key=lambda result: result["seconds"])
    extraction_rate = extraction["pages"] / extraction["seconds"]
    flow_rate = flow["articles"] / flow["seconds"]
    share = (flow["seconds"] - direct["seconds"]) / flow["seconds"]
    peak = max(result["peak_mb"] for result in directs + flows)
    print(f"{'measure':<34}{'articles':>9}{'seconds':>9}{'per s':>8}{'peak MB':>9}")
    rows = [("direct (no Prefect)", direct["articles"], direct["seconds"], direct["peak_mb"]),
            ("flow (Prefect)", flow["articles"], flow["seconds"], flow["peak_mb"])]
    if extraction["corpus_pages"]:
        corpus_rate = extraction["corpus_pages"] / extraction["corpus_seconds"]
        rows.insert(0, ("extraction only (corpus, 1 core)", extraction["corpus_pages"],
                        extraction["corpus_seconds"], extraction["peak_mb"]))
    for name, count, seconds, peak_row in rows:
        print(f"{name:<34}{count:>9}{seconds:>9.1f}{count / seconds:>8.1f}{peak_row:>9.0f}")
    print(f"for reference, extraction alone on {extraction['pages']} of the newsroom's own "
          f"(simpler) pages: {extraction_rate:.1f}/s; the flow reaches "
          f"{flow_rate / extraction_rate:.0%} of it")
    checks = [
        (f"Prefect's share of the flow's time: {share:.1%}", share < TARGET_PREFECT_SHARE),
        (f"peak memory: {peak:.0f} MB", peak < TARGET_PEAK_MB),
        (f"outlets that failed in the flow: {flow['outlet_errors']}", not flow["outlet_errors"]),
    ]
    if extraction["corpus_pages"]:
        checks.insert(0, (f"flow / extraction-only rate of bench/extraction.py: "
                          f"{flow_rate / corpus_rate:.0%}",
                          flow_rate >= TARGET_SHARE_OF_EXTRACTION * corpus_rate))
    else:
        print(f"  skipped: the throughput target (no extraction corpus at {extraction['corpus']})")
    for text, ok in checks:
        print(f"  {'ok  ' if ok else 'MISS'} {text}")
    return 1 if args.enforce and not all(ok for _text, ok in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
