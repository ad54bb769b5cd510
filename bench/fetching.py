"""Fetching bench: is a run's wall time set by politeness, or by our own overhead?

    .venv/bin/python bench/fetching.py                # 20 hosts, 600 pages, 1 s per host
    .venv/bin/python bench/fetching.py --delay 0      # raw throughput: server latency only
    .venv/bin/python bench/fetching.py --hosts 8 --pages 160 --concurrency 8

Starts H small threaded HTTP servers, each bound to its own loopback address (127.0.0.2,
127.0.0.3, ...) so the fetcher sees H distinct hosts. Each serves a robots.txt and ~60 KB
article pages, answering every request after a latency drawn from 50-200 ms (seeded, one
random stream per host). N pages, spread round-robin over the hosts, are fetched through
ONE Fetcher the way the ingest flow does it: one `fetch_pages` batch per host (outlet),
the batches run by a thread pool of min(H, max_concurrency) workers.

The politeness limit is what a client with zero overhead would achieve under the same
rules: per host, robots.txt then the pages one after another, each request starting
`max(previous start + delay, previous end)`, using the very latencies the servers will
draw; host batches go to the workers in order. With enough workers it is about
H / max(delay, latency). Achieved / limit near 1 means our overhead does not matter.

The servers run in a child process, so they neither take our GIL nor count in our CPU
time. Prints pages/s, the limit, the ratio, CPU per page of the fetching process, and the
smallest gap between two requests to one host twice: as the servers saw them and as the
fetcher handed them to `requests` (a session that stamps each request). Exits 1 when a
page failed, the fetcher sent two requests to a host closer than the delay (beyond
GAP_TOLERANCE), or the ratio fell below --min-ratio; exits 2 when the servers did not
start or the run overran its deadline (twice the zero-overhead time plus 30 s).
"""

from __future__ import annotations

import argparse
import heapq
import multiprocessing
import os
import random
import sys
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor, wait
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlsplit

import requests

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tasks.config import FetchSettings  # noqa: E402
from tasks.fetch import FetchedBatch, Fetcher, fetch_pages  # noqa: E402
from tasks.models import Candidate  # noqa: E402

LATENCY = (0.05, 0.2)  # seconds, uniform, for robots.txt and pages alike
ROBOTS = b"User-agent: *\nDisallow: /private/\n"  # no Crawl-delay: min_host_delay rules
PAGE_BYTES = 60_000
# Our own pacing is judged where the fetcher hands a request to `requests`; a gap short of
# the delay by more than this is the fetcher's doing, not thread-scheduling noise. The
# servers' view adds the hop to another process, which a loaded machine can stretch by
# tens of ms, so it is printed but not judged.
GAP_TOLERANCE = 0.005


def article(host: int, page: int) -> bytes:
    """A plausible news page of about PAGE_BYTES, different for every URL."""
    rng = random.Random(host * 100_003 + page)
    words = ["minister", "talks", "ceasefire", "budget", "Kyiv", "Tehran", "vote", "market",
             "energy", "drone", "court", "ruling", "strike", "harbour", "summit", "inflation"]
    paragraphs = []
    size = 0
    while size < PAGE_BYTES:
        text = " ".join(rng.choices(words, k=60))
        paragraphs.append(f"<p>{text}.</p>")
        size += len(paragraphs[-1]) + 1
    title = f"Article {page} on host {host}"
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title><meta property='og:title' content='{title}'>"
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
        f"\"headline\": \"{title}\", \"datePublished\": \"2024-05-01T10:00:00Z\"}}</script>"
        f"</head><body><article><h1>{title}</h1>" + "\n".join(paragraphs)
        + "</article></body></html>"
    ).encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle on, the body would wait for the
    # client's delayed ACK (40 ms on Linux), a stall real servers avoid the same way.
    disable_nagle_algorithm = True
    server: HostServer

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        arrived = time.monotonic()
        latency = self.server.arrive(arrived)
        path = self.path.split("?")[0]
        if path == "/robots.txt":
            status, body, kind = 200, ROBOTS, "text/plain"
        elif path in self.server.pages:
            status, body, kind = 200, self.server.pages[path], "text/html; charset=utf-8"
        else:
            status, body, kind = 404, b"not found", "text/html"
        time.sleep(max(0.0, arrived + latency - time.monotonic()))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class HostServer(ThreadingHTTPServer):
    """One outlet on its own loopback address; answers in the order requests arrive,
    each after the next latency of its seeded list. Pages are built before the clock
    starts, so serving one costs next to no CPU."""

    daemon_threads = True

    def __init__(self, index: int, latencies: list[float], page_numbers: list[int]) -> None:
        super().__init__((f"127.0.0.{index + 2}", 0), Handler)
        self.url = f"http://127.0.0.{index + 2}:{self.server_address[1]}"
        self.latencies = latencies
        self.pages = {f"/news/{n}.html": article(index, n) for n in page_numbers}
        self.arrivals: list[float] = []
        self._lock = threading.Lock()

    def arrive(self, at: float) -> float:
        with self._lock:
            n = len(self.arrivals)
            self.arrivals.append(at)
        # More requests than planned (a retry) still get an answer, at the longest latency.
        return self.latencies[n] if n < len(self.latencies) else LATENCY[1]


