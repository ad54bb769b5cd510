"""Benchmark article-body extraction: ours against plain trafilatura, on the same pages in
the same run, scored with the shared scorer; fails below the floors pinned in
`bench/extraction_floors.json`.

    python bench/extraction.py                    # score, compare with the floors
    python bench/extraction.py --corpus DIR       # another corpus of <id>.html.gz + <id>.json
    python bench/extraction.py --lower-floors     # accept lower figures: rewrites the floors

Exit codes: 0 at or above the floors (or no corpus: skipped, with the reason printed),
1 below a floor.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tasks.charset import decode_html  # noqa: E402
from tasks.errors import ExtractError  # noqa: E402
from tasks.extract import detect_language, extract_article  # noqa: E402

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT_CORPUS = SHARED / "corpus" / "extraction-dev"
SCORER = SHARED / "tools" / "score_extraction.py"
FLOORS = Path(__file__).with_name("extraction_floors.json")

Page = tuple[str, str, str]  # id, decoded HTML, URL


def load_corpus(corpus: Path) -> list[Page]:
    """Every `<id>.html.gz` with its `<id>.json` (for the URL), decoded from bytes."""
    pages = []
    for path in sorted(corpus.glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        meta_path = corpus / f"{page_id}.json"
        url = json.loads(meta_path.read_text("utf-8")).get("url", "") if meta_path.exists() else ""
        html, _charset = decode_html(gzip.decompress(path.read_bytes()))
        pages.append((page_id, html, url))
    return pages


def ours(html: str, url: str) -> str:
    try:
        return extract_article(html, url).body
    except ExtractError:
        return ""


def plain_trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def predict(pages: list[Page], extractor: Callable[[str, str], str], out: Path) -> float:
    """Write `<id>.json` predictions; returns pages per second (extraction time only)."""
    out.mkdir(parents=True, exist_ok=True)
    bodies = {}
    started = time.perf_counter()
    for page_id, html, url in pages:
        bodies[page_id] = extractor(html, url)
    elapsed = time.perf_counter() - started
    for page_id, body in bodies.items():
        (out / f"{page_id}.json").write_text(json.dumps({"articleBody": body}), "utf-8")
    return len(pages) / elapsed


def load_scorer(path: Path = SCORER) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(corpus: Path, scorer_path: Path = SCORER) -> dict[str, dict[str, float]]:
    """Score both extractors; returns {"ours": {...}, "trafilatura": {...}} with P/R/F1 and
    pages/s. Each extractor runs twice, alternating, and keeps its faster run, so that
    a noisy neighbour on the machine does not decide the speed ratio."""
    scorer = load_scorer(scorer_path)
    gold = scorer.load_gold([str(corpus)])
    pages = load_corpus(corpus)
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="newswatch-bench-") as tmp:
        speeds: dict[str, list[float]] = {"ours": [], "trafilatura": []}
        for _ in range(2):
            speeds["trafilatura"].append(
                predict(pages, plain_trafilatura, Path(tmp, "trafilatura"))
            )
            speeds["ours"].append(predict(pages, ours, Path(tmp, "ours")))
        for name in ("ours", "trafilatura"):
            metrics, _per_page = scorer.score_dir(gold, Path(tmp, name), n_bootstrap=0)
            results[name] = {
                "f1": metrics["f1"],
                "precision": metrics["precision"],
                "recall": metrics["recall"],
                "pages_per_s": max(speeds[name]),
            }
    results["ours"]["speed_ratio"] = (
        results["ours"]["pages_per_s"] / results["trafilatura"]["pages_per_s"]
    )
    return results


def language_ms(pages: list[Page]) -> float:
    """Milliseconds per language detection over the pages' extracted bodies (the model is
    loaded by then); extraction runs it only on pages that declare no language."""
    bodies = [ours(html, url) for _page_id, html, url in pages]
    detect_language("warm-up: the model loads on first use")
    started = time.perf_counter()
    for body in bodies:
        detect_language(body)
    return (time.perf_counter() - started) * 1000 / len(bodies)


def check_floors(results: dict[str, dict[str, float]], floors: dict[str, float]) -> list[str]:
    """The floors that `results` falls below, as readable lines."""
    mine = results["ours"]
    failures = []
    if mine["f1"] < floors["f1"]:
        failures.append(f"F1 {mine['f1']:.4f} is below the floor {floors['f1']:.4f}")
    if mine["speed_ratio"] < floors["speed_ratio"]:
        failures.append(
            f"speed ratio {mine['speed_ratio']:.2f} (ours / trafilatura) is below the floor "
            f"{floors['speed_ratio']:.2f}"
        )
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--scorer", type=Path, default=SCORER)
    parser.add_argument(
        "--lower-floors",
        action="store_true",
        help="rewrite the floors file with this run's figures where they are lower",
    )
    args = parser.parse_args(argv)

    if not args.corpus.is_dir() or not any(args.corpus.glob("*.html.gz")):
        print(f"skipped: no corpus at {args.corpus} (pass --corpus DIR)")
        return 0
    if not args.scorer.exists():
        print(f"skipped: no scorer at {args.scorer} (pass --scorer FILE)")
        return 0

    results = run(args.corpus, args.scorer)
    print(f"corpus: {args.corpus}")
    print(f"{'extractor':<14} {'F1':>7} {'P':>7} {'R':>7} {'pages/s':>9}")
    for name, row in results.items():
        print(
            f"{name:<14} {row['f1']:7.4f} {row['precision']:7.4f} {row['recall']:7.4f}"
            f" {row['pages_per_s']:9.1f}"
        )
    print(f"speed ratio (ours / trafilatura): {results['ours']['speed_ratio']:.2f}")
    print(f"language detection (py3langid): {language_ms(load_corpus(args.corpus)):.2f} ms a page")

    floors: dict[str, Any] = json.loads(FLOORS.read_text("utf-8"))
    failures = check_floors(results, floors)
    if failures and args.lower_floors:
        mine = results["ours"]
        floors["f1"] = round(min(floors["f1"], mine["f1"]), 4)
        floors["speed_ratio"] = round(min(floors["speed_ratio"], mine["speed_ratio"]), 2)
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n", "utf-8")
        print(f"floors lowered in {FLOORS}: {failures}")
        return 0
    for failure in failures:
        print(f"BELOW FLOOR: {failure}")
    if not failures:
        print(
            f"at or above the floors in {FLOORS.name}: "
            f"F1 {floors['f1']}, speed ratio {floors['speed_ratio']}"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
