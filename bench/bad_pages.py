"""Time the hostile pages of tests/test_extract_bad_pages.py: seconds per page through
`extract_article` (decoded first, as the flows do) and `extract_file`, the slowest against
a target. The test only guards against a hang; this is where the speed is watched.

    python bench/bad_pages.py                  # the figures
    python bench/bad_pages.py --enforce        # exit 1 when a page is over --max-seconds

Each page is timed after the language model has loaded, best of `--rounds`.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tasks.charset import decode_html  # noqa: E402
from tasks.errors import ExtractError  # noqa: E402
from tasks.extract import detect_language, extract_article, extract_file  # noqa: E402
from tests.test_extract_bad_pages import BAD_PAGES, URL  # noqa: E402  (the same pages)


def best_of(rounds: int, call: Callable[[], object]) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        with contextlib.suppress(ExtractError):
            call()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--max-seconds", type=float, default=5.0,
                        help="target for the slowest page (default 5 s)")
    parser.add_argument("--enforce", action="store_true", help="exit 1 over the target")
    args = parser.parse_args()
    logging.getLogger("newswatch.extract").setLevel(logging.ERROR)  # "page cut short": known
    detect_language("load the model before the first page is timed")
    slowest = 0.0
    print(f"{'page':32} {'extract_article':>16} {'extract_file':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for name, (make, _expect) in sorted(BAD_PAGES.items()):
            raw = make()
            path = Path(folder) / f"{name}.html"
            path.write_bytes(raw)
            html = decode_html(raw, "text/html")[0]
            article = best_of(args.rounds, lambda: extract_article(html, URL))  # noqa: B023
            file = best_of(args.rounds, lambda: extract_file(path))  # noqa: B023
            slowest = max(slowest, article, file)
            print(f"{name:32} {article:15.2f}s {file:12.2f}s")
    verdict = "within" if slowest <= args.max_seconds else "OVER"
    print(f"slowest page: {slowest:.2f} s, {verdict} the {args.max_seconds:g} s target")
    return 1 if args.enforce and slowest > args.max_seconds else 0


if __name__ == "__main__":
    sys.exit(main())