def serve(latencies: list[list[float]], page_numbers: list[list[int]], conn: Connection,
          give_up_after: float) -> None:
    """The servers' process: starts one server per host, sends their URLs, and on any
    message (or after `give_up_after` seconds) stops and sends back the arrival times.
    Its own process, so the servers neither share our GIL nor count in our CPU time."""
    servers = [HostServer(h, lat, nums)
               for h, (lat, nums) in enumerate(zip(latencies, page_numbers, strict=True))]
    for server in servers:
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
    conn.send([s.url for s in servers])
    conn.poll(give_up_after)
    for server in servers:
        server.shutdown()
        server.server_close()
    conn.send([s.arrivals for s in servers])
    conn.close()


class StampingSession(requests.Session):
    """A Session that notes when each request leaves the fetcher, per host."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: dict[str, list[float]] = defaultdict(list)
        self._lock = threading.Lock()

    def request(self, method, url, *args, **kwargs):
        with self._lock:
            self.sent[urlsplit(url).netloc].append(time.monotonic())
        return super().request(method, url, *args, **kwargs)


def gaps(series: list[list[float]]) -> list[float]:
    """Seconds between neighbouring times, within each list (one list per host)."""
    return [later - earlier for times in series
            for earlier, later in zip(times, times[1:], strict=False)]


def spacing(who: str, between: list[float], delay: float) -> str:
    """One line on the gaps between requests to a host, seen from `who`."""
    if not between:
        return f"{who}: no two requests to one host"
    short = [g for g in between if g < delay]
    text = (f"{who}: min gap {min(between) * 1000:.1f} ms, "
            f"{len(short)} of {len(between)} gaps under the delay")
    return text + (f", by at most {(delay - min(between)) * 1000:.1f} ms" if short else "")


def host_seconds(latencies: list[float], delay: float) -> float:
    """Zero-overhead time of one host's batch: robots.txt, then the pages in sequence."""
    start, end = 0.0, latencies[0]
    for latency in latencies[1:]:
        start = max(start + delay, end)
        end = start + latency
    return end


def ideal_seconds(per_host: list[float], workers: int) -> float:
    """Wall time when the batches go, in order, to the first free of `workers` threads."""
    free = [0.0] * workers
    for seconds in per_host:
        heapq.heappush(free, heapq.heappop(free) + seconds)
    return max(free)


def run(args: argparse.Namespace) -> int:
    hosts, pages, delay = args.hosts, args.pages, args.delay
    workers = min(hosts, args.concurrency)
    page_numbers = [list(range(h, pages, hosts)) for h in range(hosts)]
    rngs = [random.Random(args.seed * 1_000_003 + h) for h in range(hosts)]
    latencies = [[rng.uniform(*LATENCY) for _ in range(len(nums) + 1)]  # +1: robots.txt
                 for rng, nums in zip(rngs, page_numbers, strict=True)]
    ideal_per_host = [host_seconds(lat, delay) for lat in latencies]
    ideal = ideal_seconds(ideal_per_host, workers)
    deadline = 2 * ideal + 30

    ours, theirs = multiprocessing.Pipe()
    server_process = multiprocessing.get_context("spawn").Process(
        target=serve, args=(latencies, page_numbers, theirs, deadline + 30), daemon=True)
    server_process.start()
    started = time.monotonic()
    while not ours.poll(0.1):
        if not server_process.is_alive() or time.monotonic() - started > 30:
            print("the loopback servers did not start (see above); nothing fetched",
                  file=sys.stderr)
            return 2
    urls = ours.recv()
    batches = [[Candidate(url=f"{urls[h]}/news/{n}.html", outlet=f"outlet-{h}",
                          source=f"{urls[h]}/feed.xml") for n in page_numbers[h]]
               for h in range(hosts)]
    settings = FetchSettings(allow_private_hosts=True, min_host_delay=delay,
                             max_per_host=args.per_host, max_concurrency=args.concurrency)
    session = StampingSession()
    fetcher = Fetcher(settings, session=session)
    took = [0.0] * hosts

    def fetch_batch(h: int) -> FetchedBatch:
        began = time.monotonic()
        try:
            return fetch_pages(batches[h], fetcher)
        finally:
            took[h] = time.monotonic() - began

    print(f"fetching {pages} pages from {hosts} hosts (127.0.0.2-127.0.0.{hosts + 1}), "
          f"min_host_delay {delay:g} s, {workers} workers, max_per_host {args.per_host}, "
          f"latency {LATENCY[0] * 1000:.0f}-{LATENCY[1] * 1000:.0f} ms, seed {args.seed}; "
          f"zero-overhead time {ideal:.2f} s", file=sys.stderr)
    cpu0, wall0 = time.process_time(), time.monotonic()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="outlet")
    futures = [pool.submit(fetch_batch, h) for h in range(hosts)]
    _, pending = wait(futures, timeout=deadline)
    wall, cpu = time.monotonic() - wall0, time.process_time() - cpu0
    if pending:
        print(f"overran the {deadline:.0f} s deadline with {len(pending)} host batches "
              "unfinished; giving up", file=sys.stderr)
        server_process.kill()
        sys.stdout.flush()
        os._exit(2)  # a fetch still in flight must not keep the bench alive
    pool.shutdown()
    fetcher.close()
    ours.send("stop")
    arrivals = ours.recv() if ours.poll(10) else [[] for _ in range(hosts)]
    server_process.join(10)

    results = [f.result() for f in futures]
    fetched = sum(len(b.pages) for b in results)
    failed = [msg for b in results for _, msg in b.failed]
    server_gaps = gaps(arrivals)
    client_gaps = gaps(list(session.sent.values()))
    achieved, limit = fetched / wall, pages / ideal
    ratio = achieved / limit
    lags = sorted(t - i for t, i in zip(took, ideal_per_host, strict=True))
    simple = min(hosts, workers) / max(delay, sum(LATENCY) / 2)

    print(f"pages fetched        {fetched}/{pages} in {wall:.2f} s ({sum(map(len, arrivals))} "
          f"requests incl. robots.txt, {len(failed)} failed)")
    print(f"achieved             {achieved:.2f} pages/s")
    print(f"politeness limit     {limit:.2f} pages/s (zero-overhead {ideal:.2f} s; "
          f"workers/max(delay, mean latency) = {simple:.2f})")
    print(f"achieved / limit     {ratio:.3f}")
    print(f"CPU per page         {cpu / max(fetched, 1) * 1000:.2f} ms (this process: the "
          f"fetcher; the servers run in another)")
    print(f"batch lag vs ideal   median {lags[len(lags) // 2] * 1000:.0f} ms, "
          f"max {lags[-1] * 1000:.0f} ms per host batch of {max(map(len, page_numbers)) + 1} "
          "requests")
    print(f"per-host spacing     delay {delay * 1000:.0f} ms; "
          f"{spacing('seen by the servers', server_gaps, delay)}")
    print(f"                     {spacing('as sent by the fetcher', client_gaps, delay)}")
    transit = sorted(arrived - sent for h, url in enumerate(urls)
                     for sent, arrived in zip(session.sent[urlsplit(url).netloc], arrivals[h],
                                              strict=False))
    if transit:
        print(f"hand-off to arrival  median {transit[len(transit) // 2] * 1000:.1f} ms, "
              f"max {transit[-1] * 1000:.1f} ms (from the fetcher calling requests to the "
              "server stamping the request)")

    problems = []
    if failed:
        problems.append(f"{len(failed)} pages failed, first: {failed[0]}")
    if client_gaps and min(client_gaps) < delay - GAP_TOLERANCE:
        problems.append(f"the fetcher sent two requests to one host "
                        f"{min(client_gaps) * 1000:.1f} ms apart, under the "
                        f"{delay * 1000:.0f} ms min_host_delay")
    if ratio < args.min_ratio:
        problems.append(f"achieved/limit {ratio:.3f} is under --min-ratio {args.min_ratio}")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="example: .venv/bin/python bench/fetching.py --hosts 20 --pages 600 --delay 1",
    )
    parser.add_argument("--hosts", type=int, default=20, help="loopback hosts (1-250)")
    parser.add_argument("--pages", type=int, default=600, help="pages to fetch in all (1-2000)")
    parser.add_argument("--delay", type=float, default=1.0,
                        help="min_host_delay in seconds (product default 1.0; 0: latency only)")
    parser.add_argument("--concurrency", type=int, default=None,
                        help="max_concurrency, also the worker count cap (default: --hosts, "
                        "so every host fetches at once; the product default is 8)")
    parser.add_argument("--per-host", type=int, default=2, help="max_per_host (default 2)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the server latencies")
    parser.add_argument("--min-ratio", type=float, default=0.9,
                        help="exit 1 when achieved/limit falls below this (default 0.9)")
    args = parser.parse_args(argv)
    if not 1 <= args.hosts <= 250:
        parser.error(f"--hosts {args.hosts}: must be 1-250 (one 127.0.0.N address each)")
    if not 1 <= args.pages <= 2_000:  # ~60 KB each, held by the servers and by us
        parser.error(f"--pages {args.pages}: must be 1-2000")
    if not 0 <= args.delay <= 10:
        parser.error(f"--delay {args.delay}: must be 0-10 seconds")
    args.concurrency = args.concurrency or args.hosts
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
